"""Short forms of user text for labels and messages."""

from __future__ import annotations

import re


def shorten(text: str, limit: int) -> str:
    """One line of at most limit characters, cut at a word with '…'."""
    line = " ".join((text or "").split())
    if len(line) <= limit:
        return line
    cut = line[:limit - 1]
    if line[limit - 1] != " " and " " in cut[limit // 2:]:  # mid-word: back to a space
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,.;:–-") + "…"


# Patterns kept as text, compiled at first use (why: fields.py).
# C0 and C1 control characters but newline and tab (ESC starts terminal sequences, CR
# overwrites the line, U+009B is a one-character CSI), and the bidi overrides that
# can make printed text read differently from what it is.
_UNPRINTABLE = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"


def printable(text: str) -> str:
    """Text safe to print on a terminal: control characters shown as \\x1b, \\r …"""
    return re.sub(_UNPRINTABLE, lambda m: repr(m.group())[1:-1], text)
