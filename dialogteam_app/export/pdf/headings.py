"""Numbered headings that feed the table of contents and the PDF outline.

Every heading is known before layout, so the maker also collects the table of
contents entries: the contents page has its final size in the one layout pass,
and its page numbers are filled in after the last page (document.late_text).

A heading is kept with what follows by a conditional page break (room for the
heading and a few lines), not keepWithNext: reportlab keeps a heading together
with the whole next paragraph and would move a long one to a new page, leaving
a gap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

__all__ = ["FIRST_AREA_CHAPTER", "area_number", "intervention_number"]  # shared numbering

from ...domain.plan_document import FIRST_AREA_CHAPTER, area_number, intervention_number
from .layout import CondPageBreak
from .paragraph import Paragraph
from .styles import H1, H2, H3, UNNUMBERED_H1
from .text import one_line

# Room needed below a heading for it and the first lines after it, else a new page.
CHAPTER_ROOM = 160
SECTION_ROOM = 110
SUBHEADING_ROOM = 60


@dataclass(frozen=True)
class TocEntry:
    level: int       # 0: chapter, 1: intervention
    number: str      # "2.1", or "" for an unnumbered heading
    title: str       # one line of plain text
    key: str         # bookmark name in the PDF
    in_toc: bool = True

    @property
    def outline_title(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title


class Heading(Paragraph):
    """A heading paragraph, tagged H1–H6 by its `level` (its place in the document's
    outline, not its look); with a TOC entry the page template bookmarks it."""

    def __init__(self, text: str, style: ParagraphStyle, *args: Any,
                 entry: TocEntry | None = None, level: int = 1, **kwargs: Any) -> None:
        super().__init__(text, style, *args, **kwargs)
        self.entry = entry
        self.level = level

    @property
    def pdf_role(self) -> str:
        return f"H{self.level}"

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        for part in parts:
            part.level = self.level
        if parts:  # the first part is where the heading starts
            parts[0].entry = self.entry
        return parts


class HeadingMaker:
    """Makes the headings of one document and remembers them for the TOC."""

    def __init__(self) -> None:
        self.entries: list[TocEntry] = []

    def chapter(self, number: str, title: str) -> list[Flowable]:
        return [CondPageBreak(CHAPTER_ROOM), self._make(0, number, title, H1)]

    def section(self, number: str, title: str) -> list[Flowable]:
        return [CondPageBreak(SECTION_ROOM), self._make(1, number, title, H2)]

    def unlisted(self, title: str) -> list[Flowable]:
        """A chapter-like heading in the outline but not in the TOC (the TOC's own)."""
        return [self._make(0, "", title, UNNUMBERED_H1, in_toc=False)]

    def _make(self, level: int, number: str, title: str, style: ParagraphStyle,
              in_toc: bool = True) -> Heading:
        entry = TocEntry(level, number, one_line(title) or "–", f"h{len(self.entries) + 1}",
                         in_toc)
        self.entries.append(entry)
        return Heading(escape(entry.title), style, bulletText=number or None, entry=entry,
                       level=level + 1)


def subheading(title: str, room: float = SUBHEADING_ROOM, level: int = 3) -> list[Flowable]:
    """An unnumbered heading inside a section ("Mål och förväntade effekter"); `level` 2
    when it sits directly under a chapter, so the outline never skips a level."""
    return [CondPageBreak(room), Heading(escape(title), H3, level=level)]
