"""Spårbarhet: the chain problem → causes → evidence → interventions at a glance,
with what is missing marked. Enter or a double-click on a gap goes to where it
is fixed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QLabel, QTreeWidgetItem, QVBoxLayout, QWidget

from ...domain.analysis import Factor
from ...domain.analysis_snapshot import AnalysisSnapshot, evidence_kind, evidence_label
from ...domain.coded import UNKNOWN_VALUE
from ...domain.traceability import Gap, GapKind, Traceability, build_traceability
from ..common.context import AppContext
from ..common.theme import colours
from .analysis_tree import SHORT_LEVEL
from .wrapping_tree import WrappingTree

GAP_ROLE = Qt.ItemDataRole.UserRole


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


class TraceabilityPage(QWidget):
    go_to = Signal(object)   # the Gap to fix

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.engagement_id: str | None = None
        self.chain = Traceability()
        self.summary = QLabel(self)
        self.summary.setObjectName("traceSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.tree = WrappingTree(self)
        self.tree.setObjectName("traceTree")
        self.tree.setAccessibleName("Spårbarhet från anteckning till insats")
        self.tree.setIndentation(22)
        self.tree.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    def show_engagement(self, engagement_id: str) -> None:
        self.engagement_id = engagement_id
        self.ctx.autosaver.flush()
        snap = self.ctx.store.analysis.snapshot(engagement_id)
        self.chain = build_traceability(snap)
        self._fill(snap)

    # -- drawing ---------------------------------------------------------------------------------
    def _fill(self, snap: AnalysisSnapshot) -> None:
        self.tree.clear()
        gaps = self.chain.gaps
        counts = ", ".join([_plural(len(snap.problems), "problem", "problem"),
                            _plural(len(snap.causes), "orsak", "orsaker"),
                            _plural(len(snap.evidence), "belägg", "belägg"),
                            _plural(len(snap.candidates), "tänkbar insats", "tänkbara insatser")])
        if not snap.problems and not snap.candidates:
            self.summary.setText("Analysen är tom. Formulera problem, orsaker och belägg under "
                                 "fliken Analys och tänkbara insatser under Insatser; här syns "
                                 "sedan hur de hänger ihop och vad som saknas.")
            return
        c = colours()
        state = (f"<span style='color:{c.error}'>⚠ {_plural(len(gaps), 'brist', 'brister')} att "
                 "åtgärda</span> – dubbelklicka på en brist för att gå dit"
                 if gaps else f"<span style='color:{c.ok}'>✓ Kedjan är hel</span>")
        self.summary.setText(f"<b>{counts}</b><br>{state}")
        for chain in self.chain.problems:
            p = chain.problem
            top = self._item(None, f"{chain.rank}. {p.title}", bold=True)
            top.setToolTip(0, f"{SHORT_LEVEL.get(p.level, UNKNOWN_VALUE)} · prioritet {chain.rank}")
            self._item(top, f"Nivå: {p.level.label}", colour=QColor(colours().muted))
            if p.results_link.strip():
                self._item(top, f"Resultat: {p.results_link}", colour=QColor(colours().muted))
            for gap in chain.gaps:
                self._gap(top, gap)
            for cause in chain.causes:
                c = self._item(top, f"Orsak: {cause.cause.text}", bold=True)
                for e in cause.evidence:
                    self._item(c, f"Belägg – {evidence_kind(e).lower()}, "
                                  f"{e.strength.label.lower()}: {evidence_label(e, snap)}")
                for k in cause.candidates:
                    self._item(c, f"→ Insats: {k.title}", colour=QColor(colours().accent))
                for gap in cause.gaps:
                    self._gap(c, gap)
        if self.chain.candidates:
            top = self._item(None, "Tänkbara insatser", bold=True)
            for candidate, gaps in self.chain.candidates:
                factors = ", ".join(Factor(f).label for f in candidate.factors) or "–"
                k = self._item(top, f"{candidate.title}  (framgångsfaktorer: {factors})",
                               colour=QColor(colours().accent))
                for gap in gaps:
                    self._gap(k, gap)
        self.tree.expandAll()

    def _item(self, parent, text: str, *, bold: bool = False,
              colour: QColor | None = None) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        if bold:
            font = QFont(item.font(0))
            font.setBold(True)
            item.setFont(0, font)
        if colour is not None:
            item.setForeground(0, QBrush(colour))
        if parent is None:
            self.tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def _gap(self, parent, gap: Gap) -> None:
        item = self._item(parent, f"⚠ {gap.kind.label}", colour=QColor(colours().error))
        item.setToolTip(0, gap.text + "\nDubbelklicka eller tryck Enter för att åtgärda.")
        item.setData(0, GAP_ROLE, gap)

    def gap_items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        stack = [item for i in range(self.tree.topLevelItemCount())
                 if (item := self.tree.topLevelItem(i))]
        while stack:
            item = stack.pop(0)
            if item.data(0, GAP_ROLE) is not None:
                found.append(item)
            stack += [child for i in range(item.childCount()) if (child := item.child(i))]
        return found

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        gap = item.data(0, GAP_ROLE)
        if gap is not None:
            self.go_to.emit(gap)


def field_to_fix(gap: Gap) -> str:
    """The editor field where the user fixes this gap."""
    return "results_link" if gap.kind is GapKind.NO_RESULTS_LINK else ""
