"""The analysis proper: problems in priority order, their causes, the evidence for
each cause, the delaktighet, and the whole of it as one snapshot."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable
from typing import Any

from ..domain.analysis import (
    Cause,
    Evidence,
    Participation,
    Problem,
    ProblemLevel,
    Strength,
    check_cause,
    check_evidence,
    check_participation,
    check_problem,
)
from ..domain.analysis_snapshot import AnalysisSnapshot
from ..domain.errors import FieldError, ValidationError
from ..domain.ids import utc_now
from ..domain.traceability import Traceability, build_traceability
from . import rows
from .candidates import check_same_engagement, load_candidates
from .cascade import cascade_counts
from .connection import sqlite3
from .current_state import finding_from_row, key_figure_from_row, source_from_row
from .database import Database
from .evidence_links import EvidenceUse, uses_blocking_delete
from .notes import Notes
from .organisations import Organisers
from .rows import stored_int


def _problem(r: sqlite3.Row) -> Problem:
    return Problem(id=r["id"], engagement_id=r["engagement_id"], level=ProblemLevel(r["level"]),
                   title=r["title"], description=r["description"],
                   results_link=r["results_link"], priority=stored_int(r["priority"]),
                   note_id=r["note_id"])


def _cause(r: sqlite3.Row) -> Cause:
    return Cause(id=r["id"], problem_id=r["problem_id"], text=r["text"], note_id=r["note_id"],
                 position=stored_int(r["position"]))


def _evidence(r: sqlite3.Row) -> Evidence:
    return Evidence(id=r["id"], cause_id=r["cause_id"], text=r["text"], note_id=r["note_id"],
                    key_figure_id=r["key_figure_id"], source_id=r["source_id"],
                    finding_id=r["finding_id"], strength=Strength(r["strength"]),
                    comment=r["comment"], position=stored_int(r["position"]))


def _engagement_of_problem(conn: sqlite3.Connection, problem_id: str) -> str:
    r = conn.execute("SELECT engagement_id FROM problems WHERE id = ?", (problem_id,)).fetchone()
    if r is None:
        raise _gone("Problemet")
    engagement_id: str = r[0]
    return engagement_id


def _engagement_of_cause(conn: sqlite3.Connection, cause_id: str) -> str:
    r = conn.execute("SELECT p.engagement_id FROM causes c JOIN problems p ON p.id = c.problem_id "
                     "WHERE c.id = ?", (cause_id,)).fetchone()
    if r is None:
        raise _gone("Orsaken")
    engagement_id: str = r[0]
    return engagement_id


def _gone(what: str) -> ValidationError:
    return ValidationError(FieldError("id", f"{what} finns inte längre."))


def _save_problem(conn: sqlite3.Connection, values: rows.Values) -> None:
    check_same_engagement(conn, "notes", values["note_id"], values["engagement_id"], "Anteckningen")
    rows.upsert(conn, "problems", values)


def _save_cause(conn: sqlite3.Connection, values: rows.Values) -> None:
    engagement_id = _engagement_of_problem(conn, values["problem_id"])
    check_same_engagement(conn, "notes", values["note_id"], engagement_id, "Anteckningen")
    rows.upsert(conn, "causes", values)


_EVIDENCE_TARGETS = (("note_id", "notes", "Anteckningen"),
                     ("key_figure_id", "key_figures", "Nyckeltalet"),
                     ("source_id", "sources", "Underlaget"),
                     ("finding_id", "inspection_findings", "Beslutet"))


def _save_evidence(conn: sqlite3.Connection, values: rows.Values) -> None:
    engagement_id = _engagement_of_cause(conn, values["cause_id"])
    for column, table, what in _EVIDENCE_TARGETS:
        check_same_engagement(conn, table, values[column], engagement_id, what)
    rows.upsert(conn, "evidence", values)


def _reorder_problems(conn: sqlite3.Connection, engagement_id: str, ids: list[str]) -> None:
    conn.executemany("UPDATE problems SET priority = ?, updated_at = ? "
                     "WHERE id = ? AND engagement_id = ?",
                     [(i, utc_now(), pid, engagement_id) for i, pid in enumerate(ids)])


def _save_participation(conn: sqlite3.Connection, values: rows.Values) -> None:
    # One row per engagement, whatever id the caller holds.
    conn.execute("INSERT INTO participation (id, engagement_id, staff, students, updated_at) "
                 "VALUES (:id, :engagement_id, :staff, :students, :updated_at) "
                 "ON CONFLICT(engagement_id) DO UPDATE SET staff = excluded.staff, "
                 "students = excluded.students, updated_at = excluded.updated_at",
                 {**values, "updated_at": utc_now()})


class Analysis:
    def __init__(self, db: Database):
        self.db = db

    def _write(self, key: Hashable, wait: bool, fn: Callable[..., Any], *args: object) -> None:
        if wait:
            self.db.write(fn, *args)
        else:
            self.db.submit(key, fn, *args)

    # -- problems -------------------------------------------------------------------------------
    def problems(self, engagement_id: str) -> list[Problem]:
        """In priority order: the most important first."""
        return [_problem(r) for r in self.db.query(
            "SELECT * FROM problems WHERE engagement_id = ? ORDER BY priority, rowid",
            (engagement_id,))]

    def get_problem(self, problem_id: str) -> Problem | None:
        r = self.db.conn.execute("SELECT * FROM problems WHERE id = ?", (problem_id,)).fetchone()
        return _problem(r) if r else None

    def save_problem(self, p: Problem, *, wait: bool = True) -> None:
        check_problem(p)
        values = dict(id=p.id, engagement_id=p.engagement_id, level=p.level.value,
                      title=p.title.strip(), description=p.description.strip(),
                      results_link=p.results_link.strip(), priority=p.priority, note_id=p.note_id)
        self._write(("problems", p.id), wait, _save_problem, values)

    def next_priority(self, engagement_id: str) -> int:
        position: int = self.db.conn.execute(
            "SELECT coalesce(max(priority) + 1, 0) FROM problems WHERE engagement_id = ?",
            (engagement_id,)).fetchone()[0]
        return position

    def reorder_problems(self, engagement_id: str, ids: list[str]) -> None:
        """ids in the new priority order, the most important first."""
        self.db.write(_reorder_problems, engagement_id, ids)

    def delete_problem(self, problem_id: str) -> None:
        self.db.delete("problems", problem_id)

    def deletion_impact(self, table: str, record_id: str) -> Counter[str]:
        """What deleting a problem, cause or evidence takes with it."""
        assert table in ("problems", "causes", "evidence")
        return cascade_counts(self.db.conn, table, record_id)

    # -- causes ---------------------------------------------------------------------------------
    def causes(self, problem_id: str) -> list[Cause]:
        return [_cause(r) for r in self.db.query(
            "SELECT * FROM causes WHERE problem_id = ? ORDER BY position, rowid", (problem_id,))]

    def save_cause(self, c: Cause, *, wait: bool = True) -> None:
        check_cause(c)
        values = dict(id=c.id, problem_id=c.problem_id, text=c.text.strip(), note_id=c.note_id,
                      position=c.position)
        self._write(("causes", c.id), wait, _save_cause, values)

    def next_cause_position(self, problem_id: str) -> int:
        position: int = self.db.conn.execute(
            "SELECT coalesce(max(position) + 1, 0) FROM causes WHERE problem_id = ?",
            (problem_id,)).fetchone()[0]
        return position

    def reorder_causes(self, ids: list[str]) -> None:
        self.db.write(rows.reorder, "causes", ids)

    def delete_cause(self, cause_id: str) -> None:
        self.db.delete("causes", cause_id)

    # -- evidence -------------------------------------------------------------------------------
    def evidence(self, cause_id: str) -> list[Evidence]:
        return [_evidence(r) for r in self.db.query(
            "SELECT * FROM evidence WHERE cause_id = ? ORDER BY position, rowid", (cause_id,))]

    def get_evidence(self, evidence_id: str) -> Evidence | None:
        r = self.db.conn.execute("SELECT * FROM evidence WHERE id = ?", (evidence_id,)).fetchone()
        return _evidence(r) if r else None

    def save_evidence(self, e: Evidence, *, wait: bool = True) -> None:
        check_evidence(e)
        values = dict(id=e.id, cause_id=e.cause_id, text=e.text.strip(), note_id=e.note_id,
                      key_figure_id=e.key_figure_id, source_id=e.source_id,
                      finding_id=e.finding_id, strength=e.strength.value,
                      comment=e.comment.strip(), position=e.position)
        self._write(("evidence", e.id), wait, _save_evidence, values)

    def next_evidence_position(self, cause_id: str) -> int:
        position: int = self.db.conn.execute(
            "SELECT coalesce(max(position) + 1, 0) FROM evidence WHERE cause_id = ?",
            (cause_id,)).fetchone()[0]
        return position

    def delete_evidence(self, evidence_id: str) -> None:
        self.db.delete("evidence", evidence_id)

    # -- delaktighet -------------------------------------------------------------------------------
    def participation(self, engagement_id: str) -> Participation:
        """The stored description, or an empty one (saved on its first edit)."""
        r = self.db.conn.execute("SELECT * FROM participation WHERE engagement_id = ?",
                                 (engagement_id,)).fetchone()
        if r is None:
            return Participation(engagement_id=engagement_id)
        return Participation(id=r["id"], engagement_id=engagement_id, staff=r["staff"],
                             students=r["students"])

    def save_participation(self, p: Participation, *, wait: bool = True) -> None:
        check_participation(p)
        values = dict(id=p.id, engagement_id=p.engagement_id, staff=p.staff.strip(),
                      students=p.students.strip())
        self._write(("participation", p.engagement_id), wait, _save_participation, values)

    # -- the whole -------------------------------------------------------------------------------
    def snapshot(self, engagement_id: str) -> AnalysisSnapshot:
        """Everything in order, with what the evidence points at: what the
        traceability view shows and what the åtgärdsplan builds on."""
        q = self.db.query
        problems = self.problems(engagement_id)
        causes = [_cause(r) for r in q(
            "SELECT c.* FROM causes c JOIN problems p ON p.id = c.problem_id "
            "WHERE p.engagement_id = ? ORDER BY p.priority, p.rowid, c.position, c.rowid",
            (engagement_id,))]
        evidence = [_evidence(r) for r in q(
            "SELECT e.* FROM evidence e JOIN causes c ON c.id = e.cause_id "
            "JOIN problems p ON p.id = c.problem_id WHERE p.engagement_id = ? "
            "ORDER BY e.position, e.rowid", (engagement_id,))]
        note_ids = {e.note_id for e in evidence if e.note_id}
        notes = Notes(self.db)
        organiser = q("SELECT organiser_id FROM engagements WHERE id = ?", (engagement_id,))
        organiser_id = organiser[0][0] if organiser else ""
        return AnalysisSnapshot(
            problems=problems, causes=causes, evidence=evidence,
            candidates=load_candidates(self.db, engagement_id),
            notes={n.id: n for n in (notes.get(i) for i in note_ids) if n},
            key_figures={r["id"]: key_figure_from_row(r) for r in q(
                "SELECT * FROM key_figures WHERE engagement_id = ?", (engagement_id,))},
            sources={r["id"]: source_from_row(r) for r in q(
                "SELECT * FROM sources WHERE engagement_id = ?", (engagement_id,))},
            findings={r["id"]: finding_from_row(r) for r in q(
                "SELECT * FROM inspection_findings WHERE engagement_id = ?", (engagement_id,))},
            unit_names={u.id: u.display_name for u in Organisers(self.db).units(organiser_id)})

    def traceability(self, engagement_id: str) -> Traceability:
        return build_traceability(self.snapshot(engagement_id))

    # -- notes in the analysis ---------------------------------------------------------------------
    def used_note_ids(self, engagement_id: str) -> set[str]:
        """Notes promoted into the analysis or used as evidence (for a marker in the list)."""
        return Notes(self.db).used_in_analysis(engagement_id)

    def uses_blocking_delete(self, table: str, record_id: str) -> list[EvidenceUse]:
        """Evidence that deleting table[record_id] (a note, meeting, skolenhet, key figure,
        …) would orphan; empty when the delete may go ahead."""
        return uses_blocking_delete(self.db.conn, table, record_id)

