"""Merging two versions of one record against the version both came from.

A field changed on one side only takes that side's value; a field changed on both
sides to different values is a conflict. Link sets (a note's tags, an engagement's
skolenheter) merge as sets: what either side added is added, what either removed
is removed, so they never conflict.
"""

from __future__ import annotations

from typing import Any

from .records import LINK_PREFIX, Content


def merge_contents(base: Content, mine: Content,
                   theirs: Content) -> tuple[Content, list[str]]:
    """The merged content and the fields changed differently on both sides
    (where the merged content keeps mine)."""
    merged: Content = {}
    conflicting: list[str] = []
    for key in mine:
        b, m, t = base.get(key), mine[key], theirs.get(key)
        if key.startswith(LINK_PREFIX):
            merged[key] = merge_sets(b or [], m, t or [])
        elif m == t or t == b:
            merged[key] = m
        elif m == b:
            merged[key] = t
        else:
            merged[key] = m
            conflicting.append(key)
    return merged, conflicting


def merge_sets(base: list[list[Any]], mine: list[list[Any]],
               theirs: list[list[Any]]) -> list[list[Any]]:
    b, m, t = ({tuple(x) for x in s} for s in (base, mine, theirs))
    kept = (m & t) | (m - b) | (t - b)
    return sorted(list(x) for x in kept)


def suggested_side(key: str, base: Content | None, mine: Content, theirs: Content) -> str:
    """Which side a person most likely wants for one field: the one that changed it."""
    if base is not None and mine.get(key) == base.get(key) and theirs.get(key) != base.get(key):
        return "theirs"
    return "mine"
