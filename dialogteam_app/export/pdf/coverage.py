"""Characters the PDF cannot show, found before it is written.

The bundled Open Sans has Latin, Greek and Cyrillic but no emoji, and reportlab
neither shapes Arabic nor orders right-to-left text, so such characters would come
out as empty boxes or in the wrong order. No free font bundled with the program
fixes the shaping, so the user is told which characters, before they send the plan.
"""

from __future__ import annotations

import unicodedata
from dataclasses import fields, is_dataclass

from reportlab.pdfbase import pdfmetrics

from ...domain.plan_document import PlanDocument
from .fonts import REGULAR, register_fonts

_RIGHT_TO_LEFT = ("R", "AL")
SHOWN = 12


def unsupported_characters(doc: PlanDocument) -> list[str]:
    """Each character of the document's texts that the PDF cannot show, in order."""
    register_fonts()
    font = pdfmetrics.getFont(REGULAR)
    has_glyph = font.face.charToGlyph
    found: dict[str, None] = {}
    for text in _texts(doc):
        for ch in set(text):
            if ch in found or ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf"):
                continue
            if ord(ch) not in has_glyph or unicodedata.bidirectional(ch) in _RIGHT_TO_LEFT:
                found[ch] = None
    return sorted(found)


def coverage_warning(doc: PlanDocument) -> str:
    """A Swedish warning naming the characters, or "" when everything can be shown."""
    missing = unsupported_characters(doc)
    if not missing:
        return ""
    named = ", ".join(f"{ch} ({_name(ch)})" for ch in missing[:SHOWN])
    more = f" och {len(missing) - SHOWN} till" if len(missing) > SHOWN else ""
    return (f"PDF:en kan inte visa {len(missing)} tecken i planen: {named}{more}. De blir "
            "tomma rutor (emoji) eller hamnar i fel ordning (arabisk och hebreisk text). "
            "Skriv om texten, eller exportera som Word-dokument, där de visas rätt.")


def _name(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def _texts(obj: object) -> list[str]:
    texts: list[str] = []
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, list):
        for item in obj:
            texts += _texts(item)
    elif isinstance(obj, dict):
        for item in obj.values():
            texts += _texts(item)
    elif is_dataclass(obj):
        for f in fields(obj):
            texts += _texts(getattr(obj, f.name))
    return texts
