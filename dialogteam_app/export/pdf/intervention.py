"""One intervention (insats) with every field Skolverket asks for, under the
labels of a real åtgärdsplan. An empty field shows a dash, so every insats has
the same shape and a gap (no goal, no follow-up, no owner) is visible."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from ...domain.plan_document import DocIntervention
from .cost_tables import intervention_cost_table, milestone_table, period
from .headings import HeadingMaker, subheading
from .styles import FIELD
from .text import bullets, labelled, paragraphs

LIST_ROOM = 45  # a list's label is not left alone at the foot of a page


def intervention_section(number: str, iv: DocIntervention,
                         headings: HeadingMaker) -> list[Flowable]:
    return [
        *headings.section(number, iv.title),
        *_planned(iv),
        *_participants(iv),
        *_goals(iv),
        *subheading("Ansvar"), *paragraphs(iv.responsible),
        *subheading("Delaktighet"), *paragraphs(iv.participation),
        *_follow_up(iv),
        *_schedule(iv),
        *_cost(iv),
    ]


def _planned(iv: DocIntervention) -> list[Flowable]:
    return [
        *subheading("Planerad insats och koppling till utvecklingsområdet"),
        *paragraphs(iv.description),
        *_list("Orsaker som insatsen ska åtgärda", iv.causes),
        *labelled("Forskningsstödda framgångsfaktorer",
                  ", ".join(f for f in iv.factors if f.strip()), FIELD),
    ]


def _participants(iv: DocIntervention) -> list[Flowable]:
    count = f"cirka {iv.approx_participants}" if iv.approx_participants is not None else ""
    return [
        *subheading("Deltagare och planering av insatsen"),
        *labelled("Deltagare", iv.participant_groups, FIELD),
        *labelled("Skolenheter", ", ".join(u for u in iv.school_units if u.strip()), FIELD),
        *labelled("Ungefärligt antal deltagare", count, FIELD),
        *labelled("Personal", iv.resources_staff, FIELD),
        *labelled("Kompetensutveckling", iv.resources_training, FIELD),
        *labelled("Elevhälsa", iv.resources_student_health, FIELD),
        *labelled("Övrigt", iv.resources_other, FIELD),
    ]


def _goals(iv: DocIntervention) -> list[Flowable]:
    return [
        *subheading("Mål och förväntade effekter"),
        *labelled("Mål på kort sikt", iv.goals_short, FIELD),
        *labelled("Mål på lång sikt", iv.goals_long, FIELD),
        *labelled("Förväntade effekter", iv.expected_effects, FIELD),
    ]


def _follow_up(iv: DocIntervention) -> list[Flowable]:
    return [
        *subheading("Uppföljning och utvärdering"),
        *labelled("När", iv.follow_up_when, FIELD),
        *labelled("Hur", iv.follow_up_how, FIELD),
        *labelled("Vem", iv.follow_up_who, FIELD),
    ]


def _schedule(iv: DocIntervention) -> list[Flowable]:
    parts = [*subheading("Tidplan"), *labelled("Start–slut", period(iv.start, iv.end), FIELD)]
    if not iv.milestones:
        return parts + labelled("Delmål", "", FIELD)
    return parts + [CondPageBreak(LIST_ROOM), Paragraph("<b>Delmål:</b>", FIELD),
                    milestone_table(iv)]


def _cost(iv: DocIntervention) -> list[Flowable]:
    if not iv.costs:
        return [*subheading("Kostnad"), *paragraphs("")]
    return [*subheading("Kostnad", room=70), intervention_cost_table(iv), Spacer(1, 4)]


def _list(label: str, items: list[str]) -> list[Flowable]:
    items = [i for i in items if i.strip()]
    if not items:
        return labelled(label, "", FIELD)
    return [CondPageBreak(LIST_ROOM), Paragraph(f"<b>{escape(label)}:</b>", FIELD),
            *bullets(items)]
