"""Turning a tagged note into a piece of the analysis in one step, keeping the
link to the note: problem → Problem, orsak → Cause, belägg → Evidence,
idé till insats → Candidate."""

from __future__ import annotations

from .analysis import Candidate, Cause, Evidence, Problem, ProblemLevel, Strength
from .analysis_snapshot import title_from_note
from .fields import SHORT_TEXT_MAX
from .notes import Note, Tag

PROMOTABLE = (Tag.PROBLEM, Tag.CAUSE, Tag.EVIDENCE, Tag.IDEA)
PROMOTED_AS = {Tag.PROBLEM: "problem", Tag.CAUSE: "orsak", Tag.EVIDENCE: "belägg",
               Tag.IDEA: "tänkbar insats"}
PROBLEM_TITLE_MAX = 1000


def promotable_tags(note: Note) -> list[Tag]:
    return [t for t in PROMOTABLE if t.value in note.tags]


def problem_from_note(note: Note, level: ProblemLevel, title: str, priority: int) -> Problem:
    body = note.body.strip()
    return Problem(engagement_id=note.engagement_id, level=level, title=title.strip(),
                   description=body if body != title.strip() else "", priority=priority,
                   note_id=note.id)


def cause_from_note(note: Note, problem_id: str, position: int) -> Cause:
    return Cause(problem_id=problem_id, text=note.body.strip(), note_id=note.id,
                 position=position)


def evidence_from_note(note: Note, cause_id: str, strength: Strength, position: int) -> Evidence:
    return Evidence(cause_id=cause_id, note_id=note.id, strength=strength, position=position)


def candidate_from_note(note: Note, title: str, position: int) -> Candidate:
    body = note.body.strip()
    return Candidate(engagement_id=note.engagement_id, title=title.strip(),
                     description=body if body != title.strip() else "", note_id=note.id,
                     position=position)


def suggested_title(note: Note, tag: Tag) -> str:
    limit = PROBLEM_TITLE_MAX if tag is Tag.PROBLEM else SHORT_TEXT_MAX
    return title_from_note(note.body, min(limit, 200))
