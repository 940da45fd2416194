"""The status line's promise: everything typed is saved, or why it is not."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from .autosave import Autosaver
from .theme import show_property_change, themed


class SaveStatusLabel(QLabel):
    def __init__(self, autosaver: Autosaver, parent: QWidget | None = None):
        super().__init__(parent)
        self.autosaver = autosaver
        themed(self, "saveStatus")
        autosaver.state_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        a = self.autosaver
        invalid = a.invalid_messages()
        if a.last_error:
            text, state = f"⚠ Kunde inte spara: {a.last_error}", "error"
        elif invalid:
            text, state = f"⚠ Ej sparat – rätta först: {invalid[0]}", "invalid"
        elif a.busy():
            text, state = "Sparar…", "busy"
        else:
            when = f" {a.last_saved}" if a.last_saved else ""
            text, state = f"✓ Allt sparat{when}", "ok"
        self.setText(text)
        self.setToolTip("\n".join(invalid) if invalid else text)
        self.setAccessibleName(text)
        if self.property("state") != state:  # colours per state in theme.stylesheet()
            self.setProperty("state", state)
            show_property_change(self)
