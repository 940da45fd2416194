"""Arkiv → Säkerhetskopior… and Kontrollera databasen.

A restore closes the database, lets the backup API write the chosen copy into the
live file (off the GUI thread), opens it again and rebuilds the window's pages.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...store.backups import (
    KEEP_DAYS_DEFAULT,
    KEEP_OTHER_DAYS_DEFAULT,
    BackupInfo,
    backup_now,
    check_database,
    list_backups,
)
from ...store.errors import StoreError
from ...store.settings import BACKUP_KEEP_DAYS, BACKUP_KEEP_OTHER_DAYS, Settings
from ..common.background_job import run_in_background
from ..common.dialogs import show_error, show_info
from ..common.widgets import fit_to_screen, hint, section_title


def size_text(n: int) -> str:
    return f"{n / 2**20:.1f} MB".replace(".", ",") if n >= 2**20 else f"{max(1, n // 1024)} kB"


def keep_days(settings: Settings) -> int:
    return settings.days(BACKUP_KEEP_DAYS, KEEP_DAYS_DEFAULT)


def other_keep_days(settings: Settings) -> int:
    return settings.days(BACKUP_KEEP_OTHER_DAYS, KEEP_OTHER_DAYS_DEFAULT)


class BackupsDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.paths = window.ctx.paths
        self.settings = window.ctx.store.settings
        self.setWindowTitle("Säkerhetskopior")
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(["Datum", "Typ", "Storlek"])
        self.table.setAccessibleName("Säkerhetskopior")
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _: self.restore_selected())

        self.days = QSpinBox(self)
        self.days.setRange(1, 3650)
        self.days.setSuffix(" dagar")
        self.days.setValue(keep_days(self.settings))
        self.days.valueChanged.connect(lambda n: self.settings.set(BACKUP_KEEP_DAYS, str(n)))
        self.other_days = QSpinBox(self)
        self.other_days.setRange(1, 3650)
        self.other_days.setSuffix(" dagar")
        self.other_days.setValue(other_keep_days(self.settings))
        self.other_days.valueChanged.connect(
            lambda n: self.settings.set(BACKUP_KEEP_OTHER_DAYS, str(n)))

        self.restore_button = QPushButton("Återställ…", self)
        self.restore_button.clicked.connect(self.restore_selected)
        self.backup_button = QPushButton("Gör en säkerhetskopia nu", self)
        self.backup_button.clicked.connect(self.backup_now)
        folder = QPushButton("Visa mappen", self)
        folder.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(self.paths.backups))))
        close = QPushButton("Stäng", self)
        close.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(section_title("Kopior av databasen", self))
        layout.addWidget(hint(f"En kopia görs när programmet startar och en gång om dagen; "
                              f"kopior tas också före varje uppgradering och återställning. "
                              f"De finns i {self.paths.backups}.", self))
        layout.addWidget(self.table, 1)
        keep = QGridLayout()
        rows = (("&Spara automatiska kopior i", self.days, "(de tre senaste sparas alltid)"),
                ("Spara ö&vriga kopior (manuella, före återställning …) i", self.other_days,
                 "(den senaste av varje slag sparas alltid)"))
        for row, (text, spin, note) in enumerate(rows):
            label = QLabel(text, self)
            label.setBuddy(spin)
            spin.setAccessibleName(text.replace("&", "") + " antal dagar")
            keep.addWidget(label, row, 0)
            keep.addWidget(spin, row, 1)
            keep.addWidget(hint(note, self), row, 2)
        keep.setColumnStretch(2, 1)
        layout.addLayout(keep)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.backup_button)
        buttons.addWidget(folder)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        fit_to_screen(self, 740, 460)
        self.reload()

    def reload(self) -> None:
        self.backups = list_backups(self.paths)
        self.table.setRowCount(len(self.backups))
        for row, b in enumerate(self.backups):
            for column, text in enumerate((f"{b.taken_at:%Y-%m-%d %H:%M}", b.label,
                                           size_text(b.size))):
                item = QTableWidgetItem(text)
                item.setToolTip(b.path.name)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self._selection_changed()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def backup_now(self) -> None:
        self.window_.ctx.autosaver.flush()
        try:
            info = run_in_background(self, "Gör en säkerhetskopia",
                                     lambda progress: backup_now(self.paths))
        except (StoreError, OSError) as exc:
            show_error(self, "Säkerhetskopian kunde inte göras", str(exc))
            return
        self.reload()
        self.table.selectRow(next(i for i, b in enumerate(self.backups) if b.path == info.path))

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or not confirm_restore(self, chosen):
            return
        if restore_backup(self.window_, chosen.path):
            self.reload()


def confirm_restore(parent, chosen: BackupInfo) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, "Återställ säkerhetskopia",
                      f"Återställa databasen från {chosen.taken_at:%Y-%m-%d %H:%M}?", parent=parent)
    box.setInformativeText("Det som har ändrats sedan dess försvinner ur programmet. Den "
                           "nuvarande databasen sparas först som en säkerhetskopia, så att "
                           "du kan gå tillbaka.")
    yes = box.addButton("Återställ", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("Avbryt", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is yes


def restore_backup(window, backup: Path) -> bool:
    """Close the database, write the backup into it, open it again, rebuild the pages."""
    ctx = window.ctx
    if ctx.autosaver.invalid_messages():
        show_info(window, "Rätta först", "Några ändringar är inte sparade eftersom de innehåller "
                  "fel. Rätta eller ångra dem innan du återställer.")
        return False
    ctx.autosaver.flush()
    try:
        kept = ctx.store.restore(ctx.paths, backup, run=lambda job: run_in_background(
            window, "Återställer databasen", lambda progress: job()))
    except (StoreError, OSError) as exc:
        show_error(window, "Säkerhetskopian kunde inte återställas", str(exc))
        return False
    finally:
        window.reload_data()
    show_info(window, "Databasen är återställd",
              f"Databasen är återställd. Det som fanns innan sparades som {kept.name}.")
    return True


def show_database_check(window) -> bool:
    """Run the check off the GUI thread and say what it found; True when all is well."""
    window.ctx.autosaver.flush()
    results = run_in_background(window, "Kontrollerar databasen",
                                lambda progress: check_database(window.ctx.paths.database))
    lines = []
    for item in results:
        if item.skipped:
            lines.append(f"– {item.label}: kontrollerades inte ({item.skipped})")
            continue
        lines.append(f"{'✓' if not item.problems else '✗'} {item.label}")
        lines += [f"      {p}" for p in item.problems[:10]]
    healthy = not any(item.problems for item in results)
    box = QMessageBox(QMessageBox.Icon.Information if healthy else QMessageBox.Icon.Critical,
                      "Kontrollera databasen",
                      "Databasen är hel." if healthy else "Databasen har fel.", parent=window)
    box.setInformativeText("\n".join(lines) + ("" if healthy else
                           "\n\nÅterställ en säkerhetskopia: Arkiv → Säkerhetskopior…"))
    box.addButton("OK", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    return healthy
