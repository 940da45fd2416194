"""What the plan reads from the nulägesanalys — prioritised problems and their
causes (to link areas and interventions), candidates to bring in, the background
draft and what the röd tråd check needs — all from the analysis' own snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain.analysis import Candidate, ProblemLevel
from ..domain.plan_background import BackgroundProblem
from ..domain.plan_check import ProblemInfo

if TYPE_CHECKING:
    from .analysis import Analysis


@dataclass(frozen=True)
class ProblemChoice:
    id: str
    title: str
    level: ProblemLevel


@dataclass(frozen=True)
class CauseChoice:
    id: str
    text: str
    problem_title: str


class PlanAnalysis:
    def __init__(self, analysis: Analysis):
        self.analysis = analysis

    def problems(self, engagement_id: str) -> list[ProblemChoice]:
        """Most important first."""
        return [ProblemChoice(p.id, p.title, p.level)
                for p in self.analysis.snapshot(engagement_id).problems]

    def causes(self, engagement_id: str) -> list[CauseChoice]:
        snap = self.analysis.snapshot(engagement_id)
        titles = {p.id: p.title for p in snap.problems}  # every cause's problem is there
        return [CauseChoice(c.id, c.text, titles[c.problem_id]) for c in snap.causes]

    def problem_infos(self, engagement_id: str) -> dict[str, ProblemInfo]:
        snap = self.analysis.snapshot(engagement_id)
        infos = {}
        for p in snap.problems:
            causes = [c.id for c in snap.causes_of(p.id)]
            infos[p.id] = ProblemInfo(p.id, p.title, causes,
                                      {c for c in causes if snap.evidence_of(c)})
        return infos

    def candidates(self, engagement_id: str) -> list[Candidate]:
        return self.analysis.snapshot(engagement_id).candidates

    def background_problems(self, engagement_id: str) -> list[BackgroundProblem]:
        """Prioritised problems with their causes, for drafting the background."""
        snap = self.analysis.snapshot(engagement_id)
        return [BackgroundProblem(p.title, p.level.label, p.results_link,
                                  [c.text for c in snap.causes_of(p.id)])
                for p in snap.problems]

    def participation(self, engagement_id: str) -> tuple[str, str]:
        p = self.analysis.participation(engagement_id)
        return p.staff, p.students
