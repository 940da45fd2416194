"""Field rules of the agreement tables (see domain/rules.py), from the limits and
lists the agreement's validators use."""

from __future__ import annotations

import json

from . import rules
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
from .agreement_terms import MAX_PARTICIPANTS
from .fields import LONG_TEXT_MAX, check_text
from .money import MAX_AMOUNT_KR
from .orgnr import check_orgnr


def _role_duties(value: str) -> str | None:
    duties = json.loads(value)
    if not isinstance(duties, list) or not all(
            isinstance(d, dict) and set(d) == {"role", "duty"} for d in duties):
        return "Rollernas åtaganden: ingen lista av roll och åtagande."
    return next((p for d in duties for k in ("role", "duty")
                 if (p := check_text(d[k], "Rollernas åtaganden", max_len=2000))), None)


def _order() -> rules.Rule:
    return rules.whole("Ordning")


AGREEMENT_RULES = rules.record(
    "agreements",
    engagement_id=rules.ref("Samverkan"),
    kind=rules.choice("Typ av överenskommelse", AgreementKind),
    amends_id=rules.ref("Överenskommelse som ändras", optional=True),
    dnr=rules.text("Diarienummer", max_len=60),
    decision_date=rules.date("Beslutsdatum"),
    decision_dnr=rules.text("Beslutets diarienummer", max_len=60),
    decision_text=rules.text("Beslutet", max_len=LONG_TEXT_MAX),
    background=rules.text("Bakgrund", max_len=LONG_TEXT_MAX),
    documents=rules.text_list("Handlingar", max_len=500),
    period_start=rules.date("Periodens början"),
    period_end=rules.date("Periodens slut"),
    status=rules.choice("Status", AgreementStatus),
    sent_date=rules.date("Skickat"),
    signed_date=rules.date("Undertecknat"),
    plan_version_id=rules.ref("Åtgärdsplanens version", optional=True),
    rekvisition_orgnr=rules.custom("Organisationsnummer", "orgnr", check_orgnr),
    rekvisition_amount_kr=rules.whole("Rekvirerat belopp", maximum=MAX_AMOUNT_KR,
                                      optional=True),
    rekvisition_account_kind=rules.choice("Kontoslag", AccountKind),
    rekvisition_account=rules.text("Konto", max_len=40),
    rekvisition_reference=rules.text("Referens"),
    repayment_unit_number=rules.text("Enhetsnummer", max_len=40),
    repayment_days=rules.whole("Antal dagar", maximum=365),
    breach_text=rules.text("Texten", max_len=LONG_TEXT_MAX),
    reclaim_text=rules.text("Texten", max_len=LONG_TEXT_MAX),
    evaluation_text=rules.text("Texten", max_len=LONG_TEXT_MAX),
    changes_text=rules.text("Texten", max_len=LONG_TEXT_MAX))

CHANGE_RULES = rules.record(
    "agreement_changes",
    agreement_id=rules.ref("Överenskommelse"),
    target=rules.choice("Vad som ändras", ChangeTarget),
    target_id=rules.ref("Det som ändras"),
    value=rules.text("Nytt värde"),
    note=rules.text("Motivering", max_len=2000),
    position=_order())

PAYMENT_RULES = rules.record(
    "agreement_payments",
    agreement_id=rules.ref("Överenskommelse"),
    due_date=rules.date("Utbetalningsdatum", required=True),
    amount_kr=rules.whole("Beloppet", maximum=MAX_AMOUNT_KR),
    on_requisition=rules.flag("Efter rekvisition"),
    position=_order())

REPORT_RULES = rules.record(
    "agreement_reports",
    agreement_id=rules.ref("Överenskommelse"),
    kind=rules.choice("Typ av redovisning", ReportKind),
    due_date=rules.date("Sista dag för redovisningen", required=True),
    content_points=rules.text_list("Innehåll", max_len=2000),
    text=rules.text("Text", max_len=LONG_TEXT_MAX),
    position=_order())

REPORT_TERMS_RULES = rules.link(
    "agreement_report_terms", report_id=rules.ref("Redovisning"),
    terms_id=rules.ref("Insatsens villkor"))

SIGNATORY_RULES = rules.record(
    "agreement_signatories",
    agreement_id=rules.ref("Överenskommelse"),
    party=rules.choice("Part", Party),
    role=rules.choice("Roll", SignatoryRole),
    name=rules.text("Namn", required=True),
    title=rules.text("Titel"),
    place=rules.text("Ort"),
    date=rules.date("Datum"),
    position=_order())

TERMS_RULES = rules.record(
    "agreement_terms",
    agreement_id=rules.ref("Överenskommelse"),
    intervention_id=rules.ref("Insats", optional=True),
    area_title=rules.text("Utvecklingsområde"),
    title=rules.text("Insatsens namn", required=True),
    description=rules.text("Beskrivning av insatsen", max_len=LONG_TEXT_MAX),
    scope=rules.text("Omfattning"),
    period_start=rules.date("Insatsen pågår från"),
    period_end=rules.date("Insatsen pågår till"),
    organiser_duties=rules.text_list("Huvudmannens åtaganden"),
    skolverket_duties=rules.text_list("Skolverkets åtaganden"),
    role_duties=rules.custom("Rollernas åtaganden", "text", _role_duties),
    position=_order())

FUNDING_RULES = rules.record(
    "agreement_funding",
    terms_id=rules.ref("Insatsens villkor"),
    kind=rules.choice("Finansiering", FundingKind),
    amount_kr=rules.whole("Beloppet", maximum=MAX_AMOUNT_KR, optional=True),
    year=rules.whole("År", minimum=1990, maximum=2100, optional=True),
    provider_kind=rules.choice("Utförare", ProviderKind, optional=True),
    provider_name=rules.text("Utförarens namn"),
    text=rules.text("Text", max_len=LONG_TEXT_MAX),
    position=_order())

PARTICIPANT_RULES = rules.record(
    "agreement_participants",
    terms_id=rules.ref("Insatsens villkor"),
    participant_group=rules.text("Deltagare"),
    count=rules.whole("Antal", maximum=MAX_PARTICIPANTS),
    approximate=rules.flag("Cirka"),
    school_unit_id=rules.ref("Skolenhet", optional=True),
    position=_order())

DECLARED = (AGREEMENT_RULES, CHANGE_RULES, PAYMENT_RULES, REPORT_RULES, REPORT_TERMS_RULES,
            SIGNATORY_RULES, TERMS_RULES, FUNDING_RULES, PARTICIPANT_RULES)
