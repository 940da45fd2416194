"""Choose candidate interventions from the analysis to bring into the plan."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from ...domain.analysis import Candidate, Factor
from ..common.widgets import fit_to_screen


def _factors(c: Candidate) -> str:
    labels = [Factor(f).label for f in c.factors if f in {x.value for x in Factor}]
    return f" – {', '.join(labels)}" if labels else ""


class CandidatesDialog(QDialog):
    def __init__(self, candidates: list[Candidate], areas: list[tuple[str, str]], parent=None):
        """candidates: those not yet in the plan; areas: (id, title) to put them in."""
        super().__init__(parent)
        self.setWindowTitle("Hämta insatser från nulägesanalysen")
        fit_to_screen(self, 640, 420)
        self.list = QListWidget(self)
        for c in candidates:
            item = QListWidgetItem(f"{c.title}{_factors(c)}")
            item.setToolTip(c.description)
            item.setData(Qt.ItemDataRole.UserRole, c)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.area = QComboBox(self)
        for area_id, title in areas:
            self.area.addItem(title, area_id)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton("Lägg till i planen", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Avbryt", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(lambda _i: self.ok.setEnabled(bool(self.chosen())))
        self.ok.setEnabled(False)
        form = QFormLayout()
        form.addRow("Till utvecklingsområde:", self.area)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Bocka i insatserna att lägga till. Kopplingarna till "
                                "orsaker och framgångsfaktorer följer med.", self))
        layout.addWidget(self.list)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> list[Candidate]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def area_id(self) -> str:
        return self.area.currentData()
