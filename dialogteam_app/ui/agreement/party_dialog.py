"""Skolverket's party data: one setting on this laptop, with defaults."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from ...domain.agreement_party import SkolverketParty, validate_party
from ...domain.errors import ValidationError
from ..common.context import AppContext
from ..common.record_form import TEXT, FieldSpec, RecordForm
from ..common.widgets import hint

FIELDS = [
    FieldSpec("name", "Namn"),
    FieldSpec("address", "Adress", TEXT),
    FieldSpec("phone", "Telefon"),
    FieldSpec("orgnr", "Organisationsnummer"),
    FieldSpec("repayment_bankgiro", "Bankgiro för återbetalning", placeholder="NNNN-NNNN"),
]


class SkolverketDialog(QDialog):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Skolverkets uppgifter")
        self.ctx = ctx
        self.form = RecordForm(FIELDS, validate_party, self._save, ctx.autosaver,
                               "skolverket-party", self)
        self.form.set_record(ctx.store.agreements.skolverket())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Stäng")
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(hint("Står i varje överenskommelse. Ändringar gäller den här datorn "
                              "och följer inte med i utbytespaket.", self))
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def _save(self, party: SkolverketParty) -> None:
        try:
            self.ctx.store.agreements.save_skolverket(party)
        except ValidationError as exc:   # checked by the form already; a last guard
            self.ctx.autosaver.mark_invalid(("skolverket-party",), str(exc))

    def done(self, result: int) -> None:
        self.ctx.autosaver.flush()
        super().done(result)
