"""The plan's timeline: one bar per intervention over the months, grouped by area.

A flowable that splits between rows, so 50+ interventions continue on the next
page with the month scale repeated and the area named again ("forts.").
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ...domain.fields import parse_date
from ...domain.plan_document import PlanDocument
from .fonts import BOLD, ITALIC, REGULAR
from .headings import area_number, intervention_number
from .styles import AREA_COLOURS, GRID, INK, MUTED, RULE, TINT
from .text import fit_line, one_line

LABEL_WIDTH = 68 * mm
AREA_ROW = 15
ROW = 12.5
HEADER = 24
LABEL_SIZE = 7.5
MONTH_LETTERS = "JFMAMJJASOND"


@dataclass(frozen=True)
class TimelineRow:
    label: str
    colour: Color
    is_area: bool = False
    start: date | None = None
    end: date | None = None
    milestones: tuple[date, ...] = ()

    @property
    def height(self) -> float:
        return AREA_ROW if self.is_area else ROW


@dataclass(frozen=True)
class MonthScale:
    first: date   # first day of the first month shown
    months: int

    @classmethod
    def covering(cls, days: list[date]) -> MonthScale:
        lo, hi = min(days), max(days)
        return cls(date(lo.year, lo.month, 1), _month_index(date(lo.year, lo.month, 1), hi) + 1)

    def position(self, d: date) -> float:
        """Months from the start of the scale to the start of day `d`, with fractions."""
        return _month_index(self.first, d) + (d.day - 1) / monthrange(d.year, d.month)[1]

    def month(self, index: int) -> date:
        y, m = divmod(self.first.month - 1 + index, 12)
        return date(self.first.year + y, m + 1, 1)


def _month_index(first: date, d: date) -> int:
    return (d.year - first.year) * 12 + d.month - first.month


def timeline_rows(doc: PlanDocument) -> list[TimelineRow]:
    rows = []
    for ai, area in enumerate(doc.areas):
        colour = AREA_COLOURS[ai % len(AREA_COLOURS)]
        rows.append(TimelineRow(f"{area_number(ai)} {one_line(area.title)}", colour, True))
        for ii, iv in enumerate(area.interventions):
            rows.append(TimelineRow(
                f"{intervention_number(ai, ii)} {one_line(iv.title)}", colour,
                start=parse_date(iv.start), end=parse_date(iv.end),
                milestones=tuple(d for m in iv.milestones if (d := parse_date(m.date)))))
    return rows


def scale_for(rows: list[TimelineRow]) -> MonthScale | None:
    days = [d for r in rows for d in (r.start, r.end, *r.milestones) if d]
    return MonthScale.covering(days) if days else None


class Timeline(Flowable):  # type: ignore[misc]  # reportlab has no stubs: its classes are Any
    """Rows of bars under a header of years and months; tagged as a figure whose
    alternative text says the same in words."""

    pdf_role = "Figure"

    def __init__(self, rows: list[TimelineRow], scale: MonthScale) -> None:
        super().__init__()
        self.rows = rows
        self.scale = scale

    @property
    def alt_text(self) -> str:
        return "Tidplan som stapeldiagram. " + " ".join(_row_in_words(r) for r in self.rows)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = HEADER + sum(r.height for r in self.rows)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        used: float = HEADER
        fit = 0
        for row in self.rows:
            if used + row.height > availHeight:
                break
            used += row.height
            fit += 1
        while fit and self.rows[fit - 1].is_area:  # never leave an area name alone at the foot
            fit -= 1
        if fit == 0 or fit == len(self.rows):
            return []
        rest = self.rows[fit:]
        if not rest[0].is_area:
            area = next(r for r in reversed(self.rows[:fit]) if r.is_area)
            rest = [replace(area, label=area.label + " (forts.)"), *rest]
        return [Timeline(self.rows[:fit], self.scale), Timeline(rest, self.scale)]

    # Drawing; y grows upwards from the bottom of the flowable.
    def draw(self) -> None:
        c = self.canv
        chart_x = LABEL_WIDTH
        chart_w = self.width - LABEL_WIDTH
        month_w = chart_w / self.scale.months
        top = self.height - HEADER
        self._draw_grid(chart_x, month_w, top)
        self._draw_header(chart_x, month_w, top)
        y = top
        for row in self.rows:
            y -= row.height
            if row.is_area:
                c.setFillColor(TINT)
                c.rect(0, y, self.width, row.height, stroke=0, fill=1)
            self._draw_label(row, y, LABEL_WIDTH - 6)
            if not row.is_area:
                self._draw_bar(row, y, chart_x, month_w)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        c.line(0, 0, self.width, 0)

    def _draw_grid(self, chart_x: float, month_w: float, top: float) -> None:
        c = self.canv
        for i in range(self.scale.months + 1):
            x = chart_x + i * month_w
            new_year = self.scale.month(i).month == 1 or i in (0, self.scale.months)
            if new_year:
                c.setStrokeColor(RULE)
                c.setLineWidth(0.6)
            elif month_w >= 3:
                c.setStrokeColor(GRID)
                c.setLineWidth(0.3)
            else:
                continue
            c.line(x, 0, x, top + (HEADER if new_year else 0))

    def _draw_header(self, chart_x: float, month_w: float, top: float) -> None:
        c = self.canv
        year_y, month_y = top + 14, top + 4
        c.setFillColor(INK)
        c.setFont(BOLD, 7.5)
        half = stringWidth("2027", BOLD, 7.5) / 2
        chart_end = chart_x + self.scale.months * month_w
        i, free_from = 0, chart_x
        while i < self.scale.months:  # years centred over their months; on a long scale
            first = self.scale.month(i)  # only those with room beside the previous label
            span = min(13 - first.month, self.scale.months - i)
            centre = chart_x + (i + span / 2) * month_w
            if centre - half >= free_from and centre + half <= chart_end:
                c.drawCentredString(centre, year_y, str(first.year))
                free_from = centre + half + 4
            i += span
        c.setFont(REGULAR, 6.5)
        c.setFillColor(MUTED)
        for i in range(self.scale.months):
            m = self.scale.month(i).month
            if month_w >= 6:
                c.drawCentredString(chart_x + (i + 0.5) * month_w, month_y, MONTH_LETTERS[m - 1])
            elif month_w * 3 >= 12 and m % 3 == 1:  # too narrow for months: quarters
                c.drawCentredString(chart_x + (i + 1.5) * month_w, month_y, f"K{(m - 1) // 3 + 1}")
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        c.line(0, top, self.width, top)

    def _draw_label(self, row: TimelineRow, y: float, width: float) -> None:
        c = self.canv
        font, size = (BOLD, 8) if row.is_area else (REGULAR, LABEL_SIZE)
        c.setFont(font, size)
        c.setFillColor(INK)
        c.drawString(3 if row.is_area else 9, y + (row.height - size) / 2 + 1.2,
                     fit_line(row.label, font, size, width - (3 if row.is_area else 9)))

    def _draw_bar(self, row: TimelineRow, y: float, chart_x: float, month_w: float) -> None:
        c = self.canv
        mid = y + row.height / 2

        def x_of(d: date) -> float:
            return chart_x + self.scale.position(d) * month_w

        if row.start and row.end and row.end >= row.start:
            x0 = x_of(row.start)
            x1 = max(x_of(row.end) + month_w / monthrange(row.end.year, row.end.month)[1], x0 + 2)
            c.setFillColor(row.colour)
            c.roundRect(x0, mid - 3.2, x1 - x0, 6.4, 1.5, stroke=0, fill=1)
        else:
            x = chart_x
            if row.start and row.end:
                note = "Slutdatum före startdatum"
            elif (day := row.start or row.end) is not None:
                x = x_of(day)
                draw_diamond(c, x, mid, 3, row.colour)
                x += 5
                note = "Slutdatum saknas" if row.start else "Startdatum saknas"
            else:
                note = "Tidplan saknas"
            c.setFont(ITALIC, 6.5)
            c.setFillColor(MUTED)
            c.drawString(x + 2, mid - 2.2, note)
        for d in row.milestones:
            draw_diamond(c, x_of(d), mid, 2.8, INK, outline=True)


def draw_diamond(c: Canvas, x: float, y: float, r: float, colour: Color,
                 outline: bool = False) -> None:
    """The milestone mark; outlined in white so it stands out on a bar."""
    path = c.beginPath()
    path.moveTo(x, y + r)
    path.lineTo(x + r, y)
    path.lineTo(x, y - r)
    path.lineTo(x - r, y)
    path.close()
    c.setFillColor(colour)
    if outline:
        c.setStrokeColor(Color(1, 1, 1))
        c.setLineWidth(0.6)
    c.drawPath(path, stroke=1 if outline else 0, fill=1)


def _row_in_words(row: TimelineRow) -> str:
    if row.is_area:
        return f"Utvecklingsområde {row.label}."
    if row.start and row.end and row.end >= row.start:
        when = f"pågår {row.start.isoformat()} till {row.end.isoformat()}"
    elif row.start or row.end:
        when = f"startar {row.start.isoformat()}, slutdatum saknas" if row.start else \
            f"slutar {row.end.isoformat()}, startdatum saknas" if row.end else ""
    else:
        when = "tidplan saknas"
    if row.start and row.end and row.end < row.start:
        when = "slutdatum före startdatum"
    marks = ", ".join(d.isoformat() for d in row.milestones)
    return f"Insats {row.label}: {when}" + (f", delmål {marks}." if marks else ".")


class TimelineLegend(Flowable):  # type: ignore[misc]  # reportlab has no stubs: its classes are Any
    """'▬ Insatsens period  ◆ Delmål' drawn with the chart's own marks."""

    pdf_role = "Figure"
    alt_text = "Teckenförklaring: en stapel visar insatsens period från start till slut, " \
        "en romb ett delmål."

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, 14
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(AREA_COLOURS[0])
        c.roundRect(0, 3.5, 16, 6.4, 1.5, stroke=0, fill=1)
        c.setFont(REGULAR, 7.5)
        c.setFillColor(MUTED)
        c.drawString(21, 4.5, "Insatsens period (start–slut)")
        x = 21 + stringWidth("Insatsens period (start–slut)", REGULAR, 7.5) + 16
        draw_diamond(c, x, 6.7, 2.8, INK)
        c.setFillColor(MUTED)
        c.drawString(x + 7, 4.5, "Delmål")

