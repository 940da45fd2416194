"""The list of a meeting's notes: follows the newest note, like a chat, and tells
when the user nears the top of what is listed, so older notes can be put above
without moving what the user is reading."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView

from ...domain.notes import Note
from ..common.html_delegate import HtmlDelegate
from .notes_model import NOTE_ROLE, NotesUndoStack


class NotesList(QListView):
    """The notes; Delete removes the selected note, Ctrl+Z/Ctrl+Shift+Z undo and redo."""

    near_top = Signal()          # scrolled to within a screen of the first listed note
    going_home = Signal(bool)    # Home/Ctrl+Home with notes above (Shift held: extend)

    def __init__(self, stack: NotesUndoStack, parent=None):
        super().__init__(parent)
        self.stack = stack
        self.setObjectName("notesList")
        self.setAccessibleName("Anteckningar")
        self.setAccessibleDescription("F2 redigerar, Ctrl+1–8 taggar, Delete tar bort")
        self.setItemDelegate(HtmlDelegate(self))
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        # One pass: the rows listed are measured cheaply and cached, and a single pass
        # puts the newest note on screen at once (batches started over from the first
        # row whenever rows were added above).
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setAlternatingRowColors(True)
        # Stays at the bottom (the newest notes) while the list grows, until the user
        # scrolls up.
        bar = self.verticalScrollBar()
        self._at_bottom = True
        self._check_queued = False
        self.more_above = False  # older notes not listed yet
        bar.valueChanged.connect(self._scrolled)
        bar.rangeChanged.connect(self._range_changed)

    def show_newest(self) -> None:
        """Follow the newest note again (a meeting opened, a note entered). A hidden
        list gets there when it is laid out: laying it out now would measure every row
        at a width it does not have yet."""
        self._at_bottom = True
        if self.isVisible():
            self.scrollToBottom()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._at_bottom:
            QTimer.singleShot(0, self, self.scrollToBottom)  # after the first layout

    def _scrolled(self, value: int) -> None:
        self._at_bottom = value >= self.verticalScrollBar().maximum()
        self._queue_top_check()

    def _range_changed(self, _low: int, high: int) -> None:
        if self._at_bottom:
            self.verticalScrollBar().setValue(high)
        self._queue_top_check()

    def _queue_top_check(self) -> None:
        """After the layout in progress (this may come from inside it)."""
        if not self._check_queued:
            self._check_queued = True
            QTimer.singleShot(0, self, self._check_top)

    def _check_top(self) -> None:
        self._check_queued = False
        laid_out = self.indexAt(QPoint(4, 4)).isValid()
        bar = self.verticalScrollBar()
        if laid_out and bar.value() <= bar.pageStep():  # a page is the viewport's height
            self.near_top.emit()

    def viewport_width(self) -> int:
        """The viewport's width, worked out from the frame and the scroll bar. PySide,
        asked for the viewport itself the first time, finds the type of Qt's own widget
        by initialising every QWidget subclass it wraps (~6 ms, on the way to the first
        paint of a meeting)."""
        bar = self.verticalScrollBar()
        beside = bar.sizeHint().width() if bar.isVisibleTo(self) else 0
        return self.maximumViewportSize().width() - beside

    def insert_above(self, insert: Callable[[], int]) -> None:
        """Run insert() (it adds rows at the top and returns how many) keeping the row
        at the top of the screen where it is, unless the list follows the newest note."""
        top = self.indexAt(QPoint(4, 4))
        row, y = (top.row(), self.visualRect(top).top()) if top.isValid() else (0, 0)
        added = insert()
        if not added:
            return
        self.doItemsLayout()  # now, so the row's new place is known before a paint
        if not self._at_bottom:
            moved = self.visualRect(self.model().index(row + added, 0)).top() - y
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + moved)

    def moveCursor(self, action, modifiers):  # noqa: N802 (Qt's name)
        if action == QAbstractItemView.CursorAction.MoveHome and self.more_above:
            # "Home" is the meeting's first note: go_first() once it is listed.
            self.going_home.emit(bool(modifiers & Qt.KeyboardModifier.ShiftModifier))
            return self.currentIndex()
        return super().moveCursor(action, modifiers)

    def go_first(self, extend: bool = False) -> None:
        """To the first note, as Home does (Shift: selecting up to it)."""
        first, current = self.model().index(0, 0), self.currentIndex()
        if not first.isValid():
            return
        selection = self.selectionModel()
        if extend and current.isValid():
            from PySide6.QtCore import QItemSelection  # its type built when first needed
            selection.select(QItemSelection(first, current),
                             QItemSelectionModel.SelectionFlag.ClearAndSelect)
            selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        else:
            selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollToTop()

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()

    def selected_notes(self) -> list[Note]:
        return [i.data(NOTE_ROLE) for i in sorted(self.selectionModel().selectedRows(),
                                                  key=lambda i: i.row())]
