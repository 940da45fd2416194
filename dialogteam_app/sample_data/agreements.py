"""The sample engagement's agreements: the signed ÖK 1 (nulägesanalys and
åtgärdsplan) and a draft ÖK 2 that funds the draft plan, so a newcomer sees the
whole chain from analysis to signed money."""

from __future__ import annotations

from ..domain.agreement import Signatory, new_agreement
from ..domain.agreement_kinds import (
    AgreementKind,
    AgreementStatus,
    FundingKind,
    Party,
    ProviderKind,
    ReportKind,
)
from ..domain.agreement_money import Rekvisition, Repayment, draft_payment_plan
from ..domain.agreement_reports import ReportObligation, default_points
from ..domain.agreement_terms import FundingLine, ParticipantCount, terms_from_plan
from ..domain.engagement import Engagement
from ..store.store import Store
from .ids import sample_id

ORGANISER_DUTIES = [
    "frigöra tid och resurser för deltagarna enligt åtgärdsplanen",
    "insatsen inkluderas i Huvudmannens systematiska kvalitetsarbete",
    "dokumentera uppföljningen i redovisning till Skolverket enligt överenskommelsen",
]
SKOLVERKET_DUTIES = [
    "ge stöd och vägledning i uppföljningen av insatsen",
    "planera och genomföra uppföljningsmöten i samband med redovisningarna",
]
# per plan insats (by its candidate's key): scope, granted (kr, year)…,
# participants (group, count, cirka, skolenhet key)…
Participants = list[tuple[str, int, bool, str | None]]
TERMS: dict[str, tuple[str, list[tuple[int, int]], Participants]] = {
    "candidate-math": ("två moduler per läsår", [(180_000, 2027), (180_000, 2028)],
                       [("matematiklärare", 9, False, "unit-bjorkdal"),
                        ("förstelärare som handledare", 2, False, "unit-bjorkdal")]),
    "candidate-dialogues": ("tre resultatdialoger per läsår", [(90_000, 2027)],
                            [("rektorer", 3, False, None)]),
    "candidate-reading": ("", [], [("lärare", 22, True, "unit-alviken")]),
}


def load_agreements(store: Store, engagement: Engagement) -> None:
    agreements = store.agreements
    ok1 = new_agreement(engagement.id, AgreementKind.OK1)
    ok1.id = sample_id("agreement-ok1")
    ok1.dnr = ok1.decision_dnr = engagement.dnr
    ok1.decision_date, ok1.decision_text = "2026-05-12", (
        "om samverkan med Huvudmannen avseende framtagande av nulägesanalys och åtgärdsplan")
    ok1.period_start, ok1.period_end = "2026-06-18", "2026-12-31"
    ok1.status, ok1.sent_date, ok1.signed_date = (AgreementStatus.SIGNED, "2026-06-01",
                                                   "2026-06-18")
    agreements.save(ok1)
    for n, (party, name, title, date) in enumerate((
            (Party.SKOLVERKET, "Karin Sjöberg", "Enhetschef", "2026-06-15"),
            (Party.HUVUDMAN, "Eva Lindqvist", "Förvaltningschef", "2026-06-18"))):
        agreements.save_signatory(Signatory(id=sample_id(f"ok1-signatory-{n}"),
                                            agreement_id=ok1.id, party=party, name=name,
                                            title=title, place="Norrvik", date=date, position=n))

    ok2 = new_agreement(engagement.id, AgreementKind.OK2)
    ok2.id = sample_id("agreement-ok2")
    ok2.dnr = engagement.dnr
    ok2.period_start, ok2.period_end = "2027-02-01", "2029-06-30"
    ok2.rekvisition = Rekvisition(orgnr="212000-9986", amount_kr=56_250, account="5820-1237",
                                  reference="Samverkan för bästa skola 2026:412")
    ok2.repayment = Repayment(unit_number="8120")
    agreements.save(ok2)
    plan = store.plans.load(engagement.id)
    areas = {i.id: a for a in plan.areas for i in a.interventions}
    for position, (key, (scope, granted, participants)) in enumerate(TERMS.items()):
        intervention_id = sample_id(f"intervention-{key}")
        intervention = plan.intervention(intervention_id)
        assert intervention is not None  # the sample plan has every one of them
        terms = terms_from_plan(ok2.id, areas[intervention_id], intervention, position)
        terms.id = sample_id(f"terms-{key}")
        terms.scope = scope
        terms.organiser_duties = list(ORGANISER_DUTIES)
        terms.skolverket_duties = list(SKOLVERKET_DUTIES)
        agreements.save_terms(terms)
        lines = [FundingLine(terms.id, FundingKind.GRANTED, amount_kr=kr, year=year)
                 for kr, year in granted]
        if not lines:  # Läslyftet: Skolverket buys the handledning from a lärosäte
            lines.append(FundingLine(terms.id, FundingKind.PROCURED,
                                     provider_kind=ProviderKind.UNIVERSITY))
        lines.append(FundingLine(terms.id, FundingKind.OWN))   # övriga kostnader
        for n, line in enumerate(lines):
            line.id, line.position = sample_id(f"funding-{key}-{n}"), n
            agreements.save_funding(line)
        for n, (group, count, approximate, unit) in enumerate(participants):
            agreements.save_participant(ParticipantCount(
                id=sample_id(f"participants-{key}-{n}"), terms_id=terms.id, group=group,
                count=count, approximate=approximate,
                school_unit_id=sample_id(unit) if unit else None, position=n))
    payments = draft_payment_plan(ok2.id, 450_000, "2027-02-15", "2028-12-31")
    for n, p in enumerate(payments):
        p.id = sample_id(f"payment-{n}")
    agreements.replace_payments(ok2.id, payments)
    reports = [(ReportKind.INTERIM, "2027-10-15"), (ReportKind.INTERIM, "2028-10-15"),
               (ReportKind.FINAL, "2029-08-31")]
    for n, (kind, due) in enumerate(reports):
        agreements.save_report(ReportObligation(
            id=sample_id(f"report-{n}"), agreement_id=ok2.id, kind=kind, due_date=due,
            content_points=default_points(kind), position=n))
