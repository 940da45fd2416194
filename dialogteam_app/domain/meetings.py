"""Dialogue meetings and visits: who took part, the agenda with prepared
questions, and the decisions and follow-up tasks that came out of it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from .errors import FieldError, raise_if
from .fields import LONG_TEXT_MAX, check_date, check_text
from .ids import new_id

_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class MeetingKind(str, Enum):
    DIALOGUE = "dialogmote"
    SCHOOL_VISIT = "skolbesok"
    FOLLOW_UP = "uppfoljning"
    MEETING_PLACE = "motesplats"

    @property
    def label(self) -> str:
        return {"dialogmote": "Dialogmöte med huvudman", "skolbesok": "Skolbesök",
                "uppfoljning": "Uppföljningsmöte", "motesplats": "Mötesplats"}[self.value]


class Role(str, Enum):
    """Roles of participants, and of speakers in notes."""

    POLITICIAN = "politiker"
    SCHOOL_CHIEF = "skolchef"
    PRINCIPAL = "rektor"
    TEACHER = "larare"
    STUDENT_HEALTH = "elevhalsa"
    STUDENT = "elev"
    SUPPORTER = "processtodjare"
    OTHER = "annan"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.POLITICIAN: "Politiker",
    Role.SCHOOL_CHIEF: "Förvaltningschef/skolchef",
    Role.PRINCIPAL: "Rektor",
    Role.TEACHER: "Lärare",
    Role.STUDENT_HEALTH: "Elevhälsa",
    Role.STUDENT: "Elev",
    Role.SUPPORTER: "Processtödjare",
    Role.OTHER: "Annan",
}


class TaskKind(str, Enum):
    DECISION = "beslut"
    TASK = "uppgift"

    @property
    def label(self) -> str:
        return {"beslut": "Beslut", "uppgift": "Uppgift"}[self.value]


@dataclass
class Meeting:
    engagement_id: str
    date: str                      # YYYY-MM-DD
    kind: MeetingKind = MeetingKind.DIALOGUE
    title: str = ""
    start_time: str = ""           # HH:MM
    end_time: str = ""
    place: str = ""
    agenda: str = ""
    school_unit_ids: list[str] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    @property
    def display_name(self) -> str:
        return f"{self.date} {self.title or self.kind.label}"


@dataclass
class Participant:
    meeting_id: str
    name: str
    role: Role = Role.OTHER
    organisation: str = ""
    position: int = 0
    id: str = field(default_factory=new_id)


@dataclass
class Question:
    """A question prepared before the meeting; ticked off when asked."""

    meeting_id: str
    text: str
    asked: bool = False
    position: int = 0
    id: str = field(default_factory=new_id)


@dataclass
class Task:
    """A decision taken or a follow-up task: who does what by when, and whether it is done."""

    meeting_id: str
    text: str
    kind: TaskKind = TaskKind.TASK
    who: str = ""
    due: str = ""
    done: bool = False
    position: int = 0
    id: str = field(default_factory=new_id)


def check_time(value: str, label: str) -> str | None:
    if value and not _TIME.match(value):
        return f"{label} skrivs TT:MM, till exempel 09:30."
    return None


def validate_meeting(m: Meeting) -> list[FieldError]:
    checks = {
        "date": check_date(m.date, "Datum", required=True),
        "kind": None if isinstance(m.kind, MeetingKind) else "Okänd mötestyp.",
        "title": check_text(m.title, "Rubrik"),
        "start_time": check_time(m.start_time, "Starttid"),
        "end_time": check_time(m.end_time, "Sluttid"),
        "place": check_text(m.place, "Plats"),
        "agenda": check_text(m.agenda, "Agenda", max_len=LONG_TEXT_MAX),
    }
    if not checks["start_time"] and not checks["end_time"] and m.start_time and m.end_time \
            and m.end_time < m.start_time:
        checks["end_time"] = "Sluttiden ligger före starttiden."
    return [FieldError(k, v) for k, v in checks.items() if v]


def validate_participant(p: Participant) -> list[FieldError]:
    checks = {
        "name": check_text(p.name, "Namn", required=True),
        "role": None if isinstance(p.role, Role) else "Okänd roll.",
        "organisation": check_text(p.organisation, "Organisation"),
    }
    return [FieldError(k, v) for k, v in checks.items() if v]


def validate_question(q: Question) -> list[FieldError]:
    message = check_text(q.text, "Fråga", required=True, max_len=2000)
    return [FieldError("text", message)] if message else []


def validate_task(t: Task) -> list[FieldError]:
    checks = {
        "text": check_text(t.text, "Vad", required=True, max_len=2000),
        "kind": None if isinstance(t.kind, TaskKind) else "Okänd typ.",
        "who": check_text(t.who, "Vem"),
        "due": check_date(t.due, "Klart senast"),
    }
    return [FieldError(k, v) for k, v in checks.items() if v]


def check_meeting(m: Meeting) -> None:
    raise_if(validate_meeting(m))


def check_participant(p: Participant) -> None:
    raise_if(validate_participant(p))


def check_question(q: Question) -> None:
    raise_if(validate_question(q))


def check_task(t: Task) -> None:
    raise_if(validate_task(t))
