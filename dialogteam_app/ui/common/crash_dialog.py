"""An unexpected exception in the window: logged with its traceback, then shown in a
Swedish dialog with the log's location and a "Kopiera detaljer" button. The event loop
goes on (PySide6 returns from the failed slot), so the user keeps working; saves run in
the store's writer thread, which an error in a view does not stop.

Qt's own warnings are routed to the same log (logger dialogteam_app.qt)."""

from __future__ import annotations

import logging
import platform
from collections.abc import Callable
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, QtMsgType, QUrl, Signal, qInstallMessageHandler
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from ...diagnostics import install_exception_hooks, redacted_traceback

log = logging.getLogger("dialogteam_app.ui")
qt_log = logging.getLogger("dialogteam_app.qt")

_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


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
        text.setTextInteractionFlags(text.textInteractionFlags()
                                     | text.textInteractionFlags().TextSelectableByMouse)
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


def open_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class ErrorReporter(QObject):
    """Shows uncaught exceptions from any thread on the GUI thread, one dialog at a time:
    while one is open, further errors are only logged (a failing paint event would
    otherwise pile dialogs up)."""

    _raised = Signal(object)

    def __init__(self, log_file: Path | None, parent_window: Callable[[], QWidget | None]):
        super().__init__()
        self.log_file = log_file
        self._parent_window = parent_window
        self.dialog: CrashDialog | None = None
        self._raised.connect(self._show)
        self._restore_hooks: Callable[[], None] | None = None
        self._previous_qt_handler = None

    def install(self) -> None:
        self._restore_hooks = install_exception_hooks(self._raised.emit)
        self._previous_qt_handler = qInstallMessageHandler(_qt_message)

    def uninstall(self) -> None:
        if self._restore_hooks is not None:
            self._restore_hooks()
            self._restore_hooks = None
        qInstallMessageHandler(self._previous_qt_handler)

    def _show(self, exc: BaseException) -> None:
        if self.dialog is not None or QApplication.instance() is None:
            return
        self.dialog = CrashDialog(self._parent_window(), exc, self.log_file)
        try:
            self.dialog.exec()
        finally:
            self.dialog = None


def _qt_message(kind: QtMsgType, context: object, message: str) -> None:
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)
