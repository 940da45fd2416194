"""Search every note of every engagement as you type, with filters.

Queries run on the search thread (store.search_runner); the newest result replaces
the list when it arrives, and outdated ones are dropped."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from ...domain.meetings import Role
from ...domain.notes import Tag, tag_label
from ...store.search import SearchFilter, SearchHit, SearchResult
from ..common.context import AppContext
from ..common.theme import themed
from ..common.widgets import PageHeader
from .hit_delegate import HIT_ROLE, HitDelegate, plain_snippet

TYPING_PAUSE_MS = 120
ANY = None


class HitsModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = hits
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == HIT_ROLE:
            return self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:  # what a screen reader says
            return plain_snippet(self.hits[index.row()].snippet)[0]
        return None


class SearchView(QWidget):
    open_note = Signal(str, str)  # meeting id, note id
    _arrived = Signal(int, object)  # from the search thread: request number, SearchResult

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        header = PageHeader(self)
        header.set_text("Sök i anteckningar", "I alla möten och alla samverkan på den här datorn")
        self.query = QLineEdit(self)
        self.query.setObjectName("searchQuery")
        self.query.setAccessibleName("Sök i anteckningar")
        self.query.setPlaceholderText("Skriv ett eller flera ord, till exempel: matematik rektor")
        self.query.setClearButtonEnabled(True)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self._open_first)

        self.engagement = QComboBox(self)
        self.meeting = QComboBox(self)
        self.tag = QComboBox(self)
        self.role = QComboBox(self)
        for combo in (self.engagement, self.meeting, self.tag, self.role):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.currentIndexChanged.connect(lambda _i: self._timer.start())
        self.engagement.currentIndexChanged.connect(self._fill_meetings)

        filters = QGridLayout()
        for n, (label, combo) in enumerate((("Samverkan", self.engagement), ("Möte", self.meeting),
                                            ("Tagg", self.tag), ("Talare", self.role))):
            row, col = divmod(n, 2)
            name = QLabel(f"&{label}:", self)
            name.setBuddy(combo)
            combo.setAccessibleName(label)
            filters.addWidget(name, row, 2 * col, Qt.AlignmentFlag.AlignRight)
            filters.addWidget(combo, row, 2 * col + 1)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)

        self.model = HitsModel(self)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Sökträffar")
        self.results.hide()  # shown when there are hits
        self.results.setModel(self.model)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setAlternatingRowColors(True)
        self.results.activated.connect(self._activated)
        self.summary = QLabel(self)
        themed(self.summary, "hint")

        self._timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS, timeout=self.run)
        self._arrived.connect(self._show_result)  # queued: emitted on the search thread
        self._runner = ctx.store.search_runner(self._arrived.emit)
        self._request = 0
        self._where = SearchFilter()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(header)
        layout.addWidget(self.query)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        layout.addStretch(0)  # takes the room while there are no hits to list

    def prepare(self) -> None:
        """Refresh the filter choices (engagements, tags) and focus the query."""
        store = self.ctx.store
        self._set_choices(self.engagement, [(e.id, f"{name} – {e.title}")
                                            for e, name in store.engagements.list_with_organiser()])
        self._set_choices(self.tag, [(t.value, t.label) for t in Tag]
                          + [(t, tag_label(t)) for t in store.notes.free_tags()])
        self._set_choices(self.role, [(r.value, r.label) for r in Role])
        self._fill_meetings()
        self.query.setFocus()
        self.query.selectAll()
        self.run()

    def _set_choices(self, combo: QComboBox, choices: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("Alla", ANY)
        for value, label in choices:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _fill_meetings(self, *_args) -> None:
        engagement_id = self.engagement.currentData()
        meetings = self.ctx.store.meetings.list(engagement_id) if engagement_id else []
        self._set_choices(self.meeting, [(m.id, m.display_name) for m in meetings])
        self.meeting.setEnabled(bool(engagement_id))

    def stop_searching(self) -> None:
        """Before the view goes: its thread ends (explicitly, not from a destructor that
        may run while Python shuts down)."""
        self._runner.close()

    def _filter(self) -> SearchFilter:
        return SearchFilter(engagement_id=self.engagement.currentData(),
                            meeting_id=self.meeting.currentData(),
                            tag=self.tag.currentData(), role=self.role.currentData())

    def run(self) -> None:
        """Ask the search thread; the list changes when the answer arrives."""
        self._timer.stop()
        self.ctx.autosaver.flush()  # search what was just typed in a meeting too
        self._where = self._filter()
        self._request = self._runner.submit(self.query.text(), self._where)

    def _show_result(self, number: int, result: SearchResult) -> None:
        if number != self._request:  # typed on meanwhile: a newer answer is coming
            return
        self.model.set_hits(result.hits)
        self.results.setVisible(bool(result.hits))  # no large empty box under "Inga anteckningar…"
        self.summary.setText(self._summary(result))

    def _summary(self, result: SearchResult) -> str:
        hits, text = result.hits, self.query.text()
        if result.error:
            return result.error
        if not text.strip() and not any(vars(self._where).values()):
            return ("Skriv ord att söka efter, eller välj en tagg för att se alla "
                    "anteckningar med den.")
        if not hits:
            return "Inga anteckningar hittades."
        more = ""
        if result.newest_first:
            more = " – de senaste; skriv fler bokstäver för de bästa träffarna"
        elif result.newest_only:
            more = (f" – de bästa bland de {result.window:,} senaste anteckningarna"
                    .replace(",", "\u00a0") + "; fler ord söker i alla")
        elif len(hits) >= 200:
            more = " – de 200 bästa"
        return (f"{len(hits)} anteckning{'ar' if len(hits) != 1 else ''}{more}. "
                "Enter eller dubbelklick öppnar mötet.")

    def _activated(self, index) -> None:
        hit = self.model.hits[index.row()]
        self.open_note.emit(hit.meeting_id, hit.note_id)

    def _open_first(self) -> None:
        """Enter: the best hit for exactly what is typed now, without waiting."""
        self._timer.stop()
        self.ctx.autosaver.flush()
        self._where = self._filter()
        self._request = self._runner.outdate()  # what is on its way is too old now
        self._show_result(self._request, self.ctx.store.search(self.query.text(), self._where))
        if self.model.hits:
            self._activated(self.model.index(0))
