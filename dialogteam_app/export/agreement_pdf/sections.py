"""The chapters of an agreement up to the slutredovisning, in the order of the
Stockholm ÖK 2: parter, bakgrund, handlingar, tidsperiod, insatser per
utvecklingsområde, tidplan och delredovisningar, slutredovisning."""

from __future__ import annotations

from collections.abc import Iterator

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer, Table

from ...domain.agreement_document import AgreementDocument, DocArea, DocParty, DocTerms
from ..pdf.headings import Heading
from ..pdf.layout import SideBySide
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
        parts.append(Paragraph("Utkast – överenskommelsen är inte undertecknad av båda parter.",
                               DRAFT_NOTE))
    return parts


def _party(party: DocParty, note: str = "") -> Paragraph:
    lines = [f"<b>{markup(party.name)}</b>" + (f" {markup(note)}" if note else "")]
    lines += [markup(line) for line in party.address.replace(", ", "\n").split("\n")
              if line.strip()]
    if party.phone.strip():
        lines.append(f"Telefon: {markup(party.phone)}")
    if party.orgnr.strip():
        lines.append(f"Organisationsnummer: {markup(party.orgnr)}")
    if party.dnr.strip():
        lines.append(f"Dnr: {markup(party.dnr)}")
    return Paragraph("<br/>".join(lines), CELL)


def parties(number: str, doc: AgreementDocument,
            headings: AgreementHeadings) -> list[Flowable]:
    """The two parties side by side: two address blocks, not a table of data."""
    return [*headings.chapter(number, "Parter"),
            HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceAfter=5),
            SideBySide([_party(doc.skolverket),
                        _party(doc.organiser, "(nedan kallad Huvudmannen)")], 8 * mm)]


def background(number: str, doc: AgreementDocument,
               headings: AgreementHeadings) -> list[Flowable]:
    return [*headings.chapter(number, "Bakgrund till Överenskommelsen"),
            *paragraphs("\n\n".join(doc.background))]


def documents(number: str, doc: AgreementDocument,
              headings: AgreementHeadings) -> list[Flowable]:
    listed = [Paragraph(markup(d), BULLET, bulletText=f"{n}.")
              for n, d in enumerate(doc.documents, 1)]
    name = "Tillägget" if doc.kind == "Tillägg" else f"Överenskommelsen ({doc.kind})"
    return [*headings.chapter(number, "Överenskommelsens handlingar"),
            Paragraph(f"Dokumenten som är kopplade till {markup(name)} gäller i den ordning som "
                      "anges nedan.", BODY), *listed]


def period(number: str, doc: AgreementDocument, headings: AgreementHeadings) -> list[Flowable]:
    parts = [*headings.chapter(number, "Överenskommelsens tidsperiod"),
             *paragraphs(doc.period_sentence, empty="Perioden är inte angiven.")]
    if doc.areas:
        parts.append(Paragraph("Nedan framgår tidplanen för respektive utvecklingsområde.", BODY))
    return parts


def areas(numbers: Iterator[int], doc: AgreementDocument,
          headings: AgreementHeadings) -> list[Flowable]:
    """One chapter per utvecklingsområde, numbered on from `numbers`."""
    story: list[Flowable] = []
    for area in doc.areas:
        number = str(next(numbers))
        story += headings.chapter(number, f"Insatser inom {area.title}" if area.title
                                  else "Insatser")
        for ti, terms in enumerate(area.terms, 1):
            story += _terms(f"{number}.{ti}", terms, headings)
    return story


def _terms(number: str, t: DocTerms, headings: AgreementHeadings) -> list[Flowable]:
    parts: list[Flowable] = [
        *headings.section(number, t.title),
        *subsection(f"{number}.1", "Beskrivning av insatsen"),
        *paragraphs(t.description),
        *paragraphs(t.period_sentence, empty=""),
    ]
    if t.participants:
        parts.append(Paragraph("<b>Deltagare:</b> " + markup(", ".join(t.participants)), BODY))
    parts += [*subsection(f"{number}.2", "Ansvar för insatsen"),
              *_duties("Huvudmannen", t.organiser_duties),
              *_duties("Skolverket", t.skolverket_duties),
              *(Paragraph(markup(s), BODY) for s in t.role_sentences)]
    if t.funding:
        parts += [*subsection(f"{number}.3", "Finansiering av insatsen"),
                  *(Paragraph(markup(s), BODY) for s in t.funding)]
    return parts


def _duties(party: str, duties: list[str]) -> list[Flowable]:
    """One duty reads as a sentence, several as the agreement's list."""
    if not duties:
        return []
    if len(duties) == 1:
        return [Paragraph(markup(f"{party} ansvarar för att {duties[0].rstrip('.,')}."), BODY)]
    return [Paragraph(f"{party} ansvarar för att", BODY), *bullets(duties), Spacer(1, 2 * mm)]


def schedule(number: str, doc: AgreementDocument, headings: AgreementHeadings) -> list[Flowable]:
    story: list[Flowable] = headings.chapter(number, "Tidplan och delredovisningar")
    for ai, area in enumerate(doc.areas, 1):
        story += _area_schedule(f"{number}.{ai}", area, headings)
    if not doc.areas:
        story += paragraphs("", empty="Överenskommelsen omfattar inga insatser.")
    return story


def _area_schedule(number: str, area: DocArea, headings: AgreementHeadings) -> list[Flowable]:
    title = f"Tidplan och delredovisningar av insatser som rör {area.title}" if area.title \
        else "Tidplan och delredovisningar"
    parts: list[Flowable] = [*headings.section(number, title),
                             *paragraphs(area.schedule_sentence, empty="Tidplan saknas.")]
    if area.interim_sentence:
        parts += [Paragraph(markup(area.interim_sentence), BODY), *bullets(area.interim_points)]
    else:
        parts += paragraphs("", empty="Inga delredovisningar är bestämda för området.")
    return parts


def final_report(number: str, doc: AgreementDocument,
                 headings: AgreementHeadings) -> list[Flowable]:
    parts: list[Flowable] = headings.chapter(number, "Slutredovisning")
    if not doc.final_due:
        return parts + paragraphs("", empty="Ingen slutredovisning är bestämd.")
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
