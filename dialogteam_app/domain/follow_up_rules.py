"""Field rules of the follow-up tables (see domain/rules.py), from the limits and
lists the follow-up's validators use."""

from __future__ import annotations

from . import rules
from .analysis import KEY_FIGURE_RULES
from .fields import LONG_TEXT_MAX
from .follow_up import MAX_REACHED, CostKind, GoalHorizon, InterventionStatus, Judgement
from .follow_up_reports import ReportStatus
from .money import MAX_AMOUNT_KR
from .plan_document import DOCUMENT_MAX


def _year() -> rules.Rule:
    return rules.whole("År", minimum=1990, maximum=2100)


STATUS_RULES = rules.record(
    "follow_up_statuses",
    terms_id=rules.ref("Insatsens villkor"),
    status=rules.choice("Status", InterventionStatus),
    date=rules.date("Datum för statusen", required=True),
    comment=rules.text("Kommentar", max_len=2000))

LOG_RULES = rules.record(
    "follow_up_log",
    terms_id=rules.ref("Insatsens villkor"),
    date=rules.date("Datum", required=True),
    text=rules.text("Vad som gjorts", required=True, max_len=LONG_TEXT_MAX),
    note_id=rules.ref("Anteckning", optional=True))

REACHED_RULES = rules.record(
    "follow_up_reached",
    terms_id=rules.ref("Insatsens villkor"),
    year=_year(),
    participant_group=rules.text("Deltagargrupp", required=True),
    count=rules.whole("Antal nådda", maximum=MAX_REACHED),
    school_unit_id=rules.ref("Skolenhet", optional=True))

SPENDING_RULES = rules.record(
    "follow_up_spending",
    terms_id=rules.ref("Insatsens villkor"),
    year=_year(),
    cost_kind=rules.choice("Kostnadsslag", CostKind),
    used_kr=rules.whole("Använt belopp", maximum=MAX_AMOUNT_KR),
    comment=rules.text("Kommentar", max_len=2000))

GOAL_RULES = rules.record(
    "follow_up_goals",
    terms_id=rules.ref("Insatsens villkor"),
    horizon=rules.choice("Tidshorisont", GoalHorizon),
    goal=rules.text("Målet", required=True, max_len=2000),
    judgement=rules.choice("Bedömning", Judgement, optional=True),
    evidence=rules.text("Belägg", max_len=LONG_TEXT_MAX),
    judged_date=rules.date("Bedömt"),
    position=rules.whole("Ordning"))

PAYMENT_RULES = rules.record(
    "follow_up_payments",
    payment_id=rules.ref("Utbetalning"),
    paid_date=rules.date("Utbetald", required=True),
    amount_kr=rules.whole("Utbetalt belopp", maximum=MAX_AMOUNT_KR))

REPORT_RULES = rules.record(
    "follow_up_reports",
    report_id=rules.ref("Redovisning"),
    status=rules.choice("Status", ReportStatus),
    submitted_date=rules.date("Inlämnad"),
    reviewed_date=rules.date("Granskad"),
    decision_comment=rules.text("Skolverkets kommentar", max_len=LONG_TEXT_MAX),
    summary=rules.text("Genomförda insatser", max_len=LONG_TEXT_MAX),
    results_text=rules.text("Resultat och effekter", max_len=LONG_TEXT_MAX),
    ownership_text=rules.text("Långsiktigt ägarskap", max_len=LONG_TEXT_MAX),
    frozen_json=rules.text("Den inlämnade redovisningen", max_len=DOCUMENT_MAX))

# Key figures measured again during the follow-up: the analysis' own rules.
KEY_FIGURE_AGAIN_RULES = rules.TableRules("follow_up_key_figures", KEY_FIGURE_RULES.columns)

DECLARED = (STATUS_RULES, LOG_RULES, REACHED_RULES, SPENDING_RULES, GOAL_RULES, PAYMENT_RULES,
            REPORT_RULES, KEY_FIGURE_AGAIN_RULES)
