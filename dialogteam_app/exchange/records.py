"""A record's exchanged content, its version id, and writing it back.

The content of a record is its row without `updated_at` (a timestamp says when,
not what) plus the rows of the link tables it owns, as sorted lists under
"@<link table>". Two laptops that typed the same thing have the same content, and
its hash, the version id, is equal too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..store.connection import sqlite3
from ..store.fts_bulk import indexed_once
from .schema_graph import SchemaGraph, Table, quote

LINK_PREFIX = "@"
_CHUNK = 500  # ids per IN (…) list, well below SQLite's limit on parameters

# A record's content or a row: column (or "@link") -> SQL/JSON value.
Content = dict[str, Any]
Row = dict[str, Any]


@dataclass(slots=True)  # 100 000 of them in an export
class Record:
    """Treated as immutable: a changed record is a new Record (its version is cached)."""
    content: Content
    updated_at: str | None
    _version: str | None = field(default=None, init=False, repr=False, compare=False)
    # The content's canonical JSON, kept by RowEncoder for the export it encodes for
    # (exchange/outgoing.py: hashed, and a first export's merge base); not kept
    # otherwise, to spare memory.
    _text: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def version(self) -> str:
        # Not a cached_property: Python 3.11's takes a lock on every first read (~10 %
        # of hashing 10 000 notes).
        if self._version is None:
            self.encoded()
            assert self._version is not None
        return self._version

    def encoded(self) -> str:
        """The content as canonical JSON; its hash, the version, is kept on the way."""
        if self._text is not None:
            return self._text
        text = canonical_json(self.content)
        self._version = _hash(text)
        return text

    def row(self, table: Table) -> Row:
        """The record's own row (link sets left out), as stored in the table."""
        row = {c: self.content[c] for c in table.column_names if c != "updated_at"}
        if table.has_updated_at:
            row["updated_at"] = self.updated_at
        return row


# Canonical JSON: sorted keys, no spaces, UTF-8 text unescaped, no NaN. The version
# hash is defined on these bytes, so every way of producing them must agree.
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                              allow_nan=False)


def compiled(encoder: json.JSONEncoder) -> Callable[[Any], str]:
    """encoder.encode, faster: JSONEncoder.encode builds a new C encoder on every call
    (~40 % of the time for a note's row); one built here encodes the same bytes
    (tests/test_exchange_canonical.py). No circular check: contents and rows are plain
    trees."""
    make = getattr(json.encoder, "c_make_encoder", None)  # private, not in the type stubs
    if make is None or encoder.ensure_ascii or encoder.indent is not None:  # not built here
        return encoder.encode
    encode_one = make(None, encoder.default, json.encoder.encode_basestring, None,
                      encoder.key_separator, encoder.item_separator, encoder.sort_keys,
                      encoder.skipkeys, encoder.allow_nan)

    def encode(value: Any) -> str:
        return "".join(encode_one(value, 0))
    return encode


canonical_json = compiled(_CANONICAL)
_string = json.encoder.encode_basestring  # what canonical_json uses for a string


def version_of(content: Content) -> str:
    """The first 32 hex digits of SHA-256 over the content as canonical JSON."""
    return _hash(canonical_json(content))


def _hash(canonical: str) -> str:
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


class RowEncoder:
    """A record's package line (its row as canonical JSON) and its version from ONE
    encoding of the content. The content's JSON is the row's without updated_at,
    after the link sets, whose "@" keys sort before every column name; so the row is
    a slice of it with updated_at added at the end, where it sorts in most tables.
    Elsewhere the row is encoded on its own (the same bytes, a second encoding)."""

    def __init__(self, graph: SchemaGraph, table: Table):
        self.table = table
        link_keys = [link_key(link) for link in graph.links_of(table.name)]
        columns = sorted(c for c in table.column_names if c != "updated_at")
        self.sliced = bool(columns) and all(k < columns[0] for k in link_keys) \
            and (not table.has_updated_at or columns[-1] < "updated_at")
        # Where the columns begin after link sets: the first column's key. A link set
        # holds no objects, so `,"key":` (the quote unescaped) occurs nowhere before.
        self.first_column = f',"{columns[0]}":' if link_keys and columns else ""

    def lines(self, records: Iterable[Record]) -> list[str]:
        """The records' rows as canonical JSON; each record's version and content's JSON
        are kept on the way."""
        lines = []
        if not self.sliced:
            for r in records:
                r._text = r.encoded()  # the version is set on the way
                lines.append(canonical_json(r.row(self.table)))
            return lines
        first, stamped, encode = self.first_column, self.table.has_updated_at, canonical_json
        sha256, string, append = hashlib.sha256, _string, lines.append
        for r in records:  # one loop, no call of ours per record: 10 000 notes
            r._text = text = encode(r.content)
            r._version = sha256(text.encode("utf-8")).hexdigest()[:32]
            start = text.index(first) + 1 if first else 1
            if stamped:
                stamp = r.updated_at
                append("".join(("{", text[start:-1], ',"updated_at":',
                                string(stamp) if type(stamp) is str else encode(stamp), "}")))
            else:
                append("{" + text[start:])
        return lines


def link_key(link: Table) -> str:
    return LINK_PREFIX + link.name


def link_columns(link: Table) -> list[str]:
    """A link row's columns other than its owner's id, in table order."""
    return [c for c in link.column_names if c != link.link_owner.column]


def content_of(table: Table, row: sqlite3.Row | Row) -> Content:
    """A row's columns but updated_at, normalised; only REAL columns need a look."""
    content = {c: row[c] for c in table.column_names if c != "updated_at"}
    for c in table.real_columns:
        value = content.get(c)
        if isinstance(value, int) and not isinstance(value, bool):
            content[c] = float(value)
    return content


def normalise(table: Table, column: str, value: Any) -> Any:
    """REAL columns hand back 62.0 for a stored 62: one spelling for the hash."""
    if isinstance(value, int) and not isinstance(value, bool) \
            and table.column(column).affinity == "REAL":
        return float(value)
    return value


def chunks(ids: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


# One query for any number of ids: the ids travel as one JSON array parameter
# (an IN list needs a query per 500 ids and a statement compiled for each).
IN_JSON_IDS = "IN (SELECT value FROM json_each(?))"


def json_ids(ids: Iterable[str]) -> str:
    return json.dumps(list(ids))


def fetch_for_ids(conn: sqlite3.Connection, sql: str, key: str, ids: set[str] | None,
                  whole: bool, order: str = "") -> tuple[list[str], list[tuple[Any, ...]]]:
    """The rows of `sql` (a SELECT … FROM a table) whose column `key` is one of `ids`
    (all rows if None) as plain tuples, and the result's column names. `whole`: found by
    reading every row and keeping the wanted ones, else looked up by `key`; `order`: the
    ORDER BY clause's terms, if any."""
    cursor = conn.cursor()
    cursor.row_factory = None
    if not whole:
        sql += f" WHERE {quote(key)} {IN_JSON_IDS}"
    if order:
        sql += f" ORDER BY {order}"
    cursor.execute(sql, () if whole else (json_ids(ids or ()),))
    columns = [d[0] for d in cursor.description]
    if whole and ids is not None:
        k = columns.index(key)
        return columns, [row for row in cursor if row[k] in ids]
    return columns, cursor.fetchall()


class RecordReader:
    """Loads records with their link sets from the local database, for an export."""

    def __init__(self, conn: sqlite3.Connection, graph: SchemaGraph):
        self.conn = conn
        self.graph = graph
        # Link table -> its columns, rows, and whether every value is a text.
        self._link_rows: dict[str, tuple[list[str], list[tuple[Any, ...]], bool]] = {}

    def load(self, table: Table, ids: Iterable[str] | None = None) -> dict[str, Record]:
        """Records of `table` by id: all of them, or those of `ids` that exist."""
        wanted = None if ids is None else set(ids)
        whole = self.read_whole(table, wanted)
        links = self.graph.links_of(table.name)
        link_sets = {link.name: self._link_sets(link, wanted, whole) for link in links}
        result = {}
        reals = table.real_columns
        keyed_sets = [(link_key(link), link_sets[link.name]) for link in links]
        # The content's columns, then updated_at where the table has it: zip() pairs
        # the columns and leaves the stamp, the row's last value, out of the content.
        content_columns = [c for c in table.column_names if c != "updated_at"]
        stamped = table.has_updated_at
        columns, rows = self._tuples(table, "id", wanted, whole,
                                     select=content_columns + (["updated_at"] if stamped else []))
        at = columns.index("id")
        for row in rows:
            content = dict(zip(content_columns, row, strict=False))  # fresh: the content
            rid = row[at]
            for c in reals:
                content[c] = normalise(table, c, content[c])
            for key, sets in keyed_sets:
                content[key] = sets.get(rid, [])
            result[rid] = Record(content, row[-1] if stamped else None)
        return result

    def read_whole(self, table: Table, wanted: set[str] | None) -> bool:
        """Whether to read all of the table's rows and keep the wanted ones: for most of
        a table (an engagement's notes when it is the only one) that beats looking up
        10 000 ids (~1.5×)."""
        return wanted is None or len(wanted) * 2 >= self.conn.execute(
            f"SELECT count(*) FROM {quote(table.name)}").fetchone()[0]

    def _keep_link_rows(self, link: Table, owner_ids: set[str] | None,
                       whole: bool) -> tuple[list[str], list[tuple[Any, ...]], bool]:
        """The link table's rows of these owners, kept for link_lines, and whether every
        value is a text. In the order link_lines puts them (SQLite compares UTF-8 text as
        Python does str), so its sort finds them sorted (100 000 note tags ~50 ms)."""
        columns, rows = self._tuples(link, link.link_owner.column, owner_ids, whole,
                                     order=link.column_names)
        texts = all(type(v) is str for row in rows for v in row)
        self._link_rows[link.name] = (columns, rows, texts)
        return columns, rows, texts

    def link_lines(self, link: Table) -> list[str]:
        """The link table's rows kept with its owners' records (_keep_link_rows; the owner
        table comes first in the schema graph's order), as canonical JSON lines ordered
        by their values as text."""
        columns, rows, texts = self._link_rows.pop(link.name)
        if texts:
            rows.sort()  # the same order as by str(): a tuple of texts compares so
            order = sorted(range(len(columns)), key=columns.__getitem__)
            keys = [(_string(columns[i]) + ":", i) for i in order]
            return ["{" + ",".join([key + _string(row[i]) for key, i in keys]) + "}"
                    for row in rows]
        rows.sort(key=lambda row: [str(v) for v in row])
        return [canonical_json(dict(zip(columns, row, strict=True))) for row in rows]

    def _link_sets(self, link: Table, owner_ids: set[str] | None,
                   whole: bool) -> dict[str, list[list[Any]]]:
        sets: dict[str, list[list[Any]]] = {}
        columns, rows, _ = self._keep_link_rows(link, owner_ids, whole)
        owner = columns.index(link.link_owner.column)
        others = [(columns.index(c), c) for c in link_columns(link)]
        indexes = [i for i, _ in others]
        if link.real_columns:
            for row in rows:
                sets.setdefault(row[owner], []).append([normalise(link, c, row[i])
                                                        for i, c in others])
        elif indexes and indexes == list(range(indexes[0], indexes[-1] + 1)):  # a slice
            start, end = indexes[0], indexes[-1] + 1
            for row in rows:
                sets.setdefault(row[owner], []).append(list(row[start:end]))
        else:  # nothing to normalise (no link table has a REAL column): 10 000 calls fewer
            for row in rows:
                sets.setdefault(row[owner], []).append([row[i] for i in indexes])
        for values in sets.values():
            if len(values) > 1:
                values.sort()
        return sets

    def _tuples(self, table: Table, key: str, ids: set[str] | None, whole: bool,
                order: list[str] | None = None, select: list[str] | None = None,
                ) -> tuple[list[str], list[tuple[Any, ...]]]:
        """The rows whose `key` is one of `ids` (all rows if None) as plain tuples, and
        the column names; `whole`: found by reading the whole table. `order`: sorted by
        these columns; `select`: these columns only, in this order."""
        names = ", ".join(quote(c) for c in select) if select else "*"
        return fetch_for_ids(self.conn, f"SELECT {names} FROM {quote(table.name)}", key, ids,
                             whole, ", ".join(quote(c) for c in order or ()))


def records_from_rows(graph: SchemaGraph, rows: dict[str, list[Row]]) -> dict[str, dict[str, Record]]:
    """A package's rows as records per table (link rows folded into their owners)."""
    result: dict[str, dict[str, Record]] = {}
    for table in graph.record_tables:
        links = graph.links_of(table.name)
        sets: dict[str, dict[str, list[list[Any]]]] = {link.name: {} for link in links}
        for link in links:
            others = link_columns(link)
            for row in rows.get(link.name, []):
                sets[link.name].setdefault(row[link.link_owner.column], []).append(
                    [normalise(link, c, row[c]) for c in others])
        records = {}
        for row in rows.get(table.name, []):
            content = content_of(table, row)
            for link in links:
                content[link_key(link)] = sorted(sets[link.name].get(row["id"], []))
            records[row["id"]] = Record(content, row.get("updated_at"))
        result[table.name] = records
    return result


def write_record(conn: sqlite3.Connection, graph: SchemaGraph, table: Table,
                 record: Record) -> None:
    """Insert or update the row by id and replace its link rows.

    An UPDATE, never INSERT OR REPLACE: a replace is a delete, and the delete would
    cascade to the record's children (a meeting's notes).
    """
    row = record.row(table)
    cols = list(row)
    names = ", ".join(quote(c) for c in cols)
    updates = ", ".join(f"{quote(c)} = excluded.{quote(c)}" for c in cols if c != "id")
    conn.execute(f"INSERT INTO {quote(table.name)} ({names}) VALUES ({', '.join('?' * len(cols))}) "
                 f"ON CONFLICT(id) DO UPDATE SET {updates}", [row[c] for c in cols])
    for link in graph.links_of(table.name):
        owner = quote(link.link_owner.column)
        conn.execute(f"DELETE FROM {quote(link.name)} WHERE {owner} = ?", (row["id"],))
        for values in record.content.get(link_key(link), []):
            insert_link_row(conn, link, row["id"], values)


def write_records(conn: sqlite3.Connection, graph: SchemaGraph, table: Table,
                  records: list[Record]) -> None:
    """write_record for many records of one table: one executemany per statement
    (an import of 10 000 notes made ~60 000 single-row statements)."""
    if not records:
        return
    rows = [r.row(table) for r in records]
    cols = list(rows[0])  # every record of a table has all its columns, in table order
    names = ", ".join(quote(c) for c in cols)
    updates = ", ".join(f"{quote(c)} = excluded.{quote(c)}" for c in cols if c != "id")
    with indexed_once(conn, table.name, len(rows)):  # notes: the search index in one go
        conn.executemany(f"INSERT INTO {quote(table.name)} ({names}) "
                         f"VALUES ({', '.join('?' * len(cols))}) "
                         f"ON CONFLICT(id) DO UPDATE SET {updates}",
                         [[row[c] for c in cols] for row in rows])
    for link in graph.links_of(table.name):
        owner = link.link_owner.column
        link_cols = [owner, *link_columns(link)]
        conn.executemany(f"DELETE FROM {quote(link.name)} WHERE {quote(owner)} = ?",
                         [(row["id"],) for row in rows])
        conn.executemany(f"INSERT OR IGNORE INTO {quote(link.name)} "
                         f"({', '.join(quote(c) for c in link_cols)}) "
                         f"VALUES ({', '.join('?' * len(link_cols))})",
                         [(row["id"], *values) for row, r in zip(rows, records, strict=True)
                          for values in r.content.get(link_key(link), [])])


def insert_link_row(conn: sqlite3.Connection, link: Table, owner_id: str, values: list[Any]) -> None:
    cols = [link.link_owner.column, *link_columns(link)]
    conn.execute(f"INSERT OR IGNORE INTO {quote(link.name)} "
                 f"({', '.join(quote(c) for c in cols)}) VALUES ({', '.join('?' * len(cols))})",
                 (owner_id, *values))


def delete_record(conn: sqlite3.Connection, table: Table, record_id: str) -> None:
    conn.execute(f"DELETE FROM {quote(table.name)} WHERE id = ?", (record_id,))
