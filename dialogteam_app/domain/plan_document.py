"""A frozen, self-contained picture of an åtgärdsplan at one moment.

The PDF is rendered from it and each exported version stores it, so an old
version reads exactly as it was sent, whatever has been edited since. Every
reference is resolved to text (unit names, problem titles) and every total is
computed; nothing in it points back into the database.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from . import rules
from .plan import Funder

FORMAT = 1
FIRST_AREA_CHAPTER = 2  # chapter 1 is Bakgrund; then one chapter per development area


def area_number(area_index: int) -> str:
    """An area's one number, in every document: its chapter ("Summa utvecklingsområde 2")."""
    return str(FIRST_AREA_CHAPTER + area_index)


def intervention_number(area_index: int, index: int) -> str:
    return f"{area_number(area_index)}.{index + 1}"


@dataclass
class DocCost:
    description: str
    amount_kr: int
    funder: str            # "Skolverket" / "Huvudmannen"
    year: int | None = None


@dataclass
class DocMilestone:
    date: str
    text: str


@dataclass
class DocIntervention:
    title: str
    description: str = ""
    participant_groups: str = ""
    school_units: list[str] = field(default_factory=list)
    approx_participants: int | None = None
    resources_staff: str = ""
    resources_training: str = ""
    resources_student_health: str = ""
    resources_other: str = ""
    goals_short: str = ""
    goals_long: str = ""
    expected_effects: str = ""
    responsible: str = ""
    participation: str = ""
    follow_up_when: str = ""
    follow_up_how: str = ""
    follow_up_who: str = ""
    start: str = ""
    end: str = ""
    milestones: list[DocMilestone] = field(default_factory=list)
    costs: list[DocCost] = field(default_factory=list)
    causes: list[str] = field(default_factory=list)   # the causes it addresses, in the user's order
    factors: list[str] = field(default_factory=list)  # research-based factors
    total_kr: int = 0

    def unfilled(self) -> list[str]:
        """What Skolverket expects of every insats but this one lacks, in words for a
        sentence ("Inte ifyllt ännu: mål, ansvar."). Other empty fields are optional
        and simply left out of the documents."""
        follow_up = [w for w, v in (("när", self.follow_up_when), ("hur", self.follow_up_how),
                                    ("vem", self.follow_up_who)) if not v.strip()]
        checks = [
            ("beskrivning", bool(self.description.strip())),
            ("mål", bool(self.goals_short.strip() or self.goals_long.strip())),
            ("ansvar", bool(self.responsible.strip())),
            (f"uppföljning ({', '.join(follow_up)})", not follow_up),
            ("start" if not self.start.strip() else "slut",
             bool(self.start.strip() and self.end.strip())),
            ("kostnad", bool(self.costs)),
        ]
        return [label for label, filled in checks if not filled]


@dataclass
class DocArea:
    title: str
    description: str = ""
    problems: list[str] = field(default_factory=list)  # the prioritised problems it answers
    interventions: list[DocIntervention] = field(default_factory=list)
    total_kr: int = 0


@dataclass
class DocRisk:
    risk: str
    prevention: str = ""


@dataclass
class PlanDocument:
    organiser_name: str
    engagement_title: str
    dnr: str = ""
    version: int = 1
    date: str = ""                 # YYYY-MM-DD of the export
    recipient: str = ""            # who it is sent to (name <e-mail>)
    author: str = ""               # responsible processtödjare
    school_units: list[str] = field(default_factory=list)
    background: str = ""
    participation: str = ""
    areas: list[DocArea] = field(default_factory=list)
    strengths: str = ""
    risks: list[DocRisk] = field(default_factory=list)
    experience_spreading: str = ""
    total_kr: int = 0
    total_by_funder: dict[str, int] = field(default_factory=dict)   # label -> kr
    total_by_year: dict[str, int] = field(default_factory=dict)     # "2027" / "Utan år" -> kr
    format: int = FORMAT

    @property
    def title(self) -> str:
        return f"Åtgärdsplan – {self.organiser_name}"

    @property
    def funder_shares_known(self) -> bool:
        """A funder's share of the total means something only when every funder's costs
        are entered; with one funder alone, "100 %" would only say the rest is unknown."""
        return all(self.total_by_funder.get(f.label, 0) > 0 for f in Funder)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> PlanDocument:
        data = json.loads(text)
        data["areas"] = [
            DocArea(**{**a, "interventions": [
                DocIntervention(**{**i,
                                   "milestones": [DocMilestone(**m) for m in i["milestones"]],
                                   "costs": [DocCost(**c) for c in i["costs"]]})
                for i in a["interventions"]]})
            for a in data["areas"]]
        data["risks"] = [DocRisk(**r) for r in data["risks"]]
        return cls(**data)


@dataclass
class PlanVersion:
    """One exported version: what was sent, when, and to whom. Never edited."""

    engagement_id: str
    number: int
    created_at: str
    document: PlanDocument
    recipient: str = ""
    file_name: str = ""
    id: str = ""


def _document_problem(text: str) -> str | None:
    try:
        PlanDocument.from_json(text)
    except (ValueError, TypeError, KeyError, AttributeError):
        return "Den sparade planen går inte att läsa."
    return None


# An exported plan is stored whole: larger than any one field the editors allow.
DOCUMENT_MAX = 1_000_000

PLAN_VERSION_RULES = rules.record(
    "plan_versions",
    engagement_id=rules.ref("Samverkan"),
    number=rules.whole("Versionsnummer", minimum=1, maximum=100_000),
    created_at=rules.timestamp("Skapad"),
    recipient=rules.text("Mottagare", max_len=1000),
    file_name=rules.text("Filnamn", max_len=1000),
    document=rules.Rule("Planen", "document",
                        lambda v: rules.text("Planen", max_len=DOCUMENT_MAX).problem(v)
                        or _document_problem(str(v))))
