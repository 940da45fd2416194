"""The "Att göra" list and the team overview, read with a handful of queries over
every samverkan at once (benchmarks/bench_follow_up.py: 60 samverkan × 10 insatser ×
3 years), never one query per samverkan."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta

from ..domain.coded import UNKNOWN_VALUE
from ..domain.engagement import Phase
from ..domain.follow_up import InterventionStatus
from ..domain.follow_up_overview import (
    DUE_WITHIN_DAYS,
    CalendarEvent,
    TeamRow,
    TodoItem,
    TodoKind,
    event_uid,
)
from ..domain.money import format_kr
from ..domain.sorting import swedish_key
from .database import Database

_OPEN = f"e.phase != '{Phase.CLOSED.value}'"

# The ÖK 2 each samverkan follows: the latest signed (as store.follow_up.followed_agreement).
_FOLLOWED = """
SELECT id, engagement_id, period_start, period_end FROM (
    SELECT a.*, row_number() OVER (PARTITION BY engagement_id ORDER BY signed_date DESC) AS n
    FROM agreements a WHERE kind = 'ok2' AND status = 'undertecknat') WHERE n = 1
"""
# Its terms and those of its signed tillägg.
_TERMS = f"""
WITH followed AS ({_FOLLOWED})
SELECT t.id, f.engagement_id, t.intervention_id FROM followed f
JOIN agreements a ON a.id = f.id OR (a.amends_id = f.id AND a.status = 'undertecknat')
JOIN agreement_terms t ON t.agreement_id = a.id
"""


def _sum_kr(column: str) -> str:
    """A total that skips stored non-numbers (`check` reports them) as `kr`."""
    return f"sum(CASE WHEN typeof({column}) = 'integer' THEN {column} END) AS kr"


def _kr(amount: object) -> str:
    return format_kr(amount) if isinstance(amount, int) else UNKNOWN_VALUE


class FollowUpOverview:
    def __init__(self, db: Database):
        self.db = db

    def todo(self, today: date, within_days: int = DUE_WITHIN_DAYS) -> list[TodoItem]:
        """Reports due soon or overdue and not handed in, meeting tasks past their date,
        payments expected and not yet recorded as paid, agreements sent but unsigned."""
        now, horizon = today.isoformat(), (today + timedelta(days=within_days)).isoformat()
        items: list[TodoItem] = []
        for r in self.db.query(
                f"""WITH followed AS ({_FOLLOWED})
                SELECT r.id, r.kind, r.due_date, e.id AS eid, o.name FROM agreement_reports r
                JOIN followed f ON f.id = r.agreement_id
                JOIN engagements e ON e.id = f.engagement_id
                JOIN organisers o ON o.id = e.organiser_id
                LEFT JOIN follow_up_reports w ON w.report_id = r.id
                WHERE {_OPEN} AND r.due_date <= ? AND coalesce(w.status, 'utkast') = 'utkast'
                """, (horizon,)):
            label = "Slutredovisning" if r["kind"] == "slutredovisning" else "Delredovisning"
            items.append(TodoItem(TodoKind.REPORT, r["due_date"], r["eid"], r["name"],
                                  f"{label} senast {r['due_date']}", "Inte inlämnad",
                                  r["due_date"] < now, r["id"]))
        for r in self.db.query(
                f"""SELECT t.text, t.who, t.due, m.id AS mid, m.date, m.title, e.id AS eid, o.name
                FROM tasks t JOIN meetings m ON m.id = t.meeting_id
                JOIN engagements e ON e.id = m.engagement_id
                JOIN organisers o ON o.id = e.organiser_id
                WHERE {_OPEN} AND t.done = 0 AND t.kind = 'uppgift' AND t.due != ''
                AND t.due < ?""", (now,)):
            who = f" ({r['who']})" if r["who"] else ""
            items.append(TodoItem(TodoKind.TASK, r["due"], r["eid"], r["name"],
                                  r["text"].splitlines()[0][:120] + who,
                                  f"Möte {r['date']} {r['title']}".strip(), True, r["mid"]))
        for r in self.db.query(
                f"""SELECT p.id, p.due_date, p.amount_kr, e.id AS eid, o.name
                FROM agreement_payments p JOIN agreements a ON a.id = p.agreement_id
                JOIN engagements e ON e.id = a.engagement_id
                JOIN organisers o ON o.id = e.organiser_id
                LEFT JOIN follow_up_payments x ON x.payment_id = p.id
                WHERE {_OPEN} AND a.status = 'undertecknat' AND x.id IS NULL
                AND p.due_date <= ?""", (horizon,)):
            items.append(TodoItem(TodoKind.PAYMENT, r["due_date"], r["eid"], r["name"],
                                  f"{_kr(r['amount_kr'])} enligt utbetalningsplanen",
                                  "Inte registrerad som utbetald", r["due_date"] < now, r["id"]))
        for r in self.db.query(
                f"""SELECT a.id, a.kind, a.dnr, a.sent_date, e.id AS eid, o.name
                FROM agreements a JOIN engagements e ON e.id = a.engagement_id
                JOIN organisers o ON o.id = e.organiser_id
                WHERE {_OPEN} AND a.status = 'skickat'"""):
            kind = {"ok1": "ÖK 1", "ok2": "ÖK 2"}.get(r["kind"], "Tillägg")
            dnr = f" (dnr {r['dnr']})" if r["dnr"] else ""
            items.append(TodoItem(TodoKind.SIGNATURE, r["sent_date"], r["eid"], r["name"],
                                  f"{kind}{dnr}",
                                  f"Skickad {r['sent_date']}" if r["sent_date"] else "Skickad",
                                  False, r["id"]))
        return sorted(items, key=lambda i: i.sort_key)

    def team(self) -> list[TeamRow]:
        rows: dict[str, TeamRow] = {}
        for r in self.db.query(
                """SELECT e.id, e.title, e.dnr, e.phase, o.name, s.name AS responsible
                FROM engagements e JOIN organisers o ON o.id = e.organiser_id
                LEFT JOIN supporters s ON s.id = e.responsible_id"""):
            rows[r["id"]] = TeamRow(r["id"], r["name"], r["title"], r["dnr"],
                                    Phase(r["phase"]).label,
                                    responsible=r["responsible"] or "")
        for r in self.db.query(_FOLLOWED):
            rows[r["engagement_id"]].period_start = r["period_start"]
            rows[r["engagement_id"]].period_end = r["period_end"]
        terms_engagement: dict[str, str] = {}
        plan_links: dict[str, str] = {}
        for r in self.db.query(_TERMS):
            terms_engagement[r["id"]] = r["engagement_id"]
            if r["intervention_id"]:
                plan_links[r["intervention_id"]] = r["engagement_id"]
        latest: dict[str, str] = {}
        for r in self.db.query("SELECT terms_id, status FROM follow_up_statuses "
                               "ORDER BY date, rowid"):
            latest[r["terms_id"]] = r["status"]
        counts: dict[str, dict[InterventionStatus, int]] = defaultdict(lambda: defaultdict(int))
        for terms_id, eid in terms_engagement.items():
            counts[eid][InterventionStatus(latest.get(terms_id, "ej_paborjad"))] += 1
        for eid, by_status in counts.items():
            rows[eid].by_status = dict(by_status)
        for r in self.db.query(
                f"""WITH t AS ({_TERMS}) SELECT t.engagement_id, f.year, {_sum_kr('f.amount_kr')}
                FROM agreement_funding f JOIN t ON t.id = f.terms_id
                WHERE f.kind = 'beviljat' AND typeof(f.year) = 'integer'
                GROUP BY t.engagement_id, f.year HAVING kr IS NOT NULL"""):
            rows[r["engagement_id"]].granted_by_year[r["year"]] = r["kr"]
        for r in self.db.query(
                f"""SELECT a.engagement_id, CAST(substr(x.paid_date, 1, 4) AS INTEGER) AS year,
                {_sum_kr('x.amount_kr')} FROM follow_up_payments x
                JOIN agreement_payments p ON p.id = x.payment_id
                JOIN agreements a ON a.id = p.agreement_id
                WHERE x.paid_date GLOB '[0-9][0-9][0-9][0-9]-*' GROUP BY 1, 2
                HAVING kr IS NOT NULL"""):
            rows[r["engagement_id"]].paid_by_year[r["year"]] = r["kr"]
        for r in self.db.query(
                f"""WITH t AS ({_TERMS}) SELECT t.engagement_id, s.year, {_sum_kr('s.used_kr')}
                FROM follow_up_spending s JOIN t ON t.id = s.terms_id
                WHERE typeof(s.year) = 'integer' GROUP BY 1, 2 HAVING kr IS NOT NULL"""):
            rows[r["engagement_id"]].used_by_year[r["year"]] = r["kr"]
        # Insatser per factor: the agreement's insatser where there is one, else the plan's.
        followed = set(terms_engagement.values())
        for r in self.db.query("SELECT i.id, i.factors, a.engagement_id FROM plan_interventions i "
                               "JOIN plan_areas a ON a.id = i.area_id WHERE i.factors != '[]'"):
            owner: str | None = (plan_links.get(r["id"]) if r["engagement_id"] in followed
                                 else r["engagement_id"])
            if owner is None or owner not in rows:
                continue
            for factor in _factors(r["factors"]):
                rows[owner].by_factor[factor] = rows[owner].by_factor.get(factor, 0) + 1
        return sorted(rows.values(), key=lambda t: (swedish_key(t.organiser_name),
                                                    swedish_key(t.title)))


def _factors(text: str) -> list[str]:
    try:
        value = json.loads(text)
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def calendar_events(db: Database) -> list[CalendarEvent]:
    """Every meeting, and every report due date and payment of a signed agreement, of
    every samverkan (a draft's dates may still change)."""
    events: list[CalendarEvent] = []
    for r in db.query(
            """SELECT r.id, r.kind, r.due_date, a.kind AS akind, o.name FROM agreement_reports r
            JOIN agreements a ON a.id = r.agreement_id JOIN engagements e ON e.id = a.engagement_id
            JOIN organisers o ON o.id = e.organiser_id
            WHERE r.due_date != '' AND a.status = 'undertecknat'"""):
        label = "Slutredovisning" if r["kind"] == "slutredovisning" else "Delredovisning"
        events.append(CalendarEvent(event_uid("redovisning", r["id"]), r["due_date"],
                                    f"{label}: {r['name']}",
                                    f"Sista dag för {label.lower()} enligt överenskommelsen."))
    for r in db.query(
            """SELECT m.id, m.date, m.title, m.kind, m.start_time, m.end_time, m.place, o.name
            FROM meetings m JOIN engagements e ON e.id = m.engagement_id
            JOIN organisers o ON o.id = e.organiser_id"""):
        events.append(CalendarEvent(event_uid("mote", r["id"]), r["date"],
                                    f"{r['title'] or 'Möte'}: {r['name']}", "",
                                    r["start_time"], r["end_time"], r["place"]))
    for r in db.query(
            """SELECT p.id, p.due_date, p.amount_kr, p.on_requisition, o.name
            FROM agreement_payments p JOIN agreements a ON a.id = p.agreement_id
            JOIN engagements e ON e.id = a.engagement_id
            JOIN organisers o ON o.id = e.organiser_id WHERE a.status = 'undertecknat'"""):
        how = " (på rekvisition)" if r["on_requisition"] else ""
        events.append(CalendarEvent(event_uid("utbetalning", r["id"]), r["due_date"],
                                    f"Utbetalning {_kr(r['amount_kr'])}: {r['name']}",
                                    f"Enligt utbetalningsplanen{how}."))
    return sorted(events, key=lambda e: (e.day, e.start_time, e.summary))
