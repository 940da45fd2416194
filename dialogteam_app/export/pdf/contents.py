"""The table of contents: one tagged entry (TOCI with a Link) per heading, with
leader dots and a page number that is filled in after the last page.

The entries are known before layout (HeadingMaker), so the contents page has its
final size in the only layout pass; only the page numbers wait for the end.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable
from reportlab.rl_config import paraFontSizeHeightOffset

from .headings import TocEntry
from .paragraph import Paragraph
from .structure import CONTENTS_ITEM, Tagger
from .styles import INK, TOC_LEVELS

_DOT = " . "


class ContentsEntry(Paragraph):
    """A heading's entry: its number hung as the bullet, its title, then after the
    title's last line leader dots, the page number (filled in after the last page)
    and a link over the line. Where the title ends follows from its line breaks: a
    left-aligned line ends `extraSpace` short of the frame's right edge less the
    right indent, whatever its bullet and indents."""

    pdf_role = CONTENTS_ITEM
    _ends_here = True   # False on the first part of an entry split over two pages

    def __init__(self, text: Any, style: Any, bulletText: Any = None, frags: Any = None,
                 *args: Any, entry: TocEntry | None = None, **kwargs: Any) -> None:
        super().__init__(text, style, bulletText, frags, *args, **kwargs)
        self.entry = entry

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        for part in parts:
            part.entry = self.entry
        if len(parts) == 2:
            parts[0]._ends_here = False
        return parts

    def draw(self) -> None:
        super().draw()
        lines = self.blPara.lines
        if self._ends_here and lines and self.entry is not None:
            style = self.style
            last = lines[-1]
            extra = last[0] if self.blPara.kind == 0 else last.extraSpace
            first = self.blPara if self.blPara.kind == 0 else lines[0]
            top = style.fontSize if paraFontSizeHeightOffset \
                else getattr(first, "ascent", style.fontSize)
            _draw_entry_end(self.canv, self, self.entry,
                            self.width - style.rightIndent - extra,
                            self.height - top - (len(lines) - 1) * style.leading)


def contents_entries(entries: list[TocEntry]) -> list[Flowable]:
    return [ContentsEntry(escape(e.title), TOC_LEVELS[min(e.level, len(TOC_LEVELS) - 1)],
                          e.number or None, entry=e)
            for e in entries if e.in_toc]


def _draw_entry_end(canv: Any, para: ContentsEntry, entry: TocEntry, x: float,
                    y: float) -> None:
    """Leader dots from `x` on the last line's baseline `y`, the page number and a link."""
    template = canv._doctemplate
    style = para.style
    font, size = style.fontName, style.fontSize
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
    key = entry.key
    template.late_text(canv, f"Toc{key}", right, y,
                       lambda: str(template.heading_pages.get(key, "")), font, size, INK)
    tagger = Tagger.of(canv)
    rect = (0, y - size * 0.3, right, y + size)
    if tagger:
        tagger.link(canv, f"Gå till {entry.outline_title}", key, rect)
    else:
        canv.linkRect(f"Gå till {entry.outline_title}", key, rect, relative=1)
