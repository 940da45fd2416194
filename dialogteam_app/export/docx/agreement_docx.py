"""The agreement as a Word document: the chapters, numbers, titles and fixed
sentences of the agreement PDF (both follow domain/agreement_outline.py), from the
same AgreementDocument, with the åtgärdsplan appended as Bilaga 1 as the PDF does.
Signature blocks are a table with a line to sign on in each cell."""

from __future__ import annotations

from collections.abc import Callable
from itertools import zip_longest
from pathlib import Path

from ...domain import agreement_outline as outline
from ...domain.agreement_document import AgreementDocument, DocSignatory, DocTerms
from ...domain.agreement_outline import Chapter
from ...domain.money import format_kr
from ...domain.plan_document import PlanDocument
from .plan_docx import write_plan
from .writer import DocxWriter

SIGN_LINE = "_" * 34
BILAGA_TITLE = "Bilaga 1 Åtgärdsplan"


def render_agreement_docx(doc: AgreementDocument, plan: PlanDocument | None, path: Path) -> None:
    """Write the agreement (and the plan, as Bilaga 1) to `path` atomically."""
    organiser = " ".join(doc.organiser.name.split())
    w = DocxWriter(title=f"{outline.document_name(doc)} – {organiser}", author="Skolverket",
                   subject=" ".join(doc.title.split()),
                   keywords=("överenskommelse", doc.kind, organiser))
    w.paragraph(doc.kind, muted=True)
    w.title(doc.title)
    if doc.draft:
        w.paragraph(outline.DRAFT_NOTE, muted=True)
    for chapter in outline.chapters(doc):
        _CHAPTERS[chapter.key](w, chapter, doc)
    if plan is not None:
        w.page_break()
        write_plan(w, plan, BILAGA_TITLE)
    w.save(path)


def _heading(w: DocxWriter, ch: Chapter) -> None:
    w.heading(f"{ch.number} {ch.title}" if ch.number else ch.title, 1)


def _parties(w: DocxWriter, ch: Chapter, doc: AgreementDocument) -> None:
    _heading(w, ch)
    w.block([doc.skolverket.name, *outline.party_lines(doc.skolverket)])
    w.block([f"{doc.organiser.name} (nedan kallad Huvudmannen)",
             *outline.party_lines(doc.organiser)])


def _background(w: DocxWriter, ch: Chapter, doc: AgreementDocument) -> None:
    _heading(w, ch)
    w.paragraph("\n\n".join(doc.background))


def _documents(w: DocxWriter, ch: Chapter, doc: AgreementDocument) -> None:
    _heading(w, ch)
    w.paragraph(outline.documents_intro(doc))
    w.bullets(doc.documents, numbered=True)


def _period(w: DocxWriter, ch: Chapter, doc: AgreementDocument) -> None:
    _heading(w, ch)
    w.paragraph(doc.period_sentence or outline.PERIOD_MISSING, muted=not doc.period_sentence)
    if doc.areas:
        w.paragraph(outline.PERIOD_AREAS)


def _area(w: DocxWriter, ch: Chapter, doc: AgreementDocument) -> None:
    assert ch.area is not None
    _heading(w, ch)
    for ti, terms in enumerate(ch.area.terms, 1):
        _terms(w, f"{ch.number}.{ti}", terms)


def _terms(w: DocxWriter, number: str, t: DocTerms) -> None:
    described, duties, *funded = outline.terms_parts(number, t)
    w.heading(f"{number} {t.title}", 2)
    w.heading(" ".join(described), 3)
    w.paragraph(t.description)
    w.paragraph(t.period_sentence)
    w.labelled("Deltagare", ", ".join(t.participants))
    w.heading(" ".join(duties), 3)
    for party, items in (("Huvudmannen", t.organiser_duties),
                         ("Skolverket", t.skolverket_duties)):
        if items:
            lead, listed = outline.duties(party, items)
            w.paragraph(lead)
            w.bullets(listed)
    for sentence in t.role_sentences:
        w.paragraph(sentence)
    for part in funded:
        w.heading(" ".join(part), 3)
        for sentence in t.funding:
            w.paragraph(sentence)


def _schedule(w: DocxWriter, ch: Chapter, doc: AgreementDocument) -> None:
    _heading(w, ch)
    if not doc.areas:
        w.paragraph(outline.NO_TERMS, muted=True)
    for ai, area in enumerate(doc.areas, 1):
        w.heading(f"{ch.number}.{ai} {outline.area_schedule_title(area)}", 2)
        w.paragraph(area.schedule_sentence or outline.NO_SCHEDULE,
                    muted=not area.schedule_sentence)
        if area.interim_sentence:
            w.paragraph(area.interim_sentence)
            w.bullets(area.interim_points)
        else:
            w.paragraph(outline.NO_INTERIM, muted=True)


def _final(w: DocxWriter, ch: Chapter, doc: AgreementDocument) -> None:
    _heading(w, ch)
    if not doc.final_due:
        w.paragraph(outline.NO_FINAL, muted=True)
        return
    w.paragraph(doc.final_sentence)
    w.bullets(doc.final_points)
    w.paragraph(doc.final_text)


def _money(w: DocxWriter, ch: Chapter, doc: AgreementDocument) -> None:
    _heading(w, ch)
    m = doc.money
    for number, title in outline.money_parts(ch.number, doc):
        w.heading(f"{number} {title}", 2)
        if number.endswith(".1"):
            w.table(["Finansiär", "Bidrar med"], [list(row) for row in doc.funders])
        elif m is not None and number.endswith(".2"):
            w.paragraph(outline.PAYMENTS_INTRO)
            w.table(["Datum", "Utbetalning", "Belopp"],
                    [[date, "Efter rekvisition" if first else "Kvartalsvis i förskott",
                      format_kr(kr)] for date, kr, first in m.payments]
                    + [["Summa", "", format_kr(sum(kr for _, kr, _ in m.payments))]],
                    numeric_from=2, bold_last=True)
        elif m is not None and number.endswith(".3"):
            w.table(["Uppgift", "Värde"], [list(row) for row in m.rekvisition])
        elif m is not None:
            w.paragraph(m.repayment_sentence)


def _breach(w: DocxWriter, ch: Chapter, doc: AgreementDocument) -> None:
    _heading(w, ch)
    w.paragraph(doc.breach_text)
    if doc.money is not None:
        w.paragraph(doc.money.reclaim_text)


def _evaluation(w: DocxWriter, ch: Chapter, doc: AgreementDocument) -> None:
    _heading(w, ch)
    w.paragraph(doc.evaluation_text)


def _changes(w: DocxWriter, ch: Chapter, doc: AgreementDocument) -> None:
    _heading(w, ch)
    w.paragraph(doc.changes_text)
    if doc.own_changes:
        w.paragraph(outline.own_changes_lead(doc))
        w.bullets(doc.own_changes)
    if doc.amendments:
        w.paragraph(outline.AMENDED_BY)
        w.bullets(doc.amendments)
    w.paragraph(doc.copies_text)


def _signature_cell(s: DocSignatory | None) -> str:
    """Place and date, room and a line to sign on, name and title; None: blank."""
    if s is None:
        return f"Ort och datum:\n\n\n{SIGN_LINE}\nNamnförtydligande:"
    where = " ".join(p for p in (s.place.strip(), s.date.strip()) if p) or "Ort och datum:"
    return "\n".join([where, "", "", SIGN_LINE, s.name, s.title]).rstrip()


def _signatures(w: DocxWriter, ch: Chapter, doc: AgreementDocument) -> None:
    _heading(w, ch)
    # A party nobody is named for yet gets a blank block to sign on paper.
    columns = [[_signature_cell(s) for s in doc.signatories if s.party == party]
               or [_signature_cell(None)] for party in ("Skolverket", "Huvudmannen")]
    w.table(["För Skolverket", f"För {doc.organiser.name}"],
            [list(pair) for pair in zip_longest(*columns, fillvalue="")])
    for r in doc.reviewers:
        w.block([outline.reviewed_by(r.title), "", "", SIGN_LINE, r.name], bold=4)


def _bilagor(w: DocxWriter, ch: Chapter, doc: AgreementDocument) -> None:
    _heading(w, ch)
    if not doc.bilagor:
        w.paragraph(outline.NO_BILAGOR, muted=True)
    for b in doc.bilagor:
        w.paragraph(b)


_CHAPTERS: dict[str, Callable[[DocxWriter, Chapter, AgreementDocument], None]] = {
    outline.PARTIES: _parties, outline.BACKGROUND: _background,
    outline.DOCUMENTS: _documents, outline.PERIOD: _period, outline.AREA: _area,
    outline.SCHEDULE: _schedule, outline.FINAL: _final, outline.MONEY: _money,
    outline.BREACH: _breach, outline.EVALUATION: _evaluation, outline.CHANGES: _changes,
    outline.SIGNATURES: _signatures, outline.BILAGOR: _bilagor,
}
