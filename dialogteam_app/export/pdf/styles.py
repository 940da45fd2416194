"""Page geometry, colours and paragraph styles: one calm, legible look.

A4, Open Sans, dark text, one blue accent (the program's own) for headings and
rules, a muted palette only where the timeline needs to tell areas apart.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from .fonts import BOLD, ITALIC, REGULAR

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 25 * mm
MARGIN_RIGHT = 22 * mm
MARGIN_TOP = 26 * mm
MARGIN_BOTTOM = 22 * mm
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

# A TableStyle command: (name, (col, row), (col, row), *values).
TableCommand = tuple[Any, ...]


def _colour(hex_code: str) -> colors.Color:
    """An opaque colour that leaves the opacity alone. Nothing in these documents is
    transparent, but reportlab sets the opacity again (to 1, a no-op) for every
    paragraph, cell and label it colours unless the colour's alpha is None: ~5 % of a
    plan's export."""
    return colors.Color(*colors.HexColor(hex_code).rgb(), alpha=None)


INK = _colour("#1d2b36")
MUTED = _colour("#5a6a76")
ACCENT = _colour("#0b5c8a")
RULE = _colour("#c9d3da")
TINT = _colour("#eef3f6")
GRID = _colour("#e3e9ed")

# Bars of the timeline, one colour per development area (cycled).
AREA_COLOURS = [_colour(c) for c in (
    "#0b5c8a", "#3f8f7a", "#b07d2b", "#7a5a9a", "#a5493f", "#4f6f8f", "#6b8e23")]

BODY_SIZE = 9.5
BODY_LEADING = 14
NUMBER_INDENT = 12 * mm  # room for "2.10" before a heading's text


def _style(name: str, **kw: Any) -> ParagraphStyle:
    # allowWidows=0: a paragraph never leaves its last line alone at the top of a page.
    base = dict(fontName=REGULAR, fontSize=BODY_SIZE, leading=BODY_LEADING, textColor=INK,
                bulletFontName=REGULAR, alignment=TA_LEFT, allowWidows=0)
    return ParagraphStyle(name, **{**base, **kw})


BODY = _style("body", spaceAfter=5)
FIELD = _style("field", spaceAfter=4)  # "Label: text" lines inside an intervention
BULLET = _style("bullet", leftIndent=5 * mm, bulletIndent=1 * mm, spaceAfter=2)
EMPTY = _style("empty", textColor=MUTED, spaceAfter=5)
SMALL = _style("small", fontSize=8, leading=10.5, textColor=MUTED)
CELL = _style("cell", fontSize=8.5, leading=11.5)
CELL_BOLD = _style("cellBold", fontName=BOLD, fontSize=8.5, leading=11.5)
CELL_HEAD = _style("cellHead", fontName=BOLD, fontSize=8, leading=10.5, textColor=MUTED)
CELL_HEAD_NUM = _style("cellHeadNum", fontName=BOLD, fontSize=8, leading=10.5,
                       textColor=MUTED, alignment=TA_RIGHT)

H1 = _style("h1", fontName=BOLD, fontSize=17, leading=22, textColor=ACCENT, spaceAfter=10,
            leftIndent=NUMBER_INDENT, bulletIndent=0, bulletFontName=BOLD, bulletFontSize=17)
H2 = _style("h2", fontName=BOLD, fontSize=12.5, leading=17, textColor=INK, spaceBefore=14,
            spaceAfter=6, leftIndent=NUMBER_INDENT, bulletIndent=0, bulletFontName=BOLD,
            bulletFontSize=12.5)
H3 = _style("h3", fontName=BOLD, fontSize=10, leading=14, textColor=ACCENT, spaceBefore=9,
            spaceAfter=3)
UNNUMBERED_H1 = _style("h1plain", fontName=BOLD, fontSize=17, leading=22, textColor=ACCENT,
                       spaceAfter=12)

COVER_KICKER = _style("coverKicker", fontName=BOLD, fontSize=10, leading=14, textColor=ACCENT)
COVER_TITLE = _style("coverTitle", fontName=BOLD, fontSize=32, leading=38, textColor=INK,
                     spaceBefore=6, spaceAfter=10)
COVER_ORGANISER = _style("coverOrganiser", fontSize=20, leading=26, textColor=INK, spaceAfter=6)
COVER_SUBTITLE = _style("coverSubtitle", fontName=ITALIC, fontSize=11, leading=15,
                        textColor=MUTED)

# Numbers hang as paragraph bullets; rightIndent keeps text clear of the page numbers.
TOC_LEVELS = [
    _style("toc0", fontName=BOLD, fontSize=10, leading=14, spaceBefore=7,
           leftIndent=NUMBER_INDENT, bulletIndent=0, bulletFontName=BOLD, bulletFontSize=10,
           rightIndent=12 * mm),
    _style("toc1", fontSize=9, leading=12.5, spaceBefore=1.5,
           leftIndent=NUMBER_INDENT + 10 * mm, bulletIndent=NUMBER_INDENT, bulletFontSize=9,
           rightIndent=12 * mm),
]


CELL_PADDING = 4  # left and right in every table cell


def table_style(*commands: TableCommand) -> list[TableCommand]:
    """Commands every table starts with: CELL's font, size and colour for plain cells
    (else Helvetica, which is not embedded), no outer box, top-aligned cells."""
    return [
        ("FONTNAME", (0, 0), (-1, -1), CELL.fontName),
        ("FONTSIZE", (0, 0), (-1, -1), CELL.fontSize),
        ("TEXTCOLOR", (0, 0), (-1, -1), CELL.textColor),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *commands,
    ]
