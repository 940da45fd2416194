"""Deleted words leave the search index at once: FTS5's secure-delete.

Without it FTS5 records a delete as a marker and keeps the old entry in its
segments until a merge happens to drop it, so a deleted note's words stayed in the
file. With it every delete removes the entries in place (SQLite 3.42+, which the
SQLCipher driver has). The rebuild drops what earlier deletes left behind.
"""

from ..connection import sqlite3

VERSION = 10


def up(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO notes_fts(notes_fts, rank) VALUES ('secure-delete', 1)")
    conn.execute("INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')")
