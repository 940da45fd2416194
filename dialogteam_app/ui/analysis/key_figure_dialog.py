"""A new key figure, entered in a small form that refuses what it cannot store."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ...domain.analysis import KeyFigure, Measure, validate_key_figure
from ...domain.key_figures import duplicate_of, parse_decimal
from ..common.record_form import ErrorLabel
from ..common.widgets import accept_reject_buttons


class KeyFigureDialog(QDialog):
    def __init__(self, engagement_id: str, unit_id: str | None, unit_name: str,
                 existing: list[KeyFigure], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Nytt nyckeltal")
        self.figure: KeyFigure | None = None
        self._engagement_id, self._unit_id, self._existing = engagement_id, unit_id, existing
        self.measure = QComboBox(self)
        self._measures = list(Measure)
        for m in self._measures:
            self.measure.addItem(m.label + (f" ({m.unit})" if m.unit else ""))
        self.subject = QLineEdit(self)
        self.subject.setPlaceholderText("för prov och betygspoäng: matematik, svenska …")
        self.year = QLineEdit(str(date.today().year - 1), self)
        self.value = QLineEdit(self)
        self.value.setPlaceholderText("till exempel 197,5")
        self.national = QLineEdit(self)
        self.national.setPlaceholderText("riksgenomsnittet samma år")
        self.source = QLineEdit("SIRIS", self)
        self.error = ErrorLabel(self)

        form = QFormLayout()
        form.addRow("Skolenhet:", QLabel(unit_name, self))
        for text, widget in (("&Nyckeltal:", self.measure), ("Ä&mne:", self.subject),
                             ("&År:", self.year), ("&Värde:", self.value),
                             ("&Riket:", self.national), ("&Källa:", self.source)):
            form.addRow(text, widget)
        buttons, _ = accept_reject_buttons(self, "Lägg till")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.value.setFocus()

    def accept(self) -> None:
        value = parse_decimal(self.value.text())
        national = parse_decimal(self.national.text()) if self.national.text().strip() else None
        if value is None:
            self.error.show_message("Skriv värdet som ett tal, till exempel 197,5.")
            return
        if self.national.text().strip() and national is None:
            self.error.show_message("Skriv riksgenomsnittet som ett tal, eller lämna det tomt.")
            return
        k = KeyFigure(engagement_id=self._engagement_id, school_unit_id=self._unit_id,
                      measure=self._measures[self.measure.currentIndex()], year=self.year.text(),
                      value=value, national_value=national, subject=self.subject.text().strip(),
                      source=self.source.text().strip())
        problems = [e.message for e in validate_key_figure(k)]
        if duplicate_of(k, self._existing) is not None:
            problems.append("Det nyckeltalet finns redan för samma år; ändra det i tabellen.")
        if problems:
            self.error.show_message(problems[0])
            return
        self.figure = k
        super().accept()

