"""What the whole dialogteam follows: the "Att göra" list across every samverkan and
the team overview (one row per samverkan) for Skolverket's yearly report."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .follow_up import InterventionStatus

DUE_WITHIN_DAYS = 60


class TodoKind(str, Enum):
    REPORT = "redovisning"
    TASK = "uppgift"
    PAYMENT = "utbetalning"
    SIGNATURE = "underskrift"

    @property
    def label(self) -> str:
        return {"redovisning": "Redovisning", "uppgift": "Uppgift från möte",
                "utbetalning": "Utbetalning", "underskrift": "Väntar på underskrift"}[self.value]


@dataclass(frozen=True)
class TodoItem:
    kind: TodoKind
    date: str                 # due (or sent, for a signature)
    engagement_id: str
    organiser_name: str
    title: str
    detail: str
    overdue: bool
    target_id: str            # the report, meeting, payment or agreement to open

    @property
    def sort_key(self) -> tuple[bool, str, str]:
        return (not self.overdue, self.date, self.organiser_name)


@dataclass
class TeamRow:
    engagement_id: str
    organiser_name: str
    title: str
    dnr: str
    phase: str
    period_start: str = ""
    period_end: str = ""
    responsible: str = ""
    by_status: dict[InterventionStatus, int] = field(default_factory=dict)
    granted_by_year: dict[int, int] = field(default_factory=dict)
    paid_by_year: dict[int, int] = field(default_factory=dict)
    used_by_year: dict[int, int] = field(default_factory=dict)
    by_factor: dict[str, int] = field(default_factory=dict)   # Factor value -> insatser

    @property
    def insatser(self) -> int:
        return sum(self.by_status.values())

    @property
    def years(self) -> list[int]:
        return sorted(set(self.granted_by_year) | set(self.paid_by_year) | set(self.used_by_year))


@dataclass(frozen=True)
class CalendarEvent:
    """One date for the calendar file. `uid` is derived from the record's id, so a second
    import of a new file updates the event instead of adding a copy."""
    uid: str
    day: str                  # YYYY-MM-DD
    summary: str
    description: str = ""
    start_time: str = ""      # HH:MM; empty: an all-day event
    end_time: str = ""
    location: str = ""


def event_uid(kind: str, record_id: str) -> str:
    return f"{kind}-{record_id}@dialogteam"
