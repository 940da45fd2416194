"""An invented ÖK 2 in which Skolverket pays money: Hagsta kommun, four insatser,
250 000 kr over 2021 and 2022, an utbetalningsplan (first payment on rekvisition,
then quarterly in advance), a rekvisition and repayment to Skolverket's bankgiro.

Granted per insats and year (kr):      2021     2022
  1.1 Språkutvecklande arbetssätt     50 000   30 000
  1.2 Kollegialt lärande i matematik  40 000   40 000   + huvudmannen 25 000
  2.1 Elevhälsans förebyggande arbete 30 000   20 000   + Region Hagsta 15 000
  2.2 Rektorers pedagogiska ledarskap      –   40 000   + lärosäte (upphandlas)
"""

from __future__ import annotations

from dataclasses import replace

from dialogteam_app.domain.agreement import Signatory, new_agreement
from dialogteam_app.domain.agreement_kinds import (
    AccountKind,
    AgreementKind,
    FundingKind,
    Party,
    ProviderKind,
    ReportKind,
)
from dialogteam_app.domain.agreement_money import Rekvisition, Repayment, draft_payment_plan
from dialogteam_app.domain.agreement_reports import ReportObligation, default_points
from dialogteam_app.domain.agreement_terms import (
    FundingLine,
    ParticipantCount,
    terms_from_plan,
)
from dialogteam_app.domain.engagement import Engagement
from dialogteam_app.domain.organisations import Organiser, SchoolUnit
from dialogteam_app.domain.plan import DevelopmentArea, Intervention

SKOLVERKET_BANKGIRO = "5050-1055"
PLAN = [
    ("Språkutveckling i alla ämnen", [
        ("Språkutvecklande arbetssätt", [(FundingKind.GRANTED, 50_000, 2021, ""),
                                         (FundingKind.GRANTED, 30_000, 2022, "")]),
        ("Kollegialt lärande i matematik", [(FundingKind.GRANTED, 40_000, 2021, ""),
                                            (FundingKind.GRANTED, 40_000, 2022, ""),
                                            (FundingKind.OWN, 25_000, 2021, "")]),
    ]),
    ("Trygghet och studiero", [
        ("Elevhälsans förebyggande arbete", [(FundingKind.GRANTED, 30_000, 2021, ""),
                                             (FundingKind.GRANTED, 20_000, 2022, ""),
                                             (FundingKind.OTHER, 15_000, 2021, "Region Hagsta")]),
        ("Rektorers pedagogiska ledarskap", [(FundingKind.GRANTED, 40_000, 2022, ""),
                                             (FundingKind.PROCURED, None, None, "")]),
    ]),
]


def enter_hagsta(store) -> tuple[str, str]:
    """(engagement id, agreement id)"""
    organiser = Organiser(name="Hagsta kommun", org_number="212000-2411",
                          address="Storgatan 1, 812 30 Hagsta", phone="0290-123 00")
    store.organisers.save(organiser)
    units = [SchoolUnit(organiser_id=organiser.id, name=n, grade_span=g, position=i)
             for i, (n, g) in enumerate((("Norrskolan", "F-6"), ("Åsenskolan", "7-9")))]
    for u in units:
        store.organisers.save_unit(u)
    engagement = Engagement(organiser_id=organiser.id, dnr="2020:1412",
                            school_unit_ids=[u.id for u in units])
    store.engagements.save(engagement)
    party = store.agreements.skolverket()
    store.agreements.save_skolverket(replace(party, repayment_bankgiro=SKOLVERKET_BANKGIRO))

    agreement = new_agreement(engagement.id, AgreementKind.OK2)
    agreement.dnr = agreement.decision_dnr = "2020:1412"
    agreement.decision_date = "2020-12-10"
    agreement.decision_text = "om insatser inom två utvecklingsområden"
    agreement.period_start, agreement.period_end = "2021-01-01", "2022-12-31"
    agreement.rekvisition = Rekvisition(orgnr="212000-2411", amount_kr=31_250,
                                        account_kind=AccountKind.BANKGIRO, account="5820-1237",
                                        reference="Samverkan för bästa skola 2020:1412")
    agreement.repayment = Repayment(unit_number="12345")
    store.agreements.save(agreement)
    position = 0
    for area_position, (area_title, insatser) in enumerate(PLAN):
        area = DevelopmentArea(engagement_id=engagement.id, title=area_title,
                               position=area_position)
        store.plans.save_area(area)
        for title, funding in insatser:
            intervention = Intervention(area_id=area.id, title=title, start="2021-01-15",
                                        end="2022-12-15", school_unit_ids=[units[0].id])
            store.plans.save_intervention(intervention)
            terms = terms_from_plan(agreement.id, area, intervention, position)
            terms.organiser_duties = ["avsätta tid för personalens deltagande"]
            terms.skolverket_duties = ["följa upp insatsen vid uppföljningsmötena"]
            store.agreements.save_terms(terms)
            for n, (kind, amount, year, name) in enumerate(funding):
                store.agreements.save_funding(FundingLine(
                    terms_id=terms.id, kind=kind, amount_kr=amount, year=year,
                    provider_name=name, position=n,
                    provider_kind=ProviderKind.UNIVERSITY if kind is FundingKind.PROCURED
                    else None))
            store.agreements.save_participant(ParticipantCount(
                terms_id=terms.id, group="lärare", count=12 + position,
                school_unit_id=units[0].id))
            position += 1
    payments = draft_payment_plan(agreement.id, 250_000, "2021-02-01", "2022-12-31")
    store.agreements.replace_payments(agreement.id, payments)
    for n, due in enumerate(("2021-12-15", "2022-06-15")):
        store.agreements.save_report(ReportObligation(
            agreement_id=agreement.id, kind=ReportKind.INTERIM, due_date=due,
            content_points=default_points(ReportKind.INTERIM), position=n))
    store.agreements.save_report(ReportObligation(
        agreement_id=agreement.id, kind=ReportKind.FINAL, due_date="2022-12-31",
        content_points=default_points(ReportKind.FINAL), position=2))
    for n, (party_, name, title, date) in enumerate((
            (Party.SKOLVERKET, "Karin Ek", "Enhetschef", "2020-12-14"),
            (Party.HUVUDMAN, "Lars Berg", "Förvaltningschef", "2020-12-18"))):
        store.agreements.save_signatory(Signatory(agreement_id=agreement.id, party=party_,
                                                  name=name, title=title, place="Hagsta",
                                                  date=date, position=n))
    return engagement.id, agreement.id
