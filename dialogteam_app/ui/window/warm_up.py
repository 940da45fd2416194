"""Once the window is usable, the modules of the other pages are imported while
the program is idle, one module per turn of the event loop: opening a samverkan,
a meeting or a sub-page for the first time then costs building it, not also
importing it (up to ~180 ms). Each step is short (under ~10 ms) and a turn of its own:
a key pressed meanwhile waits for one step at most, and all are done ~0.2 s after the
window is usable (with a pause between steps they took over half a second, and a
samverkan opened right after the start still imported its modules).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer

# Each step one module and what it imports: the big ones are preceded by their heaviest
# imports, so that no step holds the event loop for long (a stall over 50 ms on a busy
# machine was the agreement editor's 29 modules in one step).
MODULES = (
    "dialogteam_app.domain.plan_document",
    "dialogteam_app.domain.follow_up",
    "dialogteam_app.domain.analysis",
    "dialogteam_app.domain.agreement",
    "dialogteam_app.domain.rule_registry",  # checked at the first write
    "dialogteam_app.ui.register.engagement_view",
    "dialogteam_app.ui.meetings.meeting_view",
    "dialogteam_app.ui.meetings.meeting_tables",
    "dialogteam_app.store.analysis",
    "dialogteam_app.store.current_state",
    "dialogteam_app.store.candidates",
    "dialogteam_app.store.plan",
    "dialogteam_app.store.plan_analysis",
    "dialogteam_app.store.plan_versions",
    "dialogteam_app.ui.analysis.analysis_view",
    "dialogteam_app.ui.analysis.current_state_page",
    "dialogteam_app.ui.analysis.problems_page",
    "dialogteam_app.ui.analysis.candidates_page",
    "dialogteam_app.ui.analysis.traceability_page",
    "dialogteam_app.ui.analysis.participation_page",
    "dialogteam_app.ui.plan.plan_view",
    "dialogteam_app.ui.agreement.agreement_view",
    "dialogteam_app.ui.follow_up.follow_up_view",
    "dialogteam_app.ui.search.search_view",
    "dialogteam_app.ui.register.organiser_view",
    "dialogteam_app.ui.register.team_view",
)
STEP_MS = 0  # the next step in the next turn, after whatever input came meanwhile


def warm_up(parent: QObject, modules: tuple[str, ...] = MODULES) -> None:
    """Import `modules` one at a time in idle moments (already imported ones are skipped)."""
    pending: Iterator[str] = (m for m in modules if m not in sys.modules)

    def step() -> None:
        name = next(pending, None)
        if name is not None:
            importlib.import_module(name)
            QTimer.singleShot(STEP_MS, parent, step)
    QTimer.singleShot(STEP_MS, parent, step)
