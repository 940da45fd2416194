"""The överenskommelse (ÖK): what a huvudman and Skolverket sign, fund and report against.

An engagement has as many agreements as it needs: ÖK 1 (nulägesanalys and
åtgärdsplan), ÖK 2 (the insatser, after Skolverket's beslut) and tillägg that amend
an earlier one (`amends_id`). An agreement holds

- its header: dnr, the beslut (date, dnr, text), period, the handlingar in order of
  precedence, status with dates, and the plan version attached as Bilaga 1;
- parties: Skolverket's data is a setting (agreement_party), the huvudman's comes from
  the register; the `signatories` sign or review for either party;
- per insats `terms` (agreement_terms) with their funding;
- money (agreement_money): the utbetalningsplan `payments`, the rekvisition and the
  repayment terms;
- `reports` (agreement_reports) and, for a tillägg, `changes` (agreement_amendments).

Coded values with their labels are in agreement_kinds, the standard wording in
agreement_texts; agreement_effective gives the agreement as it stands after its
signed tillägg. Totals per funder (agreement_money.funder_totals) keep granted money
apart from the plan's estimated costs and give shares only when every part is stated.

Every part is its own record (own id, own row), so two laptops editing different
parts merge without conflict and follow-up can point at a funding line or a report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import agreement_texts as texts
from .agreement_amendments import AgreementChange
from .agreement_kinds import AgreementKind, AgreementStatus, Party, SignatoryRole
from .agreement_money import (
    PaymentRow,
    Rekvisition,
    Repayment,
    validate_rekvisition,
    validate_repayment,
)
from .agreement_reports import ReportObligation
from .agreement_terms import InterventionTerms
from .coded import is_member
from .errors import FieldError, raise_if
from .fields import LONG_TEXT_MAX, check_date, check_period, check_text, parse_date
from .ids import new_id


@dataclass
class Signatory:
    """Who signs (or reviews, "granskats av") for one party, with title, place and date."""
    agreement_id: str
    party: Party
    name: str
    title: str = ""
    place: str = ""
    date: str = ""
    role: SignatoryRole = SignatoryRole.SIGNS
    position: int = 0
    id: str = field(default_factory=new_id)


@dataclass
class Agreement:
    engagement_id: str
    kind: AgreementKind = AgreementKind.OK2
    amends_id: str | None = None        # the agreement a tillägg changes
    dnr: str = ""                       # Skolverket's diarienummer for the agreement
    decision_date: str = ""             # Skolverket's beslut
    decision_dnr: str = ""
    decision_text: str = ""
    background: str = ""                # bakgrund, before the beslut's own sentence
    documents: list[str] = field(default_factory=list)   # handlingar, in order of precedence
    period_start: str = ""
    period_end: str = ""
    status: AgreementStatus = AgreementStatus.DRAFT
    sent_date: str = ""
    signed_date: str = ""               # signed by both parties
    plan_version_id: str | None = None  # the frozen åtgärdsplan attached as Bilaga 1
    rekvisition: Rekvisition = field(default_factory=Rekvisition)
    repayment: Repayment = field(default_factory=Repayment)
    breach_text: str = texts.BREACH     # brister
    reclaim_text: str = texts.RECLAIM   # återkrav, when Skolverket pays money
    evaluation_text: str = texts.EVALUATION
    changes_text: str = texts.CHANGES
    signatories: list[Signatory] = field(default_factory=list)
    terms: list[InterventionTerms] = field(default_factory=list)
    payments: list[PaymentRow] = field(default_factory=list)
    reports: list[ReportObligation] = field(default_factory=list)
    changes: list[AgreementChange] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    @property
    def short_name(self) -> str:
        """'ÖK 2', 'Tillägg 2021-03-01'."""
        label = self.kind.label
        if self.kind is AgreementKind.AMENDMENT and (self.signed_date or self.decision_date):
            label += f" {self.signed_date or self.decision_date}"
        return label

    @property
    def name(self) -> str:
        """'ÖK 2 (dnr 7.4.2-2019:830)', 'Tillägg 2021-03-01'."""
        return f"{self.short_name} (dnr {self.dnr})" if self.dnr.strip() else self.short_name

    def terms_of(self, terms_id: str) -> InterventionTerms | None:
        return next((t for t in self.terms if t.id == terms_id), None)


def new_agreement(engagement_id: str, kind: AgreementKind,
                  amends_id: str | None = None) -> Agreement:
    """An agreement with the standard handlingar and bakgrund of its kind."""
    return Agreement(engagement_id=engagement_id, kind=kind, amends_id=amends_id,
                     documents=list(texts.HANDLINGAR[kind]),
                     background="" if kind is AgreementKind.AMENDMENT else texts.BACKGROUND)


def validate_agreement(a: Agreement) -> list[FieldError]:
    checks: dict[str, str | None] = {
        "kind": None if is_member(a.kind, AgreementKind) else "Okänd typ av överenskommelse.",
        "status": None if is_member(a.status, AgreementStatus) else "Okänd status.",
        "dnr": check_text(a.dnr, "Diarienummer", max_len=60),
        "decision_dnr": check_text(a.decision_dnr, "Beslutets diarienummer", max_len=60),
        "decision_date": check_date(a.decision_date, "Beslutsdatum"),
        "decision_text": check_text(a.decision_text, "Beslutet", max_len=LONG_TEXT_MAX),
        "background": check_text(a.background, "Bakgrund", max_len=LONG_TEXT_MAX),
        "period_start": check_date(a.period_start, "Periodens början"),
        "period_end": check_date(a.period_end, "Periodens slut"),
        "sent_date": check_date(a.sent_date, "Skickat"),
        "signed_date": check_date(a.signed_date, "Undertecknat"),
    }
    for name in ("breach_text", "reclaim_text", "evaluation_text", "changes_text"):
        checks[name] = check_text(getattr(a, name), "Texten", max_len=LONG_TEXT_MAX)
    if not checks["period_start"] and not checks["period_end"]:
        checks["period_end"] = check_period(a.period_start, a.period_end, "Perioden")
    if a.kind is AgreementKind.AMENDMENT and not a.amends_id:
        checks["amends_id"] = "Ange vilken överenskommelse tillägget ändrar."
    elif a.kind is not AgreementKind.AMENDMENT and a.amends_id:
        checks["amends_id"] = "Bara ett tillägg kan ändra en annan överenskommelse."
    elif a.amends_id and a.amends_id == a.id:
        checks["amends_id"] = "Ett tillägg kan inte ändra sig självt."
    if a.status is AgreementStatus.SIGNED and not a.signed_date and not checks["signed_date"]:
        checks["signed_date"] = "Ange datum då båda parter har undertecknat."
    if a.status is AgreementStatus.SENT and not a.sent_date and not checks["sent_date"]:
        checks["sent_date"] = "Ange datum då överenskommelsen skickades."
    signed, decided = parse_date(a.signed_date), parse_date(a.decision_date)
    if not checks["signed_date"] and signed and decided and signed < decided:
        checks["signed_date"] = (f"Undertecknat {a.signed_date} ligger före beslutet "
                                 f"{a.decision_date}.")
    errors = [FieldError(k, v) for k, v in checks.items() if v]
    errors += [FieldError("documents", f"Handlingar, rad {n}: {msg}")
               for n, doc in enumerate(a.documents, 1)
               if (msg := check_text(doc, "texten", required=True, max_len=500))]
    return errors + validate_rekvisition(a.rekvisition) + validate_repayment(a.repayment)


def validate_signatory(s: Signatory, decision_date: str = "") -> list[FieldError]:
    """`decision_date` is the agreement's beslut: nobody signs before it is taken."""
    checks = {
        "party": None if is_member(s.party, Party) else "Okänd part.",
        "role": None if is_member(s.role, SignatoryRole) else "Okänd roll.",
        "name": check_text(s.name, "Namn", required=True),
        "title": check_text(s.title, "Titel"),
        "place": check_text(s.place, "Ort"),
        "date": check_date(s.date, "Datum"),
    }
    signed, decided = parse_date(s.date), parse_date(decision_date)
    if not checks["date"] and signed and decided and signed < decided:
        checks["date"] = (f"{s.name.strip() or 'Undertecknaren'} kan inte skriva under "
                          f"{s.date}, före Skolverkets beslut {decision_date}.")
    return [FieldError(k, v) for k, v in checks.items() if v]


def check_agreement(a: Agreement) -> None:
    raise_if(validate_agreement(a))


def check_signatory(s: Signatory, decision_date: str = "") -> None:
    raise_if(validate_signatory(s, decision_date))
