"""Deciding, record by record, what an import does. Nothing is written here.

For each record in the package (their version t, with the versions it descends
from) against this laptop (my version v, with my known versions):

    v == t                   same content: nothing (but the later updated_at)
    t among my known         mine is newer: keep mine
    v among theirs           theirs is newer: take theirs
    otherwise                both changed: merge field by field against the newest
                             common version; a field changed differently on both
                             sides makes the record a conflict (mine stays).

Deletions are versions too: a tombstone in the package is "their version", a
tombstone here is "my version", so deleted-here-changed-there is a conflict
like any other. A deletion that would take along something the colleague did
not know about (a new note in the meeting) is a conflict instead, and so is a
new record of theirs that needs a record deleted here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..store.connection import sqlite3
from .conflicts import Conflict
from .history import History, Tombstone, merged_known, new_deletion_version
from .records import LINK_PREFIX, Content, Record, RecordReader, link_columns, records_from_rows
from .schema_graph import SchemaGraph, Table, quote
from .three_way import merge_contents
from .validation import ValidPackage


@dataclass
class Write:
    table: Table
    id: str
    record: Record
    known: list[str]            # the record's known versions after the write
    kind: str                   # added, changed, merged, restored
    theirs: Record              # their version, kept as a base for later merges
    their_known: list[str]


@dataclass
class Deletion:
    table: Table
    id: str
    tombstone: Tombstone        # what is kept here once the record is gone
    their_known: list[str]


@dataclass
class MergePlan:
    writes: dict[tuple[str, str], Write] = field(default_factory=dict)
    deletions: dict[tuple[str, str], Deletion] = field(default_factory=dict)
    conflicts: dict[tuple[str, str], Conflict] = field(default_factory=dict)
    known: list[tuple[str, str, list[str], str, Content | None]] = field(default_factory=list)
    tombstones: list[tuple[str, str, Tombstone]] = field(default_factory=list)
    stamps: list[tuple[str, str, str]] = field(default_factory=list)   # later updated_at
    cleared: set[tuple[str, str]] = field(default_factory=set)         # conflicts settled


class Planner:
    def __init__(self, conn: sqlite3.Connection, graph: SchemaGraph, history: History,
                 package: ValidPackage, open_conflicts: dict[tuple[str, str], str]):
        self.conn, self.graph, self.history = conn, graph, history
        self.package = package
        self.incoming = records_from_rows(graph, package.rows)
        self.open_conflicts = open_conflicts    # (table, id) -> their version stored
        reader = RecordReader(conn, graph)
        wanted: dict[str, set[str]] = {t.name: set(self.incoming[t.name])
                                       for t in graph.record_tables}
        for table, rid, _ in package.deleted:
            wanted[table].add(rid)
        self.local = {t.name: reader.load(t, wanted[t.name]) for t in graph.record_tables}
        self.plan = MergePlan()
        self._still_deleted: dict[tuple[str, str], tuple[Record, list[str], str]] = {}

    def run(self) -> MergePlan:
        for table in self.graph.record_tables:
            for rid, record in self.incoming[table.name].items():
                known = self.package.known.get(table.name, {}).get(rid, [])
                self._record(table, rid, record, merged_known(known, [record.version]))
        for table_name, rid, tombstone in self.package.deleted:
            self._tombstone(self.graph.tables[table_name], rid, tombstone)
        self._keep_deletions_that_would_lose_work()
        self._settle_twins()
        self._wait_for_missing_parents()
        return self.plan

    # -- one record of theirs ------------------------------------------------------------
    def _record(self, table: Table, rid: str, theirs: Record, their_known: list[str]) -> None:
        key, t = (table.name, rid), theirs.version
        self._settle_if_superseded(key, their_known)
        mine = self.local[table.name].get(rid)
        if mine is None:
            tomb = self.history.tombstone(table.name, rid)
            if tomb is None:
                self._write(table, rid, theirs, their_known, "added", theirs, their_known)
            elif tomb.version in their_known:   # first: the same content may come back
                self._write(table, rid, theirs, merged_known(tomb.known, their_known),
                            "restored", theirs, their_known)
            elif t in tomb.known:
                self.plan.tombstones.append((table.name, rid, Tombstone(
                    tomb.version, merged_known(tomb.known, their_known), tomb.deleted_at)))
                self._still_deleted[key] = (theirs, their_known, t)
            else:
                self._conflict(Conflict(table.name, rid, "deleted_here", theirs, t, their_known))
            return
        v = mine.version
        if v == t:  # most records of a package: no bookkeeping decoded for them
            self.plan.known.append((table.name, rid, their_known, t, theirs.content))
            if theirs.updated_at is not None and theirs.updated_at > (mine.updated_at or ""):
                self.plan.stamps.append((table.name, rid, theirs.updated_at))
            return
        my_known = self.history.known(table.name, rid)
        if t in my_known:
            self.plan.known.append((table.name, rid, their_known, t, None))
        elif v in their_known:
            self._write(table, rid, theirs, merged_known(my_known, their_known), "changed",
                        theirs, their_known)
        else:
            state = self.history.live(table.name, rid)
            base = state.base_for(set(their_known)) if state else None
            if base is not None:
                merged, conflicting = merge_contents(base, mine.content, theirs.content)
                if not conflicting:
                    stamp = max(mine.updated_at or "", theirs.updated_at or "")
                    result = Record(merged, stamp)
                    self._write(table, rid, result,
                                merged_known(my_known, their_known, [v, result.version]),
                                "merged", theirs, their_known)
                    return
            self._conflict(Conflict(table.name, rid, "changed_both", theirs, t, their_known,
                                    base=base))

    def _tombstone(self, table: Table, rid: str, theirs: Tombstone) -> None:
        key = (table.name, rid)
        their_known = merged_known(theirs.known, [theirs.version])
        self._settle_if_superseded(key, their_known)
        mine = self.local[table.name].get(rid)
        if mine is None:
            tomb = self.history.tombstone(table.name, rid) or Tombstone(
                theirs.version, [], theirs.deleted_at)
            self.plan.tombstones.append((table.name, rid, Tombstone(
                tomb.version, merged_known(tomb.known, their_known), tomb.deleted_at)))
            return
        state = self.history.live(table.name, rid)
        my_known = state.known if state else []
        if theirs.version in my_known:        # mine came back after their deletion
            self.plan.known.append((table.name, rid, their_known, mine.version, None))
        elif mine.version in their_known:
            self.plan.deletions[key] = Deletion(table, rid, Tombstone(
                theirs.version, merged_known(my_known, their_known), theirs.deleted_at),
                their_known)
        else:
            self._conflict(Conflict(table.name, rid, "deleted_there", None, theirs.version,
                                    their_known))

    def _write(self, table: Table, rid: str, record: Record, known: list[str], kind: str,
               theirs: Record, their_known: list[str]) -> None:
        self.plan.writes[(table.name, rid)] = Write(table, rid, record, known, kind, theirs,
                                                     their_known)

    def _conflict(self, conflict: Conflict) -> None:
        key = (conflict.table, conflict.id)
        self.plan.conflicts[key] = conflict
        self.plan.cleared.discard(key)

    def _settle_if_superseded(self, key: tuple[str, str], their_known: list[str]) -> None:
        """An open conflict is settled when their new version descends from the
        version it was about (the colleague chose, and sends the choice)."""
        if self.open_conflicts.get(key) in their_known:
            self.plan.cleared.add(key)

    # -- deletions that would take along work the colleague has not seen --------------------
    def _keep_deletions_that_would_lose_work(self) -> None:
        deletions = self.plan.deletions
        if not deletions:
            return  # (the targets of 10 000 new notes need not be listed)
        needed = self._targets_of_writes()
        dependants = {key: self._dependants(d.table, d.id) for key, d in deletions.items()}
        blocked: set[tuple[str, str]] = set()
        changed = True
        while changed:
            changed = False
            for key in deletions.keys() - blocked:
                if key in needed or any(dep is None or dep not in deletions or dep in blocked
                                        for dep in dependants[key]):
                    blocked.add(key)
                    changed = True
        for key in blocked:
            d = deletions.pop(key)
            self._conflict(Conflict(d.table.name, d.id, "deleted_there", None, d.tombstone.version,
                                    d.their_known))

    def _dependants(self, table: Table, rid: str) -> list[tuple[str, str] | None]:
        """Rows here that a delete would take along or that forbid it. None stands
        for a row in a table that is not exchanged (an unsent draft): always kept."""
        found: list[tuple[str, str] | None] = []
        for fk in self.graph.referencing(table.name):
            child = self.graph.tables.get(fk.table)
            if not fk.blocks_delete or (child is not None and child.is_link
                                        and fk.on_delete == "CASCADE"):
                continue
            if child is None:
                if self.conn.execute(f"SELECT 1 FROM {quote(fk.table)} WHERE "
                                     f"{quote(fk.column)} = ? LIMIT 1", (rid,)).fetchone():
                    found.append(None)
                continue
            found += [(fk.table, r[0]) for r in self.conn.execute(
                f"SELECT id FROM {quote(fk.table)} WHERE {quote(fk.column)} = ?", (rid,))]
        return found

    def _targets_of_writes(self) -> set[tuple[str, str]]:
        targets: set[tuple[str, str]] = set()
        for w in self.plan.writes.values():
            for table, rid in self._references(w.table, w.record):
                targets.add((table, rid))
        return targets

    def _references(self, table: Table, record: Record) -> Iterator[tuple[str, str]]:
        for fk in table.foreign_keys:
            if record.content.get(fk.column) is not None:
                yield fk.target, record.content[fk.column]
        for link in self.graph.links_of(table.name):
            columns = link_columns(link)
            for values in record.content.get(LINK_PREFIX + link.name, []):
                for column, value in zip(columns, values, strict=True):
                    link_fk = link.fk(column)
                    if link_fk is not None and value is not None:
                        yield link_fk.target, value

    # -- the same unique key on both sides (two plans for one engagement) ---------------------
    def _settle_twins(self) -> None:
        for key, w in list(self.plan.writes.items()):
            if w.kind not in ("added", "restored") or not w.table.unique_keys:
                continue
            twin = self._local_twin(w)
            if twin is None:
                continue
            mine = RecordReader(self.conn, self.graph).load(w.table, [twin])[twin]
            same = _without_id(mine.content) == _without_id(w.record.content)
            if same and w.id < twin and not self._dependants(w.table, twin):
                # Identical twins: both laptops keep the smaller id, without asking.
                state = self.history.live(w.table.name, twin)
                self.plan.deletions[(w.table.name, twin)] = Deletion(w.table, twin, Tombstone(
                    new_deletion_version(),
                    merged_known(state.known if state else [], [mine.version]),
                    w.record.updated_at or ""), [])
            elif same and twin < w.id and not self._incoming_refs_to(key):
                del self.plan.writes[key]
                self.plan.tombstones.append((w.table.name, w.id, Tombstone(
                    new_deletion_version(), w.known, mine.updated_at or "")))
            else:
                del self.plan.writes[key]
                self._conflict(Conflict(w.table.name, w.id, "twin", w.theirs, w.theirs.version,
                                        w.their_known, twin_id=twin))

    def _local_twin(self, w: Write) -> str | None:
        for columns in w.table.unique_keys:
            values = [w.record.content.get(c) for c in columns]
            if any(v is None for v in values):
                continue   # NULLs never clash in a UNIQUE key
            where = " AND ".join(f"{quote(c)} = ?" for c in columns)
            rid: str
            for (rid,) in self.conn.execute(f"SELECT id FROM {quote(w.table.name)} "
                                            f"WHERE {where} AND id != ?", (*values, w.id)):
                if (w.table.name, rid) not in self.plan.deletions:
                    return rid
        return None

    def _incoming_refs_to(self, key: tuple[str, str]) -> bool:
        return any(key == target for w in self.plan.writes.values()
                   for target in self._references(w.table, w.record))

    # -- their new records under records deleted here -----------------------------------------
    def _wait_for_missing_parents(self) -> None:
        """A row of theirs whose parent will not exist waits in the conflict of the
        record deleted here, and comes in if the user restores that record."""
        roots: dict[tuple[str, str], tuple[str, str]] = {}
        by_table: dict[str, list[tuple[tuple[str, str], Write]]] = {}
        for key, w in self.plan.writes.items():
            by_table.setdefault(key[0], []).append((key, w))
        for table in self.graph.record_tables:
            for key, w in by_table.get(table.name, []):
                missing = next((t for t in self._parents(w) if not self._exists_after(t)), None)
                if missing is not None:
                    root = roots.get(missing, missing)
                    roots[key] = root
                    del self.plan.writes[key]
                    self._waiting_conflict(root).waiting.append(
                        {"table": table.name, "content": w.record.content,
                         "updated_at": w.record.updated_at, "known": w.known})
                    continue
                for link in self.graph.links_of(table.name):
                    self._hold_back_links(w, link, roots)

    def _parents(self, w: Write) -> Iterator[tuple[str, str]]:
        for fk in w.table.foreign_keys:
            if w.record.content.get(fk.column) is not None:
                yield fk.target, w.record.content[fk.column]

    def _hold_back_links(self, w: Write, link: Table,
                         roots: dict[tuple[str, str], tuple[str, str]]) -> None:
        lk = LINK_PREFIX + link.name
        columns = link_columns(link)
        kept: list[list[Any]] = []
        for values in w.record.content.get(lk, []):
            missing = next(((fk.target, v) for c, v in zip(columns, values, strict=True)
                            if (fk := link.fk(c)) is not None and v is not None
                            and not self._exists_after((fk.target, v))), None)
            if missing is None:
                kept.append(values)
            else:
                self._waiting_conflict(roots.get(missing, missing)).waiting.append(
                    {"table": link.name, "owner": w.id, "values": values})
        if len(kept) != len(w.record.content.get(lk, [])):
            w.record = Record({**w.record.content, lk: kept}, w.record.updated_at)

    def _exists_after(self, key: tuple[str, str]) -> bool:
        if key in self.plan.writes:
            return True
        if key in self.plan.deletions:
            return False
        table, rid = key
        local = self.local.get(table, {})
        if rid in local:
            return True
        return self.conn.execute(f"SELECT 1 FROM {quote(table)} WHERE id = ?",
                                 (rid,)).fetchone() is not None

    def _waiting_conflict(self, root: tuple[str, str]) -> Conflict:
        if root not in self.plan.conflicts:
            # Deleted here and unchanged there, but they added something under it.
            theirs, their_known, version = self._still_deleted[root]
            self.plan.tombstones = [t for t in self.plan.tombstones if (t[0], t[1]) != root]
            self._conflict(Conflict(root[0], root[1], "deleted_here", theirs, version, their_known))
        return self.plan.conflicts[root]


def _without_id(content: Content) -> Content:
    return {k: v for k, v in content.items() if k != "id"}
