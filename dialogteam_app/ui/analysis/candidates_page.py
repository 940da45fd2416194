"""Identifiering av insatser: candidate interventions, each linked to the causes it
addresses and to the research-based factors it builds on."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.analysis import Candidate, Factor, validate_candidate
from ...domain.analysis_snapshot import AnalysisSnapshot
from ...domain.priorities import moved
from ...domain.text import shorten
from ..common.context import AppContext
from ..common.dialogs import confirm_delete
from ..common.record_form import TEXT, FieldSpec, RecordForm
from ..common.widgets import ScrollPage, add_shortcut, fill_with_panes, hint, section_title
from .analysis_editors import OriginLabel
from .wrapping_tree import WrappingTree

FIELDS = [FieldSpec("title", "Insats", placeholder="Till exempel: Kollegialt lärande i matematik"),
          FieldSpec("description", "Beskrivning", TEXT,
                    placeholder="Vad insatsen är och varför den möter orsakerna")]
ID_ROLE = Qt.ItemDataRole.UserRole


class CandidatesPage(QWidget):
    open_note = Signal(str, str)

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.engagement_id: str | None = None
        self.snap = AnalysisSnapshot()
        self._filling = False

        self.list = QListWidget(self)
        self.list.setObjectName("candidateList")
        self.list.setAccessibleName("Tänkbara insatser")
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(lambda _row: self._show_selected())
        add = QPushButton("Ny &insats", self)
        add.clicked.connect(self.new_candidate)
        self.remove = QPushButton("Ta bort", self)
        self.remove.clicked.connect(self.delete_selected)
        self.up, self.down = QPushButton("↑", self), QPushButton("↓", self)
        for button, step in ((self.up, -1), (self.down, 1)):
            button.setFixedWidth(34)
            button.clicked.connect(lambda _c=False, s=step: self.move_selected(s))
        add_shortcut(QKeySequence("Alt+Up"), self.list, lambda: self.move_selected(-1),
                  what="Tänkbara insatser: flytta upp",
                  context=Qt.ShortcutContext.WidgetShortcut)
        add_shortcut(QKeySequence("Alt+Down"), self.list, lambda: self.move_selected(1),
                  what="Tänkbara insatser: flytta ned",
                  context=Qt.ShortcutContext.WidgetShortcut)
        add_shortcut(QKeySequence.StandardKey.Delete, self.list, self.delete_selected,
                  what="Tänkbara insatser: ta bort den valda",
                  context=Qt.ShortcutContext.WidgetShortcut)
        buttons = QHBoxLayout()
        for b in (add, self.remove):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        left = QWidget(self)
        box = QVBoxLayout(left)
        box.setContentsMargins(18, 12, 6, 12)
        box.addLayout(buttons)
        box.addWidget(self.list, 1)

        self.form = RecordForm(FIELDS, validate_candidate,
                               lambda c: ctx.store.candidates.save(c, wait=False),
                               ctx.autosaver, "candidate", self)
        self.form.record_saved.connect(self._saved)
        self.origin = OriginLabel(self)
        self.origin.open_note.connect(self.open_note)
        self.causes = WrappingTree(self)
        self.causes.setObjectName("candidateCauses")
        self.causes.setAccessibleName("Orsaker som insatsen möter")
        self.causes.fit_to_contents = True
        self.causes.itemChanged.connect(self._causes_changed)
        self.factors: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for i, f in enumerate(Factor):
            box_ = QCheckBox(f.label, self)
            box_.toggled.connect(self._factors_changed)
            self.factors[f.value] = box_
            grid.addWidget(box_, i // 3, i % 3)

        details = ScrollPage(self)
        d = details.body
        d.addWidget(section_title("Tänkbar insats", self))
        d.addWidget(self.form)
        d.addWidget(self.origin)
        d.addWidget(section_title("Orsaker som insatsen möter", self))
        d.addWidget(hint("Bocka i de orsaker i analysen som insatsen ska åtgärda.", self))
        d.addWidget(self.causes)
        d.addWidget(section_title("Forskningsstödda framgångsfaktorer", self))
        d.addLayout(grid)
        self.empty = ScrollPage(self)
        self.empty.body.addWidget(hint(
            "Inga tänkbara insatser ännu. Lägg till en med Ny insats (Alt+I), eller lyft en "
            "anteckning taggad idé till insats från ett möte (Ctrl+Shift+L). Koppla sedan "
            "insatsen till de orsaker den möter och till framgångsfaktorerna.", self))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(details)

        fill_with_panes(self, left, self.stack, (2, 3))

    # -- loading -----------------------------------------------------------------------------------
    def show_engagement(self, engagement_id: str) -> None:
        self.engagement_id = engagement_id
        self.reload()

    def reload(self, select: str | None = None) -> None:
        self.ctx.autosaver.flush()
        current = select or self.current_id()
        self.snap = self.ctx.store.analysis.snapshot(self.engagement_id)
        self.list.blockSignals(True)
        self.list.clear()
        for c in self.snap.candidates:
            item = QListWidgetItem(c.title)
            item.setData(ID_ROLE, c.id)
            self.list.addItem(item)
        ids = [c.id for c in self.snap.candidates]
        self.list.setCurrentRow(ids.index(current) if current in ids else (0 if ids else -1))
        self.list.blockSignals(False)
        self._show_selected()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item else None

    def select(self, candidate_id: str) -> None:
        ids = [c.id for c in self.snap.candidates]
        if candidate_id in ids:
            self.list.setCurrentRow(ids.index(candidate_id))

    def _show_selected(self) -> None:
        candidate = next((c for c in self.snap.candidates if c.id == self.current_id()), None)
        for w in (self.remove, self.up, self.down):
            w.setEnabled(candidate is not None)
        if candidate is None:
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        self._filling = True
        try:
            self.form.set_record(candidate)
            self.origin.show_note(self.ctx.store, candidate.note_id)
            self._fill_causes(candidate)
            for value, box in self.factors.items():
                box.setChecked(value in candidate.factors)
        finally:
            self._filling = False

    def _fill_causes(self, candidate: Candidate) -> None:
        self.causes.clear()
        for p in self.snap.problems:
            top = QTreeWidgetItem([f"{self.snap.rank(p.id)}. {shorten(p.title, 110)}"])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.causes.addTopLevelItem(top)
            for c in self.snap.causes_of(p.id):
                item = QTreeWidgetItem([c.text])
                item.setData(0, ID_ROLE, c.id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    0,
                    Qt.CheckState.Checked
                    if c.id in candidate.cause_ids
                    else Qt.CheckState.Unchecked,
                )
                top.addChild(item)
        if not self.snap.causes:
            empty = QTreeWidgetItem(["Inga orsaker i analysen ännu (se fliken Analys)."])
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.causes.addTopLevelItem(empty)
        self.causes.expandAll()
        self.causes.fit_height()

    # -- editing -----------------------------------------------------------------------------------
    def _checked_causes(self) -> list[str]:
        found = []
        for i in range(self.causes.topLevelItemCount()):
            top = self.causes.topLevelItem(i)
            found += [top.child(j).data(0, ID_ROLE) for j in range(top.childCount())
                      if top.child(j).checkState(0) == Qt.CheckState.Checked]
        return found

    def _causes_changed(self, *_args) -> None:
        if not self._filling and self.form.record() is not None:
            self.form.apply(cause_ids=self._checked_causes())

    def _factors_changed(self, *_args) -> None:
        if not self._filling and self.form.record() is not None:
            self.form.apply(factors=[v for v, box in self.factors.items() if box.isChecked()])

    def _saved(self, c: Candidate) -> None:
        for i, old in enumerate(self.snap.candidates):
            if old.id == c.id:
                self.snap.candidates[i] = c
        item = self.list.currentItem()
        if item is not None and item.data(ID_ROLE) == c.id:
            item.setText(c.title)

    def new_candidate(self) -> None:
        repo = self.ctx.store.candidates
        c = Candidate(engagement_id=self.engagement_id, title="Ny insats",
                      position=repo.next_position(self.engagement_id))
        repo.save(c)
        self.reload(select=c.id)
        title = self.form.widgets["title"]
        title.setFocus()
        title.selectAll()

    def move_selected(self, step: int) -> None:
        current = self.current_id()
        if current is None:
            return
        order = moved([c.id for c in self.snap.candidates], current, step)
        if order is not None:
            self.ctx.autosaver.flush()
            self.ctx.store.candidates.reorder(order)
            self.reload(select=current)
        self.list.setFocus()

    def delete_selected(self) -> None:
        current = self.current_id()
        if current is None:
            return
        self.ctx.autosaver.flush()
        title = next(c.title for c in self.snap.candidates if c.id == current)
        if not confirm_delete(self, "Ta bort", f"Ta bort den tänkbara insatsen ”{title}”?"):
            return
        self.ctx.store.candidates.delete(current)
        self.ctx.autosaver.forget(("candidate", current))
        self.reload()
