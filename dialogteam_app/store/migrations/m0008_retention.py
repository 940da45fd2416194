"""Gallring: a record of each gallring of a samverkan (what was removed and when).

The table hangs under engagements, so it travels in exchange packages: a colleague's
laptop that receives it gallrar the same records, and an older package cannot bring
the removed text back (the importer gallrar again after every merge).
"""

from ..connection import run_script, sqlite3

VERSION = 8

SCHEMA = """
CREATE TABLE retentions (
    id             TEXT PRIMARY KEY,
    engagement_id  TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
    done_on        TEXT NOT NULL,          -- YYYY-MM-DD, also in the placeholder text
    ended_on       TEXT NOT NULL,          -- when the samverkan ended
    months         INTEGER NOT NULL CHECK (months >= 0),
    notes          INTEGER NOT NULL DEFAULT 0,
    participants   INTEGER NOT NULL DEFAULT 0,
    tags           INTEGER NOT NULL DEFAULT 0,
    task_owners    INTEGER NOT NULL DEFAULT 0,
    drafts         INTEGER NOT NULL DEFAULT 0,
    done_by        TEXT NOT NULL DEFAULT '',
    updated_at     TEXT NOT NULL
);
CREATE INDEX retentions_engagement ON retentions(engagement_id);
"""


def up(conn: sqlite3.Connection) -> None:
    run_script(conn, SCHEMA)
