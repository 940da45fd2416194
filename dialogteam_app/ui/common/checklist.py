"""A short list of things to tick (skolenheter, problems, causes, factors)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from .widgets import fit_list_height


class Checklist(QListWidget):
    changed = Signal(list)  # ids of the ticked items, in list order

    def __init__(self, empty_text: str = "", parent=None):
        super().__init__(parent)
        self.empty_text = empty_text
        # Long rows end in "…" with the whole text as tooltip: a sideways scrollbar
        # would cover the last row of a list sized to its rows.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.itemChanged.connect(self._item_changed)

    def set_items(self, items: list[tuple[str, str]], checked_ids: list[str]) -> None:
        """items: (id, label) pairs."""
        self.blockSignals(True)
        self.clear()
        for item_id, label in items:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            item.setToolTip(label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if item_id in checked_ids else Qt.CheckState.Unchecked)
            self.addItem(item)
        if not items and self.empty_text:
            hint = QListWidgetItem(self.empty_text)
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(hint)
        fit_list_height(self)
        self.blockSignals(False)

    def checked_ids(self) -> list[str]:
        return [
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).data(Qt.ItemDataRole.UserRole)
            and self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _item_changed(self, item: QListWidgetItem) -> None:
        if item.data(Qt.ItemDataRole.UserRole):
            self.changed.emit(self.checked_ids())
