"""Frozen versions of a plan, one per export."""

from __future__ import annotations

from ..domain.ids import new_id, utc_now
from ..domain.plan_document import PlanDocument, PlanVersion
from .connection import sqlite3
from .database import Database
from .rows import stored_int


def _freeze(conn: sqlite3.Connection, engagement_id: str, document: PlanDocument, recipient: str,
            file_name: str) -> PlanVersion:
    # A stored non-number (`check` reports it) would be max() and clash with version 1.
    number = conn.execute("SELECT coalesce(max(CASE WHEN typeof(number) = 'integer' "
                          "THEN number END), 0) + 1 FROM plan_versions "
                          "WHERE engagement_id = ?", (engagement_id,)).fetchone()[0]
    document.version = number
    version = PlanVersion(id=new_id(), engagement_id=engagement_id, number=number,
                          created_at=utc_now(), document=document, recipient=recipient,
                          file_name=file_name)
    conn.execute("INSERT INTO plan_versions (id, engagement_id, number, created_at, recipient, "
                 "file_name, document, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 (version.id, engagement_id, number, version.created_at, recipient, file_name,
                  document.to_json(), version.created_at))
    return version


def _version(r: sqlite3.Row) -> PlanVersion:
    return PlanVersion(id=r["id"], engagement_id=r["engagement_id"],
                       number=stored_int(r["number"]),
                       created_at=r["created_at"], recipient=r["recipient"],
                       file_name=r["file_name"], document=PlanDocument.from_json(r["document"]))


class PlanVersions:
    def __init__(self, db: Database):
        self.db = db

    def list(self, engagement_id: str) -> list[PlanVersion]:
        """Newest first."""
        return [_version(r) for r in self.db.query(
            "SELECT * FROM plan_versions WHERE engagement_id = ? ORDER BY number DESC",
            (engagement_id,))]

    def latest(self, engagement_id: str) -> PlanVersion | None:
        found = self.list(engagement_id)
        return found[0] if found else None

    def next_number(self, engagement_id: str) -> int:
        number: int = self.db.conn.execute(
            "SELECT coalesce(max(number), 0) + 1 FROM plan_versions WHERE engagement_id = ?",
            (engagement_id,)).fetchone()[0]
        return number

    def freeze(self, engagement_id: str, document: PlanDocument, recipient: str = "",
               file_name: str = "") -> PlanVersion:
        """Store what was exported; the document gets the version's number."""
        version: PlanVersion = self.db.write(_freeze, engagement_id, document, recipient, file_name)
        return version
