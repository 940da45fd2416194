"""Deletions in the agreement editor as undoable commands: an agreement (with the
tillägg that amend it and every part), an insats's terms, a participant row, a
funding line, a payment, a report, a signatory, a tillägg's change. Each reads what
it removes as stored just before deleting it, and undo puts exactly that back.

Ctrl+Z (Redigera ▸ Ångra) reaches the editor's stack through the focused list or
table: the main window calls the focused widget's `undo`/`redo` and reads its
`stack`, as for the plan outline (see `undo_here`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from ...domain.agreement import Agreement
from ...store.agreements import Agreements, Part

if TYPE_CHECKING:
    from .state import AgreementState


def undo_here(stack: QUndoStack, *widgets: QWidget) -> None:
    """Ctrl+Z and Ctrl+Shift+Z in these widgets undo and redo the editor's deletions."""
    for widget in widgets:
        widget.stack = stack  # type: ignore[attr-defined]
        widget.undo = stack.undo  # type: ignore[attr-defined]
        widget.redo = stack.redo  # type: ignore[attr-defined]


class DeleteAgreement(QUndoCommand):
    def __init__(self, state: AgreementState, agreement: Agreement):
        super().__init__(f"ta bort {agreement.short_name}")
        self.state, self.agreement_id = state, agreement.id
        self.removed: list[Agreement] = []

    def redo(self) -> None:
        self.state.ctx.autosaver.flush()
        repo = self.state.ctx.store.agreements
        self.removed = repo.deleted_with(self.agreement_id)
        repo.delete(self.agreement_id)
        self.state.agreement = None
        self.state.restored.emit("", "", "")

    def undo(self) -> None:
        self.state.ctx.store.agreements.restore(self.removed)
        self.state.restored.emit(self.agreement_id, "", "")


class DeletePart(QUndoCommand):
    """One part of the agreement shown on page `page`; `text` names it for the menu."""

    def __init__(self, state: AgreementState, agreement_id: str, page: str, table: str,
                 part_id: str, text: str, select: str = ""):
        super().__init__(text)
        self.state = state
        self.agreement_id, self.page, self.select = agreement_id, page, select
        self.table, self.part_id = table, part_id
        self.removed: list[Part] = []
        self._first = True   # the page removes the row itself when the command is pushed

    @property
    def repo(self) -> Agreements:
        return self.state.ctx.store.agreements

    def redo(self) -> None:
        self.state.ctx.autosaver.flush()
        self.removed = self.repo.deleted_with_part(self.table, self.part_id)
        self.repo.delete_part(self.table, self.part_id)
        if not self._first:
            self.state.restored.emit(self.agreement_id, self.page, self.select)
        self._first = False

    def undo(self) -> None:
        self.state.ctx.autosaver.flush()
        self.repo.restore_parts(self.removed)
        self.state.restored.emit(self.agreement_id, self.page, self.select or self.part_id)
