"""What a delete takes with it, read from the schema's ON DELETE CASCADE links,
so the confirmation can say exactly what will disappear."""

from __future__ import annotations

from collections import Counter

from .connection import sqlite3


def _cascading_children(conn: sqlite3.Connection) -> dict[str, list[tuple[str, str]]]:
    """parent table -> [(child table, child column)] for ON DELETE CASCADE keys."""
    children: dict[str, list[tuple[str, str]]] = {}
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    for table in tables:
        for fk in conn.execute(f"PRAGMA foreign_key_list('{table}')"):
            if fk["on_delete"] == "CASCADE" and fk["to"] == "id":
                children.setdefault(fk["table"], []).append((table, fk["from"]))
    return children


def cascade_counts(conn: sqlite3.Connection, table: str, record_id: str) -> Counter[str]:
    """Records in other tables that deleting table[record_id] would delete too.

    Link tables (no id column) are left out: they are not things a user thinks of.
    """
    doomed = cascade_ids(conn, table, record_id)
    doomed[table].discard(record_id)
    return +Counter({t: len(ids) for t, ids in doomed.items()})


def cascade_ids(conn: sqlite3.Connection, table: str, record_id: str) -> dict[str, set[str]]:
    """Ids per table of everything deleting table[record_id] deletes, itself included."""
    graph = _cascading_children(conn)
    doomed: dict[str, set[str]] = {table: {record_id}}
    frontier = [(table, [record_id])]
    while frontier:
        parent, ids = frontier.pop()
        for child, column in graph.get(parent, []):
            if not _has_id(conn, child):
                continue
            marks = ",".join("?" * len(ids))
            seen = doomed.setdefault(child, set())
            # A record reached along two paths (a note: by its meeting and its
            # engagement) is counted and followed once.
            new = [r[0] for r in conn.execute(
                f"SELECT id FROM {child} WHERE {column} IN ({marks})", ids) if r[0] not in seen]
            seen.update(new)
            if new:
                frontier.append((child, new))
    return doomed


def _has_id(conn: sqlite3.Connection, table: str) -> bool:
    return any(r["name"] == "id" for r in conn.execute(f"PRAGMA table_info('{table}')"))
