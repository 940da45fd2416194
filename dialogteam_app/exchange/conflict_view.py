"""Open conflicts as a person reads them: Swedish labels, names instead of ids,
both versions side by side, and which side most likely should win each field."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..domain.record_names import value_label
from ..store.cascade import cascade_counts
from ..store.connection import sqlite3
from .conflicts import Conflict, list_conflicts
from .labels import YES_NO_COLUMNS, column_label, describe, record_title
from .records import LINK_PREFIX, RecordReader, link_columns
from .report import KIND_TEXTS
from .schema_graph import SchemaGraph, Table, quote
from .three_way import suggested_side

EMPTY = "–"


@dataclass
class FieldRow:
    key: str
    label: str
    mine: str
    theirs: str
    differs: bool
    suggested: str           # conflicts.MINE or conflicts.THEIRS


@dataclass
class ConflictView:
    table: str
    record_id: str
    kind: str
    title: str
    source: str
    detected_at: str
    mine_exists: bool
    theirs_exists: bool
    fields: list[FieldRow]
    waiting: int             # records of theirs that come in only if theirs is taken
    deletion_takes: Counter[str]  # what deleting my record would take along

    @property
    def kind_text(self) -> str:
        return KIND_TEXTS[self.kind]


def conflict_views(conn: sqlite3.Connection) -> list[ConflictView]:
    graph = SchemaGraph.read(conn)
    return [_view(conn, graph, c) for c in list_conflicts(conn)]


def _view(conn: sqlite3.Connection, graph: SchemaGraph, c: Conflict) -> ConflictView:
    table = graph.tables[c.table]
    mine_id = c.twin_id or c.id
    mine = RecordReader(conn, graph).load(table, [mine_id]).get(mine_id)
    mine_content = mine.content if mine else None
    theirs_content = c.theirs.content if c.theirs else None
    shown = mine_content or theirs_content
    assert shown is not None  # a conflict has at least one live side
    fields = []
    for key in shown:
        if key == "id":
            continue
        m = mine_content.get(key) if mine_content else None
        t = theirs_content.get(key) if theirs_content else None
        both = mine_content is not None and theirs_content is not None
        fields.append(FieldRow(
            key, column_label(key),
            _display(conn, graph, table, key, m) if mine_content is not None else "",
            _display(conn, graph, table, key, t) if theirs_content is not None else "",
            both and m != t,
            suggested_side(key, c.base, mine_content, theirs_content)
            if mine_content is not None and theirs_content is not None else "mine"))
    takes: Counter[str] = cascade_counts(conn, c.table, mine_id) if mine else Counter()
    waiting = sum(1 for w in c.waiting if "owner" not in w)
    return ConflictView(c.table, c.id, c.kind, describe(c.table, shown, c.id), c.source,
                        c.detected_at, mine is not None, c.theirs is not None, fields, waiting,
                        takes)


def _display(conn: sqlite3.Connection, graph: SchemaGraph, table: Table, key: str,
             value: Any) -> str:
    if key.startswith(LINK_PREFIX):
        link = graph.tables[key[len(LINK_PREFIX):]]
        columns = link_columns(link)
        shown = [" ".join(_value(conn, link, col, v) for col, v in zip(columns, values, strict=True))
                 for values in value or []]
        return ", ".join(shown) if shown else EMPTY
    return _value(conn, table, key, value)


def _value(conn: sqlite3.Connection, table: Table, column: str, value: Any) -> str:
    if value is None or value == "":
        return EMPTY
    fk = table.fk(column)
    if fk is not None:
        row = conn.execute(f"SELECT * FROM {quote(fk.target)} WHERE id = ?", (value,)).fetchone()
        return record_title(dict(row)) if row else f"(borttagen, {value[:8]})"
    if column in YES_NO_COLUMNS:
        return "ja" if value else "nej"
    if isinstance(value, str):
        return value_label(table.name, column, value)
    return str(value)
