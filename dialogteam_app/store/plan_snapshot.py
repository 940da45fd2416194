"""Build the PlanDocument of an engagement's plan as it stands: every link
resolved to text and every total computed, ready to render or to freeze."""

from __future__ import annotations

from datetime import date

from ..domain.analysis import Factor
from ..domain.plan import ActionPlan, Intervention
from ..domain.plan_document import (
    DocArea,
    DocCost,
    DocIntervention,
    DocMilestone,
    DocRisk,
    PlanDocument,
)
from ..domain.plan_totals import plan_totals
from .store import Store

NO_YEAR = "Utan år"


def _factor_label(value: str) -> str:
    return Factor(value).label


def _intervention(i: Intervention, units: dict[str, str], causes: dict[str, str],
                  total: int) -> DocIntervention:
    return DocIntervention(
        title=i.title, description=i.description, participant_groups=i.participant_groups,
        school_units=[units[u] for u in i.school_unit_ids if u in units],
        approx_participants=i.approx_participants, resources_staff=i.resources_staff,
        resources_training=i.resources_training,
        resources_student_health=i.resources_student_health, resources_other=i.resources_other,
        goals_short=i.goals_short, goals_long=i.goals_long, expected_effects=i.expected_effects,
        responsible=i.responsible, participation=i.participation,
        follow_up_when=i.follow_up_when, follow_up_how=i.follow_up_how,
        follow_up_who=i.follow_up_who, start=i.start, end=i.end,
        milestones=[DocMilestone(m.date, m.text) for m in i.milestones],
        costs=[DocCost(c.description, c.amount_kr, c.funder.label, c.year) for c in i.costs],
        causes=[causes[c] for c in i.cause_ids if c in causes],
        factors=[_factor_label(f) for f in i.factors], total_kr=total)


def build_plan_document(store: Store, engagement_id: str, *, plan: ActionPlan | None = None,
                        version: int | None = None, recipient: str = "",
                        on: date | None = None) -> PlanDocument:
    engagement = store.engagements.get(engagement_id)
    assert engagement is not None, f"no engagement {engagement_id}"  # callers pass an open one
    organiser = store.organisers.get(engagement.organiser_id)
    assert organiser is not None  # engagements.organiser_id is a NOT NULL foreign key
    responsible = store.supporters.get(engagement.responsible_id) \
        if engagement.responsible_id else None
    plan = plan or store.plans.load(engagement_id)
    units = {u.id: u.display_name for u in store.organisers.units(organiser.id)}
    analysis = store.plan_analysis
    problems = {p.id: p.title for p in analysis.problems(engagement_id)}
    causes = {c.id: c.text for c in analysis.causes(engagement_id)}
    totals = plan_totals(plan)
    return PlanDocument(
        organiser_name=organiser.name, engagement_title=engagement.title, dnr=engagement.dnr,
        version=version or store.plan_versions.next_number(engagement_id),
        date=(on or date.today()).isoformat(), recipient=recipient,
        author=responsible.name if responsible else "",
        school_units=[units[u] for u in engagement.school_unit_ids if u in units],
        background=plan.background, participation=plan.participation,
        areas=[DocArea(title=a.title, description=a.description,
                       problems=[problems[p] for p in a.problem_ids if p in problems],
                       interventions=[_intervention(i, units, causes,
                                                    totals.by_intervention[i.id])
                                      for i in a.interventions],
                       total_kr=totals.by_area[a.id])
               for a in plan.areas],
        strengths=plan.strengths, risks=[DocRisk(r.risk, r.prevention) for r in plan.risks],
        experience_spreading=plan.experience_spreading, total_kr=totals.total,
        total_by_funder={f.label: kr for f, kr in totals.by_funder.items()},
        total_by_year={(str(y) if y is not None else NO_YEAR): kr
                       for y, kr in totals.by_year.items()})


def recipient_text(name: str, email: str) -> str:
    return f"{name} <{email}>" if name and email else (email or name)
