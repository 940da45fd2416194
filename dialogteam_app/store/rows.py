"""Small helpers shared by the repositories."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..domain.errors import FieldError, ValidationError, raise_if
from ..domain.ids import utc_now
from .connection import sqlite3
from .purge import purge_deleted_content
from .scope_check import check_row_scope

# Column -> value for one row being written: plain SQL values (str, int, float, None).
Values = dict[str, Any]


def check_row(table: str, values: Mapping[str, object]) -> None:
    """The table's field rules, the same the window and the importer ask, before any write."""
    # Every domain module's rules: ~20 ms to import, so at the first write (or in the
    # window's warm-up), not when the store is opened.
    from ..domain.rule_registry import rules_for
    table_rules = rules_for(table)
    if table_rules is not None:
        raise_if(table_rules.errors(values))


def upsert(conn: sqlite3.Connection, table: str, values: Mapping[str, object]) -> None:
    """Insert or update one row by id, stamping updated_at."""
    values = {**values, "updated_at": utc_now()}
    check_row(table, values)
    check_row_scope(conn, table, values)
    cols = ", ".join(values)
    marks = ", ".join(f":{c}" for c in values)
    updates = ", ".join(f"{c} = excluded.{c}" for c in values if c != "id")
    conn.execute(
        f"INSERT INTO {table} ({cols}) VALUES ({marks}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}", values)


def stored_list(text: str) -> list[str]:
    """A JSON list of codes as stored; a damaged one reads as empty (`check` reports it)."""
    import json  # here: no list is read on the way to the first window (~1 ms to import)
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return []
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def stored_int(value: object) -> int:
    """A whole number as stored; anything else (a hand edit, an old package) reads as 0,
    so totals skip it and nothing compares text with numbers (`check` reports it)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def stored_optional_int(value: object) -> int | None:
    """An optional whole number as stored; anything else reads as not given."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def stored_real(value: object) -> float | None:
    """A measured value as stored; a non-number reads as not given."""
    return float(value) if isinstance(value, (int, float)) \
        and not isinstance(value, bool) else None


def delete(conn: sqlite3.Connection, table: str, record_id: str) -> int:
    """Delete the row (its children by cascade) and what it leaves elsewhere."""
    count: int = conn.execute(f"DELETE FROM {table} WHERE id = ?", (record_id,)).rowcount
    if count:
        purge_deleted_content(conn)
    return count


def reorder(conn: sqlite3.Connection, table: str, ids: list[str]) -> None:
    """Store a new order as position 0..n-1."""
    conn.executemany(f"UPDATE {table} SET position = ? WHERE id = ?",
                     [(i, rid) for i, rid in enumerate(ids)])


def replace_links(conn: sqlite3.Connection, table: str, owner_column: str, other_column: str,
                  owner_id: str, ids: list[str]) -> None:
    """Make a link table hold exactly `ids` for this owner (duplicates dropped, order kept)."""
    conn.execute(f"DELETE FROM {table} WHERE {owner_column} = ?", (owner_id,))
    conn.executemany(f"INSERT INTO {table} ({owner_column}, {other_column}) VALUES (?, ?)",
                     [(owner_id, i) for i in dict.fromkeys(ids)])


def check_units_belong(conn: sqlite3.Connection, unit_ids: list[str], organiser_id: str) -> None:
    """Skolenheter picked for an engagement or meeting must be the huvudman's own."""
    if not unit_ids:
        return
    marks = ",".join("?" * len(unit_ids))
    foreign = conn.execute(
        f"SELECT count(*) FROM school_units WHERE id IN ({marks}) AND organiser_id != ?",
        (*unit_ids, organiser_id)).fetchone()[0]
    if foreign:
        raise ValidationError(FieldError("school_unit_ids",
                                         "En vald skolenhet hör till en annan huvudman."))
