"""The tree on the left: the team, then huvudmän with their engagements."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView

from ...domain.engagement import Phase
from ...store.store import Store
from ..common.deferred import after_start
from ..common.theme import colours, themed

TEAM, SEARCH, ORGANISER, ENGAGEMENT, MEETING, TODO = (
    "team", "search", "organiser", "engagement", "meeting", "todo")
LIST_AT_ONCE = 300         # meetings; a bigger tree lists its meetings after the first paint
ENGAGEMENTS_PER_TURN = 10  # their meetings listed per turn of the event loop
KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _new_item(text: str, kind: str, record_id: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(kind, KIND_ROLE)
    item.setData(record_id, ID_ROLE)
    item.setToolTip(text)
    return item


def notes_detail(count: int) -> str:
    return f"{count} ant." if count else ""


def _detail(text: str, muted: QColor) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setForeground(muted)
    return item


class Navigator(QTreeView):
    selected = Signal(str, str)  # kind, id ("" for the team and search pages)

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        themed(self, "navigator")
        self.setAccessibleName("Huvudmän, samverkan och möten")
        self.selectionModel().currentChanged.connect(self._current_changed)
        self._items: dict[tuple[str, str], QStandardItem] = {}
        # Engagements whose meetings are not in the tree yet: id -> (item, their meetings,
        # or None in a big tree: read when listed)
        self._unlisted: dict[str, tuple[QStandardItem, list | None]] = {}
        self._counts: dict[str, int] = {}
        self._fill_round = 0
        self._muted = QColor()  # the detail column's colour, taken from the theme at reload

    def reload(self, select: tuple[str, str] | None = None, *, counts: bool = True) -> None:
        """Rebuild the tree. counts=False leaves the note counts to show_note_counts(),
        for a start-up that paints the window first."""
        select = select or self.current()
        self.model_.clear()
        self._items = {}
        self._unlisted = {}
        self._fill_round += 1
        self.model_.setColumnCount(2)
        # One colour and font each for all rows (102 huvudmän at 100 000 notes). A shared
        # QBrush instead of the colour measured slower (more instructions to usable).
        muted = self._muted = QColor(colours().muted)
        italic, bold = QFont(), QFont()  # as an item's own font: the application's
        italic.setItalic(True)
        bold.setBold(True)
        for text, kind in (("Att göra", TODO), ("Sök i anteckningar", SEARCH),
                           ("Dialogteamet", TEAM)):
            item = self._item(text, kind)
            item.setFont(italic)
            self.model_.appendRow([item, _detail("", muted)])
        by_organiser: dict[str, list] = {}
        for e in self.store.engagements.list():
            by_organiser.setdefault(e.organiser_id, []).append(e)
        # A big tree paints first and reads its meetings an engagement at a time after.
        big = self.store.meetings.count() > LIST_AT_ONCE
        by_engagement: dict[str, list] = {}
        for m in [] if big else self.store.meetings.list():
            by_engagement.setdefault(m.engagement_id, []).append(m)
        for o in self.store.organisers.list():
            parent = self._item(o.name, ORGANISER, o.id)
            parent.setFont(bold)
            for e in by_organiser.get(o.id, []):
                child = self._item(e.display_name, ENGAGEMENT, e.id)
                self._unlisted[e.id] = (child, None if big else by_engagement.get(e.id, []))
                parent.appendRow([child, _detail(e.phase.label, muted)])
            self.model_.appendRow([parent, _detail("", muted)])
        if not big:
            self._list_meetings(list(self._unlisted))
        else:  # in idle turns, once the window is usable
            after_start(self, lambda n=self._fill_round: self._list_more(n))
        self.expandToDepth(1)  # huvudmän and their engagements open, meetings listed
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed and widened by hand: ResizeToContents measured every row again whenever
        # one count changed (9 ms per entered note with 1 200 rows).
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 0)
        self._fit_detail(*(p.label for p in Phase))
        if counts:
            self.show_note_counts()
        if select and self.item_for(*select) is not None:
            self.select(*select)

    def _list_meetings(self, engagement_ids: list[str]) -> None:
        for engagement_id in engagement_ids:
            child, meetings = self._unlisted.pop(engagement_id)
            if meetings is None:
                meetings = self.store.meetings.list(engagement_id)
            for m in meetings:
                child.appendRow([self._item(m.display_name, MEETING, m.id),
                                 _detail(notes_detail(self._counts.get(m.id, 0)), self._muted)])

    def _list_more(self, fill_round: int) -> None:
        if fill_round != self._fill_round or not self._unlisted:
            return
        self._list_meetings(list(self._unlisted)[:ENGAGEMENTS_PER_TURN])
        QTimer.singleShot(0, self, lambda: self._list_more(fill_round))

    def _item(self, text: str, kind: str, record_id: str = "") -> QStandardItem:
        item = _new_item(text, kind, record_id)
        self._items[(kind, record_id)] = item
        return item

    def show_note_counts(self) -> None:
        # One relayout for all, rather than a signal per item.
        self.store.flush()  # a note just entered is counted: its queued save written first
        self.model_.blockSignals(True)
        try:
            counts = self._counts = self.store.meetings.note_counts()
            for meeting_id, count in counts.items():
                if (MEETING, meeting_id) in self._items:  # the others get theirs when listed
                    self.rename(MEETING, meeting_id, None, notes_detail(count))
        finally:
            self.model_.blockSignals(False)
        self.model_.layoutChanged.emit()
        self._fit_detail(notes_detail(max(counts.values(), default=0)))

    def _fit_detail(self, *texts: str) -> None:
        """Widen the detail column if one of these texts would not fit."""
        metrics = self.fontMetrics()
        needed = max((metrics.horizontalAdvance(t) for t in texts), default=0) + 16
        if needed > self.header().sectionSize(1):
            self.header().resizeSection(1, needed)

    def item_for(self, kind: str, record_id: str) -> QStandardItem | None:
        if kind == MEETING and (kind, record_id) not in self._items:
            engagement_id = self.store.meetings.engagement_of(record_id) if self._unlisted else None
            if engagement_id in self._unlisted:  # asked for before its turn: listed now
                self._list_meetings([engagement_id])
        return self._items.get((kind, record_id))

    def select(self, kind: str, record_id: str = "") -> None:
        item = self.item_for(kind, record_id)
        if item is None:
            return
        index = item.index()
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.scrollTo(index)

    def current(self) -> tuple[str, str] | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        index = index.siblingAtColumn(0)
        return index.data(KIND_ROLE), index.data(ID_ROLE) or ""

    def rename(self, kind: str, record_id: str, text: str | None,
               detail: str | None = None) -> None:
        item = self.item_for(kind, record_id)
        if item is None:
            return
        if text is not None:
            item.setText(text)
            item.setToolTip(text)
        if detail is not None:
            parent = item.parent() or self.model_.invisibleRootItem()
            parent.child(item.row(), 1).setText(detail)
            if not self.model_.signalsBlocked():
                self._fit_detail(detail)

    def _current_changed(self, current, _previous) -> None:
        if current.isValid():
            index = current.siblingAtColumn(0)
            self.selected.emit(index.data(KIND_ROLE), index.data(ID_ROLE) or "")
