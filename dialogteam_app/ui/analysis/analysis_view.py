"""The Nulägesanalys tab of an engagement: its three steps, the traceability of
the chain and the delaktighet, as sub-tabs that reload whenever they are shown
(what one tab changes, the next one shows). Each sub-tab, and its module, is built
when it is first shown."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...domain.traceability import Gap
from ..common.context import AppContext
from ..common.lazy_pages import LazyTabWidget
from .analysis_tree import PROBLEM


class AnalysisView(QWidget):
    open_note = Signal(str, str)   # meeting id, note id

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.engagement_id: str | None = None
        self.tabs = LazyTabWidget(self)
        self.tabs.setDocumentMode(True)
        for key, title in (("current_state", "Nulägesbeskrivning"), ("problems", "Analys"),
                           ("candidates", "Insatser"), ("traceability", "Spårbarhet"),
                           ("participation", "Delaktighet")):
            self.tabs.add_page(key, title, getattr(self, f"_make_{key}"))
        self.tabs.currentChanged.connect(lambda _i: self._show_current())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _make_current_state(self) -> QWidget:
        from .current_state_page import CurrentStatePage
        return CurrentStatePage(self.ctx, self)

    def _make_problems(self) -> QWidget:
        from .problems_page import ProblemsPage
        page = ProblemsPage(self.ctx, self)
        page.open_note.connect(self.open_note)
        return page

    def _make_candidates(self) -> QWidget:
        from .candidates_page import CandidatesPage
        page = CandidatesPage(self.ctx, self)
        page.open_note.connect(self.open_note)
        return page

    def _make_traceability(self) -> QWidget:
        from .traceability_page import TraceabilityPage
        page = TraceabilityPage(self.ctx, self)
        page.go_to.connect(self.go_to)
        return page

    def _make_participation(self) -> QWidget:
        from .participation_page import ParticipationPage
        return ParticipationPage(self.ctx, self)

    current_state = property(lambda self: self.tabs.page("current_state"))
    problems = property(lambda self: self.tabs.page("problems"))
    candidates = property(lambda self: self.tabs.page("candidates"))
    traceability = property(lambda self: self.tabs.page("traceability"))
    participation = property(lambda self: self.tabs.page("participation"))

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
            from .traceability_page import field_to_fix
            self.problems.select(gap.where, gap.record_id, field_to_fix(gap))
