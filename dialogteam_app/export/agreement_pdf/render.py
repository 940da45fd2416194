"""render_agreement_pdf: the agreement, then the åtgärdsplan as Bilaga 1, in one
tagged file, laid out once and written atomically like the plan."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from ...domain import agreement_outline as outline
from ...domain.agreement_document import AgreementDocument
from ...domain.agreement_outline import Chapter
from ...domain.plan_document import PlanDocument
from ...gc_pause import collector_paused
from ..atomic import atomic_path
from ..pdf.document import COVER, DocumentInfo
from ..pdf.fonts import register_fonts
from ..pdf.render import plan_info, plan_story
from ..pdf.structure import Tagger
from ..pdf.text import one_line
from . import closing, sections
from .headings import AgreementHeadings
from .template import (
    AGREEMENT_PART,
    BILAGA_NAME,
    BILAGA_PART,
    AgreementDocTemplate,
    PartStart,
    part_name,
)


def agreement_story(doc: AgreementDocument) -> list[Flowable]:
    """The title, then the chapters the outline names, each drawn by its section."""
    headings = AgreementHeadings()
    story: list[Flowable] = sections.title_block(doc)
    for chapter in outline.chapters(doc):
        story += _CHAPTERS[chapter.key](chapter, doc, headings)
    return story


_CHAPTERS: dict[str, Callable[[Chapter, AgreementDocument, AgreementHeadings],
                              list[Flowable]]] = {
    outline.PARTIES: sections.parties, outline.BACKGROUND: sections.background,
    outline.DOCUMENTS: sections.documents, outline.PERIOD: sections.period,
    outline.AREA: sections.area, outline.SCHEDULE: sections.schedule,
    outline.FINAL: sections.final_report, outline.MONEY: closing.money,
    outline.BREACH: closing.breach, outline.EVALUATION: closing.evaluation,
    outline.CHANGES: closing.changes, outline.SIGNATURES: closing.signatures,
    outline.BILAGOR: closing.bilagor,
}


def agreement_info(doc: AgreementDocument) -> DocumentInfo:
    organiser = one_line(doc.organiser.name)
    return DocumentInfo(title=f"{part_name(doc)} – {organiser}", author="Skolverket",
                        subject=one_line(doc.title),
                        keywords=("överenskommelse", doc.kind, organiser),
                        footer_left=f"Dnr {one_line(doc.dnr)}" if doc.dnr.strip() else "")


def render_agreement_pdf(doc: AgreementDocument, plan: PlanDocument | None, path: Path,
                         progress: Callable[[int, int], None] | None = None) -> int:
    register_fonts()  # before any paragraph: they look up their fonts when made
    with collector_paused():
        story: list[Flowable] = [PartStart(AGREEMENT_PART, part_name(doc)),
                                 *agreement_story(doc)]
        if plan is not None:
            story += [NextPageTemplate(COVER), PageBreak(), PartStart(BILAGA_PART, BILAGA_NAME),
                      *plan_story(plan)]
        info = agreement_info(doc)
        buffer = io.BytesIO()
        template = AgreementDocTemplate(buffer, doc, info, plan_info(plan) if plan else None,
                                        Tagger(info.lang), progress)
        template.build(story)
        template.finish()
    with atomic_path(Path(path)) as tmp:
        tmp.write_bytes(buffer.getvalue())
    template.report_done()
    return int(template.page)
