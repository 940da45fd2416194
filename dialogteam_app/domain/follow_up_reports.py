"""The work on one reporting obligation of the agreement: the texts the processtödjare
and the huvudman write, and its status utkast → inlämnad (date) → granskad (date,
Skolverket's comment). On submission the report document is frozen, so what was
handed in reads the same whatever is followed up afterwards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .agreement_reports import ReportObligation
from .coded import UNKNOWN_VALUE, Coded, is_member
from .errors import FieldError, raise_if
from .fields import LONG_TEXT_MAX, check_date, check_text, parse_date
from .follow_up import one_per


class ReportStatus(Coded):
    DRAFT = "utkast"
    SUBMITTED = "inlamnad"
    REVIEWED = "granskad"

    @property
    def label(self) -> str:
        return {"utkast": "Utkast", "inlamnad": "Inlämnad",
                "granskad": "Granskad, beslut fattat"}.get(self.value, UNKNOWN_VALUE)


@dataclass
class ReportWork:
    report_id: str
    status: ReportStatus = ReportStatus.DRAFT
    submitted_date: str = ""
    reviewed_date: str = ""
    decision_comment: str = ""
    summary: str = ""          # what was done in the areas, in the huvudman's words
    results_text: str = ""     # results and effects against goals and key figures
    ownership_text: str = ""   # slutredovisning: how the huvudman takes long-term ownership
    frozen_json: str = ""      # the ReportDocument as submitted
    id: str = ""

    def __post_init__(self) -> None:
        self.id = self.id or one_per("redovisning", self.report_id)

    @property
    def frozen(self) -> bool:
        return self.status is not ReportStatus.DRAFT


@dataclass(frozen=True)
class ReportPeriod:
    """What a report covers: from the previous report's due date (or the agreement's
    start) to its own due date."""
    start: str
    end: str


def report_periods(reports: list[ReportObligation], period_start: str
                   ) -> dict[str, ReportPeriod]:
    ordered = sorted(reports, key=lambda r: (r.due_date, r.position))
    periods: dict[str, ReportPeriod] = {}
    start = period_start
    for r in ordered:
        periods[r.id] = ReportPeriod(start or r.due_date, r.due_date)
        start = r.due_date
    return periods


def report_number(reports: list[ReportObligation], report_id: str) -> int | None:
    """1, 2, … in due-date order: `--report N` on the command line."""
    ordered = sorted(reports, key=lambda r: (r.due_date, r.position))
    return next((n for n, r in enumerate(ordered, 1) if r.id == report_id), None)


def validate_report_work(w: ReportWork, period: ReportPeriod | None,
                         today: date) -> list[FieldError]:
    checks: dict[str, str | None] = {
        "status": None if is_member(w.status, ReportStatus) else "Okänd status.",
        "submitted_date": check_date(w.submitted_date, "Inlämnad"),
        "reviewed_date": check_date(w.reviewed_date, "Granskad"),
        "decision_comment": check_text(w.decision_comment, "Skolverkets kommentar",
                                       max_len=LONG_TEXT_MAX),
        "summary": check_text(w.summary, "Genomförda insatser", max_len=LONG_TEXT_MAX),
        "results_text": check_text(w.results_text, "Resultat och effekter",
                                   max_len=LONG_TEXT_MAX),
        "ownership_text": check_text(w.ownership_text, "Långsiktigt ägarskap",
                                     max_len=LONG_TEXT_MAX),
    }
    submitted, reviewed = parse_date(w.submitted_date), parse_date(w.reviewed_date)
    if w.status is not ReportStatus.DRAFT and not w.submitted_date and not checks["submitted_date"]:
        checks["submitted_date"] = "Ange datum då redovisningen lämnades in."
    if w.status is ReportStatus.REVIEWED and not w.reviewed_date and not checks["reviewed_date"]:
        checks["reviewed_date"] = "Ange datum för Skolverkets granskning och beslut."
    if submitted and not checks["submitted_date"]:
        start = parse_date(period.start) if period else None
        if submitted > today:
            checks["submitted_date"] = (f"Inlämnad {w.submitted_date} ligger i framtiden "
                                        f"(i dag är det {today.isoformat()}).")
        elif period and start and submitted < start:
            checks["submitted_date"] = (
                f"Redovisningen kan inte ha lämnats in {w.submitted_date}, före perioden den "
                f"redovisar ({period.start} – {period.end}).")
    if reviewed and not checks["reviewed_date"]:
        if reviewed > today:
            checks["reviewed_date"] = (f"Granskad {w.reviewed_date} ligger i framtiden "
                                       f"(i dag är det {today.isoformat()}).")
        elif submitted and reviewed < submitted:
            checks["reviewed_date"] = (f"Granskad {w.reviewed_date} ligger före inlämningen "
                                       f"{w.submitted_date}.")
    return [FieldError(k, v) for k, v in checks.items() if v]


def check_report_work(w: ReportWork, period: ReportPeriod | None, today: date) -> None:
    raise_if(validate_report_work(w, period, today))
