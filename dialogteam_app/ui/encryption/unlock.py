"""At start: an encrypted database asks for its passphrase until it opens or the
user gives up. The key is derived once (~0.3 s) and kept only in memory."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ...commands_passphrase import DATABASE_PASSPHRASE_ENV
from ...paths import DataPaths
from ...store.encryption import WrongDatabasePassphrase, needs_passphrase, unlock
from ..common.passphrase_fields import ask_passphrase


def unlock_at_start(paths: DataPaths, ask=ask_passphrase) -> bool:
    """True when the database can be opened (it is plain, or now unlocked). The
    passphrase in $DIALOGTEAM_PASSPHRASE (scripts, benchmarks, tests) is tried first."""
    error = ""
    given = os.environ.get(DATABASE_PASSPHRASE_ENV)
    while needs_passphrase(paths):
        passphrase = given if given is not None else ask(
            None, "Dialogteam – krypterad databas",
            f"Databasen i {paths.root} är krypterad. Skriv lösenfrasen för att öppna den.",
            error)
        given = None
        if passphrase is None:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            unlock(paths, passphrase)
        except WrongDatabasePassphrase as exc:
            error = str(exc)
        finally:
            QApplication.restoreOverrideCursor()
    return True
