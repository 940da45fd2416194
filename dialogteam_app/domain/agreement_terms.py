"""What an agreement adds to each insats of the plan: scope and period, the two
responsibility lists and named roles, exact participant counts, and funding.

Terms copy the insats's title and area from the plan when made, so a signed
agreement keeps its wording whatever the plan becomes; `intervention_id` keeps the
link to the plan for follow-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .agreement_kinds import FundingKind, ProviderKind
from .coded import is_member
from .errors import FieldError, raise_if
from .fields import LONG_TEXT_MAX, check_date, check_int, check_period, check_text
from .ids import new_id
from .money import MAX_AMOUNT_KR, format_kr

if TYPE_CHECKING:  # the plan's module (and the analysis') only for these annotations
    from .plan import DevelopmentArea, Intervention

MAX_PARTICIPANTS = 1_000_000
_NUMBER_WORDS = ("noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio",
                 "elva", "tolv")


@dataclass
class RoleDuty:
    """A named role's responsibility: '<role> ansvarar för <duty>'."""
    role: str          # "Rektor på Midsommarkransen", "Utbildningsnämnden"
    duty: str          # what follows "ansvarar för"

    @property
    def sentence(self) -> str:
        return f"{self.role.strip()} ansvarar för {self.duty.strip().rstrip('.')}."


@dataclass
class ParticipantCount:
    """Who takes part: 'sju förstelärare', 'cirka 60 lärare' (approximate only when
    the agreement says so), optionally at one skolenhet."""
    terms_id: str
    group: str                       # "lärare", "förstelärare", "rektorer"
    count: int = 0
    approximate: bool = False
    school_unit_id: str | None = None
    position: int = 0
    id: str = field(default_factory=new_id)

    @property
    def phrase(self) -> str:
        number = _NUMBER_WORDS[self.count] if self.count < len(_NUMBER_WORDS) else str(self.count)
        return f"{'cirka ' if self.approximate else ''}{number} {self.group.strip()}"


@dataclass
class FundingLine:
    """One source of money (or of the insats itself) for an insats.

    GRANTED: Skolverket pays the huvudman `amount_kr`, for `year` when given.
    PROCURED: Skolverket buys the insats from a provider; never an amount.
    OWN: the huvudman pays; `amount_kr` None means "kostnader i övrigt" (not stated).
    OTHER: `provider_name` names the funder; the amount may be unknown.
    """
    terms_id: str
    kind: FundingKind
    amount_kr: int | None = None
    year: int | None = None
    provider_kind: ProviderKind | None = None
    provider_name: str = ""          # the provider (PROCURED) or funder (OTHER)
    text: str = ""                   # the agreement's own wording, when not the standard one
    position: int = 0
    id: str = field(default_factory=new_id)

    @property
    def known_amount(self) -> bool:
        return self.amount_kr is not None and self.kind is not FundingKind.PROCURED

    @property
    def sentence(self) -> str:
        """How the agreement states this line (its own wording first)."""
        if self.text.strip():
            return self.text.strip()
        year = f" för {self.year}" if self.year else ""
        amount = format_kr(self.amount_kr) if self.amount_kr is not None else ""
        if self.kind is FundingKind.GRANTED:
            return f"Skolverket finansierar insatsen med {amount}{year} till Huvudmannen."
        if self.kind is FundingKind.PROCURED:
            return f"Skolverket finansierar insatsen från {provider_phrase(self)}."
        if self.kind is FundingKind.OWN:
            if self.amount_kr is None:
                return "Huvudmannens kostnader i övrigt finansieras av Huvudmannen."
            return f"Huvudmannen finansierar {amount}{year} av insatsen."
        if self.amount_kr is None:
            return f"{self.provider_name.strip()} bidrar till finansieringen av insatsen."
        return f"{self.provider_name.strip()} finansierar {amount}{year} av insatsen."


def provider_phrase(line: FundingLine) -> str:
    name = line.provider_name.strip()
    if name:
        return name
    return {ProviderKind.UNIVERSITY: "valt lärosäte", ProviderKind.SPSM: "SPSM",
            None: "vald anordnare", ProviderKind.OTHER: "vald anordnare"}[line.provider_kind]


@dataclass
class InterventionTerms:
    agreement_id: str
    title: str
    area_title: str = ""             # utvecklingsområde, as the agreement names it
    intervention_id: str | None = None
    description: str = ""            # beskrivning av insatsen
    scope: str = ""                  # omfattning: "52 timmar"
    start: str = ""
    end: str = ""
    organiser_duties: list[str] = field(default_factory=list)    # Huvudmannen ansvarar för att …
    skolverket_duties: list[str] = field(default_factory=list)   # Skolverket ansvarar för att …
    role_duties: list[RoleDuty] = field(default_factory=list)
    participants: list[ParticipantCount] = field(default_factory=list)
    funding: list[FundingLine] = field(default_factory=list)
    position: int = 0
    id: str = field(default_factory=new_id)


def _duty_errors(lines: list[str], name: str, label: str) -> list[FieldError]:
    return [FieldError(name, f"{label}, rad {n}: {msg}") for n, line in enumerate(lines, 1)
            if (msg := check_text(line, "texten", max_len=2000))]


def validate_terms(t: InterventionTerms) -> list[FieldError]:
    checks = {
        "title": check_text(t.title, "Insatsens namn", required=True),
        "area_title": check_text(t.area_title, "Utvecklingsområde"),
        "description": check_text(t.description, "Beskrivning av insatsen", max_len=LONG_TEXT_MAX),
        "scope": check_text(t.scope, "Omfattning"),
        "start": check_date(t.start, "Insatsen pågår från"),
        "end": check_date(t.end, "Insatsen pågår till"),
    }
    if not checks["start"] and not checks["end"]:
        checks["end"] = check_period(t.start, t.end, "Insatsens period")
    errors = [FieldError(k, v) for k, v in checks.items() if v]
    errors += _duty_errors(t.organiser_duties, "organiser_duties", "Huvudmannen ansvarar för att")
    errors += _duty_errors(t.skolverket_duties, "skolverket_duties", "Skolverket ansvarar för att")
    for n, d in enumerate(t.role_duties, 1):
        if msg := (check_text(d.role, "Rollen", required=True)
                   or check_text(d.duty, "Ansvaret", required=True, max_len=2000)):
            errors.append(FieldError("role_duties", f"Ansvar för roll, rad {n}: {msg}"))
    return errors


def validate_participants(p: ParticipantCount) -> list[FieldError]:
    checks = {
        "group": check_text(p.group, "Deltagargrupp", required=True),
        "count": check_int(p.count, "Antal deltagare", maximum=MAX_PARTICIPANTS, required=True),
    }
    return [FieldError(k, v) for k, v in checks.items() if v]


def validate_funding(f: FundingLine) -> list[FieldError]:
    checks: dict[str, str | None] = {
        "kind": None if is_member(f.kind, FundingKind) else "Okänd typ av finansiering.",
        "amount_kr": check_int(f.amount_kr, "Beloppet", maximum=MAX_AMOUNT_KR),
        "year": check_int(f.year, "År", minimum=1990, maximum=2100),
        "provider_name": check_text(f.provider_name, "Namn"),
        "text": check_text(f.text, "Formulering", max_len=2000),
    }
    if f.kind is FundingKind.GRANTED and f.amount_kr is None:
        checks["amount_kr"] = "Ange beloppet som Skolverket beviljar Huvudmannen (kr)."
    elif f.kind is FundingKind.PROCURED and f.amount_kr is not None:
        checks["amount_kr"] = ("En insats som Skolverket upphandlar ger inga pengar till "
                               "Huvudmannen: lämna beloppet tomt.")
    if f.kind is FundingKind.PROCURED and f.provider_kind is None:
        checks["provider_kind"] = "Ange vem Skolverket upphandlar insatsen från."
    if f.kind is FundingKind.OTHER and not f.provider_name.strip():
        checks["provider_name"] = "Ange vilken finansiär som bidrar."
    return [FieldError(k, v) for k, v in checks.items() if v]


def check_terms(t: InterventionTerms) -> None:
    raise_if(validate_terms(t))


def check_participants(p: ParticipantCount) -> None:
    raise_if(validate_participants(p))


def check_funding(f: FundingLine) -> None:
    raise_if(validate_funding(f))


def terms_from_plan(agreement_id: str, area: DevelopmentArea, intervention: Intervention,
                    position: int) -> InterventionTerms:
    """Terms for an insats of the plan, starting from the plan's own wording."""
    return InterventionTerms(agreement_id=agreement_id, title=intervention.title,
                             area_title=area.title, intervention_id=intervention.id,
                             description=intervention.description, start=intervention.start,
                             end=intervention.end, position=position)
