""""Något gick fel": an unexpected exception, already logged, shown in Swedish with the
log's location and a "Kopiera detaljer" button (error_reporter.py decides when)."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from ...diagnostics import redacted_traceback
from .folders import open_folder


def error_details(exc: BaseException) -> str:
    """What "Kopiera detaljer" copies: versions and the traceback, without user text."""
    return (f"Dialogteam {__version__}, Python {platform.python_version()}, PySide6 "
            f"{pyside_version}, {platform.platform()}\n\n{redacted_traceback(exc)}")


class CrashDialog(QDialog):
    def __init__(self, parent: QWidget | None, exc: BaseException, log_file: Path | None):
        super().__init__(parent)
        self.setWindowTitle("Något gick fel")
        self.details = error_details(exc)
        where = (f"Detaljerna finns i loggfilen<br><code>{log_file}</code>" if log_file
                 else "Loggfilen kunde inte skrivas; kopiera detaljerna nedan.")
        text = QLabel(
            "<b>Något gick fel i Dialogteam.</b><p>Det som redan är sparat finns kvar och du "
            "kan fortsätta arbeta. Om felet kommer igen: starta om programmet. Den som hjälper "
            f"dig behöver detaljerna: tryck <i>Kopiera detaljer</i> och klistra in dem i ett "
            f"e-postmeddelande.</p><p>{where}</p>", self)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QPlainTextEdit(self.details, self)
        box.setReadOnly(True)
        box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton("Kopiera detaljer", self)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        if log_file is not None:
            folder = QPushButton("Öppna loggmappen", self)
            folder.clicked.connect(lambda: open_folder(log_file.parent))
            buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        go_on = buttons.addButton("Fortsätt", QDialogButtonBox.ButtonRole.AcceptRole)
        go_on.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(box, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText("Kopierat ✓")
