"""One engagement's follow-up in one object: the agreement it follows, and per insats
everything recorded against it. Views, reports and totals read from here."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .agreement import Agreement
from .agreement_kinds import FundingKind
from .agreement_terms import InterventionTerms
from .analysis import KeyFigure
from .follow_up import (
    GoalFollowUp,
    InterventionStatus,
    LogEntry,
    PaymentReceipt,
    Reached,
    Spending,
    StatusEntry,
    current_status,
)
from .follow_up_reports import ReportPeriod, ReportWork, report_periods


@dataclass
class InsatsFollowUp:
    terms: InterventionTerms
    statuses: list[StatusEntry] = field(default_factory=list)
    log: list[LogEntry] = field(default_factory=list)
    reached: list[Reached] = field(default_factory=list)
    spending: list[Spending] = field(default_factory=list)
    goals: list[GoalFollowUp] = field(default_factory=list)
    factors: list[str] = field(default_factory=list)   # research factors, from the plan

    @property
    def status(self) -> InterventionStatus:
        current = current_status(self.statuses)
        return current.status if current else InterventionStatus.NOT_STARTED

    @property
    def status_date(self) -> str:
        current = current_status(self.statuses)
        return current.date if current else ""

    @property
    def granted_by_year(self) -> dict[int | None, int]:
        granted: dict[int | None, int] = defaultdict(int)
        for f in self.terms.funding:
            if f.kind is FundingKind.GRANTED and f.amount_kr is not None:
                granted[f.year] += f.amount_kr
        return dict(granted)

    @property
    def granted_kr(self) -> int:
        return sum(self.granted_by_year.values())

    @property
    def used_by_year(self) -> dict[int, int]:
        used: dict[int, int] = defaultdict(int)
        for s in self.spending:
            used[s.year] += s.used_kr
        return dict(used)

    @property
    def used_kr(self) -> int:
        return sum(s.used_kr for s in self.spending)

    @property
    def unspent_kr(self) -> int:
        """Granted minus used: negative when more was used than granted (flagged)."""
        return self.granted_kr - self.used_kr

    @property
    def reached_count(self) -> int:
        return sum(r.count for r in self.reached)


@dataclass
class FollowUpSnapshot:
    engagement_id: str
    engagement_title: str
    organiser_name: str
    dnr: str = ""
    author: str = ""                       # ansvarig processtödjare
    agreement: Agreement | None = None     # the ÖK 2 followed, as it stands after tillägg
    insatser: list[InsatsFollowUp] = field(default_factory=list)
    receipts: dict[str, PaymentReceipt] = field(default_factory=dict)   # by payment id
    works: dict[str, ReportWork] = field(default_factory=dict)          # by report id
    unit_names: dict[str, str] = field(default_factory=dict)
    baseline: list[KeyFigure] = field(default_factory=list)             # the nulägesanalys
    followed: list[KeyFigure] = field(default_factory=list)

    @property
    def years(self) -> tuple[int, int] | None:
        """The calendar years of the agreement's period."""
        a = self.agreement
        if a is None or not a.period_start[:4].isdigit() or not a.period_end[:4].isdigit():
            return None
        return int(a.period_start[:4]), int(a.period_end[:4])

    def insats(self, terms_id: str) -> InsatsFollowUp | None:
        return next((i for i in self.insatser if i.terms.id == terms_id), None)

    @property
    def periods(self) -> dict[str, ReportPeriod]:
        if self.agreement is None:
            return {}
        return report_periods(self.agreement.reports, self.agreement.period_start)

    @property
    def paid_kr(self) -> int:
        return sum(r.amount_kr for r in self.receipts.values())


def spending_warnings(insats: InsatsFollowUp) -> list[str]:
    """Money used above money granted is allowed (it happens) but said plainly."""
    from .money import format_kr
    warnings = []
    granted = insats.granted_by_year
    for year, used in sorted(insats.used_by_year.items()):
        limit = granted.get(year, 0) + (granted.get(None, 0) if year is not None else 0)
        if year in granted and used > limit:
            warnings.append(f"{year}: använt {format_kr(used)} är mer än beviljat "
                            f"{format_kr(limit)} ({format_kr(used - limit)} över).")
    if insats.used_kr > insats.granted_kr:
        warnings.append(f"Totalt har {format_kr(insats.used_kr)} använts men "
                        f"{format_kr(insats.granted_kr)} beviljats: "
                        f"{format_kr(insats.used_kr - insats.granted_kr)} över beviljat.")
    return warnings
