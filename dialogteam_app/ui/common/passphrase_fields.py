"""A new passphrase typed twice with a strength hint, and the dialog that asks for an
existing one. The rules are passphrase.strength(), the same as on the command line."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...passphrase import mismatch, strength
from .theme import themed
from .widgets import accept_reject_buttons, hint


def _secret_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class NewPassphraseFields(QWidget):
    """Two fields, a "visa" toggle and a line saying how good the passphrase is."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.first = _secret_field(self)
        self.second = _secret_field(self)
        self.first.setAccessibleName("Lösenfras")
        self.second.setAccessibleName("Lösenfras igen")
        self.show_text = QCheckBox("Visa lösenfrasen", self)
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("&Lösenfras:", self.first)
        form.addRow("&Samma igen:", self.second)
        form.addRow("", self.show_text)
        form.addRow("", self.verdict)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self.show_text.toggled.connect(self._show)
        self._update()

    def _show(self, on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)

    def problem(self) -> str | None:
        verdict = strength(self.first.text())
        if not verdict.acceptable:
            return verdict.text
        return mismatch(self.first.text(), self.second.text())

    def passphrase(self) -> str:
        return self.first.text()

    def _update(self) -> None:
        verdict = strength(self.first.text())
        problem = self.problem()
        text = verdict.text if verdict.acceptable and problem is None else (problem or "")
        if verdict.acceptable and problem and self.second.text() == "":
            text = f"{verdict.text} Skriv den en gång till."
        self.verdict.setText(text)
        self.changed.emit()


class AskPassphraseDialog(QDialog):
    """Asks for an existing passphrase (a package's, the database's)."""

    def __init__(self, parent: QWidget | None, title: str, text: str, error: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.field = _secret_field(self)
        self.field.setAccessibleName("Lösenfras")
        layout = QVBoxLayout(self)
        layout.addWidget(hint(text, self))
        if error:
            message = QLabel(error, self)
            message.setWordWrap(True)
            themed(message, "fieldError")  # the theme's error colour, light or dark
            layout.addWidget(message)
        form = QFormLayout()
        form.addRow("&Lösenfras:", self.field)
        layout.addLayout(form)
        buttons, self.ok = accept_reject_buttons(self, "Öppna")
        layout.addWidget(buttons)
        self.ok.setEnabled(False)
        self.field.textChanged.connect(lambda t: self.ok.setEnabled(bool(t)))
        self.setMinimumWidth(460)


def ask_passphrase(parent: QWidget | None, title: str, text: str, error: str = "") -> str | None:
    dialog = AskPassphraseDialog(parent, title, text, error)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.field.text()
