"""Moving a record one step up or down in an ordered list (problems by priority,
causes by position). Pure: returns the new order, or None at the edge."""

from __future__ import annotations

from .analysis import Problem


def moved(ids: list[str], record_id: str, step: int) -> list[str] | None:
    i = ids.index(record_id)
    j = i + step
    if not 0 <= j < len(ids):
        return None
    order = list(ids)
    order[i], order[j] = order[j], order[i]
    return order


def problems_after_move(problems: list[Problem], problem_id: str, step: int,
                        within_level: bool) -> list[str] | None:
    """problems in priority order. Within a level the problem swaps places with the
    nearest problem on the same level, so the others keep their rank."""
    ids = [p.id for p in problems]
    if not within_level:
        return moved(ids, problem_id, step)
    level = next(p.level for p in problems if p.id == problem_id)
    same = [p.id for p in problems if p.level == level]
    neighbours = moved(same, problem_id, step)
    if neighbours is None:
        return None
    other = same[same.index(problem_id) + step]
    i, j = ids.index(problem_id), ids.index(other)
    ids[i], ids[j] = ids[j], ids[i]
    return ids
