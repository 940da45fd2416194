"""Follow-up of an engagement's signed ÖK 2: statuses, log, reach, money, goals,
payments received, report work (frozen on submission) and followed key figures.

Rules that need stored data are checked here: a year against the agreement's
period, a report's submission against the period it covers, a followed key figure
against the samverkan. Every write is one transaction: nothing is saved half.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from ..domain.agreement import Agreement
from ..domain.agreement_effective import effective_agreement
from ..domain.agreement_kinds import AgreementKind, AgreementStatus
from ..domain.agreement_reports import ReportObligation
from ..domain.analysis import KeyFigure, check_key_figure
from ..domain.errors import FieldError, ValidationError, raise_if
from ..domain.follow_up import (
    GoalFollowUp,
    LogEntry,
    PaymentReceipt,
    Reached,
    Spending,
    StatusEntry,
    check_goal,
    check_log,
    check_reached,
    check_receipt,
    check_spending,
    check_status,
    key_figure_year_error,
)
from ..domain.follow_up_reports import ReportStatus, ReportWork, check_report_work
from ..domain.follow_up_snapshot import FollowUpSnapshot, InsatsFollowUp
from ..domain.key_figures import natural_key, sorted_figures
from ..domain.report_document import ReportDocument, build_report_document
from . import follow_up_rows as fr
from . import rows
from .connection import sqlite3
from .current_state import check_unit_of_engagement, key_figure_from_row
from .database import Database

TABLES = ("follow_up_statuses", "follow_up_log", "follow_up_reached", "follow_up_spending",
          "follow_up_goals", "follow_up_payments", "follow_up_reports", "follow_up_key_figures")
_PER_TERMS = {"follow_up_statuses": fr.status_from, "follow_up_log": fr.log_from,
              "follow_up_reached": fr.reached_from, "follow_up_spending": fr.spending_from,
              "follow_up_goals": fr.goal_from}
_ORDER = {"follow_up_statuses": "date, rowid", "follow_up_log": "date, rowid",
          "follow_up_reached": "year, rowid", "follow_up_spending": "year, cost_kind",
          "follow_up_goals": "position, rowid"}


def followed_agreement(agreements: list[Agreement]) -> Agreement | None:
    """The signed ÖK 2 the insatser follow (the latest signed, should there be two), as
    it stands after its signed tillägg. A draft is not followed: genomförande starts
    when both parties have signed."""
    ok2 = [a for a in agreements
           if a.kind is AgreementKind.OK2 and a.status is AgreementStatus.SIGNED]
    if not ok2:
        return None
    base = max(ok2, key=lambda a: a.signed_date)
    return effective_agreement(base, agreements).agreement


def _years_of_terms(conn: sqlite3.Connection, terms_id: str) -> tuple[int, int] | None:
    r = conn.execute("SELECT a.period_start, a.period_end FROM agreement_terms t "
                     "JOIN agreements a ON a.id = t.agreement_id WHERE t.id = ?",
                     (terms_id,)).fetchone()
    if r is None:
        raise ValidationError(FieldError("terms_id", "Insatsen finns inte längre."))
    start, end = r[0][:4], r[1][:4]
    return (int(start), int(end)) if start.isdigit() and end.isdigit() else None


def _save_work(conn: sqlite3.Connection, w: ReportWork, freeze: Callable[[], str]) -> None:
    stored = conn.execute("SELECT * FROM follow_up_reports WHERE report_id = ?",
                          (w.report_id,)).fetchone()
    if stored is not None:
        w.id = stored["id"]   # one work per report, whichever laptop made it
        old = fr.work_from(stored)
        texts = ("summary", "results_text", "ownership_text")
        if old.frozen and w.status is not ReportStatus.DRAFT and any(
                getattr(old, t) != getattr(w, t).strip() for t in texts):
            raise ValidationError(FieldError(
                "summary", "Redovisningen är inlämnad och låst. Sätt status till utkast "
                           "för att ändra texten."))
        w.frozen_json = old.frozen_json
    if w.status is ReportStatus.DRAFT:
        w.frozen_json = ""
    elif not w.frozen_json:
        w.frozen_json = freeze()
    rows.upsert(conn, "follow_up_reports", fr.work_values(w))


class FollowUp:
    def __init__(self, db: Database, agreements: Callable[[str], list[Agreement]],
                 today: Callable[[], date] = date.today):
        self.db = db
        self._agreements = agreements
        self.today = today

    # -- reading -----------------------------------------------------------------------
    def snapshot(self, engagement_id: str) -> FollowUpSnapshot | None:
        e = self.db.conn.execute(
            "SELECT e.title, e.dnr, o.name, o.id AS organiser_id, s.name AS author "
            "FROM engagements e JOIN organisers o ON o.id = e.organiser_id "
            "LEFT JOIN supporters s ON s.id = e.responsible_id WHERE e.id = ?",
            (engagement_id,)).fetchone()
        if e is None:
            return None
        agreement = followed_agreement(self._agreements(engagement_id))
        snap = FollowUpSnapshot(engagement_id, e["title"], e["name"], e["dnr"],
                                e["author"] or "", agreement)
        snap.unit_names = {r["id"]: r["name"] for r in self.db.query(
            "SELECT id, name FROM school_units WHERE organiser_id = ?", (e["organiser_id"],))}
        snap.baseline = [key_figure_from_row(r) for r in self.db.query(
            "SELECT * FROM key_figures WHERE engagement_id = ?", (engagement_id,))]
        snap.followed = self.followed_key_figures(engagement_id)
        if agreement is None:
            return snap
        snap.insatser = [InsatsFollowUp(t) for t in agreement.terms]
        by_terms = {i.terms.id: i for i in snap.insatser}
        marks = ",".join("?" * len(by_terms))
        for table, from_row in _PER_TERMS.items():
            for r in self.db.query(f"SELECT * FROM {table} WHERE terms_id IN ({marks}) "
                                   f"ORDER BY {_ORDER[table]}", tuple(by_terms)):
                record = from_row(r)
                getattr(by_terms[r["terms_id"]], _ATTR[table]).append(record)
        factors = self.db.query(
            f"SELECT t.id, i.factors FROM agreement_terms t JOIN plan_interventions i "
            f"ON i.id = t.intervention_id WHERE t.id IN ({marks})", tuple(by_terms))
        for r in factors:
            by_terms[r["id"]].factors = _json_list(r["factors"])
        payment_ids = tuple(p.id for p in agreement.payments)
        pmarks = ",".join("?" * len(payment_ids))
        snap.receipts = {r["payment_id"]: fr.receipt_from(r) for r in self.db.query(
            f"SELECT * FROM follow_up_payments WHERE payment_id IN ({pmarks})", payment_ids)}
        report_ids = tuple(r.id for r in agreement.reports)
        rmarks = ",".join("?" * len(report_ids))
        snap.works = {r["report_id"]: fr.work_from(r) for r in self.db.query(
            f"SELECT * FROM follow_up_reports WHERE report_id IN ({rmarks})", report_ids)}
        return snap

    def work(self, snap: FollowUpSnapshot, report_id: str) -> ReportWork:
        return snap.works.get(report_id) or ReportWork(report_id=report_id)

    def report_document(self, engagement_id: str, report_id: str) -> ReportDocument:
        """As handed in when frozen; otherwise a draft built from today's data."""
        snap = self.snapshot(engagement_id)
        report = next((r for r in snap.agreement.reports if r.id == report_id), None) \
            if snap and snap.agreement else None
        if snap is None or report is None:
            raise ValidationError(FieldError("report_id", "Redovisningen finns inte längre."))
        work = self.work(snap, report_id)
        if work.frozen and work.frozen_json:
            return ReportDocument.from_json(work.frozen_json)
        return build_report_document(snap, report, work, self.today().isoformat())

    def reports_in_order(self, engagement_id: str) -> list[ReportObligation]:
        """The followed agreement's reports by due date: number N is item N - 1."""
        agreement = followed_agreement(self._agreements(engagement_id))
        if agreement is None:
            return []
        return sorted(agreement.reports, key=lambda r: (r.due_date, r.position))

    def followed_key_figures(self, engagement_id: str) -> list[KeyFigure]:
        return sorted_figures([key_figure_from_row(r) for r in self.db.query(
            "SELECT * FROM follow_up_key_figures WHERE engagement_id = ?", (engagement_id,))])

    # -- writing -------------------------------------------------------------------------
    def _write(self, key: tuple[str, str], wait: bool, fn: Callable[..., None],
               *args: Any) -> None:
        if wait:
            self.db.write(fn, *args)
        else:
            self.db.submit(key, fn, *args)

    def save_status(self, s: StatusEntry, *, wait: bool = True) -> None:
        check_status(s, self.today())
        self._write(("follow_up_statuses", s.id), wait, rows.upsert, "follow_up_statuses",
                    fr.status_values(s))

    def save_log(self, e: LogEntry, *, wait: bool = True) -> None:
        check_log(e, self.today())
        self._write(("follow_up_log", e.id), wait, rows.upsert, "follow_up_log",
                    fr.log_values(e))

    def save_reached(self, r: Reached, *, wait: bool = True) -> None:
        check_reached(r, _years_of_terms(self.db.conn, r.terms_id))
        self._write(("follow_up_reached", r.id), wait, rows.upsert, "follow_up_reached",
                    fr.reached_values(r))

    def save_spending(self, s: Spending, *, wait: bool = True) -> None:
        check_spending(s, _years_of_terms(self.db.conn, s.terms_id))
        self._write(("follow_up_spending", s.id), wait, rows.upsert, "follow_up_spending",
                    fr.spending_values(s))

    def save_goal(self, g: GoalFollowUp, *, wait: bool = True) -> None:
        check_goal(g, self.today())
        self._write(("follow_up_goals", g.id), wait, rows.upsert, "follow_up_goals",
                    fr.goal_values(g))

    def save_receipt(self, p: PaymentReceipt) -> None:
        check_receipt(p, self.today())

        def save(conn: sqlite3.Connection) -> None:
            stored = conn.execute("SELECT id FROM follow_up_payments WHERE payment_id = ?",
                                  (p.payment_id,)).fetchone()
            if stored is not None:
                p.id = stored[0]
            rows.upsert(conn, "follow_up_payments", fr.receipt_values(p))
        self.db.write(save)

    def save_report_work(self, engagement_id: str, w: ReportWork) -> ReportWork:
        """Saved with its status; on submission the report document is frozen with it."""
        snap = self.snapshot(engagement_id)
        agreement = snap.agreement if snap else None
        report = next((r for r in agreement.reports if r.id == w.report_id), None) \
            if agreement else None
        if snap is None or report is None:
            raise ValidationError(FieldError("report_id", "Redovisningen finns inte längre."))
        today = self.today()
        check_report_work(w, snap.periods.get(report.id), today)

        def freeze() -> str:
            return build_report_document(snap, report, w, w.submitted_date).to_json()
        self.db.write(_save_work, w, freeze)
        return w

    def delete(self, table: str, record_id: str) -> None:
        assert table in TABLES
        self.db.delete(table, record_id)

    # -- followed key figures ------------------------------------------------------------
    def _years(self, engagement_id: str) -> tuple[int, int] | None:
        snap_agreement = followed_agreement(self._agreements(engagement_id))
        if snap_agreement is None:
            return None
        start, end = snap_agreement.period_start[:4], snap_agreement.period_end[:4]
        return (int(start), int(end)) if start.isdigit() and end.isdigit() else None

    def check_followed(self, engagement_id: str, figures: list[KeyFigure]) -> list[str]:
        """Every problem with figures to follow (Swedish, one per figure)."""
        years = self._years(engagement_id)
        problems = []
        for n, k in enumerate(figures, 1):
            try:
                check_key_figure(k)
            except ValidationError as exc:
                problems.append(f"Nyckeltal {n}: {exc}")
                continue
            if msg := key_figure_year_error(k.year, years):
                problems.append(f"Nyckeltal {n}: {msg}")
        return problems

    def import_followed(self, engagement_id: str, figures: list[KeyFigure]) -> int:
        """All or nothing; a figure already followed (same unit, measure, subject and
        year) is updated in place."""
        problems = self.check_followed(engagement_id, figures)
        if problems:
            raise_if([FieldError("year", p) for p in problems])

        def write(conn: sqlite3.Connection) -> None:
            existing = {natural_key(key_figure_from_row(r)): r["id"] for r in conn.execute(
                "SELECT * FROM follow_up_key_figures WHERE engagement_id = ?", (engagement_id,))}
            for k in figures:
                check_unit_of_engagement(conn, engagement_id, k.school_unit_id)
                values = _figure_values(k)
                values["id"] = existing.get(natural_key(k), k.id)
                rows.upsert(conn, "follow_up_key_figures", values)
        self.db.write(write)
        return len(figures)


_ATTR = {"follow_up_statuses": "statuses", "follow_up_log": "log",
         "follow_up_reached": "reached", "follow_up_spending": "spending",
         "follow_up_goals": "goals"}


def _json_list(text: str) -> list[str]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def _figure_values(k: KeyFigure) -> rows.Values:
    return dict(id=k.id, engagement_id=k.engagement_id, school_unit_id=k.school_unit_id or None,
                measure=k.measure.value, year=k.year.strip(), value=float(k.value),
                national_value=None if k.national_value is None else float(k.national_value),
                subject=k.subject.strip(), source=k.source.strip(), note=k.note.strip())
