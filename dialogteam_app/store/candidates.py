"""Candidate interventions of the analysis, linked to the causes they address."""

from __future__ import annotations

import builtins
import json
from collections import Counter

from ..domain.analysis import Candidate, check_candidate
from ..domain.errors import FieldError, ValidationError
from . import rows
from .cascade import cascade_counts
from .connection import sqlite3
from .database import Database
from .rows import stored_int


def check_same_engagement(conn: sqlite3.Connection, table: str, record_id: str | None,
                          engagement_id: str, what: str) -> None:
    """A link may only point inside its own engagement (table has engagement_id)."""
    if record_id is None:
        return
    r = conn.execute(f"SELECT engagement_id FROM {table} WHERE id = ?", (record_id,)).fetchone()
    if r is None:
        raise ValidationError(FieldError(table, f"{what} finns inte längre."))
    if r[0] != engagement_id:
        raise ValidationError(FieldError(table, f"{what} hör till en annan samverkan."))


def _candidate(r: sqlite3.Row, cause_ids: list[str]) -> Candidate:
    return Candidate(id=r["id"], engagement_id=r["engagement_id"], title=r["title"],
                     description=r["description"], cause_ids=cause_ids,
                     factors=rows.stored_list(r["factors"]), note_id=r["note_id"],
                     position=stored_int(r["position"]))


def _save(conn: sqlite3.Connection, values: rows.Values, cause_ids: list[str]) -> None:
    check_same_engagement(conn, "notes", values["note_id"], values["engagement_id"],
                          "Anteckningen")
    if cause_ids:
        foreign = conn.execute(
            f"SELECT count(*) FROM causes c JOIN problems p ON p.id = c.problem_id "
            f"WHERE c.id IN ({','.join('?' * len(cause_ids))}) AND p.engagement_id = ?",
            (*cause_ids, values["engagement_id"])).fetchone()[0]
        if foreign != len(cause_ids):
            raise ValidationError(FieldError(
                "cause_ids", "En vald orsak finns inte längre eller hör till en annan samverkan."))
    rows.upsert(conn, "candidates", values)
    conn.execute("DELETE FROM candidate_causes WHERE candidate_id = ?", (values["id"],))
    conn.executemany("INSERT INTO candidate_causes (candidate_id, cause_id) VALUES (?, ?)",
                     [(values["id"], c) for c in cause_ids])


def load_candidates(db: Database, engagement_id: str) -> list[Candidate]:
    links: dict[str, list[str]] = {}
    for r in db.query("SELECT cc.candidate_id, cc.cause_id FROM candidate_causes cc "
                      "JOIN candidates k ON k.id = cc.candidate_id "
                      "JOIN causes c ON c.id = cc.cause_id JOIN problems p ON p.id = c.problem_id "
                      "WHERE k.engagement_id = ? ORDER BY p.priority, c.position, c.rowid",
                      (engagement_id,)):
        links.setdefault(r[0], []).append(r[1])
    return [_candidate(r, links.get(r["id"], [])) for r in db.query(
        "SELECT * FROM candidates WHERE engagement_id = ? ORDER BY position, rowid",
        (engagement_id,))]


class Candidates:
    def __init__(self, db: Database):
        self.db = db

    def list(self, engagement_id: str) -> list[Candidate]:
        return load_candidates(self.db, engagement_id)

    def get(self, candidate_id: str) -> Candidate | None:
        r = self.db.conn.execute("SELECT engagement_id FROM candidates WHERE id = ?",
                                 (candidate_id,)).fetchone()
        if r is None:
            return None
        return next(c for c in self.list(r[0]) if c.id == candidate_id)

    def save(self, c: Candidate, *, wait: bool = True) -> None:
        check_candidate(c)
        values = dict(id=c.id, engagement_id=c.engagement_id, title=c.title.strip(),
                      description=c.description.strip(),
                      factors=json.dumps(list(dict.fromkeys(c.factors))),
                      note_id=c.note_id, position=c.position)
        causes = list(dict.fromkeys(c.cause_ids))
        if wait:
            self.db.write(_save, values, causes)
        else:
            self.db.submit(("candidates", c.id), _save, values, causes)

    def delete(self, candidate_id: str) -> None:
        self.db.delete("candidates", candidate_id)

    def deletion_impact(self, candidate_id: str) -> Counter[str]:
        return cascade_counts(self.db.conn, "candidates", candidate_id)

    def next_position(self, engagement_id: str) -> int:
        position: int = self.db.conn.execute(
            "SELECT coalesce(max(position) + 1, 0) FROM candidates WHERE engagement_id = ?",
            (engagement_id,)).fetchone()[0]
        return position

    def reorder(self, ids: builtins.list[str]) -> None:
        self.db.write(rows.reorder, "candidates", ids)
