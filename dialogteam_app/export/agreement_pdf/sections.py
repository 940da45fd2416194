"""The chapters of an agreement up to the slutredovisning, in the order of the
Stockholm ÖK 2: parter, bakgrund, handlingar, tidsperiod, insatser per
utvecklingsområde, tidplan och delredovisningar, slutredovisning."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Table

from ...domain import agreement_outline as outline
from ...domain.agreement_document import AgreementDocument, DocArea, DocParty, DocTerms
from ...domain.agreement_outline import Chapter
from ..pdf.headings import Heading
from ..pdf.layout import SideBySide, Spacer
from ..pdf.paragraph import Paragraph
from ..pdf.structure import TableTags
from ..pdf.styles import (
    ACCENT,
    BODY,
    BULLET,
    CELL,
    CELL_BOLD,
    CONTENT_WIDTH,
    COVER_KICKER,
    SMALL,
    UNNUMBERED_H1,
    table_style,
)
from ..pdf.text import bullets, markup, paragraphs
from .headings import AgreementHeadings, subsection

TITLE = UNNUMBERED_H1.clone("agreementTitle", fontSize=15, leading=20, spaceBefore=4,
                            spaceAfter=10)
DRAFT_NOTE = SMALL.clone("draftNote", textColor=ACCENT, spaceAfter=6)


def title_block(doc: AgreementDocument) -> list[Flowable]:
    parts: list[Flowable] = [Paragraph(markup(doc.kind), COVER_KICKER),
                             Heading(markup(doc.title), TITLE, level=1)]
    if doc.draft:
        parts.append(Paragraph(outline.DRAFT_NOTE, DRAFT_NOTE))
    return parts


def _party(party: DocParty, note: str = "") -> Paragraph:
    lines = [f"<b>{markup(party.name)}</b>" + (f" {markup(note)}" if note else "")]
    lines += [markup(line) for line in outline.party_lines(party)]
    return Paragraph("<br/>".join(lines), CELL)


def parties(ch: Chapter, doc: AgreementDocument,
            headings: AgreementHeadings) -> list[Flowable]:
    """The two parties side by side: two address blocks, not a table of data."""
    return [*headings.chapter(ch.number, ch.title),
            HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceAfter=5),
            SideBySide([_party(doc.skolverket),
                        _party(doc.organiser, "(nedan kallad Huvudmannen)")], 8 * mm)]


def background(ch: Chapter, doc: AgreementDocument,
               headings: AgreementHeadings) -> list[Flowable]:
    return [*headings.chapter(ch.number, ch.title),
            *paragraphs("\n\n".join(doc.background))]


def documents(ch: Chapter, doc: AgreementDocument,
              headings: AgreementHeadings) -> list[Flowable]:
    listed = [Paragraph(markup(d), BULLET, bulletText=f"{n}.")
              for n, d in enumerate(doc.documents, 1)]
    return [*headings.chapter(ch.number, ch.title),
            Paragraph(markup(outline.documents_intro(doc)), BODY), *listed]


def period(ch: Chapter, doc: AgreementDocument, headings: AgreementHeadings) -> list[Flowable]:
    parts = [*headings.chapter(ch.number, ch.title),
             *paragraphs(doc.period_sentence, empty=outline.PERIOD_MISSING)]
    if doc.areas:
        parts.append(Paragraph(outline.PERIOD_AREAS, BODY))
    return parts


def area(ch: Chapter, doc: AgreementDocument, headings: AgreementHeadings) -> list[Flowable]:
    """One utvecklingsområde's chapter: its insatser."""
    assert ch.area is not None
    story: list[Flowable] = headings.chapter(ch.number, ch.title)
    for ti, terms in enumerate(ch.area.terms, 1):
        story += _terms(f"{ch.number}.{ti}", terms, headings)
    return story


def _terms(number: str, t: DocTerms, headings: AgreementHeadings) -> list[Flowable]:
    described, duties, *funded = outline.terms_parts(number, t)
    parts: list[Flowable] = [
        *headings.section(number, t.title),
        *subsection(*described),
        *paragraphs(t.description),
        *paragraphs(t.period_sentence, empty=""),
    ]
    if t.participants:
        parts.append(Paragraph("<b>Deltagare:</b> " + markup(", ".join(t.participants)), BODY))
    parts += [*subsection(*duties),
              *_duties("Huvudmannen", t.organiser_duties),
              *_duties("Skolverket", t.skolverket_duties),
              *(Paragraph(markup(s), BODY) for s in t.role_sentences)]
    for part in funded:
        parts += [*subsection(*part), *(Paragraph(markup(s), BODY) for s in t.funding)]
    return parts


def _duties(party: str, duties: list[str]) -> list[Flowable]:
    """One duty reads as a sentence, several as the agreement's list."""
    if not duties:
        return []
    lead, items = outline.duties(party, duties)
    if not items:
        return [Paragraph(markup(lead), BODY)]
    return [Paragraph(markup(lead), BODY), *bullets(items), Spacer(1, 2 * mm)]


def schedule(ch: Chapter, doc: AgreementDocument, headings: AgreementHeadings) -> list[Flowable]:
    story: list[Flowable] = headings.chapter(ch.number, ch.title)
    for ai, a in enumerate(doc.areas, 1):
        story += _area_schedule(f"{ch.number}.{ai}", a, headings)
    if not doc.areas:
        story += paragraphs("", empty=outline.NO_TERMS)
    return story


def _area_schedule(number: str, a: DocArea, headings: AgreementHeadings) -> list[Flowable]:
    parts: list[Flowable] = [*headings.section(number, outline.area_schedule_title(a)),
                             *paragraphs(a.schedule_sentence, empty=outline.NO_SCHEDULE)]
    if a.interim_sentence:
        parts += [Paragraph(markup(a.interim_sentence), BODY), *bullets(a.interim_points)]
    else:
        parts += paragraphs("", empty=outline.NO_INTERIM)
    return parts


def final_report(ch: Chapter, doc: AgreementDocument,
                 headings: AgreementHeadings) -> list[Flowable]:
    parts: list[Flowable] = headings.chapter(ch.number, ch.title)
    if not doc.final_due:
        return parts + paragraphs("", empty=outline.NO_FINAL)
    return parts + [Paragraph(markup(doc.final_sentence), BODY), *bullets(doc.final_points),
                    Spacer(1, 2 * mm), *paragraphs(doc.final_text, empty="")]


def funders_table(doc: AgreementDocument) -> Table:
    """Who gives what, as stated: no shares, since a part without an amount makes
    any share unknown."""
    rows = [[Paragraph(markup(f), CELL_BOLD), Paragraph(markup(what), CELL)]
            for f, what in doc.funders]
    return Table(rows, colWidths=[45 * mm, CONTENT_WIDTH - 45 * mm], hAlign="LEFT",
                 renderCB=TableTags(header_rows=0, header_columns=1),
                 style=table_style(("LEFTPADDING", (0, 0), (0, -1), 0),
                                   ("LINEBELOW", (0, 0), (-1, -1), 0.3, ACCENT)))
