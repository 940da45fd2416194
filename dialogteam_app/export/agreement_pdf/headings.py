"""Numbered headings of the agreement: bookmarked like the plan's, tagged one level
below the agreement's title, kept out of the plan's contents and with their own keys."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from ..pdf.headings import SECTION_ROOM, SUBHEADING_ROOM, Heading, TocEntry
from ..pdf.layout import CondPageBreak
from ..pdf.styles import H1, H2, H3, NUMBER_INDENT
from ..pdf.text import one_line

CHAPTER = H1.clone("agreementChapter", fontSize=13.5, leading=18, spaceBefore=12, spaceAfter=6,
                   bulletFontSize=13.5, leftIndent=NUMBER_INDENT * 0.8)
SECTION = H2.clone("agreementSection", fontSize=11, leading=15, spaceBefore=10,
                   bulletFontSize=11, leftIndent=NUMBER_INDENT * 0.8)
SUBSECTION = H3.clone("agreementSubsection", spaceBefore=7)
UNNUMBERED = H2.clone("agreementUnnumbered", spaceBefore=16, leftIndent=0)
# Tag levels: the title is H1, chapters H2, insatser H3, their parts H4.
CHAPTER_TAG, SECTION_TAG, SUBSECTION_TAG = 2, 3, 4


class AgreementHeadings:
    def __init__(self) -> None:
        self.count = 0

    def chapter(self, number: str, title: str) -> list[Flowable]:
        return [CondPageBreak(SECTION_ROOM), self._make(0, number, title, CHAPTER)]

    def section(self, number: str, title: str) -> list[Flowable]:
        return [CondPageBreak(SECTION_ROOM), self._make(1, number, title, SECTION)]

    def unnumbered(self, title: str) -> list[Flowable]:
        """'Underskrifter', 'Bilagor': chapters without a number."""
        return [self._make(0, "", title, UNNUMBERED)]

    def _make(self, level: int, number: str, title: str, style: ParagraphStyle) -> Heading:
        self.count += 1
        entry = TocEntry(level, number, one_line(title) or "–", f"ok{self.count}", in_toc=False)
        return Heading(escape(entry.title), style, bulletText=number or None, entry=entry,
                       level=CHAPTER_TAG + level)


def subsection(number: str, title: str, level: int = SUBSECTION_TAG) -> list[Flowable]:
    """'5.1.2 Ansvar för insatsen': a heading in the text, not a bookmark; `level`
    SECTION_TAG when it sits directly under a chapter, so no tag level is skipped."""
    return [CondPageBreak(SUBHEADING_ROOM), Heading(f"{escape(number)} {escape(title)}",
                                                    SUBSECTION, level=level)]
