"""One object that hands out the repositories over one open database."""

from __future__ import annotations

from .analysis import Analysis
from .candidates import Candidates
from .current_state import CurrentState
from .database import Database
from .engagements import Engagements
from .meetings import Meetings
from .notes import Notes
from .organisations import Organisers
from .team import Supporters


class Store:
    def __init__(self, db: Database):
        self.db = db
        self.organisers = Organisers(db)
        self.engagements = Engagements(db)
        self.supporters = Supporters(db)
        self.meetings = Meetings(db)
        self.notes = Notes(db)
        self.current_state = CurrentState(db)
        self.analysis = Analysis(db)
        self.candidates = Candidates(db)

    def is_empty(self) -> bool:
        return not self.db.query("SELECT 1 FROM organisers LIMIT 1")

    def close(self) -> None:
        self.db.close()
