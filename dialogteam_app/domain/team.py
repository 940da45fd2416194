"""Processtödjare and their dialogue team."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import FieldError, raise_if
from .fields import check_email, check_phone, check_text
from .ids import new_id


@dataclass
class Supporter:
    name: str
    team: str = ""
    email: str = ""
    phone: str = ""
    id: str = field(default_factory=new_id)


def validate_supporter(s: Supporter) -> list[FieldError]:
    checks = {
        "name": check_text(s.name, "Namn", required=True),
        "team": check_text(s.team, "Team"),
        "email": check_email(s.email),
        "phone": check_phone(s.phone),
    }
    return [FieldError(k, v) for k, v in checks.items() if v]


def check_supporter(s: Supporter) -> None:
    raise_if(validate_supporter(s))
