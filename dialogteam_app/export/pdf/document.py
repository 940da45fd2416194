"""The page layout: cover and body pages, the running header and footer, and the
bookkeeping after each heading (bookmark, outline entry, TOC entry)."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import IndexingFlowable
from reportlab.platypus.tableofcontents import TableOfContents

from ... import __version__
from ...domain.plan_document import PlanDocument
from .fonts import REGULAR
from .headings import Heading
from .styles import (
    CONTENT_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    TOC_LEVELS,
    table_style,
)
from .text import fit_line, one_line

COVER, BODY = "cover", "body"
RUNNING_SIZE = 7.5


class PageCount(IndexingFlowable):  # type: ignore[misc]  # reportlab has no stubs: its classes are Any
    """The page total for "Sida X av Y": the count of the previous pass.

    As an indexing flowable it makes multiBuild run again until the count used
    in the footers is the count the document really has.
    """

    def __init__(self) -> None:
        super().__init__()
        self.total = 0     # what the footers of this pass show
        self.counted = 0   # pages laid out in this pass

    def beforeBuild(self) -> None:
        self.total, self.counted = self.counted, 0

    def isSatisfied(self) -> bool:
        return self.total == self.counted

    def draw(self) -> None:
        """Nothing to draw: it only takes part in the passes."""


def make_toc() -> TableOfContents:
    # Its internal table gets our font too: a plain table would bring in Helvetica.
    return TableOfContents(levelStyles=TOC_LEVELS, dotsMinLevel=0,
                           tableStyle=table_style(("LEFTPADDING", (0, 0), (-1, -1), 0),
                                                  ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                                  ("TOPPADDING", (0, 0), (-1, -1), 0),
                                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 0)))


class PlanDocTemplate(BaseDocTemplate):  # type: ignore[misc]  # reportlab has no stubs: its classes are Any
    def __init__(self, filename: str, doc: PlanDocument, page_count: PageCount,
                 progress: Callable[[int, int], None] | None = None) -> None:
        super().__init__(
            filename, pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
            title=doc.title, author=one_line(doc.author) or None,
            subject=_subject(doc), creator=f"Dialogteam {__version__}",
            keywords=["åtgärdsplan", one_line(doc.organiser_name)],
            lang="sv-SE", displayDocTitle=True, pageCompression=1,
            initialFontName=REGULAR,  # else every page's preamble names Helvetica
        )
        self.plan = doc
        self.page_count = page_count
        frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, CONTENT_WIDTH,
                      PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, id="main",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate(COVER, [frame], onPage=self._draw_footer),
            PageTemplate(BODY, [frame], onPage=self._draw_header_and_footer),
        ])
        self._report = progress
        self._pass = 1
        self._size = 1
        self._last_reported = -1
        if progress:
            self.setProgressCallBack(self._on_progress)

    # Headings: a bookmark for links, an outline entry, a TOC entry.
    def afterFlowable(self, flowable: Flowable) -> None:
        entry = getattr(flowable, "entry", None) if isinstance(flowable, Heading) else None
        if entry is None:
            return
        self.canv.bookmarkPage(entry.key)
        self.canv.addOutlineEntry(entry.outline_title, entry.key, level=entry.level)
        if entry.in_toc:
            self.notify("TOCEntry", (entry.level, entry.markup, self.page, entry.key))

    def afterPage(self) -> None:
        self.page_count.counted = self.page

    def beforeDocument(self) -> None:
        self.canv.showOutline()  # open with the bookmarks panel

    # Running header and footer, drawn on the canvas in our (embedded) font.
    def _draw_header_and_footer(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        date = one_line(self.plan.date)
        right = f"Version {self.plan.version}" + (f" · {date}" if date else "")
        room = CONTENT_WIDTH - stringWidth(right, REGULAR, RUNNING_SIZE) - 8 * mm
        y = PAGE_HEIGHT - 15 * mm
        canv.saveState()
        canv.setFont(REGULAR, RUNNING_SIZE)
        canv.setFillColor(MUTED)
        canv.drawString(MARGIN_LEFT, y, fit_line(self.plan.title, REGULAR, RUNNING_SIZE, room))
        canv.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, y, right)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_LEFT, y - 2.5 * mm, PAGE_WIDTH - MARGIN_RIGHT, y - 2.5 * mm)
        canv.restoreState()
        self._draw_footer(canv, doc)

    def _draw_footer(self, canv: Canvas, _doc: BaseDocTemplate) -> None:
        page = canv.getPageNumber()
        dnr = one_line(self.plan.dnr)
        left = f"Dnr {dnr}" if dnr else one_line(self.plan.engagement_title)
        y = 12 * mm
        canv.saveState()
        canv.setFont(REGULAR, RUNNING_SIZE)
        canv.setFillColor(MUTED)
        canv.drawString(MARGIN_LEFT, y, fit_line(left, REGULAR, RUNNING_SIZE, CONTENT_WIDTH / 2))
        canv.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, y,
                             f"Sida {page} av {max(self.page_count.total, page)}")
        canv.restoreState()

    # Progress over the expected two passes, reported at most once per per cent.
    def _on_progress(self, kind: str, value: int) -> None:
        if kind == "PASS":
            self._pass = value
        elif kind == "SIZE_EST":
            self._size = max(1, value)
        elif kind == "PROGRESS":
            total = max(2, self._pass) * self._size + 1  # +1: writing the file
            done = (self._pass - 1) * self._size + value
            if done * 100 // total != self._last_reported:
                self._last_reported = done * 100 // total
                assert self._report is not None  # the callback is set only with a report
                self._report(done, total)

    def report_done(self) -> None:
        if self._report:
            total = max(2, self._pass) * self._size + 1
            self._report(total, total)


def _subject(doc: PlanDocument) -> str:
    parts = [f"Åtgärdsplan för {one_line(doc.organiser_name)}",
             one_line(doc.engagement_title), f"version {doc.version}"]
    return ", ".join(p for p in parts if p)

