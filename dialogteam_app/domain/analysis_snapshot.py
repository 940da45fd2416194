"""One engagement's whole analysis as plain data, with readable labels for what
each piece of evidence points at. The traceability view and the plan read this."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .analysis import Candidate, Cause, Evidence, InspectionFinding, KeyFigure, Problem, Source
from .key_figures import format_value, subject_label
from .meetings import Role
from .notes import Note
from .text import shorten


@dataclass
class AnalysisSnapshot:
    """problems in priority order; causes, evidence and candidates in their own order."""

    problems: list[Problem] = field(default_factory=list)
    causes: list[Cause] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    # What evidence points at, by id (only what is referenced is needed).
    notes: dict[str, Note] = field(default_factory=dict)
    key_figures: dict[str, KeyFigure] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    findings: dict[str, InspectionFinding] = field(default_factory=dict)
    unit_names: dict[str, str] = field(default_factory=dict)

    def problem(self, problem_id: str) -> Problem | None:
        return next((p for p in self.problems if p.id == problem_id), None)

    def cause(self, cause_id: str) -> Cause | None:
        return next((c for c in self.causes if c.id == cause_id), None)

    def causes_of(self, problem_id: str) -> list[Cause]:
        return [c for c in self.causes if c.problem_id == problem_id]

    def evidence_of(self, cause_id: str) -> list[Evidence]:
        return [e for e in self.evidence if e.cause_id == cause_id]

    def candidates_for(self, cause_id: str) -> list[Candidate]:
        return [c for c in self.candidates if cause_id in c.cause_ids]

    def rank(self, problem_id: str) -> int:
        """1 for the most important problem."""
        return next(i for i, p in enumerate(self.problems, start=1) if p.id == problem_id)

    def unit_name(self, unit_id: str | None) -> str:
        return self.unit_names.get(unit_id or "", "huvudmannen")


def evidence_kind(e: Evidence) -> str:
    if e.note_id:
        return "Anteckning"
    if e.key_figure_id:
        return "Nyckeltal"
    if e.source_id:
        return "Underlag"
    if e.finding_id:
        return "Skolinspektionen"
    return "Egen text"


def note_label(n: Note, limit: int = 140) -> str:
    try:
        who = f" ({Role(n.speaker_role).label.lower()})" if n.speaker_role else ""
    except ValueError:
        who = ""
    return f"{n.taken_at[:10]}{who}: {shorten(n.body, limit)}"


def key_figure_label(k: KeyFigure, unit_name: str) -> str:
    national = f" (riket {format_value(k.national_value, k.measure)})" \
        if k.national_value is not None else ""
    return f"{subject_label(k)}, {unit_name}, {k.year}: " \
           f"{format_value(k.value, k.measure)}{national}"


def source_label(s: Source) -> str:
    return f"{s.kind.label}: {s.title}" + (f", {s.date}" if s.date else "")


def finding_label(f: InspectionFinding, unit_name: str) -> str:
    areas = f": {shorten(f.areas, 80)}" if f.areas.strip() else ""
    return f"{f.decision_type.label} {f.date}, {unit_name}{areas}"


def evidence_label(e: Evidence, snap: AnalysisSnapshot, limit: int = 140) -> str:
    """What the evidence is, in one line; a link whose target is gone says so."""
    if e.note_id:
        n = snap.notes.get(e.note_id)
        return note_label(n, limit) if n else "(anteckningen finns inte)"
    if e.key_figure_id:
        k = snap.key_figures.get(e.key_figure_id)
        if k is None:
            return "(nyckeltalet finns inte)"
        return key_figure_label(k, snap.unit_name(k.school_unit_id))
    if e.source_id:
        s = snap.sources.get(e.source_id)
        return source_label(s) if s else "(underlaget finns inte)"
    if e.finding_id:
        f = snap.findings.get(e.finding_id)
        return finding_label(f, snap.unit_name(f.school_unit_id)) if f else "(beslutet finns inte)"
    return shorten(e.text, limit)


_HASHTAG = re.compile(r"(?<![\w#])#[^\W_][\w\-]*")


def title_from_note(body: str, limit: int) -> str:
    """A heading from a note: its first line, without #tags, within limit."""
    first = next((line for line in (body or "").splitlines() if line.strip()), "")
    return shorten(_HASHTAG.sub("", first), limit)
