"""Uncaught exceptions from any thread go to the log (diagnostics.py) and then, on the
GUI thread, to the "Något gick fel" dialog. The event loop goes on (PySide6 returns
from the failed slot), so the user keeps working; saves run in the store's writer
thread, which an error in a view does not stop. Qt's own warnings go to the same log
(logger dialogteam_app.qt). The dialog's module is imported on the first error."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from ...diagnostics import install_exception_hooks

if TYPE_CHECKING:  # a Qt class imported builds its Python type: not at start (dialogs.py)
    from PySide6.QtWidgets import QDialog

qt_log = logging.getLogger("dialogteam_app.qt")

_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


class ErrorReporter(QObject):
    """Shows uncaught exceptions from any thread on the GUI thread, one dialog at a time:
    while one is open, further errors are only logged (a failing paint event would
    otherwise pile dialogs up)."""

    _raised = Signal(object)

    def __init__(self, log_file: Path | None, parent_window: Callable[[], QWidget | None]):
        super().__init__()
        self.log_file = log_file
        self._parent_window = parent_window
        self.dialog: QDialog | None = None
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
        from .crash_dialog import CrashDialog
        self.dialog = CrashDialog(self._parent_window(), exc, self.log_file)
        try:
            self.dialog.exec()
        finally:
            self.dialog = None


def _qt_message(kind: QtMsgType, context: object, message: str) -> None:
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)
