"""The Nulägesanalys tab of an engagement: its three steps, the traceability of
the chain and the delaktighet, as sub-tabs that reload whenever they are shown
(what one tab changes, the next one shows)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...domain.traceability import Gap
from ..common.context import AppContext
from .analysis_tree import PROBLEM
from .candidates_page import CandidatesPage
from .current_state_page import CurrentStatePage
from .participation_page import ParticipationPage
from .problems_page import ProblemsPage
from .traceability_page import TraceabilityPage, field_to_fix


class AnalysisView(QWidget):
    open_note = Signal(str, str)   # meeting id, note id

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.engagement_id: str | None = None
        self.current_state = CurrentStatePage(ctx, self)
        self.problems = ProblemsPage(ctx, self)
        self.candidates = CandidatesPage(ctx, self)
        self.traceability = TraceabilityPage(ctx, self)
        self.participation = ParticipationPage(ctx, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for page, title in ((self.current_state, "Nulägesbeskrivning"), (self.problems, "Analys"),
                            (self.candidates, "Insatser"), (self.traceability, "Spårbarhet"),
                            (self.participation, "Delaktighet")):
            self.tabs.addTab(page, title)
        self.tabs.currentChanged.connect(lambda _i: self._show_current())
        self.problems.open_note.connect(self.open_note)
        self.candidates.open_note.connect(self.open_note)
        self.traceability.go_to.connect(self.go_to)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def show_engagement(self, engagement_id: str) -> None:
        self.engagement_id = engagement_id
        self._show_current()

    def _show_current(self) -> None:
        if self.engagement_id is not None:
            self.ctx.autosaver.flush()
            self.tabs.currentWidget().show_engagement(self.engagement_id)

    def show_problem(self, problem_id: str) -> None:
        self.tabs.setCurrentWidget(self.problems)
        self.problems.select(PROBLEM, problem_id)

    def go_to(self, gap: Gap) -> None:
        """Open the place where a gap in the chain is fixed."""
        if gap.where == "candidate":
            self.tabs.setCurrentWidget(self.candidates)
            self.candidates.select(gap.record_id)
        else:
            self.tabs.setCurrentWidget(self.problems)
            self.problems.select(gap.where, gap.record_id, field_to_fix(gap))
