"""Work that can wait until the window is usable (issue 15): a part of a page below the
fold. While the main window starts the work waits until it says it is usable; at any
other time it runs in a turn of the event loop of its own, so opening a page never
holds the user up for it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid


def after_start(receiver: QWidget, work: Callable[[], None]) -> None:
    """Run `work` in a later turn of the event loop, and not before the receiver's main
    window is usable (dropped if `receiver` is deleted first)."""
    window = receiver.window()
    if not getattr(window, "starting", False):
        QTimer.singleShot(0, receiver, work)
        return

    def later() -> None:
        if isValid(receiver):
            QTimer.singleShot(0, receiver, work)
    window.usable.connect(later, Qt.ConnectionType.SingleShotConnection)
