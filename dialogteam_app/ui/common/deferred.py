"""Work that can wait until the window is usable (issue 15): a part of a page below the
fold. While the main window starts the work waits until it says it is usable; at any
other time it runs in a turn of the event loop of its own, so opening a page never
holds the user up for it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from shiboken6 import isValid

_waiting: list[tuple[QObject, Callable[[], None]]] | None = None  # a list while starting


def after_start(receiver: QObject, work: Callable[[], None]) -> None:
    """Run `work` in a later turn of the event loop, not before the window is usable
    (dropped if `receiver` is deleted first)."""
    if _waiting is None:
        QTimer.singleShot(0, receiver, work)
    else:
        _waiting.append((receiver, work))


def window_starting() -> None:
    global _waiting
    _waiting = []


def window_usable() -> None:
    """What waited for the start runs now, each piece in its own turn."""
    global _waiting
    waiting, _waiting = _waiting or [], None
    for receiver, work in waiting:
        if isValid(receiver):
            QTimer.singleShot(0, receiver, work)
