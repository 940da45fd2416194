"""A small line chart of one key figure over the years: the skolenhet's values
(the baseline year marked) against riket's, on the measure's honest scale."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ...domain.analysis import KeyFigure
from ...domain.key_figures import format_value, scale_max, year_key
from ..common.theme import colours


class TrendChart(QWidget):
    def __init__(self, title: str, figures: list[KeyFigure], baseline_ids: set[str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.figures = sorted(figures, key=lambda k: year_key(k.year))
        self.baseline_ids = baseline_ids
        self.setMinimumSize(260, 150)
        self.setAccessibleName(f"Trend: {title}")
        self.setToolTip("\n".join(
            f"{k.year}: {format_value(k.value, k.measure)} (riket "
            f"{format_value(k.national_value, k.measure)})"
            + (" – baslinje" if k.id in baseline_ids else "") for k in self.figures))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(300, 160)

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.setPen(pal.windowText().color())
        font = p.font()
        font.setBold(True)
        p.setFont(font)
        p.drawText(QRectF(4, 2, self.width() - 8, 18), Qt.TextFlag.TextSingleLine
                   | Qt.AlignmentFlag.AlignLeft, self.title)
        font.setBold(False)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        p.setFont(font)
        plot = QRectF(34, 26, self.width() - 50, self.height() - 50)
        p.setPen(QPen(pal.mid().color(), 1))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        if not self.figures:
            return
        top = max(scale_max(k) for k in self.figures)
        school, nation = QColor(colours().chart_school), QColor(colours().chart_national)
        n = len(self.figures)

        def point(i: int, value: float) -> QPointF:
            x = plot.left() + (plot.width() * (i + 0.5) / n)
            return QPointF(x, plot.bottom() - plot.height() * max(0.0, value) / top)

        for colour, values, style in (
                (nation, [k.national_value for k in self.figures], Qt.PenStyle.DashLine),
                (school, [k.value for k in self.figures], Qt.PenStyle.SolidLine)):
            p.setPen(QPen(colour, 2, style))
            points = [point(i, v) for i, v in enumerate(values) if v is not None]
            for a, b in zip(points, points[1:], strict=False):
                p.drawLine(a, b)
            for pt in points:
                p.drawEllipse(pt, 3, 3)
        p.setPen(pal.windowText().color())
        for i, k in enumerate(self.figures):
            pt = point(i, k.value)
            # The label away from riket's line: below the point when riket is above it.
            below = k.national_value is not None and k.national_value > k.value
            p.drawText(QRectF(pt.x() - 30, pt.y() + (5 if below else -19), 60, 14),
                       Qt.AlignmentFlag.AlignCenter, format_value(k.value, k.measure))
            label = k.year + (" (bas)" if k.id in self.baseline_ids else "")
            p.drawText(QRectF(pt.x() - 40, plot.bottom() + 4, 80, 14),
                       Qt.AlignmentFlag.AlignCenter, label)
        p.setPen(QColor(colours().muted))
        p.drawText(QRectF(plot.left(), self.height() - 14, plot.width(), 14),
                   Qt.AlignmentFlag.AlignRight, "– – riket")
