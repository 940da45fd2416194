"""A delredovisning or slutredovisning as a self-contained document, built from the
follow-up and frozen (as JSON) when it is handed in. The PDF is rendered from it.

Economy: per insats granted, used and unspent (granted − used, so the columns always
add up; a negative unspent is money used above the grant and is flagged), used per
kostnadsslag, and what has been paid out and is to be repaid. A delredovisning counts
money used and participants reached in the years up to the end of its period."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field, replace

from .agreement_kinds import ReportKind
from .agreement_reports import ReportObligation
from .analysis import KeyFigure
from .follow_up import CostKind
from .follow_up_reports import ReportWork, report_number
from .follow_up_snapshot import FollowUpSnapshot, InsatsFollowUp
from .key_figures import format_value, subject_label, year_key
from .sorting import swedish_key

FORMAT = 1


@dataclass
class DocGoal:
    horizon: str
    goal: str
    judgement: str
    evidence: str = ""


@dataclass
class DocInsats:
    title: str
    area: str
    status: str
    status_date: str = ""
    done: list[str] = field(default_factory=list)      # "2027-03-02 – Första träffen …"
    reached: list[str] = field(default_factory=list)   # "2027: 14 lärare (Ekskolan)"
    reached_count: int = 0
    goals: list[DocGoal] = field(default_factory=list)
    granted_kr: int = 0
    used_kr: int = 0
    unspent_kr: int = 0


@dataclass
class DocTrend:
    label: str                                           # measure, unit
    points: list[list[str]] = field(default_factory=list)   # [year, value, riket, "baslinje"/""]


@dataclass
class ReportDocument:
    kind: str                      # ReportKind value
    title: str                     # "Delredovisning 1" / "Slutredovisning"
    organiser_name: str
    engagement_title: str
    dnr: str = ""
    agreement_name: str = ""
    period_start: str = ""
    period_end: str = ""
    due_date: str = ""
    date: str = ""                 # built / frozen
    author: str = ""
    status: str = ""
    content_points: list[str] = field(default_factory=list)
    summary: str = ""
    results_text: str = ""
    ownership_text: str = ""
    insatser: list[DocInsats] = field(default_factory=list)
    trends: list[DocTrend] = field(default_factory=list)
    used_by_cost_kind: dict[str, int] = field(default_factory=dict)
    granted_kr: int = 0
    used_kr: int = 0
    unspent_kr: int = 0
    paid_kr: int = 0
    to_repay_kr: int = 0
    format: int = FORMAT

    @property
    def is_final(self) -> bool:
        return self.kind == ReportKind.FINAL.value

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ReportDocument:
        data = json.loads(text)
        data["insatser"] = [DocInsats(**{**i, "goals": [DocGoal(**g) for g in i["goals"]]})
                            for i in data["insatser"]]
        data["trends"] = [DocTrend(**t) for t in data["trends"]]
        return cls(**data)


def report_title(snap: FollowUpSnapshot, report: ReportObligation) -> str:
    if report.kind is ReportKind.FINAL:
        return ReportKind.FINAL.label
    interim = [r for r in snap.agreement.reports if r.kind is ReportKind.INTERIM] \
        if snap.agreement else []
    number = report_number(interim, report.id)
    return f"{ReportKind.INTERIM.label} {number}" if number else ReportKind.INTERIM.label


def _insats(snap: FollowUpSnapshot, i: InsatsFollowUp, start: str, end: str,
            final: bool) -> DocInsats:
    def within(day: str) -> bool:
        return final or start <= day <= end
    units = snap.unit_names
    reached = [f"{r.year}: {r.count} {r.group}"
               + (f" ({units[r.school_unit_id]})" if r.school_unit_id in units else "")
               for r in sorted(i.reached, key=lambda r: (r.year, r.group))]
    goals = [DocGoal(g.horizon.label, g.goal, g.judgement.label if g.judgement else "Ej bedömt",
                     g.evidence) for g in i.goals]
    return DocInsats(
        title=i.terms.title, area=i.terms.area_title, status=i.status.label,
        status_date=i.status_date,
        done=[f"{e.date} – {e.text}" for e in sorted(i.log, key=lambda e: e.date)
              if within(e.date)],
        reached=reached, reached_count=i.reached_count, goals=goals,
        granted_kr=i.granted_kr, used_kr=i.used_kr, unspent_kr=i.unspent_kr)


def _trends(snap: FollowUpSnapshot) -> list[DocTrend]:
    """Per followed measure: the baseline's values and the followed years, oldest first."""
    series: dict[tuple[str, str, str], list[KeyFigure]] = defaultdict(list)
    followed_keys = {_series_key(k) for k in snap.followed}
    for k in [*snap.baseline, *snap.followed]:
        if _series_key(k) in followed_keys:
            series[_series_key(k)].append(k)
    baseline = {k.id for k in snap.baseline}
    trends = []
    for figures in series.values():
        first = figures[0]
        unit = snap.unit_names.get(first.school_unit_id or "", snap.organiser_name)
        points = [[k.year, format_value(k.value, k.measure),
                   format_value(k.national_value, k.measure),
                   "baslinje" if k.id in baseline else ""]
                  for k in sorted(figures, key=lambda k: year_key(k.year))]
        trends.append(DocTrend(f"{subject_label(first)}, {unit}", points))
    return sorted(trends, key=lambda t: swedish_key(t.label))


def _series_key(k: KeyFigure) -> tuple[str, str, str]:
    """One series per unit, measure and subject ('Matematik' and 'matematik' alike)."""
    return (k.school_unit_id or "", k.measure.value, swedish_key(k.subject.strip()))


def build_report_document(snap: FollowUpSnapshot, report: ReportObligation,
                          work: ReportWork, today: str) -> ReportDocument:
    assert snap.agreement is not None  # a report belongs to an agreement
    period = snap.periods.get(report.id)
    start, end = (period.start, period.end) if period else ("", report.due_date)
    final = report.kind is ReportKind.FINAL
    if final:   # the slutredovisning covers the whole agreement
        start = snap.agreement.period_start or start
    covered = set(report.terms_ids)
    insatser = [i for i in snap.insatser if not covered or i.terms.id in covered]
    if not final and end[:4].isdigit():   # a delredovisning: money and reach up to its year
        last = int(end[:4])
        insatser = [replace(i, spending=[s for s in i.spending if s.year <= last],
                            reached=[r for r in i.reached if r.year <= last])
                    for i in insatser]
    by_kind: dict[str, int] = {k.label: 0 for k in CostKind}
    for i in insatser:
        for s in i.spending:
            by_kind[s.cost_kind.label] += s.used_kr
    granted = sum(i.granted_kr for i in insatser)
    used = sum(i.used_kr for i in insatser)
    paid = sum(r.amount_kr for r in snap.receipts.values() if final or r.paid_date <= end)
    return ReportDocument(
        kind=report.kind.value, title=report_title(snap, report),
        organiser_name=snap.organiser_name, engagement_title=snap.engagement_title,
        dnr=snap.agreement.dnr or snap.dnr, agreement_name=snap.agreement.name,
        period_start=start, period_end=end, due_date=report.due_date, date=today,
        author=snap.author, status=work.status.label,
        content_points=list(report.content_points), summary=work.summary,
        results_text=work.results_text, ownership_text=work.ownership_text if final else "",
        insatser=[_insats(snap, i, start, end, final) for i in insatser],
        trends=_trends(snap), used_by_cost_kind={k: v for k, v in by_kind.items() if v},
        granted_kr=granted, used_kr=used, unspent_kr=granted - used, paid_kr=paid,
        to_repay_kr=max(paid - used, 0) if final else 0)


def draft_texts(doc: ReportDocument) -> tuple[str, str]:
    """A first wording of the report's two main texts from the data, for the
    processtödjare and the huvudman to rewrite: what was done per insats, and the
    goals judged and key figures against the baseline."""
    done = []
    for i in doc.insatser:
        line = f"{i.title}: {i.status.lower()}"
        if i.done:
            line += f"; {len(i.done)} genomförda moment under perioden"
        if i.reached_count:
            line += f"; {i.reached_count} deltagare har nåtts"
        done.append(line + ".")
    results = [f"{i.title} – {g.horizon.lower()} ”{g.goal.rstrip('.')}”: {g.judgement.lower()}"
               + (f" ({g.evidence.rstrip('.')})" if g.evidence else "") + "."
               for i in doc.insatser for g in i.goals]
    for t in doc.trends:
        first, last = t.points[0], t.points[-1]
        if len(t.points) > 1:
            results.append(f"{t.label}: {first[1]} år {first[0]} och {last[1]} år {last[0]} "
                           f"(riket {last[2]}).")
    return "\n".join(done), "\n".join(results)
