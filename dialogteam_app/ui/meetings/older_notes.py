"""A long meeting is listed from its newest notes: a few screenfuls at once, older
notes a page at a time as the user scrolls up (like a chat), and page after page,
one per turn of the event loop, when an older note is wanted (a search hit,
Home/Ctrl+Home): no turn measures more than a page of new rows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer

from ...domain.notes import Note
from ...store.store import Store
from .notes_list import NotesList
from .notes_model import NotesModel

FIRST_NOTES = 50    # listed when a meeting opens: a screenful and more
OLDER_NOTES = 100   # then this many more at a time


class OlderNotes:
    def __init__(self, store: Store, model: NotesModel, notes_list: NotesList):
        self.store, self.model, self.list = store, model, notes_list
        self.meeting_id: str | None = None
        self.count = 0  # the meeting's notes before the first one listed
        self._goal: tuple[Callable[[], bool], Callable[[], None]] | None = None
        notes_list.near_top.connect(self.load_page)
        notes_list.going_home.connect(
            lambda extend: self.load_until(lambda: False, lambda: notes_list.go_first(extend)))

    def open(self, meeting_id: str) -> list[Note]:
        """The newest notes of the meeting, to list; the older ones are counted."""
        notes = self.store.notes.list(meeting_id, newest=FIRST_NOTES)
        self.meeting_id, self._goal = meeting_id, None
        self._set_count(0)
        if len(notes) == FIRST_NOTES:
            self._set_count(self.store.notes.count_in_meeting(meeting_id) - len(notes))
        return notes

    def load_page(self) -> None:
        if self.count > 0 and self.meeting_id is not None:
            self._load()

    def load_until(self, found: Callable[[], bool], then: Callable[[], None]) -> None:
        """List older notes, a page per turn, until found() or all are listed; then then()."""
        self._goal = (found, then)
        self._next_page()

    def _next_page(self) -> None:
        if self._goal is None:  # another meeting was opened meanwhile
            return
        found, then = self._goal
        if found() or self.count <= 0:
            self._goal = None
            then()
            return
        self._load()
        QTimer.singleShot(0, self.list, self._next_page)

    def _load(self) -> None:
        # Listed from before the first note on screen, which may be one that undo has
        # just put back: its queued save must be in the database first.
        self.store.flush()
        first = self.model.first()
        older = self.store.notes.list(self.meeting_id or "", newest=OLDER_NOTES,
                                      before=first.id if first else None)
        self._set_count(max(self.count - len(older), 0) if len(older) == OLDER_NOTES else 0)
        self.list.insert_above(lambda: self.model.add_older(older))

    def _set_count(self, count: int) -> None:
        self.count = count
        self.list.more_above = count > 0
