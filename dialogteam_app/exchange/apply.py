"""Carrying out a merge plan inside the import's one transaction."""

from __future__ import annotations

import itertools

from ..domain.record_names import table_name
from ..store.connection import sqlite3
from ..store.purge import purge_deleted_content
from .conflicts import (
    Conflict,
    conflict_count,
    delete_conflict,
    open_conflict_versions,
    store_conflict,
)
from .errors import PackageError
from .history import History, Live, merged_known, with_content
from .labels import describe
from .merge import MergePlan, Write
from .records import delete_record, write_record, write_records
from .report import ConflictNote, ImportReport
from .schema_graph import SchemaGraph, quote


def apply_plan(conn: sqlite3.Connection, graph: SchemaGraph, history: History,
               plan: MergePlan, report: ImportReport) -> ImportReport:
    # Rows arrive parents first, but a table referring to itself could not be
    # ordered; the foreign keys are checked below, before the commit.
    conn.execute("PRAGMA defer_foreign_keys = ON")
    position = {t.name: i for i, t in enumerate(graph.order)}
    for d in sorted(plan.deletions.values(), key=lambda d: -position[d.table.name]):
        delete_record(conn, d.table, d.id)
        history.save_tombstone(d.table.name, d.id, d.tombstone)
        report.deleted[d.table.name] += 1
    writes = sorted(plan.writes.values(), key=lambda w: position[w.table.name])
    for _, same_table in itertools.groupby(writes, key=lambda w: w.table.name):
        group = list(same_table)
        _write_batch(conn, graph, [w for w in group if w.kind != "merged"])
        for w in group:
            if w.kind == "merged" and not _write_merged(conn, graph, w):
                # The merged row breaks a rule of the table (say, evidence pointing at
                # two things): let the user choose instead.
                plan.conflicts[(w.table.name, w.id)] = Conflict(
                    w.table.name, w.id, "changed_both", w.theirs, w.theirs.version,
                    w.their_known)
                continue
            previous = history.live(w.table.name, w.id)
            contents = previous.contents if previous else {}
            history.save_live(w.table.name, w.id, Live(
                w.known, with_content(contents, w.theirs.version, w.theirs.content)))
            getattr(report, w.kind if w.kind != "restored" else "added")[w.table.name] += 1
    for table, rid, their_known, version, content in plan.known:
        if content is not None:
            history.note_exchanged(table, rid, version, content, their_known)
        else:
            state = history.live(table, rid) or Live([], {})
            known = merged_known(state.known, their_known)
            if known != state.known:
                history.save_live(table, rid, Live(known, state.contents))
    for table, rid, tombstone in plan.tombstones:
        if history.tombstone(table, rid) != tombstone:
            history.save_tombstone(table, rid, tombstone)
    history.flush()
    for table, rid, stamp in plan.stamps:
        conn.execute(f"UPDATE {quote(table)} SET updated_at = ? WHERE id = ?", (stamp, rid))
    _record_conflicts(conn, plan, report)
    if plan.deletions:
        purge_deleted_content(conn)
    problems = [r for t in {w.table.name for w in plan.writes.values()}
                for r in conn.execute(f"PRAGMA foreign_key_check({quote(t)})")]
    if problems:
        raise PackageError(f"Paketet skulle lämna en trasig koppling i tabellen {problems[0][0]} "
                           "och har inte importerats.")
    return report


def _write_batch(conn: sqlite3.Connection, graph: SchemaGraph, writes: list[Write]) -> None:
    """Records of one table in one go; if the database refuses one, find it and say which."""
    if not writes:
        return
    try:
        write_records(conn, graph, writes[0].table, [w.record for w in writes])
    except sqlite3.IntegrityError:
        for w in writes:  # again one by one (rewriting a written one changes nothing)
            try:
                write_record(conn, graph, w.table, w.record)
            except sqlite3.IntegrityError:
                raise PackageError(f"Paketet innehåller en {table_name(w.table.name)} "
                                   f"({w.id[:8]}) som bryter mot en regel i databasen. "
                                   "Inget har importerats.") from None
        raise


def _write_merged(conn: sqlite3.Connection, graph: SchemaGraph, w: Write) -> bool:
    conn.execute("SAVEPOINT merged_record")
    try:
        write_record(conn, graph, w.table, w.record)
    except sqlite3.IntegrityError:
        conn.execute("ROLLBACK TO merged_record")
        conn.execute("RELEASE merged_record")
        return False
    conn.execute("RELEASE merged_record")
    return True


def _record_conflicts(conn: sqlite3.Connection, plan: MergePlan, report: ImportReport) -> None:
    existing = open_conflict_versions(conn)
    for key in plan.cleared:
        if key in existing:
            delete_conflict(conn, *key)
            report.settled_conflicts += 1
    for c in plan.conflicts.values():
        if not store_conflict(conn, c, report.source):
            continue   # known already, from an earlier import of the same version
        mine = conn.execute(f"SELECT * FROM {quote(c.table)} WHERE id = ?",
                            (c.twin_id or c.id,)).fetchone()
        content = dict(mine) if mine else (c.theirs.content if c.theirs else None)
        report.new_conflicts.append(ConflictNote(c.table, c.id, c.kind,
                                                 describe(c.table, content, c.id)))
    report.open_conflicts = conflict_count(conn)
