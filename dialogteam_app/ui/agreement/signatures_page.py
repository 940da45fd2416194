"""Who signs for each party (name, title, place, date) and who reviewed the agreement."""

from __future__ import annotations

from ...domain.agreement import Signatory, validate_signatory
from ...domain.agreement_kinds import Party, SignatoryRole
from ...domain.errors import FieldError
from ..common.dialogs import confirm_delete
from ..common.record_form import COMBO, DATE
from ..common.record_table import Column, RecordTable
from ..common.widgets import PageHeader, ScrollPage, hint
from .commands import undo_here
from .state import AgreementState

COLUMNS = [
    Column("party", "Part", COMBO, [(p, p.label) for p in Party]),
    Column("role", "Roll", COMBO, [(r, r.label) for r in SignatoryRole]),
    Column("name", "Namn", stretch=True),
    Column("title", "Titel", stretch=True),
    Column("place", "Ort"),
    Column("date", "Datum", DATE),
]


class SignaturesPage(ScrollPage):
    def __init__(self, state: AgreementState, parent=None):
        super().__init__(parent)
        self.state = state
        repo = state.ctx.store.agreements
        self.header = PageHeader(self)
        self.table = RecordTable(
            COLUMNS, validate=self._validate,
            save=lambda s: state.ctx.autosaver.schedule(
                ("signatory", s.id), lambda: repo.save_signatory(s, wait=False)),
            create=self._new, delete=self._delete, add_label="Ny undertecknare",
            empty_text="Ingen undertecknare ännu.", parent=self)
        undo_here(state.stack, self.table.view)
        self.body.addWidget(self.header)
        self.body.addWidget(hint("Granskar: ”Överenskommelsen har granskats av …” under "
                                 "underskrifterna. Ingen kan skriva under före Skolverkets "
                                 "beslut.", self))
        self.body.addWidget(self.table)

    def show_agreement(self) -> None:
        a = self.state.agreement
        assert a is not None
        self.header.set_text("Underskrifter", f"{a.name} · beslut "
                             f"{a.decision_date or '(inget beslutsdatum angivet)'}")
        self.table.set_records(a.signatories)

    def _validate(self, s: Signatory) -> list[FieldError]:
        a = self.state.agreement
        return validate_signatory(s, a.decision_date if a else "")

    def _new(self) -> Signatory:
        a = self.state.agreement
        assert a is not None
        rows = self.table.model.records()
        party = Party.HUVUDMAN if any(r.party is Party.SKOLVERKET for r in rows) else \
            Party.SKOLVERKET
        s = Signatory(agreement_id=a.id, party=party, name="Ny undertecknare",
                      place=rows[-1].place if rows else "", position=len(rows))
        self.state.ctx.store.agreements.save_signatory(s)
        return s

    def _delete(self, s: Signatory) -> bool:
        if not confirm_delete(self, "Ta bort undertecknare", f"Ta bort {s.name}?",
                              undoable=True):
            return False
        self.state.delete_part("signatures", "agreement_signatories", s.id,
                               f"ta bort {s.name or 'undertecknaren'}")
        return True
