"""Checks for single values: text, dates, numbers, e-mail, phone.

Each check returns a Swedish error message or None, so record validators can
collect every problem at once instead of stopping at the first.
"""

from __future__ import annotations

import re
from datetime import date

SHORT_TEXT_MAX = 300
LONG_TEXT_MAX = 50_000

# Patterns kept as text: `re` compiles each at its first use and caches it; compiled at
# import, every start paid for all of the domain's (~1 ms).
# Tab, newline and carriage return are text; other control characters come from
# broken files or binary pastes and would corrupt exports.
_CONTROL_CHARS = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
_ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
_EMAIL = r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$"
_PHONE = r"^[0-9+\-() ]+$"


def check_text(value: str, label: str, *, required: bool = False,
               max_len: int = SHORT_TEXT_MAX) -> str | None:
    if not isinstance(value, str):
        return f"{label} måste vara text."
    if required and not value.strip():
        return f"{label} får inte vara tom."
    if len(value) > max_len:
        return f"{label} är för lång ({_grouped(len(value))} tecken, högst {_grouped(max_len)})."
    if re.search(_CONTROL_CHARS, value):
        return f"{label} innehåller otillåtna styrtecken."
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from a broken paste or file
        return f"{label} innehåller trasiga tecken."
    return None


def _grouped(n: int) -> str:
    """12345 -> '12 345' with a no-break space, the Swedish way."""
    return f"{n:,}".replace(",", "\u00a0")


def parse_date(value: str) -> date | None:
    """A strict YYYY-MM-DD date, or None if the text is not one."""
    if not isinstance(value, str) or not re.match(_ISO_DATE, value.strip()):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def check_date(value: str, label: str, *, required: bool = False) -> str | None:
    if not value:
        return f"{label} måste anges." if required else None
    parsed = parse_date(value)
    if parsed is None:
        if isinstance(value, str) and re.match(_ISO_DATE, value.strip()):
            return f"{label}: {value} är inget giltigt datum."
        return f"{label} ska skrivas ÅÅÅÅ-MM-DD, till exempel 2026-05-15."
    year = parsed.year
    if not 1990 <= year <= 2100:
        return f"{label}: året {year} är orimligt."
    return None


def check_period(start: str, end: str, label: str) -> str | None:
    """Both dates are checked on their own elsewhere; here only their order."""
    s, e = parse_date(start), parse_date(end)
    if s and e and e < s:
        return f"{label}: slutdatum {end} ligger före startdatum {start}."
    return None


def check_int(value: object, label: str, *, minimum: int = 0, maximum: int = 10**9,
              required: bool = False) -> str | None:
    if value is None or value == "":
        return f"{label} måste anges." if required else None
    if isinstance(value, bool) or not isinstance(value, int):
        return f"{label} måste vara ett heltal."
    if value < minimum:
        if minimum == 0:
            return f"{label} kan inte vara negativt."
        return f"{label} måste vara minst {minimum}."
    if value > maximum:
        return f"{label} är orimligt stort (högst {_grouped(maximum)})."
    return None


def parse_int(text: str) -> int | None:
    """Whole number typed by a user, allowing Swedish thousands spaces."""
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text or "")
    if not re.fullmatch(r"-?\d+", cleaned):
        return None
    return int(cleaned)


def check_email(value: str, label: str = "E-post") -> str | None:
    if not value:
        return None
    if len(value) > 254 or not re.match(_EMAIL, value.strip()):
        return f"{label}: {value!s:.60} är ingen giltig e-postadress."
    return None


def check_phone(value: str, label: str = "Telefon") -> str | None:
    if not value:
        return None
    digits = sum(ch.isdigit() for ch in value)
    if len(value) > 40 or not re.match(_PHONE, value) or digits < 5:
        return f"{label}: {value!s:.40} är inget giltigt telefonnummer."
    return None
