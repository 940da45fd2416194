"""The cover page and the table of contents page."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, NextPageTemplate, PageBreak, Table

from ...domain.plan_document import PlanDocument
from .contents import contents_entries
from .document import BODY
from .headings import Heading, HeadingMaker
from .layout import Spacer
from .paragraph import Paragraph
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
    TableCommand,
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
    table = facts_table([(label, markup(value)) for label, value in facts
                         if markup(value)],   # what is not known is left out
                        ("TOPPADDING", (0, 0), (-1, -1), 5),
                        ("TOPPADDING", (0, 0), (0, -1), 6.5),  # smaller labels: same baseline
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 1), split_in_row=True)
    return cover(
        kicker=markup(doc.engagement_title) or None, title="Åtgärdsplan",
        organiser=markup(doc.organiser_name) or DASH,
        subtitle=f"Version {doc.version}" + (f", {markup(doc.date)}" if doc.date.strip() else ""),
        facts=table, top=40 * mm, gap=62 * mm, rule_space_after=0)


def facts_table(facts: list[tuple[str, str]], *style: TableCommand,
                split_in_row: bool = False) -> Table:
    """The cover's label/value table; values already in markup."""
    rows = [[Paragraph(label, CELL_HEAD), Paragraph(value, FIELD)] for label, value in facts]
    return Table(rows, colWidths=[44 * mm, CONTENT_WIDTH - 44 * mm], hAlign="LEFT",
                 splitInRow=int(split_in_row),
                 renderCB=TableTags(header_rows=0, header_columns=1),
                 style=table_style(
                     ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
                     ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                     ("LEFTPADDING", (0, 0), (0, -1), 0),
                     *style))


def cover(*, kicker: str | None, title: str, organiser: str, subtitle: str, facts: Table,
          top: float, gap: float, rule_space_after: float = 1,
          after: Sequence[Flowable] = ()) -> list[Flowable]:
    """A cover page (texts in markup; no kicker paragraph when None): kicker, title,
    organiser and subtitle over an accent rule, then the facts and `after`; the body
    pages follow."""
    return [
        Spacer(1, top),
        *([Paragraph(kicker, COVER_KICKER)] if kicker is not None else []),
        Heading(title, COVER_TITLE, level=1),
        Paragraph(organiser, COVER_ORGANISER),
        Paragraph(subtitle, COVER_SUBTITLE),
        Spacer(1, 6 * mm),
        HRFlowable(width=32 * mm, thickness=2.5, color=ACCENT, hAlign="LEFT",
                   spaceAfter=rule_space_after),
        Spacer(1, gap),
        facts,
        *after,
        NextPageTemplate(BODY),
        PageBreak(),
    ]


def contents_page(headings: HeadingMaker) -> list[Flowable]:
    """The contents of every heading made so far (make the chapters first)."""
    entries = contents_entries(headings.entries)
    return [*headings.unlisted("Innehåll"), *entries, PageBreak()]
