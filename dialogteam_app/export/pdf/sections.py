"""The chapters of the plan, in the order of a Skolverket åtgärdsplan."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak

from ...domain.plan_document import DocArea, PlanDocument
from .cost_tables import (
    area_summary_table,
    breakdown_table,
    plan_cost_table,
)
from .headings import FIRST_AREA_CHAPTER, HeadingMaker, area_number, intervention_number, subheading
from .intervention import intervention_section
from .layout import SideBySide, Spacer
from .paragraph import Paragraph
from .structure import LIST_ITEM_MORE
from .styles import BODY, BULLET, CONTENT_WIDTH, FIELD, SMALL
from .text import bullets, labelled, numbered, paragraphs
from .timeline import Timeline, TimelineLegend, scale_for, timeline_rows


def plan_chapters(doc: PlanDocument, headings: HeadingMaker) -> list[Flowable]:
    """Every chapter after the table of contents. Each starts on a new page but
    Erfarenhetsspridning, a short text that follows the risks."""
    after_areas = FIRST_AREA_CHAPTER + len(doc.areas)
    story: list[Flowable] = _background(doc, headings)
    for ai, area in enumerate(doc.areas):
        story += [PageBreak(), *_area(ai, area, headings)]
    story += [PageBreak(), *_strengths_and_risks(str(after_areas), doc, headings),
              Spacer(1, 6 * mm), *_experience_spreading(str(after_areas + 1), doc, headings),
              PageBreak(), *_timeline(str(after_areas + 2), doc, headings),
              PageBreak(), *_costs(str(after_areas + 3), doc, headings)]
    return story


def _background(doc: PlanDocument, headings: HeadingMaker) -> list[Flowable]:
    return [
        *headings.chapter("1", "Bakgrund"),
        *paragraphs(doc.background, empty="Bakgrunden är inte ifylld ännu."),
        *subheading("Delaktighet i nulägesanalysen", level=2),
        *paragraphs(doc.participation, empty="Delaktigheten är inte beskriven ännu."),
    ]


def _area(ai: int, area: DocArea, headings: HeadingMaker) -> list[Flowable]:
    problems = [p for p in area.problems if p.strip()]
    parts: list[Flowable] = [
        Paragraph("Utvecklingsområde", SMALL),  # its number is the chapter's, as everywhere
        *headings.chapter(area_number(ai), area.title),
        *(paragraphs(area.description) if area.description.strip() else []),
        *subheading("Problem som utvecklingsområdet ska åtgärda", level=2),
        *(bullets(problems) if problems else paragraphs(
            "", empty="Inget prioriterat problem är kopplat till utvecklingsområdet ännu.")),
        *subheading("Insatser", level=2),
    ]
    if area.interventions:
        parts.append(area_summary_table(ai, area))
    else:
        parts += paragraphs("", empty="Inga insatser är planerade inom utvecklingsområdet.")
    for ii, iv in enumerate(area.interventions):
        parts += intervention_section(intervention_number(ai, ii), iv, headings)
    return parts


_INDENTED = FIELD.clone("indentedField", leftIndent=BULLET.leftIndent, spaceAfter=7)


def _strengths_and_risks(number: str, doc: PlanDocument,
                         headings: HeadingMaker) -> list[Flowable]:
    parts: list[Flowable] = [
        *headings.chapter(number, "Styrkor och risker"),
        *subheading("Styrkor", level=2),
        *paragraphs(doc.strengths, empty="Styrkorna är inte beskrivna ännu."),
        *subheading("Risker och hur de förebyggs", level=2),
    ]
    risks = [r for r in doc.risks if r.risk.strip() or r.prevention.strip()]
    for i, risk in enumerate(risks, 1):
        item, *more_of_it = numbered(f"{i}.", risk.risk, BULLET)
        parts.append(item)
        for more in more_of_it:
            more.pdf_role = LIST_ITEM_MORE  # a long risk's later pieces: the same list item
            parts.append(more)
        for more in labelled("Förebyggs genom", risk.prevention, _INDENTED) \
                if risk.prevention.strip() else []:
            more.pdf_role = LIST_ITEM_MORE  # part of the risk's list item
            parts.append(more)
    if not risks:
        parts += paragraphs("", empty="Inga risker är beskrivna ännu.")
    return parts


def _experience_spreading(number: str, doc: PlanDocument,
                          headings: HeadingMaker) -> list[Flowable]:
    return [*headings.chapter(number, "Erfarenhetsspridning"),
            *paragraphs(doc.experience_spreading,
                        empty="Erfarenhetsspridningen är inte beskriven ännu.")]


def _timeline(number: str, doc: PlanDocument, headings: HeadingMaker) -> list[Flowable]:
    parts: list[Flowable] = headings.chapter(number, "Tidplan")
    rows = timeline_rows(doc)
    scale = scale_for(rows)
    if scale is None:
        return parts + paragraphs("", empty="Ingen insats har start- eller slutdatum ännu.")
    return parts + [
        Paragraph("Insatsernas tidplan per utvecklingsområde. Staplarna visar när varje insats "
                  "pågår och romberna insatsens delmål.", BODY),
        Spacer(1, 2 * mm),
        TimelineLegend(),
        Spacer(1, 2 * mm),
        Timeline(rows, scale),
    ]


def _costs(number: str, doc: PlanDocument, headings: HeadingMaker) -> list[Flowable]:
    parts: list[Flowable] = [
        *headings.chapter(number, "Kostnader"),
        Paragraph("Beräknade kostnader i tusental kronor (tkr), per insats och finansiär, "
                  "med summa för varje utvecklingsområde.", BODY),
        plan_cost_table(doc),
        Spacer(1, 8 * mm),
    ]
    gap = 10 * mm
    column = (CONTENT_WIDTH - gap) / 2
    shares = doc.funder_shares_known
    breakdowns = SideBySide(
        [breakdown_table("Per finansiär", doc.total_by_funder, doc.total_kr, column, shares),
         breakdown_table("Per år", doc.total_by_year, doc.total_kr, column)], gap)
    note = [] if shares or not doc.total_kr else [Paragraph(
        "Andelen per finansiär anges inte: alla finansiärers kostnader är inte angivna.", SMALL)]
    return parts + [KeepTogether([*subheading("Fördelning", level=2), breakdowns,
                                  Spacer(1, 3 * mm), *note])]
