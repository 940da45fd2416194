"""The samverkan (engagement) between Skolverket and one huvudman."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import rules
from .coded import UNKNOWN_VALUE, Coded
from .errors import FieldError, raise_if
from .fields import LONG_TEXT_MAX
from .ids import new_id


class Phase(Coded):
    """The steps of a samverkan, in the order they happen."""

    SELECTION = "urval"
    AGREEMENT_1 = "ok1"
    DIALOGUE = "dialogfas"
    PLAN_SUBMITTED = "plan_inlamnad"
    DECISION = "beslut_ok2"
    IMPLEMENTATION = "genomforande"
    CLOSED = "avslutad"

    @property
    def label(self) -> str:
        return _PHASE_LABELS.get(self, UNKNOWN_VALUE)


_PHASE_LABELS = {
    Phase.SELECTION: "Urval",
    Phase.AGREEMENT_1: "ÖK 1",
    Phase.DIALOGUE: "Dialogfas",
    Phase.PLAN_SUBMITTED: "Åtgärdsplan inlämnad",
    Phase.DECISION: "Beslut/ÖK 2",
    Phase.IMPLEMENTATION: "Genomförande",
    Phase.CLOSED: "Avslutad",
}


class KeyDateKind(Coded):
    SELECTION_DECISION = "beslut_urval"
    AGREEMENT_1 = "ok1"
    PLAN_SUBMITTED = "plan_inlamnad"
    DECISION = "beslut_insatser"
    AGREEMENT_2 = "ok2"
    PERIOD_START = "period_start"
    PERIOD_END = "period_slut"
    INTERIM_REPORT = "delredovisning"
    FINAL_REPORT = "slutredovisning"
    OTHER = "ovrigt"

    @property
    def label(self) -> str:
        return _KEY_DATE_LABELS.get(self, UNKNOWN_VALUE)


_KEY_DATE_LABELS = {
    KeyDateKind.SELECTION_DECISION: "Beslut om urval",
    KeyDateKind.AGREEMENT_1: "ÖK 1 tecknad",
    KeyDateKind.PLAN_SUBMITTED: "Åtgärdsplan inlämnad",
    KeyDateKind.DECISION: "Beslut om insatser",
    KeyDateKind.AGREEMENT_2: "ÖK 2 tecknad",
    KeyDateKind.PERIOD_START: "Insatsperiodens start",
    KeyDateKind.PERIOD_END: "Insatsperiodens slut",
    KeyDateKind.INTERIM_REPORT: "Delredovisning",
    KeyDateKind.FINAL_REPORT: "Slutredovisning",
    KeyDateKind.OTHER: "Övrigt",
}


@dataclass
class KeyDate:
    """A date in a samverkan's calendar (a dialogue, a report due, ...)."""
    engagement_id: str
    kind: KeyDateKind
    date: str  # YYYY-MM-DD
    note: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Engagement:
    """A samverkan with one huvudman, from selection to the final report."""
    organiser_id: str
    title: str = "Samverkan för bästa skola"
    dnr: str = ""
    phase: Phase = Phase.SELECTION
    responsible_id: str | None = None  # ansvarig processtödjare
    notes: str = ""
    school_unit_ids: list[str] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    @property
    def display_name(self) -> str:
        return f"{self.title} (dnr {self.dnr})" if self.dnr else self.title


ENGAGEMENT_RULES = rules.record(
    "engagements",
    organiser_id=rules.ref("Huvudman"),
    title=rules.text("Benämning", required=True),
    dnr=rules.text("Diarienummer", max_len=60),
    phase=rules.choice("Fas", Phase),
    responsible_id=rules.ref("Ansvarig processtödjare", optional=True),
    notes=rules.text("Anteckningar", max_len=LONG_TEXT_MAX))

ENGAGEMENT_UNIT_RULES = rules.link(
    "engagement_units", engagement_id=rules.ref("Samverkan"),
    school_unit_id=rules.ref("Skolenhet"))

KEY_DATE_RULES = rules.record(
    "key_dates",
    engagement_id=rules.ref("Samverkan"),
    kind=rules.choice("Typ av datum", KeyDateKind),
    date=rules.date("Datum", required=True),
    note=rules.text("Kommentar"))


def validate_engagement(e: Engagement) -> list[FieldError]:
    return ENGAGEMENT_RULES.errors({"title": e.title, "dnr": e.dnr, "phase": e.phase,
                                    "notes": e.notes})


def validate_key_date(d: KeyDate) -> list[FieldError]:
    return KEY_DATE_RULES.errors({"kind": d.kind, "date": d.date, "note": d.note})


def check_engagement(e: Engagement) -> None:
    raise_if(validate_engagement(e))


def check_key_date(d: KeyDate) -> None:
    raise_if(validate_key_date(d))
