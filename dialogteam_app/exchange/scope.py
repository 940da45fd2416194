"""Which records go into a package for one engagement, found by following foreign keys.

1. Down: the engagement and everything that cascades from it (meetings, notes,
   analysis, plan, versions …).
2. Up: everything those records point at (the huvudman, the responsible
   processtödjare, skolenheter), so the package never refers outside itself.
3. Beside: what cascades from those records in tables that do not belong to an
   engagement (the huvudman's contact persons and other skolenheter), but never
   another engagement or what belongs to it.

Link rows travel with the record that owns them.
"""

from __future__ import annotations

from collections.abc import Callable

from ..store.connection import sqlite3
from .records import IN_JSON_IDS, json_ids
from .schema_graph import ForeignKey, SchemaGraph, Table, quote

ROOT_TABLE = "engagements"


def engagement_ids(conn: sqlite3.Connection, graph: SchemaGraph,
                   engagement_id: str) -> dict[str, set[str]]:
    selected: dict[str, set[str]] = {t.name: set() for t in graph.record_tables}
    selected[ROOT_TABLE].add(engagement_id)
    engagement_tables = _tables_below(graph, ROOT_TABLE)
    pointers: Pointers = {}
    asked: Asked = {}
    _down(conn, graph, selected, {ROOT_TABLE: {engagement_id}}, lambda table: True, pointers,
          asked)
    # Up, then beside, until nothing new turns up (beside records point up again).
    frontier = {name: set(ids) for name, ids in selected.items()}
    while any(frontier.values()):
        found_up = _up(conn, graph, selected, frontier, pointers)
        found_beside = _down(conn, graph, selected, found_up,
                             lambda table: table not in engagement_tables, pointers, asked)
        frontier = {n: found_up.get(n, set()) | found_beside.get(n, set()) for n in selected}
    return selected


# Table -> (ids, the values of each of its foreign keys in those rows): read by _down
# along with the ids, so that _up need not read the same rows again (10 000 notes).
Pointers = dict[str, tuple[set[str], list[set[str]]]]
# (table, column) -> the values _down has looked for in that column: every row holding
# one was selected then. A note reached from its engagement need not be read again
# when it is reached from its meeting.
Asked = dict[tuple[str, str], set[str]]


def _up_keys(table: Table) -> list[ForeignKey]:
    return [fk for fk in table.foreign_keys if fk is not table.owner]  # not its owner


def _tables_below(graph: SchemaGraph, root: str) -> set[str]:
    """The root table and the tables that cascade from it, at any depth."""
    below = {root}
    changed = True
    while changed:
        changed = False
        for t in graph.order:
            if t.name not in below and any(fk.on_delete == "CASCADE" and fk.target in below
                                           for fk in t.foreign_keys):
                below.add(t.name)
                changed = True
    return below


def _select(conn: sqlite3.Connection, table: Table, column: str, values: set[str],
            asked: Asked) -> tuple[set[str], list[set[str]]]:
    """The ids of the rows whose `column` is one of `values`, and what they point at;
    rows found before through another column are left out."""
    fks = _up_keys(table)
    columns = ", ".join(["id", *(quote(fk.column) for fk in fks)])
    where = [f"{quote(column)} {IN_JSON_IDS}"]
    params = [json_ids(values)]
    for fk in fks:
        if fk.column != column and (table.name, fk.column) in asked:
            where.append(f"({quote(fk.column)} IS NULL OR {quote(fk.column)} NOT {IN_JSON_IDS})")
            params.append(json_ids(asked[(table.name, fk.column)]))
    asked.setdefault((table.name, column), set()).update(values)
    cursor = conn.cursor()
    cursor.row_factory = None
    rows = cursor.execute(f"SELECT {columns} FROM {quote(table.name)} "
                          f"WHERE {' AND '.join(where)}", params).fetchall()
    return {r[0] for r in rows}, [{r[i] for r in rows} - {None} for i in range(1, len(fks) + 1)]


def _down(conn: sqlite3.Connection, graph: SchemaGraph, selected: dict[str, set[str]],
          start: dict[str, set[str]], allowed: Callable[[str], bool],
          pointers: Pointers, asked: Asked) -> dict[str, set[str]]:
    """Records cascading from `start` in allowed record tables; adds them to selected."""
    found: dict[str, set[str]] = {}
    frontier = {n: set(ids) for n, ids in start.items() if ids}
    while frontier:
        next_frontier: dict[str, set[str]] = {}
        for parent, ids in frontier.items():
            for fk in graph.referencing(parent):
                child = graph.tables.get(fk.table)
                if child is None or child.is_link or fk.on_delete != "CASCADE" \
                        or not allowed(child.name):
                    continue
                rows, targets = _select(conn, child, fk.column, ids, asked)
                new = rows - selected[child.name]
                if new:
                    selected[child.name] |= new
                    found.setdefault(child.name, set()).update(new)
                    next_frontier.setdefault(child.name, set()).update(new)
                    # (the targets of rows selected before as well: they are in scope anyway)
                    known_ids, known_targets = pointers.setdefault(
                        child.name, (set(), [set() for _ in targets]))
                    known_ids |= new
                    for values, more in zip(known_targets, targets, strict=True):
                        values |= more
        frontier = next_frontier
    return found


def _up(conn: sqlite3.Connection, graph: SchemaGraph, selected: dict[str, set[str]],
        frontier: dict[str, set[str]], pointers: Pointers) -> dict[str, set[str]]:
    """Records that the frontier's records and their link rows point at."""
    found: dict[str, set[str]] = {}
    while any(frontier.values()):
        next_frontier: dict[str, set[str]] = {}
        for name, ids in frontier.items():
            if not ids:
                continue
            sources = [(graph.tables[name], "id")] + [(link, link.link_owner.column)
                                                      for link in graph.links_of(name)]
            for table, key in sources:
                fks = _up_keys(table)
                if not fks:
                    continue
                read_ids, columns = (pointers.pop(name) if key == "id" and name in pointers
                                     else (set(), [set() for _ in fks]))
                if ids - read_ids:
                    more = _targets(conn, table.name, key, [fk.column for fk in fks],
                                    ids - read_ids)
                    columns = [a | b for a, b in zip(columns, more, strict=True)]
                for fk, targets in zip(fks, columns, strict=True):
                    new = targets - selected[fk.target]
                    if new:
                        selected[fk.target] |= new
                        found.setdefault(fk.target, set()).update(new)
                        next_frontier.setdefault(fk.target, set()).update(new)
        frontier = next_frontier
    return found


def _targets(conn: sqlite3.Connection, table: str, key: str, columns: list[str],
             ids: set[str]) -> list[set[str]]:
    """The values (but NULL) of each column in the rows whose `key` is one of `ids`: one
    query for all the columns (10 000 notes were looked up once per foreign key)."""
    found: list[set[str]] = [set() for _ in columns]
    names = ", ".join(quote(c) for c in columns)
    cursor = conn.cursor()
    cursor.row_factory = None
    for row in cursor.execute(f"SELECT DISTINCT {names} FROM {quote(table)} "
                              f"WHERE {quote(key)} {IN_JSON_IDS}", (json_ids(ids),)):
        for values, value in zip(found, row, strict=True):
            values.add(value)
    for values in found:
        values.discard(None)
    return found
