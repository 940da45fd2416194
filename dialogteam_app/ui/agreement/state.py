"""The agreement being edited, shared by the editor's pages.

Several pages edit fields of the same stored row (the header, the rekvisition, the
repayment terms); each saves the whole row from this one copy, so a page never
writes back another page's fields as they were when it was opened.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ...domain.agreement import Agreement
from ..common.context import AppContext
from .commands import DeletePart


class AgreementState(QObject):
    changed = Signal(object)      # the agreement after a saved edit
    # After an undo or redo of a deletion: show (agreement id, page key, part id).
    restored = Signal(str, str, str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.stack = QUndoStack(self)   # the editor's deletions (commands.py)
        self.agreement: Agreement | None = None
        self.siblings: list[Agreement] = []   # every agreement of the engagement

    def load(self, agreement_id: str) -> Agreement | None:
        self.ctx.autosaver.flush()
        agreements = self.ctx.store.agreements
        self.agreement = agreements.get(agreement_id)
        if self.agreement is not None:
            self.siblings = agreements.list(self.agreement.engagement_id)
        return self.agreement

    def update(self, **fields: Any) -> None:
        """Change the agreement's own fields and autosave the row."""
        self._apply(fields)
        snapshot = self.agreement
        assert snapshot is not None
        self.ctx.autosaver.schedule(("agreement", snapshot.id),
                                    lambda: self.ctx.store.agreements.save(snapshot, wait=False))

    def save_now(self, **fields: Any) -> None:
        """The same, from a form's own (already scheduled) autosave."""
        self._apply(fields)
        assert self.agreement is not None
        self.ctx.store.agreements.save(self.agreement, wait=False)

    def _apply(self, fields: dict[str, Any]) -> None:
        assert self.agreement is not None
        self.agreement = dataclasses.replace(self.agreement, **fields)
        self.changed.emit(self.agreement)

    def delete_part(self, page: str, table: str, part_id: str, text: str,
                    select: str = "") -> None:
        """Delete a part of the current agreement, undoably; `select` is the insats
        to show again on undo when the part belongs to one."""
        assert self.agreement is not None
        self.stack.push(DeletePart(self, self.agreement.id, page, table, part_id, text, select))

    def reload_parts(self) -> Agreement | None:
        """After a part (terms, payment, report …) was saved: the agreement with its parts."""
        return self.load(self.agreement.id) if self.agreement is not None else None
