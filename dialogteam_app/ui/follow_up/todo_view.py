"""Att göra: what is due across every samverkan — reports due within 60 days or
overdue, meeting tasks past their date, payments expected, agreements waiting for a
signature. Overdue rows first, in red; Enter or a double-click opens the row's place."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.follow_up_overview import DUE_WITHIN_DAYS, TodoItem
from ..common.context import AppContext
from ..common.theme import colours
from ..common.widgets import PageHeader, add_shortcut, hint

ITEM_ROLE = Qt.ItemDataRole.UserRole


class TodoView(QWidget):
    open_item = Signal(object)   # TodoItem

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[TodoItem] = []
        self.header = PageHeader(self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("todoList")
        self.tree.setProperty("pageSelector", True)  # tests walk every row
        self.tree.setAccessibleName("Att göra")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(["Datum", "Huvudman", "Vad", "Detaljer"])
        head = self.tree.header()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._activated)
        add_shortcut(Qt.Key.Key_Return, self.tree, self._open_current,
                     what="Att göra: öppna den valda raden",
                     context=Qt.ShortcutContext.WidgetShortcut)
        self.empty = hint("Inget att göra just nu: inga redovisningar inom "
                          f"{DUE_WITHIN_DAYS} dagar, inga försenade uppgifter, utbetalningar "
                          "eller överenskommelser som väntar.", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(self.header)
        layout.addWidget(hint("Enter eller dubbelklick öppnar raden.", self))
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)

    def reload(self, today: date | None = None) -> int:
        today = today or self.ctx.store.follow_up.today()
        self.items = self.ctx.store.follow_up_overview.todo(today)
        overdue = sum(i.overdue for i in self.items)
        self.header.set_text("Att göra", f"{len(self.items)} saker i alla samverkan, "
                                         f"{overdue} försenade · {today.isoformat()}")
        self.tree.clear()
        for item in self.items:
            row = QTreeWidgetItem([item.date, item.organiser_name,
                                   f"{item.kind.label}: {item.title}", item.detail])
            row.setData(0, ITEM_ROLE, item)
            if item.overdue:
                for c in range(4):
                    row.setForeground(c, QBrush(QColor(colours().error)))
                row.setText(3, f"Försenad · {item.detail}")
            for c in (2, 3):   # both can be cut on a laptop: the whole text on hover
                row.setToolTip(c, row.text(c))
            self.tree.addTopLevelItem(row)
        self.empty.setVisible(not self.items)
        self.tree.setVisible(bool(self.items))
        if self.items:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        return len(self.items)

    def _activated(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        self.open_item.emit(row.data(0, ITEM_ROLE))

    def _open_current(self) -> None:
        row = self.tree.currentItem()
        if row is not None:
            self._activated(row)
