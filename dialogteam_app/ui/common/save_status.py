"""The status line's promise: everything typed is saved, or why it is not."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from .autosave import Autosaver


class SaveStatusLabel(QLabel):
    def __init__(self, autosaver: Autosaver, parent: QWidget | None = None):
        super().__init__(parent)
        self.autosaver = autosaver
        self.setObjectName("saveStatus")
        autosaver.state_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        a = self.autosaver
        invalid = a.invalid_messages()
        if a.last_error:
            text, color = f"⚠ Kunde inte spara: {a.last_error}", "#b00020"
        elif invalid:
            text, color = f"Ej sparat – rätta först: {invalid[0]}", "#a35200"
        elif a.busy():
            text, color = "Sparar…", "#555555"
        else:
            when = f" {a.last_saved}" if a.last_saved else ""
            text, color = f"✓ Allt sparat{when}", "#1b6e20"
        self.setText(text)
        self.setToolTip("\n".join(invalid) if invalid else text)
        self.setStyleSheet(f"color: {color};")
