"""One meeting: the notes being taken (left) and its details (right)."""

from __future__ import annotations

import dataclasses
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QVBoxLayout, QWidget

from ...domain.meetings import (
    MeetingKind,
    Role,
    validate_meeting,
)
from ...domain.notes import Note, stamp_in_meeting, validate_note
from ..common.context import AppContext
from ..common.in_use import refused_because_in_use
from ..common.lazy_pages import LazyTabWidget
from ..common.record_form import COMBO, DATE, TEXT, FieldSpec, RecordForm
from ..common.unit_checklist import UnitChecklist
from ..common.widgets import PageHeader, ScrollPage, add_shortcut, fill_with_panes, hint
from .note_capture import TAG_ORDER, NoteCapture
from .notes_list import NotesList
from .notes_model import (
    NOTE_ROLE,
    AddNote,
    ChangeNote,
    DeleteNote,
    NotesModel,
    NotesUndoStack,
    with_tag_toggled,
)
from .older_notes import OlderNotes

if TYPE_CHECKING:
    from ..common.record_table import RecordTable

# The tables' tabs; their module (and the table widget's) is imported with the first one
# shown, not on the way to a meeting opened at start.
TABLE_TABS = (("participants", "Deltagare"), ("questions", "Frågor"),
              ("tasks", "Beslut och uppgifter"))

MEETING_FIELDS = [
    FieldSpec("title", "Rubrik", placeholder="till exempel Dialogmöte 2 med förvaltningen"),
    FieldSpec("kind", "Typ", COMBO, [(k, k.label) for k in MeetingKind]),
    FieldSpec("date", "Datum", DATE),
    FieldSpec("start_time", "Starttid", placeholder="TT:MM"),
    FieldSpec("end_time", "Sluttid", placeholder="TT:MM"),
    FieldSpec("place", "Plats"),
    FieldSpec("agenda", "Agenda", TEXT),
]


class MeetingView(QWidget):
    renamed = Signal(str, str)          # meeting id, display name
    note_count_changed = Signal(str, int)

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.meeting = None
        self._shown_count = 0  # the meeting's note count as the navigator shows it
        self.stack = NotesUndoStack(self._may_remove_notes, self)
        meetings = ctx.store.meetings

        # -- notes ---------------------------------------------------------------------------------
        self.header = PageHeader(self)
        self.model = NotesModel(self)
        self.model.body_edited.connect(self._edit_body)
        self.model.rowsInserted.connect(self._count_changed)
        self.model.rowsRemoved.connect(self._count_changed)
        self.notes = NotesList(self.stack, self)
        self.notes.setModel(self.model)
        self.notes.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.notes.customContextMenuRequested.connect(self._context_menu)
        self.older = OlderNotes(ctx.store, self.model, self.notes)
        self.capture = NoteCapture(self)
        self.capture.submitted.connect(self._add_note)
        self.capture.draft_changed.connect(self._draft_changed)
        self.capture.edit.notes_stack = self.stack  # Redigera → Ångra names its last change
        self.capture.edit.undo_notes.connect(self.stack.undo)
        self.capture.edit.redo_notes.connect(self.stack.redo)
        self.empty_hint = hint("Inga anteckningar ännu. Skriv i rutan nedan och tryck Enter.", self)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(18, 14, 8, 12)
        left_layout.addWidget(self.header)
        left_layout.addWidget(self.empty_hint)
        left_layout.addWidget(self.notes, 1)
        left_layout.addWidget(self.capture)

        for number, tag in enumerate(TAG_ORDER, start=1):
            add_shortcut(QKeySequence(f"Ctrl+{number}"), left, lambda n=number: self.toggle_tag(n),
                      what=f"Anteckningar: taggen {tag.label}",
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_shortcut(QKeySequence("Ctrl+T"), left, lambda: self.cycle_speaker(1),
                  what="Anteckningar: nästa talare",
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_shortcut(QKeySequence("Ctrl+Shift+T"), left, lambda: self.cycle_speaker(-1),
                  what="Anteckningar: föregående talare",
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_shortcut(QKeySequence.StandardKey.Delete, self.notes, self.delete_selected_notes,
                  what="Anteckningar: ta bort de valda",
                  context=Qt.ShortcutContext.WidgetShortcut)
        add_shortcut(QKeySequence("Ctrl+Shift+L"), self.notes, self.promote_current_note,
                  what="Anteckningar: lyft till analysen",
                  context=Qt.ShortcutContext.WidgetShortcut)

        # -- details ---------------------------------------------------------------------------------
        details = ScrollPage(self)
        self.form = RecordForm(MEETING_FIELDS, validate_meeting,
                               lambda m: meetings.save(m, wait=False), ctx.autosaver, "meeting",
                               self)
        self.form.record_saved.connect(self._saved)
        self.units = UnitChecklist(self)
        self.units.changed.connect(lambda ids: self.form.apply(school_unit_ids=ids))
        details.body.addWidget(self.form)
        details.body.addWidget(hint("Skolenheter som mötet gäller:", self))
        details.body.addWidget(self.units)

        # The three tables are built when their tab is first shown.
        self._tables: dict[str, RecordTable] = {}
        self.tabs = LazyTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(False)  # every tab readable: the pane is as wide as they
        self.tabs.add_page("details", "Mötet", lambda: details)
        for key, title in TABLE_TABS:
            self.tabs.add_page(key, title, lambda key=key: self._make_table_page(key))

        self.splitter = fill_with_panes(self, left, self.tabs, (3, 2))
        self.splitter.setSizes([560, 460])  # on a 1366 screen the tables keep their columns

    def _make_table_page(self, key: str) -> ScrollPage:
        from .meeting_tables import make_meeting_table
        table, text = make_meeting_table(key, self.ctx, lambda: self.meeting.id, self)
        self._tables[key] = table
        if self.meeting is not None:
            self._load_table(key)
        page = ScrollPage(self)
        page.body.addWidget(hint(text, self))
        page.body.addWidget(table)
        return page

    def _table(self, key: str) -> RecordTable:
        self.tabs.page(key)
        return self._tables[key]

    participants = property(lambda self: self._table("participants"))
    questions = property(lambda self: self._table("questions"))
    tasks = property(lambda self: self._table("tasks"))

    def _load_table(self, key: str) -> None:
        load = getattr(self.ctx.store.meetings, key)  # participants(), questions(), tasks()
        self._tables[key].set_records(load(self.meeting.id))

    # -- loading ------------------------------------------------------------------------------------
    def show_meeting(self, meeting_id: str) -> bool:
        store = self.ctx.store
        m = store.meetings.get(meeting_id)
        if m is None:
            return False
        self.meeting = m
        self._opened_at = time.monotonic()  # notes of a past meeting: start time + this
        self.stack.clear()
        self.form.set_record(m)
        engagement = store.engagements.get(m.engagement_id)
        self.units.set_units(store.organisers.units(engagement.organiser_id), m.school_unit_ids)
        self._organiser = store.organisers.get(engagement.organiser_id).name
        self._update_header(m)
        # A long meeting shows its newest notes; older ones when the user scrolls up.
        notes = self.older.open(meeting_id)
        self._shown_count = len(notes) + self.older.count
        self.model.set_notes(notes, store.notes.used_in_analysis(m.engagement_id))
        self.capture.reset()
        draft = store.notes.draft(meeting_id)
        if draft:
            self.capture.restore(*draft)
            self.ctx.autosaver.state_changed.emit()
        for key in self._tables:  # the tables built so far
            self._load_table(key)
        self._update_empty()
        self.notes.show_newest()
        return True

    def focus_capture(self) -> None:
        self.capture.edit.setFocus()

    def select_note(self, note_id: str) -> None:
        """Select and show a note (a search hit); an older one is listed first."""
        if self.model.row_of(note_id) < 0:
            self.older.load_until(lambda: self.model.row_of(note_id) >= 0,
                                  lambda: self._select_listed(note_id))
        else:
            self._select_listed(note_id)

    def _select_listed(self, note_id: str) -> None:
        row = self.model.row_of(note_id)
        if row >= 0:
            index = self.model.index(row)
            self.notes.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.notes.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            self.notes.setFocus()

    def _update_header(self, m) -> None:
        when = m.date + (f" {m.start_time}" if m.start_time else "") + \
            (f"–{m.end_time}" if m.end_time else "")
        details = [self._organiser, m.kind.label, when] + ([m.place] if m.place else [])
        self.header.set_text(m.title or m.kind.label, " · ".join(details))

    def _saved(self, m) -> None:
        self.meeting = m
        self._update_header(m)
        self.renamed.emit(m.id, m.display_name)

    def _update_empty(self) -> None:
        self.empty_hint.setVisible(self.model.rowCount() == 0)

    def _count_changed(self, *_args) -> None:
        self._update_empty()
        count = self.model.rowCount() + self.older.count
        if self.meeting is not None and count != self._shown_count:
            self._shown_count = count
            self.note_count_changed.emit(self.meeting.id, count)

    # -- notes ----------------------------------------------------------------------------------------
    def _draft_changed(self, text: str, role: str) -> None:
        if self.meeting is None:
            return
        meeting_id, repo = self.meeting.id, self.ctx.store.notes
        self.ctx.autosaver.schedule(("draft", meeting_id),
                                    lambda: repo.save_draft(meeting_id, text, role))

    def _add_note(self, body: str, role: str, tags: list[str]) -> None:
        m, last = self.meeting, self.model.last()
        taken_at = stamp_in_meeting(m.date, m.start_time, m.end_time,
                                    last.taken_at if last else None,
                                    time.monotonic() - self._opened_at)
        note = Note(meeting_id=m.id, engagement_id=m.engagement_id, body=body,
                    speaker_role=role, tags=tags, taken_at=taken_at)
        problems = validate_note(note)
        if problems:  # the text stays in the line to be fixed
            self.ctx.autosaver.mark_invalid(("draft", self.meeting.id), problems[0].message)
            return
        self.stack.push(AddNote(self.model, self.ctx.store.notes, note))
        self.capture.accepted()
        self._draft_changed("", role)  # replaces a queued save of the text just entered
        self.notes.show_newest()

    def _change(self, before: Note, after: Note, text: str) -> bool:
        problems = validate_note(after)
        if problems:
            self.window().statusBar().showMessage(problems[0].message, 8000)
            return False
        self.stack.push(ChangeNote(self.model, self.ctx.store.notes, before, after, text))
        return True

    def _edit_body(self, note: Note, text: str) -> None:
        self._change(note, dataclasses.replace(note, body=text.strip()), "ändra anteckning")

    def toggle_tag(self, number: int) -> None:
        if self.notes.hasFocus() and self.notes.selected_notes():
            tag = TAG_ORDER[number - 1].value
            self.stack.beginMacro("ändra taggar")
            for n in self.notes.selected_notes():
                self._change(n, with_tag_toggled(n, tag), "ändra tagg")
            self.stack.endMacro()
        else:
            self.capture.toggle_tag(number)

    def cycle_speaker(self, step: int) -> None:
        selected = self.notes.selected_notes() if self.notes.hasFocus() else []
        if len(selected) == 1:
            n = selected[0]
            roles = ["", *[r.value for r in Role]]
            role = roles[(roles.index(n.speaker_role) + step) % len(roles)]
            self._change(n, dataclasses.replace(n, speaker_role=role), "ändra talare")
        else:
            self.capture.cycle_speaker(step)

    def delete_selected_notes(self) -> None:
        selected = self.notes.selected_notes()
        if not selected or not self._may_remove_notes([n.id for n in selected]):
            return
        self.stack.beginMacro("ta bort anteckningar")
        for n in selected:
            self.stack.push(DeleteNote(self.model, self.ctx.store.notes, n))
        self.stack.endMacro()
        self.window().statusBar().showMessage(
            f"{len(selected)} anteckning{'ar' if len(selected) > 1 else ''} borttagen "
            "– Ctrl+Z ångrar", 8000)

    def _context_menu(self, pos) -> None:
        index = self.notes.indexAt(pos)
        if not index.isValid():
            return
        menu = QMenu(self)
        menu.addAction("Redigera", lambda: self.notes.edit(index))
        tags = menu.addMenu("Tagg")
        for number, tag in enumerate(TAG_ORDER, start=1):
            action = tags.addAction(f"{tag.label}\tCtrl+{number}",
                                    lambda n=number: (self.notes.setFocus(), self.toggle_tag(n)))
            action.setCheckable(True)
            action.setChecked(tag.value in index.data(NOTE_ROLE).tags)
        lift = menu.addAction("Lyft till analysen…\tCtrl+Shift+L",
                              lambda: (self.notes.setCurrentIndex(index),
                                       self.promote_current_note()))
        from ...domain.promotion import promotable_tags  # the analysis, only when asked
        lift.setEnabled(bool(promotable_tags(index.data(NOTE_ROLE))))
        menu.addAction("Lägg i en insats logg…", lambda: self._log_in_insats(index))
        menu.addSeparator()
        menu.addAction("Ta bort\tDelete", self.delete_selected_notes)
        menu.exec(self.notes.viewport().mapToGlobal(pos))

    def _log_in_insats(self, index) -> None:
        from ..follow_up.log_from_note import log_note_in_insats
        self.ctx.autosaver.flush()
        done = log_note_in_insats(self, self.ctx.store, index.data(NOTE_ROLE))
        if done:
            self.window().statusBar().showMessage(done, 8000)

    def _may_remove_notes(self, note_ids: list[str]) -> bool:
        self.ctx.autosaver.flush()
        return not refused_because_in_use(self, self.ctx.store, "notes", note_ids)

    def promote_current_note(self) -> None:
        """The note's problem/orsak/belägg/idé tag decides what it becomes in the analysis."""
        index = self.notes.currentIndex()
        if not index.isValid():
            return
        from ..analysis.promote_dialog import promote_note
        self.ctx.autosaver.flush()
        done = promote_note(self, self.ctx.store, index.data(NOTE_ROLE))
        if done:
            self.model.set_in_analysis(
                self.ctx.store.notes.used_in_analysis(self.meeting.engagement_id))
            self.window().statusBar().showMessage(done, 8000)
