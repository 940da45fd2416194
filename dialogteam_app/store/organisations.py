"""Huvudmän with their contact persons and skolenheter."""

from __future__ import annotations

import builtins
from collections import Counter

from ..domain.organisations import (
    ContactPerson,
    Organiser,
    OrganiserKind,
    SchoolUnit,
    check_contact,
    check_organiser,
    check_school_unit,
    normalize_grade_span,
)
from ..domain.orgnr import normalize_orgnr
from ..domain.sorting import swedish_key
from . import rows
from .cascade import cascade_counts
from .connection import sqlite3
from .database import Database
from .evidence_links import guarded_delete
from .rows import stored_int, stored_optional_int


def _organiser(r: sqlite3.Row) -> Organiser:
    return Organiser(id=r["id"], name=r["name"], kind=OrganiserKind(r["kind"]),
                     org_number=r["org_number"], address=r["address"], phone=r["phone"],
                     email=r["email"], notes=r["notes"])


def _contact(r: sqlite3.Row) -> ContactPerson:
    return ContactPerson(id=r["id"], organiser_id=r["organiser_id"], name=r["name"],
                         role=r["role"], email=r["email"], phone=r["phone"],
                         primary=bool(r["is_primary"]), position=stored_int(r["position"]))


def _unit(r: sqlite3.Row) -> SchoolUnit:
    return SchoolUnit(id=r["id"], organiser_id=r["organiser_id"], name=r["name"],
                      school_type=r["school_type"], grade_span=r["grade_span"],
                      principal=r["principal"],
                      student_count=stored_optional_int(r["student_count"]),
                      unit_code=r["unit_code"], position=stored_int(r["position"]))


def _set_primary(conn: sqlite3.Connection, contact_id: str, organiser_id: str) -> None:
    conn.execute("UPDATE contact_persons SET is_primary = (id = ?) WHERE organiser_id = ?",
                 (contact_id, organiser_id))


class Organisers:
    def __init__(self, db: Database):
        self.db = db

    # -- huvudmän -----------------------------------------------------------------
    def list(self) -> list[Organiser]:
        found = [_organiser(r) for r in self.db.query("SELECT * FROM organisers")]
        return sorted(found, key=lambda o: swedish_key(o.name))

    def get(self, organiser_id: str) -> Organiser | None:
        r = self.db.conn.execute("SELECT * FROM organisers WHERE id = ?", (organiser_id,)).fetchone()
        return _organiser(r) if r else None

    def save(self, o: Organiser, *, wait: bool = True) -> None:
        check_organiser(o)
        values = dict(id=o.id, name=o.name.strip(), kind=o.kind.value,
                      org_number=normalize_orgnr(o.org_number) or "",
                      address=o.address.strip(), phone=o.phone.strip(),
                      email=o.email.strip(), notes=o.notes)
        self.db.upsert("organisers", values, wait=wait)

    def delete(self, organiser_id: str) -> None:
        self.db.write(guarded_delete, "organisers", organiser_id)

    def deletion_impact(self, organiser_id: str) -> Counter[str]:
        return cascade_counts(self.db.conn, "organisers", organiser_id)

    # -- contact persons -----------------------------------------------------------
    def contacts(self, organiser_id: str) -> builtins.list[ContactPerson]:
        return [_contact(r) for r in self.db.query(
            "SELECT * FROM contact_persons WHERE organiser_id = ? ORDER BY position, name",
            (organiser_id,))]

    def primary_contact(self, organiser_id: str) -> ContactPerson | None:
        """The main contact, else the first contact with an e-mail address."""
        contacts = self.contacts(organiser_id)
        return (next((c for c in contacts if c.primary), None)
                or next((c for c in contacts if c.email), None))

    def save_contact(self, c: ContactPerson, *, wait: bool = True) -> None:
        check_contact(c)
        values = dict(id=c.id, organiser_id=c.organiser_id, name=c.name.strip(),
                      role=c.role.strip(), email=c.email.strip(), phone=c.phone.strip(),
                      is_primary=int(c.primary), position=c.position)
        if c.primary:  # only one main contact per huvudman, changed together
            def save(conn: sqlite3.Connection) -> None:
                rows.upsert(conn, "contact_persons", values)
                _set_primary(conn, c.id, c.organiser_id)
            self.db.write(save)
        else:
            self.db.upsert("contact_persons", values, wait=wait)

    def delete_contact(self, contact_id: str) -> None:
        self.db.delete("contact_persons", contact_id)

    # -- skolenheter ---------------------------------------------------------------------
    def units(self, organiser_id: str) -> builtins.list[SchoolUnit]:
        return [_unit(r) for r in self.db.query(
            "SELECT * FROM school_units WHERE organiser_id = ? ORDER BY position, name",
            (organiser_id,))]

    def get_unit(self, unit_id: str) -> SchoolUnit | None:
        r = self.db.conn.execute("SELECT * FROM school_units WHERE id = ?", (unit_id,)).fetchone()
        return _unit(r) if r else None

    def save_unit(self, u: SchoolUnit, *, wait: bool = True) -> None:
        check_school_unit(u)
        values = dict(id=u.id, organiser_id=u.organiser_id, name=u.name.strip(),
                      school_type=u.school_type, grade_span=normalize_grade_span(u.grade_span),
                      principal=u.principal.strip(), student_count=u.student_count,
                      unit_code=u.unit_code.strip(), position=u.position)
        self.db.upsert("school_units", values, wait=wait)

    def delete_unit(self, unit_id: str) -> None:
        self.db.write(guarded_delete, "school_units", unit_id)

    def unit_deletion_impact(self, unit_id: str) -> Counter[str]:
        return cascade_counts(self.db.conn, "school_units", unit_id)

    def next_position(self, table: str, organiser_id: str) -> int:
        assert table in ("contact_persons", "school_units")
        r = self.db.conn.execute(
            f"SELECT coalesce(max(position) + 1, 0) FROM {table} WHERE organiser_id = ?",
            (organiser_id,)).fetchone()
        position: int = r[0]
        return position
