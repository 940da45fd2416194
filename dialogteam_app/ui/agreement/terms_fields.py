"""An insats's terms as the editor's form shows them: the responsibility lists as
text with one line per item, role duties as sentences ('Rektor ansvarar för …')."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ...domain.agreement_terms import InterventionTerms, RoleDuty, validate_terms
from ...domain.errors import FieldError

ROLE_SPLIT = " ansvarar för "


@dataclass
class TermsFields:
    id: str
    title: str = ""
    area_title: str = ""
    description: str = ""
    scope: str = ""
    start: str = ""
    end: str = ""
    organiser_duties: str = ""
    skolverket_duties: str = ""
    role_duties: str = ""


def fields_of(t: InterventionTerms) -> TermsFields:
    return TermsFields(id=t.id, title=t.title, area_title=t.area_title,
                       description=t.description, scope=t.scope, start=t.start, end=t.end,
                       organiser_duties="\n".join(t.organiser_duties),
                       skolverket_duties="\n".join(t.skolverket_duties),
                       role_duties="\n".join(d.sentence for d in t.role_duties))


def _lines(text: str) -> list[str]:
    return [line.strip().lstrip("-•").strip() for line in text.splitlines() if line.strip()]


def parse_roles(text: str) -> tuple[list[RoleDuty], str | None]:
    duties = []
    for n, line in enumerate(_lines(text), 1):
        role, found, duty = line.partition(ROLE_SPLIT)
        if not found or not role.strip() or not duty.strip():
            return [], (f"Rad {n}: skriv som '<roll> ansvarar för …', till exempel "
                        "'Rektor ansvarar för detaljplaneringen'.")
        duties.append(RoleDuty(role.strip(), duty.strip().rstrip(".")))
    return duties, None


def terms_from(f: TermsFields, base: InterventionTerms) -> InterventionTerms:
    """`base` with the form's values (the role text must parse: see validate_fields)."""
    roles, _ = parse_roles(f.role_duties)
    return dataclasses.replace(
        base, title=f.title, area_title=f.area_title, description=f.description,
        scope=f.scope, start=f.start, end=f.end, organiser_duties=_lines(f.organiser_duties),
        skolverket_duties=_lines(f.skolverket_duties), role_duties=roles)


def validate_fields(f: TermsFields, base: InterventionTerms) -> list[FieldError]:
    _, role_error = parse_roles(f.role_duties)
    errors = validate_terms(terms_from(f, base))
    return errors + ([FieldError("role_duties", role_error)] if role_error else [])
