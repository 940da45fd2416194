"""The utbetalningsplan against what has been paid out: a payment is marked as paid
with its date and amount; what is still expected shows in "Att göra"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...domain.agreement_money import parse_amount
from ...domain.errors import ValidationError
from ...domain.follow_up import PaymentReceipt, validate_receipt
from ...domain.follow_up_snapshot import FollowUpSnapshot
from ...domain.money import format_kr
from ..common.context import AppContext
from ..common.record_form import ErrorLabel
from ..common.record_table import one_tab_stop
from ..common.widgets import PageHeader, ScrollPage, add_shortcut, field_label, hint


class PaymentsPage(ScrollPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.engagement_id = ""
        self.snap: FollowUpSnapshot | None = None
        self.header = PageHeader(self)
        self.header.set_text("Utbetalningar", "Utbetalningsplanen och vad som har betalats ut")
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(["Planerad", "Belopp", "Utbetald", "Utbetalt belopp"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(220)
        one_tab_stop(self.table, "Utbetalningsplan")
        self.table.currentCellChanged.connect(lambda *_: self._prefill())
        self.paid_date = QLineEdit(self)
        self.paid_date.setPlaceholderText("ÅÅÅÅ-MM-DD")
        self.amount = QLineEdit(self)
        mark = QPushButton("Markera som utbetald", self)
        mark.setToolTip("Registrera den valda utbetalningen (Ctrl+Retur)")
        mark.clicked.connect(self.mark_paid)
        add_shortcut("Ctrl+Return", self, self.mark_paid,
                     context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
                     what="Utbetalningar: markera den valda som utbetald")
        self.error = ErrorLabel(self)
        self.totals = QLabel(self)
        row = QHBoxLayout()
        mnemonics: set[str] = set()
        for label, widget in (("Utbetald datum", self.paid_date),
                              ("Utbetalt belopp", self.amount)):
            row.addWidget(field_label(label, widget, mnemonics, self))
            row.addWidget(widget)
        row.addWidget(mark)
        row.addStretch(1)
        for w in (self.header, self.table):
            self.body.addWidget(w)
        self.body.addLayout(row)
        self.body.addWidget(self.error)
        self.body.addWidget(self.totals)
        self.body.addWidget(hint("Obetalda utbetalningar inom 60 dagar visas under Att göra.",
                                 self))

    def show_snapshot(self, engagement_id: str, snap: FollowUpSnapshot) -> None:
        self.engagement_id, self.snap = engagement_id, snap
        payments = snap.agreement.payments if snap.agreement else []
        self.table.setRowCount(len(payments))
        for r, p in enumerate(payments):
            paid = snap.receipts.get(p.id)
            cells = [p.due_date + (" (rekvisition)" if p.on_requisition else ""),
                     format_kr(p.amount_kr), paid.paid_date if paid else "–",
                     format_kr(paid.amount_kr) if paid else "–"]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (1, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        planned = sum(p.amount_kr for p in payments)
        self.totals.setText(f"Planerat {format_kr(planned)} · utbetalt {format_kr(snap.paid_kr)}")
        self.error.show_message(None)
        if payments and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, 0)

    def _prefill(self) -> None:
        row = self.table.currentRow()
        if self.snap is None or self.snap.agreement is None or row < 0:
            return
        p = self.snap.agreement.payments[row]
        paid = self.snap.receipts.get(p.id)
        self.paid_date.setText(paid.paid_date if paid else p.due_date)
        self.amount.setText(str(paid.amount_kr if paid else p.amount_kr))

    def mark_paid(self) -> bool:
        row = self.table.currentRow()
        if self.snap is None or self.snap.agreement is None or row < 0:
            self.error.show_message("Välj en utbetalning i listan.")
            return False
        payment = self.snap.agreement.payments[row]
        amount, problem = parse_amount(self.amount.text(), "Utbetalt belopp")
        receipt = PaymentReceipt(payment.id, self.paid_date.text().strip(), amount or 0)
        problems = [problem] if problem else [
            e.message for e in validate_receipt(receipt, self.ctx.store.follow_up.today())]
        if amount is None and not problem:
            problems.insert(0, "Ange utbetalt belopp.")
        if problems:
            self.error.show_message(problems[0])
            return False
        try:
            self.ctx.store.follow_up.save_receipt(receipt)
        except ValidationError as exc:
            self.error.show_message(str(exc))
            return False
        snap = self.ctx.store.follow_up.snapshot(self.engagement_id)
        if snap is not None:
            self.show_snapshot(self.engagement_id, snap)
            self.table.setCurrentCell(row, 0)
        return True
