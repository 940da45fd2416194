"""Swedish words for tables and fields, for import reports and conflicts.

A table or column missing here (added by a later migration) is shown by its
code name, which is readable enough; add it here for a proper label.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..domain.record_names import table_name

COLUMN_NAMES = {
    "name": "Namn", "title": "Rubrik", "kind": "Typ", "body": "Text", "text": "Text",
    "date": "Datum", "note": "Anteckning", "notes": "Anteckningar", "role": "Roll",
    "email": "E-post", "phone": "Telefon", "address": "Adress", "team": "Team",
    "org_number": "Organisationsnummer", "is_primary": "Huvudkontakt", "position": "Ordning",
    "school_type": "Skolform", "grade_span": "Årskurser", "principal": "Rektor",
    "student_count": "Antal elever", "unit_code": "Skolenhetskod", "dnr": "Diarienummer",
    "phase": "Fas", "responsible_id": "Ansvarig processtödjare", "organiser_id": "Huvudman",
    "engagement_id": "Samverkan", "meeting_id": "Möte", "school_unit_id": "Skolenhet",
    "start_time": "Starttid", "end_time": "Sluttid", "place": "Plats", "agenda": "Dagordning",
    "organisation": "Organisation", "asked": "Ställd", "who": "Vem", "due": "Klart senast",
    "done": "Klar", "taken_at": "Tidpunkt", "speaker_role": "Talare", "measure": "Mått",
    "year": "År", "value": "Värde", "national_value": "Riksvärde", "subject": "Ämne",
    "source": "Källa", "decision_type": "Beslutstyp", "areas": "Områden",
    "summary": "Sammanfattning", "description": "Beskrivning", "level": "Nivå",
    "results_link": "Koppling till resultaten", "priority": "Prioritet",
    "note_id": "Anteckning", "problem_id": "Problem", "cause_id": "Orsak",
    "key_figure_id": "Nyckeltal", "source_id": "Underlag", "finding_id": "Beslut",
    "strength": "Styrka", "comment": "Kommentar", "factors": "Faktorer",
    "staff": "Personalens delaktighet", "students": "Elevernas delaktighet",
    "background": "Bakgrund", "participation": "Delaktighet", "strengths": "Styrkor",
    "experience_spreading": "Erfarenhetsspridning", "area_id": "Utvecklingsområde",
    "participant_groups": "Deltagare", "approx_participants": "Ungefärligt antal deltagare",
    "resources_staff": "Resurser: personal", "resources_training": "Resurser: kompetensutveckling",
    "resources_student_health": "Resurser: elevhälsa", "resources_other": "Resurser: övrigt",
    "goals_short": "Mål på kort sikt", "goals_long": "Mål på lång sikt",
    "expected_effects": "Förväntade effekter", "responsible": "Ansvar",
    "follow_up_when": "Uppföljning: när", "follow_up_how": "Uppföljning: hur",
    "follow_up_who": "Uppföljning: vem", "start": "Start", "end": "Slut",
    "candidate_id": "Tänkbar insats", "intervention_id": "Insats",
    "amount_kr": "Belopp (kr)", "funder": "Finansiär", "risk": "Risk",
    "prevention": "Förebyggande", "number": "Versionsnummer", "created_at": "Skapad",
    "recipient": "Mottagare", "file_name": "Filnamn", "document": "Innehåll",
    "updated_at": "Senast ändrad",
    # agreements (överenskommelser) and their parts
    "amends_id": "Ändrar", "decision_date": "Beslutsdatum", "decision_dnr": "Beslutets dnr",
    "decision_text": "Beslutet", "documents": "Handlingar", "period_start": "Period från",
    "period_end": "Period till", "status": "Status", "sent_date": "Skickat",
    "signed_date": "Undertecknat", "plan_version_id": "Bilaga 1 (planversion)",
    "rekvisition_orgnr": "Rekvisition: organisationsnummer",
    "rekvisition_amount_kr": "Rekvisition: belopp", "rekvisition_account_kind": "Rekvisition: konto",
    "rekvisition_account": "Rekvisition: kontonummer",
    "rekvisition_reference": "Rekvisition: referens", "repayment_unit_number": "Enhetsnummer",
    "repayment_days": "Återbetalning: dagar", "breach_text": "Brister",
    "reclaim_text": "Återkrav", "evaluation_text": "Utvärdering",
    "changes_text": "Ändringar och tillägg", "agreement_id": "Överenskommelse",
    "party": "Part", "area_title": "Utvecklingsområde", "scope": "Omfattning",
    "organiser_duties": "Huvudmannen ansvarar för att", "skolverket_duties":
    "Skolverket ansvarar för att", "role_duties": "Rollers ansvar", "terms_id": "Insats",
    "participant_group": "Deltagare", "count": "Antal", "approximate": "Cirka",
    "provider_kind": "Anordnare", "provider_name": "Anordnare eller finansiär",
    "due_date": "Datum", "on_requisition": "Efter rekvisition",
    "content_points": "Innehåll", "target": "Vad ändras", "target_id": "Del",
    "@agreement_report_terms": "Insatser",
    # genomförande and uppföljning
    "used_kr": "Använt (kr)", "cost_kind": "Kostnadsslag", "horizon": "Tidshorisont",
    "goal": "Målet", "judgement": "Bedömning", "evidence": "Belägg", "judged_date": "Bedömt",
    "payment_id": "Utbetalning", "paid_date": "Utbetald", "report_id": "Redovisning",
    "submitted_date": "Inlämnad", "reviewed_date": "Granskad",
    "decision_comment": "Skolverkets kommentar", "results_text": "Resultat och effekter",
    "ownership_text": "Långsiktigt ägarskap", "frozen_json": "Redovisningen som lämnades in",
    # link sets, shown as one field of the record that owns them
    "@engagement_units": "Skolenheter", "@meeting_units": "Skolenheter", "@note_tags": "Taggar",
    "@candidate_causes": "Orsaker", "@area_problems": "Problem",
    "@intervention_units": "Skolenheter", "@intervention_causes": "Orsaker",
}

YES_NO_COLUMNS = {"is_primary", "asked", "done", "approximate", "on_requisition"}

# Fields that name a record best, in order of preference.
_NAMING_FIELDS = ("name", "title", "body", "text", "risk", "measure", "description", "date",
                  "dnr", "participant_group", "due_date", "goal", "paid_date")


def column_label(column: str) -> str:
    if column in COLUMN_NAMES:
        return COLUMN_NAMES[column]
    if column.startswith("@"):
        return table_name(column[1:], 2).capitalize()
    return column.replace("_", " ").capitalize()


def short(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def record_title(content: Mapping[str, Any] | None) -> str:
    """A few words that let a person recognise the record."""
    if content:
        for f in _NAMING_FIELDS:
            value = content.get(f)
            if isinstance(value, str) and value.strip():
                return short(value)
    return ""


def describe(table: str, content: Mapping[str, Any] | None, record_id: str = "") -> str:
    title = record_title(content)
    return f"{table_name(table)} ”{title}”" if title else f"{table_name(table)} {record_id[:8]}"
