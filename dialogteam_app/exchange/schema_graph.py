"""The exchanged part of the schema, read from SQLite itself.

Tables, columns, foreign keys and unique keys come from PRAGMA table_info,
foreign_key_list and index_list, so a table added by a later migration is
exchanged without a change here. Two kinds of table are exchanged:

- record tables have an `id` primary key (a random hex UUID);
- link tables have no id but a composite primary key of foreign keys. A link row
  belongs to the record its first primary-key column points at (note_tags ->
  notes, engagement_units -> engagements) and travels and merges as part of it.

Local tables (drafts, settings, the exchange's own bookkeeping), full-text
indexes and their shadow tables are never exchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..store.connection import sqlite3

# Per laptop by nature: an unsent draft, a setting, what was exchanged with whom.
LOCAL_TABLES = frozenset({"settings", "note_drafts", "exchange_versions", "deleted_records",
                          "exchange_conflicts"})


@dataclass(frozen=True)
class Column:
    name: str
    affinity: str     # SQLite's type affinity: INTEGER, REAL, TEXT, BLOB or NUMERIC
    notnull: bool
    pk: int           # position in the primary key, 0 when not part of it


@dataclass(frozen=True)
class ForeignKey:
    table: str        # the referencing table
    column: str
    target: str       # the referenced table (always by its id)
    on_delete: str    # CASCADE, SET NULL, RESTRICT, NO ACTION, SET DEFAULT

    @property
    def blocks_delete(self) -> bool:
        """Whether a referencing row keeps the target from disappearing unnoticed:
        it would be deleted with it (CASCADE) or it forbids the delete (RESTRICT)."""
        return self.on_delete not in ("SET NULL", "SET DEFAULT")


@dataclass
class Table:
    name: str
    columns: list[Column]
    foreign_keys: list[ForeignKey]
    unique_keys: list[tuple[str, ...]] = field(default_factory=list)
    owner: ForeignKey | None = None   # set for link tables

    @property
    def is_link(self) -> bool:
        return self.owner is not None

    # Cached: a table's columns and keys are fixed once read, and an import of 10 000
    # notes asked for them ~300 000 times (~0.2 s).
    @cached_property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @cached_property
    def real_columns(self) -> list[str]:
        return [c.name for c in self.columns if c.affinity == "REAL"]

    @cached_property
    def has_updated_at(self) -> bool:
        return any(c.name == "updated_at" for c in self.columns)

    @cached_property
    def _columns_by_name(self) -> dict[str, Column]:
        return {c.name: c for c in self.columns}

    @cached_property
    def _fk_by_column(self) -> dict[str, ForeignKey]:
        found: dict[str, ForeignKey] = {}
        for f in self.foreign_keys:
            found.setdefault(f.column, f)  # the first, as before
        return found

    def column(self, name: str) -> Column:
        return self._columns_by_name[name]

    def fk(self, column: str) -> ForeignKey | None:
        return self._fk_by_column.get(column)

    @property
    def link_owner(self) -> ForeignKey:
        """The owner of a link table; only asked of link tables."""
        if self.owner is None:
            raise SchemaError(f"table {self.name} is not a link table")
        return self.owner


class SchemaError(RuntimeError):
    """A table the exchange cannot classify: a developer must decide (see LOCAL_TABLES)."""


def affinity(declared: str) -> str:
    """SQLite's rules for a column's type affinity (section 3.1 of its datatype page)."""
    t = (declared or "").upper()
    if "INT" in t:
        return "INTEGER"
    if any(s in t for s in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if not t or "BLOB" in t:
        return "BLOB"
    if any(s in t for s in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"


def quote(name: str) -> str:
    """An identifier for SQL ("end" is a keyword and a column name here)."""
    return '"' + name.replace('"', '""') + '"'


class SchemaGraph:
    """Every table of the database, and the exchanged ones in dependency order."""

    def __init__(self, tables: dict[str, Table], all_fks: list[ForeignKey]):
        self.tables = tables              # exchanged tables, parents before children
        self._all_fks = all_fks           # from every table, local ones included
        self._links: dict[str, list[Table]] = {}

    @classmethod
    def read(cls, conn: sqlite3.Connection) -> SchemaGraph:
        """The graph of this database's schema; read once per schema (~50 tables' PRAGMAs
        cost ~2 ms on every export and import)."""
        schema = conn.execute("SELECT group_concat(type || ' ' || name || ' ' || "
                              "coalesce(sql, ''), ';') FROM sqlite_master").fetchone()[0] or ""
        if schema not in _GRAPHS:
            _GRAPHS.clear()  # one schema at a time in practice (tests open many files)
            _GRAPHS[schema] = cls._read(conn)
        return _GRAPHS[schema]

    @classmethod
    def _read(cls, conn: sqlite3.Connection) -> SchemaGraph:
        master = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                              "AND name NOT LIKE 'sqlite_%'").fetchall()
        virtual = [r[0] for r in master if (r[1] or "").upper().startswith("CREATE VIRTUAL")]
        every = [r[0] for r in master if r[0] not in virtual
                 and not any(r[0].startswith(v + "_") for v in virtual)]
        all_fks: list[ForeignKey] = []
        tables: dict[str, Table] = {}
        for name in every:
            fks = _foreign_keys(conn, name)
            all_fks += fks
            if name not in LOCAL_TABLES:
                tables[name] = _table(conn, name, fks)
        for t in tables.values():
            for fk in t.foreign_keys:
                if fk.target not in tables or tables[fk.target].is_link:
                    raise SchemaError(f"{t.name}.{fk.column} refers to {fk.target}, "
                                      "which is not an exchanged record table")
        return cls({name: tables[name] for name in _dependency_order(tables)}, all_fks)

    @property
    def order(self) -> list[Table]:
        return list(self.tables.values())

    @property
    def record_tables(self) -> list[Table]:
        return [t for t in self.tables.values() if not t.is_link]

    def links_of(self, owner: str) -> list[Table]:
        if owner not in self._links:
            self._links[owner] = [t for t in self.tables.values()
                                  if t.owner is not None and t.owner.target == owner]
        return self._links[owner]

    def referencing(self, target: str) -> list[ForeignKey]:
        """Foreign keys in any table, local ones included, that point at `target`."""
        return [fk for fk in self._all_fks if fk.target == target]

    def is_exchanged(self, table: str) -> bool:
        return table in self.tables


_GRAPHS: dict[str, SchemaGraph] = {}


def _foreign_keys(conn: sqlite3.Connection, table: str) -> list[ForeignKey]:
    found = []
    for r in conn.execute(f"PRAGMA foreign_key_list({quote(table)})"):
        # r: id, seq, table, from, to, on_update, on_delete, match
        if r[4] not in (None, "id"):
            raise SchemaError(f"{table}.{r[3]} refers to {r[2]}.{r[4]}; only ids are supported")
        found.append(ForeignKey(table, r[3], r[2], r[6].upper()))
    return found


def _table(conn: sqlite3.Connection, name: str, fks: list[ForeignKey]) -> Table:
    columns = [Column(r[1], affinity(r[2]), bool(r[3]), r[5])
               for r in conn.execute(f"PRAGMA table_info({quote(name)})")]
    unique = []
    for r in conn.execute(f"PRAGMA index_list({quote(name)})"):
        # r: seq, name, unique, origin, partial; 'pk' indexes are the primary key itself
        if r[2] and r[3] != "pk" and not r[4]:
            unique.append(tuple(c[2] for c in conn.execute(f"PRAGMA index_info({quote(r[1])})")))
    table = Table(name, columns, fks, unique)
    if any(c.name == "id" and c.pk == 1 for c in columns):
        return table
    first_pk = next((c.name for c in columns if c.pk == 1), None)
    table.owner = next((fk for fk in fks if fk.column == first_pk), None)
    if table.owner is None:
        raise SchemaError(f"table {name} has neither an id nor a primary key starting with "
                          "a link; add it to LOCAL_TABLES or give it an id")
    return table


def _dependency_order(tables: dict[str, Table]) -> list[str]:
    """Parents before children (Kahn's algorithm, ties by name so the order is stable).
    A cycle cannot be ordered; its tables come last and the merge defers FK checks."""
    parents = {n: {fk.target for fk in t.foreign_keys if fk.target != n} for n, t in tables.items()}
    order: list[str] = []
    while len(order) < len(tables):
        ready = sorted(n for n in tables if n not in order and parents[n] <= set(order))
        if not ready:
            order += sorted(n for n in tables if n not in order)
            break
        order += ready
    return order
