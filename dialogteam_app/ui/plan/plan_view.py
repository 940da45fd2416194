"""The åtgärdsplan editor: the plan's outline on the left, the chosen part on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.plan import DevelopmentArea, Intervention, intervention_from_candidate
from ...domain.plan_check import Gap, Target, red_thread
from ...domain.plan_diff import diff_documents
from ...store.plan_snapshot import build_plan_document
from ..common.context import AppContext
from ..common.dialogs import confirm_delete, show_info
from ..common.lazy_pages import LazyStack
from ..common.theme import colours
from ..common.widgets import add_shortcut, fill_with_panes
from .commands import AddArea, AddInterventions, DeleteArea, DeleteIntervention, Reorder
from .export import (
    EXPORT,
    SHOW_GAPS,
    ask_export_despite_gaps,
    plan_export_dialog,
    version_pdf_dialog,
)
from .intervention_page import InterventionPage
from .overview_pages import CheckPage, TotalsPage, VersionsPage
from .pages import AreaPage, PlanTextsPage, StrengthsRisksPage

KIND, ID = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1
TEXTS, AREA, INTERVENTION, STRENGTHS, TOTALS, VERSIONS, CHECK = (
    "texts", "area", "intervention", "strengths", "totals", "versions", "check")


class PlanTree(QTreeWidget):
    """The outline; Ctrl+Z / Ctrl+Shift+Z here undo and redo structural changes."""

    def __init__(self, stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.stack = stack
        self.setHeaderHidden(True)
        self.setObjectName("planOutline")
        self.setAccessibleName("Åtgärdsplanens delar")
        self.setProperty("pageSelector", True)  # tests walk every part

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()


class PlanView(QWidget):
    open_problem = Signal(str)  # a röd tråd gap to fix in the analysis

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.plans = ctx.store.plans
        self.engagement_id: str | None = None
        self.plan = None
        self.gaps: list[Gap] = []
        self.stack = QUndoStack(self)
        self.tree = PlanTree(self.stack, self)
        self.tree.currentItemChanged.connect(lambda cur, _prev: self._show(cur))

        rows = [QHBoxLayout(), QHBoxLayout()]  # two rows keep the outline narrow
        self.buttons: dict[str, QToolButton] = {}
        for key, text, tip, slot in [
                ("area", "+ Område", "Nytt utvecklingsområde", self.add_area),
                ("intervention", "+ Insats", "Ny insats i det valda området (Ctrl+Enter)",
                 self.add_intervention),
                ("candidates", "Från analysen…", "Hämta tänkbara insatser från nulägesanalysen",
                 self.bring_in_candidates),
                ("up", "↑", "Flytta upp (Alt+Upp)", lambda: self.move_selected(-1)),
                ("down", "↓", "Flytta ned (Alt+Ned)", lambda: self.move_selected(1)),
                ("delete", "Ta bort", "Ta bort området eller insatsen (Delete)", self.delete),
                ("export", "Exportera PDF…", "Förhandsgranska, spara och skicka planen (Ctrl+E)",
                 self.export_pdf)]:
            b = QToolButton(self)
            b.setText(text)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            self.buttons[key] = b
            row = rows[0] if key in ("area", "intervention", "candidates") else rows[1]
            if key == "export":
                row.addStretch(1)
            row.addWidget(b)
        rows[0].addStretch(1)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 0, 8)
        for row in rows:
            row.setSpacing(2)
            left_layout.addLayout(row)
        left_layout.addWidget(self.tree)

        self.pages = LazyStack(self)  # each page built when first shown
        for key in ("texts", "area_page", "intervention_page", "strengths", "totals",
                    "versions", "check"):
            self.pages.add_page(key, getattr(self, f"_make_{key}"))

        fill_with_panes(self, left, self.pages, (0, 1)).setSizes([300, 900])

        # Ctrl+E (export) is the window's Arkiv action, so it works on every page.
        for keys, slot, what in [
            ("Alt+Up", lambda: self.move_selected(-1), "Planen: flytta upp i dispositionen"),
            ("Alt+Down", lambda: self.move_selected(1), "Planen: flytta ned i dispositionen"),
            ("Ctrl+Return", self.add_intervention, "Planen: ny insats i det valda området"),
        ]:
            add_shortcut(QKeySequence(keys), self, slot, what=what,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_shortcut(QKeySequence.StandardKey.Delete, self.tree, self.delete,
                  what="Planen: ta bort det valda området eller den valda insatsen",
                  context=Qt.ShortcutContext.WidgetShortcut)

    # -- pages, built on first use ------------------------------------------------------------------
    def _make_texts(self) -> PlanTextsPage:
        return PlanTextsPage(self.ctx, self)

    def _make_area_page(self) -> AreaPage:
        page = AreaPage(self.ctx, self)
        page.form.record_saved.connect(lambda a: self._rename(AREA, a.id, a.title))
        return page

    def _make_intervention_page(self) -> InterventionPage:
        page = InterventionPage(self.ctx, self)
        page.form.record_saved.connect(lambda i: self._rename(INTERVENTION, i.id, i.title))
        return page

    def _make_strengths(self) -> StrengthsRisksPage:
        return StrengthsRisksPage(self.ctx, self)

    def _make_totals(self) -> TotalsPage:
        return TotalsPage(self)

    def _make_versions(self) -> VersionsPage:
        page = VersionsPage(self)
        page.compare.connect(self._compare)
        page.open_version.connect(self.show_version_pdf)
        return page

    def _make_check(self) -> CheckPage:
        page = CheckPage(self)
        page.go_to.connect(self.go_to)
        return page

    texts = property(lambda self: self.pages.page("texts"))
    area_page = property(lambda self: self.pages.page("area_page"))
    intervention_page = property(lambda self: self.pages.page("intervention_page"))
    strengths = property(lambda self: self.pages.page("strengths"))
    totals = property(lambda self: self.pages.page("totals"))
    versions = property(lambda self: self.pages.page("versions"))
    check = property(lambda self: self.pages.page("check"))

    # -- loading ---------------------------------------------------------------------------------
    def show_engagement(self, engagement_id: str) -> None:
        if engagement_id != self.engagement_id:
            self.stack.clear()
        self.engagement_id = engagement_id
        self.reload(select=self.current())

    def _refresh(self) -> None:
        """The plan as stored, after pending saves, and its gaps."""
        self.ctx.autosaver.flush()
        self.plan = self.plans.load(self.engagement_id)
        self.gaps = red_thread(self.plan, self.ctx.store.plan_analysis.problem_infos(
            self.engagement_id))

    def reload(self, select: tuple[str, str] | None = None) -> None:
        self._refresh()
        self.tree.blockSignals(True)
        self.tree.clear()

        def add(parent, text: str, kind: str, record_id: str = "") -> QTreeWidgetItem:
            item = QTreeWidgetItem([text])
            item.setData(0, KIND, kind)
            item.setData(0, ID, record_id)
            item.setToolTip(0, text)
            (parent.addChild if parent else self.tree.addTopLevelItem)(item)
            return item

        add(None, "1 Bakgrund och delaktighet", TEXTS)
        for n, area in enumerate(self.plan.areas, start=2):
            a = add(None, f"{n} {area.title}", AREA, area.id)
            for m, i in enumerate(area.interventions, start=1):
                add(a, f"{n}.{m} {i.title}", INTERVENTION, i.id)
        add(None, "Styrkor, risker och spridning", STRENGTHS)
        add(None, "Tidplan och kostnader", TOTALS)
        add(None, "Versioner", VERSIONS)
        self.check_item = add(None, "", CHECK)
        self._label_check()
        self.tree.expandAll()
        self.tree.blockSignals(False)
        target = self._find(*select) if select else None
        self.tree.setCurrentItem(target or self.tree.topLevelItem(0))
        self._show(self.tree.currentItem())

    def _label_check(self) -> None:
        """A symbol and words for the state, the theme's colour as well (never alone);
        an empty plan has nothing to praise yet."""
        n, c = len(self.gaps), colours()
        if not self.plan.areas:
            text, colour = "Röd tråd – planen är tom", c.muted
        elif n:
            text, colour = f"⚠ Röd tråd – {n} brist{'er' if n != 1 else ''}", c.error
        else:
            text, colour = "✓ Röd tråd – inga brister", c.ok
        self.check_item.setText(0, text)
        self.check_item.setForeground(0, QColor(colour))

    def _find(self, kind: str, record_id: str) -> QTreeWidgetItem | None:
        for item in self._items():
            if item.data(0, KIND) == kind and (item.data(0, ID) or "") == (record_id or ""):
                return item
        return None

    def _items(self):
        for top in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(top)
            yield item
            for child in range(item.childCount()):
                yield item.child(child)

    def current(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        return (item.data(0, KIND), item.data(0, ID) or "") if item else None

    def _rename(self, kind: str, record_id: str, title: str) -> None:
        item = self._find(kind, record_id)
        if item is not None:
            number = item.text(0).split(" ", 1)[0]
            item.setText(0, f"{number} {title}")

    # -- showing a part ----------------------------------------------------------------------------
    def _show(self, item: QTreeWidgetItem | None) -> None:
        if item is None or self.engagement_id is None:
            return
        self._refresh()
        self._label_check()
        kind, record_id = item.data(0, KIND), item.data(0, ID)
        self.buttons["intervention"].setEnabled(bool(self.plan.areas))
        self.buttons["delete"].setEnabled(kind in (AREA, INTERVENTION))
        self.buttons["up"].setEnabled(kind in (AREA, INTERVENTION))
        self.buttons["down"].setEnabled(kind in (AREA, INTERVENTION))
        if kind == AREA:
            area = self.plan.area(record_id)
            self.area_page.show_area(area, self.plan.areas.index(area) + 2)
            self.pages.setCurrentWidget(self.area_page)
        elif kind == INTERVENTION:
            i = self.plan.intervention(record_id)
            area = self.plan.area(i.area_id)
            number = f"{self.plan.areas.index(area) + 2}.{area.interventions.index(i) + 1}"
            self.intervention_page.show_intervention(i, number, area.title, self.engagement_id)
            self.pages.setCurrentWidget(self.intervention_page)
        elif kind == STRENGTHS:
            self.strengths.show_plan(self.plan)
            self.pages.setCurrentWidget(self.strengths)
        elif kind == TOTALS:
            self.totals.show_plan(self.plan)
            self.pages.setCurrentWidget(self.totals)
        elif kind == VERSIONS:
            self.versions.show_versions(self.ctx.store.plan_versions.list(self.engagement_id))
            self.pages.setCurrentWidget(self.versions)
        elif kind == CHECK:
            self.check.show_gaps(self.gaps, empty=not self.plan.areas)
            self.pages.setCurrentWidget(self.check)
        else:
            self.texts.show_plan(self.plan)
            self.pages.setCurrentWidget(self.texts)

    def _compare(self, version) -> None:
        current = build_plan_document(self.ctx.store, self.engagement_id, plan=self.plan)
        self.versions.show_changes(version, diff_documents(version.document, current))

    def go_to(self, target: Target) -> None:
        """From a röd tråd gap to the field where it is fixed."""
        if target.kind == "problem":
            self.open_problem.emit(target.id)
            return
        item = self._find(target.kind, target.id)
        if item is None:
            return
        self.tree.setCurrentItem(item)
        page = self.area_page if target.kind == AREA else self.intervention_page
        if target.field == "costs":
            self.intervention_page.costs.view.setFocus()
            self.intervention_page.ensureWidgetVisible(self.intervention_page.costs)
        elif target.field:
            page.focus_field(target.field)

    # -- structure ------------------------------------------------------------------------------------
    def _selected_area(self) -> DevelopmentArea | None:
        current = self.current()
        if current is None:
            return None
        kind, record_id = current
        if kind == AREA:
            return self.plan.area(record_id)
        if kind == INTERVENTION:
            return self.plan.area(self.plan.intervention(record_id).area_id)
        return self.plan.areas[-1] if self.plan.areas else None

    def add_area(self) -> None:
        self._refresh()
        area = DevelopmentArea(engagement_id=self.engagement_id, title="Nytt utvecklingsområde",
                               position=self.plans.next_position("plan_areas", "engagement_id",
                                                                 self.engagement_id))
        self.stack.push(AddArea(self, area))
        self.area_page.focus_field("title")
        self.area_page.form.widgets["title"].selectAll()

    def add_intervention(self) -> None:
        self._refresh()
        area = self._selected_area()
        if area is None:
            show_info(self, "Ny insats", "Lägg först till ett utvecklingsområde; insatserna "
                                         "hör till ett område.")
            return
        i = Intervention(area_id=area.id, title="Ny insats",
                         position=self.plans.next_position("plan_interventions", "area_id", area.id))
        self.stack.push(AddInterventions(self, [i], f"ny insats i ”{area.title}”"))
        self.intervention_page.focus_field("title")
        self.intervention_page.form.widgets["title"].selectAll()

    def bring_in_candidates(self) -> None:
        from .candidates_dialog import CandidatesDialog
        self._refresh()
        in_plan = {i.candidate_id for a in self.plan.areas for i in a.interventions}
        candidates = [c for c in self.ctx.store.plan_analysis.candidates(self.engagement_id)
                      if c.id not in in_plan]
        if not candidates:
            show_info(self, "Från analysen", "Det finns inga tänkbara insatser i "
                                             "nulägesanalysen som inte redan är med i planen.")
            return
        if not self.plan.areas:
            show_info(self, "Från analysen", "Lägg först till ett utvecklingsområde att "
                                             "placera insatserna i.")
            return
        selected = self._selected_area()
        dialog = CandidatesDialog(candidates, [(a.id, a.title) for a in self.plan.areas], self)
        dialog.area.setCurrentIndex(max(0, dialog.area.findData(selected.id)))
        if not dialog.exec() or not dialog.chosen():
            return
        area_id = dialog.area_id()
        start = self.plans.next_position("plan_interventions", "area_id", area_id)
        interventions = [intervention_from_candidate(c, area_id, start + n)
                         for n, c in enumerate(dialog.chosen())]
        self.stack.push(AddInterventions(self, interventions, "hämta insatser från analysen"))

    def move_selected(self, step: int) -> None:
        current = self.current()
        if current is None or current[0] not in (AREA, INTERVENTION):
            return
        self._refresh()
        kind, record_id = current
        if kind == AREA:
            siblings = [a.id for a in self.plan.areas]
        else:
            siblings = [i.id for i in self.plan.area(
                self.plan.intervention(record_id).area_id).interventions]
        at = siblings.index(record_id)
        if not 0 <= at + step < len(siblings):
            return
        after = list(siblings)
        after[at], after[at + step] = after[at + step], after[at]
        self.stack.push(Reorder(self, kind, record_id, siblings, after))
        self.tree.setFocus()

    def delete(self) -> None:
        current = self.current()
        if current is None or current[0] not in (AREA, INTERVENTION):
            return
        self._refresh()
        kind, record_id = current
        if kind == AREA:
            area = self.plan.area(record_id)
            if confirm_delete(self, "Ta bort utvecklingsområde",
                              f"Ta bort utvecklingsområdet ”{area.title}”?",
                              self.plans.area_deletion_impact(record_id), undoable=True):
                self.stack.push(DeleteArea(self, area))
        else:
            i = self.plan.intervention(record_id)
            if confirm_delete(self, "Ta bort insats", f"Ta bort insatsen ”{i.title}”?",
                              self.plans.intervention_deletion_impact(record_id), undoable=True):
                self.stack.push(DeleteIntervention(self, i))

    # -- export ------------------------------------------------------------------------------------------
    def export_pdf(self) -> None:
        dialog = self.make_export_dialog()
        if dialog is not None:
            dialog.exec()

    def make_export_dialog(self):
        """The export dialog for the plan as it stands, after the röd tråd advice."""
        self._refresh()
        if self.gaps:
            choice = ask_export_despite_gaps(self, self.gaps)
            if choice == SHOW_GAPS:
                self.tree.setCurrentItem(self.check_item)
            if choice != EXPORT:
                return None
        return plan_export_dialog(self, self.ctx.store, self.engagement_id, self._exported)

    def _exported(self, version) -> None:
        self.window().statusBar().showMessage(
            f"Version {version.number} av åtgärdsplanen sparad: {version.file_name}", 10_000)
        if self.current() == (VERSIONS, ""):
            self._show(self.tree.currentItem())

    def show_version_pdf(self, version) -> None:
        version_pdf_dialog(self, version).exec()
