"""Long work (an import, a restore, the database check) off the GUI thread.

The caller waits as if the call were direct, but the window keeps painting and a
progress dialog appears if the work takes more than a moment; the dialog is
window-modal, so nothing can be edited meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
Progress = Callable[[str, float], None]
SHOW_AFTER_MS = 400


class _Signals(QObject):
    progress = Signal(str, float)
    finished = Signal(object, object)    # result, exception


def run_in_background(parent: QWidget, title: str, work: Callable[[Progress], T]) -> T:
    """Run work(progress) on a pool thread; return its result or raise its exception."""
    dialog = QProgressDialog(title, "", 0, 100, parent)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)          # an import or restore is never left half done
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setValue(0)
    signals = _Signals()
    loop = QEventLoop()
    outcome: list = []

    def report(text: str, fraction: float) -> None:
        dialog.setLabelText(text)
        dialog.setValue(int(fraction * 100))

    def finished(result, error) -> None:
        outcome[:] = [result, error]
        loop.quit()

    signals.progress.connect(report)
    signals.finished.connect(finished)

    def job() -> None:
        try:
            result = work(signals.progress.emit)
        except BaseException as exc:  # handed to the waiting caller, raised there
            signals.finished.emit(None, exc)
            return
        signals.finished.emit(result, None)

    QThreadPool.globalInstance().start(job)
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    result, error = outcome
    if error is not None:
        raise error
    return result
