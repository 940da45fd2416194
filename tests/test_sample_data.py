import pytest

from dialogteam_app.sample_data import SampleAlreadyLoaded, load_sample


def test_sample_is_a_complete_engagement(store):
    e = load_sample(store)
    assert store.organisers.get(e.organiser_id).org_number == "212000-9986"
    assert len(store.organisers.units(e.organiser_id)) == 3
    assert len(e.school_unit_ids) == 2
    assert store.organisers.primary_contact(e.organiser_id).email
    assert store.supporters.get(e.responsible_id) is not None
    assert len(store.engagements.key_dates(e.id)) >= 4


def test_loading_twice_is_refused(store):
    load_sample(store)
    with pytest.raises(SampleAlreadyLoaded):
        load_sample(store)


def test_sample_plan_is_a_draft_with_two_gaps_to_show(store):
    from dialogteam_app.domain.plan_check import red_thread
    from dialogteam_app.domain.plan_totals import plan_totals
    e = load_sample(store)
    plan = store.plans.load(e.id)
    assert len(plan.areas) == 3 and all(a.problem_ids for a in plan.areas)
    assert all(i.candidate_id and i.cause_ids for a in plan.areas for i in a.interventions)
    assert plan.background.startswith("Vi har utgått från")
    assert plan_totals(plan).total == 1_010_000
    gaps = [g.target.field for g in red_thread(plan, store.plan_analysis.problem_infos(e.id))]
    assert gaps == ["follow_up_who", "costs"]


def test_the_spelled_out_sample_organiser_id_is_the_derived_one():
    from dialogteam_app.sample_data.ids import SAMPLE_ORGANISER_ID, sample_id
    assert SAMPLE_ORGANISER_ID == sample_id("organiser")
