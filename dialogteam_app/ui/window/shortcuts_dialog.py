"""Hjälp → Kortkommandon: every shortcut of the window, read from its actual QActions
and QShortcuts (each QShortcut says what it does in its whatsThis), so the list
cannot go stale."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..common.lazy_pages import LazyPage
from ..common.widgets import fit_to_screen, hint

PAGES = ("team", "organiser", "engagement", "meeting", "search", "todo")


def _keys(sequences: list[QKeySequence]) -> str:
    return " eller ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                          for s in sequences if not s.isEmpty())


def collect_shortcuts(window) -> list[tuple[str, str]]:
    """(keys, what they do) for every action and shortcut, pages built first so that
    their shortcuts exist; without duplicates."""
    for name in PAGES:
        window.page(name)
    while unbuilt := [p for p in window.findChildren(LazyPage) if not p.built]:
        for placeholder in unbuilt:  # tabs and parts built on first use hold shortcuts too
            placeholder.page()
    rows: dict[tuple[str, str], None] = {}
    for action in window.findChildren(QAction):
        keys = _keys(action.shortcuts())
        if keys and action.text():
            rows[(keys, action.text().replace("&", "").rstrip("…").strip())] = None
    for shortcut in window.findChildren(QShortcut):
        keys = _keys([shortcut.key()])
        if keys:
            rows[(keys, shortcut.whatsThis() or "")] = None
    # The window's commands first, then each place ("Anteckningar: …") together, by key.
    return sorted(rows, key=lambda r: (r[1].split(":")[0].casefold() if ":" in r[1] else "",
                                       len(r[0]), r[0]))


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setWindowTitle("Kortkommandon")
        rows = collect_shortcuts(window)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setAccessibleName("Kortkommandon")
        self.table.setTabKeyNavigation(False)
        self.table.setHorizontalHeaderLabels(["Vad", "Tangenter"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, (keys, what) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(what))
            self.table.setItem(r, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint("De första gäller i hela fönstret; de som börjar med en plats "
                              "(”Planen: …”, ”Att göra: …”) där fokus är.", self))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 640, 720)
