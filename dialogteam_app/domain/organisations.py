"""Huvudman (school organiser), its contact persons and its skolenheter."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from .errors import FieldError, raise_if
from .fields import LONG_TEXT_MAX, check_email, check_int, check_phone, check_text
from .ids import new_id
from .orgnr import check_orgnr


class OrganiserKind(str, Enum):
    KOMMUN = "kommun"
    ENSKILD = "enskild"

    @property
    def label(self) -> str:
        return {"kommun": "Kommunal huvudman", "enskild": "Enskild huvudman"}[self.value]


SCHOOL_TYPES = (
    "Grundskola",
    "Anpassad grundskola",
    "Gymnasieskola",
    "Anpassad gymnasieskola",
    "Förskoleklass",
    "Fritidshem",
    "Specialskola",
    "Sameskola",
    "Förskola",
)

CONTACT_ROLES = (
    "Förvaltningschef",
    "Skolchef",
    "Utbildningschef",
    "Nämndordförande",
    "Verksamhetschef",
    "Rektor",
    "Kvalitetsutvecklare",
    "Kontaktperson",
)

# "F-6", "4-6", "7-9", "1-3", "F", "9"; a Swedish en dash is accepted too.
_GRADE_SPAN = re.compile(r"^(F|[1-9]|10)(?:\s*[-–]\s*([1-9]|10))?$", re.IGNORECASE)
_UNIT_CODE = re.compile(r"^\d{8}$")


@dataclass
class ContactPerson:
    organiser_id: str
    name: str
    role: str = ""
    email: str = ""
    phone: str = ""
    primary: bool = False  # the huvudman's main contact, first recipient of the plan
    position: int = 0
    id: str = field(default_factory=new_id)


@dataclass
class SchoolUnit:
    organiser_id: str
    name: str
    school_type: str = "Grundskola"
    grade_span: str = ""
    principal: str = ""
    student_count: int | None = None
    unit_code: str = ""  # skolenhetskod, 8 digits, optional
    position: int = 0
    id: str = field(default_factory=new_id)

    @property
    def display_name(self) -> str:
        """Units are named with their grade span, as in 'Alftaskolan F-6'."""
        if self.grade_span and not self.name.endswith(self.grade_span):
            return f"{self.name} {self.grade_span}"
        return self.name


@dataclass
class Organiser:
    name: str
    kind: OrganiserKind = OrganiserKind.KOMMUN
    org_number: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    notes: str = ""
    id: str = field(default_factory=new_id)


def normalize_grade_span(text: str) -> str:
    m = _GRADE_SPAN.match((text or "").strip())
    if not m:
        return (text or "").strip()
    start, end = m.group(1).upper(), m.group(2)
    return f"{start}-{end}" if end else start


def check_grade_span(text: str) -> str | None:
    if not text:
        return None
    m = _GRADE_SPAN.match(text.strip())
    if not m:
        return "Årskurser skrivs som F-6, 4-6 eller 7-9."
    start, end = m.group(1).upper(), m.group(2)
    first = 0 if start == "F" else int(start)
    if end is not None and int(end) < first:
        return f"Årskurser: {text} börjar efter att det slutar."
    return None


def validate_organiser(o: Organiser) -> list[FieldError]:
    checks = {
        "name": check_text(o.name, "Namn", required=True),
        "kind": None if isinstance(o.kind, OrganiserKind) else "Okänd typ av huvudman.",
        "org_number": check_orgnr(o.org_number),
        "address": check_text(o.address, "Adress"),
        "phone": check_phone(o.phone),
        "email": check_email(o.email),
        "notes": check_text(o.notes, "Anteckningar", max_len=LONG_TEXT_MAX),
    }
    return [FieldError(k, v) for k, v in checks.items() if v]


def validate_contact(c: ContactPerson) -> list[FieldError]:
    checks = {
        "name": check_text(c.name, "Namn", required=True),
        "role": check_text(c.role, "Roll"),
        "email": check_email(c.email),
        "phone": check_phone(c.phone),
    }
    return [FieldError(k, v) for k, v in checks.items() if v]


def validate_school_unit(u: SchoolUnit) -> list[FieldError]:
    checks = {
        "name": check_text(u.name, "Namn", required=True),
        "school_type": None if u.school_type in SCHOOL_TYPES
        else f"Okänd skolform: {u.school_type!s:.40}.",
        "grade_span": check_grade_span(u.grade_span),
        "principal": check_text(u.principal, "Rektor"),
        "student_count": check_int(u.student_count, "Antal elever", maximum=20_000),
        "unit_code": None if not u.unit_code or _UNIT_CODE.match(u.unit_code)
        else "Skolenhetskoden ska vara 8 siffror.",
    }
    return [FieldError(k, v) for k, v in checks.items() if v]


def check_organiser(o: Organiser) -> None:
    raise_if(validate_organiser(o))


def check_contact(c: ContactPerson) -> None:
    raise_if(validate_contact(c))


def check_school_unit(u: SchoolUnit) -> None:
    raise_if(validate_school_unit(u))
