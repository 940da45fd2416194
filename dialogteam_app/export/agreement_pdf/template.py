"""The page layout of the agreement PDF: the shared document template (fonts,
tagging, running header and footer as artifacts, late page numbers, headings
bookmarked), with agreement pages in front and the åtgärdsplan appended as Bilaga 1.

The file has two parts, each a top-level bookmark with its headings beneath, and
each numbered on its own ("Överenskommelse (ÖK 2), sida 2 av 6"; "Bilaga 1
Åtgärdsplan, sida 3 av 14"); the plan's contents give the plan's own page numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageTemplate

from ...domain.agreement_document import AgreementDocument
from ...domain.agreement_outline import document_name
from ..pdf.document import RUNNING_SIZE, DocumentInfo, DocumentTemplate, TaggingFrame
from ..pdf.fonts import REGULAR
from ..pdf.headings import Heading
from ..pdf.structure import Tagger
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


class PartStart(Flowable):  # type: ignore[misc]  # reportlab has no stubs: its classes are Any
    """Where a part of the file begins: a bookmark above its headings. Draws nothing."""

    pdf_role = "Artifact"

    def __init__(self, part: str, title: str) -> None:
        super().__init__()
        self.part = part
        self.title = title
        self.width = self.height = 0

    def draw(self) -> None:
        """Nothing to draw: the template bookmarks it."""


def part_name(doc: AgreementDocument) -> str:
    return document_name(doc)


class AgreementDocTemplate(DocumentTemplate):
    def __init__(self, target: Any, doc: AgreementDocument, info: DocumentInfo,
                 plan_info: DocumentInfo | None, tagger: Tagger | None,
                 progress: Callable[[int, int], None] | None = None) -> None:
        super().__init__(target, info, tagger, progress)
        self.agreement = doc
        self.plan_info = plan_info
        self.part_starts: dict[str, int] = {}
        frame = TaggingFrame(MARGIN_LEFT, MARGIN_BOTTOM, CONTENT_WIDTH,
                             PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, id="agreement",
                             leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        # First in the list: the first page is an agreement page.
        self.pageTemplates.insert(0, PageTemplate(
            AGREEMENT_PAGE, [frame], onPage=self._running(self._draw_agreement_page)))

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, PartStart):
            self.part_starts[flowable.part] = self.page
            self.canv.bookmarkPage(flowable.part)
            self.canv.addOutlineEntry(flowable.title, flowable.part, level=0)
            if flowable.part == BILAGA_PART and self.plan_info is not None:
                self.info = self.plan_info   # the plan's own running header from here on
            return
        entry = flowable.entry if isinstance(flowable, Heading) else None
        if entry is None:
            return
        # Each part's headings sit one level below the part's bookmark; the plan's
        # contents count pages from the plan's own first page.
        self.canv.bookmarkPage(entry.key)
        self.canv.addOutlineEntry(entry.outline_title, entry.key, level=entry.level + 1)
        self.heading_pages[entry.key] = self.page - self.part_starts.get(BILAGA_PART, 1) + 1

    def _draw_agreement_page(self, canv: Any, doc: Any) -> None:
        a = self.agreement
        left = f"{part_name(a)} – {one_line(a.organiser.name)}"
        right = "Utkast" if a.draft else f"Undertecknad {one_line(a.signed_date)}".strip()
        y = PAGE_HEIGHT - 15 * mm
        room = CONTENT_WIDTH - stringWidth(right, REGULAR, RUNNING_SIZE) - 8 * mm
        canv.saveState()
        canv.setFont(REGULAR, RUNNING_SIZE)
        canv.setFillColor(MUTED)
        canv.drawString(MARGIN_LEFT, y, fit_line(left, REGULAR, RUNNING_SIZE, room))
        canv.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, y, right)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_LEFT, y - 2.5 * mm, PAGE_WIDTH - MARGIN_RIGHT, y - 2.5 * mm)
        canv.restoreState()
        self._draw_footer(canv, doc)

    def _draw_footer(self, canv: Any, _doc: Any) -> None:
        page = canv.getPageNumber()
        y = 12 * mm
        canv.saveState()
        canv.setFont(REGULAR, RUNNING_SIZE)
        canv.setFillColor(MUTED)
        canv.drawString(MARGIN_LEFT, y, fit_line(self.info.footer_left, REGULAR, RUNNING_SIZE,
                                                 CONTENT_WIDTH / 2))
        canv.restoreState()
        self.late_text(canv, f"PageOf{page}", PAGE_WIDTH - MARGIN_RIGHT, y,
                       lambda: self._page_label(page))

    def _page_label(self, page: int) -> str:
        """Known once the last page is laid out: which part, and the page within it."""
        bilaga = self.part_starts.get(BILAGA_PART)
        if bilaga is not None and page >= bilaga:
            return f"{BILAGA_NAME}, sida {page - bilaga + 1} av {self.page - bilaga + 1}"
        last = bilaga - 1 if bilaga is not None else self.page
        return f"{part_name(self.agreement)}, sida {page} av {last}"
