"""Notes typed during a meeting: a timestamp, an optional speaker role and tags.

Tags are the fixed kinds the analysis builds on (problem, orsak, belägg, …) and
free tags typed as #hashtags in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import Enum

from . import rules
from .errors import FieldError, raise_if
from .ids import new_id
from .meetings import Role

NOTE_MAX = 20_000
TAG_MAX = 40
TAGS_PER_NOTE_MAX = 50


class Tag(str, Enum):
    """The fixed tags, in the order of their Ctrl+1 … Ctrl+8 shortcuts."""

    OBSERVATION = "observation"
    PROBLEM = "problem"
    CAUSE = "orsak"
    EVIDENCE = "belagg"
    IDEA = "ide"
    QUOTE = "citat"
    QUESTION = "fraga"
    STUDENT_VOICE = "elevrost"

    @property
    def label(self) -> str:
        return _TAG_LABELS[self]


_TAG_LABELS = {
    Tag.OBSERVATION: "observation",
    Tag.PROBLEM: "problem",
    Tag.CAUSE: "orsak",
    Tag.EVIDENCE: "belägg",
    Tag.IDEA: "idé till insats",
    Tag.QUOTE: "citat",
    Tag.QUESTION: "fråga",
    Tag.STUDENT_VOICE: "elevröst",
}

# Words a user may type as #hashtags for the fixed tags.
_TAG_WORDS = {**{t.value: t.value for t in Tag},
              **{t.label.replace(" ", ""): t.value for t in Tag},
              "idé": Tag.IDEA.value, "insats": Tag.IDEA.value}

# Patterns kept as text, compiled at first use (why: fields.py).
_HASHTAG = r"(?<![\w#])#([^\W_][\w\-]*)"
_FREE_TAG = r"^[^\W_][\w\-]*$"


def tag_label(tag: str) -> str:
    try:
        return Tag(tag).label
    except ValueError:
        return f"#{tag}"


def normalize_tag(word: str) -> str:
    word = word.strip().lstrip("#").casefold()
    return _TAG_WORDS.get(word, word)


def hashtags(text: str) -> list[str]:
    """Tags written in the text as #orsak or #matematik, normalised, in order."""
    return list(dict.fromkeys(normalize_tag(m) for m in re.findall(_HASHTAG, text or "")))


def now_stamp() -> str:
    """Local time with offset and milliseconds: sorts in typing order, reads as the clock showed."""
    return datetime.now().astimezone().isoformat(timespec="milliseconds")


NO_CLOCK = "00:00"  # a note of a past meeting without a start time shows no clock


def stamp_in_meeting(meeting_date: str, start_time: str, end_time: str, latest: str | None,
                     elapsed_seconds: float, now: datetime | None = None) -> str:
    """When a note typed now belongs in the meeting's time: today's meetings take the
    clock; notes written up for another day take the start time plus the time spent
    writing (after the meeting's latest note, at most its end), or no clock at all."""
    now = now if now is not None and now.tzinfo is not None else (now or datetime.now()).astimezone()
    try:
        day = date.fromisoformat(meeting_date)
    except ValueError:
        day = now.date()
    if day == now.date():
        return now.isoformat(timespec="milliseconds")
    previous = datetime.fromisoformat(latest) if latest and latest[:10] == meeting_date else None
    # The meeting's wall clock: its notes' UTC offset (stamps sort as text), else ours.
    zone = previous.tzinfo if previous is not None else now.tzinfo
    base = datetime.combine(day, datetime.min.time(), zone)
    if start_time:
        hours, minutes = (int(x) for x in start_time.split(":"))
        stamp = base + timedelta(hours=hours, minutes=minutes, seconds=elapsed_seconds)
        if end_time:
            hours, minutes = (int(x) for x in end_time.split(":"))
            stamp = min(stamp, base + timedelta(hours=hours, minutes=minutes))
    else:
        stamp = base
    if previous is not None:  # stays in typing order after earlier notes
        stamp = max(stamp, previous + timedelta(milliseconds=1))
    return stamp.isoformat(timespec="milliseconds")


@dataclass
class Note:
    """A note taken in a meeting, stamped with the time it was written."""
    meeting_id: str
    engagement_id: str
    body: str
    taken_at: str = field(default_factory=now_stamp)
    speaker_role: str = ""          # a Role value, or "" when nobody in particular
    tags: list[str] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    @property
    def clock(self) -> str:
        """HH:MM as shown beside the note; "" for a note stamped without a clock."""
        clock = self.taken_at[11:16]
        return "" if clock == NO_CLOCK else clock


def _free_tag(tag: str) -> str | None:
    if len(tag) > TAG_MAX or not re.match(_FREE_TAG, tag):
        return f"Ogiltig tagg: {tag[:40]!s}. Taggar är ett ord, till exempel #matematik."
    return None


NOTE_RULES = rules.record(
    "notes",
    meeting_id=rules.ref("Möte"),
    engagement_id=rules.ref("Samverkan"),
    taken_at=rules.timestamp("Tidpunkt"),
    body=rules.text("Anteckningen", required=True, max_len=NOTE_MAX),
    speaker_role=rules.choice("Talarens roll", Role, optional=True))

NOTE_TAG_RULES = rules.link("note_tags", max_per_owner=TAGS_PER_NOTE_MAX,
                            note_id=rules.ref("Anteckning"),
                            tag=rules.custom("Tagg", "tag", _free_tag))


def validate_note(n: Note) -> list[FieldError]:
    errors = NOTE_RULES.errors({"body": n.body, "speaker_role": n.speaker_role})
    problem = next((p for t in n.tags if (p := NOTE_TAG_RULES.problem("tag", t))), None)
    if problem:
        errors.append(FieldError("tags", problem))
    elif len(n.tags) > TAGS_PER_NOTE_MAX:
        errors.append(FieldError("tags", f"En anteckning kan ha högst {TAGS_PER_NOTE_MAX} "
                                         "taggar."))
    return errors


def check_note(n: Note) -> None:
    raise_if(validate_note(n))
