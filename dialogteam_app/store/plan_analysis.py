"""What the plan reads from the nulägesanalys: prioritised problems and their
causes (to link areas and interventions), candidates to bring in, and what the
röd tråd check needs to know."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..domain.analysis import Candidate, ProblemLevel
from ..domain.plan_background import BackgroundProblem
from ..domain.plan_check import ProblemInfo
from .database import Database


@dataclass(frozen=True)
class ProblemChoice:
    id: str
    title: str
    level: ProblemLevel
    priority: int


@dataclass(frozen=True)
class CauseChoice:
    id: str
    text: str
    problem_title: str


class PlanAnalysis:
    def __init__(self, db: Database):
        self.db = db

    def problems(self, engagement_id: str) -> list[ProblemChoice]:
        return [ProblemChoice(r["id"], r["title"], ProblemLevel(r["level"]), r["priority"])
                for r in self.db.query("SELECT id, title, level, priority FROM problems "
                                       "WHERE engagement_id = ? ORDER BY priority, title",
                                       (engagement_id,))]

    def causes(self, engagement_id: str) -> list[CauseChoice]:
        return [CauseChoice(r[0], r[1], r[2]) for r in self.db.query(
            "SELECT c.id, c.text, p.title FROM causes c JOIN problems p ON p.id = c.problem_id "
            "WHERE p.engagement_id = ? ORDER BY p.priority, c.position", (engagement_id,))]

    def problem_infos(self, engagement_id: str) -> dict[str, ProblemInfo]:
        infos = {p.id: ProblemInfo(p.id, p.title) for p in self.problems(engagement_id)}
        for r in self.db.query(
                "SELECT c.problem_id, c.id, EXISTS (SELECT 1 FROM evidence e WHERE e.cause_id = c.id) "
                "FROM causes c JOIN problems p ON p.id = c.problem_id WHERE p.engagement_id = ?",
                (engagement_id,)):
            infos[r[0]].cause_ids.append(r[1])
            if r[2]:
                infos[r[0]].causes_with_evidence.add(r[1])
        return infos

    def candidates(self, engagement_id: str) -> list[Candidate]:
        found = {r["id"]: Candidate(id=r["id"], engagement_id=engagement_id, title=r["title"],
                                    description=r["description"],
                                    factors=json.loads(r["factors"]), note_id=r["note_id"],
                                    position=r["position"])
                 for r in self.db.query("SELECT * FROM candidates WHERE engagement_id = ? "
                                        "ORDER BY position, title", (engagement_id,))}
        for r in self.db.query(
                "SELECT cc.candidate_id, cc.cause_id FROM candidate_causes cc "
                "JOIN candidates c ON c.id = cc.candidate_id WHERE c.engagement_id = ?",
                (engagement_id,)):
            found[r[0]].cause_ids.append(r[1])
        return list(found.values())

    def background_problems(self, engagement_id: str) -> list[BackgroundProblem]:
        """Prioritised problems with their causes, for drafting the background."""
        problems = {r["id"]: BackgroundProblem(r["title"], ProblemLevel(r["level"]).label,
                                               r["results_link"])
                    for r in self.db.query("SELECT * FROM problems WHERE engagement_id = ? "
                                           "ORDER BY priority, title", (engagement_id,))}
        for r in self.db.query(
                "SELECT c.problem_id, c.text FROM causes c JOIN problems p ON p.id = c.problem_id "
                "WHERE p.engagement_id = ? ORDER BY c.position", (engagement_id,)):
            problems[r[0]].causes.append(r[1])
        return list(problems.values())

    def participation(self, engagement_id: str) -> tuple[str, str]:
        r = self.db.conn.execute("SELECT staff, students FROM participation "
                                 "WHERE engagement_id = ?", (engagement_id,)).fetchone()
        return (r[0], r[1]) if r else ("", "")
