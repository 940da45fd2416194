"""Reporting obligations: each delredovisning and the slutredovisning, with its due
date, the insatser it covers and the content the agreement requires."""

from __future__ import annotations

from dataclasses import dataclass, field

from .agreement_kinds import ReportKind
from .agreement_texts import FINAL_REPORT_POINTS, INTERIM_REPORT_POINTS
from .coded import is_member
from .errors import FieldError, raise_if
from .fields import LONG_TEXT_MAX, check_date, check_text, parse_date
from .ids import new_id


@dataclass
class ReportObligation:
    agreement_id: str
    kind: ReportKind
    due_date: str
    terms_ids: list[str] = field(default_factory=list)   # insatser covered; empty: all
    content_points: list[str] = field(default_factory=list)
    text: str = ""                   # further wording ("Skolverket granskar … och fattar beslut")
    position: int = 0
    id: str = field(default_factory=new_id)

    @property
    def label(self) -> str:
        return f"{self.kind.label} {self.due_date}".strip()


def default_points(kind: ReportKind) -> list[str]:
    return list(FINAL_REPORT_POINTS if kind is ReportKind.FINAL else INTERIM_REPORT_POINTS)


def validate_report(r: ReportObligation, period_start: str = "") -> list[FieldError]:
    """`period_start` is the agreement's: a report cannot be due before the work starts."""
    checks = {
        "kind": None if is_member(r.kind, ReportKind) else "Okänd typ av redovisning.",
        "due_date": check_date(r.due_date, "Sista dag för redovisningen", required=True),
        "text": check_text(r.text, "Text", max_len=LONG_TEXT_MAX),
    }
    due, start = parse_date(r.due_date), parse_date(period_start)
    if not checks["due_date"] and due and start and due < start:
        checks["due_date"] = (f"Redovisningen kan inte lämnas {r.due_date}, före "
                              f"överenskommelsens period börjar ({period_start}).")
    errors = [FieldError(k, v) for k, v in checks.items() if v]
    errors += [FieldError("content_points", f"Innehåll, punkt {n}: {msg}")
               for n, point in enumerate(r.content_points, 1)
               if (msg := check_text(point, "texten", max_len=2000))]
    return errors


def check_report(r: ReportObligation, period_start: str = "") -> None:
    raise_if(validate_report(r, period_start))
