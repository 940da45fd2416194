"""Edits save themselves: a change is handed to the store's writer thread
shortly after typing pauses, and never later than about a second after it began.

The state shown in the status line lives here too: saving, saved, or not saved
because a field holds an invalid value (which is kept on screen, not written).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject, QTimer, Signal

from ...store.store import Store

PAUSE_MS = 300      # save when typing pauses this long …
MAX_DELAY_MS = 900  # … or at the latest this long after the first unsaved keystroke

log = logging.getLogger(__name__)


class Autosaver(QObject):
    state_changed = Signal()
    save_failed = Signal(str)
    _writer_pending = Signal(int)   # from the writer thread, delivered queued
    _writer_error = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._store: Store | None = None
        self._pending: dict[Hashable, Callable[[], None]] = {}
        self._first_pending_at: float | None = None
        self._invalid: dict[Hashable, str] = {}
        self._writer_count = 0
        self.last_error = ""
        self._error_in_batch = False
        self.last_saved = ""
        self._timer = QTimer(self, singleShot=True, timeout=self.run_pending)
        self._writer_pending.connect(self._on_writer_pending)
        self._writer_error.connect(self._on_writer_error)

    # The store's writer calls these from its own thread.
    def writer_pending(self, count: int) -> None:
        self._writer_pending.emit(count)

    def writer_error(self, exc: BaseException) -> None:
        self._writer_error.emit(str(exc))

    def attach(self, store: Store) -> None:
        self._store = store

    # -- scheduling ---------------------------------------------------------------
    def schedule(self, key: Hashable, save: Callable[[], None]) -> None:
        """Run save() soon; a later schedule with the same key replaces it."""
        self._invalid.pop(key, None)
        self._pending[key] = save
        now = time.monotonic()
        if self._first_pending_at is None:
            self._first_pending_at = now
        waited_ms = (now - self._first_pending_at) * 1000
        self._timer.start(int(max(0, min(PAUSE_MS, MAX_DELAY_MS - waited_ms))))
        self.state_changed.emit()

    def mark_invalid(self, key: Hashable, message: str) -> None:
        """The field behind key holds text that cannot be saved; say so until fixed."""
        self._pending.pop(key, None)
        self._invalid[key] = message
        self.state_changed.emit()

    def forget(self, prefix: Hashable) -> None:
        """Drop invalid marks for a record that was deleted or left behind."""
        for key in [k for k in self._invalid if k == prefix or
                    (isinstance(k, tuple) and k[:len(prefix)] == prefix)]:
            del self._invalid[key]
        self.state_changed.emit()

    def run_pending(self) -> None:
        self._timer.stop()
        pending, self._pending = self._pending, {}
        self._first_pending_at = None
        for save in pending.values():
            try:
                save()
            except Exception as exc:  # a save that fails must be seen, not swallowed
                log.error("a save failed before reaching the writer", exc_info=True)
                self._on_writer_error(str(exc))
        self.state_changed.emit()

    def flush(self) -> None:
        """Write everything now and wait for the disk (before switching views, exporting, quitting)."""
        self.run_pending()
        if self._store is not None:
            self._store.flush()
            self._writer_count = 0
        self.state_changed.emit()

    # -- state ----------------------------------------------------------------------
    def invalid_messages(self) -> list[str]:
        return list(self._invalid.values())

    def busy(self) -> bool:
        return bool(self._pending) or self._writer_count > 0

    def _on_writer_pending(self, count: int) -> None:
        self._writer_count = count
        if count == 0 and not self._pending:
            # A drain without a new error means the disk is writable again.
            if not self._error_in_batch:
                self.last_error = ""
                self.last_saved = time.strftime("%H:%M:%S")
            self._error_in_batch = False
        self.state_changed.emit()

    def _on_writer_error(self, message: str) -> None:
        self.last_error = message
        self._error_in_batch = True
        self.save_failed.emit(message)
        self.state_changed.emit()
