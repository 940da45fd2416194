"""At start: an encrypted database asks for its passphrase until it opens or the
user gives up. The key is derived once (~0.3 s) and kept only in memory."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ...paths import DataPaths
from ...store.encryption import WrongDatabasePassphrase, needs_passphrase, unlock
from ..common.passphrase_fields import ask_passphrase


def unlock_at_start(paths: DataPaths, ask=ask_passphrase) -> bool:
    """True when the database can be opened (it is plain, or now unlocked)."""
    error = ""
    while needs_passphrase(paths):
        passphrase = ask(None, "Dialogteam – krypterad databas",
                         f"Databasen i {paths.root} är krypterad. Skriv lösenfrasen för att "
                         "öppna den.", error)
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
