"""The åtgärdsplan: development areas, their interventions (insatser) with every
field Skolverket asks for, costs, risks, strengths and experience spreading."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .analysis import Candidate
from .errors import FieldError, raise_if
from .fields import LONG_TEXT_MAX, check_date, check_int, check_period, check_text
from .ids import new_id

MAX_AMOUNT_KR = 1_000_000_000


class Funder(str, Enum):
    SKOLVERKET = "skolverket"
    HUVUDMAN = "huvudman"

    @property
    def label(self) -> str:
        return {"skolverket": "Skolverket", "huvudman": "Huvudmannen"}[self.value]


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


def validate_plan(p: ActionPlan) -> list[FieldError]:
    checks = {
        "background": check_text(p.background, "Bakgrund", max_len=_LONG),
        "participation": check_text(p.participation, "Delaktighet", max_len=_LONG),
        "strengths": check_text(p.strengths, "Styrkor", max_len=_LONG),
        "experience_spreading": check_text(p.experience_spreading, "Erfarenhetsspridning",
                                           max_len=_LONG),
    }
    return [FieldError(k, v) for k, v in checks.items() if v]


def validate_area(a: DevelopmentArea) -> list[FieldError]:
    checks = {
        "title": check_text(a.title, "Utvecklingsområdets namn", required=True),
        "description": check_text(a.description, "Beskrivning", max_len=_LONG),
    }
    return [FieldError(k, v) for k, v in checks.items() if v]


def validate_intervention(i: Intervention) -> list[FieldError]:
    checks = {"title": check_text(i.title, "Insatsens namn", required=True)}
    for name, label in INTERVENTION_TEXT_LABELS.items():
        checks[name] = check_text(getattr(i, name), label, max_len=_LONG)
    checks["approx_participants"] = check_int(i.approx_participants, "Antal deltagare",
                                              maximum=1_000_000)
    checks["start"] = check_date(i.start, "Startdatum")
    checks["end"] = check_date(i.end, "Slutdatum")
    if not checks["start"] and not checks["end"]:
        checks["end"] = check_period(i.start, i.end, "Tidplan")
    return [FieldError(k, v) for k, v in checks.items() if v]


def validate_milestone(m: Milestone) -> list[FieldError]:
    checks = {
        "date": check_date(m.date, "Datum", required=True),
        "text": check_text(m.text, "Delmål", required=True),
    }
    return [FieldError(k, v) for k, v in checks.items() if v]


def validate_cost(c: CostLine) -> list[FieldError]:
    checks = {
        "description": check_text(c.description, "Kostnadspost", required=True),
        "amount_kr": check_int(c.amount_kr, "Beloppet", maximum=MAX_AMOUNT_KR, required=True),
        "funder": None if isinstance(c.funder, Funder) else "Okänd finansiär.",
        "year": check_int(c.year, "År", minimum=1990, maximum=2100),
    }
    return [FieldError(k, v) for k, v in checks.items() if v]


def validate_risk(r: Risk) -> list[FieldError]:
    checks = {
        "risk": check_text(r.risk, "Risk", required=True, max_len=_LONG),
        "prevention": check_text(r.prevention, "Förebyggande", max_len=_LONG),
    }
    return [FieldError(k, v) for k, v in checks.items() if v]


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
