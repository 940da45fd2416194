"""Draws list items from a small piece of HTML (bold, colour, tag chips).

Heights are cached per (text, width): a meeting with a thousand notes lays out
once, not on every repaint. An item that also gives its text as a plain head line
and body (PLAIN_ROLE) is measured with font metrics, a third of the cost of an
HTML layout and the same height, unless its head might not fit on one line.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QFontMetrics, QPalette, QTextDocument
from PySide6.QtWidgets import QStyledItemDelegate

HTML_ROLE = Qt.ItemDataRole.UserRole + 10
# (head, body) as plain text, for an HTML of the form "head<br>body" whose head is one
# line of the item's font (parts of it may be bold) and whose body is escaped text.
PLAIN_ROLE = Qt.ItemDataRole.UserRole + 11
PADDING = 6
# A text colour not tied to its own background (chips and hits set both).
_LONE_COLOUR = re.compile(r'(?<![-\w])(?<!; )color:#[0-9a-fA-F]{6}')


def escape(text: str) -> str:
    """Text made safe inside these items' HTML, as html.escape() does it: that module
    loads its table of 2 000 entities on import (~1.5 ms on the way to a meeting)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


def on_selection(html: str, highlighted_text: str) -> str:
    """A selected row is drawn on the highlight colour: text coloured for the plain
    background (times, "i analysen") takes the highlight's text colour instead."""
    return _LONE_COLOUR.sub(f"color:{highlighted_text}", html)


class HtmlDelegate(QStyledItemDelegate):
    def __init__(self, view):
        super().__init__(view)
        self._view = view
        self._heights: dict[tuple[str, int], int] = {}
        self._measure = PlainMeasure(view.font())

    def _document(self, html: str, width: int, option) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setHtml(html)
        doc.setTextWidth(max(50, width - 2 * PADDING))
        return doc

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt's name)
        super().initStyleOption(option, index)
        option.text = ""  # the style draws the row; the HTML goes on top

    def paint(self, painter, option, index) -> None:
        # Background, selection and focus are drawn by the base class in C++: drawing
        # them from Python needs QStyle, which PySide wraps with all its enums (~5 ms
        # the first time, on the way to the first paint of a meeting).
        super().paint(painter, option, index)
        html = index.data(HTML_ROLE) or ""
        selected = self._view.selectionModel().isSelected(index)
        if selected:
            html = on_selection(html, option.palette.color(QPalette.ColorRole.HighlightedText).name())
        doc = self._document(html, option.rect.width(), option)
        painter.save()
        painter.translate(option.rect.left() + PADDING, option.rect.top() + PADDING)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        clip = QRectF(0, 0, option.rect.width() - 2 * PADDING, option.rect.height() - 2 * PADDING)
        painter.setClipRect(clip)
        context.clip = clip
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        html = index.data(HTML_ROLE) or ""
        # The option's rect is not laid out yet here; items span the viewport.
        width = self._view.viewport_width() or 600
        key = (html, width)
        height = self._heights.get(key)
        if height is None:
            plain = index.data(PLAIN_ROLE)
            if plain and self._measure.font != option.font:
                self._measure = PlainMeasure(option.font)
            measured = plain and self._measure.height(*plain, width - 2 * PADDING)
            if not measured:
                measured = int(self._document(html, width, option).size().height())
            height = measured + 2 * PADDING
            if len(self._heights) > 20_000:
                self._heights.clear()
            self._heights[key] = height
        return QSize(width, height)


class PlainMeasure:
    """Heights of "head<br>body" items in one font, as QTextDocument lays them out."""

    def __init__(self, font: QFont):
        self.font = QFont(font)
        bold = QFont(font)
        bold.setBold(True)
        self._bold = QFontMetrics(bold)
        self._metrics = QFontMetrics(font)
        self._one_line = self._metrics.boundingRect(
            QRect(0, 0, 1000, 1000), Qt.TextFlag.TextWordWrap, "Åg").height()

    def height(self, head: str, body: str, width: int) -> int | None:
        """None when the head, measured all bold, might wrap: then lay out the HTML."""
        width = max(50, width)
        if not body or self._bold.horizontalAdvance(head) >= width:
            return None
        spacing = self._metrics.lineSpacing()
        if "\n" not in body and self._metrics.horizontalAdvance(body) < width:
            return spacing + self._one_line  # one line: no wrapping to work out
        lines = self._metrics.boundingRect(QRect(0, 0, width, 1 << 20),
                                           Qt.TextFlag.TextWordWrap, body)
        return spacing + lines.height()
