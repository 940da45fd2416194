"""Bad input in the follow-up: a clear Swedish message and nothing changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from helpers.exchange_helpers import dump
from helpers.follow_up_world import Clock, signed_ok2

from dialogteam_app.domain.analysis import KeyFigure, Measure
from dialogteam_app.domain.errors import ValidationError
from dialogteam_app.domain.follow_up import (
    InterventionStatus,
    LogEntry,
    Reached,
    Spending,
    StatusEntry,
    current_status,
)
from dialogteam_app.domain.follow_up_reports import ReportStatus, ReportWork
from dialogteam_app.domain.follow_up_snapshot import spending_warnings
from dialogteam_app.sample_data import sample_id
from dialogteam_app.store.follow_up import TABLES

TODAY = date(2027, 6, 1)


@pytest.fixture
def world(store):
    engagement_id, _ = signed_ok2(store, Clock(TODAY))
    snap = store.follow_up.snapshot(engagement_id)
    return store, engagement_id, snap.insatser[0].terms.id


def test_a_status_dated_in_the_future_is_refused(world):
    store, _, tid = world
    before = dump(store, TABLES)
    with pytest.raises(ValidationError) as exc:
        store.follow_up.save_status(StatusEntry(tid, InterventionStatus.DONE, "2027-06-02"))
    assert "2027-06-02 ligger i framtiden" in str(exc.value)
    with pytest.raises(ValidationError, match="i framtiden"):
        store.follow_up.save_log(LogEntry(tid, "2030-01-01", "Ska göras"))
    assert dump(store, TABLES) == before


def test_the_newest_status_is_the_current_one(world):
    store, engagement_id, tid = world
    store.follow_up.save_status(StatusEntry(tid, InterventionStatus.DONE, "2027-05-01"))
    store.follow_up.save_status(StatusEntry(tid, InterventionStatus.ONGOING, "2027-03-01"))
    insats = store.follow_up.snapshot(engagement_id).insats(tid)
    assert current_status(insats.statuses).status is InterventionStatus.DONE


def test_a_report_submitted_before_its_period_is_refused(world):
    store, engagement_id, _ = world
    second = store.follow_up.reports_in_order(engagement_id)[1]   # covers 2027-12-15 – 2028-12-15
    store.follow_up.today = Clock(date(2029, 1, 1))
    before = dump(store, TABLES)
    with pytest.raises(ValidationError) as exc:
        store.follow_up.save_report_work(engagement_id, ReportWork(
            second.id, ReportStatus.SUBMITTED, submitted_date="2027-11-30"))
    assert "före perioden den redovisar (2027-12-15 – 2028-12-15)" in str(exc.value)
    with pytest.raises(ValidationError, match="Ange datum då redovisningen lämnades in"):
        store.follow_up.save_report_work(engagement_id, ReportWork(second.id,
                                                                   ReportStatus.SUBMITTED))
    with pytest.raises(ValidationError, match="ligger före inlämningen"):
        store.follow_up.save_report_work(engagement_id, ReportWork(
            second.id, ReportStatus.REVIEWED, submitted_date="2028-12-10",
            reviewed_date="2028-12-01"))
    assert dump(store, TABLES) == before


def test_a_submitted_report_is_locked_until_set_back_to_draft(world):
    store, engagement_id, _ = world
    first = store.follow_up.reports_in_order(engagement_id)[0]
    store.follow_up.today = Clock(date(2028, 1, 10))
    work = store.follow_up.save_report_work(engagement_id, ReportWork(
        first.id, ReportStatus.SUBMITTED, submitted_date="2027-12-14", summary="Som inlämnad."))
    assert work.frozen_json
    with pytest.raises(ValidationError, match="inlämnad och låst"):
        store.follow_up.save_report_work(engagement_id, replace(work, summary="Ändrad."))
    draft = store.follow_up.save_report_work(engagement_id, replace(
        work, status=ReportStatus.DRAFT, summary="Ändrad."))
    assert draft.frozen_json == "" and draft.summary == "Ändrad."


def test_key_figures_outside_the_samverkan_import_nothing(world):
    store, engagement_id, _ = world
    unit = sample_id("unit-bjorkdal")

    def figure(year: str) -> KeyFigure:
        return KeyFigure(engagement_id=engagement_id, school_unit_id=unit,
                         measure=Measure.MERIT_9, year=year, value=215.0, national_value=229.0)
    figures = [figure("2028"), figure("2031")]
    assert store.follow_up.check_followed(engagement_id, figures) == [
        "Nyckeltal 2: Nyckeltalsåret 2031 ligger utanför samverkan (2027–2029): "
        "uppföljningen gäller åren under samverkan."]
    with pytest.raises(ValidationError, match="2031 ligger utanför samverkan"):
        store.follow_up.import_followed(engagement_id, figures)
    assert store.follow_up.followed_key_figures(engagement_id) == []
    assert store.follow_up.import_followed(engagement_id, [figure("2028"), figure("2029/30")]) == 2
    # The same figure again updates in place.
    store.follow_up.import_followed(engagement_id, [replace(figure("2028"), value=220.0)])
    followed = store.follow_up.followed_key_figures(engagement_id)
    assert sorted((k.year, k.value) for k in followed) == [("2028", 220.0), ("2029/30", 215.0)]


def test_money_used_above_the_grant_is_saved_and_flagged(world):
    store, engagement_id, tid = world
    store.follow_up.save_spending(Spending(tid, 2027, 130_000))
    insats = store.follow_up.snapshot(engagement_id).insats(tid)
    assert insats.used_kr == 130_000 and insats.unspent_kr == insats.granted_kr - 130_000
    assert spending_warnings(insats) == [
        "2027: använt 130\u00a0000\u00a0kr är mer än beviljat 100\u00a0000\u00a0kr "
        "(30\u00a0000\u00a0kr över)."]


def test_years_outside_the_agreement_and_negative_amounts_are_refused(world):
    store, _, tid = world
    before = dump(store, TABLES)
    with pytest.raises(ValidationError, match="Året 2031 ligger utanför samverkan"):
        store.follow_up.save_spending(Spending(tid, 2031, 1000))
    with pytest.raises(ValidationError, match="kan inte vara negativt"):
        store.follow_up.save_spending(Spending(tid, 2027, -5))
    with pytest.raises(ValidationError, match="Deltagargrupp får inte vara tom"):
        store.follow_up.save_reached(Reached(tid, 2027, " ", 4))
    assert dump(store, TABLES) == before
