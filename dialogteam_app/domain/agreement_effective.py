"""The agreement as it stands after its tillägg, and what each tillägg changed.

Tillägg take precedence over the agreement ("handlingar gäller i denna ordning"),
later ones over earlier ones: they are applied in the order they were signed.
Unsigned tillägg are left out unless asked for (a draft changes nothing yet).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from .agreement import Agreement
from .agreement_amendments import AgreementChange, ChangeTarget, validate_change
from .agreement_kinds import AgreementKind, AgreementStatus
from .coded import UNKNOWN_VALUE
from .money import format_kr


@dataclass(frozen=True)
class AppliedChange:
    change: AgreementChange
    amendment: str                      # the tillägg's name
    old_value: object
    new_value: object


@dataclass
class EffectiveAgreement:
    agreement: Agreement                # a copy; the stored agreement is untouched
    applied: list[AppliedChange] = field(default_factory=list)
    # The part is no longer there, or the stored value breaks its rule (a hand edit).
    unresolved: list[AgreementChange] = field(default_factory=list)
    not_applied: list[Agreement] = field(default_factory=list)       # unsigned tillägg

    def changed(self, part_id: str) -> list[AppliedChange]:
        """The changes made to one part (a terms, funding, report or payment id)."""
        return [a for a in self.applied if a.change.target_id == part_id]


def amendments_of(base: Agreement, agreements: list[Agreement]) -> list[Agreement]:
    """base's tillägg in order of precedence (signed earliest first)."""
    found = [a for a in agreements
             if a.kind is AgreementKind.AMENDMENT and a.amends_id == base.id]
    return sorted(found, key=lambda a: (a.signed_date or "9999", a.decision_date or "9999"))


def effective_agreement(base: Agreement, agreements: list[Agreement], *,
                        include_unsigned: bool = False) -> EffectiveAgreement:
    """`agreements` may be all of the engagement's; base's own tillägg are picked out."""
    result = EffectiveAgreement(copy.deepcopy(base))
    for amendment in amendments_of(base, agreements):
        if amendment.status is not AgreementStatus.SIGNED and not include_unsigned:
            result.not_applied.append(amendment)
            continue
        for change in sorted(amendment.changes, key=lambda c: c.position):
            _apply(result, change, amendment.name)
        added = copy.deepcopy(amendment)
        result.agreement.terms += added.terms
        result.agreement.payments += added.payments
        result.agreement.reports += added.reports
    result.agreement.payments.sort(key=lambda p: p.due_date)
    return result


def _apply(result: EffectiveAgreement, change: AgreementChange, amendment: str) -> None:
    part = _part(result.agreement, change.target, change.target_id)
    if part is None or validate_change(change):
        result.unresolved.append(change)
        return
    name = change.target.field_name
    old = getattr(part, name)
    new = change.typed_value()
    setattr(part, name, new)
    result.applied.append(AppliedChange(change, amendment, old, new))


def _part(a: Agreement, target: ChangeTarget, part_id: str) -> object | None:
    kind = target.part
    if kind == "agreement":
        return a if part_id == a.id else None
    if kind == "terms":
        return a.terms_of(part_id)
    if kind == "funding":
        return next((f for t in a.terms for f in t.funding if f.id == part_id), None)
    if kind == "report":
        return next((r for r in a.reports if r.id == part_id), None)
    return next((p for p in a.payments if p.id == part_id), None)


def parts_of(a: Agreement) -> list[tuple[str, str, str]]:
    """(part kind, id, label) of every part of `a` a tillägg can change."""
    parts = [("agreement", a.id, f"{a.name}: hela överenskommelsen")]
    for t in a.terms:
        parts.append(("terms", t.id, f"Insats: {t.title}"))
        parts += [("funding", f.id, f"Finansiering: {t.title} – {f.kind.label.lower()}"
                   + (f" {f.year}" if f.year else "")) for f in t.funding]
    parts += [("report", r.id, f"Redovisning: {r.label}") for r in a.reports]
    parts += [("payment", p.id, f"Utbetalning: {p.due_date}, {format_kr(p.amount_kr)}")
              for p in a.payments]
    return parts


def change_sentence(change: AgreementChange, amended: Agreement | None) -> str:
    """'Finansiering: Läsfrämjande insats – beviljat av skolverket 2021: finansieringens
    belopp ändras till 120 000 kr.' — one change of a tillägg, as its PDF states it."""
    labels = {pid: label for _, pid, label in parts_of(amended)} if amended else {}
    value = UNKNOWN_VALUE if validate_change(change) else change.typed_value()
    shown = format_kr(value) if change.target.value_kind == "amount" and \
        isinstance(value, int) else str(value)
    note = f" ({change.note.strip()})" if change.note.strip() else ""
    part = labels.get(change.target_id, "En del som inte längre finns")
    return f"{part}: {change.target.label.lower()} ändras till {shown}{note}."
