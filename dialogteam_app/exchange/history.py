"""What this laptop knows about each record's exchanges, and its tombstones.

Every record that has been in a package (sent or received) has a list of *known
versions*: the version ids it has had in exchanges. A version id is a content hash
for a live record, or a random id naming a deletion. Merge rules follow from it:
their version is among my known ones -> mine is newer; my version is among theirs
-> theirs is newer; neither -> both changed.

Deletions are found by comparing this bookkeeping with the tables, so any way of
deleting (a cascade, a future repository) leaves a tombstone without triggers.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

from ..domain.ids import utc_now
from ..store.connection import sqlite3
from .outgoing import Outgoing
from .records import Content, compiled
from .schema_graph import SchemaGraph, quote

_UNDECODED = object()
MAX_KNOWN = 64     # older versions are forgotten: at worst a later merge asks the user
MAX_CONTENTS = 3   # contents kept as merge bases; the newest exchanged ones
# One encoder for all (json.dumps with options builds a new one per call).
_ENCODE = compiled(json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")))


@dataclass
class Live:
    known: list[str]
    contents: dict[str, Content]   # version -> content, for three-way merges

    def base_for(self, their_known: set[str]) -> Content | None:
        """The newest exchanged content that the other side's version descends from."""
        for version in reversed(self.known):
            if version in their_known and version in self.contents:
                return self.contents[version]
        return None


@dataclass
class Tombstone:
    version: str
    known: list[str]
    deleted_at: str


def new_deletion_version() -> str:
    return secrets.token_hex(16)


def merged_known(*lists: Iterable[str]) -> list[str]:
    """Ordered union, oldest first, capped at MAX_KNOWN."""
    result = list(dict.fromkeys(chain.from_iterable(lists)))
    return result[-MAX_KNOWN:]


def with_content(contents: dict[str, Content], version: str,
                 content: Content) -> dict[str, Content]:
    updated = {v: c for v, c in contents.items() if v != version}
    updated[version] = content
    return dict(list(updated.items())[-MAX_CONTENTS:])


class History:
    """Cached reads. Saved states are written in batches: before any other statement
    of this class, and at flush(), which the caller runs before its transaction ends."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._live: dict[str, dict[str, Live | None]] = {}
        self._raw: dict[str, dict[str, tuple[str, bytes]]] = {}
        self._known: dict[str, dict[str, list[str]]] = {}  # decoded from _raw, read only
        self._pending: dict[tuple[str, str], tuple[str, str, str, str]] = {}
        self._tombstoned: set[tuple[str, str]] | None = None

    def flush(self) -> None:
        """Write the saved states (one executemany instead of two statements each), in
        key order: the table is WITHOUT ROWID, and rows in any other order split its
        pages all over (100 000 notes: 0.8 s instead of 0.25 s)."""
        if self._pending:
            self.conn.executemany(
                "INSERT INTO exchange_versions (table_name, record_id, known, contents) "
                "VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET known = excluded.known, "
                "contents = excluded.contents", sorted(self._pending.values()))
            self._pending.clear()

    def _has_tombstone(self, table: str, record_id: str) -> bool:
        return (table, record_id) in self._all_tombstoned()

    def _all_tombstoned(self) -> set[tuple[str, str]]:
        if self._tombstoned is None:
            self._tombstoned = {(r[0], r[1]) for r in self.conn.execute(
                "SELECT table_name, record_id FROM deleted_records")}
        return self._tombstoned

    def _stored(self, table: str) -> dict[str, tuple[str, bytes]]:
        """A table's stored states as JSON (known as text, contents as UTF-8 bytes: 3.7 MB
        for 10 000 notes, not decoded to text), read once, parsed record by record when
        asked for: an export of an unchanged record needs none."""
        if table not in self._raw:
            cursor = self.conn.cursor()
            cursor.row_factory = None  # plain tuples: 10 000 Row objects cost ~10 ms
            self._raw[table] = {r[0]: (r[1], r[2]) for r in cursor.execute(
                "SELECT record_id, known, CAST(contents AS BLOB) FROM exchange_versions "
                "WHERE table_name = ?", (table,))}
        return self._raw[table]

    def live(self, table: str, record_id: str) -> Live | None:
        states = self._live.setdefault(table, {})
        if record_id not in states:
            stored = self._stored(table).get(record_id)
            states[record_id] = (None if stored is None
                                 else Live(json.loads(stored[0]), json.loads(stored[1])))
        return states[record_id]

    def known(self, table: str, record_id: str) -> list[str]:
        """A record's known versions, without decoding its stored contents."""
        state = self._live.get(table, {}).get(record_id, _UNDECODED)
        if state is _UNDECODED:
            return self._known_lists(table).get(record_id, [])
        return state.known if isinstance(state, Live) else []

    def _known_lists(self, table: str) -> dict[str, list[str]]:
        """The table's stored known lists, parsed in one go (an export asks for each)."""
        if table not in self._known:
            stored = self._stored(table)
            lists = json.loads("[" + ",".join(known for known, _ in stored.values()) + "]")
            self._known[table] = dict(zip(stored, lists, strict=True))
        return self._known[table]

    def _sent_before(self, table: str, record_id: str, version: str,
                     also_known: Sequence[str]) -> bool:
        """Whether noting this exchange would change nothing, read from the stored text.
        A version id is a top-level key of the contents' JSON: `"<32 hex>": ` appears
        nowhere else (field names are not hex, and quotes inside values are escaped)."""
        if record_id in self._live.get(table, {}):
            return False  # decoded already: the caller compares the real thing
        stored = self._stored(table).get(record_id)
        if stored is None or f'"{version}": '.encode() not in stored[1]:
            return False
        known = self.known(table, record_id)
        if not also_known:  # an export's case, the same answer without building the list
            return version in known and len(set(known)) == len(known) <= MAX_KNOWN
        return merged_known(known, also_known, [version]) == known

    def save_live(self, table: str, record_id: str, state: Live) -> None:
        state.known = merged_known(state.known)
        state.contents = {v: c for v, c in state.contents.items() if v in state.known}
        self.live(table, record_id)
        self._live[table][record_id] = state
        self._pending[(table, record_id)] = (table, record_id, _ENCODE(state.known),
                                             _ENCODE(state.contents))
        if self._has_tombstone(table, record_id):
            self.drop_tombstone(table, record_id)

    def note_exchanged(self, table: str, record_id: str, version: str, content: Content,
                       also_known: Sequence[str] = ()) -> None:
        """The record was sent or received in `version`: remember it (and its content)."""
        if self._sent_before(table, record_id, version, also_known):
            return
        state = self.live(table, record_id) or Live([], {})
        known = merged_known(state.known, also_known, [version])
        if known != state.known or version not in state.contents:
            self.save_live(table, record_id, Live(known, with_content(state.contents, version,
                                                                      content)))

    def note_sent(self, table: str, sent: Outgoing) -> dict[str, list[str]]:
        """note_exchanged for an export's records of one table. Returns, for the records
        that have them, the known versions other than the one each is sent in (what the
        package lists; most records have none). Most were sent before as they are: one
        dictionary lookup per record decides it (100 000 notes)."""
        unchanged = self._sent_as_is(table)
        ids, versions = sent.ids, sent.versions
        todo = [i for i, (rid, version) in enumerate(zip(ids, versions, strict=True))
                if unchanged.get(rid) != version]
        if not todo:
            return {}
        known_of = self._known_lists(table)
        decoded = self._live.setdefault(table, {})
        gone = {rid for t, rid in self._all_tombstoned() if t == table}
        earlier: dict[str, list[str]] = {}
        first: list[int] = []
        for i in todo:
            rid, version = ids[i], versions[i]
            if rid not in known_of and rid not in decoded and rid not in gone:
                first.append(i)
                continue
            known = known_of.get(rid)
            if known is None or rid in decoded or version not in known \
                    or f'"{version}": '.encode() not in self._stored(table)[rid][1]:
                self.note_exchanged(table, rid, version, sent.content(i))
                known = self.known(table, rid)
            if len(known) != 1 or known[0] != version:
                earlier[rid] = known[:-1] if known[-1] == version else known
        if first:
            first.sort(key=ids.__getitem__)  # by id: in key order (see flush)
            self._note_first_sent(table, [(table, ids[i], versions[i], sent.texts[i])
                                          for i in first])
        return earlier

    def _note_first_sent(self, table: str, rows: list[tuple[str, str, str, bytes]]) -> None:
        """Records never exchanged (a first export), as (table, id, version, content's
        canonical JSON) in key order (see flush): what note_exchanged saves, without its
        general steps. SQLite writes the known list and the contents' JSON, the content
        under its version, from the bytes as they are (100 000 notes)."""
        self.flush()
        self.conn.executemany(
            "INSERT INTO exchange_versions (table_name, record_id, known, contents) "
            """VALUES (?1, ?2, '["' || ?3 || '"]', '{"' || ?3 || '": ' || CAST(?4 AS TEXT) """
            "|| '}')", rows)
        self._raw.pop(table, None)  # read again when asked
        self._known.pop(table, None)

    def _sent_as_is(self, table: str) -> dict[str, str]:
        """Record id -> version, for the records whose only known version is that one,
        its content kept: sent or received before as they are, if that is their version.
        Found in SQL: reading and parsing every record's bookkeeping took longer than
        its rows (100 000 notes). A version id is 32 characters; its key in the contents
        is followed by ": " (see _sent_before)."""
        self.flush()
        cursor = self.conn.cursor()
        cursor.row_factory = None
        return dict(cursor.execute(
            "SELECT record_id, substr(known, 3, 32) FROM exchange_versions "
            "WHERE table_name = ? AND length(known) = 36 "
            "AND known = '[\"' || substr(known, 3, 32) || '\"]' "
            "AND instr(contents, substr(known, 2, 34) || ': ') > 0", (table,)))

    def tombstone(self, table: str, record_id: str) -> Tombstone | None:
        if not self._has_tombstone(table, record_id):
            return None
        r = self.conn.execute("SELECT version, known, deleted_at FROM deleted_records "
                              "WHERE table_name = ? AND record_id = ?", (table, record_id)).fetchone()
        return Tombstone(r[0], json.loads(r[1]), r[2]) if r else None

    def save_tombstone(self, table: str, record_id: str, t: Tombstone) -> None:
        self.flush()
        t.known = merged_known(t.known, [t.version])
        self._has_tombstone(table, record_id)
        assert self._tombstoned is not None
        self._tombstoned.add((table, record_id))
        self.conn.execute(
            "INSERT INTO deleted_records (table_name, record_id, deleted_at, version, known) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET deleted_at = excluded.deleted_at, "
            "version = excluded.version, known = excluded.known",
            (table, record_id, t.deleted_at, t.version, json.dumps(t.known)))
        if self.live(table, record_id) is not None:
            self._live[table][record_id] = None
            self.conn.execute("DELETE FROM exchange_versions WHERE table_name = ? "
                              "AND record_id = ?", (table, record_id))

    def drop_tombstone(self, table: str, record_id: str) -> None:
        if self._tombstoned is not None:
            self._tombstoned.discard((table, record_id))
        self.conn.execute("DELETE FROM deleted_records WHERE table_name = ? AND record_id = ?",
                          (table, record_id))

    def tombstones(self) -> list[tuple[str, str, Tombstone]]:
        self.flush()
        return [(r[0], r[1], Tombstone(r[2], json.loads(r[3]), r[4])) for r in self.conn.execute(
            "SELECT table_name, record_id, version, known, deleted_at FROM deleted_records "
            "ORDER BY table_name, record_id")]

    def record_local_changes(self, graph: SchemaGraph) -> None:
        """Turn records deleted here since they were exchanged into tombstones, and
        records that came back (the sample data loaded again) into live ones."""
        self.flush()
        now = utc_now()
        for table in graph.record_tables:
            t = quote(table.name)
            gone = self.conn.execute(
                f"SELECT record_id FROM exchange_versions WHERE table_name = ? "
                f"AND record_id NOT IN (SELECT id FROM {t})", (table.name,)).fetchall()
            for (record_id,) in gone:
                state = self.live(table.name, record_id)
                assert state is not None  # it has a row in exchange_versions
                self.save_tombstone(table.name, record_id,
                                    Tombstone(new_deletion_version(), state.known, now))
            back = self.conn.execute(
                f"SELECT record_id, version, known FROM deleted_records WHERE table_name = ? "
                f"AND record_id IN (SELECT id FROM {t})", (table.name,)).fetchall()
            for record_id, version, known in back:
                # The new record descends from the deletion: it wins over it elsewhere.
                self.save_live(table.name, record_id,
                               Live(merged_known(json.loads(known), [version]), {}))
