"""Cost tables in tkr, as plan cost tables are written: per intervention (its lines),
per area (its interventions) and for the whole plan (subtotals, total, per funder
and per year)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table

from ...domain.money import NBSP, to_tkr
from ...domain.plan_document import DocArea, DocIntervention, PlanDocument
from .fonts import BOLD
from .headings import area_number, intervention_number
from .paragraph import Paragraph, is_clean
from .styles import (
    ACCENT,
    CELL,
    CELL_BOLD,
    CELL_HEAD,
    CELL_HEAD_NUM,
    CELL_PADDING,
    CONTENT_WIDTH,
    INK,
    RULE,
    TINT,
    TableCommand,
    table_style,
)
from .text import DASH, markup, one_line

AMOUNT_WIDTH = 25 * mm  # fits 'Huvudmannen' in the header
INTERVENTION_INDENT = 12  # an intervention's name under its area in the plan's cost table
SHARE_WIDTH = 16 * mm


def _head(widths: list[float], *labels: str, numeric_from: int | None = None) -> list[Any]:
    """Header cells; those from column `numeric_from` on are right-aligned like their
    amounts. A label that fits on one line is a plain string in the header's font
    (`_table` sets it), drawn where the Paragraph would draw it for a fraction of the
    cost; a longer one (a funder's name) wraps as a Paragraph."""
    cells: list[Any] = []
    for i, (label, width) in enumerate(zip(labels, widths, strict=True)):
        numeric = numeric_from is not None and i >= numeric_from
        room = width - 2 * CELL_PADDING
        if label == " ".join(label.split()) and \
                stringWidth(label, CELL_HEAD.fontName, CELL_HEAD.fontSize) <= room:
            cells.append(label)
        else:
            cells.append(Paragraph(escape(label), CELL_HEAD_NUM if numeric else CELL_HEAD))
    return cells


def _text(text: str, width: float, left_padding: float = CELL_PADDING) -> Any:
    """A body cell of escaped text in CELL's style: a plain string when it is one line
    without markup (the table draws it in the same font, colour and place, as it draws
    the amounts; a third of a paragraph's cost, and a plan has hundreds), else the
    paragraph, which wraps. Every body row also holds a plain cell, whose leading (12)
    already sets the row's height."""
    text = text or DASH
    room = width - left_padding - CELL_PADDING
    if "<" not in text and "&" not in text and is_clean(text) \
            and stringWidth(text, CELL.fontName, CELL.fontSize) <= room:
        return text
    return Paragraph(text, CELL)


def _table(rows: list[list[Any]], widths: list[float], commands: list[TableCommand],
           header_rows: int = 1) -> Table:
    """A table that repeats its header and may split inside a row (long user texts)."""
    return Table(rows, colWidths=widths, repeatRows=header_rows, splitInRow=1, hAlign="LEFT",
                 style=table_style(
                     # the header's plain-string cells look like CELL_HEAD paragraphs
                     ("FONTNAME", (0, 0), (-1, header_rows - 1), CELL_HEAD.fontName),
                     ("FONTSIZE", (0, 0), (-1, header_rows - 1), CELL_HEAD.fontSize),
                     ("LEADING", (0, 0), (-1, header_rows - 1), CELL_HEAD.leading),
                     ("TEXTCOLOR", (0, 0), (-1, header_rows - 1), CELL_HEAD.textColor),
                     ("LINEBELOW", (0, 0), (-1, header_rows - 1), 0.8, ACCENT),
                     ("LINEBELOW", (0, header_rows), (-1, -1), 0.3, RULE),
                     *commands))


def _total_row_style(row: int) -> list[TableCommand]:
    return [("FONTNAME", (0, row), (-1, row), BOLD),
            ("LINEABOVE", (0, row), (-1, row), 0.8, INK),
            ("BACKGROUND", (0, row), (-1, row), TINT)]


def intervention_cost_table(iv: DocIntervention) -> Table:
    widths = [CONTENT_WIDTH - 30 * mm - 14 * mm - AMOUNT_WIDTH, 30 * mm, 14 * mm, AMOUNT_WIDTH]
    rows = [_head(widths, "Kostnadspost", "Finansiär", "År", "tkr", numeric_from=2)]
    for cost in iv.costs:
        rows.append([_text(markup(cost.description), widths[0]),
                     _text(markup(cost.funder), widths[1]),
                     str(cost.year) if cost.year else DASH, to_tkr(cost.amount_kr)])
    rows.append(["Summa", "", "", to_tkr(iv.total_kr)])
    return _table(rows, widths, [("ALIGN", (2, 0), (-1, -1), "RIGHT"),
                                 *_total_row_style(len(rows) - 1),
                                 ("NOSPLIT", (0, len(rows) - 2), (-1, len(rows) - 1))])


def milestone_table(iv: DocIntervention) -> Table:
    widths = [24 * mm, CONTENT_WIDTH - 24 * mm]
    rows = [_head(widths, "Datum", "Delmål")]
    rows += [[one_line(m.date) or DASH, _text(markup(m.text), widths[1])]
             for m in iv.milestones]
    return _table(rows, widths, [])


def area_summary_table(ai: int, area: DocArea) -> Table:
    """The area's interventions with their period and cost, and the area's sum."""
    widths = [CONTENT_WIDTH - 46 * mm - AMOUNT_WIDTH, 46 * mm, AMOUNT_WIDTH]
    rows = [_head(widths, "Insats", "Tidplan", "tkr", numeric_from=2)]
    for ii, iv in enumerate(area.interventions):
        rows.append([_text(f"{intervention_number(ai, ii)} {markup(iv.title)}", widths[0]),
                     period(iv.start, iv.end), to_tkr(iv.total_kr)])
    rows.append([f"Summa utvecklingsområde {area_number(ai)}", "", to_tkr(area.total_kr)])
    return _table(rows, widths, [("ALIGN", (2, 0), (-1, -1), "RIGHT"),
                                 *_total_row_style(len(rows) - 1)])


def plan_cost_table(doc: PlanDocument) -> Table:
    """Every intervention's cost per funder, a subtotal per area and the plan's total."""
    funders = list(doc.total_by_funder)
    numeric = 1
    amount_columns = len(funders) + 1
    widths = [CONTENT_WIDTH - AMOUNT_WIDTH * amount_columns] + [AMOUNT_WIDTH] * amount_columns
    rows = [_head(widths, "Utvecklingsområde och insats", *funders, "Totalt",
                  numeric_from=numeric)]
    commands: list[TableCommand] = [("ALIGN", (numeric, 0), (-1, -1), "RIGHT")]
    for ai, area in enumerate(doc.areas):
        rows.append([Paragraph(f"{area_number(ai)} {markup(area.title)}", CELL_BOLD),
                     *[""] * (len(funders) + 1)])
        head = len(rows) - 1
        commands += [("SPAN", (0, head), (-1, head)),
                     ("LINEABOVE", (0, head), (-1, head), 0.8, RULE),
                     ("TOPPADDING", (0, head), (-1, head), 7),
                     ("NOSPLIT", (0, head), (-1, head + 1))]  # area name stays with a row
        area_by_funder: dict[str, int] = defaultdict(int)
        for ii, iv in enumerate(area.interventions):
            by_funder = _by_funder(iv)
            for f, kr in by_funder.items():
                area_by_funder[f] += kr
            rows.append([_text(f"{intervention_number(ai, ii)} {markup(iv.title)}", widths[0],
                               INTERVENTION_INDENT),
                         *(_amount(by_funder.get(f, 0)) for f in funders), to_tkr(iv.total_kr)])
            commands.append(("LEFTPADDING", (0, len(rows) - 1), (0, len(rows) - 1),
                             INTERVENTION_INDENT))
        rows.append([f"Summa utvecklingsområde {area_number(ai)}",
                     *(_amount(area_by_funder.get(f, 0)) for f in funders),
                     to_tkr(area.total_kr)])
        subtotal = len(rows) - 1
        commands += [("FONTNAME", (0, subtotal), (-1, subtotal), BOLD),
                     ("LINEABOVE", (0, subtotal), (-1, subtotal), 0.5, INK),
                     ("NOSPLIT", (0, max(head, subtotal - 1)), (-1, subtotal))]
    rows.append(["Totalt", *(to_tkr(doc.total_by_funder[f]) for f in funders),
                 to_tkr(doc.total_kr)])
    commands += [*_total_row_style(len(rows) - 1),
                 ("NOSPLIT", (0, max(1, len(rows) - 2)), (-1, len(rows) - 1))]
    return _table(rows, widths, commands)


def breakdown_table(title: str, amounts: dict[str, int], total_kr: int, width: float,
                    shares: bool = True) -> Table:
    """'Per finansiär' / 'Per år': label, tkr and, when `shares`, the share of the total;
    `width` is all the table may take."""
    shares = shares and total_kr > 0
    share_width = SHARE_WIDTH if shares else 0
    widths = [width - AMOUNT_WIDTH - share_width, AMOUNT_WIDTH, *([share_width] if shares else [])]
    rows = [_head(widths, title, "tkr", *(["Andel"] if shares else []), numeric_from=1)]
    for label, kr in amounts.items():
        rows.append([_text(markup(label), widths[0]), to_tkr(kr),
                     *([f"{round(100 * kr / total_kr)}{NBSP}%"] if shares else [])])
    rows.append(["Totalt", to_tkr(total_kr), *([f"100{NBSP}%"] if shares else [])])
    return _table(rows, widths,
                  [("ALIGN", (1, 0), (-1, -1), "RIGHT"), *_total_row_style(len(rows) - 1)])


def period(start: str, end: str) -> str:
    start, end = one_line(start), one_line(end)
    if start and end:
        return f"{start}{NBSP}– {end}"
    if start:
        return f"från {start}"
    if end:
        return f"till {end}"
    return DASH


def _by_funder(iv: DocIntervention) -> dict[str, int]:
    sums: dict[str, int] = defaultdict(int)
    for cost in iv.costs:
        sums[cost.funder] += cost.amount_kr
    return sums


def _amount(kr: int) -> str:
    return to_tkr(kr) if kr else DASH
