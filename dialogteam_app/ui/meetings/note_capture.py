"""The line notes are typed into during a meeting, kept fast and keyboard-first:
Enter stores the note, Shift+Enter starts a new line, Ctrl+1…8 set tags,
Ctrl+T changes the speaker."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.meetings import Role
from ...domain.notes import Tag, hashtags
from ..common.theme import colours, themed
from ..common.widgets import GrowingTextEdit

NO_SPEAKER = ""
TAG_ORDER = list(Tag)  # Ctrl+1 is the first


class CaptureEdit(GrowingTextEdit):
    submitted = Signal()
    undo_notes = Signal()  # Ctrl+Z with no typing left to undo: undo the last note change
    redo_notes = Signal()

    def keyPressEvent(self, event) -> None:
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.submitted.emit()
            return
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            return
        if event.matches(QKeySequence.StandardKey.Redo):
            self.redo()
            return
        super().keyPressEvent(event)

    def undo(self) -> None:
        if self.document().isUndoAvailable():
            super().undo()
        else:
            self.undo_notes.emit()

    def redo(self) -> None:
        if self.document().isRedoAvailable():
            super().redo()
        else:
            self.redo_notes.emit()


class NoteCapture(QWidget):
    draft_changed = Signal(str, str)  # text, speaker role
    submitted = Signal(str, str, list)  # body, speaker role, tags

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edit = CaptureEdit(self, min_lines=2, max_lines=8)
        self.edit.setObjectName("noteCapture")
        self.edit.setAccessibleName("Ny anteckning")
        self.edit.setAccessibleDescription("Enter sparar anteckningen, Shift+Enter ny rad")
        self.edit.setPlaceholderText("Skriv en anteckning och tryck Enter …")
        self.edit.submitted.connect(self._submit)
        self.edit.textChanged.connect(self._changed)

        self.role = QComboBox(self)
        self.role.setObjectName("speakerRole")
        self.role.setAccessibleName("Talare")
        self.role.setToolTip("Vem som talar (Ctrl+T byter)")
        self._roles = [NO_SPEAKER, *[r.value for r in Role]]
        self.role.addItem("Talare: –")
        for r in Role:
            self.role.addItem(r.label)
        self.role.currentIndexChanged.connect(self._changed)

        self.tag_buttons: dict[str, QToolButton] = {}
        tag_grid = QGridLayout()  # two rows of four: fits beside a narrow window's navigator
        tag_grid.setSpacing(4)
        for number, tag in enumerate(TAG_ORDER, start=1):
            b = QToolButton(self)
            b.setText(tag.label)
            b.setCheckable(True)
            b.setToolTip(f"Ctrl+{number}")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            c = colours()
            b.setStyleSheet(f"QToolButton:checked {{ background: {c.chips[tag.value]}; "
                            f"color: {c.chip_text}; border: 1px solid {c.border}; "
                            "font-weight: 600; }")
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.tag_buttons[tag.value] = b
            tag_grid.addWidget(b, (number - 1) // 4, (number - 1) % 4)
        tags_row = QHBoxLayout()
        tags_row.addLayout(tag_grid, 1)
        tags_row.addSpacing(12)
        tags_row.addWidget(self.role, 0, Qt.AlignmentFlag.AlignTop)

        hint = QLabel("Enter sparar · Shift+Enter ny rad · Ctrl+1–8 taggar · Ctrl+T talare · "
                      "#ord blir en egen tagg · Ctrl+Z ångrar", self)
        themed(hint, "hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(tags_row)
        layout.addWidget(self.edit)
        layout.addWidget(hint)

    # -- state ------------------------------------------------------------------------------------
    def speaker(self) -> str:
        return self._roles[self.role.currentIndex()]

    def set_speaker(self, role: str) -> None:
        self.role.setCurrentIndex(self._roles.index(role) if role in self._roles else 0)

    def cycle_speaker(self, step: int = 1) -> None:
        self.role.setCurrentIndex((self.role.currentIndex() + step) % self.role.count())

    def toggle_tag(self, number: int) -> None:
        button = self.tag_buttons[TAG_ORDER[number - 1].value]
        button.setChecked(not button.isChecked())

    def chosen_tags(self) -> list[str]:
        return [t for t, b in self.tag_buttons.items() if b.isChecked()]

    def restore(self, text: str, role: str) -> None:
        """Put back text that was typed but not entered (after a crash or a restart)."""
        self.edit.blockSignals(True)
        self.edit.setPlainText(text)
        self.edit.blockSignals(False)
        self.set_speaker(role)
        if text:  # an empty box has its cursor at the end already
            from PySide6.QtGui import QTextCursor  # a draft is rare: its type built then
            self.edit.moveCursor(QTextCursor.MoveOperation.End)

    def reset(self) -> None:
        self.restore("", NO_SPEAKER)
        for b in self.tag_buttons.values():
            b.setChecked(False)

    # -- events -------------------------------------------------------------------------------------
    def _changed(self, *_args) -> None:
        self.draft_changed.emit(self.edit.toPlainText(), self.speaker())

    def _submit(self) -> None:
        body = self.edit.toPlainText().strip()
        if not body:
            return
        tags = list(dict.fromkeys([*self.chosen_tags(), *hashtags(body)]))
        self.submitted.emit(body, self.speaker(), tags)

    def accepted(self) -> None:
        """The note was stored: empty the line. The speaker often goes on talking, so it
        stays; tags belong to one note."""
        self.edit.blockSignals(True)
        self.edit.clear()
        self.edit.blockSignals(False)
        for b in self.tag_buttons.values():
            b.setChecked(False)
