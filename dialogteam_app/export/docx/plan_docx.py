"""The åtgärdsplan as a Word document: the same chapters, numbering and rules as
the PDF (pdf/sections.py), from the same PlanDocument, so huvudmän can edit it.
The timeline is a table (insats, start, slut, delmål) instead of a chart."""

from __future__ import annotations

from pathlib import Path

from ...domain.money import NBSP, to_tkr
from ...domain.plan_document import (
    FIRST_AREA_CHAPTER,
    DocArea,
    DocIntervention,
    PlanDocument,
    area_number,
    intervention_number,
)
from ..typography import keep_together
from .writer import DocxWriter


def render_plan_docx(doc: PlanDocument, path: Path) -> None:
    w = DocxWriter(title=doc.title, author=_author(doc), subject=f"Åtgärdsplan för "
                   f"{doc.organiser_name}, version {doc.version}",
                   keywords=("åtgärdsplan", doc.organiser_name))
    write_plan(w, doc)
    w.save(path)


def write_plan(w: DocxWriter, doc: PlanDocument, title: str = "Åtgärdsplan") -> None:
    """The plan's cover and chapters, into a document of its own or after an
    agreement (as Bilaga 1, `title` then names it so)."""
    _cover(w, doc, title)
    w.heading("1 Bakgrund", 1)
    w.paragraph(doc.background or "Bakgrunden är inte ifylld ännu.", muted=not doc.background)
    w.heading("Delaktighet i nulägesanalysen", 2)
    w.paragraph(doc.participation or "Delaktigheten är inte beskriven ännu.",
                muted=not doc.participation)
    for ai, area in enumerate(doc.areas):
        _area(w, ai, area)
    after = FIRST_AREA_CHAPTER + len(doc.areas)
    _strengths_and_risks(w, after, doc)
    w.heading(f"{after + 1} Erfarenhetsspridning", 1)
    w.paragraph(doc.experience_spreading or "Erfarenhetsspridningen är inte beskriven ännu.",
                muted=not doc.experience_spreading)
    _timeline(w, after + 2, doc)
    _costs(w, after + 3, doc)


def _author(doc: PlanDocument) -> str:
    return " ".join(doc.author.split()) or " ".join(doc.organiser_name.split()) or "Dialogteam"


def _cover(w: DocxWriter, doc: PlanDocument, title: str) -> None:
    w.title(title)
    w.paragraph(doc.organiser_name)
    facts = [("Huvudman", doc.organiser_name), ("Samverkan", doc.engagement_title),
             ("Diarienummer", doc.dnr), ("Version", str(doc.version)), ("Datum", doc.date),
             ("Skolenheter", ", ".join(u for u in doc.school_units if u.strip())),
             ("Mottagare", doc.recipient), ("Ansvarig processtödjare", doc.author)]
    for label, value in facts:
        w.labelled(label, value)
    w.page_break()


def _area(w: DocxWriter, ai: int, area: DocArea) -> None:
    number = area_number(ai)
    w.heading(f"{number} {area.title}", 1)
    w.paragraph(area.description)
    w.heading("Problem som utvecklingsområdet ska åtgärda", 2)
    if any(p.strip() for p in area.problems):
        w.bullets(area.problems)
    else:
        w.paragraph("Inget prioriterat problem är kopplat till utvecklingsområdet ännu.",
                    muted=True)
    w.heading("Insatser", 2)
    if not area.interventions:
        w.paragraph("Inga insatser är planerade inom utvecklingsområdet.", muted=True)
        return
    w.table(["Insats", "Tidplan", "tkr"],
            [[f"{intervention_number(ai, ii)} {iv.title}", _period(iv), to_tkr(iv.total_kr)]
             for ii, iv in enumerate(area.interventions)]
            + [[f"Summa utvecklingsområde {number}", "", to_tkr(area.total_kr)]],
            numeric_from=2, bold_last=True)
    for ii, iv in enumerate(area.interventions):
        _intervention(w, intervention_number(ai, ii), iv)


def _intervention(w: DocxWriter, number: str, iv: DocIntervention) -> None:
    w.heading(f"{number} {iv.title}", 2)
    if iv.description.strip() or iv.causes or iv.factors:
        w.heading("Planerad insats och koppling till utvecklingsområdet", 3)
        w.paragraph(iv.description)
        if any(c.strip() for c in iv.causes):
            w.paragraph("Orsaker som insatsen ska åtgärda:")
            w.bullets(iv.causes)
        w.labelled("Forskningsstödda framgångsfaktorer", ", ".join(iv.factors))
    count = f"cirka {iv.approx_participants}" if iv.approx_participants is not None else ""
    _fields(w, "Deltagare och planering av insatsen", [
        ("Deltagare", iv.participant_groups), ("Skolenheter", ", ".join(iv.school_units)),
        ("Ungefärligt antal deltagare", count), ("Personal", iv.resources_staff),
        ("Kompetensutveckling", iv.resources_training),
        ("Elevhälsa", iv.resources_student_health), ("Övrigt", iv.resources_other)])
    _fields(w, "Mål och förväntade effekter", [
        ("Mål på kort sikt", iv.goals_short), ("Mål på lång sikt", iv.goals_long),
        ("Förväntade effekter", iv.expected_effects)])
    for title, text in (("Ansvar", iv.responsible), ("Delaktighet", iv.participation)):
        if text.strip():
            w.heading(title, 3)
            w.paragraph(text)
    _fields(w, "Uppföljning och utvärdering", [
        ("När", iv.follow_up_when), ("Hur", iv.follow_up_how), ("Vem", iv.follow_up_who)])
    if iv.start or iv.end or iv.milestones:
        w.heading("Tidplan", 3)
        w.labelled("Start–slut", _period(iv) if iv.start or iv.end else "")
        if iv.milestones:
            w.table(["Datum", "Delmål"], [[m.date, m.text] for m in iv.milestones])
    if iv.costs:
        w.heading("Kostnad", 3)
        w.table(["Kostnadspost", "Finansiär", "År", "tkr"],
                [[c.description, c.funder, str(c.year or "–"), to_tkr(c.amount_kr)]
                 for c in iv.costs] + [["Summa", "", "", to_tkr(iv.total_kr)]],
                numeric_from=2, bold_last=True)
    unfilled = iv.unfilled()
    if unfilled:
        w.paragraph(f"Inte ifyllt ännu: {', '.join(unfilled)}.", muted=True)


def _fields(w: DocxWriter, title: str, fields: list[tuple[str, str]]) -> None:
    if any(text.strip() for _, text in fields):
        w.heading(title, 3)
        for label, text in fields:
            w.labelled(label, text)


def _strengths_and_risks(w: DocxWriter, number: int, doc: PlanDocument) -> None:
    w.heading(f"{number} Styrkor och risker", 1)
    w.heading("Styrkor", 2)
    w.paragraph(doc.strengths or "Styrkorna är inte beskrivna ännu.", muted=not doc.strengths)
    w.heading("Risker och hur de förebyggs", 2)
    risks = [r for r in doc.risks if r.risk.strip() or r.prevention.strip()]
    if not risks:
        w.paragraph("Inga risker är beskrivna ännu.", muted=True)
    for risk in risks:
        w.bullets([risk.risk or "–"], numbered=True)
        w.labelled("Förebyggs genom", risk.prevention)


def _timeline(w: DocxWriter, number: int, doc: PlanDocument) -> None:
    w.heading(f"{number} Tidplan", 1)
    rows = [[f"{intervention_number(ai, ii)} {iv.title}", iv.start or "–", iv.end or "–",
             ", ".join(m.date for m in iv.milestones) or "–"]
            for ai, area in enumerate(doc.areas) for ii, iv in enumerate(area.interventions)]
    if rows:
        w.table(["Insats", "Start", "Slut", "Delmål"], rows)
    else:
        w.paragraph("Inga insatser är planerade ännu.", muted=True)


def _costs(w: DocxWriter, number: int, doc: PlanDocument) -> None:
    w.heading(f"{number} Kostnader", 1)
    w.paragraph("Beräknade kostnader i tusental kronor (tkr), per insats och finansiär, med "
                "summa för varje utvecklingsområde.")
    funders = list(doc.total_by_funder)
    rows: list[list[str]] = []
    for ai, area in enumerate(doc.areas):
        chapter = area_number(ai)
        for ii, iv in enumerate(area.interventions):
            by_funder = {f: sum(c.amount_kr for c in iv.costs if c.funder == f) for f in funders}
            rows.append([f"{intervention_number(ai, ii)} {iv.title}",
                         *(_amount(by_funder[f]) for f in funders),
                         to_tkr(iv.total_kr)])
        rows.append([f"Summa utvecklingsområde {chapter}",
                     *(_amount(sum(c.amount_kr for iv in area.interventions for c in iv.costs
                                   if c.funder == f)) for f in funders), to_tkr(area.total_kr)])
    rows.append(["Totalt", *(to_tkr(doc.total_by_funder[f]) for f in funders),
                 to_tkr(doc.total_kr)])
    w.table(["Utvecklingsområde och insats", *funders, "Totalt"], rows, numeric_from=1,
            bold_last=True)
    w.heading("Fördelning", 2)
    shares = doc.funder_shares_known and doc.total_kr > 0
    for title, amounts, with_share in (("Per finansiär", doc.total_by_funder, shares),
                                       ("Per år", doc.total_by_year, doc.total_kr > 0)):
        w.table([title, "tkr", *(["Andel"] if with_share else [])],
                [[label, to_tkr(kr), *([_share(kr, doc.total_kr)] if with_share else [])]
                 for label, kr in amounts.items()]
                + [["Totalt", to_tkr(doc.total_kr), *([f"100{NBSP}%"] if with_share else [])]],
                numeric_from=1, bold_last=True)
    if not shares and doc.total_kr:
        w.paragraph("Andelen per finansiär anges inte: alla finansiärers kostnader är inte "
                    "angivna.", muted=True)


def _amount(kr: int) -> str:
    return to_tkr(kr) if kr else "–"


def _share(kr: int, total: int) -> str:
    return f"{round(100 * kr / total)}{NBSP}%"


def _period(iv: DocIntervention) -> str:
    start, end = iv.start.strip(), iv.end.strip()
    if start and end:
        return keep_together(f"{start} – {end}")
    return f"från {start}" if start else f"till {end}" if end else "–"
