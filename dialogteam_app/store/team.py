"""Processtödjare."""

from __future__ import annotations

from ..domain.sorting import swedish_key
from ..domain.team import Supporter, check_supporter
from .connection import sqlite3
from .database import Database


def _from_row(r: sqlite3.Row) -> Supporter:
    return Supporter(id=r["id"], name=r["name"], team=r["team"], email=r["email"], phone=r["phone"])


class Supporters:
    def __init__(self, db: Database):
        self.db = db

    def list(self) -> list[Supporter]:
        found = [_from_row(r) for r in self.db.query("SELECT * FROM supporters")]
        return sorted(found, key=lambda s: swedish_key(s.name))

    def get(self, supporter_id: str) -> Supporter | None:
        r = self.db.conn.execute("SELECT * FROM supporters WHERE id = ?", (supporter_id,)).fetchone()
        return _from_row(r) if r else None

    def save(self, s: Supporter, *, wait: bool = True) -> None:
        check_supporter(s)
        values = dict(id=s.id, name=s.name.strip(), team=s.team.strip(),
                      email=s.email.strip(), phone=s.phone.strip())
        self.db.upsert("supporters", values, wait=wait)

    def delete(self, supporter_id: str) -> None:
        self.db.delete("supporters", supporter_id)
