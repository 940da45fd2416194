"""A tree whose long items wrap onto more lines instead of being cut off: the
analysis is sentences, and a cut-off sentence hides what matters (and the ⚠)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget

PADDING = 6
TEXT_MARGIN = 3   # the style's margin around item text (QCommonStyle)


class _WrappingDelegate(QStyledItemDelegate):
    def __init__(self, tree: QTreeWidget):
        super().__init__(tree)
        self._tree = tree

    def sizeHint(self, option, index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        tree = self._tree
        indent = tree.indentation() * (depth + (1 if tree.rootIsDecorated() else 0))
        # Where the style puts the text once the check box (if any) has its place.
        opt.rect = QRect(0, 0, max(80, tree.viewport().width() - indent), 100_000)
        text_rect = tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, tree)
        width = max(40, text_rect.width() - 2 * TEXT_MARGIN)
        text = QFontMetrics(opt.font).boundingRect(QRect(0, 0, width, 100_000),
                                                   Qt.TextFlag.TextWordWrap, opt.text)
        return QSize(opt.rect.width(), text.height() + PADDING)


class WrappingTree(QTreeWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(_WrappingDelegate(self))
        self.fit_to_contents = False   # as tall as its rows (inside a scrolling page)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # row heights follow the new width
        if self.fit_to_contents:
            self.fit_height()

    def fit_height(self) -> None:
        rows, stack = 0, [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop()
            rows += self.sizeHintForIndex(self.indexFromItem(item)).height()
            stack += [item.child(i) for i in range(item.childCount())]
        self.setFixedHeight(rows + 2 * self.frameWidth() + 4)
