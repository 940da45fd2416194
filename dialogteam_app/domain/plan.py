"""The åtgärdsplan: development areas, their interventions (insatser) with every
field Skolverket asks for, costs, risks, strengths and experience spreading."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import rules
from .analysis import Candidate, Factor
from .coded import UNKNOWN_VALUE, Coded
from .errors import FieldError, raise_if
from .fields import LONG_TEXT_MAX, check_period
from .ids import new_id
from .money import MAX_AMOUNT_KR


class Funder(Coded):
    SKOLVERKET = "skolverket"
    HUVUDMAN = "huvudman"

    @property
    def label(self) -> str:
        return {"skolverket": "Skolverket", "huvudman": "Huvudmannen"}.get(self.value, UNKNOWN_VALUE)


@dataclass
class CostLine:
    intervention_id: str
    description: str
    amount_kr: int = 0  # whole kronor; the plan shows tkr
    funder: Funder = Funder.HUVUDMAN
    year: int | None = None
    position: int = 0
    id: str = field(default_factory=new_id)


@dataclass
class Milestone:
    intervention_id: str
    date: str
    text: str
    position: int = 0
    id: str = field(default_factory=new_id)


@dataclass
class Intervention:
    area_id: str
    title: str
    description: str = ""            # planerad insats och koppling till utvecklingsområdet
    participant_groups: str = ""      # deltagare: grupper
    school_unit_ids: list[str] = field(default_factory=list)
    approx_participants: int | None = None
    resources_staff: str = ""         # personal
    resources_training: str = ""      # kompetensutveckling
    resources_student_health: str = ""  # elevhälsans del
    resources_other: str = ""         # övrigt
    goals_short: str = ""             # mål på kort sikt
    goals_long: str = ""              # mål på lång sikt
    expected_effects: str = ""
    responsible: str = ""             # ansvar
    participation: str = ""           # delaktighet
    follow_up_when: str = ""
    follow_up_how: str = ""
    follow_up_who: str = ""
    start: str = ""                   # tidplan
    end: str = ""
    cause_ids: list[str] = field(default_factory=list)  # causes in the analysis it addresses
    factors: list[str] = field(default_factory=list)    # research-based factors
    candidate_id: str | None = None   # the analysis candidate it was brought in from
    position: int = 0
    milestones: list[Milestone] = field(default_factory=list)
    costs: list[CostLine] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@dataclass
class DevelopmentArea:
    engagement_id: str
    title: str
    description: str = ""
    problem_ids: list[str] = field(default_factory=list)  # prioritised problems it answers
    position: int = 0
    interventions: list[Intervention] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@dataclass
class Risk:
    engagement_id: str
    risk: str
    prevention: str = ""
    position: int = 0
    id: str = field(default_factory=new_id)


@dataclass
class ActionPlan:
    engagement_id: str
    background: str = ""              # bakgrund: problems and causes behind the areas
    participation: str = ""           # delaktighet in the analysis
    strengths: str = ""               # styrkor to build on
    experience_spreading: str = ""    # erfarenhetsspridning
    areas: list[DevelopmentArea] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    def intervention(self, intervention_id: str) -> Intervention | None:
        return next((i for a in self.areas for i in a.interventions if i.id == intervention_id),
                    None)

    def area(self, area_id: str) -> DevelopmentArea | None:
        return next((a for a in self.areas if a.id == area_id), None)


_LONG = LONG_TEXT_MAX
INTERVENTION_TEXT_LABELS = {  # the free-text fields of an intervention, as labelled
    "description": "Planerad insats", "participant_groups": "Deltagare",
    "resources_staff": "Personal", "resources_training": "Kompetensutveckling",
    "resources_student_health": "Elevhälsa", "resources_other": "Övrigt",
    "goals_short": "Mål på kort sikt", "goals_long": "Mål på lång sikt",
    "expected_effects": "Förväntade effekter", "responsible": "Ansvar",
    "participation": "Delaktighet", "follow_up_when": "Uppföljning – när",
    "follow_up_how": "Uppföljning – hur", "follow_up_who": "Uppföljning – vem",
}


PLAN_RULES = rules.record(
    "plans",
    engagement_id=rules.ref("Samverkan"),
    background=rules.text("Bakgrund", max_len=_LONG),
    participation=rules.text("Delaktighet", max_len=_LONG),
    strengths=rules.text("Styrkor", max_len=_LONG),
    experience_spreading=rules.text("Erfarenhetsspridning", max_len=_LONG))

AREA_RULES = rules.record(
    "plan_areas",
    engagement_id=rules.ref("Samverkan"),
    title=rules.text("Utvecklingsområdets namn", required=True),
    description=rules.text("Beskrivning", max_len=_LONG),
    position=rules.whole("Ordning"))

AREA_PROBLEM_RULES = rules.link(
    "area_problems", area_id=rules.ref("Utvecklingsområde"), problem_id=rules.ref("Problem"))

INTERVENTION_RULES = rules.record(
    "plan_interventions",
    area_id=rules.ref("Utvecklingsområde"),
    title=rules.text("Insatsens namn", required=True),
    **{name: rules.text(label, max_len=_LONG) for name, label in INTERVENTION_TEXT_LABELS.items()},
    approx_participants=rules.whole("Antal deltagare", maximum=1_000_000, optional=True),
    start=rules.date("Startdatum"),
    end=rules.date("Slutdatum"),
    factors=rules.choice_list("Framgångsfaktorer", Factor),
    candidate_id=rules.ref("Insats i analysen", optional=True),
    position=rules.whole("Ordning"))

INTERVENTION_CAUSE_RULES = rules.link(
    "intervention_causes", intervention_id=rules.ref("Insats"), cause_id=rules.ref("Orsak"))

INTERVENTION_UNIT_RULES = rules.link(
    "intervention_units", intervention_id=rules.ref("Insats"),
    school_unit_id=rules.ref("Skolenhet"))

MILESTONE_RULES = rules.record(
    "plan_milestones",
    intervention_id=rules.ref("Insats"),
    date=rules.date("Datum", required=True),
    text=rules.text("Delmål", required=True),
    position=rules.whole("Ordning"))

COST_RULES = rules.record(
    "plan_costs",
    intervention_id=rules.ref("Insats"),
    description=rules.text("Kostnadspost", required=True),
    amount_kr=rules.whole("Beloppet", maximum=MAX_AMOUNT_KR),
    funder=rules.choice("Finansiär", Funder),
    year=rules.whole("År", minimum=1990, maximum=2100, optional=True),
    position=rules.whole("Ordning"))

RISK_RULES = rules.record(
    "plan_risks",
    engagement_id=rules.ref("Samverkan"),
    risk=rules.text("Risk", required=True, max_len=_LONG),
    prevention=rules.text("Förebyggande", max_len=_LONG),
    position=rules.whole("Ordning"))


def validate_plan(p: ActionPlan) -> list[FieldError]:
    return PLAN_RULES.errors({"background": p.background, "participation": p.participation,
                              "strengths": p.strengths,
                              "experience_spreading": p.experience_spreading})


def validate_area(a: DevelopmentArea) -> list[FieldError]:
    return AREA_RULES.errors({"title": a.title, "description": a.description})


def validate_intervention(i: Intervention) -> list[FieldError]:
    fields = ["title", *INTERVENTION_TEXT_LABELS, "approx_participants", "start", "end"]
    errors = INTERVENTION_RULES.errors({name: getattr(i, name) for name in fields})
    if not any(e.field in ("start", "end") for e in errors):
        period = check_period(i.start, i.end, "Tidplan")
        if period:
            errors.append(FieldError("end", period))
    return errors


def validate_milestone(m: Milestone) -> list[FieldError]:
    return MILESTONE_RULES.errors({"date": m.date, "text": m.text})


def validate_cost(c: CostLine) -> list[FieldError]:
    return COST_RULES.errors({"description": c.description, "amount_kr": c.amount_kr,
                              "funder": c.funder, "year": c.year})


def validate_risk(r: Risk) -> list[FieldError]:
    return RISK_RULES.errors({"risk": r.risk, "prevention": r.prevention})


def check_plan(p: ActionPlan) -> None:
    raise_if(validate_plan(p))


def check_area(a: DevelopmentArea) -> None:
    raise_if(validate_area(a))


def check_intervention(i: Intervention) -> None:
    raise_if(validate_intervention(i))


def check_milestone(m: Milestone) -> None:
    raise_if(validate_milestone(m))


def check_cost(c: CostLine) -> None:
    raise_if(validate_cost(c))


def check_risk(r: Risk) -> None:
    raise_if(validate_risk(r))


def intervention_from_candidate(candidate: Candidate, area_id: str, position: int) -> Intervention:
    """An intervention drafted from an analysis candidate, keeping its links."""
    return Intervention(area_id=area_id, title=candidate.title,
                        description=candidate.description, cause_ids=list(candidate.cause_ids),
                        factors=list(candidate.factors), candidate_id=candidate.id,
                        position=position)
