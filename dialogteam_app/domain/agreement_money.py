"""Money in an agreement: the utbetalningsplan, the rekvisition of the first payment,
repayment of unspent funds, and totals per funder that never claim an unknown share."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from .agreement_kinds import AccountKind, FundingKind
from .agreement_terms import FundingLine, InterventionTerms, provider_phrase
from .errors import FieldError, raise_if
from .fields import check_date, check_int, check_text, parse_date, parse_int
from .ids import new_id
from .money import MAX_AMOUNT_KR, format_kr
from .orgnr import check_orgnr, luhn_ok

_GIRO = {AccountKind.BANKGIRO: re.compile(r"^\d{3,4}-\d{4}$"),
         AccountKind.PLUSGIRO: re.compile(r"^\d{1,7}-\d$")}
_GIRO_EXAMPLE = {AccountKind.BANKGIRO: "5050-1055", AccountKind.PLUSGIRO: "4711-8"}


@dataclass
class PaymentRow:
    """One payment in the utbetalningsplan. The first is paid on rekvisition, the
    later ones quarterly in advance."""
    agreement_id: str
    due_date: str
    amount_kr: int = 0
    on_requisition: bool = False
    position: int = 0
    id: str = field(default_factory=new_id)


@dataclass
class Rekvisition:
    """The huvudman's request for the first payment."""
    orgnr: str = ""
    amount_kr: int | None = None
    account_kind: AccountKind = AccountKind.BANKGIRO
    account: str = ""
    reference: str = ""


@dataclass
class Repayment:
    """Unspent funds go back to Skolverket's bankgiro (a setting) within `days` of the
    slutredovisning, with the beslut's dnr and the enhetsnummer as reference."""
    unit_number: str = ""             # enhetsnummer
    days: int = 30


def parse_amount(text: str, label: str = "Beloppet") -> tuple[int | None, str | None]:
    """A typed amount in whole kronor ('100 000', '100000 kr'): (value, None) or
    (None, Swedish message). Empty text is (None, None)."""
    cleaned = re.sub(r"\s*kr\.?$", "", (text or "").strip(), flags=re.IGNORECASE)
    if not cleaned:
        return None, None
    value = parse_int(cleaned)
    if value is None:
        return None, f"{label} ska vara ett heltal i kronor, till exempel 100 000."
    if value < 0:
        return None, f"{label} kan inte vara negativt."
    return value, check_int(value, label, maximum=MAX_AMOUNT_KR)


def check_giro(kind: AccountKind, number: str) -> str | None:
    if not number:
        return None
    number = number.strip()
    if kind not in _GIRO:   # an unknown stored kontoslag: refused, not a KeyError
        return f"Kontoslaget {kind.value!r} är inget av programmets värden."
    if not _GIRO[kind].match(number):
        return f"{kind.label}numret ska skrivas som till exempel {_GIRO_EXAMPLE[kind]}."
    digits = number.replace("-", "")
    if not luhn_ok(digits.zfill(len(digits) + len(digits) % 2)):  # weights from the right
        return f"{kind.label}numret {number} stämmer inte: kontrollsiffran är fel."
    return None


def repayment_reference(decision_dnr: str, unit_number: str) -> str:
    return " ".join(p for p in (decision_dnr.strip(), unit_number.strip()) if p)


def validate_payment(p: PaymentRow, period_end: str = "") -> list[FieldError]:
    checks = {
        "due_date": check_date(p.due_date, "Utbetalningsdatum", required=True),
        "amount_kr": check_int(p.amount_kr, "Beloppet", maximum=MAX_AMOUNT_KR, required=True),
    }
    due, end = parse_date(p.due_date), parse_date(period_end)
    if not checks["due_date"] and due and end and due > end:
        checks["due_date"] = (f"Utbetalningen {p.due_date} ligger efter överenskommelsens "
                              f"slut {period_end}.")
    return [FieldError(k, v) for k, v in checks.items() if v]


def validate_rekvisition(r: Rekvisition) -> list[FieldError]:
    checks = {
        "rekvisition.orgnr": check_orgnr(r.orgnr),
        "rekvisition.amount_kr": check_int(r.amount_kr, "Rekvirerat belopp",
                                           maximum=MAX_AMOUNT_KR),
        "rekvisition.account": check_giro(r.account_kind, r.account),
        "rekvisition.reference": check_text(r.reference, "Referens"),
    }
    return [FieldError(k, v) for k, v in checks.items() if v]


def validate_repayment(r: Repayment) -> list[FieldError]:
    checks = {
        "repayment.unit_number": check_text(r.unit_number, "Enhetsnummer", max_len=40),
        "repayment.days": check_int(r.days, "Antal dagar", minimum=1, maximum=365,
                                    required=True),
    }
    return [FieldError(k, v) for k, v in checks.items() if v]


def check_payment(p: PaymentRow, period_end: str = "") -> None:
    raise_if(validate_payment(p, period_end))


@dataclass(frozen=True)
class FunderTotals:
    """What each funder gives, as far as the agreement states it.

    Only stated amounts are summed. `unquantified` lists funders whose part is known
    to exist but not in kronor (the huvudman's "kostnader i övrigt", an insats Skolverket
    procures): while it is not empty no share of a whole can be given."""
    granted_by_year: dict[int | None, int]      # Skolverket -> huvudman; None: no year stated
    own_kr: int                                 # the huvudman's stated amounts
    other_kr: dict[str, int]                    # other funders by name
    procured_from: list[str]                    # providers Skolverket buys insatser from
    unquantified: list[str]                     # funders with a part of unknown size

    @property
    def granted_kr(self) -> int:
        return sum(self.granted_by_year.values())

    @property
    def stated_by_funder(self) -> dict[str, int]:
        """Funder label -> stated kronor, funders with nothing stated left out."""
        stated = {"Skolverket": self.granted_kr, "Huvudmannen": self.own_kr, **self.other_kr}
        return {k: v for k, v in stated.items() if v}

    def shares(self) -> dict[str, float] | None:
        """Each funder's share of the whole, or None when the whole is not known."""
        stated = self.stated_by_funder
        total = sum(stated.values())
        if self.unquantified or not total:
            return None
        return {k: v / total for k, v in stated.items()}


def funder_totals(terms: list[InterventionTerms]) -> FunderTotals:
    granted: dict[int | None, int] = defaultdict(int)
    other: dict[str, int] = defaultdict(int)
    own = 0
    procured: list[str] = []
    unquantified: list[str] = []
    for line in (f for t in terms for f in t.funding):
        if line.kind is FundingKind.PROCURED:
            procured.append(provider_phrase(line))
            _add_once(unquantified, "Skolverket (upphandlad insats)")
        elif line.amount_kr is None:
            _add_once(unquantified, _funder_label(line))
        elif line.kind is FundingKind.GRANTED:
            granted[line.year] += line.amount_kr
        elif line.kind is FundingKind.OWN:
            own += line.amount_kr
        else:
            other[line.provider_name.strip()] += line.amount_kr
    return FunderTotals(
        granted_by_year=dict(sorted(granted.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))),
        own_kr=own, other_kr=dict(other), procured_from=list(dict.fromkeys(procured)),
        unquantified=unquantified)


def _funder_label(line: FundingLine) -> str:
    if line.kind is FundingKind.OWN:
        return "Huvudmannen"
    return line.provider_name.strip() or "Annan finansiär"


def _add_once(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def payment_plan_warning(payments: list[PaymentRow], granted_kr: int) -> str | None:
    """The plan should pay out exactly what is granted: a warning, not a refusal, since
    the user may be entering it row by row."""
    if not payments and not granted_kr:
        return None
    paid = sum(p.amount_kr for p in payments)
    if paid == granted_kr:
        return None
    if not payments:
        return (f"Skolverket beviljar {format_kr(granted_kr)} men utbetalningsplanen är tom.")
    diff = paid - granted_kr
    how = "för mycket" if diff > 0 else "för lite"
    return (f"Utbetalningsplanen summerar till {format_kr(paid)} men beviljat belopp är "
            f"{format_kr(granted_kr)} ({format_kr(abs(diff))} {how}).")


def draft_payment_plan(agreement_id: str, total_kr: int, first: str, last: str
                       ) -> list[PaymentRow]:
    """A first payment on rekvisition at `first`, then one at the start of every quarter
    up to `last`, in equal parts (whole kronor; the remainder goes with the first)."""
    start, end = parse_date(first), parse_date(last)
    if start is None or end is None or end < start or total_kr <= 0:
        return []
    dates = [start]
    quarter = date(start.year, 3 * ((start.month - 1) // 3) + 1, 1)
    while True:
        month = quarter.month + 3
        quarter = date(quarter.year + (month > 12), (month - 1) % 12 + 1, 1)
        if quarter > end:
            break
        dates.append(quarter)
    part, rest = divmod(total_kr, len(dates))
    return [PaymentRow(agreement_id=agreement_id, due_date=d.isoformat(),
                       amount_kr=part + (rest if i == 0 else 0), on_requisition=i == 0,
                       position=i) for i, d in enumerate(dates)]
