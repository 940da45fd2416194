"""Bring a meeting note into an insats's progress log: pick one of the engagement's
notes (filtered as you type); the log entry keeps the note's date, text and a link."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.follow_up import LogEntry
from ...domain.sorting import swedish_key
from ...store.store import Store
from ..common.widgets import hint

NOTE_ROLE = Qt.ItemDataRole.UserRole


class NotePicker(QDialog):
    def __init__(self, store: Store, engagement_id: str, terms_id: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Hämta mötesanteckning till loggen")
        self.resize(720, 480)
        self.terms_id = terms_id
        meetings = {m.id: m for m in store.meetings.list(engagement_id)}
        self.notes = {n.id: n for n in store.notes.list_for_engagement(engagement_id)}
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filtrera anteckningarna…")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filtrera anteckningarna")
        self.filter.textChanged.connect(self._filter)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAccessibleName("Mötesanteckningar")
        self.list.setAlternatingRowColors(True)
        for n in sorted(self.notes.values(), key=lambda n: n.taken_at, reverse=True):
            m = meetings.get(n.meeting_id)
            item = QListWidgetItem(f"{m.display_name if m else ''} {n.clock}\n{n.body}")
            item.setData(NOTE_ROLE, n.id)
            self.list.addItem(item)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Lägg i loggen")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint("Anteckningen blir en rad i insatsens logg med mötets datum; "
                              "texten kan ändras efteråt.", self))
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        if not self.notes:
            self.list.addItem("Samverkan har inga mötesanteckningar ännu.")
        self.list.setCurrentRow(0)

    def _filter(self, text: str) -> None:
        words = swedish_key(text).split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            haystack = swedish_key(item.text())
            item.setHidden(not all(w in haystack for w in words))

    def chosen_entry(self) -> LogEntry | None:
        item = self.list.currentItem()
        note = self.notes.get(item.data(NOTE_ROLE)) if item is not None else None
        if note is None:
            return None
        return LogEntry(self.terms_id, note.taken_at[:10], note.body.strip(), note_id=note.id)
