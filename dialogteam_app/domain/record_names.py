"""Swedish names for the kinds of records and for coded values, shared by delete
confirmations, import reports and conflict views (no Qt here, so the command line
says the same words as the window)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import Protocol

# table -> (singular, plural)
TABLE_NAMES = {
    "organisers": ("huvudman", "huvudmän"),
    "supporters": ("processtödjare", "processtödjare"),
    "contact_persons": ("kontaktperson", "kontaktpersoner"),
    "school_units": ("skolenhet", "skolenheter"),
    "engagements": ("samverkan", "samverkan"),
    "engagement_units": ("vald skolenhet", "valda skolenheter"),
    "key_dates": ("viktigt datum", "viktiga datum"),
    "meetings": ("möte", "möten"),
    "meeting_units": ("skolenhet i möte", "skolenheter i möten"),
    "participants": ("deltagare", "deltagare"),
    "questions": ("fråga", "frågor"),
    "tasks": ("beslut/uppgift", "beslut/uppgifter"),
    "notes": ("anteckning", "anteckningar"),
    "note_tags": ("tagg", "taggar"),
    "key_figures": ("nyckeltal", "nyckeltal"),
    "inspection_findings": ("beslut från Skolinspektionen", "beslut från Skolinspektionen"),
    "sources": ("underlag", "underlag"),
    "problems": ("problem", "problem"),
    "causes": ("orsak", "orsaker"),
    "evidence": ("belägg", "belägg"),
    "candidates": ("tänkbar insats", "tänkbara insatser"),
    "candidate_causes": ("orsak till tänkbar insats", "orsaker till tänkbara insatser"),
    "participation": ("beskrivning av delaktighet", "beskrivningar av delaktighet"),
    "plans": ("åtgärdsplan", "åtgärdsplaner"),
    "plan_areas": ("utvecklingsområde", "utvecklingsområden"),
    "area_problems": ("problem i utvecklingsområde", "problem i utvecklingsområden"),
    "plan_interventions": ("insats", "insatser"),
    "intervention_units": ("skolenhet i insats", "skolenheter i insatser"),
    "intervention_causes": ("orsak till insats", "orsaker till insatser"),
    "plan_milestones": ("delmål", "delmål"),
    "plan_costs": ("kostnadspost", "kostnadsposter"),
    "plan_risks": ("risk", "risker"),
    "plan_versions": ("exporterad version av planen", "exporterade versioner av planen"),
    "agreements": ("överenskommelse", "överenskommelser"),
    "agreement_signatories": ("undertecknare", "undertecknare"),
    "agreement_terms": ("insats i överenskommelse", "insatser i överenskommelser"),
    "agreement_participants": ("deltagarantal", "deltagarantal"),
    "agreement_funding": ("finansieringspost", "finansieringsposter"),
    "agreement_payments": ("utbetalning", "utbetalningar"),
    "agreement_reports": ("redovisning", "redovisningar"),
    "agreement_report_terms": ("insats i redovisning", "insatser i redovisningar"),
    "agreement_changes": ("ändring i tillägg", "ändringar i tillägg"),
    "retentions": ("gallring", "gallringar"),
    "follow_up_statuses": ("status för insats", "statusar för insatser"),
    "follow_up_log": ("loggrad", "loggrader"),
    "follow_up_reached": ("antal nådda deltagare", "antal nådda deltagare"),
    "follow_up_spending": ("använt belopp", "använda belopp"),
    "follow_up_goals": ("uppföljt mål", "uppföljda mål"),
    "follow_up_payments": ("genomförd utbetalning", "genomförda utbetalningar"),
    "follow_up_reports": ("redovisningsarbete", "redovisningsarbeten"),
    "follow_up_key_figures": ("uppföljt nyckeltal", "uppföljda nyckeltal"),
}


class Labelled(Protocol):
    """A coded value that can name itself, like every enum listed below."""

    @property
    def label(self) -> str: ...


@cache
def coded_columns() -> dict[tuple[str, str], Callable[[str], Labelled]]:
    """(table, column) -> the enum whose labels the stored codes stand for. Built on
    first use: delete questions at start-up need only the table names above."""
    from .agreement_amendments import ChangeTarget
    from .agreement_kinds import (
        AccountKind,
        AgreementKind,
        AgreementStatus,
        FundingKind,
        Party,
        ProviderKind,
        ReportKind,
        SignatoryRole,
    )
    from .analysis import DecisionType, Measure, ProblemLevel, SourceKind, Strength
    from .engagement import KeyDateKind, Phase
    from .follow_up import CostKind, GoalHorizon, InterventionStatus, Judgement
    from .follow_up_reports import ReportStatus
    from .meetings import MeetingKind, Role, TaskKind
    from .organisations import OrganiserKind
    from .plan import Funder
    return {
        ("organisers", "kind"): OrganiserKind,
        ("engagements", "phase"): Phase,
        ("key_dates", "kind"): KeyDateKind,
        ("meetings", "kind"): MeetingKind,
        ("participants", "role"): Role,
        ("notes", "speaker_role"): Role,
        ("tasks", "kind"): TaskKind,
        ("key_figures", "measure"): Measure,
        ("inspection_findings", "decision_type"): DecisionType,
        ("sources", "kind"): SourceKind,
        ("problems", "level"): ProblemLevel,
        ("evidence", "strength"): Strength,
        ("plan_costs", "funder"): Funder,
        ("agreements", "kind"): AgreementKind,
        ("agreements", "status"): AgreementStatus,
        ("agreements", "rekvisition_account_kind"): AccountKind,
        ("agreement_signatories", "party"): Party,
        ("agreement_signatories", "role"): SignatoryRole,
        ("agreement_funding", "kind"): FundingKind,
        ("agreement_funding", "provider_kind"): ProviderKind,
        ("agreement_reports", "kind"): ReportKind,
        ("agreement_changes", "target"): ChangeTarget,
        ("follow_up_statuses", "status"): InterventionStatus,
        ("follow_up_spending", "cost_kind"): CostKind,
        ("follow_up_goals", "horizon"): GoalHorizon,
        ("follow_up_goals", "judgement"): Judgement,
        ("follow_up_reports", "status"): ReportStatus,
        ("follow_up_key_figures", "measure"): Measure,
    }


def table_name(table: str, n: int = 1) -> str:
    singular, plural = TABLE_NAMES.get(table, (table, table))
    return singular if n == 1 else plural


def counted(counts: Mapping[str, int]) -> str:
    """Counter({'notes': 2, 'meetings': 1}) -> '2 anteckningar och 1 möte'."""
    parts = [f"{n} {table_name(t, n)}" for t, n in counts.items() if n]
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " och " + parts[-1]


def value_label(table: str, column: str, value: str) -> str:
    """A stored code as the user saw it chosen: 'skolbesok' -> 'Skolbesök'."""
    if column == "tag" and table == "note_tags":
        from .notes import tag_label
        return tag_label(value)
    enum = coded_columns().get((table, column))
    if enum is None:
        return value
    try:
        return enum(value).label
    except ValueError:
        return value
