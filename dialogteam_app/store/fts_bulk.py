"""Many notes inserted at once: the full-text index filled in one statement.

The trigger notes_ai indexes each note as it is inserted. Run for every row of a
bulk insert it costs ~24 µs a note (10 000 notes of a package: ~240 ms, ten times
the insert itself); the same entries written by one INSERT … SELECT afterwards take
~15 ms. So a bulk insert drops the trigger, inserts, indexes the new rows and
creates the trigger again from its own text in sqlite_master, all inside the
caller's transaction: a failure rolls the trigger back with everything else.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .connection import sqlite3

# table -> (its insert trigger, the FTS5 table it fills, the indexed columns)
INDEXED = {"notes": ("notes_ai", "notes_fts", ("body",))}
# Fewer rows go through the trigger: dropping and creating it makes every connection
# read the schema again, which costs more than indexing a few notes one by one.
BULK_FROM = 200


@contextmanager
def indexed_once(conn: sqlite3.Connection, table: str, rows: int) -> Iterator[None]:
    """Insert `rows` rows into `table` inside; the index gets them when the block ends.
    Only inserts: the update and delete triggers stay, and a row updated inside must
    be one that was there before (an upsert of existing rows is fine)."""
    trigger = INDEXED.get(table) if rows >= BULK_FROM else None
    found = None if trigger is None else conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ? AND tbl_name = ?",
        (trigger[0], table)).fetchone()
    if trigger is None or found is None:
        yield
        return
    name, fts, columns = trigger
    # New rows get rowids above the largest one (SQLite's rule until rowid 2^63 - 1).
    last = conn.execute(f'SELECT coalesce(max(rowid), 0) FROM "{table}"').fetchone()[0]
    conn.execute(f'DROP TRIGGER "{name}"')
    try:
        yield
    finally:  # the index and the trigger as they were, whatever happened inside
        names = ", ".join(f'"{c}"' for c in columns)
        conn.execute(f'INSERT INTO "{fts}"(rowid, {names}) SELECT rowid, {names} '
                     f'FROM "{table}" WHERE rowid > ?', (last,))
        conn.execute(found[0])
