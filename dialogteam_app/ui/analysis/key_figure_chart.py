"""A small bar chart: one skolenhet's newest key figures against the national
average, each measure on its own honest scale (0–100 % for shares)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...domain.analysis import KeyFigure
from ...domain.key_figures import (
    Comparison,
    compare,
    difference_with_verdict,
    format_value,
    latest_per_measure,
    scale_max,
    subject_label,
)
from ..common.theme import colours


def difference_colour(k: KeyFigure) -> str:
    """Better and worse in the theme's ok and error colours (the words say it too)."""
    c = colours()
    return {Comparison.BETTER: c.ok, Comparison.WORSE: c.error}.get(compare(k), c.muted)

ROW_H = 44
BAR_H = 13
LEGEND_H = 28


class KeyFigureChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("keyFigureChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._rows: list[KeyFigure] = []
        self._unit = ""
        self._fit()

    def set_figures(self, figures: list[KeyFigure], unit_name: str) -> None:
        self._rows = latest_per_measure(figures)
        self._unit = unit_name
        self._fit()
        self.setAccessibleDescription("; ".join(
            f"{subject_label(k)} {k.year}: {format_value(k.value, k.measure)}, riket "
            f"{format_value(k.national_value, k.measure)}, {difference_with_verdict(k)}"
            for k in self._rows))
        self.update()

    def rows(self) -> list[KeyFigure]:
        return list(self._rows)

    def _fit(self) -> None:
        self.setFixedHeight(LEGEND_H + max(1, len(self._rows)) * ROW_H + 8)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = colours()
        p.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        metrics = QFontMetrics(self.font())
        if not self._rows:
            p.setPen(QColor(c.muted))
            p.drawText(
                self.rect().adjusted(4, 0, 0, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                "Inga nyckeltal att visa ännu: lägg till eller importera nyckeltal ovan.",
            )
            return
        self._legend(p, metrics)
        width = self.width()
        label_w = min(340, int(width * 0.36))
        diff_w = metrics.horizontalAdvance("−000,00 bakgrundsfaktor") + 12
        value_w = metrics.horizontalAdvance("000,00 %") + 10
        bar_x = label_w + 12
        bar_w = max(40, width - bar_x - value_w - diff_w)
        for i, k in enumerate(self._rows):
            top = LEGEND_H + i * ROW_H
            self._row(p, metrics, k, top, label_w, bar_x, bar_w, value_w)

    def legend(self) -> list[tuple[str, str]]:
        """(colour, text) for every bar colour the chart uses."""
        c = colours()
        entries = [(c.chart_school, self._unit or "Skolenheten")]
        if any(k.measure.is_context for k in self._rows):
            entries.append((c.chart_context, "Bakgrundsfaktor"))
        return entries + [(c.chart_national, "Riket")]

    def _legend(self, p: QPainter, metrics: QFontMetrics) -> None:
        c = colours()
        x = 4
        for colour, text in self.legend():
            p.fillRect(QRectF(x, 8, 12, 12), QColor(colour))
            p.setPen(QColor(c.text))
            p.drawText(x + 18, 8 + metrics.ascent(), text)
            x += 18 + metrics.horizontalAdvance(text) + 24
        p.setPen(QColor(c.muted))
        p.drawText(
            QRectF(0, 0, self.width() - 4, LEGEND_H),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            "Senaste år per nyckeltal · skillnad mot riket",
        )

    def _row(self, p: QPainter, metrics: QFontMetrics, k: KeyFigure, top: int, label_w: int,
             bar_x: int, bar_w: int, value_w: int) -> None:
        c = colours()
        label = f"{subject_label(k)} ({k.year})"
        p.setPen(QColor(c.text))
        lines = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_w * 2 - 20)
        p.drawText(
            QRectF(4, top + 4, label_w, ROW_H - 8),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
            lines,
        )
        scale = scale_max(k)
        school = c.chart_context if k.measure.is_context else c.chart_school
        for j, (value, colour) in enumerate(((k.value, school), (k.national_value, c.chart_national))):
            y = top + 7 + j * (BAR_H + 3)
            if value is None:
                continue
            length = max(1.0, bar_w * max(0.0, value) / scale)
            p.fillRect(QRectF(bar_x, y, length, BAR_H), QColor(colour))
            p.setPen(QColor(c.text if j == 0 else c.muted))
            p.drawText(
                QRectF(bar_x + length + 5, y - 2, value_w, BAR_H + 4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                format_value(value, k.measure),
            )
        diff = difference_with_verdict(k)
        if diff:
            font = QFont(self.font())
            font.setBold(True)
            p.setFont(font)
            p.setPen(QColor(difference_colour(k)))
            p.drawText(
                QRectF(0, top, self.width() - 4, ROW_H - 6),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                diff,
            )
            p.setFont(self.font())
        p.setPen(QColor(c.chart_grid))
        p.drawLine(0, top + ROW_H - 1, self.width(), top + ROW_H - 1)
