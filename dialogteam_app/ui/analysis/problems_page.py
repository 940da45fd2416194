"""Analys: problems on the three levels in priority order, causes per problem and
evidence per cause, as an outline on the left with the selected item's editor
on the right. Alt+↑/↓ moves, Delete removes, Alt+P/O/B add."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.analysis import Cause, Evidence, Problem, ProblemLevel
from ...domain.analysis_snapshot import AnalysisSnapshot, evidence_label
from ...domain.priorities import moved, problems_after_move
from ...domain.text import shorten
from ..common.context import AppContext
from ..common.dialogs import confirm_delete, show_info
from ..common.widgets import ScrollPage, add_shortcut, fill_with_panes, hint
from .analysis_editors import CauseEditor, EvidenceEditor, ProblemEditor
from .analysis_tree import (
    CAUSE,
    EVIDENCE,
    LEVEL,
    PROBLEM,
    AnalysisTree,
    cause_text,
    evidence_text,
    problem_text,
)
from .evidence_picker import EvidencePicker, with_target


class ProblemsPage(QWidget):
    open_note = Signal(str, str)

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.engagement_id: str | None = None
        self.snap = AnalysisSnapshot()

        self.tree = AnalysisTree(self)
        self.tree.currentItemChanged.connect(lambda *_: self._show_selected())
        self.by_priority = QCheckBox("Visa i prioritetsordning", self)
        self.by_priority.setToolTip("Alla problem i en lista, det viktigaste först: flytta "
                                    "dem för att prioritera mellan nivåerna")
        self.by_priority.toggled.connect(lambda _on: self.reload())
        self.add_problem = self._button("Nytt &problem", self.new_problem)
        self.add_cause = self._button("Ny &orsak", self.new_cause)
        self.add_evidence = self._button("Nytt &belägg…", self.new_evidence)
        self.remove = self._button("Ta bort", self.delete_selected, "Delete")
        self.up = self._button("↑", lambda: self.move_selected(-1), "Alt+↑: flytta upp")
        self.down = self._button("↓", lambda: self.move_selected(1), "Alt+↓: flytta ned")
        for button in (self.up, self.down):
            button.setFixedWidth(34)
        # On the outline only: in a drop-down, Alt+Down opens it.
        add_shortcut(QKeySequence("Alt+Up"), self.tree, lambda: self.move_selected(-1),
                  what="Analysen: flytta upp", context=Qt.ShortcutContext.WidgetShortcut)
        add_shortcut(QKeySequence("Alt+Down"), self.tree, lambda: self.move_selected(1),
                  what="Analysen: flytta ned", context=Qt.ShortcutContext.WidgetShortcut)
        add_shortcut(QKeySequence.StandardKey.Delete, self.tree, self.delete_selected,
                  what="Analysen: ta bort det valda",
                  context=Qt.ShortcutContext.WidgetShortcut)

        buttons = QHBoxLayout()
        for b in (self.add_problem, self.add_cause, self.add_evidence, self.remove):
            buttons.addWidget(b)
        buttons.addStretch(1)
        order = QHBoxLayout()
        order.addWidget(self.by_priority)
        order.addStretch(1)
        order.addWidget(self.up)
        order.addWidget(self.down)
        left = QWidget(self)
        box = QVBoxLayout(left)
        box.setContentsMargins(18, 12, 6, 12)
        box.addLayout(buttons)
        box.addWidget(self.tree, 1)
        box.addLayout(order)

        self.empty = ScrollPage(self)
        self.empty_text = hint("", self)
        self.empty.body.addWidget(self.empty_text)
        self.problem_editor = ProblemEditor(ctx, self)
        self.cause_editor = CauseEditor(ctx, self)
        self.evidence_editor = EvidenceEditor(ctx, self)
        self.editors = QStackedWidget(self)
        self.editors.addWidget(self.empty)
        for editor, kind in ((self.problem_editor, PROBLEM), (self.cause_editor, CAUSE),
                             (self.evidence_editor, EVIDENCE)):
            page = ScrollPage(self)
            page.body.addWidget(editor)
            self.editors.addWidget(page)
            editor.saved.connect(lambda record, k=kind: self._saved(k, record))
            editor.origin.open_note.connect(self.open_note)
        self.evidence_editor.change_link.connect(self.change_evidence_link)

        fill_with_panes(self, left, self.editors, (5, 4))

    def _button(self, text: str, slot, tip: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        button.setToolTip(tip)
        return button

    # -- loading -----------------------------------------------------------------------------------
    def show_engagement(self, engagement_id: str) -> None:
        self.engagement_id = engagement_id
        self.reload()

    def reload(self) -> None:
        """Everything written first, then the outline and the editor from the store."""
        self.ctx.autosaver.flush()
        self.snap = self.ctx.store.analysis.snapshot(self.engagement_id)
        self.tree.fill(self.snap, by_level=not self.by_priority.isChecked())
        if self.tree.current_ref() is None and self.snap.problems:
            self.tree.select(PROBLEM, self.snap.problems[0].id)  # something to read at once
        self._show_selected()

    def select(self, kind: str, record_id: str, field: str = "") -> None:
        """Show a problem or cause (from the traceability view), the field to fix in focus."""
        if self.tree.select(kind, record_id):
            self._show_selected()
            editor = {PROBLEM: self.problem_editor, CAUSE: self.cause_editor}.get(kind)
            if editor is not None and field in editor.form.widgets:
                editor.form.widgets[field].setFocus()

    def _show_selected(self) -> None:
        ref = self.tree.current_ref()
        kind, record_id = ref if ref else (None, None)
        self.add_cause.setEnabled(kind in (PROBLEM, CAUSE, EVIDENCE))
        self.add_evidence.setEnabled(kind in (CAUSE, EVIDENCE))
        self.remove.setEnabled(kind in (PROBLEM, CAUSE, EVIDENCE))
        self.up.setEnabled(kind in (PROBLEM, CAUSE))
        self.down.setEnabled(kind in (PROBLEM, CAUSE))
        snap = self.snap
        if kind == PROBLEM:
            self.problem_editor.set_record(snap.problem(record_id))
            self.editors.setCurrentIndex(1)
        elif kind == CAUSE:
            titles = [c.title for c in snap.candidates_for(record_id)]
            self.cause_editor.set_record(snap.cause(record_id), titles)
            self.editors.setCurrentIndex(2)
        elif kind == EVIDENCE:
            e = next(x for x in snap.evidence if x.id == record_id)
            self.evidence_editor.set_record(e, evidence_label(e, snap, 400))
            self.editors.setCurrentIndex(3)
        else:
            self.empty_text.setText(
                "Formulera problemen på tre nivåer: elevernas resultat och måluppfyllelse, "
                "undervisning och andra processer, organisation och ledning. Varje problem "
                "får antagna orsaker, och varje orsak belägg.\n\nBörja med Nytt problem "
                "(Alt+P), eller lyft en taggad anteckning från ett möte (Ctrl+Shift+L)."
                if not snap.problems else "Välj ett problem, en orsak eller ett belägg.")
            self.editors.setCurrentIndex(0)

    def _saved(self, kind: str, record) -> None:
        if kind == PROBLEM:
            if self.snap.problem(record.id).level is not record.level:
                QTimer.singleShot(0, self.reload)   # to its new level's group, after the edit
            self._replace(self.snap.problems, record)
            text = problem_text(record, self.snap.rank(record.id), self.tree.by_level)
        elif kind == CAUSE:
            self._replace(self.snap.causes, record)
            text = cause_text(record)
        else:
            self._replace(self.snap.evidence, record)
            text = evidence_text(record, self.snap)
        self.tree.relabel(kind, record.id, text)

    @staticmethod
    def _replace(records: list, record) -> None:
        for i, r in enumerate(records):
            if r.id == record.id:
                records[i] = record

    # -- adding ------------------------------------------------------------------------------------
    def _selected_problem_id(self) -> str | None:
        ref = self.tree.current_ref()
        while ref and ref[0] not in (PROBLEM, LEVEL):
            ref = self.tree.parent_ref(*ref)
        return ref[1] if ref and ref[0] == PROBLEM else None

    def new_problem(self) -> None:
        ref = self.tree.current_ref()
        level = ProblemLevel.RESULTS
        if ref and ref[0] == LEVEL:
            level = ProblemLevel(ref[1])
        elif self._selected_problem_id():
            level = self.snap.problem(self._selected_problem_id()).level
        store = self.ctx.store.analysis
        p = Problem(engagement_id=self.engagement_id, level=level, title="Nytt problem",
                    priority=store.next_priority(self.engagement_id))
        store.save_problem(p)
        self._reload_and_edit(PROBLEM, p.id, self.problem_editor, "title")

    def new_cause(self) -> None:
        problem_id = self._selected_problem_id()
        if problem_id is None:
            show_info(self, "Ny orsak", "Välj först det problem som orsaken hör till.")
            return
        store = self.ctx.store.analysis
        c = Cause(problem_id=problem_id, text="Ny orsak",
                  position=store.next_cause_position(problem_id))
        store.save_cause(c)
        self._reload_and_edit(CAUSE, c.id, self.cause_editor, "text")

    def new_evidence(self) -> None:
        ref = self.tree.current_ref()
        cause_id = ref[1] if ref and ref[0] == CAUSE else (
            self.tree.parent_ref(*ref)[1] if ref and ref[0] == EVIDENCE else None)
        if cause_id is None:
            show_info(self, "Nytt belägg", "Välj först den orsak som belägget styrker.")
            return
        self.ctx.autosaver.flush()
        target = self._pick(None)
        if target is None:
            return
        store = self.ctx.store.analysis
        e = Evidence(cause_id=cause_id, position=store.next_evidence_position(cause_id),
                     **with_target(target))
        store.save_evidence(e)
        self._reload_and_edit(EVIDENCE, e.id, self.evidence_editor, "comment")

    def change_evidence_link(self) -> None:
        self.ctx.autosaver.flush()
        e = self.ctx.store.analysis.get_evidence(self.evidence_editor.record().id)
        target = self._pick(e)
        if target is not None:
            self.ctx.store.analysis.save_evidence(dataclasses.replace(e, **with_target(target)))
            self._reload_and_edit(EVIDENCE, e.id, self.evidence_editor, "comment")

    def _pick(self, current: Evidence | None) -> dict | None:
        picker = EvidencePicker(self.ctx.store, self.engagement_id, current, self)
        try:
            return picker.target if picker.exec() else None
        finally:
            picker.deleteLater()

    def _reload_and_edit(self, kind: str, record_id: str, editor, field: str) -> None:
        self.reload()
        self.tree.select(kind, record_id)
        widget = editor.form.widgets[field]
        widget.setFocus()
        if hasattr(widget, "selectAll"):
            widget.selectAll()

    # -- moving and removing -----------------------------------------------------------------------
    def move_selected(self, step: int) -> None:
        ref = self.tree.current_ref()
        if not ref or ref[0] not in (PROBLEM, CAUSE):
            return
        self.ctx.autosaver.flush()
        kind, record_id = ref
        store = self.ctx.store.analysis
        if kind == PROBLEM:
            order = problems_after_move(self.snap.problems, record_id, step,
                                        within_level=not self.by_priority.isChecked())
            if order is not None:
                store.reorder_problems(self.engagement_id, order)
        else:
            siblings = [c.id for c in self.snap.causes_of(self.snap.cause(record_id).problem_id)]
            order = moved(siblings, record_id, step)
            if order is not None:
                store.reorder_causes(order)
        self.reload()
        self.tree.setFocus()

    def delete_selected(self) -> None:
        ref = self.tree.current_ref()
        if not ref or ref[0] not in (PROBLEM, CAUSE, EVIDENCE):
            return
        self.ctx.autosaver.flush()
        kind, record_id = ref
        store = self.ctx.store.analysis
        table = {PROBLEM: "problems", CAUSE: "causes", EVIDENCE: "evidence"}[kind]
        name = {PROBLEM: lambda: f"problemet ”{shorten(self.snap.problem(record_id).title, 80)}”",
                CAUSE: lambda: f"orsaken ”{shorten(self.snap.cause(record_id).text, 80)}”",
                EVIDENCE: lambda: "belägget"}[kind]()
        if not confirm_delete(self, "Ta bort", f"Ta bort {name}?",
                              store.deletion_impact(table, record_id)):
            return
        parent = self.tree.parent_ref(kind, record_id)
        {PROBLEM: store.delete_problem, CAUSE: store.delete_cause,
         EVIDENCE: store.delete_evidence}[kind](record_id)
        self.ctx.autosaver.forget((kind, record_id))
        self.reload()
        if parent:
            self.tree.select(*parent)
        self.tree.setFocus()
