"""A small bar chart: one skolenhet's newest key figures against the national
average, each measure on its own honest scale (0–100 % for shares)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...domain.analysis import KeyFigure
from ...domain.key_figures import (
    Comparison,
    compare,
    format_difference,
    format_value,
    latest_per_measure,
    scale_max,
    subject_label,
)

SCHOOL = QColor("#0b5c8a")
CONTEXT = QColor("#7d93a3")
NATIONAL = QColor("#c3ccd3")
TEXT = QColor("#1d2b36")
MUTED = QColor("#5a6a76")
DIFF_COLOURS = {Comparison.BETTER: "#1b6e20", Comparison.WORSE: "#b00020"}

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
            f"{format_value(k.national_value, k.measure)}" for k in self._rows))
        self.update()

    def rows(self) -> list[KeyFigure]:
        return list(self._rows)

    def _fit(self) -> None:
        self.setFixedHeight(LEGEND_H + max(1, len(self._rows)) * ROW_H + 8)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), Qt.GlobalColor.white)
        metrics = QFontMetrics(self.font())
        if not self._rows:
            p.setPen(MUTED)
            p.drawText(
                self.rect().adjusted(4, 0, 0, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                "Inga nyckeltal att visa ännu: lägg till eller importera nyckeltal ovan.",
            )
            return
        self._legend(p, metrics)
        width = self.width()
        label_w = min(340, int(width * 0.36))
        diff_w = metrics.horizontalAdvance("−000,00") + 12
        value_w = metrics.horizontalAdvance("000,00 %") + 10
        bar_x = label_w + 12
        bar_w = max(40, width - bar_x - value_w - diff_w)
        for i, k in enumerate(self._rows):
            top = LEGEND_H + i * ROW_H
            self._row(p, metrics, k, top, label_w, bar_x, bar_w, value_w)

    def _legend(self, p: QPainter, metrics: QFontMetrics) -> None:
        x = 4
        for colour, text in ((SCHOOL, self._unit or "Skolenheten"), (NATIONAL, "Riket")):
            p.fillRect(QRectF(x, 8, 12, 12), colour)
            p.setPen(TEXT)
            p.drawText(x + 18, 8 + metrics.ascent(), text)
            x += 18 + metrics.horizontalAdvance(text) + 24
        p.setPen(MUTED)
        p.drawText(
            QRectF(0, 0, self.width() - 4, LEGEND_H),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            "Senaste år per nyckeltal · skillnad mot riket",
        )

    def _row(self, p: QPainter, metrics: QFontMetrics, k: KeyFigure, top: int, label_w: int,
             bar_x: int, bar_w: int, value_w: int) -> None:
        label = f"{subject_label(k)} ({k.year})"
        p.setPen(TEXT)
        lines = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_w * 2 - 20)
        p.drawText(
            QRectF(4, top + 4, label_w, ROW_H - 8),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
            lines,
        )
        scale = scale_max(k)
        for j, (value, colour) in enumerate(((k.value, CONTEXT if k.measure.is_context
                                              else SCHOOL), (k.national_value, NATIONAL))):
            y = top + 7 + j * (BAR_H + 3)
            if value is None:
                continue
            length = max(1.0, bar_w * max(0.0, value) / scale)
            p.fillRect(QRectF(bar_x, y, length, BAR_H), colour)
            p.setPen(TEXT if j == 0 else MUTED)
            p.drawText(
                QRectF(bar_x + length + 5, y - 2, value_w, BAR_H + 4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                format_value(value, k.measure),
            )
        diff = format_difference(k)
        if diff:
            font = QFont(self.font())
            font.setBold(True)
            p.setFont(font)
            p.setPen(QColor(DIFF_COLOURS.get(compare(k), MUTED.name())))
            p.drawText(
                QRectF(0, top, self.width() - 4, ROW_H - 6),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                diff,
            )
            p.setFont(self.font())
        p.setPen(QColor("#eef1f4"))
        p.drawLine(0, top + ROW_H - 1, self.width(), top + ROW_H - 1)
