"""Money: what each funder gives, the utbetalningsplan (a sum that differs from the
granted funding is a warning to act on, not a refusal), the rekvisition and the
repayment terms."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from ...domain.agreement_kinds import AccountKind
from ...domain.agreement_money import (
    PaymentRow,
    Rekvisition,
    draft_payment_plan,
    funder_totals,
    payment_plan_warning,
    repayment_reference,
    validate_payment,
    validate_rekvisition,
    validate_repayment,
)
from ...domain.errors import FieldError
from ...domain.money import format_kr
from ..common.dialogs import confirm_delete
from ..common.record_form import CHECK, COMBO, DATE, INT, ErrorLabel, FieldSpec, RecordForm
from ..common.record_table import Column, RecordTable
from ..common.theme import colours
from ..common.widgets import PageHeader, ScrollPage, hint, section_title
from .columns import amount_column
from .commands import undo_here
from .party_dialog import SkolverketDialog
from .state import AgreementState

PAYMENT_COLUMNS = [
    Column("due_date", "Datum", DATE),
    amount_column(),
    Column("on_requisition", "Efter rekvisition", CHECK, exclusive=True),
]
REKVISITION_FIELDS = [
    FieldSpec("orgnr", "Organisationsnummer", placeholder="NNNNNN-NNNN"),
    FieldSpec("amount_kr", "Belopp (kr)", INT),
    FieldSpec("account_kind", "Konto", COMBO, [(k, k.label) for k in AccountKind]),
    FieldSpec("account", "Kontonummer", placeholder="till exempel 5050-1055"),
    FieldSpec("reference", "Referens"),
]
REPAYMENT_FIELDS = [
    FieldSpec("unit_number", "Enhetsnummer", tooltip="Står med beslutets dnr som referens"),
    FieldSpec("days", "Dagar efter slutredovisningen", INT),
]


def _unprefixed(errors: list[FieldError]) -> list[FieldError]:
    """'rekvisition.orgnr' -> 'orgnr': the form's own field names."""
    return [FieldError(e.field.split(".")[-1], e.message) for e in errors]


class MoneyPage(ScrollPage):
    def __init__(self, state: AgreementState, parent=None):
        super().__init__(parent)
        self.state = state
        repo = state.ctx.store.agreements
        autosaver = state.ctx.autosaver
        self.header = PageHeader(self)
        self.totals = QLabel(self)
        self.totals.setObjectName("funderTotals")
        self.totals.setWordWrap(True)
        self.payments = RecordTable(
            PAYMENT_COLUMNS, validate=self._validate_payment,
            save=lambda p: autosaver.schedule(("payment", p.id),
                                              lambda: repo.save_payment(p, wait=False)),
            create=self._new_payment, delete=self._delete_payment,
            add_label="Ny utbetalning", empty_text="Ingen utbetalningsplan ännu.", parent=self)
        self.payments.changed.connect(self._show_warning)
        undo_here(state.stack, self.payments.view)
        self.sum = QLabel(self)
        self.sum.setObjectName("paymentSum")
        self.warning = ErrorLabel(self)
        self.warning.setObjectName("paymentWarning")
        self.warning.setStyleSheet(f"color: {colours().warning};")
        self.draft = QPushButton("Föreslå utbetalningsplan", self)
        self.draft.setToolTip("Första utbetalningen efter rekvisition, sedan kvartalsvis i "
                              "förskott, tills beviljat belopp är utbetalt")
        self.draft.clicked.connect(self.draft_plan)
        self.rekvisition = RecordForm(
            REKVISITION_FIELDS, lambda r: _unprefixed(validate_rekvisition(r)),
            lambda r: state.save_now(rekvisition=r), autosaver, "rekvisition", self)
        self.fill_rekvisition = QPushButton("Fyll i organisationsnummer och första beloppet",
                                            self)
        self.fill_rekvisition.clicked.connect(self._fill_rekvisition)
        self.repayment = RecordForm(
            REPAYMENT_FIELDS, lambda r: _unprefixed(validate_repayment(r)),
            lambda r: state.save_now(repayment=r), autosaver, "repayment", self)
        self.repayment.record_saved.connect(lambda _r: self._show_reference())
        self.reference = hint("", self)
        party = QPushButton("Skolverkets uppgifter…", self)
        party.setToolTip("Adress, organisationsnummer och bankgiro för återbetalning: "
                         "en inställning på den här datorn")
        party.clicked.connect(self._edit_party)
        rows = QHBoxLayout()
        rows.addWidget(self.draft)
        rows.addStretch(1)
        b = self.body
        b.addWidget(self.header)
        b.addWidget(section_title("Finansiering enligt överenskommelsen", self))
        b.addWidget(self.totals)
        b.addWidget(section_title("Utbetalningsplan", self))
        b.addWidget(self.payments)
        b.addWidget(self.sum)
        b.addWidget(self.warning)
        b.addLayout(rows)
        b.addWidget(section_title("Rekvisition", self))
        b.addWidget(self.rekvisition)
        b.addWidget(self.fill_rekvisition)
        b.addWidget(section_title("Återbetalning av medel som inte använts", self))
        b.addWidget(self.repayment)
        b.addWidget(self.reference)
        b.addWidget(party)

    def show_agreement(self) -> None:
        a = self.state.agreement
        assert a is not None
        self.header.set_text("Pengar", f"{a.name} · belopp i hela kronor")
        self.payments.set_records(a.payments)
        self.rekvisition.set_record(a.rekvisition)
        self.repayment.set_record(a.repayment)
        self._show_totals()
        self._show_warning()
        self._show_reference()

    def granted(self) -> int:
        assert self.state.agreement is not None
        return funder_totals(self.state.agreement.terms).granted_kr

    def _show_totals(self) -> None:
        a = self.state.agreement
        assert a is not None
        t = funder_totals(a.terms)
        lines = []
        if t.granted_kr:
            years = ", ".join(f"{y}: {format_kr(kr)}" for y, kr in t.granted_by_year.items() if y)
            lines.append(f"Skolverket beviljar Huvudmannen {format_kr(t.granted_kr)}"
                         + (f" ({years})" if years else "") + ".")
        if t.procured_from:
            lines.append("Skolverket upphandlar insatser från " + ", ".join(t.procured_from)
                         + " (inga pengar till Huvudmannen).")
        if t.own_kr:
            lines.append(f"Huvudmannen finansierar {format_kr(t.own_kr)}.")
        lines += [f"{name} finansierar {format_kr(kr)}." for name, kr in t.other_kr.items()]
        if t.unquantified:
            lines.append("Utan angivet belopp: " + ", ".join(t.unquantified)
                         + ". Andelar av helheten kan därför inte anges.")
        self.totals.setText("\n".join(lines) or "Ingen finansiering är angiven för insatserna "
                                                "ännu (under Insatser).")

    def _show_warning(self) -> None:
        rows = self.payments.model.records()
        self.sum.setText(f"Summa: {format_kr(sum(p.amount_kr for p in rows))} i "
                         f"{len(rows)} utbetalning{'ar' if len(rows) != 1 else ''}; beviljat "
                         f"{format_kr(self.granted())}.")
        self.warning.show_message(payment_plan_warning(rows, self.granted()))

    def _show_reference(self) -> None:
        a = self.state.agreement
        assert a is not None
        party = self.state.ctx.store.agreements.skolverket()
        reference = repayment_reference(a.decision_dnr or a.dnr, a.repayment.unit_number)
        self.reference.setText(
            f"Till Skolverkets bankgiro {party.repayment_bankgiro or '(inte angivet)'}, "
            f"med referens {reference or '(beslutets dnr och enhetsnummer)'}, senast "
            f"{a.repayment.days} dagar efter slutredovisningen.")

    def _validate_payment(self, p: PaymentRow) -> list[FieldError]:
        assert self.state.agreement is not None
        return validate_payment(p, self.state.agreement.period_end)

    def _new_payment(self) -> PaymentRow | None:
        a = self.state.agreement
        assert a is not None
        rows = self.payments.model.records()
        due = max([p.due_date for p in rows], default=a.period_start or date.today().isoformat())
        p = PaymentRow(agreement_id=a.id, due_date=due, amount_kr=0, on_requisition=not rows,
                       position=len(rows))
        self.state.ctx.store.agreements.save_payment(p)
        return p

    def _delete_payment(self, p: PaymentRow) -> bool:
        if not confirm_delete(self, "Ta bort utbetalning",
                              f"Ta bort utbetalningen {p.due_date} på {format_kr(p.amount_kr)}?",
                              undoable=True):
            return False
        self.state.delete_part("money", "agreement_payments", p.id,
                               f"ta bort utbetalningen {p.due_date}")
        return True

    def draft_plan(self) -> None:
        a = self.state.agreement
        assert a is not None
        first = a.period_start or date.today().isoformat()
        rows = draft_payment_plan(a.id, self.granted(), first, a.period_end)
        if not rows:
            self.warning.show_message("Ange beviljade belopp under Insatser och överenskommelsens "
                                      "period först.")
            return
        if self.payments.model.records() and not confirm_delete(
                self, "Ersätt utbetalningsplanen", "Ersätt den nuvarande utbetalningsplanen "
                "med ett förslag?"):
            return
        self.state.ctx.autosaver.flush()
        self.state.ctx.store.agreements.replace_payments(a.id, rows)
        self.state.reload_parts()
        self.show_agreement()

    def _fill_rekvisition(self) -> None:
        a = self.state.agreement
        assert a is not None
        store = self.state.ctx.store
        engagement = store.engagements.get(a.engagement_id)
        organiser = store.organisers.get(engagement.organiser_id)
        first = next((p for p in self.payments.model.records() if p.on_requisition), None)
        rekvisition = Rekvisition(orgnr=organiser.org_number,
                                  amount_kr=first.amount_kr if first else None,
                                  account_kind=a.rekvisition.account_kind,
                                  account=a.rekvisition.account,
                                  reference=a.rekvisition.reference or a.dnr)
        self.state.update(rekvisition=rekvisition)
        self.rekvisition.set_record(rekvisition)

    def _edit_party(self) -> None:
        SkolverketDialog(self.state.ctx, self).exec()
        self._show_reference()
