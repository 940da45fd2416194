"""Every table's field rules, found in one place.

Each domain module declares the rules of its tables beside its dataclasses
(`rules.record(...)` or `rules.link(...)`); a new table adds its TableRules to the
module and the module's rules to `_DECLARED` below. tests/test_field_rules.py fails
while any exchanged column has no rule.
"""

from __future__ import annotations

from . import (
    agreement_rules,
    analysis,
    engagement,
    follow_up_rules,
    meetings,
    notes,
    organisations,
    plan,
    plan_document,
    retention,
    team,
)
from .rules import TableRules

_DECLARED: tuple[TableRules, ...] = (
    organisations.ORGANISER_RULES, organisations.CONTACT_RULES,
    organisations.SCHOOL_UNIT_RULES, team.SUPPORTER_RULES,
    engagement.ENGAGEMENT_RULES, engagement.ENGAGEMENT_UNIT_RULES, engagement.KEY_DATE_RULES,
    meetings.MEETING_RULES, meetings.MEETING_UNIT_RULES, meetings.PARTICIPANT_RULES,
    meetings.QUESTION_RULES, meetings.TASK_RULES,
    notes.NOTE_RULES, notes.NOTE_TAG_RULES,
    analysis.KEY_FIGURE_RULES, analysis.FINDING_RULES, analysis.SOURCE_RULES,
    analysis.PROBLEM_RULES, analysis.CAUSE_RULES, analysis.EVIDENCE_RULES,
    analysis.CANDIDATE_RULES, analysis.CANDIDATE_CAUSE_RULES, analysis.PARTICIPATION_RULES,
    plan.PLAN_RULES, plan.AREA_RULES, plan.AREA_PROBLEM_RULES, plan.INTERVENTION_RULES,
    plan.INTERVENTION_CAUSE_RULES, plan.INTERVENTION_UNIT_RULES, plan.MILESTONE_RULES,
    plan.COST_RULES, plan.RISK_RULES, plan_document.PLAN_VERSION_RULES,
    *agreement_rules.DECLARED, retention.RETENTION_RULES, *follow_up_rules.DECLARED,
)

TABLE_RULES: dict[str, TableRules] = {t.table: t for t in _DECLARED}


def rules_for(table: str) -> TableRules | None:
    return TABLE_RULES.get(table)
