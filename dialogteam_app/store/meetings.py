"""Meetings of an engagement, with participants, prepared questions and tasks."""

from __future__ import annotations

import builtins
from collections import Counter

from ..domain.meetings import (
    Meeting,
    MeetingKind,
    Participant,
    Question,
    Role,
    Task,
    TaskKind,
    check_meeting,
    check_participant,
    check_question,
    check_task,
)
from . import rows
from .cascade import cascade_counts
from .connection import sqlite3
from .database import Database
from .evidence_links import guarded_delete
from .rows import stored_int


def _meeting(r: sqlite3.Row, unit_ids: list[str]) -> Meeting:
    return Meeting(id=r["id"], engagement_id=r["engagement_id"], date=r["date"],
                   kind=MeetingKind(r["kind"]), title=r["title"], start_time=r["start_time"],
                   end_time=r["end_time"], place=r["place"], agenda=r["agenda"],
                   school_unit_ids=unit_ids)


def _save(conn: sqlite3.Connection, values: rows.Values, unit_ids: list[str]) -> None:
    rows.upsert(conn, "meetings", values)
    organiser_id = conn.execute("SELECT organiser_id FROM engagements WHERE id = ?",
                                (values["engagement_id"],)).fetchone()[0]
    rows.check_units_belong(conn, unit_ids, organiser_id)
    rows.replace_links(conn, "meeting_units", "meeting_id", "school_unit_id", values["id"],
                       unit_ids)


class Meetings:
    def __init__(self, db: Database):
        self.db = db

    def _unit_ids(self, meeting_id: str) -> list[str]:
        return [r[0] for r in self.db.query(
            "SELECT mu.school_unit_id FROM meeting_units mu "
            "JOIN school_units su ON su.id = mu.school_unit_id "
            "WHERE mu.meeting_id = ? ORDER BY su.position, su.name", (meeting_id,))]

    def list(self, engagement_id: str | None = None) -> list[Meeting]:
        """Meetings in date order (all engagements when none is given)."""
        where, params = ("WHERE engagement_id = ?", (engagement_id,)) if engagement_id else ("", ())
        found = self.db.query(f"SELECT * FROM meetings {where} ORDER BY date, start_time", params)
        of_engagement = ("WHERE mu.meeting_id IN (SELECT id FROM meetings WHERE engagement_id = ?) "
                         if engagement_id else "")
        units: dict[str, builtins.list[str]] = {}
        for r in self.db.query(
                "SELECT mu.meeting_id, mu.school_unit_id FROM meeting_units mu "
                f"JOIN school_units su ON su.id = mu.school_unit_id {of_engagement}"
                "ORDER BY su.position, su.name", params):
            units.setdefault(r[0], []).append(r[1])
        return [_meeting(r, units.get(r["id"], [])) for r in found]

    def count(self) -> int:
        return int(self.db.query("SELECT count(*) FROM meetings")[0][0])

    def engagement_of(self, meeting_id: str) -> str | None:
        found = self.db.query("SELECT engagement_id FROM meetings WHERE id = ?", (meeting_id,))
        return str(found[0][0]) if found else None

    def get(self, meeting_id: str) -> Meeting | None:
        r = self.db.conn.execute("SELECT * FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        return _meeting(r, self._unit_ids(meeting_id)) if r else None

    def save(self, m: Meeting, *, wait: bool = True) -> None:
        check_meeting(m)
        values = dict(id=m.id, engagement_id=m.engagement_id, date=m.date.strip(),
                      kind=m.kind.value, title=m.title.strip(), start_time=m.start_time,
                      end_time=m.end_time, place=m.place.strip(), agenda=m.agenda)
        units = list(m.school_unit_ids)
        if wait:
            self.db.write(_save, values, units)
        else:
            self.db.submit(("meetings", m.id), _save, values, units)

    def delete(self, meeting_id: str) -> None:
        self.db.write(guarded_delete, "meetings", meeting_id)

    def deletion_impact(self, meeting_id: str) -> Counter[str]:
        return cascade_counts(self.db.conn, "meetings", meeting_id)

    def note_counts(self, engagement_id: str | None = None) -> dict[str, int]:
        """Notes per meeting id (of one engagement, or all)."""
        where, params = ("WHERE engagement_id = ?", (engagement_id,)) if engagement_id else ("", ())
        return {r[0]: r[1] for r in self.db.query(
            f"SELECT meeting_id, count(*) FROM notes {where} GROUP BY meeting_id", params)}

    def next_position(self, table: str, meeting_id: str) -> int:
        assert table in ("participants", "questions", "tasks")
        position: int = self.db.conn.execute(
            f"SELECT coalesce(max(position) + 1, 0) FROM {table} WHERE meeting_id = ?",
            (meeting_id,)).fetchone()[0]
        return position

    # -- participants ---------------------------------------------------------------------
    def participants(self, meeting_id: str) -> builtins.list[Participant]:
        return [Participant(id=r["id"], meeting_id=r["meeting_id"], name=r["name"],
                            role=Role(r["role"]), organisation=r["organisation"],
                            position=stored_int(r["position"]))
                for r in self.db.query("SELECT * FROM participants WHERE meeting_id = ? "
                                       "ORDER BY position", (meeting_id,))]

    def save_participant(self, p: Participant, *, wait: bool = True) -> None:
        check_participant(p)
        self.db.upsert("participants", dict(
            id=p.id, meeting_id=p.meeting_id, name=p.name.strip(), role=p.role.value,
            organisation=p.organisation.strip(), position=p.position), wait=wait)

    def delete_participant(self, participant_id: str) -> None:
        self.db.delete("participants", participant_id)

    # -- prepared questions -------------------------------------------------------------------
    def questions(self, meeting_id: str) -> builtins.list[Question]:
        return [Question(id=r["id"], meeting_id=r["meeting_id"], text=r["text"],
                         asked=bool(r["asked"]), position=stored_int(r["position"]))
                for r in self.db.query("SELECT * FROM questions WHERE meeting_id = ? "
                                       "ORDER BY position", (meeting_id,))]

    def save_question(self, q: Question, *, wait: bool = True) -> None:
        check_question(q)
        self.db.upsert("questions", dict(id=q.id, meeting_id=q.meeting_id, text=q.text.strip(),
                                         asked=int(q.asked), position=q.position), wait=wait)

    def delete_question(self, question_id: str) -> None:
        self.db.delete("questions", question_id)

    # -- decisions and follow-up tasks -----------------------------------------------------------
    def tasks(self, meeting_id: str) -> builtins.list[Task]:
        return [Task(id=r["id"], meeting_id=r["meeting_id"], text=r["text"],
                     kind=TaskKind(r["kind"]), who=r["who"], due=r["due"], done=bool(r["done"]),
                     position=stored_int(r["position"]))
                for r in self.db.query("SELECT * FROM tasks WHERE meeting_id = ? "
                                       "ORDER BY position", (meeting_id,))]

    def save_task(self, t: Task, *, wait: bool = True) -> None:
        check_task(t)
        self.db.upsert("tasks", dict(id=t.id, meeting_id=t.meeting_id, kind=t.kind.value,
                                     text=t.text.strip(), who=t.who.strip(), due=t.due.strip(),
                                     done=int(t.done), position=t.position), wait=wait)

    def delete_task(self, task_id: str) -> None:
        self.db.delete("tasks", task_id)
