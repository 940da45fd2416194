"""The tab "Genomförande" of a samverkan: on the left the insatser of the signed ÖK 2
(with their current status), the reports it requires, key figures and payments; on
the right the chosen one's page. Pages are built when first shown."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import ValidationError
from ...domain.follow_up_snapshot import FollowUpSnapshot
from ...domain.report_document import report_title
from ..common.context import AppContext
from ..common.dialogs import show_error
from ..common.lazy_pages import LazyStack
from ..common.widgets import fill_with_panes, hint
from .insats_page import InsatsPage
from .note_picker import NotePicker

KIND_ROLE, ID_ROLE = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1
INSATS, REPORT, KEY_FIGURES, PAYMENTS = "insats", "report", "key_figures", "payments"


class FollowUpView(QWidget):
    open_meeting = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.engagement_id: str | None = None
        self.snap: FollowUpSnapshot | None = None
        left = QWidget(self)
        self.list = QListWidget(left)
        self.list.setObjectName("followUpList")
        self.list.setProperty("pageSelector", True)  # tests walk every row's page
        self.list.setAccessibleName("Insatser och redovisningar")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setWordWrap(True)   # "Delredovisning 1 · 2026-06-30 · granskad, beslut fattat"
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.empty = hint("Samverkan har ingen undertecknad ÖK 2 ännu. När båda parter har "
                          "skrivit under överenskommelsen om insatserna följs insatserna, "
                          "redovisningarna och pengarna upp här.", left)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(8, 8, 0, 8)
        self.agreement_label = QLabel(left)
        self.agreement_label.setWordWrap(True)
        layout.addWidget(self.agreement_label)
        layout.addWidget(self.list, 1)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.empty, 1)
        self.pages = LazyStack(self)
        self.pages.add_page(INSATS, self._make_insats_page)
        self.pages.add_page(REPORT, self._make_report_page)
        self.pages.add_page(KEY_FIGURES, self._make_key_figures_page)
        self.pages.add_page(PAYMENTS, self._make_payments_page)
        fill_with_panes(self, left, self.pages, (0, 1)).setSizes([300, 900])

    def _make_insats_page(self) -> InsatsPage:
        page = InsatsPage(self.ctx, self)
        page.changed.connect(self._refresh_labels)
        page.pick_note.connect(self._log_from_note)
        return page

    def _make_report_page(self) -> QWidget:
        from .report_page import ReportPage
        return ReportPage(self.ctx, self)

    def _make_key_figures_page(self) -> QWidget:
        from .key_figures_page import KeyFiguresPage
        return KeyFiguresPage(self.ctx, self)

    def _make_payments_page(self) -> QWidget:
        from .payments_page import PaymentsPage
        return PaymentsPage(self.ctx, self)

    # -- showing -------------------------------------------------------------------------
    def show_engagement(self, engagement_id: str) -> None:
        keep = self._current_key()
        self.engagement_id = engagement_id
        self.snap = self.ctx.store.follow_up.snapshot(engagement_id)
        self.list.blockSignals(True)
        self.list.clear()
        agreement = self.snap.agreement if self.snap else None
        self.empty.setVisible(agreement is None)
        self.list.setVisible(agreement is not None)
        self.pages.setVisible(agreement is not None)
        self.agreement_label.setVisible(agreement is not None)
        self.agreement_label.setText(
            f"{agreement.name}, {agreement.period_start} – {agreement.period_end}"
            if agreement else "")
        if self.snap is not None and agreement is not None:
            for i in self.snap.insatser:
                self._add(self._insats_text(i.terms.id), INSATS, i.terms.id)
            for r in sorted(agreement.reports, key=lambda r: (r.due_date, r.position)):
                work = self.ctx.store.follow_up.work(self.snap, r.id)
                self._add(f"{report_title(self.snap, r)} · {r.due_date} · "
                          f"{work.status.label.lower()}", REPORT, r.id)
            self._add("Nyckeltal över tid", KEY_FIGURES, "")
            self._add("Utbetalningar", PAYMENTS, "")
        self.list.blockSignals(False)
        self.select(*keep) if keep else self.list.setCurrentRow(0)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._show_current()

    def _insats_text(self, terms_id: str) -> str:
        i = self.snap.insats(terms_id) if self.snap else None
        return f"{i.terms.title} · {i.status.label.lower()}" if i else ""

    def _add(self, text: str, kind: str, record_id: str) -> None:
        item = QListWidgetItem(text)
        item.setData(KIND_ROLE, kind)
        item.setData(ID_ROLE, record_id)
        item.setToolTip(text)
        self.list.addItem(item)

    def _current_key(self) -> tuple[str, str] | None:
        item = self.list.currentItem()
        return (item.data(KIND_ROLE), item.data(ID_ROLE)) if item else None

    def select(self, kind: str, record_id: str = "") -> bool:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(KIND_ROLE) == kind and (not record_id or item.data(ID_ROLE) == record_id):
                self.list.setCurrentRow(row)
                return True
        return False

    def _show_current(self) -> None:
        key = self._current_key()
        if key is None or self.snap is None or self.engagement_id is None:
            return
        self.ctx.autosaver.flush()
        kind, record_id = key
        page = self.pages.page(kind)
        if kind == INSATS:
            page.show_insats(self.snap, record_id)
        elif kind == REPORT:
            page.show_report(self.engagement_id, self.snap, record_id)
        else:
            page.show_snapshot(self.engagement_id, self.snap)
        self.pages.setCurrentWidget(page)

    def _refresh_labels(self) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(KIND_ROLE) == INSATS:
                item.setText(self._insats_text(item.data(ID_ROLE)))

    def _log_from_note(self, terms_id: str) -> None:
        if self.engagement_id is None:
            return
        picker = NotePicker(self.ctx.store, self.engagement_id, terms_id, self)
        if picker.exec() and (entry := picker.chosen_entry()) is not None:
            try:
                self.ctx.store.follow_up.save_log(entry)
            except ValidationError as exc:
                show_error(self, "Anteckningen lades inte i loggen", str(exc))
                return
            self.show_engagement(self.engagement_id)
