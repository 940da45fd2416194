"""The closing chapters: money (when Skolverket pays), brister och återkrav,
utvärdering, ändringar och tillägg, the signature blocks and the bilagor."""

from __future__ import annotations

from itertools import zip_longest
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from ...domain import agreement_outline as outline
from ...domain.agreement_document import AgreementDocument, DocMoney, DocSignatory
from ...domain.agreement_outline import Chapter
from ...domain.money import format_kr
from ..pdf.fonts import BOLD
from ..pdf.layout import CondPageBreak, Spacer
from ..pdf.paragraph import Paragraph
from ..pdf.structure import TableTags
from ..pdf.styles import (
    ACCENT,
    BODY,
    CELL,
    CELL_HEAD,
    CELL_HEAD_NUM,
    CONTENT_WIDTH,
    INK,
    RULE,
    TINT,
    table_style,
)
from ..pdf.text import DASH, bullets, markup, paragraphs
from .headings import SECTION_TAG, AgreementHeadings, subsection
from .sections import funders_table

SIGNATURE_ROOM = 70 * mm


def money(ch: Chapter, doc: AgreementDocument, headings: AgreementHeadings) -> list[Flowable]:
    m = doc.money
    parts: list[Flowable] = headings.chapter(ch.number, ch.title)
    for number, title in outline.money_parts(ch.number, doc):
        parts += subsection(number, title, SECTION_TAG)
        if number.endswith(".1"):
            parts += [funders_table(doc), Spacer(1, 2 * mm)]
        elif m is not None and number.endswith(".2"):
            parts += [Paragraph(outline.PAYMENTS_INTRO, BODY), _payments_table(m),
                      Spacer(1, 3 * mm)]
        elif m is not None and number.endswith(".3"):
            parts.append(_facts_table(m.rekvisition))
        elif m is not None:
            parts.append(Paragraph(markup(m.repayment_sentence), BODY))
    return parts


def _payments_table(m: DocMoney) -> Table:
    rows: list[list[Any]] = [[Paragraph("Datum", CELL_HEAD), Paragraph("Utbetalning", CELL_HEAD),
                              Paragraph("Belopp", CELL_HEAD_NUM)]]
    for date, kr, on_requisition in m.payments:
        rows.append([date, "Efter rekvisition" if on_requisition else "Kvartalsvis i förskott",
                     format_kr(kr)])
    rows.append(["Summa", "", format_kr(sum(kr for _, kr, _ in m.payments))])
    last = len(rows) - 1
    return Table(rows, colWidths=[30 * mm, CONTENT_WIDTH - 65 * mm, 35 * mm], hAlign="LEFT",
                 repeatRows=1, renderCB=TableTags(), style=table_style(
                     ("ALIGN", (2, 0), (2, -1), "RIGHT"),
                     ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                     ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                     ("FONTNAME", (0, last), (-1, last), BOLD),
                     ("LINEABOVE", (0, last), (-1, last), 0.8, INK),
                     ("BACKGROUND", (0, last), (-1, last), TINT)))


def _facts_table(facts: list[tuple[str, str]]) -> Table:
    rows = [[Paragraph(markup(label), CELL_HEAD), Paragraph(markup(value) or DASH, CELL)]
            for label, value in facts]
    return Table(rows, colWidths=[45 * mm, CONTENT_WIDTH - 45 * mm], hAlign="LEFT",
                 renderCB=TableTags(header_rows=0, header_columns=1),
                 style=table_style(("LEFTPADDING", (0, 0), (0, -1), 0),
                                   ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE)))


def breach(ch: Chapter, doc: AgreementDocument, headings: AgreementHeadings) -> list[Flowable]:
    parts = [*headings.chapter(ch.number, ch.title), *paragraphs(doc.breach_text)]
    if doc.money is not None:
        parts += paragraphs(doc.money.reclaim_text, empty="")
    return parts


def evaluation(ch: Chapter, doc: AgreementDocument,
               headings: AgreementHeadings) -> list[Flowable]:
    return [*headings.chapter(ch.number, ch.title), *paragraphs(doc.evaluation_text)]


def changes(ch: Chapter, doc: AgreementDocument, headings: AgreementHeadings) -> list[Flowable]:
    parts = [*headings.chapter(ch.number, ch.title), *paragraphs(doc.changes_text)]
    if doc.own_changes:
        parts += [Paragraph(markup(outline.own_changes_lead(doc)), BODY),
                  *bullets(doc.own_changes)]
    if doc.amendments:
        parts += [Paragraph(outline.AMENDED_BY, BODY), *bullets(doc.amendments)]
    return parts + paragraphs(doc.copies_text)


def _signature_cell(s: DocSignatory | None) -> list[Flowable]:
    """A signatory's place, date, line, name and title; None: a blank one to fill in."""
    where = " ".join(p for p in (s.place.strip(), s.date.strip()) if p) if s else ""
    parts = [Paragraph(markup(where) or "Ort och datum:", CELL), Spacer(1, 14 * mm), _Line()]
    if s is not None:
        parts += [Paragraph(f"<b>{markup(s.name)}</b>", CELL), Paragraph(markup(s.title), CELL)]
    else:
        parts.append(Paragraph("Namnförtydligande:", CELL))
    return parts


class _Line(Flowable):  # type: ignore[misc]  # reportlab has no stubs: its classes are Any
    """The line to sign on: not content, an artifact."""

    pdf_role = "Artifact"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(avail_width, 70 * mm)
        return self.width, 3

    def draw(self) -> None:
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(0.6)
        self.canv.line(0, 2, self.width, 2)


def signatures(ch: Chapter, doc: AgreementDocument,
               headings: AgreementHeadings) -> list[Flowable]:
    by_party: dict[str, list[DocSignatory]] = {"Skolverket": [], "Huvudmannen": []}
    for s in doc.signatories:
        by_party.setdefault(s.party, []).append(s)
    left, right = by_party["Skolverket"], by_party["Huvudmannen"]
    rows: list[list[Any]] = [[Paragraph("<b>För Skolverket</b>", CELL),
                              Paragraph(f"<b>För {markup(doc.organiser.name)}</b>", CELL)]]
    # A party nobody is named for yet gets a blank block to sign on paper.
    blank: list[DocSignatory | None] = [None]
    columns = [[_signature_cell(s) for s in (people or blank)] for people in (left, right)]
    rows += [list(pair) for pair in zip_longest(*columns, fillvalue="")]
    half = CONTENT_WIDTH / 2
    table = Table(rows, colWidths=[half, half], hAlign="LEFT", renderCB=TableTags(header_rows=1),
                  style=table_style(("LEFTPADDING", (0, 0), (0, -1), 0),
                                    ("BOTTOMPADDING", (0, 1), (-1, -1), 10)))
    parts: list[Flowable] = [CondPageBreak(SIGNATURE_ROOM),
                             *headings.unnumbered(ch.title), table]
    for r in doc.reviewers:
        parts += [CondPageBreak(30 * mm), Spacer(1, 4 * mm),
                  Paragraph(markup(outline.reviewed_by(r.title)), BODY),
                  Spacer(1, 10 * mm), _Line(), Paragraph(f"<b>{markup(r.name)}</b>", CELL)]
    return parts


def bilagor(ch: Chapter, doc: AgreementDocument,
            headings: AgreementHeadings) -> list[Flowable]:
    parts: list[Flowable] = headings.unnumbered(ch.title)
    if not doc.bilagor:
        return parts + paragraphs("", empty=outline.NO_BILAGOR)
    return parts + [Paragraph(markup(b), BODY) for b in doc.bilagor]

