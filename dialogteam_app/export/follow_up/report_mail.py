"""File name, subject and body for a report sent as PDF in an e-mail draft."""

from __future__ import annotations

from ...domain.report_document import ReportDocument
from ..file_names import safe_file_stem


def suggested_report_name(doc: ReportDocument) -> str:
    """'Delredovisning 1 Sjöviks kommun 2026-06-25.pdf'."""
    return safe_file_stem(" ".join(p for p in (doc.title, doc.organiser_name, doc.date)
                                   if p)) + ".pdf"


def report_subject(doc: ReportDocument) -> str:
    return f"{doc.title} – {doc.organiser_name}"


def report_body(doc: ReportDocument, to_name: str = "") -> str:
    greeting = f"Hej {to_name.strip()}!" if to_name.strip() else "Hej!"
    lines = [greeting, "",
             f"Här kommer {doc.title.lower()} för {doc.organiser_name} inom "
             f"{doc.engagement_title}, perioden {doc.period_start} – {doc.period_end}. "
             "Redovisningen finns som PDF i bilagan.", "",
             "Hör gärna av dig om något behöver förtydligas.", "", "Med vänliga hälsningar"]
    if doc.author.strip():
        lines.append(doc.author.strip())
    return "\n".join(lines) + "\n"
