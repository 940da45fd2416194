"""The samverkan's överenskommelser: the list on the left (ÖK 1, ÖK 2, tillägg), the
chosen agreement's pages on the right.

Keys: Ctrl+Return new agreement (menu), Ctrl+Shift+E export (Ctrl+E is the window's
Exportera åtgärdsplan), Delete removes the agreement chosen in the list (or the part
chosen in a page's list or table), Ctrl+Z there puts back what was deleted
(commands.py), Alt+1 … Alt+6 go to a page. Text fields have their own undo (Ctrl+Z);
every edit is autosaved, an invalid value is shown at its field and not saved.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.agreement import Agreement, new_agreement
from ...domain.agreement_kinds import AgreementKind
from ..common.context import AppContext
from ..common.dialogs import confirm_delete
from ..common.lazy_pages import LazyTabWidget
from ..common.widgets import ScrollPage, add_shortcut, fill_with_panes, hint
from .changes_page import ChangesPage
from .commands import DeleteAgreement, undo_here
from .header_page import HeaderPage
from .money_page import MoneyPage
from .reports_page import ReportsPage
from .signatures_page import SignaturesPage
from .state import AgreementState
from .terms_page import TermsPage

ID = Qt.ItemDataRole.UserRole
P = TypeVar("P", bound=QWidget)
PAGES = [("header", "Överenskommelse", HeaderPage), ("terms", "Insatser", TermsPage),
         ("money", "Pengar", MoneyPage), ("reports", "Redovisningar", ReportsPage),
         ("signatures", "Underskrifter", SignaturesPage), ("changes", "Ändringar", ChangesPage)]
# The last tab is named for what is chosen: "Ändringar" for a tillägg, else "Gällande lydelse".
TAB_NAMES = {"changes": "Gällande lydelse eller Ändringar"}


class AgreementView(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.engagement_id: str | None = None
        self.state = AgreementState(ctx, self)
        self.state.changed.connect(self._relabel)
        self.state.restored.connect(self._show_restored)

        self.list = QListWidget(self)
        self.list.setObjectName("agreementList")
        self.list.setProperty("pageSelector", True)  # tests walk every agreement
        self.list.setAccessibleName("Överenskommelser")
        self.list.setSpacing(3)
        self.list.setWordWrap(True)   # a narrow list: the status wraps instead of scrolling
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(lambda cur, _prev: self._select(cur))
        undo_here(self.state.stack, self.list)
        self.new_button = QToolButton(self)
        self.new_button.setText("Ny ▾")
        self.new_button.setToolTip("Ny överenskommelse eller nytt tillägg (Ctrl+Return)")
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.new_button)
        for kind, text in [(AgreementKind.OK1, "ÖK 1 – nulägesanalys och åtgärdsplan"),
                           (AgreementKind.OK2, "ÖK 2 – insatser"),
                           (AgreementKind.AMENDMENT, "Tillägg till den valda")]:
            menu.addAction(text, lambda k=kind: self.add(k))
        self.new_button.setMenu(menu)
        self.delete_button = QToolButton(self)
        self.delete_button.setText("Ta bort")
        self.delete_button.setToolTip("Ta bort den valda överenskommelsen (Delete)")
        self.delete_button.clicked.connect(self.delete_current)
        self.export_button = QToolButton(self)
        self.export_button.setText("Exportera…")
        self.export_button.setToolTip("Förhandsgranska överenskommelsen med åtgärdsplanen som "
                                      "bilaga 1, spara som PDF eller Word, skicka med e-post "
                                      "(Ctrl+Shift+E)")
        self.export_button.clicked.connect(self.export)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(8, 8, 0, 8)
        column.addLayout(buttons)
        column.addWidget(self.list)

        # Each page is built when first shown (as the samverkan's own tabs are).
        self.tabs = LazyTabWidget(self)
        self.tabs.setDocumentMode(True)
        for n, (key, title, page_class) in enumerate(PAGES, 1):
            self.tabs.add_page(key, title, lambda c=page_class: c(self.state, self))
            self.tabs.setTabToolTip(n - 1, f"Alt+{n}")
            add_shortcut(f"Alt+{n}", self, lambda i=n - 1: self.tabs.setCurrentIndex(i),
                         what=f"Överenskommelser: fliken {TAB_NAMES.get(key, title)}",
                         context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.tabs.setCornerWidget(self.export_button)  # beside the pages: for the whole agreement
        self.tabs.currentChanged.connect(lambda _i: self._show_page())
        self.empty = ScrollPage(self)
        self.empty.body.addWidget(hint(
            "Samverkan har ingen överenskommelse ännu. ÖK 1 reglerar arbetet med "
            "nulägesanalys och åtgärdsplan; ÖK 2 tecknas efter Skolverkets beslut och reglerar "
            "insatserna, deras finansiering och redovisning. Skapa en med ”Ny ▾” "
            "(Ctrl+Return).", self.empty))
        self.right = QStackedWidget(self)
        self.right.addWidget(self.empty)
        self.right.addWidget(self.tabs)
        fill_with_panes(self, left, self.right, (0, 1)).setSizes([150, 1000])

        add_shortcut("Ctrl+Return", self, lambda: self.new_button.showMenu(),
                     what="Överenskommelser: ny överenskommelse eller nytt tillägg",
                     context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_shortcut("Ctrl+Shift+E", self, self.export,
                     what="Överenskommelser: exportera den valda (PDF, Word, e-post)",
                     context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_shortcut(QKeySequence.StandardKey.Delete, self.list, self.delete_current,
                     what="Överenskommelser: ta bort den valda",
                     context=Qt.ShortcutContext.WidgetShortcut)

    def _page(self, key: str, kind: type[P]) -> P:
        page = self.tabs.page(key)
        assert isinstance(page, kind)
        return page

    @property
    def header(self) -> HeaderPage:
        return self._page("header", HeaderPage)

    @property
    def terms(self) -> TermsPage:
        return self._page("terms", TermsPage)

    @property
    def money(self) -> MoneyPage:
        return self._page("money", MoneyPage)

    @property
    def reports(self) -> ReportsPage:
        return self._page("reports", ReportsPage)

    @property
    def signatures(self) -> SignaturesPage:
        return self._page("signatures", SignaturesPage)

    @property
    def changes(self) -> ChangesPage:
        return self._page("changes", ChangesPage)

    # -- loading -----------------------------------------------------------------------------
    def show_engagement(self, engagement_id: str, select: str | None = None) -> None:
        if engagement_id != self.engagement_id:
            self.state.stack.clear()   # undo belongs to the samverkan it was done in
        self.engagement_id = engagement_id
        current = self.list.currentItem()
        self.reload(select or (current.data(ID) if current else None))

    def reload(self, select: str | None = None) -> None:
        assert self.engagement_id is not None
        self.ctx.autosaver.flush()
        agreements = self.ctx.store.agreements.list(self.engagement_id)
        self.list.blockSignals(True)
        self.list.clear()
        for a in agreements:
            item = QListWidgetItem(self._label(a))
            item.setData(ID, a.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        rows = [self.list.item(i) for i in range(self.list.count())]
        chosen = next((r for r in rows if r.data(ID) == select), rows[-1] if rows else None)
        self.list.setCurrentItem(chosen)
        self._select(chosen)

    @staticmethod
    def _label(a: Agreement) -> str:
        status = a.status.label if not a.signed_date else f"undertecknad {a.signed_date}"
        return f"{a.short_name}\n{status}"

    def _relabel(self, a: Agreement) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(ID) == a.id:
            item.setText(self._label(a))

    def _select(self, item: QListWidgetItem | None) -> None:
        has = item is not None and self.state.load(item.data(ID)) is not None
        self.delete_button.setEnabled(has)
        self.export_button.setEnabled(has)
        self.right.setCurrentWidget(self.tabs if has else self.empty)
        if has:
            self.tabs.setTabText(5, "Ändringar" if self.state.agreement.kind is
                                 AgreementKind.AMENDMENT else "Gällande lydelse")
            self._show_page(reload=False)

    def _show_page(self, reload: bool = True) -> None:
        """Each time a page is shown it reads the agreement as stored, so what one page
        changed (funding under Insatser) the next one shows (totals under Pengar)."""
        if self.state.agreement is None:
            return
        if reload:
            self.state.reload_parts()
        page = self.tabs.currentWidget()
        page.show_agreement()

    # -- commands -----------------------------------------------------------------------------
    def add(self, kind: AgreementKind) -> None:
        assert self.engagement_id is not None
        amends = None
        if kind is AgreementKind.AMENDMENT:
            current = self.state.agreement
            if current is None:
                return
            amends = current.amends_id if current.kind is AgreementKind.AMENDMENT else current.id
        a = new_agreement(self.engagement_id, kind, amends)
        engagement = self.ctx.store.engagements.get(self.engagement_id)
        a.dnr = engagement.dnr if kind is not AgreementKind.AMENDMENT else ""
        self.ctx.store.agreements.save(a)
        self.reload(select=a.id)
        self.tabs.setCurrentWidget(self.header)

    def delete_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        repo = self.ctx.store.agreements
        a = repo.get(item.data(ID))
        if a is None or not confirm_delete(self, "Ta bort överenskommelse",
                                           f"Ta bort {a.short_name}?",
                                           repo.deletion_impact(a.id), undoable=True):
            return
        self.state.stack.push(DeleteAgreement(self.state, a))

    def _show_restored(self, agreement_id: str, page: str, select: str) -> None:
        """After an undo or redo: the agreement, on the page of the part, with the
        part's insats chosen."""
        self.reload(select=agreement_id or None)
        if page and self.state.agreement is not None:
            self.tabs.setCurrentWidget(self.tabs.page(page))
            if page == "terms" and select:
                terms = self.state.agreement.terms_of(select)
                self.terms.show_agreement(select=select if terms else None)

    def export(self) -> None:
        dialog = self.make_export_dialog()
        if dialog is not None:
            dialog.exec()
            self.reload(select=dialog.export.agreement.id)  # Bilaga 1 may be frozen now

    def make_export_dialog(self):
        # The dialog's modules (PDF, Word, e-mail, printing: ~20 ms) when first asked for.
        from .export import agreement_export_dialog
        a = self.state.agreement
        return agreement_export_dialog(self, self.ctx, a.id) if a is not None else None
