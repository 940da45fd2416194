"""The notes of one meeting on screen, and every change to them as an undoable
command. Each command updates the list at once and queues the write, so the
person typing never waits for the disk."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ...domain.meetings import Role
from ...domain.notes import Note, tag_label
from ...store.notes import Notes
from ..common.html_delegate import HTML_ROLE, PLAIN_ROLE, escape
from ..common.theme import colours

NOTE_ROLE = Qt.ItemDataRole.UserRole + 1


def role_label(value: str) -> str:
    try:
        return Role(value).label
    except ValueError:
        return ""


def tag_chips(tags: list[str]) -> str:
    """Chips carry their own text colour: readable on any row, selected or not."""
    c = colours()
    return " ".join(
        f'<span style="background-color:{c.chips.get(t, c.chips[""])}; color:{c.chip_text};">'
        f'&nbsp;{escape(tag_label(t))}&nbsp;</span>' for t in tags)


def note_html(n: Note, in_analysis: bool = False) -> str:
    c = colours()
    head = [f'<span style="color:{c.muted};">{n.clock}</span>'] if n.clock else []
    if n.speaker_role:
        head.append(f"<b>{escape(role_label(n.speaker_role))}</b>")
    if n.tags:
        head.append(tag_chips(n.tags))
    if in_analysis:
        head.append(f'<span style="color:{c.accent};">▸&nbsp;i&nbsp;analysen</span>')
    body = escape(n.body).replace("\n", "<br>")
    return "&nbsp;&nbsp;".join(head) + f"<br>{body}"


def note_plain(n: Note, in_analysis: bool = False) -> tuple[str, str]:
    """note_html's head line and body as the text it shows (for measuring its height)."""
    head = [n.clock] if n.clock else []
    if n.speaker_role:
        head.append(role_label(n.speaker_role))
    head += [f" {tag_label(t)} " for t in n.tags]
    if in_analysis:
        head.append("▸ i analysen")
    lines = (" ".join(line.split()) for line in n.body.split("\n"))  # as HTML collapses spaces
    return "  ".join(head), "\n".join(lines)


class NotesModel(QAbstractListModel):
    body_edited = Signal(object, str)  # note, new text (the view turns it into a command)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._notes: list[Note] = []
        self._in_analysis: set[str] = set()
        # Each row's HTML, made once: the list asks for it on every layout of every row.
        self._html: dict[str, str] = {}
        self._html_colours = colours()

    def set_in_analysis(self, note_ids: set[str]) -> None:
        """Notes promoted into the nulägesanalys or used there as evidence get a marker."""
        changed = self._in_analysis ^ set(note_ids)
        self._in_analysis = set(note_ids)
        # Only the rows whose marker changed: every row would be laid out again.
        for row, note in enumerate(self._notes):
            if note.id in changed:
                self._html.pop(note.id, None)
                self.dataChanged.emit(self.index(row), self.index(row))

    def set_notes(self, notes: list[Note], in_analysis: set[str] | None = None) -> None:
        self.beginResetModel()
        self._notes = list(notes)
        self._html.clear()
        if in_analysis is not None:
            self._in_analysis = set(in_analysis)
        self.endResetModel()

    def add_older(self, notes: list[Note]) -> int:
        """Notes from before the first one shown, in time order, put above it; how many."""
        if notes:
            self.beginInsertRows(QModelIndex(), 0, len(notes) - 1)
            self._notes[:0] = notes
            self.endInsertRows()
        return len(notes)

    def notes(self) -> list[Note]:
        return list(self._notes)

    def first(self) -> Note | None:
        return self._notes[0] if self._notes else None

    def last(self) -> Note | None:
        return self._notes[-1] if self._notes else None

    def _note_html(self, n: Note) -> str:
        if self._html_colours is not colours():  # the theme changed: new colours
            self._html.clear()
            self._html_colours = colours()
        text = self._html.get(n.id)
        if text is None:
            text = self._html[n.id] = note_html(n, n.id in self._in_analysis)
        return text

    def row_of(self, note_id: str) -> int:
        return next((i for i, n in enumerate(self._notes) if n.id == note_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._notes)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        n = self._notes[index.row()]
        if role == HTML_ROLE:
            return self._note_html(n)
        if role == PLAIN_ROLE:
            return note_plain(n, n.id in self._in_analysis)
        if role == NOTE_ROLE:
            return n
        if role == Qt.ItemDataRole.EditRole:
            return n.body
        if role == Qt.ItemDataRole.DisplayRole:
            return n.body
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{n.taken_at[:10]} {n.taken_at[11:19]}"
        return None

    def flags(self, index):
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        note = self._notes[index.row()]
        if value != note.body:
            self.body_edited.emit(note, value)
        return True

    # -- used by the commands -----------------------------------------------------------------
    def insert(self, note: Note) -> None:
        """In time order: a note put back by undo returns to where it was."""
        row = next((i for i, n in enumerate(self._notes) if n.taken_at > note.taken_at),
                   len(self._notes))
        self._html.pop(note.id, None)
        self.beginInsertRows(QModelIndex(), row, row)
        self._notes.insert(row, note)
        self.endInsertRows()

    def remove(self, note_id: str) -> None:
        row = self.row_of(note_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._notes[row]
            self.endRemoveRows()

    def replace(self, note: Note) -> None:
        row = self.row_of(note.id)
        if row >= 0:
            self._notes[row] = note
            self._html.pop(note.id, None)
            self.dataChanged.emit(self.index(row), self.index(row))


class AddNote(QUndoCommand):
    def __init__(self, model: NotesModel, repo: Notes, note: Note):
        super().__init__("ny anteckning")
        self.model, self.repo, self.note = model, repo, note
        self._first = True

    def redo(self) -> None:
        self.model.insert(self.note)
        if self._first:  # typed in the capture line: stored together with clearing the draft
            self.repo.enter(self.note)
            self._first = False
        else:
            self.repo.save(self.note, wait=False)

    def undo(self) -> None:
        self.model.remove(self.note.id)
        self.repo.delete(self.note.id, wait=False)


class DeleteNote(QUndoCommand):
    def __init__(self, model: NotesModel, repo: Notes, note: Note):
        super().__init__("ta bort anteckning")
        self.model, self.repo, self.note = model, repo, note

    def redo(self) -> None:
        self.model.remove(self.note.id)
        self.repo.delete(self.note.id, wait=False)

    def undo(self) -> None:
        self.model.insert(self.note)
        self.repo.save(self.note, wait=False)


class ChangeNote(QUndoCommand):
    """Any change to one note (text, tags, speaker): the whole note before and after."""

    def __init__(self, model: NotesModel, repo: Notes, before: Note, after: Note, text: str):
        super().__init__(text)
        self.model, self.repo, self.before, self.after = model, repo, before, after

    def redo(self) -> None:
        self._show(self.after)

    def undo(self) -> None:
        self._show(self.before)

    def _show(self, note: Note) -> None:
        self.model.replace(note)
        self.repo.save(note, wait=False)


class NotesUndoStack(QUndoStack):
    """Asks may_remove(note ids) before an undo or redo that would delete notes
    (undoing an added note, redoing a delete): a note may have become evidence."""

    def __init__(self, may_remove, parent=None):
        super().__init__(parent)
        self._may_remove = may_remove

    def undo(self) -> None:
        if self._allowed(self.index() - 1, AddNote):
            super().undo()

    def redo(self) -> None:
        if self._allowed(self.index(), DeleteNote):
            super().redo()

    def _allowed(self, i: int, removing: type) -> bool:
        if not 0 <= i < self.count():
            return True
        command = self.command(i)
        steps = [command.child(j) for j in range(command.childCount())] or [command]
        ids = [c.note.id for c in steps if isinstance(c, removing)]
        return not ids or self._may_remove(ids)


def with_tag_toggled(note: Note, tag: str) -> Note:
    tags = [t for t in note.tags if t != tag] if tag in note.tags else [*note.tags, tag]
    return dataclasses.replace(note, tags=tags)
