"""Att göra and the team overview read from real data: what is due, what is not."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from helpers.follow_up_world import Clock, signed_ok2

from dialogteam_app.domain.agreement import new_agreement
from dialogteam_app.domain.agreement_kinds import AgreementKind, AgreementStatus
from dialogteam_app.domain.analysis import Factor
from dialogteam_app.domain.engagement import Phase
from dialogteam_app.domain.follow_up import PaymentReceipt
from dialogteam_app.domain.follow_up_overview import TodoKind
from dialogteam_app.domain.follow_up_reports import ReportStatus, ReportWork
from dialogteam_app.sample_data import sample_id
from dialogteam_app.sample_data.follow_up import _id


def _kinds(items):
    return [(i.kind, i.date, i.overdue) for i in items]


def test_att_gora_holds_reports_tasks_payments_and_signatures(store):
    engagement_id, ok2_id = signed_ok2(store, Clock(date(2027, 11, 1)))
    sent = replace(new_agreement(engagement_id, AgreementKind.AMENDMENT, amends_id=ok2_id),
                   status=AgreementStatus.SENT, sent_date="2027-10-20", dnr="2027:77")
    store.agreements.save(sent)
    today = date(2027, 11, 1)
    items = [i for i in store.follow_up_overview.todo(today)
             if i.engagement_id == engagement_id]
    kinds = {i.kind for i in items}
    assert kinds == {TodoKind.REPORT, TodoKind.TASK, TodoKind.PAYMENT, TodoKind.SIGNATURE}
    report = next(i for i in items if i.kind is TodoKind.REPORT)
    assert (report.date, report.overdue) == ("2027-12-15", False)   # within 60 days
    assert next(i for i in items if i.kind is TodoKind.SIGNATURE).title == "Tillägg (dnr 2027:77)"
    # Att göra shows "kind: title"; the title does not say the kind again
    assert not [i.title for i in items
                if re.search(rf"\b{i.kind.label}\b", i.title, re.IGNORECASE)]
    payments = [i for i in items if i.kind is TodoKind.PAYMENT]
    assert all(i.date <= "2027-12-31" for i in payments)            # none beyond 60 days
    assert any(i.overdue for i in payments)
    assert items == sorted(items, key=lambda i: i.sort_key)         # overdue first

    # Handed in, paid, signed and done: gone from the list.
    store.follow_up.today = Clock(date(2027, 12, 20))
    store.follow_up.save_report_work(engagement_id, ReportWork(
        report.target_id, ReportStatus.SUBMITTED, submitted_date="2027-12-10"))
    for p in payments:
        store.follow_up.save_receipt(PaymentReceipt(p.target_id, "2027-11-01", 1))
    store.agreements.save(replace(sent, status=AgreementStatus.SIGNED, signed_date="2027-11-01"))
    left = {i.kind for i in store.follow_up_overview.todo(today)
            if i.engagement_id == engagement_id}
    assert left == {TodoKind.TASK}

    # A closed samverkan has nothing to do.
    e = store.engagements.get(engagement_id)
    store.engagements.save(replace(e, phase=Phase.CLOSED))
    assert not [i for i in store.follow_up_overview.todo(today) if i.engagement_id == engagement_id]


def test_team_overview_counts_the_signed_agreement_or_else_the_plan(store):
    engagement_id, _ = signed_ok2(store, Clock(date(2027, 3, 1)))
    rows = {r.engagement_id: r for r in store.follow_up_overview.team()}
    norrvik, sjovik = rows[sample_id("engagement")], rows[_id("engagement")]
    plan = store.plans.load(engagement_id)
    interventions = [i for a in plan.areas for i in a.interventions]
    assert norrvik.insatser == len(interventions)
    assert norrvik.granted_by_year == {y: 100_000 * len(interventions) for y in (2027, 2028, 2029)}
    expected = {f.value: sum(f.value in i.factors for i in interventions) for f in Factor}
    assert norrvik.by_factor == {k: v for k, v in expected.items() if v}
    assert sjovik.by_factor == {"formativ_bedomning": 1, "kollegialt_larande": 1,
                                "pedagogiskt_ledarskap": 1, "tillit": 1, "inkludering": 1}
    assert sjovik.used_by_year == {2025: 193_000, 2026: 200_000}


def test_a_draft_agreement_is_neither_followed_nor_in_the_calendar(store):
    from dialogteam_app.domain.agreement_kinds import ReportKind
    from dialogteam_app.domain.agreement_reports import ReportObligation
    from dialogteam_app.sample_data import load_sample
    from dialogteam_app.store.follow_up_overview import calendar_events
    load_sample(store)
    draft = new_agreement(sample_id("engagement"), AgreementKind.OK2)
    draft.reports = [ReportObligation(draft.id, ReportKind.FINAL, "2029-09-30")]
    store.agreements.save_whole(draft)
    assert store.follow_up.snapshot(sample_id("engagement")).agreement is None
    uids = {e.uid for e in calendar_events(store.db)}
    assert f"redovisning-{draft.reports[0].id}@dialogteam" not in uids
    assert f"redovisning-{_id('report-2')}@dialogteam" in uids
