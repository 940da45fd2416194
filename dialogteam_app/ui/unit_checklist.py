"""A short checklist of a huvudman's skolenheter (for engagements and meetings)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from ..domain.organisations import SchoolUnit
from .widgets import fit_list_height


class UnitChecklist(QListWidget):
    changed = Signal(list)  # ids of the checked units, in list order

    def __init__(self, parent=None):
        super().__init__(parent)
        self.itemChanged.connect(self._item_changed)

    def set_units(self, units: list[SchoolUnit], selected_ids: list[str]) -> None:
        self.blockSignals(True)
        self.clear()
        for u in units:
            item = QListWidgetItem(u.display_name)
            item.setData(Qt.UserRole, u.id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if u.id in selected_ids else Qt.Unchecked)
            self.addItem(item)
        if not units:
            self.addItem(QListWidgetItem("Huvudmannen har inga skolenheter ännu."))
        fit_list_height(self)
        self.blockSignals(False)

    def checked_ids(self) -> list[str]:
        return [self.item(i).data(Qt.UserRole) for i in range(self.count())
                if self.item(i).data(Qt.UserRole) and self.item(i).checkState() == Qt.Checked]

    def _item_changed(self, item: QListWidgetItem) -> None:
        if item.data(Qt.UserRole):
            self.changed.emit(self.checked_ids())
