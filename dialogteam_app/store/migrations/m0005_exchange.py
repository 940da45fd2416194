"""Exchange between laptops: tombstones for deleted records, the versions each
record was exchanged in (the base for three-way merges), and open conflicts.

All three tables are local bookkeeping and are never exchanged themselves.
"""


from ..connection import run_script, sqlite3

VERSION = 5

SCHEMA = """
-- One row per record that has been in a package (sent or received). `known` is a
-- JSON list of the version ids (content hashes) the record has had in exchanges,
-- oldest first; `contents` keeps the content of the newest few of them, so a
-- record changed on both laptops can be merged field by field against a common base.
CREATE TABLE exchange_versions (
    table_name TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    known      TEXT NOT NULL,
    contents   TEXT NOT NULL,
    PRIMARY KEY (table_name, record_id)
) WITHOUT ROWID;

-- A deleted record, so the deletion travels in packages instead of a colleague's
-- package bringing the record back. `version` identifies the deletion itself;
-- `known` is what the record's `known` was when it was deleted.
CREATE TABLE deleted_records (
    table_name TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    deleted_at TEXT NOT NULL,
    version    TEXT NOT NULL,
    known      TEXT NOT NULL,
    PRIMARY KEY (table_name, record_id)
) WITHOUT ROWID;

-- A record changed (or deleted) both here and in a colleague's package. The local
-- side stays as it is until the user chooses; the colleague's side waits here, so
-- the choice survives a restart. `waiting` holds the colleague's rows that need
-- this record to exist (say, new notes in a meeting deleted here).
CREATE TABLE exchange_conflicts (
    table_name     TEXT NOT NULL,
    record_id      TEXT NOT NULL,
    kind           TEXT NOT NULL
                   CHECK (kind IN ('changed_both', 'deleted_here', 'deleted_there', 'twin')),
    theirs         TEXT,
    theirs_version TEXT NOT NULL,
    theirs_known   TEXT NOT NULL,
    base           TEXT,
    twin_id        TEXT,
    waiting        TEXT NOT NULL DEFAULT '[]',
    source         TEXT NOT NULL DEFAULT '',
    detected_at    TEXT NOT NULL,
    PRIMARY KEY (table_name, record_id)
) WITHOUT ROWID;
"""


def up(conn: sqlite3.Connection) -> None:
    run_script(conn, SCHEMA)
