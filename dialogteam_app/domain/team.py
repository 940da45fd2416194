"""Processtödjare and their dialogue team."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import rules
from .errors import FieldError, raise_if
from .fields import check_email, check_phone
from .ids import new_id


@dataclass
class Supporter:
    """A processtödjare of the team."""
    name: str
    team: str = ""
    email: str = ""
    phone: str = ""
    id: str = field(default_factory=new_id)


SUPPORTER_RULES = rules.record(
    "supporters",
    name=rules.text("Namn", required=True),
    team=rules.text("Team"),
    email=rules.custom("E-post", "email", check_email),
    phone=rules.custom("Telefon", "phone", check_phone))


def validate_supporter(s: Supporter) -> list[FieldError]:
    return SUPPORTER_RULES.errors({"name": s.name, "team": s.team, "email": s.email,
                                   "phone": s.phone})


def check_supporter(s: Supporter) -> None:
    raise_if(validate_supporter(s))
