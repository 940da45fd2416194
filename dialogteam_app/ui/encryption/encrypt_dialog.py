"""Arkiv → Kryptera databasen…: what encryption does and does not protect, a new
passphrase typed twice, then the conversion off the GUI thread (a backup first)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ...store.encryption import is_encrypted
from ...store.errors import StoreError
from ..common.background_job import run_in_background
from ..common.dialogs import show_error, show_info
from ..common.passphrase_fields import NewPassphraseFields
from ..common.widgets import hint, section_title

EXPLANATION = (
    "Databasen och alla säkerhetskopior krypteras (SQLCipher, AES-256). Den som får tag "
    "i datorn eller filerna kan då inte läsa anteckningarna utan lösenfrasen.\n\n"
    "Programmet frågar efter lösenfrasen varje gång det startar. Lösenfrasen sparas "
    "ingenstans: glömmer du den går databasen inte att öppna, inte ens för den som "
    "skrev programmet. Skriv ner den och förvara den säkert.\n\n"
    "Innan databasen krypteras görs en säkerhetskopia, som sedan krypteras med samma "
    "nyckel. Utbytespaket och PDF:er krypteras inte av detta; paket har en egen lösenfras.")


class EncryptDialog(QDialog):
    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle("Kryptera databasen")
        self.passphrase = NewPassphraseFields(self)
        layout = QVBoxLayout(self)
        layout.addWidget(section_title("Kryptera databasen med en lösenfras", self))
        layout.addWidget(hint(EXPLANATION, self))
        layout.addWidget(self.passphrase)
        buttons = QDialogButtonBox(self)
        self.encrypt_button = buttons.addButton("Kryptera", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Avbryt", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.passphrase.changed.connect(self._update)
        self._update()
        self.setMinimumWidth(560)

    def _update(self) -> None:
        self.encrypt_button.setEnabled(self.passphrase.problem() is None)

    def accept(self) -> None:
        if self.passphrase.problem() is None:
            super().accept()


def encrypt_from_window(window, ask=None) -> bool:
    """The whole step: the dialog, then close, convert, reopen and rebuild the pages.
    `ask` replaces the dialog in tests: it returns the passphrase or None."""
    ctx = window.ctx
    if is_encrypted(ctx.paths):
        show_info(window, "Databasen är krypterad",
                  "Databasen är redan krypterad. Lösenfrasen frågas efter vid varje start.")
        return False
    if ask is None:
        dialog = EncryptDialog(window)
        passphrase = (dialog.passphrase.passphrase()
                      if dialog.exec() == QDialog.DialogCode.Accepted else None)
    else:
        passphrase = ask()
    if passphrase is None:
        return False
    if ctx.autosaver.invalid_messages():
        show_info(window, "Rätta först", "Några ändringar är inte sparade eftersom de innehåller "
                  "fel. Rätta eller ångra dem innan du krypterar.")
        return False
    ctx.autosaver.flush()
    try:
        backup = ctx.store.encrypt(ctx.paths, passphrase, run=lambda job: run_in_background(
            window, "Krypterar databasen", lambda progress: job()))
    except (StoreError, OSError) as exc:
        show_error(window, "Databasen krypterades inte", str(exc))
        return False
    finally:
        window.reload_data()
    show_info(window, "Databasen är krypterad",
              "Databasen och säkerhetskopiorna är krypterade. Nästa gång programmet startar "
              f"frågar det efter lösenfrasen.\n\nSäkerhetskopian före krypteringen: {backup.name} "
              "(också krypterad).")
    return True
