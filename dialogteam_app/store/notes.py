"""Notes and the draft being typed.

Every write of a note is self-contained (the row and its tags in one job), so
the writer may coalesce repeated saves of the same note without losing a tag.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Hashable
from typing import Any

from ..domain.ids import utc_now
from ..domain.notes import Note, Tag, check_note
from . import rows
from .connection import sqlite3
from .database import Database
from .evidence_links import guarded_delete
from .scope_check import check_row_scope


def _note_values(n: Note) -> rows.Values:
    return dict(id=n.id, meeting_id=n.meeting_id, engagement_id=n.engagement_id,
                taken_at=n.taken_at, body=n.body, speaker_role=n.speaker_role,
                updated_at=utc_now())


def write_note(conn: sqlite3.Connection, values: rows.Values, tags: list[str]) -> None:
    rows.check_row("notes", values)
    check_row_scope(conn, "notes", values)
    for tag in tags:
        rows.check_row("note_tags", {"tag": tag})
    # Body is only SET when it changed: the FTS trigger reindexes on every SET of body.
    conn.execute(
        "INSERT INTO notes (id, meeting_id, engagement_id, taken_at, body, speaker_role, updated_at) "
        "VALUES (:id, :meeting_id, :engagement_id, :taken_at, :body, :speaker_role, :updated_at) "
        "ON CONFLICT(id) DO UPDATE SET speaker_role = excluded.speaker_role, "
        "updated_at = excluded.updated_at, taken_at = excluded.taken_at", values)
    conn.execute("UPDATE notes SET body = :body WHERE id = :id AND body != :body", values)
    conn.execute("DELETE FROM note_tags WHERE note_id = ?", (values["id"],))
    conn.executemany("INSERT INTO note_tags (note_id, tag) VALUES (?, ?)",
                     [(values["id"], t) for t in dict.fromkeys(tags)])


def _enter_note(conn: sqlite3.Connection, values: rows.Values, tags: list[str]) -> None:
    """The note typed in the capture line is stored and, in the same transaction, the
    draft cleared — but only if the draft still holds this text (new typing stays)."""
    write_note(conn, values, tags)
    conn.execute("DELETE FROM note_drafts WHERE meeting_id = ? "
                 "AND trim(body, ' ' || char(9, 10, 13)) = ?",
                 (values["meeting_id"], values["body"].strip()))


def _delete_note(conn: sqlite3.Connection, note_id: str) -> None:
    guarded_delete(conn, "notes", note_id)  # a note that is evidence stays, with a reason


def _save_draft(conn: sqlite3.Connection, meeting_id: str, body: str, role: str) -> None:
    if body.strip():
        conn.execute(
            "INSERT INTO note_drafts (meeting_id, body, speaker_role, updated_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(meeting_id) DO UPDATE SET body = excluded.body, "
            "speaker_role = excluded.speaker_role, updated_at = excluded.updated_at",
            (meeting_id, body, role, utc_now()))
    else:
        conn.execute("DELETE FROM note_drafts WHERE meeting_id = ?", (meeting_id,))


def _note(r: sqlite3.Row, tags: list[str]) -> Note:
    return Note(id=r["id"], meeting_id=r["meeting_id"], engagement_id=r["engagement_id"],
                body=r["body"], taken_at=r["taken_at"], speaker_role=r["speaker_role"], tags=tags)


class Notes:
    def __init__(self, db: Database):
        self.db = db

    def used_in_analysis(self, engagement_id: str) -> set[str]:
        """Notes promoted into the analysis or used as evidence there. Here, not in the
        analysis repository: a meeting marks them without importing the analysis.
        Evidence is reached through the samverkan's problems and causes (a few rows, by
        index), not through its notes: that read every note's row, ~180 pages for a
        samverkan of 1 000 notes, on every meeting opened. The same notes: evidence
        cites only notes of its own samverkan (scope_check.py)."""
        return {r[0] for r in self.db.query(
            "SELECT note_id FROM problems WHERE engagement_id = ?1 AND note_id IS NOT NULL "
            "UNION SELECT c.note_id FROM causes c JOIN problems p ON p.id = c.problem_id "
            "WHERE p.engagement_id = ?1 AND c.note_id IS NOT NULL "
            "UNION SELECT e.note_id FROM evidence e JOIN causes c ON c.id = e.cause_id "
            "JOIN problems p ON p.id = c.problem_id "
            "WHERE p.engagement_id = ?1 AND e.note_id IS NOT NULL "
            "UNION SELECT note_id FROM candidates WHERE engagement_id = ?1 AND note_id IS NOT NULL",
            (engagement_id,))}

    def _tags(self, where: str, params: tuple[str, ...]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for r in self.db.query(f"SELECT t.note_id, t.tag FROM note_tags t "
                               f"JOIN notes n ON n.id = t.note_id WHERE {where} ORDER BY t.rowid",
                               params):
            found.setdefault(r[0], []).append(r[1])
        return found

    def list(self, meeting_id: str, newest: int | None = None,
             before: str | None = None) -> list[Note]:
        """The meeting's notes in time order; only the last `newest` if given, and only
        those before the note `before` if given (a long meeting listed in steps)."""
        where, params = "meeting_id = ?", [meeting_id]
        if before is not None:
            where += " AND (taken_at, rowid) < (SELECT taken_at, rowid FROM notes WHERE id = ?)"
            params.append(before)
        if newest is None:
            rows = self.db.query(f"SELECT * FROM notes WHERE {where} ORDER BY taken_at, rowid",
                                 tuple(params))
        else:
            rows = self.db.query(f"SELECT * FROM notes WHERE {where} "
                                 "ORDER BY taken_at DESC, rowid DESC LIMIT ?",
                                 (*params, newest))[::-1]
        if newest is None and before is None:
            tags = self._tags("n.meeting_id = ?", (meeting_id,))
        else:
            tags = self._tags_of([r["id"] for r in rows])
        return [_note(r, tags.get(r["id"], [])) for r in rows]

    def _tags_of(self, note_ids: builtins.list[str]) -> dict[str, builtins.list[str]]:
        found: dict[str, builtins.list[str]] = {}
        for part in range(0, len(note_ids), 500):
            ids = note_ids[part:part + 500]
            for r in self.db.query(f"SELECT note_id, tag FROM note_tags WHERE note_id IN "
                                   f"({','.join('?' * len(ids))}) ORDER BY rowid", tuple(ids)):
                found.setdefault(r[0], []).append(r[1])
        return found

    def list_for_engagement(self, engagement_id: str, tag: str | None = None) -> builtins.list[Note]:
        where = "n.engagement_id = ?"
        params: tuple[str, ...] = (engagement_id,)
        if tag:
            where += " AND n.id IN (SELECT note_id FROM note_tags WHERE tag = ?)"
            params += (tag,)
        tags = self._tags(where, params)
        return [_note(r, tags.get(r["id"], [])) for r in self.db.query(
            f"SELECT * FROM notes n WHERE {where} ORDER BY taken_at, rowid", params)]

    def count(self, engagement_id: str | None = None) -> int:
        """Notes in the engagement, or in all of them."""
        if engagement_id is None:
            return int(self.db.conn.execute("SELECT count(*) FROM notes").fetchone()[0])
        return int(self.db.conn.execute("SELECT count(*) FROM notes WHERE engagement_id = ?",
                                        (engagement_id,)).fetchone()[0])

    def count_in_meeting(self, meeting_id: str) -> int:
        return int(self.db.conn.execute("SELECT count(*) FROM notes WHERE meeting_id = ?",
                                        (meeting_id,)).fetchone()[0])

    def get(self, note_id: str) -> Note | None:
        r = self.db.conn.execute("SELECT * FROM notes WHERE id = ?", (note_id,)).fetchone()
        if r is None:
            return None
        return _note(r, self._tags("n.id = ?", (note_id,)).get(note_id, []))

    def save(self, n: Note, *, wait: bool = True) -> None:
        check_note(n)
        self._write(("note", n.id), wait, write_note, _note_values(n), list(n.tags))

    def enter(self, n: Note, *, wait: bool = False) -> None:
        """Store a note just typed in the capture line and clear its draft."""
        check_note(n)
        self._write(("note", n.id), wait, _enter_note, _note_values(n), list(n.tags))

    def delete(self, note_id: str, *, wait: bool = True) -> None:
        # Same key as saves, so a queued save of this note is replaced, not run after.
        self._write(("note", note_id), wait, _delete_note, note_id)

    def _write(self, key: Hashable, wait: bool, fn: Callable[..., Any], *args: object) -> None:
        if wait:
            self.db.write(fn, *args)
        else:
            self.db.submit(key, fn, *args)

    def save_draft(self, meeting_id: str, body: str, role: str = "") -> None:
        """Queue the text being typed; an empty text removes the draft."""
        self.db.submit(("draft", meeting_id), _save_draft, meeting_id, body, role)

    def draft(self, meeting_id: str) -> tuple[str, str] | None:
        r = self.db.conn.execute("SELECT body, speaker_role FROM note_drafts WHERE meeting_id = ?",
                                 (meeting_id,)).fetchone()
        return (r[0], r[1]) if r else None

    def free_tags(self) -> builtins.list[str]:
        """Free tags in use anywhere, most used first (for the tag filter)."""
        fixed = {t.value for t in Tag}
        return [r[0] for r in self.db.query(
            "SELECT tag FROM note_tags GROUP BY tag ORDER BY count(*) DESC, tag")
            if r[0] not in fixed]
