"""Cost totals of a plan: computed from the cost lines, never typed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .plan import ActionPlan, DevelopmentArea, Funder, Intervention


def intervention_total(i: Intervention) -> int:
    return sum(c.amount_kr for c in i.costs)


def area_total(a: DevelopmentArea) -> int:
    return sum(intervention_total(i) for i in a.interventions)


@dataclass(frozen=True)
class PlanTotals:
    total: int
    by_area: dict[str, int]                 # area id -> kr
    by_intervention: dict[str, int]         # intervention id -> kr
    by_funder: dict[Funder, int]
    by_year: dict[int | None, int]          # None: lines without a year


def plan_totals(plan: ActionPlan) -> PlanTotals:
    by_funder: dict[Funder, int] = defaultdict(int)
    by_year: dict[int | None, int] = defaultdict(int)
    for area in plan.areas:
        for i in area.interventions:
            for c in i.costs:
                by_funder[c.funder] += c.amount_kr
                by_year[c.year] += c.amount_kr
    return PlanTotals(
        total=sum(area_total(a) for a in plan.areas),
        by_area={a.id: area_total(a) for a in plan.areas},
        by_intervention={i.id: intervention_total(i) for a in plan.areas for i in a.interventions},
        by_funder={f: by_funder[f] for f in Funder if f in by_funder},
        by_year=dict(sorted(by_year.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))),
    )
