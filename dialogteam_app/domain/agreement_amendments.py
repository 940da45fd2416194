"""A tillägg changes named parts of the agreement it amends: one field of one part
(an insats's funding amount, a report's due date, the period's end …) per change.

Parts a tillägg adds (new insatser with funding, payments, reports) are simply its
own terms/payments/reports; agreement_effective merges both into the agreement as
it stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .coded import UNKNOWN_VALUE, Coded, is_member
from .errors import FieldError, raise_if
from .fields import check_date, check_int, check_text
from .ids import new_id
from .money import MAX_AMOUNT_KR


class ChangeTarget(Coded):
    """<part>.<field>: the parts and fields a tillägg may change."""
    PERIOD_START = "agreement.period_start"
    PERIOD_END = "agreement.period_end"
    TERMS_START = "terms.start"
    TERMS_END = "terms.end"
    TERMS_SCOPE = "terms.scope"
    FUNDING_AMOUNT = "funding.amount_kr"
    FUNDING_YEAR = "funding.year"
    REPORT_DUE = "report.due_date"
    PAYMENT_DATE = "payment.due_date"
    PAYMENT_AMOUNT = "payment.amount_kr"

    @property
    def part(self) -> str:
        return self.value.split(".")[0]

    @property
    def field_name(self) -> str:
        return self.value.split(".")[1]

    @property
    def label(self) -> str:
        return _LABELS.get(self, UNKNOWN_VALUE)

    @property
    def value_kind(self) -> str:
        """'date', 'amount', 'year' or 'text': how the new value is written and checked."""
        if self.field_name in ("period_start", "period_end", "start", "end", "due_date"):
            return "date"
        if self.field_name == "amount_kr":
            return "amount"
        return "year" if self.field_name == "year" else "text"


_LABELS = {
    ChangeTarget.PERIOD_START: "Överenskommelsens period, början",
    ChangeTarget.PERIOD_END: "Överenskommelsens period, slut",
    ChangeTarget.TERMS_START: "Insatsens period, början",
    ChangeTarget.TERMS_END: "Insatsens period, slut",
    ChangeTarget.TERMS_SCOPE: "Insatsens omfattning",
    ChangeTarget.FUNDING_AMOUNT: "Finansieringens belopp",
    ChangeTarget.FUNDING_YEAR: "Finansieringens år",
    ChangeTarget.REPORT_DUE: "Redovisningens sista dag",
    ChangeTarget.PAYMENT_DATE: "Utbetalningens datum",
    ChangeTarget.PAYMENT_AMOUNT: "Utbetalningens belopp",
}


@dataclass
class AgreementChange:
    """In tillägg `agreement_id`: set `target`'s field of part `target_id` (a terms,
    funding, report or payment id of the amended agreement; for the period, that
    agreement's id) to `value`, written as text (dates ISO, amounts whole kronor)."""
    agreement_id: str
    target: ChangeTarget
    target_id: str
    value: str
    note: str = ""                   # why, as the tillägg words it
    position: int = 0
    id: str = field(default_factory=new_id)

    def typed_value(self) -> str | int | None:
        """The value as the changed field holds it."""
        if self.target.value_kind in ("amount", "year"):
            return int(self.value) if self.value.strip() else None
        return self.value.strip()


def validate_change(c: AgreementChange) -> list[FieldError]:
    checks: dict[str, str | None] = {
        "target": None if is_member(c.target, ChangeTarget) else "Okänd del att ändra.",
        "target_id": None if c.target_id else "Ange vilken del tillägget ändrar.",
        "note": check_text(c.note, "Motivering", max_len=2000),
    }
    if is_member(c.target, ChangeTarget):
        checks["value"] = _check_value(c.target, c.value)
    return [FieldError(k, v) for k, v in checks.items() if v]


def _check_value(target: ChangeTarget, value: str) -> str | None:
    label = f"Nytt värde för {target.label.lower()}"
    kind = target.value_kind
    if kind == "date":
        return check_date(value, label, required=True)
    if kind == "text":
        return check_text(value, label, required=True)
    text = value.strip()
    if not text.lstrip("-").isdigit():
        return f"{label} ska vara ett heltal." if text else f"{label} måste anges."
    if kind == "year":
        return check_int(int(text), label, minimum=1990, maximum=2100)
    return check_int(int(text), label, maximum=MAX_AMOUNT_KR)


def check_change(c: AgreementChange) -> None:
    raise_if(validate_change(c))
