"""One object that hands out the repositories over one open database."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .database import Database
from .engagements import Engagements
from .meetings import Meetings
from .notes import Notes
from .organisations import Organisers
from .team import Supporters

if TYPE_CHECKING:
    from .agreements import Agreements
    from .analysis import Analysis
    from .candidates import Candidates
    from .current_state import CurrentState
    from .follow_up import FollowUp
    from .follow_up_overview import FollowUpOverview
    from .plan import Plans
    from .plan_analysis import PlanAnalysis
    from .plan_versions import PlanVersions


class Store:
    def __init__(self, db: Database):
        self.db = db
        self.organisers = Organisers(db)
        self.engagements = Engagements(db)
        self.supporters = Supporters(db)
        self.meetings = Meetings(db)
        self.notes = Notes(db)

    # The analysis and plan repositories are imported on first use: the first
    # window does not need them (measured: 12 ms of start-up).
    @cached_property
    def current_state(self) -> CurrentState:
        from .current_state import CurrentState
        return CurrentState(self.db)

    @cached_property
    def analysis(self) -> Analysis:
        from .analysis import Analysis
        return Analysis(self.db)

    @cached_property
    def plans(self) -> Plans:
        from .plan import Plans
        return Plans(self.db)

    @cached_property
    def plan_analysis(self) -> PlanAnalysis:
        from .plan_analysis import PlanAnalysis
        return PlanAnalysis(self.analysis)

    @cached_property
    def plan_versions(self) -> PlanVersions:
        from .plan_versions import PlanVersions
        return PlanVersions(self.db)

    @cached_property
    def agreements(self) -> Agreements:
        from .agreements import Agreements
        return Agreements(self.db)

    @cached_property
    def follow_up(self) -> FollowUp:
        from .follow_up import FollowUp
        return FollowUp(self.db, self.agreements.list)

    @cached_property
    def follow_up_overview(self) -> FollowUpOverview:
        from .follow_up_overview import FollowUpOverview
        return FollowUpOverview(self.db)

    @cached_property
    def candidates(self) -> Candidates:
        from .candidates import Candidates
        return Candidates(self.db)

    def is_empty(self) -> bool:
        return not self.db.query("SELECT 1 FROM organisers LIMIT 1")

    def close(self) -> None:
        self.db.close()
