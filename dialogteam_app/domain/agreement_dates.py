"""The dates an engagement's agreements set (beslut, signing, period, each report's
due date), as they stand after the signed tillägg: for the samverkan's dates and
for follow-up."""

from __future__ import annotations

from dataclasses import dataclass

from .agreement import Agreement
from .agreement_effective import effective_agreement
from .agreement_kinds import AgreementKind


@dataclass(frozen=True)
class AgreementDate:
    date: str
    label: str           # "Delredovisning (ÖK 2)"
    agreement_id: str
    report_id: str | None = None


def agreement_dates(agreements: list[Agreement]) -> list[AgreementDate]:
    """Every dated event of the agreements, earliest first; tillägg change their
    agreement's dates rather than listing their own period."""
    found: list[AgreementDate] = []
    for base in agreements:
        a = effective_agreement(base, agreements).agreement
        name = base.short_name
        events = [(base.decision_date, f"Beslut ({name})"),
                  (base.signed_date, f"{name} undertecknad")]
        if base.kind is not AgreementKind.AMENDMENT:
            events += [(a.period_start, f"Period börjar ({name})"),
                       (a.period_end, f"Period slutar ({name})")]
        found += [AgreementDate(d, label, base.id) for d, label in events if d]
        found += [AgreementDate(r.due_date, f"{r.kind.label} ({name})", base.id, r.id)
                  for r in a.reports if r.due_date]
    return sorted(found, key=lambda d: (d.date, d.label))
