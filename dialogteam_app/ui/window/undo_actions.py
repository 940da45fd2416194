"""Redigera → Ångra/Gör om name what they would undo in the focused place (a text
field's typing, the notes' or the plan outline's last change) and are greyed out when
there is nothing to undo or redo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

if TYPE_CHECKING:
    from .main_window import MainWindow


def undo_texts(widget: QWidget | None) -> tuple[str | None, str | None]:
    """What Ctrl+Z and Ctrl+Shift+Z would do in the widget; None for nothing."""
    if widget is None:
        return None, None
    stack = _undo_stack(widget)
    if isinstance(widget, QLineEdit):
        typing = widget.isUndoAvailable(), widget.isRedoAvailable()
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        typing = widget.document().isUndoAvailable(), widget.document().isRedoAvailable()
    else:
        typing = False, False
    undo = "skrivning" if typing[0] else (stack.undoText() if stack and stack.canUndo() else None)
    redo = "skrivning" if typing[1] else (stack.redoText() if stack and stack.canRedo() else None)
    return undo, redo


def _undo_stack(widget: QWidget) -> QUndoStack | None:
    """The notes list's and the plan outline's `stack`; the note line's `notes_stack`."""
    for name in ("stack", "notes_stack"):
        stack = getattr(widget, name, None)
        if isinstance(stack, QUndoStack):
            return stack
    return None


def follow_focus(w: MainWindow) -> None:
    """Keep the two actions up to date as the focus moves and as things change."""
    watched: list = []

    def refresh(*_args) -> None:
        undo, redo = undo_texts(QApplication.focusWidget())
        w.act_undo.setText(f"&Ångra {undo}" if undo else "&Ångra")
        w.act_undo.setEnabled(undo is not None)
        w.act_redo.setText(f"&Gör om {redo}" if redo else "&Gör om")
        w.act_redo.setEnabled(redo is not None)

    def soon(*_args) -> None:
        refresh()  # at once, and again when the change is complete (a note entered, its
        QTimer.singleShot(0, w, refresh)  # line cleared without signals)

    def focus_changed(_old, new) -> None:
        for signal in watched:
            signal.disconnect(soon)
        watched.clear()
        if new is not None and new.window() is w:
            stack = _undo_stack(new)
            if stack is not None:
                watched.append(stack.indexChanged)
            if isinstance(new, QLineEdit):
                watched.append(new.textChanged)
            elif isinstance(new, (QPlainTextEdit, QTextEdit)):
                watched.append(new.textChanged)
            for signal in watched:
                signal.connect(soon)
        refresh()

    QApplication.instance().focusChanged.connect(focus_changed)
    w.destroyed.connect(lambda: QApplication.instance().focusChanged.disconnect(focus_changed))
    refresh()
