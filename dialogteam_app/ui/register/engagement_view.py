"""An engagement (samverkan) as tabs; each later part of the work adds a tab.

Only the visible tab loads, so opening an engagement costs only that tab; the
analysis, the plan and the agreements (and their modules) are built when their tab is first shown.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..common.context import AppContext
from ..common.lazy_pages import LazyTabWidget
from .engagement_overview import EngagementOverview


class EngagementView(QWidget):
    renamed = Signal(str, str)  # engagement id, display name
    open_note = Signal(str, str)  # meeting id, note id

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.engagement_id: str | None = None
        self.tabs = LazyTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.add_page("overview", "Översikt", self._make_overview)
        self.tabs.add_page("analysis", "Nulägesanalys", self._make_analysis)
        self.tabs.add_page("plan", "Åtgärdsplan", self._make_plan)
        self.tabs.add_page("agreements", "Överenskommelser", self._make_agreements)
        self.tabs.add_page("follow_up", "Genomförande", self._make_follow_up)
        self.tabs.currentChanged.connect(self._load_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _make_overview(self) -> EngagementOverview:
        overview = EngagementOverview(self.ctx, self)
        overview.renamed.connect(self.renamed)
        overview.open_agreement.connect(self.open_agreement)
        return overview

    def _make_analysis(self) -> QWidget:
        from ..analysis.analysis_view import AnalysisView
        analysis = AnalysisView(self.ctx, self)
        analysis.open_note.connect(self.open_note)
        return analysis

    def _make_plan(self) -> QWidget:
        from ..plan.plan_view import PlanView
        plan = PlanView(self.ctx, self)
        plan.open_problem.connect(self.open_problem)
        return plan

    def _make_agreements(self) -> QWidget:
        from ..agreement.agreement_view import AgreementView
        return AgreementView(self.ctx, self)

    def _make_follow_up(self) -> QWidget:
        from ..follow_up.follow_up_view import FollowUpView
        return FollowUpView(self.ctx, self)

    @property
    def follow_up(self):
        return self.tabs.page("follow_up")

    def show_follow_up(self, kind: str, record_id: str = "") -> None:
        """Open the tab Genomförande at an insats, report, key figures or payments."""
        self.tabs.setCurrentWidget(self.follow_up)
        self.follow_up.select(kind, record_id)

    @property
    def overview(self) -> EngagementOverview:
        page = self.tabs.page("overview")
        assert isinstance(page, EngagementOverview)
        return page

    @property
    def analysis(self):
        return self.tabs.page("analysis")

    @property
    def plan(self):
        return self.tabs.page("plan")

    @property
    def agreements(self):
        return self.tabs.page("agreements")

    def show_engagement(self, engagement_id: str) -> bool:
        if self.ctx.store.engagements.get(engagement_id) is None:
            return False
        self.engagement_id = engagement_id
        self._load_current(self.tabs.currentIndex())
        return True

    def _load_current(self, index: int) -> None:
        """Every time a tab is shown: what one tab changed, the next one shows."""
        if self.engagement_id is None or index < 0:
            return
        self.ctx.autosaver.flush()
        self.tabs.currentWidget().show_engagement(self.engagement_id)

    def open_agreement(self, agreement_id: str) -> None:
        """From a date in the overview to its agreement."""
        self.tabs.setCurrentWidget(self.agreements)
        self.agreements.show_engagement(self.engagement_id, select=agreement_id)

    def open_problem(self, problem_id: str) -> None:
        """From the plan's röd tråd to the problem in the analysis."""
        self.tabs.setCurrentWidget(self.analysis)
        self.analysis.show_problem(problem_id)
