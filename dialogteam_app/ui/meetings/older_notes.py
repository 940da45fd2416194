"""A long meeting is listed from its newest notes: a few screenfuls at once, older
notes a page at a time as the user scrolls up (like a chat), or all of them when
one is wanted (a search hit, Home/Ctrl+Home)."""

from __future__ import annotations

from ...domain.notes import Note
from ...store.store import Store
from .notes_list import NotesList
from .notes_model import NotesModel

FIRST_NOTES = 50    # listed when a meeting opens: a screenful and more
OLDER_NOTES = 100   # then this many more each time the user nears the top


class OlderNotes:
    def __init__(self, store: Store, model: NotesModel, notes_list: NotesList):
        self.store, self.model, self.list = store, model, notes_list
        self.meeting_id: str | None = None
        self.count = 0  # the meeting's notes before the first one listed
        notes_list.near_top.connect(self.load_page)
        notes_list.going_home.connect(self.load_all)

    def open(self, meeting_id: str) -> list[Note]:
        """The newest notes of the meeting, to list; the older ones are counted."""
        notes = self.store.notes.list(meeting_id, newest=FIRST_NOTES)
        self.meeting_id = meeting_id
        self.count = 0
        if len(notes) == FIRST_NOTES:
            self.count = self.store.notes.count_in_meeting(meeting_id) - len(notes)
        return notes

    def load_page(self) -> None:
        self._load(OLDER_NOTES)

    def load_all(self) -> None:
        self._load(None)

    def _load(self, limit: int | None) -> None:
        if self.count <= 0 or self.meeting_id is None:
            return
        # Listed from before the first note on screen, which may be one that undo has
        # just put back: its queued save must be in the database first.
        self.store.flush()
        first = self.model.first()
        older = self.store.notes.list(self.meeting_id, newest=limit,
                                      before=first.id if first else None)
        full_page = limit is not None and len(older) == limit
        self.count = max(self.count - len(older), 0) if full_page else 0
        self.list.insert_above(lambda: self.model.add_older(older))
