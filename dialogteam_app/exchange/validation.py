"""Checking a package's rows against this database's schema before anything is written.

Every table and column must be known here, every value must have its column's
type, ids must be hex UUIDs, text must pass the domain's text check, and every
reference must lead to a record in the package or in this database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..domain.fields import check_text
from ..domain.record_names import table_name
from ..domain.rule_registry import rules_for
from ..domain.rules import TableRules
from ..store.connection import sqlite3
from ..store.scope_check import RootResolver, ScopeError, database_lookup, foreign_keys
from .errors import PackageError
from .history import MAX_KNOWN, Tombstone
from .package_format import HEX_ID, Limits
from .package_reader import Package
from .records import Row, chunks
from .schema_graph import Column, SchemaGraph, Table, quote


@dataclass
class ValidPackage:
    rows: dict[str, list[Row]]                  # every exchanged table, maybe empty
    known: dict[str, dict[str, list[str]]]      # table -> id -> known versions
    deleted: list[tuple[str, str, Tombstone]]


def validate(package: Package, graph: SchemaGraph, limits: Limits) -> ValidPackage:
    rows: dict[str, list[Row]] = {t.name: [] for t in graph.order}
    counts = {t["name"]: t["rows"] for t in package.manifest["tables"]}
    for name, table_rows in package.rows.items():
        if not graph.is_exchanged(name):
            raise PackageError(f"Paketet innehåller tabellen {name[:60]!r}, som den här "
                               "versionen av Dialogteam inte känner till. Det har inte lästs.")
        table = graph.tables[name]
        if not isinstance(table_rows, list):
            raise PackageError(f"{_where(table)}: filen är ingen lista av rader.")
        if len(table_rows) != counts[name]:
            raise PackageError(f"{_where(table)}: manifestet anger {counts[name]} rader men "
                               f"filen har {len(table_rows)}.")
        table_rules = rules_for(name)
        check_row = _row_checker(table, table_rules, limits)
        for i, row in enumerate(table_rows):
            check_row(row, i)
        _check_unique(table, table_rows)
        if table.is_link and table_rules is not None:
            _check_per_owner(table, table_rules, table_rows)
        rows[name] = table_rows
    ids = {t.name: {r["id"] for r in rows[t.name]} for t in graph.record_tables}
    for link in (t for t in graph.order if t.is_link):
        for row in rows[link.name]:
            owner = link.link_owner
            if row[owner.column] not in ids[owner.target]:
                raise PackageError(f"{_where(link)}: en rad hör till "
                                   f"{table_name(owner.target)} "
                                   f"{row[owner.column][:8]}, som inte finns i paketet.")
    known = _check_versions(package.versions, graph, ids)
    deleted = _check_deleted(package.deleted, graph, ids)
    return ValidPackage(rows, known, deleted)


def check_references(conn: sqlite3.Connection, graph: SchemaGraph, package: ValidPackage) -> None:
    """Every id a row points at is in the package or in this database."""
    in_package = {t.name: {r["id"] for r in package.rows[t.name]} for t in graph.record_tables}
    for table in graph.order:
        for fk in table.foreign_keys:
            wanted = {row[fk.column] for row in package.rows[table.name]} - {None}
            missing = sorted(wanted - in_package[fk.target])
            for part in chunks(missing):
                marks = ",".join("?" * len(part))
                found = {r[0] for r in conn.execute(
                    f"SELECT id FROM {quote(fk.target)} WHERE id IN ({marks})", part)}
                absent = [v for v in part if v not in found]
                if absent:
                    raise PackageError(
                        f"{_where(table)}: en rad pekar på {table_name(fk.target)} "
                        f"{absent[0][:8]} (kolumnen {fk.column}), som varken finns i paketet "
                        "eller här. Paketet hänger inte ihop och har inte importerats.")


def check_scope(conn: sqlite3.Connection, graph: SchemaGraph, package: ValidPackage,
                scope: dict[str, str]) -> None:
    """What docs/paketformat.md promises: each row stays in one samverkan and one
    huvudman (child rows agree with their parents), and a package for one samverkan
    writes nothing into another, nor into another huvudman's records."""
    by_id = {t.name: {r["id"]: r for r in package.rows[t.name]} for t in graph.record_tables}
    from_db = database_lookup(conn)

    def lookup(table: str, record_id: str) -> Mapping[str, object] | None:
        found = by_id.get(table, {}).get(record_id)
        return found if found is not None else from_db(table, record_id)

    resolver = RootResolver(foreign_keys(conn), lookup)
    wanted = _scope_roots(scope, by_id)
    for table in graph.order:
        for row in package.rows[table.name]:
            try:
                roots = resolver.roots_of_row(table.name, row) if table.is_link \
                    else resolver.roots_of_record(table.name, row, row["id"])
            except ScopeError as exc:
                raise PackageError(f"{_where(table)}: {exc} Paketet hänger inte ihop och har "
                                   "inte importerats.") from None
            for root, rid in wanted.items():
                if roots.get(root, rid) != rid:
                    raise PackageError(
                        f"{_where(table)}: en rad hör till en annan "
                        f"{table_name(root)} ({roots[root][:8]}) än paketets "
                        f"({rid[:8]}). Ett paket för en samverkan får inte ändra något "
                        "utanför den; det har inte importerats.")


def _scope_roots(scope: dict[str, str],
                 by_id: dict[str, dict[str, dict[str, Any]]]) -> dict[str, str]:
    if scope.get("kind") != "samverkan":
        return {}
    engagement = by_id.get("engagements", {}).get(scope.get("engagement_id", ""))
    if engagement is None:
        raise PackageError("Paketet säger sig gälla en samverkan som inte finns i det. "
                           "Det har inte importerats.")
    return {"engagements": engagement["id"], "organisers": engagement["organiser_id"]}


def _where(table: Table) -> str:
    return f"Tabellen {table.name} ({table_name(table.name, 2)}) i paketet"


def _check_per_owner(table: Table, table_rules: TableRules, table_rows: list[dict[str, Any]]) -> None:
    """A note with a million tags would freeze its meeting: links per owner are bounded."""
    assert table.owner is not None and table_rules.max_per_owner is not None
    owners = Counter(row[table.owner.column] for row in table_rows)
    owner, count = owners.most_common(1)[0] if owners else ("", 0)
    if count > table_rules.max_per_owner:
        raise PackageError(f"{_where(table)}: {table_name(table.owner.target)} {owner[:8]} har "
                           f"{count} rader; högst {table_rules.max_per_owner} är tillåtet.")


Check = Callable[[Any], "str | None"]


def _row_checker(table: Table, table_rules: TableRules | None,
                 limits: Limits) -> Callable[[Any, int], None]:
    """The checks of one table's rows, worked out once per table (not per value):
    the columns, each value's type for its column, then the column's field rule."""
    names = set(table.column_names)
    checks = [(c.name, c.notnull, _type_check(table, c, limits),
               table_rules.columns.get(c.name) if table_rules is not None else None)
              for c in table.columns]

    def check(row: Any, i: int) -> None:
        if type(row) is not dict:
            raise PackageError(f"{_where(table)}, rad {i + 1}: raden är inget JSON-objekt.")
        if row.keys() != names:
            unknown = sorted(set(row) - names)
            if unknown:
                raise PackageError(f"{_where(table)}, rad {i + 1}: okänd kolumn "
                                   f"{unknown[0][:60]!r}.")
            missing = next(c for c in table.column_names if c not in row)
            raise PackageError(f"{_where(table)}, rad {i + 1}: kolumnen {missing} saknas.")
        for name, notnull, type_problem, rule in checks:
            value = row[name]
            if value is None:
                problem = "värde saknas." if notnull else None
            else:
                problem = type_problem(value) or (rule.problem(value) if rule else None)
            if problem:
                raise PackageError(f"{_where(table)}, rad {i + 1}, kolumnen {name}: {problem}")
    return check


def _type_check(table: Table, column: Column, limits: Limits) -> Check:
    """Whether a value (not NULL) has the column's type: an id, a number, a text …"""
    if column.name == "id" or table.fk(column.name) is not None:
        def is_id(value: Any) -> str | None:
            if type(value) is str and HEX_ID.match(value):
                return None
            return f"{str(value)[:40]!r} är inget giltigt id (32 hexadecimala tecken)."
        return is_id
    kind = column.affinity
    if kind == "INTEGER":
        return lambda value: None if isinstance(value, int) and not isinstance(value, bool) \
            else f"{str(value)[:40]!r} är inget heltal."
    if kind == "REAL":
        return lambda value: None if isinstance(value, (int, float)) \
            and not isinstance(value, bool) else f"{str(value)[:40]!r} är inget tal."
    if kind == "TEXT":
        return lambda value: check_text(value, "Texten", max_len=limits.max_text_chars) \
            if isinstance(value, str) else f"{str(value)[:40]!r} är ingen text."
    if kind == "NUMERIC":
        return lambda value: None if isinstance(value, (int, float, str)) \
            and not isinstance(value, bool) else f"{str(value)[:40]!r} är varken tal eller text."
    return lambda value: "binära värden kan inte utväxlas."


def _check_unique(table: Table, table_rows: list[Row]) -> None:
    keys: list[Any] = [r["id"] for r in table_rows] if not table.is_link else \
        [tuple(r[c] for c in table.column_names) for r in table_rows]
    if len(set(keys)) != len(keys):
        raise PackageError(f"{_where(table)}: samma rad förekommer två gånger.")


def _hex_list(value: Any) -> bool:
    return (isinstance(value, list) and len(value) <= MAX_KNOWN
            and all(isinstance(v, str) and HEX_ID.match(v) for v in value))


def _check_versions(versions: Any, graph: SchemaGraph,
                    ids: dict[str, set[str]]) -> dict[str, dict[str, list[str]]]:
    where = "Paketets versionsfil (utbyte/versioner.json)"
    if not isinstance(versions, dict):
        raise PackageError(f"{where} är inget JSON-objekt.")
    for name, per_id in versions.items():
        if name not in ids:
            raise PackageError(f"{where} nämner tabellen {name[:60]!r}, som inte finns.")
        if not isinstance(per_id, dict):
            raise PackageError(f"{where}: posten för {name} är inget JSON-objekt.")
        for record_id, known in per_id.items():
            if record_id not in ids[name]:
                raise PackageError(f"{where} nämner {table_name(name)} {record_id[:8]}, som "
                                   "inte finns i paketet.")
            if not _hex_list(known):
                raise PackageError(f"{where}: versionerna för {table_name(name)} "
                                   f"{record_id[:8]} är ingen lista av versions-id.")
    return versions


def _check_deleted(deleted: Any, graph: SchemaGraph,
                   ids: dict[str, set[str]]) -> list[tuple[str, str, Tombstone]]:
    where = "Paketets lista över borttagna poster (utbyte/borttagna.json)"
    if not isinstance(deleted, list):
        raise PackageError(f"{where} är ingen lista.")
    result: list[tuple[str, str, Tombstone]] = []
    seen: set[tuple[str, str]] = set()
    for entry in deleted:
        if not (isinstance(entry, dict)
                and set(entry) == {"table", "id", "deleted_at", "version", "known"}
                and entry["table"] in ids and isinstance(entry["id"], str)
                and HEX_ID.match(entry["id"]) and isinstance(entry["version"], str)
                and HEX_ID.match(entry["version"]) and _hex_list(entry["known"])
                and not check_text(entry["deleted_at"], "deleted_at")):
            raise PackageError(f"{where}: en post är felaktig ({str(entry)[:80]}).")
        key = (entry["table"], entry["id"])
        if key in seen:
            raise PackageError(f"{where}: samma post står två gånger.")
        if entry["id"] in ids[entry["table"]]:
            raise PackageError(f"{where}: {table_name(entry['table'])} {entry['id'][:8]} är "
                               "både borttagen och med i paketet.")
        seen.add(key)
        result.append((entry["table"], entry["id"],
                       Tombstone(entry["version"], entry["known"], entry["deleted_at"])))
    return result
