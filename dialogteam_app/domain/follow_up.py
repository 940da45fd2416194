"""Genomförande: how each insats of a signed agreement is followed over time.

Every record hangs on one insats's terms (`terms_id`) of the agreement, so the
follow-up keeps the agreement's wording and travels with it: dated statuses (the
newest is the current one), a progress log (an entry may point at the meeting note
it came from), participants actually reached, money used per year and kostnadsslag,
and the insats's goals, each judged with its evidence.

Rules that need "today" take it as an argument, so tests and the window agree.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from .coded import UNKNOWN_VALUE, Coded, is_member
from .errors import FieldError, raise_if
from .fields import LONG_TEXT_MAX, check_date, check_int, check_text, parse_date
from .ids import new_id
from .money import MAX_AMOUNT_KR

MAX_REACHED = 1_000_000
_ONE_PER = uuid.UUID("0c8b1f52-5d5e-4b57-9a55-3c2f7f1e6a10")


def one_per(kind: str, owner_id: str) -> str:
    """The id of the single record of `kind` that an owner has (a payment's receipt, a
    report's work): the same on every laptop, so two colleagues who both record it
    merge into one record, or a conflict to choose, instead of two that clash."""
    return uuid.uuid5(_ONE_PER, f"{kind}:{owner_id}").hex


class InterventionStatus(Coded):
    NOT_STARTED = "ej_paborjad"
    ONGOING = "pagar"
    DONE = "genomford"
    CANCELLED = "installd"

    @property
    def label(self) -> str:
        return {"ej_paborjad": "Ej påbörjad", "pagar": "Pågår", "genomford": "Genomförd",
                "installd": "Inställd"}.get(self.value, UNKNOWN_VALUE)


class Judgement(Coded):
    ACHIEVED = "uppnatt"
    PARTLY = "delvis"
    NOT_ACHIEVED = "ej_uppnatt"
    TOO_EARLY = "for_tidigt"

    @property
    def label(self) -> str:
        return {"uppnatt": "Uppnått", "delvis": "Delvis uppnått", "ej_uppnatt": "Ej uppnått",
                "for_tidigt": "För tidigt att säga"}.get(self.value, UNKNOWN_VALUE)


class GoalHorizon(Coded):
    SHORT = "kort"
    LONG = "lang"

    @property
    def label(self) -> str:
        return {"kort": "Kortsiktigt mål", "lang": "Långsiktigt mål"}.get(self.value, UNKNOWN_VALUE)


class CostKind(Coded):
    """Kostnadsslag of the economic report."""
    STAFF = "personal"
    TRAINING = "kompetensutveckling"
    GUIDANCE = "handledning"
    TRAVEL_PREMISES = "resor_lokaler"
    OTHER = "ovrigt"

    @property
    def label(self) -> str:
        return {"personal": "Personal", "kompetensutveckling": "Kompetensutveckling",
                "handledning": "Handledning och konsulter", "resor_lokaler": "Resor och lokaler",
                "ovrigt": "Övrigt"}.get(self.value, UNKNOWN_VALUE)


@dataclass
class StatusEntry:
    terms_id: str
    status: InterventionStatus
    date: str
    comment: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class LogEntry:
    terms_id: str
    date: str
    text: str
    note_id: str | None = None       # the meeting note it was promoted from
    id: str = field(default_factory=new_id)


@dataclass
class Reached:
    """Participants actually reached in one year: 'sju förstelärare på Ekskolan'."""
    terms_id: str
    year: int
    group: str
    count: int = 0
    school_unit_id: str | None = None
    id: str = field(default_factory=new_id)


@dataclass
class Spending:
    """Money used from Skolverket's grant, per year and kostnadsslag."""
    terms_id: str
    year: int
    used_kr: int
    cost_kind: CostKind = CostKind.OTHER
    comment: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class GoalFollowUp:
    terms_id: str
    goal: str
    horizon: GoalHorizon = GoalHorizon.SHORT
    judgement: Judgement | None = None
    evidence: str = ""
    judged_date: str = ""
    position: int = 0
    id: str = field(default_factory=new_id)


@dataclass
class PaymentReceipt:
    """A payment of the utbetalningsplan as it was actually paid out."""
    payment_id: str
    paid_date: str
    amount_kr: int
    id: str = ""

    def __post_init__(self) -> None:
        self.id = self.id or one_per("utbetald", self.payment_id)


def _not_future(value: str, label: str, today: date, what: str) -> str | None:
    day = parse_date(value)
    if day is not None and day > today:
        return (f"{label} {value} ligger i framtiden: {what} anges när det har hänt "
                f"(i dag är det {today.isoformat()}).")
    return None


def _year_error(year: int | None, label: str, years: tuple[int, int] | None) -> str | None:
    problem = check_int(year, label, minimum=1990, maximum=2100, required=True)
    if problem or years is None or year is None:
        return problem
    first, last = years
    if not first <= year <= last:
        return f"{label} {year} ligger utanför samverkan ({first}–{last})."
    return None


def validate_status(s: StatusEntry, today: date) -> list[FieldError]:
    checks = {
        "status": None if is_member(s.status, InterventionStatus) else "Okänd status.",
        "date": (check_date(s.date, "Datum för statusen", required=True)
                 or _not_future(s.date, "Datumet", today, "en status")),
        "comment": check_text(s.comment, "Kommentar", max_len=2000),
    }
    return [FieldError(k, v) for k, v in checks.items() if v]


def validate_log(e: LogEntry, today: date) -> list[FieldError]:
    checks = {
        "date": (check_date(e.date, "Datum", required=True)
                 or _not_future(e.date, "Datumet", today, "det som gjorts")),
        "text": check_text(e.text, "Vad som gjorts", required=True, max_len=LONG_TEXT_MAX),
    }
    return [FieldError(k, v) for k, v in checks.items() if v]


def validate_reached(r: Reached, years: tuple[int, int] | None = None) -> list[FieldError]:
    checks = {
        "year": _year_error(r.year, "Året", years),
        "group": check_text(r.group, "Deltagargrupp", required=True),
        "count": check_int(r.count, "Antal nådda", maximum=MAX_REACHED, required=True),
    }
    return [FieldError(k, v) for k, v in checks.items() if v]


def validate_spending(s: Spending, years: tuple[int, int] | None = None) -> list[FieldError]:
    checks = {
        "year": _year_error(s.year, "Året", years),
        "used_kr": check_int(s.used_kr, "Använt belopp", maximum=MAX_AMOUNT_KR, required=True),
        "cost_kind": None if is_member(s.cost_kind, CostKind) else "Okänt kostnadsslag.",
        "comment": check_text(s.comment, "Kommentar", max_len=2000),
    }
    return [FieldError(k, v) for k, v in checks.items() if v]


def validate_goal(g: GoalFollowUp, today: date) -> list[FieldError]:
    checks = {
        "goal": check_text(g.goal, "Målet", required=True, max_len=2000),
        "horizon": None if is_member(g.horizon, GoalHorizon) else "Okänd tidshorisont.",
        "judgement": (None if g.judgement is None or is_member(g.judgement, Judgement)
                      else "Okänd bedömning."),
        "evidence": check_text(g.evidence, "Belägg", max_len=LONG_TEXT_MAX),
        "judged_date": (check_date(g.judged_date, "Bedömt")
                        or _not_future(g.judged_date, "Datumet", today, "en bedömning")),
    }
    if g.judgement is not None and not g.judged_date and not checks["judged_date"]:
        checks["judged_date"] = "Ange när målet bedömdes."
    return [FieldError(k, v) for k, v in checks.items() if v]


def validate_receipt(p: PaymentReceipt, today: date) -> list[FieldError]:
    checks = {
        "paid_date": (check_date(p.paid_date, "Utbetald", required=True)
                      or _not_future(p.paid_date, "Datumet", today, "en utbetalning")),
        "amount_kr": check_int(p.amount_kr, "Utbetalt belopp", maximum=MAX_AMOUNT_KR,
                               required=True),
    }
    return [FieldError(k, v) for k, v in checks.items() if v]


def check_status(s: StatusEntry, today: date) -> None:
    raise_if(validate_status(s, today))


def check_log(e: LogEntry, today: date) -> None:
    raise_if(validate_log(e, today))


def check_reached(r: Reached, years: tuple[int, int] | None = None) -> None:
    raise_if(validate_reached(r, years))


def check_spending(s: Spending, years: tuple[int, int] | None = None) -> None:
    raise_if(validate_spending(s, years))


def check_goal(g: GoalFollowUp, today: date) -> None:
    raise_if(validate_goal(g, today))


def check_receipt(p: PaymentReceipt, today: date) -> None:
    raise_if(validate_receipt(p, today))


def current_status(entries: list[StatusEntry]) -> StatusEntry | None:
    """The newest status (by date; the later entry on the same date)."""
    return max(enumerate(entries), key=lambda ie: (ie[1].date, ie[0]))[1] if entries else None


def key_figure_year_error(year: str, years: tuple[int, int] | None) -> str | None:
    """A followed key figure belongs to a year of the samverkan ('2027' or '2027/28')."""
    if years is None:
        return None
    first_year = int(year[:4]) if year[:4].isdigit() else None
    first, last = years
    if first_year is None or not first <= first_year <= last:
        return (f"Nyckeltalsåret {year} ligger utanför samverkan ({first}–{last}): "
                "uppföljningen gäller åren under samverkan.")
    return None
