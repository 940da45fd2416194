"""Stockholms kommun's ÖK 2 of 2020 (seed overenskommelse_stockholm_2020.txt) and the
ÖK 1 it refers to, entered through the program's own repositories as a user's data
would be. The plan behind it (Bilaga 1, Midsommarkransens gymnasium) is entered
with the two insatser the agreement funds.

Where the seed's scan is garbled the reading chosen is noted.
"""

from dialogteam_app.domain import agreement_texts as texts
from dialogteam_app.domain.agreement import Signatory, new_agreement
from dialogteam_app.domain.agreement_kinds import (
    AgreementKind,
    AgreementStatus,
    FundingKind,
    Party,
    ProviderKind,
    ReportKind,
    SignatoryRole,
)
from dialogteam_app.domain.agreement_reports import ReportObligation, default_points
from dialogteam_app.domain.agreement_terms import FundingLine, InterventionTerms, RoleDuty
from dialogteam_app.domain.engagement import Engagement, KeyDate, KeyDateKind, Phase
from dialogteam_app.domain.organisations import Organiser, SchoolUnit
from dialogteam_app.domain.plan import ActionPlan, DevelopmentArea, Intervention

DNR = "7.4.2-2019:830"   # the party block prints "7.4.2- 2019:830"; the beslut has no space
AREA = "styrning och utveckling av verksamheten"

SUPPORT_DESCRIPTION = (
    "Skolverket bidrar med stöd i uppföljning av identifierade utvecklingsinsatser under "
    "samverkansperioden i syfte att stödja Huvudmannens utveckling av det systematiska "
    "kvalitetsarbetet och stärka förståelsen för kvalitetsarbete på olika nivåer i "
    "Huvudmannens organisation.")
SUPPORT_ORGANISER = [
    "frigöra tid och resurser inom organisationen för arbetet med uppföljning och utvärdering",
    "dokumentera uppföljningen i redovisning till Skolverket i angiven form enligt "
    "överenskommelse",
    "säkerställa delaktighet och förankra arbetet på olika nivåer inom organisationen "
    "inklusive berörda personalgrupper och elever",
    "representation finns från Huvudmannen och berörda skolenheter i uppföljningsmöten med "
    "Skolverket",
    "insatsen inkluderas i Huvudmannens systematiska kvalitetsarbete",
    "delta i de mötesplatser som Skolverket erbjuder under samverkansperioden",
]
SUPPORT_SKOLVERKET = [
    "ge stöd och vägledning i uppföljning av beslutade insatser och i utvecklingen av det "
    "systematiska kvalitetsarbetet",
    "i samverkan med Huvudmannens kontaktpersoner och berörda rektorer planera och genomföra "
    "uppföljningsmöten i samband med redovisningar till Skolverket",
    "erbjuda mötesplatser för lärande under samverkansperioden",
]
GUIDANCE_DESCRIPTION = (
    "Handledning och processtöd till rektor och biträdande rektorer att leda i förändring, att "
    "strategiskt och organisatoriskt förändra en skolkultur. Syftet är att fördjupa analysen och "
    "identifiera de underliggande orsakerna och utmaningarna, för att sedan ta fram en plan för "
    "fortsatta insatser. Insatsen syftar också till att ge skolledningen redskap, metoder och "
    "strategier för att främja ett kollegialt lärande på skolan på ett systematiskt sätt.\n\n"
    "Insatsen utgår från skolans åtgärdsplan, se bilaga 1.")
GUIDANCE_SKOLVERKET = ["beställa insatsen från valt lärosäte med utgångspunkt i den åtgärdsplan "
                       "som skolan har redovisat"]
GUIDANCE_ROLES = [
    RoleDuty("Rektor på Midsommarkransen", "detaljplanering tillsammans med valt lärosäte samt "
             "att resultaten av insatsen utgör grund för fortsatt utveckling"),
    RoleDuty("Gymnasiedirektören", "att insatsen inkluderas i Huvudmannens systematiska "
             "kvalitetsarbete, vilket innebär att regelbundna uppföljningar genomförs och "
             "rapporteras till Utbildningsnämnden"),
    RoleDuty("Utbildningsnämnden", "att insatsen genomförs och prioriteras i Huvudmannens "
             "verksamhet samt att resultaten av insatsen utgör grund för fortsatt utveckling"),
]
FINAL_REPORT_TEXT = "När slutredovisningen lämnats in och granskats av Skolverket fattas ett beslut."
# (name, title, place, date). The scan shows "ILANA HART Vikarierande Gymnasiedirektör"
# signed by hand over Peter Lyth's printed name; the second huvudman line has no date.
SKOLVERKET_SIGNS = [("Annika Holmgren", "Undervisningsråd", "Stockholm", "2020-06-09"),
                    ("Kjell Hedwall", "Avdelningschef", "Stockholm", "2020-06-09")]
HUVUDMAN_SIGNS = [("Ilana Hart", "Vikarierande gymnasiedirektör", "Stockholm", "2020-06-23"),
                  ("Peter Lyth", "Gymnasiedirektör", "Stockholm", "2020-06-23"),
                  ("Isabel Smedberg Palmqvist", "Ordförande Utbildningsnämnden", "Stockholm", "")]
REVIEWER = ("Ulrika Lundqvist", "Enhetschef")


def enter_stockholm(store) -> tuple[str, str]:
    """Stockholms kommun, its samverkan, the plan, ÖK 1 and ÖK 2: (engagement id, ÖK 2 id)."""
    organiser = Organiser(name="Stockholms kommun", org_number="212000-0142",
                          address="Box 22049, 104 22 Stockholm", phone="08-508 33 000")
    store.organisers.save(organiser)
    unit = SchoolUnit(organiser_id=organiser.id, name="Midsommarkransens gymnasium",
                      school_type="Gymnasieskola")
    store.organisers.save_unit(unit)
    engagement = Engagement(organiser_id=organiser.id, title="Samverkan för bästa skola",
                            dnr=DNR, phase=Phase.IMPLEMENTATION, school_unit_ids=[unit.id])
    store.engagements.save(engagement)
    store.engagements.save_key_date(KeyDate(engagement_id=engagement.id,
                                            kind=KeyDateKind.PLAN_SUBMITTED, date="2020-05-04"))
    support, guidance = _enter_plan(store, engagement.id, unit.id)

    ok1 = new_agreement(engagement.id, AgreementKind.OK1)
    ok1.decision_date, ok1.signed_date = "2019-05-09", "2019-06-27"
    ok1.decision_text = ("om samverkan med Huvudmannen avseende framtagande av nulägesanalys "
                         "och åtgärdsplan")
    ok1.status = AgreementStatus.SIGNED
    store.agreements.save(ok1)

    ok2 = new_agreement(engagement.id, AgreementKind.OK2)
    ok2.dnr = ok2.decision_dnr = DNR
    ok2.decision_date = "2020-06-09"
    ok2.decision_text = ("om inom vilka utvecklingsområden som insatser ska genomföras inom "
                         "ramen för samverkan")
    ok2.period_start, ok2.period_end = "2020-05-15", "2022-08-31"
    ok2.status, ok2.sent_date, ok2.signed_date = AgreementStatus.SIGNED, "2020-06-09", "2020-06-23"
    ok2.breach_text = texts.BREACH.replace("Överenskommelse kan", "Överenskommelse (ÖK 2) kan")
    store.agreements.save(ok2)
    agreements = store.agreements
    t1 = InterventionTerms(agreement_id=ok2.id, intervention_id=support.id, area_title=AREA,
                           title=support.title, description=SUPPORT_DESCRIPTION,
                           start="2020-05-25", end="2022-08-31",
                           organiser_duties=SUPPORT_ORGANISER,
                           skolverket_duties=SUPPORT_SKOLVERKET, position=0)
    t2 = InterventionTerms(agreement_id=ok2.id, intervention_id=guidance.id, area_title=AREA,
                           title=guidance.title, description=GUIDANCE_DESCRIPTION,
                           scope="52 timmar", start="2020-05-15", end="2022-06-30",
                           skolverket_duties=GUIDANCE_SKOLVERKET, role_duties=GUIDANCE_ROLES,
                           position=1)
    for t in (t1, t2):
        agreements.save_terms(t)
    agreements.save_funding(FundingLine(terms_id=t2.id, kind=FundingKind.PROCURED,
                                        provider_kind=ProviderKind.UNIVERSITY, position=0))
    agreements.save_funding(FundingLine(terms_id=t2.id, kind=FundingKind.OWN, position=1))
    for position, due in enumerate(("2021-04-15", "2021-10-15")):
        agreements.save_report(ReportObligation(
            agreement_id=ok2.id, kind=ReportKind.INTERIM, due_date=due, terms_ids=[t1.id, t2.id],
            content_points=default_points(ReportKind.INTERIM), position=position))
    agreements.save_report(ReportObligation(
        agreement_id=ok2.id, kind=ReportKind.FINAL, due_date="2022-08-31",
        content_points=default_points(ReportKind.FINAL), text=FINAL_REPORT_TEXT, position=2))
    position = 0
    for party, people in ((Party.SKOLVERKET, SKOLVERKET_SIGNS), (Party.HUVUDMAN, HUVUDMAN_SIGNS)):
        for name, title, place, date in people:
            agreements.save_signatory(Signatory(agreement_id=ok2.id, party=party, name=name,
                                                title=title, place=place, date=date,
                                                position=position))
            position += 1
    agreements.save_signatory(Signatory(agreement_id=ok2.id, party=Party.SKOLVERKET,
                                        role=SignatoryRole.REVIEWS, name=REVIEWER[0],
                                        title=REVIEWER[1], position=position))
    return engagement.id, ok2.id


def _enter_plan(store, engagement_id: str, unit_id: str) -> tuple[Intervention, Intervention]:
    plans = store.plans
    plans.save_texts(ActionPlan(
        engagement_id=engagement_id,
        background="Midsommarkransens gymnasium behöver stärka det systematiska "
                   "kvalitetsarbetet och skolledningens förmåga att leda förändring."))
    area = DevelopmentArea(engagement_id=engagement_id,
                           title="Styrning och utveckling av verksamheten")
    plans.save_area(area)
    support = Intervention(area_id=area.id,
                           title="Processtöd för uppföljning av utvecklingsinsatser",
                           description=SUPPORT_DESCRIPTION, school_unit_ids=[unit_id],
                           responsible="Gymnasiedirektören", start="2020-05-25",
                           end="2022-08-31", position=0)
    guidance = Intervention(area_id=area.id, title="Handledning och processtöd till skolledningen",
                            description=GUIDANCE_DESCRIPTION.split("\n\n")[0],
                            school_unit_ids=[unit_id], participant_groups="Rektor och "
                            "biträdande rektorer", responsible="Rektor på Midsommarkransen",
                            start="2020-05-15", end="2022-06-30", position=1)
    plans.save_intervention(support)
    plans.save_intervention(guidance)
    return support, guidance
