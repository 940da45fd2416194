"""A PDF rendered off the GUI thread for an export dialog's preview, with progress
and cancellation (the dialog closed while it renders). The plan's export dialog has
the same job written for PlanDocument (ui/plan/export_dialog.py); this one takes any
render function."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from ...export.atomic import describe_os_error

log = logging.getLogger(__name__)
Render = Callable[[Path, Callable[[int, int], None]], int]   # (path, progress) -> pages


class Cancelled(Exception):
    """Raised from the progress callback to stop a render nobody waits for."""


class RenderSignals(QObject):
    progress = Signal(int, int)
    finished = Signal(int)   # page count
    failed = Signal(str)     # a Swedish message


class PdfRenderJob(QRunnable):
    def __init__(self, render: Render, path: Path, cancelled: threading.Event):
        super().__init__()
        self.signals = RenderSignals()
        self._render, self._path, self._cancelled = render, path, cancelled

    def run(self) -> None:
        try:
            pages = self._render(self._path, self._progress)
        except Cancelled:
            return
        except OSError as e:
            log.warning("the PDF could not be written", exc_info=True)
            self.signals.failed.emit(describe_os_error(e, self._path))
            return
        except Exception as e:  # noqa: BLE001 - any layout error must reach the user
            log.exception("the PDF could not be laid out")
            self.signals.failed.emit(f"PDF:en kunde inte skapas: {e}")
            return
        self.signals.finished.emit(pages)

    def _progress(self, done: int, total: int) -> None:
        if self._cancelled.is_set():
            raise Cancelled
        self.signals.progress.emit(done, total)
