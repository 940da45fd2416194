"""Swedish organisationsnummer: NNNNNN-NNNN with a Luhn check digit."""

from __future__ import annotations

import re

# Patterns kept as text, compiled at first use (why: fields.py).
_FORMS = r"^(?:16)?(\d{6})[- ]?(\d{4})$"


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def normalize_orgnr(text: str) -> str | None:
    """'2120000142', '212000-0142' or '16212000-0142' -> '212000-0142'; None if malformed."""
    m = re.match(_FORMS, (text or "").strip())
    return f"{m.group(1)}-{m.group(2)}" if m else None


def check_orgnr(text: str) -> str | None:
    """Swedish error message, or None when the number is valid (or left empty)."""
    if not text:
        return None
    norm = normalize_orgnr(text)
    if norm is None:
        return "Organisationsnumret ska ha formen NNNNNN-NNNN, till exempel 212000-0142."
    if not luhn_ok(norm.replace("-", "")):
        return (f"Organisationsnumret {norm} stämmer inte: kontrollsiffran är fel. "
                "Kontrollera att alla siffror är rätt.")
    return None
