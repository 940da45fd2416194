"""One intervention (insats) with the fields Skolverket asks for, under the labels
of a real åtgärdsplan. Empty optional fields are left out; what every insats
should have but this one lacks is said once, at its end (DocIntervention.unfilled),
so a complete plan reads complete and a gap is still visible."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from ...domain.plan_document import DocIntervention
from ..typography import plain
from .cost_tables import intervention_cost_table, milestone_table, period
from .headings import HeadingMaker, subheading
from .layout import CondPageBreak, Spacer
from .paragraph import Paragraph
from .styles import EMPTY, FIELD
from .text import bullets, labelled, paragraphs

LIST_ROOM = 45  # a list's label is not left alone at the foot of a page


def intervention_section(number: str, iv: DocIntervention,
                         headings: HeadingMaker) -> list[Flowable]:
    unfilled = iv.unfilled()
    return [
        *headings.section(number, iv.title),
        *_block("Planerad insats och koppling till utvecklingsområdet", [
            *(paragraphs(iv.description) if iv.description.strip() else []),
            *_list("Orsaker som insatsen ska åtgärda", iv.causes),
            *_field("Forskningsstödda framgångsfaktorer",
                    ", ".join(f for f in iv.factors if f.strip()))]),
        *_block("Deltagare och planering av insatsen", [
            *_field("Deltagare", iv.participant_groups),
            *_field("Skolenheter", ", ".join(u for u in iv.school_units if u.strip())),
            *_field("Ungefärligt antal deltagare",
                    f"cirka {iv.approx_participants}" if iv.approx_participants is not None
                    else ""),
            *_field("Personal", iv.resources_staff),
            *_field("Kompetensutveckling", iv.resources_training),
            *_field("Elevhälsa", iv.resources_student_health),
            *_field("Övrigt", iv.resources_other)]),
        *_block("Mål och förväntade effekter", [
            *_field("Mål på kort sikt", iv.goals_short),
            *_field("Mål på lång sikt", iv.goals_long),
            *_field("Förväntade effekter", iv.expected_effects)]),
        *_block("Ansvar", paragraphs(iv.responsible) if iv.responsible.strip() else []),
        *_block("Delaktighet", paragraphs(iv.participation) if iv.participation.strip() else []),
        *_block("Uppföljning och utvärdering", [
            *_field("När", iv.follow_up_when),
            *_field("Hur", iv.follow_up_how),
            *_field("Vem", iv.follow_up_who)]),
        *_block("Tidplan", _schedule(iv)),
        *(_cost(iv) if iv.costs else []),
        *([Paragraph(escape(f"Inte ifyllt ännu: {', '.join(unfilled)}."), EMPTY)]
          if unfilled else []),
    ]


def _block(title: str, parts: list[Flowable]) -> list[Flowable]:
    """A subheading with its fields, or nothing when every field is empty."""
    return [*subheading(title), *parts] if parts else []


def _field(label: str, text: str) -> list[Flowable]:
    return labelled(label, text, FIELD) if plain(text).strip() else []


def _schedule(iv: DocIntervention) -> list[Flowable]:
    parts = _field("Start–slut", period(iv.start, iv.end) if iv.start or iv.end else "")
    if iv.milestones:
        parts += [CondPageBreak(LIST_ROOM), Paragraph("<b>Delmål:</b>", FIELD),
                  milestone_table(iv)]
    return parts


def _cost(iv: DocIntervention) -> list[Flowable]:
    return [*subheading("Kostnad", room=70), intervention_cost_table(iv), Spacer(1, 4)]


def _list(label: str, items: list[str]) -> list[Flowable]:
    items = [i for i in items if i.strip()]
    if not items:
        return []
    return [CondPageBreak(LIST_ROOM), Paragraph(f"<b>{escape(label)}:</b>", FIELD),
            *bullets(items)]
