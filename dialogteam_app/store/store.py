"""One object that hands out the repositories over one open database. The window
reaches the database only through it: repositories, settings, search, flush and
restore; errors arrive as store.errors.StoreError."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .database import Database
from .engagements import Engagements
from .meetings import Meetings
from .notes import Notes
from .organisations import Organisers
from .settings import Settings
from .team import Supporters

if TYPE_CHECKING:
    from ..paths import DataPaths
    from .agreements import Agreements
    from .analysis import Analysis
    from .candidates import Candidates
    from .current_state import CurrentState
    from .follow_up import FollowUp
    from .follow_up_overview import FollowUpOverview
    from .plan import Plans
    from .plan_analysis import PlanAnalysis
    from .plan_versions import PlanVersions
    from .retention import Retention
    from .search import SearchFilter, SearchResult
    from .search_runner import SearchRunner


class Store:
    def __init__(self, db: Database):
        self.db = db
        self.organisers = Organisers(db)
        self.engagements = Engagements(db)
        self.supporters = Supporters(db)
        self.meetings = Meetings(db)
        self.notes = Notes(db)
        self.settings = Settings(db)

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
    def retention(self) -> Retention:
        from .retention import Retention
        return Retention(self.db)

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

    @property
    def open_warnings(self) -> list[str]:
        """What was found beside the database when it was opened (store/open_guard.py)."""
        return self.db.open_warnings

    def is_empty(self) -> bool:
        return not self.db.query("SELECT 1 FROM organisers LIMIT 1")

    def search(self, text: str, where: SearchFilter | None = None) -> SearchResult:
        from .search import search_notes
        return search_notes(self.db, text, where)

    def search_runner(self, deliver: Callable[[int, SearchResult], None]) -> SearchRunner:
        """A search thread with its own connection to this database (see search_runner)."""
        from .search_runner import SearchRunner
        return SearchRunner(self.db.path, deliver)

    def flush(self) -> None:
        """Wait until every queued save is on disk."""
        self.db.flush()

    def restore(self, paths: DataPaths, backup: Path,
                run: Callable[[Callable[[], Path]], Path] = lambda job: job()) -> Path:
        """Write a backup into the live database: closed first, opened again afterwards
        (also when the restore fails), so every repository goes on with the new content.
        `run` may do the copying off the caller's thread; closing and reopening stay on
        it. Returns the copy kept of what was there before."""
        from .backups import restore
        self.db.close()
        try:
            return run(lambda: restore(paths, backup))
        finally:
            self.db.reopen()

    def encrypt(self, paths: DataPaths, passphrase: str,
                run: Callable[[Callable[[], Path]], Path] = lambda job: job()) -> Path:
        """Turn encryption at rest on (store/encryption.py), closed and reopened as a
        restore is. Returns the backup taken first."""
        from .encryption import encrypt_database
        self.db.close()
        try:
            return run(lambda: encrypt_database(paths, passphrase))
        finally:
            self.db.reopen()

    def close(self) -> None:
        self.db.close()
