"""Swedish names for the kinds of records and for coded values, shared by delete
confirmations, import reports and conflict views (no Qt here, so the command line
says the same words as the window)."""

from __future__ import annotations

from collections.abc import Mapping

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
    from .coded import Coded
    from .rule_registry import rules_for
    table_rules = rules_for(table)
    rule = table_rules.columns.get(column) if table_rules else None
    if rule is None or rule.enum is None:
        return value
    try:
        coded = rule.enum(value)
    except ValueError:                 # a list that is not a Coded enum
        return value
    if isinstance(coded, Coded) and not coded.is_known:
        return value
    return str(getattr(coded, "label", value))
