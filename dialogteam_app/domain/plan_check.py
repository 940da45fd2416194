"""The "röd tråd" check: every gap in the chain problem → cause → evidence →
area → intervention → goal, follow-up, owner, timeline and cost.

Skolverket found that earlier plans lacked evaluable goals, follow-up and
ownership; this lists each such gap with the place to fix it. It is advice:
nothing here stops an export.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .plan import ActionPlan, Intervention


@dataclass(frozen=True)
class Target:
    """Where a gap is fixed: a record and, if known, the field."""

    kind: str        # "plan", "area", "intervention", "problem"
    id: str
    field: str = ""


@dataclass(frozen=True)
class Gap:
    message: str     # Swedish, names the record
    target: Target


@dataclass
class ProblemInfo:
    """What the check needs to know about a problem in the analysis."""

    id: str
    title: str
    cause_ids: list[str] = field(default_factory=list)
    causes_with_evidence: set[str] = field(default_factory=set)


def _name(i: Intervention) -> str:
    return f"Insatsen ”{i.title}”"


def intervention_gaps(i: Intervention, area_problem_ids: list[str],
                      known_causes: set[str]) -> list[Gap]:
    name = _name(i)

    def gap(text: str, field_name: str) -> Gap:
        return Gap(f"{name} {text}", Target("intervention", i.id, field_name))

    gaps = []
    if not area_problem_ids and not (set(i.cause_ids) & known_causes):
        gaps.append(gap("är inte kopplad till något problem i analysen "
                        "(via utvecklingsområdet eller en orsak).", "cause_ids"))
    if not (i.goals_short.strip() or i.goals_long.strip()):
        gaps.append(gap("saknar mål.", "goals_short"))
    missing = [label for value, label in ((i.follow_up_when, "när"), (i.follow_up_how, "hur"),
                                          (i.follow_up_who, "vem")) if not value.strip()]
    if len(missing) == 3:
        gaps.append(gap("saknar uppföljning och utvärdering.", "follow_up_when"))
    elif missing:
        first = {"när": "follow_up_when", "hur": "follow_up_how", "vem": "follow_up_who"}[missing[0]]
        gaps.append(gap(f"saknar uppgift om {' och '.join(missing)} uppföljningen görs.", first))
    if not i.responsible.strip():
        gaps.append(gap("saknar ansvarig.", "responsible"))
    if not i.start or not i.end:
        gaps.append(gap("saknar tidplan (start och slut).", "start" if not i.start else "end"))
    if not i.costs:
        gaps.append(gap("saknar kostnad.", "costs"))
    return gaps


def red_thread(plan: ActionPlan, problems: dict[str, ProblemInfo]) -> list[Gap]:
    """All gaps, in the plan's order: areas and their interventions, then problems."""
    known_causes = {c for p in problems.values() for c in p.cause_ids}
    gaps: list[Gap] = []
    used_problems: list[str] = []
    for area in plan.areas:
        linked = [p for p in area.problem_ids if p in problems]
        used_problems += [p for p in linked if p not in used_problems]
        if not linked:
            gaps.append(Gap(f"Utvecklingsområdet ”{area.title}” är inte kopplat till något "
                            "prioriterat problem.", Target("area", area.id, "problem_ids")))
        if not area.interventions:
            gaps.append(Gap(f"Utvecklingsområdet ”{area.title}” har ingen insats.",
                            Target("area", area.id)))
        for i in area.interventions:
            gaps += intervention_gaps(i, linked, known_causes)
    for problem_id in used_problems:
        p = problems[problem_id]
        if not p.cause_ids:
            gaps.append(Gap(f"Problemet ”{p.title}” har ingen orsak.", Target("problem", p.id)))
        elif not p.causes_with_evidence:
            gaps.append(Gap(f"Problemet ”{p.title}” har inga belägg för sina orsaker.",
                            Target("problem", p.id)))
    return gaps
