"""Rows of the follow-up tables <-> domain objects (one place for the column names)."""

from __future__ import annotations

from ..domain.follow_up import (
    CostKind,
    GoalFollowUp,
    GoalHorizon,
    InterventionStatus,
    Judgement,
    LogEntry,
    PaymentReceipt,
    Reached,
    Spending,
    StatusEntry,
)
from ..domain.follow_up_reports import ReportStatus, ReportWork
from .connection import sqlite3
from .rows import Values, stored_int


def status_values(s: StatusEntry) -> Values:
    return dict(id=s.id, terms_id=s.terms_id, status=s.status.value, date=s.date.strip(),
                comment=s.comment.strip())


def status_from(r: sqlite3.Row) -> StatusEntry:
    return StatusEntry(id=r["id"], terms_id=r["terms_id"],
                       status=InterventionStatus(r["status"]), date=r["date"],
                       comment=r["comment"])


def log_values(e: LogEntry) -> Values:
    return dict(id=e.id, terms_id=e.terms_id, date=e.date.strip(), text=e.text.strip(),
                note_id=e.note_id)


def log_from(r: sqlite3.Row) -> LogEntry:
    return LogEntry(id=r["id"], terms_id=r["terms_id"], date=r["date"], text=r["text"],
                    note_id=r["note_id"])


def reached_values(x: Reached) -> Values:
    return dict(id=x.id, terms_id=x.terms_id, year=x.year, participant_group=x.group.strip(),
                count=x.count, school_unit_id=x.school_unit_id or None)


def reached_from(r: sqlite3.Row) -> Reached:
    return Reached(id=r["id"], terms_id=r["terms_id"], year=stored_int(r["year"]),
                   group=r["participant_group"], count=stored_int(r["count"]),
                   school_unit_id=r["school_unit_id"])


def spending_values(s: Spending) -> Values:
    return dict(id=s.id, terms_id=s.terms_id, year=s.year, cost_kind=s.cost_kind.value,
                used_kr=s.used_kr, comment=s.comment.strip())


def spending_from(r: sqlite3.Row) -> Spending:
    return Spending(id=r["id"], terms_id=r["terms_id"], year=stored_int(r["year"]),
                    used_kr=stored_int(r["used_kr"]),
                    cost_kind=CostKind(r["cost_kind"]), comment=r["comment"])


def goal_values(g: GoalFollowUp) -> Values:
    return dict(id=g.id, terms_id=g.terms_id, horizon=g.horizon.value, goal=g.goal.strip(),
                judgement=g.judgement.value if g.judgement else None,
                evidence=g.evidence.strip(), judged_date=g.judged_date.strip(),
                position=g.position)


def goal_from(r: sqlite3.Row) -> GoalFollowUp:
    return GoalFollowUp(id=r["id"], terms_id=r["terms_id"], goal=r["goal"],
                        horizon=GoalHorizon(r["horizon"]),
                        judgement=Judgement(r["judgement"]) if r["judgement"] else None,
                        evidence=r["evidence"], judged_date=r["judged_date"],
                        position=stored_int(r["position"]))


def receipt_values(p: PaymentReceipt) -> Values:
    return dict(id=p.id, payment_id=p.payment_id, paid_date=p.paid_date.strip(),
                amount_kr=p.amount_kr)


def receipt_from(r: sqlite3.Row) -> PaymentReceipt:
    return PaymentReceipt(id=r["id"], payment_id=r["payment_id"], paid_date=r["paid_date"],
                          amount_kr=stored_int(r["amount_kr"]))


def work_values(w: ReportWork) -> Values:
    return dict(id=w.id, report_id=w.report_id, status=w.status.value,
                submitted_date=w.submitted_date.strip(), reviewed_date=w.reviewed_date.strip(),
                decision_comment=w.decision_comment.strip(), summary=w.summary.strip(),
                results_text=w.results_text.strip(), ownership_text=w.ownership_text.strip(),
                frozen_json=w.frozen_json)


def work_from(r: sqlite3.Row) -> ReportWork:
    return ReportWork(id=r["id"], report_id=r["report_id"], status=ReportStatus(r["status"]),
                      submitted_date=r["submitted_date"], reviewed_date=r["reviewed_date"],
                      decision_comment=r["decision_comment"], summary=r["summary"],
                      results_text=r["results_text"], ownership_text=r["ownership_text"],
                      frozen_json=r["frozen_json"])
