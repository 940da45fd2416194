"""Short forms of user text for labels and messages."""

from __future__ import annotations


def shorten(text: str, limit: int) -> str:
    """One line of at most limit characters, cut at a word with '…'."""
    line = " ".join((text or "").split())
    if len(line) <= limit:
        return line
    cut = line[:limit - 1]
    if line[limit - 1] != " " and " " in cut[limit // 2:]:  # mid-word: back to a space
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,.;:–-") + "…"
