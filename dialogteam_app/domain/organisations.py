"""Huvudman (school organiser), its contact persons and its skolenheter."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import rules
from .coded import UNKNOWN_VALUE, Coded
from .errors import FieldError, raise_if
from .fields import LONG_TEXT_MAX, check_email, check_phone
from .ids import new_id
from .orgnr import check_orgnr


class OrganiserKind(Coded):
    KOMMUN = "kommun"
    ENSKILD = "enskild"

    @property
    def label(self) -> str:
        return {"kommun": "Kommunal huvudman", "enskild": "Enskild huvudman"}.get(self.value, UNKNOWN_VALUE)


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

# Patterns kept as text, compiled at first use (why: fields.py).
# "F-6", "4-6", "7-9", "1-3", "F", "9"; a Swedish en dash is accepted too.
_GRADE_SPAN = r"^(F|[1-9]|10)(?:\s*[-–]\s*([1-9]|10))?$"
_UNIT_CODE = r"^\d{8}$"


@dataclass
class ContactPerson:
    """A person to contact at the huvudman."""
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
    """A skolenhet of the huvudman."""
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
    """A huvudman: a kommun or an independent organiser."""
    name: str
    kind: OrganiserKind = OrganiserKind.KOMMUN
    org_number: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    notes: str = ""
    id: str = field(default_factory=new_id)


def normalize_grade_span(text: str) -> str:
    m = re.match(_GRADE_SPAN, (text or "").strip(), re.IGNORECASE)
    if not m:
        return (text or "").strip()
    start, end = m.group(1).upper(), m.group(2)
    return f"{start}-{end}" if end else start


def check_grade_span(text: str) -> str | None:
    if not text:
        return None
    m = re.match(_GRADE_SPAN, text.strip(), re.IGNORECASE)
    if not m:
        return "Årskurser skrivs som F-6, 4-6 eller 7-9."
    start, end = m.group(1).upper(), m.group(2)
    first = 0 if start == "F" else int(start)
    if end is not None and int(end) < first:
        return f"Årskurser: {text} börjar efter att det slutar."
    return None


def _school_type(value: str) -> str | None:
    return None if value in SCHOOL_TYPES else f"Okänd skolform: {value!s:.40}."


def _unit_code(value: str) -> str | None:
    return None if not value or re.match(_UNIT_CODE, value) else "Skolenhetskoden ska vara 8 siffror."


ORGANISER_RULES = rules.record(
    "organisers",
    name=rules.text("Namn", required=True),
    kind=rules.choice("Typ av huvudman", OrganiserKind),
    org_number=rules.custom("Organisationsnummer", "orgnr", check_orgnr),
    address=rules.text("Adress"),
    phone=rules.custom("Telefon", "phone", check_phone),
    email=rules.custom("E-post", "email", check_email),
    notes=rules.text("Anteckningar", max_len=LONG_TEXT_MAX))

CONTACT_RULES = rules.record(
    "contact_persons",
    organiser_id=rules.ref("Huvudman"),
    name=rules.text("Namn", required=True),
    role=rules.text("Roll"),
    email=rules.custom("E-post", "email", check_email),
    phone=rules.custom("Telefon", "phone", check_phone),
    is_primary=rules.flag("Huvudkontakt"),
    position=rules.whole("Ordning"))

SCHOOL_UNIT_RULES = rules.record(
    "school_units",
    organiser_id=rules.ref("Huvudman"),
    name=rules.text("Namn", required=True),
    school_type=rules.custom("Skolform", "choice", _school_type),
    grade_span=rules.custom("Årskurser", "text", check_grade_span),
    principal=rules.text("Rektor"),
    student_count=rules.whole("Antal elever", maximum=20_000, optional=True),
    unit_code=rules.custom("Skolenhetskod", "text", _unit_code),
    position=rules.whole("Ordning"))


def validate_organiser(o: Organiser) -> list[FieldError]:
    return ORGANISER_RULES.errors({"name": o.name, "kind": o.kind, "org_number": o.org_number,
                                   "address": o.address, "phone": o.phone, "email": o.email,
                                   "notes": o.notes})


def validate_contact(c: ContactPerson) -> list[FieldError]:
    return CONTACT_RULES.errors({"name": c.name, "role": c.role, "email": c.email,
                                 "phone": c.phone})


def validate_school_unit(u: SchoolUnit) -> list[FieldError]:
    return SCHOOL_UNIT_RULES.errors({
        "name": u.name, "school_type": u.school_type, "grade_span": u.grade_span,
        "principal": u.principal, "student_count": u.student_count, "unit_code": u.unit_code})


def check_organiser(o: Organiser) -> None:
    raise_if(validate_organiser(o))


def check_contact(c: ContactPerson) -> None:
    raise_if(validate_contact(c))


def check_school_unit(u: SchoolUnit) -> None:
    raise_if(validate_school_unit(u))
