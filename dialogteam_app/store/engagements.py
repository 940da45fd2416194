"""Engagements (samverkan), their selected skolenheter and key dates."""

from __future__ import annotations

import builtins
from collections import Counter

from ..domain.engagement import (
    Engagement,
    KeyDate,
    KeyDateKind,
    Phase,
    check_engagement,
    check_key_date,
)
from ..domain.sorting import swedish_key
from . import rows
from .cascade import cascade_counts
from .connection import sqlite3
from .database import Database
from .evidence_links import guarded_delete


def _engagement(r: sqlite3.Row, unit_ids: list[str]) -> Engagement:
    return Engagement(id=r["id"], organiser_id=r["organiser_id"], title=r["title"], dnr=r["dnr"],
                      phase=Phase(r["phase"]), responsible_id=r["responsible_id"],
                      notes=r["notes"], school_unit_ids=unit_ids)


def _key_date(r: sqlite3.Row) -> KeyDate:
    return KeyDate(id=r["id"], engagement_id=r["engagement_id"], kind=KeyDateKind(r["kind"]),
                   date=r["date"], note=r["note"])


def _save(conn: sqlite3.Connection, values: rows.Values, unit_ids: list[str]) -> None:
    rows.upsert(conn, "engagements", values)
    rows.check_units_belong(conn, unit_ids, values["organiser_id"])
    rows.replace_links(conn, "engagement_units", "engagement_id", "school_unit_id",
                       values["id"], unit_ids)


class Engagements:
    def __init__(self, db: Database):
        self.db = db

    def _unit_ids(self, where: str = "", args: tuple[str, ...] = ()) -> dict[str, list[str]]:
        """The skolenheter of the engagements `where` selects (all when empty), in their
        order, by engagement: one query for a whole list (one per engagement made opening
        the search page stall at 100 000 notes and many engagements)."""
        found: dict[str, list[str]] = {}
        for r in self.db.query(
                "SELECT eu.engagement_id, eu.school_unit_id FROM engagement_units eu "
                "JOIN school_units su ON su.id = eu.school_unit_id "
                f"{where} ORDER BY su.position, su.name", args):
            found.setdefault(r[0], []).append(r[1])
        return found

    def list(self, organiser_id: str | None = None) -> list[Engagement]:
        if organiser_id is None:
            found = self.db.query("SELECT * FROM engagements")
        else:
            found = self.db.query("SELECT * FROM engagements WHERE organiser_id = ?",
                                  (organiser_id,))
        units = self._unit_ids() if organiser_id is None else self._unit_ids(
            "JOIN engagements e ON e.id = eu.engagement_id WHERE e.organiser_id = ?",
            (organiser_id,))
        result = [_engagement(r, units.get(r["id"], [])) for r in found]
        return sorted(result, key=lambda e: (swedish_key(e.title), e.dnr))

    def list_with_organiser(self) -> builtins.list[tuple[Engagement, str]]:
        """Every engagement with its huvudman's name, sorted by that name."""
        names = {r["id"]: r["name"] for r in self.db.query("SELECT id, name FROM organisers")}
        pairs = [(e, names[e.organiser_id]) for e in self.list()]
        return sorted(pairs, key=lambda p: (swedish_key(p[1]), swedish_key(p[0].title)))

    def get(self, engagement_id: str) -> Engagement | None:
        r = self.db.conn.execute("SELECT * FROM engagements WHERE id = ?",
                                 (engagement_id,)).fetchone()
        if r is None:
            return None
        units = self._unit_ids("WHERE eu.engagement_id = ?", (engagement_id,))
        return _engagement(r, units.get(engagement_id, []))

    def find(self, id_or_prefix: str) -> Engagement | None:
        """By full id or a unique prefix of it, as printed by `dialogteam list`."""
        prefix = id_or_prefix.strip().lower()
        if not prefix:
            return None
        found = self.db.query("SELECT id FROM engagements WHERE id LIKE ? || '%' LIMIT 2",
                              (prefix,))
        return self.get(found[0][0]) if len(found) == 1 else None

    def save(self, e: Engagement, *, wait: bool = True) -> None:
        check_engagement(e)
        values = dict(id=e.id, organiser_id=e.organiser_id, title=e.title.strip(),
                      dnr=e.dnr.strip(), phase=e.phase.value, responsible_id=e.responsible_id or None,
                      notes=e.notes)
        units = list(e.school_unit_ids)
        if wait:
            self.db.write(_save, values, units)
        else:
            self.db.submit(("engagements", e.id), _save, values, units)

    def delete(self, engagement_id: str) -> None:
        self.db.write(guarded_delete, "engagements", engagement_id)

    def deletion_impact(self, engagement_id: str) -> Counter[str]:
        return cascade_counts(self.db.conn, "engagements", engagement_id)

    # -- key dates -------------------------------------------------------------------
    def key_dates(self, engagement_id: str) -> builtins.list[KeyDate]:
        return [_key_date(r) for r in self.db.query(
            "SELECT * FROM key_dates WHERE engagement_id = ? ORDER BY date, kind",
            (engagement_id,))]

    def save_key_date(self, d: KeyDate, *, wait: bool = True) -> None:
        check_key_date(d)
        values = dict(id=d.id, engagement_id=d.engagement_id, kind=d.kind.value,
                      date=d.date.strip(), note=d.note.strip())
        self.db.upsert("key_dates", values, wait=wait)

    def delete_key_date(self, key_date_id: str) -> None:
        self.db.delete("key_dates", key_date_id)
