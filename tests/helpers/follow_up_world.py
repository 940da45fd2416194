"""The sample samverkan (Norrviks kommun) taken from its plan to a signed ÖK 2 and
through genomförande, through the program's own repositories, with a clock the test
moves forward."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dialogteam_app.domain.agreement import new_agreement
from dialogteam_app.domain.agreement_kinds import AgreementKind, AgreementStatus, FundingKind, ReportKind
from dialogteam_app.domain.agreement_money import draft_payment_plan
from dialogteam_app.domain.agreement_reports import ReportObligation, default_points
from dialogteam_app.domain.agreement_terms import FundingLine, terms_from_plan
from dialogteam_app.domain.follow_up import GoalFollowUp, GoalHorizon
from dialogteam_app.sample_data import load_sample, sample_id
from dialogteam_app.store.store import Store

YEARS = (2027, 2028, 2029)
GRANT_PER_YEAR = 100_000


class Clock:
    def __init__(self, day: date):
        self.day = day

    def __call__(self) -> date:
        return self.day


def signed_ok2(store: Store, clock: Clock) -> tuple[str, str]:
    """Load the sample and sign an ÖK 2 for Norrvik's plan: every insats with a grant
    for each year, a payment plan, two delredovisningar and a slutredovisning."""
    load_sample(store)
    store.follow_up.today = clock
    engagement_id = sample_id("engagement")
    plan = store.plans.load(engagement_id)
    ok2 = new_agreement(engagement_id, AgreementKind.OK2)
    ok2 = replace(ok2, dnr="7.4.2-2027:9", decision_date="2027-01-20", decision_dnr="2027:9",
                  period_start="2027-02-01", period_end="2029-06-30",
                  status=AgreementStatus.SIGNED, signed_date="2027-01-31")
    position = 0
    for area in plan.areas:
        for iv in area.interventions:
            terms = terms_from_plan(ok2.id, area, iv, position)
            terms.funding = [FundingLine(terms.id, FundingKind.GRANTED, GRANT_PER_YEAR, year, position=n)
                             for n, year in enumerate(YEARS)]
            ok2.terms.append(terms)
            position += 1
    granted = GRANT_PER_YEAR * len(YEARS) * len(ok2.terms)
    ok2.payments = draft_payment_plan(ok2.id, granted, "2027-02-15", "2029-04-01")
    ok2.reports = [ReportObligation(ok2.id, kind, due, content_points=default_points(kind),
                                    position=n)
                   for n, (kind, due) in enumerate(((ReportKind.INTERIM, "2027-12-15"),
                                                    (ReportKind.INTERIM, "2028-12-15"),
                                                    (ReportKind.FINAL, "2029-09-30")))]
    store.agreements.save_whole(ok2)
    for terms in ok2.terms:
        iv = next(i for a in plan.areas for i in a.interventions if i.id == terms.intervention_id)
        for n, (horizon, text) in enumerate(((GoalHorizon.SHORT, iv.goals_short),
                                             (GoalHorizon.LONG, iv.goals_long))):
            if text.strip():
                store.follow_up.save_goal(GoalFollowUp(terms.id, text.strip()[:2000],
                                                       horizon, position=n))
    return engagement_id, ok2.id
