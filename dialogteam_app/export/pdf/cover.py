"""The cover page and the table of contents page."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from ...domain.plan_document import PlanDocument
from .contents import contents_entries
from .document import BODY
from .headings import Heading, HeadingMaker
from .structure import TableTags
from .styles import (
    ACCENT,
    CELL_HEAD,
    CONTENT_WIDTH,
    COVER_KICKER,
    COVER_ORGANISER,
    COVER_SUBTITLE,
    COVER_TITLE,
    FIELD,
    RULE,
    table_style,
)
from .text import DASH, markup


def cover_page(doc: PlanDocument) -> list[Flowable]:
    facts = [
        ("Huvudman", doc.organiser_name),
        ("Samverkan", doc.engagement_title),
        ("Diarienummer", doc.dnr),
        ("Version", str(doc.version)),
        ("Datum", doc.date),
        ("Skolenheter", ", ".join(u for u in doc.school_units if u.strip())),
        ("Mottagare", doc.recipient),
        ("Ansvarig processtödjare", doc.author),
    ]
    rows = [[Paragraph(label, CELL_HEAD), Paragraph(markup(value), FIELD)]
            for label, value in facts if markup(value)]  # what is not known is left out
    table = Table(rows, colWidths=[44 * mm, CONTENT_WIDTH - 44 * mm], hAlign="LEFT",
                  splitInRow=1, renderCB=TableTags(header_rows=0, header_columns=1),
                  style=table_style(
                      ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
                      ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                      ("LEFTPADDING", (0, 0), (0, -1), 0),
                      ("TOPPADDING", (0, 0), (-1, -1), 5),
                      ("TOPPADDING", (0, 0), (0, -1), 6.5),  # smaller labels: same baseline
                      ("BOTTOMPADDING", (0, 0), (-1, -1), 1)))
    kicker = markup(doc.engagement_title)
    return [
        Spacer(1, 40 * mm),
        *([Paragraph(kicker, COVER_KICKER)] if kicker else []),
        Heading("Åtgärdsplan", COVER_TITLE, level=1),
        Paragraph(markup(doc.organiser_name) or DASH, COVER_ORGANISER),
        Paragraph(f"Version {doc.version}" + (f", {markup(doc.date)}" if doc.date.strip() else ""),
                  COVER_SUBTITLE),
        Spacer(1, 6 * mm),
        HRFlowable(width=32 * mm, thickness=2.5, color=ACCENT, hAlign="LEFT", spaceAfter=0),
        Spacer(1, 62 * mm),
        table,
        NextPageTemplate(BODY),
        PageBreak(),
    ]


def contents_page(headings: HeadingMaker) -> list[Flowable]:
    """The contents of every heading made so far (make the chapters first)."""
    entries = contents_entries(headings.entries)
    return [*headings.unlisted("Innehåll"), *entries, PageBreak()]
