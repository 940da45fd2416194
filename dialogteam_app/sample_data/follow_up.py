"""A second fictitious huvudman, Sjöviks kommun, whose samverkan is in genomförande:
a signed ÖK 2 with three insatser, payments, statuses, a progress log, money used,
goals judged, a submitted and reviewed delredovisning and one followed key-figure
year. So a newcomer sees both phases, and `--report` and `--calendar` have data."""

from __future__ import annotations

from datetime import date

from ..domain.agreement import Agreement, Signatory
from ..domain.agreement_kinds import (
    AgreementKind,
    AgreementStatus,
    FundingKind,
    Party,
    ProviderKind,
    ReportKind,
)
from ..domain.agreement_money import PaymentRow
from ..domain.agreement_reports import ReportObligation, default_points
from ..domain.agreement_terms import FundingLine, InterventionTerms, ParticipantCount
from ..domain.analysis import Factor, KeyFigure, Measure
from ..domain.engagement import Engagement, Phase
from ..domain.follow_up import (
    CostKind,
    GoalFollowUp,
    GoalHorizon,
    InterventionStatus,
    Judgement,
    LogEntry,
    PaymentReceipt,
    Reached,
    Spending,
    StatusEntry,
)
from ..domain.follow_up_reports import ReportStatus, ReportWork
from ..domain.meetings import Meeting, MeetingKind, Task
from ..domain.organisations import ContactPerson, Organiser, OrganiserKind, SchoolUnit
from ..domain.plan import DevelopmentArea, Intervention
from ..store.store import Store
from .ids import sample_id

SECOND_ORGANISER_NAME = "Sjöviks kommun"


def _id(name: str) -> str:
    return sample_id("sjovik-" + name)


def load_second_organiser(store: Store) -> Engagement:
    organiser_id = _id("organiser")
    store.organisers.save(Organiser(
        id=organiser_id, name=SECOND_ORGANISER_NAME, kind=OrganiserKind.KOMMUN,
        org_number="212000-9770", address="Torget 1, 999 50 Sjövik", phone="0456-10 00 00",
        email="utbildning@sjovik.example.se",
        notes="Utbildningsförvaltningen. Samverkan sedan 2025; insatserna pågår."))
    store.organisers.save_contact(ContactPerson(
        id=_id("contact-jonas"), organiser_id=organiser_id, name="Jonas Berg",
        role="Skolchef", email="jonas.berg@sjovik.example.se", primary=True))
    units = [("unit-ek", "Ekskolan", "F-6", "Lina Åberg", 310, "82345671"),
             ("unit-hamn", "Hamnskolan", "7-9", "Omar Nilsson", 402, "82345672")]
    for pos, (key, name, span, principal, count, code) in enumerate(units):
        store.organisers.save_unit(SchoolUnit(
            id=_id(key), organiser_id=organiser_id, name=name, grade_span=span,
            principal=principal, student_count=count, unit_code=code, position=pos))
    engagement = Engagement(
        id=_id("engagement"), organiser_id=organiser_id,
        title="Samverkan för bästa skola 2025–2028", dnr="2025:118",
        phase=Phase.IMPLEMENTATION, responsible_id=sample_id("supporter-petter"),
        school_unit_ids=[_id("unit-ek"), _id("unit-hamn")],
        notes="ÖK 2 undertecknad i augusti 2025. Första delredovisningen är granskad.")
    store.engagements.save(engagement)
    _plan(store, engagement.id)
    _agreement(store, engagement.id)
    _meeting(store, engagement.id)
    _follow_up(store, engagement.id)
    return engagement


# terms key -> (area key, research factors); the plan the ÖK 2 was built from
_PLAN = {"t-formativ": ("area-teaching", [Factor.FORMATIVE_ASSESSMENT, Factor.COLLEGIAL_LEARNING]),
         "t-ledarskap": ("area-leadership", [Factor.PEDAGOGICAL_LEADERSHIP, Factor.TRUST]),
         "t-elevhalsa": ("area-teaching", [Factor.INCLUSION])}


def _plan(store: Store, engagement_id: str) -> None:
    for pos, (key, title) in enumerate((("area-teaching", "Undervisningens kvalitet"),
                                        ("area-leadership", "Ledning och styrning"))):
        store.plans.save_area(DevelopmentArea(id=_id(key), engagement_id=engagement_id,
                                              title=title, position=pos))
    titles = {"t-formativ": "Formativ bedömning i matematik",
              "t-ledarskap": "Pedagogiskt ledarskap för rektorer",
              "t-elevhalsa": "Elevhälsans främjande arbete"}
    for pos, (key, (area, factors)) in enumerate(_PLAN.items()):
        store.plans.save_intervention(Intervention(
            id=_id("plan-" + key), area_id=_id(area), title=titles[key],
            factors=[f.value for f in factors], position=pos))


def _agreement(store: Store, engagement_id: str) -> None:
    aid = _id("ok2")
    a = Agreement(id=aid, engagement_id=engagement_id, kind=AgreementKind.OK2,
                  dnr="7.4.2-2025:118", decision_date="2025-06-10", decision_dnr="2025:118",
                  decision_text="Skolverket beslutar att bevilja Sjöviks kommun medel för "
                                "insatserna i åtgärdsplanen.",
                  period_start="2025-08-01", period_end="2028-06-30",
                  status=AgreementStatus.SIGNED, sent_date="2025-06-20",
                  signed_date="2025-08-15")
    a.signatories = [
        Signatory(id=_id("sign-sv"), agreement_id=aid, party=Party.SKOLVERKET,
                  name="Karin Lund", title="Avdelningschef", place="Solna", date="2025-08-12"),
        Signatory(id=_id("sign-hm"), agreement_id=aid, party=Party.HUVUDMAN,
                  name="Jonas Berg", title="Skolchef", place="Sjövik", date="2025-08-15",
                  position=1)]
    # key, area, title, description, scope, participants (group, count, cirka, unit),
    # grant per year
    terms: list[tuple[str, str, str, str, str, list[tuple[str, int, bool, str | None]],
                      dict[int, int]]] = [
        ("t-formativ", "Undervisningens kvalitet", "Formativ bedömning i matematik",
         "Kollegialt lärande i matematiklyft-form på båda skolorna.", "40 timmar",
         [("lärare", 24, True, "unit-ek"), ("lärare", 18, False, "unit-hamn")],
         {2025: 150_000, 2026: 300_000, 2027: 250_000}),
        ("t-ledarskap", "Ledning och styrning", "Pedagogiskt ledarskap för rektorer",
         "Handledning av rektorer och biträdande rektorer i att leda undervisningen.",
         "12 träffar", [("rektorer och biträdande rektorer", 5, False, None)],
         {2025: 50_000, 2026: 100_000, 2027: 100_000}),
        ("t-elevhalsa", "Undervisningens kvalitet", "Elevhälsans främjande arbete",
         "Elevhälsan arbetar förebyggande tillsammans med lärarna.", "",
         [("elevhälsopersonal", 8, True, None)], {2026: 120_000, 2027: 80_000}),
    ]
    for pos, (key, area, title, text, scope, people, money) in enumerate(terms):
        tid = _id(key)
        t = InterventionTerms(id=tid, agreement_id=aid, title=title, area_title=area,
                              intervention_id=_id("plan-" + key),
                              description=text, scope=scope, start="2025-09-01",
                              end="2028-05-31", position=pos)
        t.participants = [ParticipantCount(id=_id(f"{key}-p{n}"), terms_id=tid, group=g,
                                           count=c, approximate=approx, position=n,
                                           school_unit_id=_id(u) if u else None)
                          for n, (g, c, approx, u) in enumerate(people)]
        t.funding = [FundingLine(id=_id(f"{key}-f{y}"), terms_id=tid, kind=FundingKind.GRANTED,
                                 amount_kr=kr, year=y, position=n)
                     for n, (y, kr) in enumerate(money.items())]
        if key == "t-ledarskap":
            t.funding.append(FundingLine(id=_id(f"{key}-proc"), terms_id=tid,
                                         kind=FundingKind.PROCURED,
                                         provider_kind=ProviderKind.UNIVERSITY,
                                         provider_name="Mittuniversitetet", position=9))
        a.terms.append(t)
    payments = [("2025-09-01", 200_000, True), ("2026-01-01", 200_000, False),
                ("2026-04-01", 200_000, False), ("2026-10-01", 200_000, False),
                ("2027-01-01", 175_000, False), ("2027-04-01", 175_000, False)]
    a.payments = [PaymentRow(id=_id(f"pay-{n}"), agreement_id=aid, due_date=d, amount_kr=kr,
                             on_requisition=req, position=n)
                  for n, (d, kr, req) in enumerate(payments)]
    reports = [(ReportKind.INTERIM, "2026-06-30"), (ReportKind.INTERIM, "2027-06-30"),
               (ReportKind.FINAL, "2028-08-31")]
    a.reports = [ReportObligation(id=_id(f"report-{n}"), agreement_id=aid, kind=kind,
                                  due_date=due, content_points=default_points(kind), position=n)
                 for n, (kind, due) in enumerate(reports)]
    store.agreements.save_whole(a)


def _meeting(store: Store, engagement_id: str) -> None:
    meeting = Meeting(id=_id("meeting-1"), engagement_id=engagement_id, date="2026-06-02",
                      kind=MeetingKind.FOLLOW_UP, title="Uppföljning inför delredovisning 1",
                      start_time="09:00", end_time="11:00", place="Sjöviks stadshus")
    store.meetings.save(meeting)
    store.meetings.save_task(Task(
        id=_id("task-1"), meeting_id=meeting.id, who="Jonas Berg",
        text="Skicka elevenkätens resultat för Hamnskolan", due="2026-09-15"))


def _follow_up(store: Store, engagement_id: str) -> None:
    fu = store.follow_up
    f, ledar, elev = _id("t-formativ"), _id("t-ledarskap"), _id("t-elevhalsa")
    for key, tid, status, day in (("s1", f, InterventionStatus.ONGOING, "2025-09-10"),
                                  ("s2", ledar, InterventionStatus.ONGOING, "2025-10-01"),
                                  ("s3", elev, InterventionStatus.NOT_STARTED, "2025-08-15"),
                                  ("s4", elev, InterventionStatus.ONGOING, "2026-08-20")):
        fu.save_status(StatusEntry(id=_id(key), terms_id=tid, status=status, date=day))
    logs = [(f, "2025-09-10", "Uppstart med matematiklärarna på båda skolorna."),
            (f, "2026-02-04", "Åtta av tio moduler genomförda; lärarna prövar exit tickets."),
            (ledar, "2025-10-01", "Första handledningsträffen för rektorerna."),
            (ledar, "2026-05-20", "Rektorerna har gjort gemensamma lektionsbesök.")]
    for n, (tid, day, text) in enumerate(logs):
        fu.save_log(LogEntry(id=_id(f"log-{n}"), terms_id=tid, date=day, text=text))
    for n, (tid, year, group, count, unit) in enumerate((
            (f, 2025, "lärare", 22, "unit-ek"), (f, 2025, "lärare", 17, "unit-hamn"),
            (ledar, 2025, "rektorer och biträdande rektorer", 5, None))):
        fu.save_reached(Reached(id=_id(f"reached-{n}"), terms_id=tid, year=year, group=group,
                                count=count, school_unit_id=_id(unit) if unit else None))
    for n, (tid, year, kind, kr) in enumerate((
            (f, 2025, CostKind.TRAINING, 120_000), (f, 2025, CostKind.STAFF, 25_000),
            (f, 2026, CostKind.STAFF, 140_000), (ledar, 2025, CostKind.GUIDANCE, 48_000),
            (ledar, 2026, CostKind.GUIDANCE, 60_000))):
        fu.save_spending(Spending(id=_id(f"spent-{n}"), terms_id=tid, year=year,
                                  cost_kind=kind, used_kr=kr))
    goals = [(f, GoalHorizon.SHORT, "Alla matematiklärare använder formativa arbetssätt "
                                    "i minst en lektion i veckan.", Judgement.PARTLY,
              "Lektionsbesök våren 2026: 14 av 18 lärare på Hamnskolan."),
             (f, GoalHorizon.LONG, "Andelen elever med lägst E i matematik åk 9 ökar till "
                                   "riksgenomsnittet.", Judgement.TOO_EARLY, ""),
             (ledar, GoalHorizon.SHORT, "Rektorerna gör gemensamma lektionsbesök varje termin.",
              Judgement.ACHIEVED, "Protokoll från ledningsgruppen 2026-05-20.")]
    for n, (tid, horizon, goal, judgement, evidence) in enumerate(goals):
        fu.save_goal(GoalFollowUp(id=_id(f"goal-{n}"), terms_id=tid, goal=goal, horizon=horizon,
                                  judgement=judgement, evidence=evidence,
                                  judged_date="2026-06-02", position=n))
    for n, day in enumerate(("2025-09-05", "2026-01-02", "2026-04-01", "2026-10-01")):
        fu.save_receipt(PaymentReceipt(payment_id=_id(f"pay-{n}"), paid_date=day,
                                       amount_kr=200_000))
    store.current_state.import_key_figures(engagement_id, [
        KeyFigure(id=_id("kf-base"), engagement_id=engagement_id,
                  school_unit_id=_id("unit-hamn"), measure=Measure.NATIONAL_TEST_9,
                  year="2024", value=71.0, national_value=82.0, subject="Matematik")])
    fu.import_followed(engagement_id, [
        KeyFigure(id=_id("kf-2026"), engagement_id=engagement_id,
                  school_unit_id=_id("unit-hamn"), measure=Measure.NATIONAL_TEST_9,
                  year="2026", value=76.0, national_value=83.0, subject="Matematik")])
    if fu.today() >= date(2026, 6, 25):
        fu.save_report_work(engagement_id, ReportWork(
            report_id=_id("report-0"), status=ReportStatus.REVIEWED,
            submitted_date="2026-06-25", reviewed_date="2026-08-20",
            decision_comment="Skolverket godkänner delredovisningen.",
            summary="Under det första året har fortbildningen i formativ bedömning kommit "
                    "igång på båda skolorna och rektorerna har fått handledning.",
            results_text="Lärarna på Hamnskolan använder formativa arbetssätt oftare; "
                         "andelen elever med lägst E på nationella provet i matematik "
                         "har ökat från 71 till 76 procent."))
