"""Small helpers shared by the repositories."""

from __future__ import annotations

import sqlite3

from ..domain.ids import utc_now


def upsert(conn: sqlite3.Connection, table: str, values: dict) -> None:
    """Insert or update one row by id, stamping updated_at."""
    values = {**values, "updated_at": utc_now()}
    cols = ", ".join(values)
    marks = ", ".join(f":{c}" for c in values)
    updates = ", ".join(f"{c} = excluded.{c}" for c in values if c != "id")
    conn.execute(
        f"INSERT INTO {table} ({cols}) VALUES ({marks}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}", values)


def delete(conn: sqlite3.Connection, table: str, record_id: str) -> int:
    return conn.execute(f"DELETE FROM {table} WHERE id = ?", (record_id,)).rowcount


def reorder(conn: sqlite3.Connection, table: str, ids: list[str]) -> None:
    """Store a new order as position 0..n-1."""
    conn.executemany(f"UPDATE {table} SET position = ? WHERE id = ?",
                     [(i, rid) for i, rid in enumerate(ids)])
