"""Deleted means gone: what a delete leaves behind is removed at once.

With `secure_delete` on (store/connection.py) SQLite overwrites freed pages with
zeros, and the search index removes a deleted note's entries in place (FTS5's
secure-delete, migration 10). What is left is the exchange's bookkeeping: the
contents of the versions last exchanged, kept as merge bases.
`purge_deleted_content` clears those inside the deleting transaction;
`checkpoint` then moves everything out of the WAL and truncates it.
"""

from __future__ import annotations

from .connection import sqlite3


def purge_deleted_content(conn: sqlite3.Connection) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "exchange_versions" in tables:
        exchanged = [r[0] for r in conn.execute(
            "SELECT DISTINCT table_name FROM exchange_versions WHERE contents != '{}'")]
        for name in (t for t in exchanged if t in tables):
            # Only the contents go: `known` (hashes) is what makes the deletion travel.
            conn.execute(f'UPDATE exchange_versions SET contents = \'{{}}\' '
                         f'WHERE table_name = ? AND contents != \'{{}}\' '
                         f'AND record_id NOT IN (SELECT id FROM "{name}")', (name,))


def checkpoint(conn: sqlite3.Connection) -> None:
    """Copy the WAL into the database and cut it to zero bytes (if no reader holds it)."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
