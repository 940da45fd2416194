"""Dialogue meetings and visits: who took part, the agenda with prepared
questions, and the decisions and follow-up tasks that came out of it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import rules
from .coded import UNKNOWN_VALUE, Coded
from .errors import FieldError, raise_if
from .fields import LONG_TEXT_MAX
from .ids import new_id

# Patterns kept as text, compiled at first use (why: fields.py).
_TIME = r"^([01]\d|2[0-3]):[0-5]\d$"


class MeetingKind(Coded):
    DIALOGUE = "dialogmote"
    SCHOOL_VISIT = "skolbesok"
    FOLLOW_UP = "uppfoljning"
    MEETING_PLACE = "motesplats"

    @property
    def label(self) -> str:
        return {"dialogmote": "Dialogmöte med huvudman", "skolbesok": "Skolbesök",
                "uppfoljning": "Uppföljningsmöte", "motesplats": "Mötesplats"}.get(self.value, UNKNOWN_VALUE)


class Role(Coded):
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
        return _ROLE_LABELS.get(self, UNKNOWN_VALUE)


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


class TaskKind(Coded):
    DECISION = "beslut"
    TASK = "uppgift"

    @property
    def label(self) -> str:
        return {"beslut": "Beslut", "uppgift": "Uppgift"}.get(self.value, UNKNOWN_VALUE)


@dataclass
class Meeting:
    """A meeting with the huvudman (dialogue, workshop, ...): when, where, which units."""
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
    """Someone taking part in a meeting, and in what role."""
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
    if value and not re.match(_TIME, value):
        return f"{label} skrivs TT:MM, till exempel 09:30."
    return None


MEETING_RULES = rules.record(
    "meetings",
    engagement_id=rules.ref("Samverkan"),
    date=rules.date("Datum", required=True),
    kind=rules.choice("Mötestyp", MeetingKind),
    title=rules.text("Rubrik"),
    start_time=rules.custom("Starttid", "time", lambda v: check_time(v, "Starttid")),
    end_time=rules.custom("Sluttid", "time", lambda v: check_time(v, "Sluttid")),
    place=rules.text("Plats"),
    agenda=rules.text("Agenda", max_len=LONG_TEXT_MAX))

MEETING_UNIT_RULES = rules.link(
    "meeting_units", meeting_id=rules.ref("Möte"), school_unit_id=rules.ref("Skolenhet"))

PARTICIPANT_RULES = rules.record(
    "participants",
    meeting_id=rules.ref("Möte"),
    name=rules.text("Namn", required=True),
    role=rules.choice("Roll", Role),
    organisation=rules.text("Organisation"),
    position=rules.whole("Ordning"))

QUESTION_RULES = rules.record(
    "questions",
    meeting_id=rules.ref("Möte"),
    text=rules.text("Fråga", required=True, max_len=2000),
    asked=rules.flag("Ställd"),
    position=rules.whole("Ordning"))

TASK_RULES = rules.record(
    "tasks",
    meeting_id=rules.ref("Möte"),
    kind=rules.choice("Typ", TaskKind),
    text=rules.text("Vad", required=True, max_len=2000),
    who=rules.text("Vem"),
    due=rules.date("Klart senast"),
    done=rules.flag("Klar"),
    position=rules.whole("Ordning"))


def validate_meeting(m: Meeting) -> list[FieldError]:
    errors = MEETING_RULES.errors({
        "date": m.date, "kind": m.kind, "title": m.title, "start_time": m.start_time,
        "end_time": m.end_time, "place": m.place, "agenda": m.agenda})
    if not any(e.field in ("start_time", "end_time") for e in errors) and m.start_time \
            and m.end_time and m.end_time < m.start_time:
        errors.append(FieldError("end_time", "Sluttiden ligger före starttiden."))
    return errors


def validate_participant(p: Participant) -> list[FieldError]:
    return PARTICIPANT_RULES.errors({"name": p.name, "role": p.role,
                                     "organisation": p.organisation})


def validate_question(q: Question) -> list[FieldError]:
    return QUESTION_RULES.errors({"text": q.text})


def validate_task(t: Task) -> list[FieldError]:
    return TASK_RULES.errors({"text": t.text, "kind": t.kind, "who": t.who, "due": t.due})


def check_meeting(m: Meeting) -> None:
    raise_if(validate_meeting(m))


def check_participant(p: Participant) -> None:
    raise_if(validate_participant(p))


def check_question(q: Question) -> None:
    raise_if(validate_question(q))


def check_task(t: Task) -> None:
    raise_if(validate_task(t))
