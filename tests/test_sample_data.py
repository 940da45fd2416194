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
