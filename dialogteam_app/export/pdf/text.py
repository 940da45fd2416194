"""User text to paragraph markup, safely.

reportlab's Paragraph parses a mini-markup, so every user text is escaped here
and nowhere else: "<b>", "&amp;" or "elever < 50 %" come out literally. Blank
lines separate paragraphs and single newlines stay line breaks. Long words are
split by the styles (splitLongWords), so an unbroken line cannot overflow.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from ..typography import keep_together, plain
from .styles import BODY, BULLET, EMPTY

DASH = "–"  # shown for a field left empty
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def markup(text: str) -> str:
    """One escaped paragraph; newlines become line breaks; dates and amounts never break."""
    return "<br/>".join(escape(keep_together(line)) for line in plain(text).strip().split("\n"))


def text_blocks(text: str) -> list[str]:
    """Escaped markup of each paragraph (blank-line separated) of a text."""
    return [markup(block) for block in _BLANK_LINES.split(plain(text).strip()) if block.strip()]


def paragraphs(text: str, style: ParagraphStyle = BODY, empty: str = DASH) -> list[Flowable]:
    """A user text as paragraphs, or one muted dash when it is empty."""
    blocks = text_blocks(text)
    if not blocks:
        return [Paragraph(empty, EMPTY)]
    return [Paragraph(block, style) for block in blocks]


def labelled(label: str, text: str, style: ParagraphStyle = BODY) -> list[Flowable]:
    """'Label: text' with a bold run-in label; later paragraphs of the text follow plainly."""
    blocks = text_blocks(text) or [DASH]
    head = f"<b>{escape(label)}:</b> {blocks[0]}"
    return [Paragraph(head, style), *(Paragraph(b, style) for b in blocks[1:])]


def bullets(items: list[str], style: ParagraphStyle = BULLET) -> list[Flowable]:
    return [Paragraph(markup(item), style, bulletText="•") for item in items if item.strip()]


def one_line(text: str) -> str:
    """A title for places that hold one line (outline, running header): whitespace collapsed."""
    return " ".join(plain(text).split())


def fit_line(text: str, font: str, size: float, width: float) -> str:
    """One line shortened with an ellipsis to fit `width` (the full text is elsewhere)."""
    text = one_line(text)
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-max(1, len(text) // 20)]
    return text.rstrip() + "…"
