"""An export's records of one table, in package order: each one's package line, its
content as canonical JSON and its version (the hash of that JSON).

Where SQLite can write the canonical JSON itself, it does: json_object with the keys
given in sorted order writes the bytes canonical_json writes for texts, integers and
NULLs (tests/test_exchange_canonical.py compares every code point), so no row becomes
a Python dict and nothing is encoded in Python (100 000 notes: ~0.5 s of ~2 s). That is
every table without REAL columns, as long as no value is a REAL or a BLOB (a table
holding one is read the general way, RecordReader and RowEncoder, which give the same
lines; tests/test_exchange_encoding.py compares the two).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from ..store.connection import sqlite3
from .records import (
    Content,
    Record,
    RecordReader,
    RowEncoder,
    fetch_for_ids,
    link_columns,
    link_key,
)
from .schema_graph import SchemaGraph, Table, quote

# Column affinities whose values SQLite's JSON spells as canonical_json does (a REAL
# column's 62 is 62.0 in a content, and floats are printed differently).
_SQL_AFFINITIES = frozenset({"TEXT", "INTEGER"})


@dataclass
class Outgoing:
    """One table's records as an export sends them, in package order: the i-th one's id,
    package line (its row as canonical JSON), content as canonical JSON (link sets in,
    updated_at out) and version (the hash of that JSON). JSON as UTF-8 bytes, the form
    that is hashed and written: SQLite hands them over without decoding."""
    ids: list[str] = field(default_factory=list)
    lines: list[bytes] = field(default_factory=list)
    texts: list[bytes] = field(default_factory=list)
    versions: list[str] = field(default_factory=list)
    # The package lines of the records' link tables, where SQLite wrote them (else the
    # reader keeps the link rows for its link_lines).
    link_lines: dict[str, list[bytes]] = field(default_factory=dict)

    def content(self, i: int) -> Content:
        """The i-th content itself: asked for the few records whose bookkeeping needs
        more than the text."""
        content: Content = json.loads(self.texts[i])
        return content


def outgoing(reader: RecordReader, table: Table, ids: set[str] | None) -> Outgoing:
    """The table's records (all, or those of `ids`) in package order, and their link
    tables' lines (or their link rows kept in the reader for link_lines)."""
    graph = reader.graph
    if _sql_can_encode(graph, table):
        whole = reader.read_whole(table, ids)
        sent = _encoded_in_sql(reader, table, ids, whole)
        if sent is not None:
            for link in graph.links_of(table.name):
                written = _link_lines_in_sql(reader, link, ids, whole)
                if written is None:
                    break
                sent.link_lines[link.name] = written
            else:
                return sent
    records = reader.load(table, ids)
    ordered = [records[rid] for rid in in_package_order(table, records)]
    lines = RowEncoder(graph, table).lines(ordered)
    sent = Outgoing()
    for r, line in zip(ordered, lines, strict=True):
        assert r._text is not None and r._version is not None  # set by RowEncoder.lines
        sent.ids.append(r.content["id"])
        sent.lines.append(line.encode("utf-8"))
        sent.texts.append(r._text.encode("utf-8"))
        sent.versions.append(r._version)
    return sent


def in_package_order(table: Table, records: dict[str, Record]) -> list[str]:
    """The ids grouped by the records they point at (a meeting's notes together), then by
    id: the same order on every laptop, and deflate finds the ids repeated in adjacent
    rows (100 000 notes: 3.9 MB instead of 6.2 MB by id alone, a third less time)."""
    columns = [fk.column for fk in table.foreign_keys]
    return sorted(records, key=lambda rid: _order_key(
        [records[rid].content[c] for c in columns], rid))


def _order_key(pointers: Sequence[Any], rid: str) -> str:
    """A record's place: its foreign keys' values (NULL as ""), then its id."""
    return "\0".join([v or "" for v in pointers]) + "\0" + rid


def _sql_can_encode(graph: SchemaGraph, table: Table) -> bool:
    return all(c.affinity in _SQL_AFFINITIES for t in (table, *graph.links_of(table.name))
               for c in t.columns)


def _literal(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _json_object(pairs: list[tuple[str, str]]) -> str:
    """json_object() of (key, SQL expression) pairs, the keys in canonical order."""
    return "json_object(" + ", ".join(f"{_literal(k)}, {e}" for k, e in sorted(pairs)) + ")"


def _encoded_in_sql(reader: RecordReader, table: Table, ids: set[str] | None,
                    whole: bool) -> Outgoing | None:
    """The records encoded by SQLite, or None when a value is a REAL (possible in an
    INTEGER column; a TEXT column turns one into text) or a BLOB (json_object refuses it)."""
    t = quote(table.name)
    columns = table.column_names
    content = [(c, quote(c)) for c in columns if c != "updated_at"]
    for link in reader.graph.links_of(table.name):
        others = ", ".join(quote(c) for c in link_columns(link))
        content.append((link_key(link), (
            f"(SELECT json_group_array(json_array({others}) ORDER BY {others}) "
            f"FROM {quote(link.name)} WHERE {quote(link.link_owner.column)} = {t}.id)")))
    odd = " OR ".join(f"typeof({quote(c.name)}) = 'real'" for c in table.columns
                      if c.affinity == "INTEGER") or "0"
    fks = [fk.column for fk in table.foreign_keys]
    sql = (f"SELECT {''.join(quote(c) + ', ' for c in fks)}id, "
           f"CAST({_json_object(content)} AS BLOB), "
           f"CAST({_json_object([(c, quote(c)) for c in columns])} AS BLOB), {odd} FROM {t}")
    try:
        _, rows = fetch_for_ids(reader.conn, sql, "id", ids, whole)
    except sqlite3.OperationalError:  # a BLOB
        return None
    if any(row[-1] for row in rows):
        return None
    n = len(fks)
    if all(table.column(c).notnull for c in fks):  # no NULL to read as "": one C call
        pointers_and_id = itemgetter(slice(0, n + 1))
        rows.sort(key=lambda row: "\0".join(pointers_and_id(row)))
    else:
        rows.sort(key=lambda row: _order_key(row[:n], row[n]))
    sha256 = hashlib.sha256
    texts = [row[n + 1] for row in rows]
    return Outgoing([row[n] for row in rows], [row[n + 2] for row in rows], texts,
                    [sha256(text).hexdigest()[:32] for text in texts])


def _link_lines_in_sql(reader: RecordReader, link: Table, owner_ids: set[str] | None,
                       whole: bool) -> list[bytes] | None:
    """The link rows of these owners as package lines written by SQLite, in the order
    RecordReader.link_lines gives them (by their values: SQLite compares UTF-8 text as
    Python compares str); None when a value is not a text, whose order that sets."""
    columns = link.column_names
    owner = quote(link.link_owner.column)
    not_text = " OR ".join(f"typeof({quote(c)}) != 'text'" for c in columns)
    sql = (f"SELECT {owner}, CAST({_json_object([(c, quote(c)) for c in columns])} AS BLOB), "
           f"{not_text} FROM {quote(link.name)}")
    _, rows = fetch_for_ids(reader.conn, sql, link.link_owner.column, owner_ids, whole,
                            ", ".join(quote(c) for c in columns))
    if any(row[2] for row in rows):
        return None
    return [row[1] for row in rows]
