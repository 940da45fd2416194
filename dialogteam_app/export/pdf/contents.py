"""The table of contents: one tagged entry (TOCI with a Link) per heading, with
leader dots and a page number that is filled in after the last page.

The entries are known before layout (HeadingMaker), so the contents page has its
final size in the only layout pass; only the page numbers wait for the end.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from .headings import TocEntry
from .paragraph import Paragraph
from .structure import CONTENTS_ITEM, Tagger
from .styles import INK, TOC_LEVELS

DRAW_ENTRY_END = "contentsEntryEnd"  # the onDraw callback's name on the canvas
_DOT = " . "


class ContentsEntry(Paragraph):
    pdf_role = CONTENTS_ITEM

    def __init__(self, text: str, style: Any, *args: Any, entry: TocEntry | None = None,
                 **kwargs: Any) -> None:
        super().__init__(text, style, *args, **kwargs)
        self.entry = entry

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        for part in parts:
            part.entry = self.entry
        return parts

    def draw(self) -> None:
        self.canv._contents_entry = self  # for the callback at the end of its text
        super().draw()


def contents_entries(entries: list[TocEntry]) -> list[Flowable]:
    return [ContentsEntry(f'{e.markup}<onDraw name="{DRAW_ENTRY_END}" label="{e.key}"/>',
                          TOC_LEVELS[min(e.level, len(TOC_LEVELS) - 1)], entry=e)
            for e in entries if e.in_toc]


def draw_entry_end(canv: Any, _kind: str, key: str) -> None:
    """Leader dots after the entry's last line, its page number and a link over it."""
    para: ContentsEntry = canv._contents_entry
    template = canv._doctemplate
    style = para.style
    font, size = style.fontName, style.fontSize
    x, y = canv._curr_tx_info["cur_x"], canv._curr_tx_info["cur_y"]
    right = para.width
    number_room = stringWidth("0000", font, size)
    dot = stringWidth(_DOT, font, size)
    dots = int((right - number_room - x) / dot)
    canv.saveState()
    canv.setFont(font, size)
    canv.setFillColor(INK)
    if dots > 0:
        canv.drawString(right - number_room - dots * dot, y, _DOT * dots)
    canv.restoreState()
    template.late_text(canv, f"Toc{key}", right, y,
                       lambda: str(template.heading_pages.get(key, "")), font, size, INK)
    tagger = Tagger.of(canv)
    title = para.entry.outline_title if para.entry else ""
    rect = (0, y - size * 0.3, right, y + size)
    if tagger:
        tagger.link(canv, f"Gå till {title}", key, rect)
    else:
        canv.linkRect(f"Gå till {title}", key, rect, relative=1)
