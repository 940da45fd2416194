"""The åtgärdsplan of an engagement: its texts, areas, interventions (with their
skolenheter, causes, milestones and costs) and risks."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Hashable
from typing import Any

from ..domain.ids import utc_now
from ..domain.plan import (
    INTERVENTION_TEXT_LABELS,
    ActionPlan,
    CostLine,
    DevelopmentArea,
    Funder,
    Intervention,
    Milestone,
    Risk,
    check_area,
    check_cost,
    check_intervention,
    check_milestone,
    check_plan,
    check_risk,
)
from . import rows
from .cascade import cascade_counts
from .connection import sqlite3
from .database import Database
from .rows import stored_int, stored_optional_int

_TEXT_FIELDS = tuple(INTERVENTION_TEXT_LABELS)


def _save_area(conn: sqlite3.Connection, a: DevelopmentArea) -> None:
    rows.upsert(conn, "plan_areas", dict(id=a.id, engagement_id=a.engagement_id,
                                         title=a.title.strip(), description=a.description,
                                         position=a.position))
    rows.replace_links(conn, "area_problems", "area_id", "problem_id", a.id, a.problem_ids)


def _intervention_values(i: Intervention) -> rows.Values:
    values = {name: getattr(i, name) for name in _TEXT_FIELDS}
    values.update(id=i.id, area_id=i.area_id, title=i.title.strip(),
                  approx_participants=i.approx_participants, start=i.start, end=i.end,
                  factors=json.dumps(i.factors), candidate_id=i.candidate_id,
                  position=i.position, updated_at=utc_now())
    return values


def _save_intervention(conn: sqlite3.Connection, i: Intervention, with_children: bool) -> None:
    values = _intervention_values(i)
    cols = ", ".join(f'"{c}"' for c in values)
    marks = ", ".join(f":{c}" for c in values)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in values if c != "id")
    conn.execute(f"INSERT INTO plan_interventions ({cols}) VALUES ({marks}) "
                 f"ON CONFLICT(id) DO UPDATE SET {updates}", values)
    organiser_id = conn.execute(
        "SELECT e.organiser_id FROM plan_areas a JOIN engagements e ON e.id = a.engagement_id "
        "WHERE a.id = ?", (i.area_id,)).fetchone()[0]
    rows.check_units_belong(conn, i.school_unit_ids, organiser_id)
    rows.replace_links(conn, "intervention_units", "intervention_id", "school_unit_id", i.id,
                       i.school_unit_ids)
    rows.replace_links(conn, "intervention_causes", "intervention_id", "cause_id", i.id,
                       i.cause_ids)
    if with_children:  # putting back a deleted intervention (undo) or bringing one in
        for m in i.milestones:
            _save_milestone(conn, m)
        for c in i.costs:
            _save_cost(conn, c)


def _save_milestone(conn: sqlite3.Connection, m: Milestone) -> None:
    rows.upsert(conn, "plan_milestones", dict(id=m.id, intervention_id=m.intervention_id,
                                              date=m.date, text=m.text.strip(), position=m.position))


def _save_cost(conn: sqlite3.Connection, c: CostLine) -> None:
    rows.upsert(conn, "plan_costs", dict(id=c.id, intervention_id=c.intervention_id,
                                         description=c.description.strip(), amount_kr=c.amount_kr,
                                         funder=c.funder.value, year=c.year, position=c.position))


class Plans:
    def __init__(self, db: Database):
        self.db = db

    # -- reading -------------------------------------------------------------------------------
    def load(self, engagement_id: str) -> ActionPlan:
        """The whole plan; an engagement without one gets an empty plan (not yet stored)
        whose id is the engagement's, so every copy of it, on any laptop, is one record."""
        q = self.db.query
        r = self.db.conn.execute("SELECT * FROM plans WHERE engagement_id = ?",
                                 (engagement_id,)).fetchone()
        plan = ActionPlan(id=engagement_id, engagement_id=engagement_id)
        if r is not None:
            plan = ActionPlan(id=r["id"], engagement_id=engagement_id, background=r["background"],
                              participation=r["participation"], strengths=r["strengths"],
                              experience_spreading=r["experience_spreading"])
        areas = [DevelopmentArea(id=a["id"], engagement_id=engagement_id, title=a["title"],
                                 description=a["description"], position=a["position"])
                 for a in q("SELECT * FROM plan_areas WHERE engagement_id = ? ORDER BY position",
                            (engagement_id,))]
        by_area = {a.id: a for a in areas}
        for link in q("SELECT ap.area_id, ap.problem_id FROM area_problems ap "
                      "JOIN plan_areas a ON a.id = ap.area_id "
                      "JOIN problems p ON p.id = ap.problem_id "
                      "WHERE a.engagement_id = ? ORDER BY p.priority", (engagement_id,)):
            by_area[link[0]].problem_ids.append(link[1])
        interventions = {}
        for r in q("SELECT i.* FROM plan_interventions i JOIN plan_areas a ON a.id = i.area_id "
                   "WHERE a.engagement_id = ? ORDER BY i.position", (engagement_id,)):
            i = Intervention(**{name: r[name] for name in _TEXT_FIELDS},
                             id=r["id"], area_id=r["area_id"], title=r["title"],
                             approx_participants=stored_optional_int(r["approx_participants"]),
                             start=r["start"],
                             end=r["end"], factors=rows.stored_list(r["factors"]),
                             candidate_id=r["candidate_id"], position=stored_int(r["position"]))
            interventions[i.id] = i
            by_area[i.area_id].interventions.append(i)
        self._fill_children(engagement_id, interventions)
        plan.areas = areas
        plan.risks = [Risk(id=r["id"], engagement_id=engagement_id, risk=r["risk"],
                           prevention=r["prevention"], position=stored_int(r["position"]))
                      for r in q("SELECT * FROM plan_risks WHERE engagement_id = ? "
                                 "ORDER BY position", (engagement_id,))]
        return plan

    def _fill_children(self, engagement_id: str, interventions: dict[str, Intervention]) -> None:
        q = self.db.query
        scope = ("JOIN plan_interventions i ON i.id = x.intervention_id "
                 "JOIN plan_areas a ON a.id = i.area_id WHERE a.engagement_id = ?")
        for r in q(f"SELECT x.* FROM intervention_units x JOIN school_units su "
                   f"ON su.id = x.school_unit_id {scope} ORDER BY su.position", (engagement_id,)):
            interventions[r["intervention_id"]].school_unit_ids.append(r["school_unit_id"])
        # rowid: the order replace_links wrote them in, which is the user's order
        for r in q(f"SELECT x.* FROM intervention_causes x {scope} ORDER BY x.rowid",
                   (engagement_id,)):
            interventions[r["intervention_id"]].cause_ids.append(r["cause_id"])
        for r in q(f"SELECT x.* FROM plan_milestones x {scope} ORDER BY x.date, x.position",
                   (engagement_id,)):
            interventions[r["intervention_id"]].milestones.append(Milestone(
                id=r["id"], intervention_id=r["intervention_id"], date=r["date"], text=r["text"],
                position=stored_int(r["position"])))
        for r in q(f"SELECT x.* FROM plan_costs x {scope} ORDER BY x.position", (engagement_id,)):
            interventions[r["intervention_id"]].costs.append(CostLine(
                id=r["id"], intervention_id=r["intervention_id"], description=r["description"],
                amount_kr=stored_int(r["amount_kr"]), funder=Funder(r["funder"]),
                year=stored_optional_int(r["year"]),
                position=stored_int(r["position"])))

    # -- the plan's own texts -----------------------------------------------------------------------
    def save_texts(self, p: ActionPlan, *, wait: bool = True) -> None:
        check_plan(p)
        self.db.upsert("plans", dict(id=p.id, engagement_id=p.engagement_id,
                                     background=p.background, participation=p.participation,
                                     strengths=p.strengths,
                                     experience_spreading=p.experience_spreading), wait=wait)

    # -- areas ---------------------------------------------------------------------------------------
    def _write(self, key: Hashable, wait: bool, fn: Callable[..., Any], *args: object) -> None:
        if wait:
            self.db.write(fn, *args)
        else:
            self.db.submit(key, fn, *args)

    def save_area(self, a: DevelopmentArea, *, wait: bool = True) -> None:
        check_area(a)
        self._write(("plan_areas", a.id), wait, _save_area, a)

    def delete_area(self, area_id: str) -> None:
        self.db.delete("plan_areas", area_id)

    def area_deletion_impact(self, area_id: str) -> Counter[str]:
        return cascade_counts(self.db.conn, "plan_areas", area_id)

    def restore_area(self, a: DevelopmentArea) -> None:
        """Put back a deleted area with everything in it (undo)."""
        def restore(conn: sqlite3.Connection) -> None:
            _save_area(conn, a)
            for i in a.interventions:
                _save_intervention(conn, i, with_children=True)
        self.db.write(restore)

    def reorder_areas(self, ids: list[str]) -> None:
        self.db.write(rows.reorder, "plan_areas", ids)

    # -- interventions -------------------------------------------------------------------------------
    def save_intervention(self, i: Intervention, *, wait: bool = True) -> None:
        check_intervention(i)
        self._write(("plan_interventions", i.id), wait, _save_intervention, i, False)

    def restore_intervention(self, i: Intervention) -> None:
        """Store an intervention with its milestones and costs (undo, bringing in)."""
        check_intervention(i)
        for m in i.milestones:
            check_milestone(m)
        for c in i.costs:
            check_cost(c)
        self.db.write(_save_intervention, i, True)

    def delete_intervention(self, intervention_id: str) -> None:
        self.db.delete("plan_interventions", intervention_id)

    def intervention_deletion_impact(self, intervention_id: str) -> Counter[str]:
        return cascade_counts(self.db.conn, "plan_interventions", intervention_id)

    def reorder_interventions(self, ids: list[str]) -> None:
        self.db.write(rows.reorder, "plan_interventions", ids)

    # -- milestones and costs ---------------------------------------------------------------------
    def save_milestone(self, m: Milestone, *, wait: bool = True) -> None:
        check_milestone(m)
        self._write(("plan_milestones", m.id), wait, _save_milestone, m)

    def delete_milestone(self, milestone_id: str) -> None:
        self.db.delete("plan_milestones", milestone_id)

    def save_cost(self, c: CostLine, *, wait: bool = True) -> None:
        check_cost(c)
        self._write(("plan_costs", c.id), wait, _save_cost, c)

    def delete_cost(self, cost_id: str) -> None:
        self.db.delete("plan_costs", cost_id)

    # -- risks ------------------------------------------------------------------------------------------
    def save_risk(self, r: Risk, *, wait: bool = True) -> None:
        check_risk(r)
        self.db.upsert("plan_risks", dict(id=r.id, engagement_id=r.engagement_id,
                                          risk=r.risk.strip(), prevention=r.prevention,
                                          position=r.position), wait=wait)

    def delete_risk(self, risk_id: str) -> None:
        self.db.delete("plan_risks", risk_id)

    def next_position(self, table: str, owner_column: str, owner_id: str) -> int:
        assert table in ("plan_areas", "plan_interventions", "plan_milestones", "plan_costs",
                         "plan_risks")
        position: int = self.db.conn.execute(
            f"SELECT coalesce(max(position) + 1, 0) FROM {table} WHERE {owner_column} = ?",
            (owner_id,)).fetchone()[0]
        return position
