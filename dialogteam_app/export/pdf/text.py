"""User text to paragraph markup, safely.

reportlab's Paragraph parses a mini-markup, so every user text is escaped here
and nowhere else: "<b>", "&amp;" or "elever < 50 %" come out literally. Blank
lines separate paragraphs and single newlines stay line breaks. Long words are
split by the styles (splitLongWords), so an unbroken line cannot overflow.
"""

from __future__ import annotations

import re
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from ..typography import keep_together, plain
from .paragraph import Paragraph, RunInLabel
from .styles import BODY, BULLET, EMPTY

DASH = "–"  # shown for a field left empty
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
PIECE_CHARS = 2000
SHOWN_IN_A_CELL = 2000
_CONTINUED: dict[tuple[str, float | None, float | None], ParagraphStyle] = {}


def markup(text: str, limit: int = SHOWN_IN_A_CELL) -> str:
    """One escaped paragraph; newlines become line breaks; dates and amounts never break.
    A one-paragraph field (a name, a cell) is cut after `limit` characters: the field
    rules allow far less, and only a damaged value could be longer."""
    text = plain(text).strip()
    if len(text) > limit:
        text = text[:limit].rstrip() + " …"
    return "<br/>".join(escape(keep_together(line)) for line in text.split("\n"))


def text_blocks(text: str) -> list[list[str]]:
    """Escaped markup of each paragraph (blank-line separated) of a text, each in
    pieces of at most PIECE_CHARS characters (see _pieces)."""
    text = plain(text).strip()
    if "\n" not in text and len(text) <= PIECE_CHARS:  # most fields: one short line
        return [[markup(text)]] if text else []
    return [[markup(piece) for piece in _pieces(block)]
            for block in _BLANK_LINES.split(text) if block.strip()]


def _pieces(block: str) -> list[str]:
    """A paragraph cut at line ends (else sentence ends, else spaces) into pieces.

    reportlab re-wraps what is left of a paragraph at every page break, so one
    paragraph of n characters costs time quadratic in n (100 000 characters: a
    minute). Pieces of bounded size make the cost linear; they follow each other
    without space between, so a cut at a line end does not show."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for line in (part for whole in block.split("\n") for part in _short_lines(whole)):
        if current and size + len(line) > PIECE_CHARS:
            pieces.append("\n".join(current))
            current, size = [], 0
        current.append(line)
        size += len(line) + 1
    return pieces + ["\n".join(current)] if current else pieces


def _short_lines(line: str) -> list[str]:
    parts = []
    while len(line) > PIECE_CHARS:
        cut = line.rfind(". ", 0, PIECE_CHARS) + 1 or line.rfind(" ", 0, PIECE_CHARS) + 1 \
            or PIECE_CHARS
        parts.append(line[:cut].rstrip())
        line = line[cut:].lstrip()
    return [*parts, line]


def _as_flowables(pieces: list[str], style: ParagraphStyle, bullet: str | None = None,
                  label: str = "") -> list[Flowable]:
    """The pieces as paragraphs; the first has the bullet or the run-in label."""
    styles = [style]
    if len(pieces) > 1:
        inner = _continued(style)
        styles = [_continued(style, before=None)] + [inner] * (len(pieces) - 2) + \
            [_continued(style, after=None)]
    first = RunInLabel(pieces[0], styles[0], bullet, label=label) if label \
        else Paragraph(pieces[0], styles[0], bulletText=bullet)
    return [first, *(Paragraph(p, s) for p, s in zip(pieces[1:], styles[1:], strict=True))]


def _continued(style: ParagraphStyle, *, before: float | None = 0,
               after: float | None = 0) -> ParagraphStyle:
    """The style for a piece of a longer paragraph: no space where pieces meet."""
    key = (style.name, before, after)
    if key not in _CONTINUED:
        _CONTINUED[key] = ParagraphStyle(
            f"{style.name}-piece-{before}-{after}", parent=style,
            spaceBefore=style.spaceBefore if before is None else before,
            spaceAfter=style.spaceAfter if after is None else after)
    return _CONTINUED[key]


def paragraphs(text: str, style: ParagraphStyle = BODY, empty: str = DASH) -> list[Flowable]:
    """A user text as paragraphs, or one muted dash when it is empty."""
    blocks = text_blocks(text)
    if not blocks:
        return [Paragraph(empty, EMPTY)]
    return [f for pieces in blocks for f in _as_flowables(pieces, style)]


def labelled(label: str, text: str, style: ParagraphStyle = BODY) -> list[Flowable]:
    """'Label: text' with a bold run-in label; later paragraphs of the text follow plainly."""
    blocks = text_blocks(text) or [[DASH]]
    return [*_as_flowables(blocks[0], style, label=f"{label}:"),
            *(f for pieces in blocks[1:] for f in _as_flowables(pieces, style))]


def numbered(number: str, text: str, style: ParagraphStyle) -> list[Flowable]:
    """A long text as one numbered item; its later pieces follow without a number."""
    blocks = text_blocks(text) or [[DASH]]
    return [f for i, pieces in enumerate(blocks)
            for f in _as_flowables(pieces, style, number if i == 0 else None)]


def bullets(items: list[str], style: ParagraphStyle = BULLET) -> list[Flowable]:
    return [Paragraph(markup(item), style, bulletText="•") for item in items if item.strip()]


def one_line(text: str) -> str:
    """A title for places that hold one line (outline, running header): whitespace collapsed."""
    return " ".join(plain(text).split())


@lru_cache(maxsize=64)
def fit_line(text: str, font: str, size: float, width: float) -> str:
    """One line shortened with an ellipsis to fit `width` (the full text is elsewhere);
    remembered, as the running header and footer ask for the same line on every page."""
    # No glyph is narrower than a tenth of the size: what is beyond cannot show.
    text = one_line(text[:int(width / (size * 0.1)) + 2 if size > 0 else None])
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-max(1, len(text) // 20)]
    return text.rstrip() + "…"
