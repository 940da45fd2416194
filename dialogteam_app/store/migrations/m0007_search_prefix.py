"""Search: a one-letter prefix index on the notes' full-text index.

The first letter typed searched every word starting with it, merging hundreds of
doclists (p99 ~45 ms at 100 000 notes); with `prefix='1 2 3'` FTS5 keeps one
doclist per first letter. The option cannot be altered in place: the index is
created again and rebuilt from the notes (the triggers keep their names).
"""


from ..connection import run_script, sqlite3

VERSION = 7

SCHEMA = """
DROP TABLE notes_fts;
-- remove_diacritics 0: "här" must not match "har", nor "år" "ar".
CREATE VIRTUAL TABLE notes_fts USING fts5(
    body, content='notes', content_rowid='rowid',
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3'
);
INSERT INTO notes_fts(notes_fts) VALUES ('rebuild');
"""


def up(conn: sqlite3.Connection) -> None:
    run_script(conn, SCHEMA)
