"""render_agreement_pdf: the agreement, then the åtgärdsplan as Bilaga 1, in one
file, built in passes like the plan and written atomically."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from ...domain.agreement_document import AgreementDocument
from ...domain.plan_document import PlanDocument
from ..atomic import atomic_path
from ..pdf.cover import contents_page, cover_page
from ..pdf.document import COVER, PageCount, make_toc
from ..pdf.fonts import register_fonts
from ..pdf.headings import HeadingMaker
from ..pdf.render import MAX_PASSES
from ..pdf.sections import plan_chapters
from . import closing, sections
from .headings import AgreementHeadings
from .template import (
    AGREEMENT_PART,
    BILAGA_NAME,
    BILAGA_PART,
    AgreementDocTemplate,
    PartPages,
    PartStart,
)


def agreement_story(doc: AgreementDocument, headings: AgreementHeadings) -> list[Flowable]:
    after_areas = sections.FIRST_AREA_CHAPTER + len(doc.areas)
    story: list[Flowable] = [
        *sections.title_block(doc), *sections.parties(doc, headings),
        *sections.background(doc, headings), *sections.documents(doc, headings),
        *sections.period(doc, headings), *sections.areas(doc, headings),
        *sections.schedule(str(after_areas), doc, headings),
        *sections.final_report(str(after_areas + 1), doc, headings)]
    next_number = after_areas + 2
    if doc.money is not None:
        story += closing.money(str(next_number), doc, headings)
        next_number += 1
    return story + [*closing.obligations(next_number, doc, headings),
                    *closing.signatures(doc, headings), *closing.bilagor(doc)]


def render_agreement_pdf(doc: AgreementDocument, plan: PlanDocument | None, path: Path,
                         progress: Callable[[int, int], None] | None = None) -> int:
    register_fonts()
    page_count, parts = PageCount(), PartPages()
    name = "Tillägg" if doc.kind == "Tillägg" else f"Överenskommelse ({doc.kind})"
    story: list[Flowable] = [page_count, parts, PartStart(AGREEMENT_PART, name),
                             *agreement_story(doc, AgreementHeadings())]
    toc = make_toc()
    if plan is not None:
        plan_headings = HeadingMaker()
        story += [NextPageTemplate(COVER), PageBreak(), PartStart(BILAGA_PART, BILAGA_NAME),
                  *cover_page(plan), *contents_page(toc, plan_headings),
                  *plan_chapters(plan, plan_headings)]
        toc.addEntries(plan_headings.toc_seed)
    # Without a plan the template still needs one for the pages it never draws.
    template_plan = plan or PlanDocument(organiser_name=doc.organiser.name, engagement_title="")
    with atomic_path(Path(path)) as tmp:
        template = AgreementDocTemplate(str(tmp), doc, template_plan, page_count, parts, progress)
        template.multiBuild(story, maxPasses=MAX_PASSES)
    template.report_done()
    pages: int = template.page
    return pages
