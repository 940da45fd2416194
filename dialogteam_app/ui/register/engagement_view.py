"""An engagement (samverkan) as tabs; each later part of the work adds a tab.

Only the visible tab loads, so opening an engagement costs only that tab.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ..agreement.agreement_view import AgreementView
from ..analysis.analysis_view import AnalysisView
from ..common.context import AppContext
from ..plan.plan_view import PlanView
from .engagement_overview import EngagementOverview


class EngagementView(QWidget):
    renamed = Signal(str, str)  # engagement id, display name
    open_note = Signal(str, str)  # meeting id, note id

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.engagement_id: str | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.overview = EngagementOverview(ctx, self)
        self.overview.renamed.connect(self.renamed)
        self.analysis = AnalysisView(ctx, self)
        self.analysis.open_note.connect(self.open_note)
        self.plan = PlanView(ctx, self)
        self.plan.open_problem.connect(self.open_problem)
        self.agreements = AgreementView(ctx, self)
        self.overview.open_agreement.connect(self.open_agreement)
        self._pages = [(self.overview, "Översikt"), (self.analysis, "Nulägesanalys"),
                       (self.plan, "Åtgärdsplan"), (self.agreements, "Överenskommelser")]
        for page, title in self._pages:
            self.tabs.addTab(page, title)
        self.tabs.currentChanged.connect(self._load_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

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
        self._pages[index][0].show_engagement(self.engagement_id)

    def open_agreement(self, agreement_id: str) -> None:
        """From a date in the overview to its agreement."""
        self.tabs.setCurrentWidget(self.agreements)
        self.agreements.show_engagement(self.engagement_id, select=agreement_id)

    def open_problem(self, problem_id: str) -> None:
        """From the plan's röd tråd to the problem in the analysis."""
        self.tabs.setCurrentWidget(self.analysis)
        self.analysis.show_problem(problem_id)
