"""Open conflicts: stored until the user chooses, then settled in one transaction.

Only the colleague's side is stored: my side is the record itself, which stays as
it is until the choice. Whatever is chosen becomes a version that descends from
both sides, so the colleague's laptop takes it without asking again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..domain.ids import utc_now
from ..store.connection import sqlite3
from .history import History, Live, Tombstone, merged_known, new_deletion_version, with_content
from .records import Content, Record, RecordReader, delete_record, insert_link_row, link_key, write_record
from .schema_graph import SchemaGraph, Table, quote

MINE, THEIRS = "mine", "theirs"


@dataclass
class Conflict:
    table: str
    id: str
    kind: str                   # changed_both, deleted_here, deleted_there, twin
    theirs: Record | None       # None: they deleted it
    theirs_version: str
    theirs_known: list[str]
    base: Content | None = None  # the last common content, when known
    twin_id: str | None = None  # twin: my record holding the same unique key
    waiting: list[dict[str, Any]] = field(default_factory=list)
    source: str = ""
    detected_at: str = ""


def open_conflict_versions(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    return {(r[0], r[1]): r[2] for r in conn.execute(
        "SELECT table_name, record_id, theirs_version FROM exchange_conflicts")}


def conflict_count(conn: sqlite3.Connection) -> int:
    count: int = conn.execute("SELECT count(*) FROM exchange_conflicts").fetchone()[0]
    return count


def list_conflicts(conn: sqlite3.Connection) -> list[Conflict]:
    return [_from_row(r) for r in conn.execute(
        "SELECT * FROM exchange_conflicts ORDER BY detected_at, table_name, record_id")]


def load_conflict(conn: sqlite3.Connection, table: str, record_id: str) -> Conflict | None:
    r = conn.execute("SELECT * FROM exchange_conflicts WHERE table_name = ? AND record_id = ?",
                     (table, record_id)).fetchone()
    return _from_row(r) if r else None


def _from_row(r: sqlite3.Row) -> Conflict:
    theirs = json.loads(r["theirs"]) if r["theirs"] else None
    return Conflict(r["table_name"], r["record_id"], r["kind"],
                    Record(theirs["content"], theirs["updated_at"]) if theirs else None,
                    r["theirs_version"], json.loads(r["theirs_known"]),
                    json.loads(r["base"]) if r["base"] else None, r["twin_id"],
                    json.loads(r["waiting"]), r["source"], r["detected_at"])


def _waiting_key(entry: dict[str, Any]) -> tuple[Any, ...]:
    if "owner" in entry:
        return entry["table"], entry["owner"], tuple(entry["values"])
    return entry["table"], entry["content"]["id"]


def store_conflict(conn: sqlite3.Connection, c: Conflict, source: str) -> bool:
    """Store or update; False when the same conflict is stored already."""
    old = load_conflict(conn, c.table, c.id)
    waiting = c.waiting
    if old is not None and (old.kind, old.theirs_version) == (c.kind, c.theirs_version):
        merged = {_waiting_key(e): e for e in old.waiting}
        merged.update({_waiting_key(e): e for e in c.waiting})
        if len(merged) == len(old.waiting):
            return False
        waiting = list(merged.values())
    theirs = {"content": c.theirs.content, "updated_at": c.theirs.updated_at} if c.theirs else None
    conn.execute(
        "INSERT OR REPLACE INTO exchange_conflicts (table_name, record_id, kind, theirs, "
        "theirs_version, theirs_known, base, twin_id, waiting, source, detected_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (c.table, c.id, c.kind, _json(theirs), c.theirs_version, json.dumps(c.theirs_known),
         _json(c.base), c.twin_id, _json(waiting), source, utc_now()))
    return True


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def delete_conflict(conn: sqlite3.Connection, table: str, record_id: str) -> None:
    conn.execute("DELETE FROM exchange_conflicts WHERE table_name = ? AND record_id = ?",
                 (table, record_id))


def mixed_content(mine: Record, theirs: Record, choice: dict[str, str]) -> Content:
    """Mine, with the fields chosen from theirs (the id stays mine)."""
    return {k: (theirs.content.get(k) if choice.get(k) == THEIRS and k != "id" else v)
            for k, v in mine.content.items()}


def resolve(conn: sqlite3.Connection, table: str, record_id: str,
            choice: str | dict[str, str]) -> None:
    """Settle one conflict: MINE, THEIRS, or {field: MINE|THEIRS} when both sides exist."""
    graph = SchemaGraph.read(conn)
    history = History(conn)
    history.record_local_changes(graph)
    c = load_conflict(conn, table, record_id)
    if c is None:
        raise LookupError("The conflict is settled already.")
    Resolution(conn, graph, history, c).apply(choice)
    history.flush()
    delete_conflict(conn, table, record_id)


class Resolution:
    def __init__(self, conn: sqlite3.Connection, graph: SchemaGraph, history: History, c: Conflict):
        self.conn, self.graph, self.history, self.c = conn, graph, history, c
        self.table: Table = graph.tables[c.table]
        self.mine_id = c.twin_id or c.id
        self.mine = RecordReader(conn, graph).load(self.table, [self.mine_id]).get(self.mine_id)
        state = history.live(c.table, self.mine_id)
        tomb = history.tombstone(c.table, self.mine_id)
        self.contents = state.contents if state else {}
        # Everything my side descends from, and my current version (live or deleted).
        self.my_known = merged_known(state.known if state else [], tomb.known if tomb else [],
                                     [self.mine.version] if self.mine else [])
        self.tomb = tomb
        self.their_known = merged_known(c.theirs_known, [c.theirs_version])

    def apply(self, choice: str | dict[str, str]) -> None:
        c = self.c
        result: Record | None
        if isinstance(choice, dict):
            if self.mine is None or c.theirs is None:
                raise ValueError("fields can only be mixed when both versions exist")
            result = Record(mixed_content(self.mine, c.theirs, choice), utc_now())
        else:
            result = self.mine if choice == MINE else c.theirs
        if c.kind == "twin":
            self._twin(result, choice)
        elif result is None:
            self._deleted()
        else:
            self._live(result)

    def _live(self, result: Record) -> None:
        if result is not self.mine:
            write_record(self.conn, self.graph, self.table, self._existing_links(result))
        known = merged_known(self.my_known, self.their_known, [result.version])
        contents = self.contents
        if self.c.theirs is not None:
            contents = with_content(contents, self.c.theirs_version, self.c.theirs.content)
        self.history.save_live(self.c.table, self.mine_id, Live(known, contents))
        self._let_waiting_in()

    def _deleted(self) -> None:
        if self.mine is not None:
            delete_record(self.conn, self.table, self.mine_id)
        # Taking their deletion adopts its version; keeping mine keeps my deletion's.
        version = (self.c.theirs_version if self.c.theirs is None
                   else self.tomb.version if self.tomb else new_deletion_version())
        self.history.save_tombstone(self.c.table, self.mine_id, Tombstone(
            version, merged_known(self.my_known, self.their_known), utc_now()))
        self._turn_away_waiting()

    def _twin(self, result: Record | None, choice: str | dict[str, str]) -> None:
        c = self.c
        if choice == THEIRS:
            assert c.theirs is not None  # a twin is always their live record
            delete_record(self.conn, self.table, self.mine_id)
            self.history.save_tombstone(c.table, self.mine_id, Tombstone(
                new_deletion_version(), self.my_known, utc_now()))
            write_record(self.conn, self.graph, self.table, self._existing_links(c.theirs))
            self.history.save_live(c.table, c.id, Live(
                self.their_known, {c.theirs_version: c.theirs.content}))
            self._let_waiting_in()
            return
        if result is not None:   # mine, or mine with some of their fields
            if result is not self.mine:
                write_record(self.conn, self.graph, self.table, self._existing_links(result))
            self.history.save_live(c.table, self.mine_id, Live(
                merged_known(self.my_known, [result.version]), self.contents))
        self.history.save_tombstone(c.table, c.id, Tombstone(
            new_deletion_version(), self.their_known, utc_now()))
        self._turn_away_waiting()

    def _exists(self, table: str, rid: object) -> bool:
        return self.conn.execute(f"SELECT 1 FROM {quote(table)} WHERE id = ?",
                                 (rid,)).fetchone() is not None

    def _existing_links(self, record: Record) -> Record:
        """Without the link rows that point at records gone meanwhile."""
        content = dict(record.content)
        for link in self.graph.links_of(self.table.name):
            columns = [c for c in link.column_names if c != link.link_owner.column]
            fks = [link.fk(col) for col in columns]
            content[link_key(link)] = [
                values for values in content.get(link_key(link), [])
                if all(fk is None or v is None or self._exists(fk.target, v)
                       for fk, v in zip(fks, values, strict=True))]
        return Record(content, record.updated_at)

    def _let_waiting_in(self) -> None:
        """Their rows that waited for this record, parents first."""
        position = {t.name: i for i, t in enumerate(self.graph.order)}
        for entry in sorted(self.c.waiting, key=lambda e: position[e["table"]]):
            table = self.graph.tables[entry["table"]]
            if "owner" in entry:
                values = entry["values"]
                columns = [c for c in table.column_names if c != table.link_owner.column]
                fks = [table.fk(col) for col in columns]
                if self._exists(table.link_owner.target, entry["owner"]) and all(
                        fk is None or self._exists(fk.target, v)
                        for fk, v in zip(fks, values, strict=True)):
                    insert_link_row(self.conn, table, entry["owner"], values)
                continue
            record = Record(entry["content"], entry["updated_at"])
            if all(self._exists(fk.target, record.content[fk.column])
                   for fk in table.foreign_keys if record.content.get(fk.column) is not None):
                write_record(self.conn, self.graph, table, self._existing_links(record))
                self.history.save_live(table.name, record.content["id"], Live(
                    entry["known"], {record.version: record.content}))
            else:   # its other parent is gone too: it goes the same way
                self._turn_away(table.name, record.content["id"], entry["known"])

    def _turn_away_waiting(self) -> None:
        for entry in self.c.waiting:
            if "owner" not in entry:
                self._turn_away(entry["table"], entry["content"]["id"], entry["known"])

    def _turn_away(self, table: str, rid: str, known: list[str]) -> None:
        """Their new record is not wanted here: a tombstone tells their laptop so."""
        self.history.save_tombstone(table, rid, Tombstone(new_deletion_version(), known,
                                                          utc_now()))
