"""The page layout of the agreement PDF: the plan PDF's own template (fonts, running
header and footer, headings bookmarked, page count, progress), with agreement pages
in front and the åtgärdsplan appended as Bilaga 1.

The file has two parts, each a top-level bookmark with its headings beneath, and
each numbered on its own ("Överenskommelse (ÖK 2), sida 2 av 6"; "Bilaga 1
Åtgärdsplan, sida 3 av 14"); the plan's table of contents gives its own page numbers.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import IndexingFlowable

from ...domain.agreement_document import AgreementDocument
from ...domain.plan_document import PlanDocument
from ..pdf.document import RUNNING_SIZE, PageCount, PlanDocTemplate
from ..pdf.fonts import REGULAR
from ..pdf.headings import Heading
from ..pdf.styles import (
    CONTENT_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
)
from ..pdf.text import fit_line, one_line

AGREEMENT_PAGE = "agreement"
AGREEMENT_PART, BILAGA_PART = "agreement", "bilaga1"
BILAGA_NAME = "Bilaga 1 Åtgärdsplan"


class PartStart(Flowable):
    """Where a part of the file begins: a bookmark above its headings."""

    def __init__(self, part: str, title: str) -> None:
        super().__init__()
        self.part = part
        self.title = title
        self.width = self.height = 0

    def draw(self) -> None:
        """Nothing to draw: the template bookmarks it."""


class PartPages(IndexingFlowable):
    """The first page of each part as laid out in the previous pass (for the footers),
    and in this pass (for the plan's table of contents); passes repeat until equal."""

    def __init__(self) -> None:
        super().__init__()
        self.previous: dict[str, int] = {}
        self.found: dict[str, int] = {}

    def beforeBuild(self) -> None:
        self.previous, self.found = self.found, {}

    def isSatisfied(self) -> bool:
        return self.previous == self.found

    def draw(self) -> None:
        """Nothing to draw: it only takes part in the passes."""


class AgreementDocTemplate(PlanDocTemplate):
    def __init__(self, filename: str, doc: AgreementDocument, plan: PlanDocument,
                 page_count: PageCount, parts: PartPages,
                 progress: Callable[[int, int], None] | None = None) -> None:
        super().__init__(filename, plan, page_count, progress)
        self.agreement = doc
        self.parts = parts
        self.title = f"{doc.kind} – {one_line(doc.organiser.name)}"
        self.subject = one_line(doc.title)
        self.author = "Skolverket"
        self.keywords = ["överenskommelse", doc.kind, one_line(doc.organiser.name)]
        frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, CONTENT_WIDTH,
                      PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, id="agreement",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        # First in the list: the first page is an agreement page.
        self.pageTemplates.insert(0, PageTemplate(AGREEMENT_PAGE, [frame],
                                                  onPage=self._draw_agreement_page))

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, PartStart):
            self.parts.found[flowable.part] = self.page
            self.canv.bookmarkPage(flowable.part)
            self.canv.addOutlineEntry(flowable.title, flowable.part, level=0)
            return
        entry = getattr(flowable, "entry", None) if isinstance(flowable, Heading) else None
        if entry is None:
            super().afterFlowable(flowable)
            return
        # Each part's headings sit one level below the part's bookmark; the plan's
        # contents page counts pages from the plan's own first page.
        self.canv.bookmarkPage(entry.key)
        self.canv.addOutlineEntry(entry.outline_title, entry.key, level=entry.level + 1)
        if entry.in_toc:
            first = self.parts.found.get(BILAGA_PART, 1)
            self.notify("TOCEntry", (entry.level, entry.markup, self.page - first + 1, entry.key))

    def _draw_agreement_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        a = self.agreement
        left = f"Överenskommelse ({a.kind}) – {one_line(a.organiser.name)}" \
            if a.kind != "Tillägg" else f"Tillägg – {one_line(a.organiser.name)}"
        right = "Utkast" if a.draft else f"Undertecknad {one_line(a.signed_date)}".strip()
        y = PAGE_HEIGHT - 15 * mm
        canv.saveState()
        canv.setFont(REGULAR, RUNNING_SIZE)
        canv.setFillColor(MUTED)
        room = CONTENT_WIDTH - canv.stringWidth(right, REGULAR, RUNNING_SIZE) - 8 * mm
        canv.drawString(MARGIN_LEFT, y, fit_line(left, REGULAR, RUNNING_SIZE, room))
        canv.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, y, right)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_LEFT, y - 2.5 * mm, PAGE_WIDTH - MARGIN_RIGHT, y - 2.5 * mm)
        canv.restoreState()
        self._draw_footer(canv, doc)

    def _draw_footer(self, canv: Canvas, _doc: BaseDocTemplate) -> None:
        page = canv.getPageNumber()
        total = max(self.page_count.total, page)
        bilaga = self.parts.previous.get(BILAGA_PART)
        if bilaga is not None and page >= bilaga:
            where = f"{BILAGA_NAME}, sida {page - bilaga + 1} av {total - bilaga + 1}"
        else:
            last = bilaga - 1 if bilaga is not None else total
            name = "Tillägg" if self.agreement.kind == "Tillägg" else \
                f"Överenskommelse ({self.agreement.kind})"
            where = f"{name}, sida {page} av {max(last, page)}"
        dnr = one_line(self.agreement.dnr)
        canv.saveState()
        canv.setFont(REGULAR, RUNNING_SIZE)
        canv.setFillColor(MUTED)
        if dnr:
            canv.drawString(MARGIN_LEFT, 12 * mm, f"Dnr {dnr}")
        canv.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, 12 * mm, where)
        canv.restoreState()
