"""Every row stays inside one samverkan and one huvudman.

A row's *roots* are the engagement and the huvudman it belongs to, found by
following its foreign keys upwards (a note: its meeting's engagement and its own
engagement_id; a skolenhet linked to an engagement: the skolenhet's huvudman and
the engagement's). All paths must agree: a note whose meeting belongs to another
engagement, evidence pointing at a note of another samverkan, or a skolenhet of
another huvudman linked to an engagement is refused. The store checks each row
it writes; the package importer checks every row with the package's rows first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..domain.errors import FieldError, ValidationError
from ..domain.record_names import table_name
from .connection import sqlite3

ROOTS = ("engagements", "organisers")
Row = Mapping[str, object]
Lookup = Callable[[str, str], "Row | None"]


class ScopeError(ValueError):
    """A row's references lead into two engagements (or two huvudmän). Swedish text."""


class RootResolver:
    def __init__(self, foreign_keys: Mapping[str, list[tuple[str, str]]], lookup: Lookup):
        self._fks = foreign_keys       # table -> [(column, target table)]
        self._lookup = lookup
        self._memo: dict[tuple[str, str], dict[str, str]] = {}

    def roots_of_row(self, table: str, row: Row, record_id: str | None = None) -> dict[str, str]:
        """{root table: id} for a row, raising ScopeError when two paths disagree."""
        roots: dict[str, str] = {}
        if table in ROOTS and record_id:
            roots[table] = record_id
        for column, target in self._fks.get(table, []):
            value = row.get(column)
            if isinstance(value, str) and value:
                _merge(roots, self.roots_of(target, value), table, record_id)
        return roots

    def roots_of_record(self, table: str, row: Row, record_id: str) -> dict[str, str]:
        """roots_of_row for the row that the lookup finds for this record, remembered:
        the importer checks a note and then its tags, which ask for the note's roots."""
        key = (table, record_id)
        if key not in self._memo:
            self._memo[key] = self.roots_of_row(table, row, record_id)
        return self._memo[key]

    def roots_of(self, table: str, record_id: str) -> dict[str, str]:
        key = (table, record_id)
        if key not in self._memo:
            self._memo[key] = {}        # a cycle ends here instead of recursing forever
            row = self._lookup(table, record_id)
            self._memo[key] = self.roots_of_row(table, row, record_id) if row is not None \
                else ({table: record_id} if table in ROOTS else {})
        return self._memo[key]


def _merge(roots: dict[str, str], more: Mapping[str, str], table: str,
           record_id: str | None) -> None:
    for root, rid in more.items():
        if roots.setdefault(root, rid) != rid:
            what = "samverkan" if root == "engagements" else "huvudmän"
            raise ScopeError(
                f"En {table_name(table)}{f' ({record_id[:8]})' if record_id else ''} hör "
                f"till två olika {what} ({roots[root][:8]} och {rid[:8]}).")


_FK_CACHE: dict[str, dict[str, list[tuple[str, str]]]] = {}


def foreign_keys(conn: sqlite3.Connection) -> dict[str, list[tuple[str, str]]]:
    """table -> [(column, target)] for every table (cached by the schema's text)."""
    schema = conn.execute("SELECT group_concat(sql, ';') FROM sqlite_master").fetchone()[0] or ""
    if schema not in _FK_CACHE:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = "
                                             "'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")]
        result: dict[str, list[tuple[str, str]]] = {}
        for t in tables:
            for r in conn.execute(f'PRAGMA foreign_key_list("{t}")'):
                result.setdefault(t, []).append((r[3], r[2]))
        _FK_CACHE[schema] = result
    return _FK_CACHE[schema]


def database_lookup(conn: sqlite3.Connection) -> Lookup:
    def lookup(table: str, record_id: str) -> Row | None:
        row = conn.execute(f'SELECT * FROM "{table}" WHERE id = ?', (record_id,)).fetchone()
        return dict(row) if row is not None else None
    return lookup


def check_row_scope(conn: sqlite3.Connection, table: str, values: Row) -> None:
    """For the store: the row about to be written stays in one samverkan and huvudman."""
    resolver = RootResolver(foreign_keys(conn), database_lookup(conn))
    record_id = values.get("id")
    try:
        resolver.roots_of_row(table, values, record_id if isinstance(record_id, str) else None)
    except ScopeError as exc:
        raise ValidationError(FieldError("scope", str(exc))) from None
