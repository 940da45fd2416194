"""An engagement (samverkan) as tabs; each later part of the work adds a tab.

Tabs load when first shown, so opening an engagement costs only the visible tab.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from .analysis.analysis_view import AnalysisView
from .context import AppContext
from .engagement_overview import EngagementOverview
from .plan_view import PlanView


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
        self._pages = [(self.overview, "Översikt"), (self.analysis, "Nulägesanalys"),
                       (self.plan, "Åtgärdsplan")]
        for page, title in self._pages:
            self.tabs.addTab(page, title)
        self._loaded: set[int] = set()
        self.tabs.currentChanged.connect(self._load_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def show_engagement(self, engagement_id: str) -> bool:
        if self.ctx.store.engagements.get(engagement_id) is None:
            return False
        self.engagement_id = engagement_id
        self._loaded.clear()
        self._load_current(self.tabs.currentIndex())
        return True

    def _load_current(self, index: int) -> None:
        if self.engagement_id is None or index < 0 or index in self._loaded:
            return
        self.ctx.autosaver.flush()
        self._pages[index][0].show_engagement(self.engagement_id)
        self._loaded.add(index)
