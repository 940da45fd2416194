"""The page layout every document shares: cover and body pages, the running header
and footer (artifacts), and the bookkeeping after each heading (bookmark, outline
entry, its page for the contents).

Tagged and laid out once: every flowable a frame draws is tagged (structure.py),
and numbers known only at the end — "Sida X av Y", the page of each contents
entry — are drawn as small form XObjects that are filled in after the last page
(`late_text`), so the document never needs a second layout pass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ... import __version__
from .fonts import REGULAR
from .headings import Heading
from .late_text import add_text_form
from .structure import Tagger
from .structure_tree import PDF_VERSION, attach_structure
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
)
from .text import fit_line

COVER, BODY = "cover", "body"
RUNNING_SIZE = 7.5
FOOTER_Y = 12 * mm


@dataclass(frozen=True)
class DocumentInfo:
    """What a document says about itself: metadata and its running header and footer."""
    title: str            # metadata title (shown in the title bar) and the header's left
    author: str           # never empty: "(anonymous)" is what reportlab writes otherwise
    subject: str
    keywords: tuple[str, ...] = ()
    header_right: str = ""   # "Version 2 · 2019-03-15"
    footer_left: str = ""    # "Dnr 2019:830"
    lang: str = "sv-SE"


class TaggingFrame(Frame):  # type: ignore[misc]  # reportlab has no stubs: its classes are Any
    """A frame that tags each flowable it draws."""

    def add(self, flowable: Flowable, canv: Any, trySplit: int = 0) -> Any:
        tagger = Tagger.of(canv)
        if tagger is None:
            return super().add(flowable, canv, trySplit)
        return tagger.draw(canv, flowable, lambda: super(TaggingFrame, self).add(
            flowable, canv, trySplit))


class DocumentTemplate(BaseDocTemplate):  # type: ignore[misc]  # reportlab has no stubs: its classes are Any
    """A4 pages for any of the program's documents; build with `render.render_document`."""

    canv: Any  # reportlab's canvas while the document is built and written, then None

    def __init__(self, target: Any, info: DocumentInfo, tagger: Tagger | None,
                 progress: Callable[[int, int], None] | None = None) -> None:
        super().__init__(
            target, pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
            title=info.title, author=info.author, subject=info.subject,
            creator=f"Dialogteam {__version__}", keywords=list(info.keywords),
            lang=info.lang, displayDocTitle=True, pageCompression=1,
            initialFontName=REGULAR,  # else every page's preamble names Helvetica
        )
        self.info = info   # the running header's; a later part may have its own
        self.metadata = info
        self.tagger = tagger
        self.heading_pages: dict[str, int] = {}
        self._late: dict[str, tuple[Callable[[], str], str, float, Color]] = {}
        self._running_forms: dict[tuple[str, str | None], str] = {}  # (left, right) -> its form
        self._doSave = 0  # saved by finish(), once the late numbers are known
        frame = TaggingFrame(MARGIN_LEFT, MARGIN_BOTTOM, CONTENT_WIDTH,
                             PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, id="main",
                             leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate(COVER, [frame], onPage=self._running(self._draw_footer)),
            PageTemplate(BODY, [frame], onPage=self._running(self._draw_header_and_footer)),
        ])
        self._report = progress
        self._size = 1
        self._last_reported = -1
        self._done = 0
        if progress:
            self.setProgressCallBack(self._on_progress)

    def build(self, flowables: list[Flowable]) -> None:
        super().build(flowables, canvasmaker=partial(Canvas, pdfVersion=PDF_VERSION))

    def beforeDocument(self) -> None:
        self.canv.showOutline()  # open with the bookmarks panel
        if self.tagger:
            self.tagger.attach(self.canv)

    def handle_pageBegin(self) -> None:
        if self.tagger:  # before onPage draws the running header
            self.tagger.start_page()
        super().handle_pageBegin()

    # Headings: a bookmark for links, an outline entry, the page for the contents.
    def afterFlowable(self, flowable: Flowable) -> None:
        entry = flowable.entry if isinstance(flowable, Heading) else None
        if entry is None:
            return
        self.canv.bookmarkPage(entry.key)
        self.canv.addOutlineEntry(entry.outline_title, entry.key, level=entry.level)
        self.heading_pages[entry.key] = self.page

    # Numbers known after the last page
    def late_text(self, canv: Any, name: str, x: float, y: float, value: Callable[[], str],
                  font: str = REGULAR, size: float = RUNNING_SIZE, colour: Color = MUTED) -> None:
        """Draw `value()` right-aligned at (x, y), computed once the layout is done."""
        self._late[name] = (value, font, size, colour)
        canv.saveState()
        canv.translate(x, y)
        canv.doForm(name)
        canv.restoreState()

    def finish(self) -> None:
        """Fill in the late numbers, write the running header's and footer's forms,
        add the structure tree and write the file."""
        canv = self.canv
        for (left, right), name in self._running_forms.items():
            canv.beginForm(name)  # the page's own coordinates
            if right is None:
                self._footer_content(canv, left)
            else:
                self._header_content(canv, left, right)
            canv.endForm(compression=0, hasImages=0)
        for name, (value, font, size, colour) in self._late.items():
            add_text_form(canv, name, value(), font, size, colour)
        if self.tagger:
            meta = self.metadata
            attach_structure(canv, self.tagger, title=meta.title, author=meta.author,
                             subject=meta.subject, keywords=", ".join(meta.keywords),
                             lang=meta.lang)
        canv.save()
        # The template is in reference cycles (its page callbacks are its own methods),
        # so what it holds waits for the cycle collector: the written document and the
        # recorded structure, ~28 000 objects for 50 insatser, ~7 ms of its time.
        # Let go of them here and reference counting frees them at once.
        self.canv = self.tagger = None
        self._late.clear()
        self._running_forms.clear()

    # Running header and footer: artifacts, in our (embedded) font.
    def _running(self, draw: Callable[[Any, Any], None]) -> Callable[[Any, Any], None]:
        def on_page(canv: Any, doc: Any) -> None:
            if self.tagger:
                self.tagger.artifact(canv, lambda: draw(canv, doc))
            else:
                draw(canv, doc)
        return on_page

    def _draw_header_and_footer(self, canv: Any, doc: Any) -> None:
        self._draw_header(canv, self.info.title, self.info.header_right)
        self._draw_footer(canv, doc)

    def _draw_header(self, canv: Any, left: str, right: str) -> None:
        """`left` shortened to the room `right` leaves, over a thin rule."""
        self._draw_running(canv, left, right)

    def _draw_running(self, canv: Any, left: str, right: str | None) -> None:
        """A running header (`right` given) or the footer's left text: drawn once, as a
        form every page with the same text shows (a saved state, a colour, texts and a
        rule less on each page)."""
        forms = self._running_forms
        canv.doForm(forms.setdefault((left, right), f"Running{len(forms)}"))

    def _header_content(self, canv: Any, left: str, right: str) -> None:
        room = CONTENT_WIDTH - stringWidth(right, REGULAR, RUNNING_SIZE) - 8 * mm
        y = PAGE_HEIGHT - 15 * mm
        canv.saveState()
        canv.setFont(REGULAR, RUNNING_SIZE)
        canv.setFillColor(MUTED)
        canv.drawString(MARGIN_LEFT, y, fit_line(left, REGULAR, RUNNING_SIZE, room))
        canv.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, y, right)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_LEFT, y - 2.5 * mm, PAGE_WIDTH - MARGIN_RIGHT, y - 2.5 * mm)
        canv.restoreState()

    def _draw_footer(self, canv: Any, _doc: Any) -> None:
        page = canv.getPageNumber()
        self._draw_running(canv, self.info.footer_left, None)
        self.late_text(canv, f"PageOf{page}", PAGE_WIDTH - MARGIN_RIGHT, FOOTER_Y,
                       lambda: self._page_label(page))

    def _footer_content(self, canv: Any, left: str) -> None:
        canv.saveState()
        canv.setFont(REGULAR, RUNNING_SIZE)
        canv.setFillColor(MUTED)
        canv.drawString(MARGIN_LEFT, FOOTER_Y, fit_line(left, REGULAR, RUNNING_SIZE,
                                                        CONTENT_WIDTH / 2))
        canv.restoreState()

    def _page_label(self, page: int) -> str:
        """The footer's page number, known once the last page is laid out."""
        return f"Sida {page} av {self.page}"

    # Progress over the flowables, and one step for writing the file.
    def _on_progress(self, kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            self._size = max(1, value)
        elif kind == "PROGRESS":  # flowables done; a split adds flowables, so never back
            total = self._size + 1
            value = min(max(value, self._done), self._size)
            self._done = value
            if self._report and value * 100 // total > self._last_reported:
                self._last_reported = value * 100 // total
                self._report(value, total)

    def report_done(self) -> None:
        if self._report:
            self._report(self._size + 1, self._size + 1)
