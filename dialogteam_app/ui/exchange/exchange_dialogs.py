"""Arkiv → Exportera samverkan… and Importera paket…: packages to and from a colleague."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.record_names import counted
from ...exchange import ImportReport, PackageError
from ...exchange.facade import export_from_store, import_into_store
from ...exchange.package_crypto import ENCRYPTED_SUFFIX, PassphraseNeeded, WrongPassphrase
from ...exchange.package_format import SUFFIX
from ...store.errors import StoreError
from ...store.settings import EXCHANGE_NAME
from ..common.background_job import run_in_background
from ..common.dialogs import show_error, show_info
from ..common.passphrase_fields import NewPassphraseFields, ask_passphrase
from ..common.theme import themed
from ..common.widgets import accept_reject_buttons, hint, section_title

FILE_FILTER = f"Dialogteam-paket (*{SUFFIX} *{ENCRYPTED_SUFFIX});;Alla filer (*)"
ENCRYPTED_FILTER = f"Krypterade Dialogteam-paket (*{ENCRYPTED_SUFFIX});;Alla filer (*)"


def _unsaved_edits_block(window) -> bool:
    """Fields holding invalid text would be lost when the pages are rebuilt."""
    invalid = window.ctx.autosaver.invalid_messages()
    if invalid:
        show_info(window, "Rätta först", "Några ändringar är inte sparade eftersom de innehåller "
                  "fel. Rätta eller ångra dem först:\n\n" + "\n".join(f"• {m}" for m in invalid))
    return bool(invalid)


def suggested_file_name(title: str, today: date | None = None, suffix: str = SUFFIX) -> str:
    safe = re.sub(r'[\\/:*?"<>|]+', "-", title).strip(" .-") or "Dialogteam"
    return f"{safe} {(today or date.today()).isoformat()}{suffix}"


def with_suffix(path: Path, suffix: str) -> Path:
    """The chosen name with the package's suffix, whatever of it the user typed."""
    name = path.name
    for known in (ENCRYPTED_SUFFIX, SUFFIX, ".zip"):
        name = name.removesuffix(known)
    return path.with_name(name + suffix)


class ExportDialog(QDialog):
    """What to export and under which name; then a file name is asked for."""

    def __init__(self, window, engagement_id: str | None):
        super().__init__(window)
        self.setWindowTitle("Exportera till en kollega")
        store = window.ctx.store
        self.engagements = QComboBox(self)
        for e, organiser in store.engagements.list_with_organiser():
            self.engagements.addItem(f"{organiser} – {e.display_name}", e.id)
        if engagement_id is not None:
            self.engagements.setCurrentIndex(max(0, self.engagements.findData(engagement_id)))
        self.one = QRadioButton("En samverkan:", self)
        self.all = QRadioButton("Alla samverkan och hela dialogteamet", self)
        group = QButtonGroup(self)
        group.addButton(self.one)
        group.addButton(self.all)
        (self.one if self.engagements.count() else self.all).setChecked(True)
        self.one.setEnabled(self.engagements.count() > 0)
        self.one.toggled.connect(self.engagements.setEnabled)
        self.engagements.setEnabled(self.one.isChecked())
        self.name = QLineEdit(store.settings.exchange_name(), self)
        self.name.setPlaceholderText("Till exempel ditt namn")
        self._notes = store.notes.count
        self.encrypt = QCheckBox("&Kryptera paketet med en lösenfras", self)
        self.passphrase = NewPassphraseFields(self)
        self.encrypt_hint = hint("", self)

        layout = QVBoxLayout(self)
        layout.addWidget(section_title("Vad ska med?", self))
        layout.addWidget(self.one)
        layout.addWidget(self.engagements)
        layout.addWidget(self.all)
        form = QFormLayout()
        form.addRow("Avsändare i paketet:", self.name)
        layout.addWidget(section_title("Från vem?", self))
        layout.addLayout(form)
        layout.addWidget(section_title("Skydd", self))
        layout.addWidget(self.encrypt)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.encrypt_hint)
        layout.addWidget(hint("Paketet är en fil som din kollega läser in med Arkiv → Importera "
                              "paket…. Det du tagit bort följer med, så att det försvinner hos "
                              "kollegan också. Skicka filen på ett USB-minne eller med e-post.",
                              self))
        buttons, self.export_button = accept_reject_buttons(self, "Exportera…")
        layout.addWidget(buttons)
        self.encrypt.toggled.connect(self._update_protection)
        self.passphrase.changed.connect(self._update_protection)
        self.one.toggled.connect(self._default_protection)
        self.engagements.currentIndexChanged.connect(self._default_protection)
        self._default_protection()
        self.resize(560, self.sizeHint().height())

    def holds_notes(self) -> bool:
        return self._notes(self.chosen_engagement()) > 0

    def _default_protection(self) -> None:
        """Notes hold what students and staff said: encrypt them unless the user declines."""
        self.encrypt.setChecked(self.holds_notes())
        self._update_protection()

    def _update_protection(self) -> None:
        on = self.encrypt.isChecked()
        self.passphrase.setVisible(on)
        if on:
            self.encrypt_hint.setText("Kom överens med kollegan om lösenfrasen och ge den på "
                                      "annat sätt än filen, till exempel muntligt eller i ett "
                                      "sms. Utan den går paketet inte att öppna.")
        elif self.holds_notes():
            self.encrypt_hint.setText("⚠ Paketet innehåller anteckningar med personuppgifter. "
                                      "Okrypterat kan den som får tag i filen läsa dem.")
        else:
            self.encrypt_hint.setText("Paketet innehåller inga anteckningar.")
        self.export_button.setEnabled(not on or self.passphrase.problem() is None)
        self.adjustSize()

    def accept(self) -> None:
        if self.encrypt.isChecked() and self.passphrase.problem() is not None:
            self.passphrase.first.setFocus()
            return
        super().accept()

    def chosen_passphrase(self) -> str | None:
        return self.passphrase.passphrase() if self.encrypt.isChecked() else None

    def chosen_engagement(self) -> str | None:
        return self.engagements.currentData() if self.one.isChecked() else None

    def chosen_title(self) -> str:
        return self.engagements.currentText() if self.one.isChecked() else "Dialogteam alla"


def export_to_colleague(window, ask_path=None) -> Path | None:
    """The whole export: the dialog, a file name, the package written off the GUI thread."""
    dialog = ExportDialog(window, window.current_engagement_id())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    ctx = window.ctx
    name = dialog.name.text().strip()
    ctx.store.settings.set(EXCHANGE_NAME, name)
    passphrase = dialog.chosen_passphrase()
    suffix = SUFFIX if passphrase is None else ENCRYPTED_SUFFIX
    suggested = Path.home() / suggested_file_name(dialog.chosen_title(), suffix=suffix)
    ask_path = ask_path or (lambda s: QFileDialog.getSaveFileName(
        window, "Spara paketet", str(s), FILE_FILTER if passphrase is None
        else ENCRYPTED_FILTER)[0])
    chosen = ask_path(suggested)
    if not chosen:
        return None
    path = with_suffix(Path(chosen), suffix)
    ctx.autosaver.flush()
    engagement_id = dialog.chosen_engagement()
    try:
        summary = run_in_background(window, "Exporterar", lambda progress: export_from_store(
            ctx.store, path, engagement_id=engagement_id, created_by=name,
            progress=progress, passphrase=passphrase))
    except (PackageError, StoreError) as exc:
        show_error(window, "Paketet kunde inte sparas", str(exc))
        return None
    locked = " krypterat" if passphrase is not None else ""
    show_info(window, "Paketet är sparat",
              f"Paketet sparades{locked} som {summary.path}.\n\nInnehåll: "
              f"{counted(summary.counts) or 'inga poster'}.\n\nSkicka filen till din kollega, "
              "som läser in den med Arkiv → Importera paket….")
    return path


class ImportSummary(QDialog):
    """What the import did; a button leads on to the conflicts when there are any."""

    def __init__(self, parent: QWidget, path: Path, report: ImportReport):
        super().__init__(parent)
        self.setWindowTitle("Paketet är importerat")
        self.report = report
        who = f" från {report.source}" if report.source else ""
        heading = QLabel(f"{path.name}{who}", self)
        themed(heading, "sectionTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if report.scope_title:
            layout.addWidget(hint(report.scope_title, self))
        self.text = QLabel("\n".join(report.lines()), self)
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(self)
        self.conflicts_button: QPushButton | None = None
        if report.open_conflicts:
            self.conflicts_button = buttons.addButton("Lös konflikter…",
                                                      QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.addButton("Senare", QDialogButtonBox.ButtonRole.RejectRole)
        else:
            buttons.addButton("OK", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)


def import_from_colleague(window, path: Path | None = None,
                          ask=ask_passphrase) -> ImportReport | None:
    """The whole import: choose the file, merge off the GUI thread, show what happened,
    and offer the conflicts."""
    if _unsaved_edits_block(window):
        return None
    if path is None:
        chosen = QFileDialog.getOpenFileName(window, "Importera paket", str(Path.home()),
                                             FILE_FILTER)[0]
        if not chosen:
            return None
        path = Path(chosen)
    ctx = window.ctx
    ctx.autosaver.flush()
    passphrase: str | None = None
    while True:
        try:
            report = run_in_background(window, "Importerar paketet",
                                       lambda progress, given=passphrase: import_into_store(
                                           ctx.store, path, progress=progress,
                                           passphrase=given))
            break
        except (PassphraseNeeded, WrongPassphrase) as exc:
            error = "" if isinstance(exc, PassphraseNeeded) else str(exc)
            passphrase = ask(window, "Krypterat paket",
                             f"Paketet {path.name} är krypterat. Skriv lösenfrasen som du och "
                             "kollegan kom överens om.", error)
            if passphrase is None:
                return None
        except (PackageError, StoreError) as exc:   # the database: locked, disk full
            show_error(window, "Paketet importerades inte",
                       f"{exc}\n\nIngenting har ändrats i din databas.")
            return None
    window.reload_data()
    summary = ImportSummary(window, path, report)
    if summary.exec() == QDialog.DialogCode.Accepted:
        window.show_conflicts()
    return report
