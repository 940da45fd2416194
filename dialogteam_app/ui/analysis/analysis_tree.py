"""The analysis as an outline: the three levels, their problems in priority order,
each problem's causes and each cause's evidence. Or, to set priorities, the
problems alone in priority order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QTreeWidgetItem

from ...domain.analysis import Cause, Evidence, Problem, ProblemLevel
from ...domain.analysis_snapshot import AnalysisSnapshot, evidence_kind, evidence_label
from ...domain.coded import UNKNOWN_VALUE
from ...domain.traceability import cause_gaps, problem_gaps
from ..common.theme import colours
from .wrapping_tree import WrappingTree

LEVEL, PROBLEM, CAUSE, EVIDENCE = "level", "problem", "cause", "evidence"
KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SHORT_LEVEL = {ProblemLevel.RESULTS: "Resultat", ProblemLevel.TEACHING: "Undervisning",
               ProblemLevel.ORGANISATION: "Organisation"}
GAP_MARK = "  ⚠"


def problem_text(p: Problem, rank: int, by_level: bool) -> str:
    level = "" if by_level else f"[{SHORT_LEVEL.get(p.level, UNKNOWN_VALUE)}] "
    return f"{rank}. {level}{p.title}"


def cause_text(c: Cause) -> str:
    return f"Orsak: {c.text}"


def evidence_text(e: Evidence, snap: AnalysisSnapshot) -> str:
    return f"{evidence_kind(e)} ({e.strength.label.lower()}): {evidence_label(e, snap)}"


class AnalysisTree(WrappingTree):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("analysisTree")
        self.setAccessibleName("Nulägesanalysens problem, orsaker och belägg")
        self.setProperty("pageSelector", True)  # tests walk every row's editor
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setIndentation(18)
        self._items: dict[tuple[str, str], QTreeWidgetItem] = {}
        self.by_level = True

    def fill(self, snap: AnalysisSnapshot, by_level: bool) -> None:
        """Rebuild; what was selected and what was folded stay so. In priority order
        only the problems show (unfold one to see its causes)."""
        current = self.current_ref()
        while not by_level and current and current[0] != PROBLEM:  # only problems show
            current = self.parent_ref(*current)
        folded = {key for key, item in self._items.items()
                  if not item.isExpanded()} if self.by_level else set()
        self.by_level = by_level
        self.clear()
        self._items = {}
        if by_level:
            for level in ProblemLevel:
                header = self._add(None, LEVEL, level.value, level.label)
                font = QFont(header.font(0))
                font.setBold(True)
                header.setFont(0, font)
                problems = [p for p in snap.problems if p.level is level]
                for p in problems:
                    self._add_problem(header, p, snap)
                if not problems:
                    empty = QTreeWidgetItem(header, ["Inga problem på den här nivån ännu."])
                    empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    empty.setForeground(0, QBrush(QColor(colours().muted)))
        else:
            for p in snap.problems:
                self._add_problem(None, p, snap)
        if by_level:
            self.expandAll()
            for key in folded & self._items.keys():
                self._items[key].setExpanded(False)
        if current:
            self.select(*current)

    def _add(self, parent, kind: str, record_id: str, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setData(0, KIND_ROLE, kind)
        item.setData(0, ID_ROLE, record_id)
        if parent is None:
            self.addTopLevelItem(item)
        else:
            parent.addChild(item)
        self._items[(kind, record_id)] = item
        return item

    def _add_problem(self, parent, p: Problem, snap: AnalysisSnapshot) -> None:
        causes = snap.causes_of(p.id)
        item = self._add(parent, PROBLEM, p.id, problem_text(p, snap.rank(p.id), self.by_level))
        self._mark(item, problem_gaps(p, causes))
        for c in causes:
            evidence = snap.evidence_of(c.id)
            child = self._add(item, CAUSE, c.id, cause_text(c))
            self._mark(child, cause_gaps(c, evidence, snap.candidates_for(c.id)))
            for e in evidence:
                self._add(child, EVIDENCE, e.id, evidence_text(e, snap))

    @staticmethod
    def _mark(item: QTreeWidgetItem, gaps) -> None:
        if gaps:
            item.setText(0, item.text(0) + GAP_MARK)
            item.setToolTip(0, "\n".join(g.text for g in gaps))

    # -- finding and changing items ---------------------------------------------------------------
    def current_ref(self) -> tuple[str, str] | None:
        item = self.currentItem()
        if item is None or item.data(0, KIND_ROLE) is None:
            return None
        return item.data(0, KIND_ROLE), item.data(0, ID_ROLE)

    def item(self, kind: str, record_id: str) -> QTreeWidgetItem | None:
        return self._items.get((kind, record_id))

    def select(self, kind: str, record_id: str) -> bool:
        item = self.item(kind, record_id)
        if item is None:
            return False
        self.setCurrentItem(item)
        self.scrollToItem(item)
        return True

    def parent_ref(self, kind: str, record_id: str) -> tuple[str, str] | None:
        item = self.item(kind, record_id)
        parent = item.parent() if item is not None else None
        if parent is None or parent.data(0, KIND_ROLE) is None:
            return None
        return parent.data(0, KIND_ROLE), parent.data(0, ID_ROLE)

    def relabel(self, kind: str, record_id: str, text: str) -> None:
        """While typing in the editor; gap marks come back on the next fill."""
        item = self.item(kind, record_id)
        if item is not None:
            mark = GAP_MARK if item.text(0).endswith(GAP_MARK) else ""
            item.setText(0, text + mark)
