"""Field rules: what a column may hold, declared once per table next to its dataclass.

A `TableRules` maps every column of a table to a `Rule`. The domain's validators
(used by the window), the store (every row it writes), the package importer and
`dialogteam check` all ask the same rule, so a name the window refuses at 301
characters is refused by an import too. Rules never raise: any value, of any
type, straight from SQLite or from a colleague's JSON, gets a Swedish message or
None. domain/rule_registry.py collects the tables.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from .coded import known_values
from .errors import FieldError
from .fields import SHORT_TEXT_MAX, check_date, check_int, check_text

Check = Callable[[object], "str | None"]
# Patterns kept as text, compiled at first use (why: fields.py).
_HEX_ID = r"^[0-9a-f]{32}$"
MAX_REAL = 1e12     # no key figure or amount comes near; keeps inf and 1e400 out


@dataclass(frozen=True)
class Rule:
    """One field's limits: the check the window, the store, the importer and `check` share."""
    label: str          # Swedish, as the window names the field
    kind: str           # text, choice, date, number, id, ... (for the docs and tests)
    check: Check
    enum: type[Enum] | None = None     # choices: the list the value comes from

    def problem(self, value: object) -> str | None:
        try:
            return self.check(value)
        except (TypeError, ValueError, KeyError, AttributeError, OverflowError):
            return f"{self.label}: {str(value)[:40]!r} är inget giltigt värde."


def text(label: str, *, max_len: int = SHORT_TEXT_MAX, required: bool = False) -> Rule:
    return Rule(label, "text",
                lambda v: check_text(v, label, required=required, max_len=max_len))  # type: ignore[arg-type]


def choice(label: str, enum: type[Enum], *, optional: bool = False) -> Rule:
    """One of the enum's values ("" too when optional)."""
    allowed = known_values(enum)

    def check(v: object) -> str | None:
        if optional and v in ("", None):
            return None
        if isinstance(v, str) and v in allowed:
            return None
        return f"{label}: {str(v)[:40]!r} är inget av programmets värden."
    return Rule(label, "choice", check, enum)


def choice_list(label: str, enum: type[Enum]) -> Rule:
    """A JSON list of the enum's values, as a TEXT column holds it."""
    allowed = known_values(enum)

    def check(v: object) -> str | None:
        import json  # at the first check: nothing on the way to the first window reads JSON
        values = json.loads(v) if isinstance(v, str) else v
        if isinstance(values, list) and all(isinstance(x, str) and x in allowed for x in values):
            return None
        return f"{label}: {str(v)[:40]!r} är ingen lista av programmets värden."
    return Rule(label, "choices", check, enum)


def text_list(label: str, *, max_len: int = 2000) -> Rule:
    """A JSON list of texts (a TEXT column holding several lines of one field)."""
    def check(v: object) -> str | None:
        import json
        values = json.loads(v) if isinstance(v, str) else v
        if not isinstance(values, list):
            return f"{label}: {str(v)[:40]!r} är ingen lista av texter."
        return next((p for x in values if (p := check_text(x, label, max_len=max_len))), None)
    return Rule(label, "text", check)


def date(label: str, *, required: bool = False) -> Rule:
    def check(v: object) -> str | None:
        if not isinstance(v, str):
            return f"{label} ska skrivas ÅÅÅÅ-MM-DD, till exempel 2026-05-15."
        return check_date(v, label, required=required)
    return Rule(label, "date", check)


def timestamp(label: str) -> Rule:
    """A point in time as ISO 8601 text (what utc_now and now_stamp write)."""
    def check(v: object) -> str | None:
        if isinstance(v, str) and len(v) <= 40 and v[:4].isdigit() \
                and 1990 <= datetime.fromisoformat(v).year <= 2100:
            return None
        return f"{label}: {str(v)[:40]!r} är ingen tidpunkt."
    return Rule(label, "timestamp", check)


def whole(label: str, *, minimum: int = 0, maximum: int = 10**9,
          optional: bool = False) -> Rule:
    def check(v: object) -> str | None:
        if v is None:
            return None if optional else f"{label} måste anges."
        return check_int(v, label, minimum=minimum, maximum=maximum, required=True)
    return Rule(label, "number", check)


def flag(label: str) -> Rule:
    return Rule(label, "flag",
                lambda v: None if v in (0, 1) and not isinstance(v, float)
                else f"{label} ska vara ja eller nej.")


def number(label: str, *, optional: bool = False) -> Rule:
    def check(v: object) -> str | None:
        if v is None:
            return None if optional else f"{label} måste anges."
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            return f"{label} måste vara ett tal."
        if not math.isfinite(v) or abs(v) > MAX_REAL:
            return f"{label} är orimligt stort."
        return None
    return Rule(label, "number", check)


def ref(label: str, *, optional: bool = False) -> Rule:
    """A record's id, or a link to one (32 hex digits)."""
    def check(v: object) -> str | None:
        if v is None and optional:
            return None
        if isinstance(v, str) and re.match(_HEX_ID, v):
            return None
        return f"{label}: {str(v)[:40]!r} är inget giltigt id."
    return Rule(label, "id", check)


def custom(label: str, kind: str, check: Callable[[str], str | None]) -> Rule:
    """A rule the domain already has as a function of text (e-mail, orgnr, time …)."""
    return Rule(label, kind,
                lambda v: check(v) if isinstance(v, str) else f"{label} måste vara text.")


PER_OWNER_MAX = 1000    # links of one record (skolenheter of a samverkan …)


@dataclass(frozen=True)
class TableRules:
    """The field rules of one table's columns."""
    table: str
    columns: Mapping[str, Rule]
    max_per_owner: int | None = None    # link tables: rows one owner may have

    def problem(self, column: str, value: object) -> str | None:
        rule = self.columns.get(column)
        return rule.problem(value) if rule else None

    def errors(self, values: Mapping[str, object]) -> list[FieldError]:
        """The problems of the given columns, as the window shows them."""
        found = ((c, self.problem(c, v)) for c, v in values.items())
        return [FieldError(c, p) for c, p in found if p]


def record(table: str, **columns: Rule) -> TableRules:
    """A record table: `id` and `updated_at` besides the declared columns."""
    return TableRules(table, {"id": ref("Id"), **columns,
                              "updated_at": timestamp("Senast ändrad")})


def link(table: str, *, max_per_owner: int = PER_OWNER_MAX, **columns: Rule) -> TableRules:
    """A link table; an owner (its first key column) has at most max_per_owner rows."""
    return TableRules(table, dict(columns), max_per_owner)
