"""The automatic backups: one at start, then one a day while the program runs.

The copy is taken on a pool thread with its own connection (the backup API reads a
consistent snapshot while the writer goes on), so neither start-up nor typing waits.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from ...store.backups import automatic_backup, automatic_backup_due
from ..common.context import AppContext
from .backup_dialog import keep_days, other_keep_days

CHECK_EVERY_MS = 60 * 60 * 1000   # a laptop asleep for a night is caught up within the hour


class AutomaticBackups(QObject):
    finished = Signal(str)   # a Swedish line for the status bar

    def __init__(self, ctx: AppContext, parent: QObject):
        super().__init__(parent)
        self.ctx = ctx
        self._running = False
        self._timer = QTimer(self, interval=CHECK_EVERY_MS, timeout=self._if_due)
        self.finished.connect(self._done)

    def start(self) -> None:
        self._timer.start()
        self._take()

    def _if_due(self) -> None:
        if automatic_backup_due(self.ctx.paths):
            self._take()

    def _take(self) -> None:
        if self._running:
            return
        self._running = True
        settings = self.ctx.store.settings
        paths, days, other_days = self.ctx.paths, keep_days(settings), other_keep_days(settings)

        def job() -> None:
            try:
                info = automatic_backup(paths, days, other_days)
                message = f"Säkerhetskopia sparad {info.taken_at:%H:%M}."
            except Exception as exc:  # noqa: BLE001 - a failed backup must be seen
                logging.getLogger(__name__).error("the automatic backup failed", exc_info=True)
                message = f"Säkerhetskopian kunde inte göras: {exc}"
            self.finished.emit(message)

        QThreadPool.globalInstance().start(job)

    def _done(self, _message: str) -> None:
        self._running = False
