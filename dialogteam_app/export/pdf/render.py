"""render_plan_pdf: the story of the whole plan, built in two passes, written atomically."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import Flowable

from ...domain.plan_document import PlanDocument
from ..atomic import atomic_path
from .cover import contents_page, cover_page
from .document import PageCount, PlanDocTemplate, make_toc
from .fonts import register_fonts
from .headings import HeadingMaker
from .sections import plan_chapters

# Two passes are the norm (the TOC is seeded with its entries); more only if a
# page count still moves, e.g. a TOC entry that changes wrapping once numbered.
MAX_PASSES = 6


def render_plan_pdf(doc: PlanDocument, path: Path,
                    progress: Callable[[int, int], None] | None = None) -> int:
    register_fonts()
    headings = HeadingMaker()
    toc = make_toc()
    page_count = PageCount()
    story: list[Flowable] = [page_count, *cover_page(doc), *contents_page(toc, headings),
                             *plan_chapters(doc, headings)]
    toc.addEntries(headings.toc_seed)
    with atomic_path(Path(path)) as tmp:
        template = PlanDocTemplate(str(tmp), doc, page_count, progress)
        template.multiBuild(story, maxPasses=MAX_PASSES)
    template.report_done()
    pages: int = template.page
    return pages
