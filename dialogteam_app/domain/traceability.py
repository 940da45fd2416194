"""The chain problem → causes → evidence → interventions, and what is missing in it.

Each rule is a small pure function returning Gaps, so a view can mark the place and
a check elsewhere (the plan's "röd tråd") can reuse the same kind of rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .analysis import Candidate, Cause, Evidence, Problem
from .analysis_snapshot import AnalysisSnapshot
from .text import shorten


class GapKind(str, Enum):
    NO_RESULTS_LINK = "no_results_link"
    NO_CAUSE = "no_cause"
    NO_EVIDENCE = "no_evidence"
    NOT_ADDRESSED = "not_addressed"
    CANDIDATE_WITHOUT_CAUSE = "candidate_without_cause"
    CANDIDATE_WITHOUT_FACTOR = "candidate_without_factor"

    @property
    def label(self) -> str:
        return {
            "no_results_link": "Inte kopplat till elevernas resultat",
            "no_cause": "Saknar orsaker",
            "no_evidence": "Saknar belägg",
            "not_addressed": "Ingen insats möter orsaken",
            "candidate_without_cause": "Insatsen möter ingen orsak",
            "candidate_without_factor": "Insatsen saknar framgångsfaktor",
        }[self.value]


@dataclass(frozen=True)
class Gap:
    kind: GapKind
    record_id: str   # the problem, cause or candidate where it is fixed
    text: str        # Swedish, names the record

    @property
    def where(self) -> str:
        """'problem', 'cause' or 'candidate': the kind of record to open."""
        if self.kind in (GapKind.NO_RESULTS_LINK, GapKind.NO_CAUSE):
            return "problem"
        if self.kind in (GapKind.NO_EVIDENCE, GapKind.NOT_ADDRESSED):
            return "cause"
        return "candidate"


def _name(text: str) -> str:
    return f"”{shorten(text, 60)}”"


def problem_gaps(problem: Problem, causes: list[Cause]) -> list[Gap]:
    gaps = []
    if not problem.results_link.strip():
        gaps.append(Gap(GapKind.NO_RESULTS_LINK, problem.id,
                        f"Problemet {_name(problem.title)} är inte kopplat till elevernas "
                        "resultat: beskriv kopplingen."))
    if not causes:
        gaps.append(Gap(GapKind.NO_CAUSE, problem.id,
                        f"Problemet {_name(problem.title)} saknar antagna orsaker."))
    return gaps


def cause_gaps(cause: Cause, evidence: list[Evidence], candidates: list[Candidate]) -> list[Gap]:
    gaps = []
    if not evidence:
        gaps.append(Gap(GapKind.NO_EVIDENCE, cause.id,
                        f"Orsaken {_name(cause.text)} saknar belägg."))
    if not candidates:
        gaps.append(Gap(GapKind.NOT_ADDRESSED, cause.id,
                        f"Ingen tänkbar insats möter orsaken {_name(cause.text)}."))
    return gaps


def candidate_gaps(candidate: Candidate, known_cause_ids: set[str]) -> list[Gap]:
    gaps = []
    if not set(candidate.cause_ids) & known_cause_ids:
        gaps.append(Gap(GapKind.CANDIDATE_WITHOUT_CAUSE, candidate.id,
                        f"Insatsen {_name(candidate.title)} är inte kopplad till någon orsak."))
    if not candidate.factors:
        gaps.append(Gap(GapKind.CANDIDATE_WITHOUT_FACTOR, candidate.id,
                        f"Insatsen {_name(candidate.title)} bygger inte på någon "
                        "framgångsfaktor."))
    return gaps


@dataclass
class CauseChain:
    cause: Cause
    evidence: list[Evidence]
    candidates: list[Candidate]
    gaps: list[Gap]


@dataclass
class ProblemChain:
    problem: Problem
    rank: int                      # 1 is the most important
    causes: list[CauseChain]
    gaps: list[Gap]                # the problem's own; causes carry theirs


@dataclass
class Traceability:
    problems: list[ProblemChain] = field(default_factory=list)
    candidates: list[tuple[Candidate, list[Gap]]] = field(default_factory=list)

    @property
    def gaps(self) -> list[Gap]:
        """Every gap in reading order: problem by problem, then the candidates."""
        found = []
        for p in self.problems:
            found += p.gaps
            for c in p.causes:
                found += c.gaps
        for _candidate, gaps in self.candidates:
            found += gaps
        return found


def build_traceability(snap: AnalysisSnapshot) -> Traceability:
    chains = []
    for rank, p in enumerate(snap.problems, start=1):
        causes = snap.causes_of(p.id)
        cause_chains = []
        for c in causes:
            evidence, candidates = snap.evidence_of(c.id), snap.candidates_for(c.id)
            cause_chains.append(CauseChain(c, evidence, candidates,
                                           cause_gaps(c, evidence, candidates)))
        chains.append(ProblemChain(p, rank, cause_chains, problem_gaps(p, causes)))
    known = {c.id for c in snap.causes}
    return Traceability(chains, [(c, candidate_gaps(c, known)) for c in snap.candidates])
