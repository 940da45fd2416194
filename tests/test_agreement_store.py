"""Agreements through the repository, on a real SQLite file: every part stored and
read back, rules that span records, deletes, Skolverket's party setting, upgrades."""

from dataclasses import replace

import pytest
from stockholm_agreement import (
    FINAL_REPORT_TEXT,
    GUIDANCE_ROLES,
    SUPPORT_ORGANISER,
    enter_stockholm,
)

from dialogteam_app.domain.agreement import Signatory, new_agreement
from dialogteam_app.domain.agreement_amendments import AgreementChange, ChangeTarget
from dialogteam_app.domain.agreement_kinds import (
    AgreementKind,
    FundingKind,
    Party,
    ProviderKind,
    ReportKind,
)
from dialogteam_app.domain.agreement_money import PaymentRow
from dialogteam_app.domain.agreement_party import SkolverketParty
from dialogteam_app.domain.agreement_reports import ReportObligation
from dialogteam_app.domain.agreement_terms import FundingLine, ParticipantCount
from dialogteam_app.domain.errors import ValidationError
from dialogteam_app.domain.organisations import Organiser, SchoolUnit
from dialogteam_app.store.connection import connect, sqlite3
from dialogteam_app.store.database import Database
from dialogteam_app.store.migrations import LATEST, all_migrations, migrate
from dialogteam_app.store.store import Store


@pytest.fixture
def stockholm(store):
    engagement_id, ok2_id = enter_stockholm(store)
    return store, engagement_id, ok2_id


def test_the_stockholm_agreement_reads_back_as_entered(stockholm):
    store, engagement_id, ok2_id = stockholm
    ok1, ok2 = store.agreements.list(engagement_id)
    assert (ok1.kind, ok2.kind) == (AgreementKind.OK1, AgreementKind.OK2)
    assert ok2 == store.agreements.get(ok2_id)
    assert ok2.dnr == "7.4.2-2019:830" and ok2.decision_date == "2020-06-09"
    assert (ok2.period_start, ok2.period_end) == ("2020-05-15", "2022-08-31")
    support, guidance = ok2.terms
    assert support.organiser_duties == SUPPORT_ORGANISER
    assert guidance.scope == "52 timmar" and guidance.role_duties == GUIDANCE_ROLES
    assert [(f.kind, f.provider_kind, f.amount_kr) for f in guidance.funding] == [
        (FundingKind.PROCURED, ProviderKind.UNIVERSITY, None), (FundingKind.OWN, None, None)]
    assert [(r.kind, r.due_date) for r in ok2.reports] == [
        (ReportKind.INTERIM, "2021-04-15"), (ReportKind.INTERIM, "2021-10-15"),
        (ReportKind.FINAL, "2022-08-31")]
    assert ok2.reports[0].terms_ids == [support.id, guidance.id]
    assert ok2.reports[2].text == FINAL_REPORT_TEXT and len(ok2.reports[2].content_points) == 4
    assert [s.name for s in ok2.signatories][:2] == ["Annika Holmgren", "Kjell Hedwall"]


def test_a_whole_agreement_is_saved_in_one_go_and_reads_back_equal(stockholm, data_paths):
    store, engagement_id, ok2_id = stockholm
    original = store.agreements.get(ok2_id)
    store.agreements.delete(ok2_id)
    assert store.agreements.get(ok2_id) is None
    store.agreements.save_whole(original)
    store.close()
    reopened = Store(Database(data_paths.database))
    assert reopened.agreements.get(ok2_id) == original
    reopened.close()


def test_deleting_an_agreement_says_what_goes_with_it(stockholm):
    store, _, ok2_id = stockholm
    impact = store.agreements.deletion_impact(ok2_id)
    assert impact == {"agreement_signatories": 6, "agreement_terms": 2,
                      "agreement_funding": 2, "agreement_reports": 3}


def test_a_signatory_cannot_sign_before_the_beslut(stockholm):
    store, _, ok2_id = stockholm
    early = Signatory(agreement_id=ok2_id, party=Party.HUVUDMAN, name="Peter Lyth",
                      date="2020-06-01")
    with pytest.raises(ValidationError) as caught:
        store.agreements.save_signatory(early)
    assert caught.value.errors[0].field == "date"
    assert "före Skolverkets beslut 2020-06-09" in str(caught.value)
    assert len(store.agreements.get(ok2_id).signatories) == 6


def test_a_report_cannot_be_due_before_the_period_starts(stockholm):
    store, _, ok2_id = stockholm
    early = ReportObligation(agreement_id=ok2_id, kind=ReportKind.INTERIM, due_date="2020-01-31")
    with pytest.raises(ValidationError) as caught:
        store.agreements.save_report(early)
    assert caught.value.errors[0].field == "due_date"
    assert "före överenskommelsens period börjar (2020-05-15)" in str(caught.value)


def test_a_report_covers_only_insatser_of_its_own_agreement(stockholm):
    store, engagement_id, ok2_id = stockholm
    other = new_agreement(engagement_id, AgreementKind.AMENDMENT, amends_id=ok2_id)
    store.agreements.save(other)
    foreign_terms = store.agreements.get(ok2_id).terms[0].id
    with pytest.raises(ValidationError, match="samma överenskommelse"):
        store.agreements.save_report(ReportObligation(
            agreement_id=other.id, kind=ReportKind.FINAL, due_date="2022-08-31",
            terms_ids=[foreign_terms]))
    assert store.agreements.get(other.id).reports == []


def test_negative_amounts_are_refused_with_the_field_named(stockholm):
    store, _, ok2_id = stockholm
    terms_id = store.agreements.get(ok2_id).terms[0].id
    with pytest.raises(ValidationError) as caught:
        store.agreements.save_funding(FundingLine(terms_id=terms_id, kind=FundingKind.GRANTED,
                                                  amount_kr=-5000))
    assert [(e.field, e.message) for e in caught.value.errors] == [
        ("amount_kr", "Beloppet kan inte vara negativt.")]
    with pytest.raises(ValidationError, match="negativt"):
        store.agreements.save_payment(PaymentRow(agreement_id=ok2_id, due_date="2021-01-01",
                                                 amount_kr=-1))


def test_a_participant_count_names_a_skolenhet_of_the_huvudman_only(stockholm):
    store, _, ok2_id = stockholm
    stranger = Organiser(name="Annan kommun")
    store.organisers.save(stranger)
    their_unit = SchoolUnit(organiser_id=stranger.id, name="Främmande skolan")
    store.organisers.save_unit(their_unit)
    terms_id = store.agreements.get(ok2_id).terms[1].id
    with pytest.raises(ValidationError, match="annan huvudman"):
        store.agreements.save_participant(ParticipantCount(
            terms_id=terms_id, group="lärare", count=7, school_unit_id=their_unit.id))


def test_only_a_tillagg_changes_parts_and_only_in_its_own_engagement(stockholm):
    store, engagement_id, ok2_id = stockholm
    change = AgreementChange(agreement_id=ok2_id, target=ChangeTarget.PERIOD_END,
                             target_id=ok2_id, value="2022-12-31")
    with pytest.raises(ValidationError, match="Bara ett tillägg"):
        store.agreements.save_change(change)
    elsewhere = Organiser(name="Annan kommun")
    store.organisers.save(elsewhere)
    from dialogteam_app.domain.engagement import Engagement
    other_engagement = Engagement(organiser_id=elsewhere.id)
    store.engagements.save(other_engagement)
    with pytest.raises(ValidationError, match="samma samverkan"):
        store.agreements.save(new_agreement(other_engagement.id, AgreementKind.AMENDMENT,
                                            amends_id=ok2_id))


def test_deleting_a_plan_insats_keeps_the_agreements_wording(stockholm):
    store, _, ok2_id = stockholm
    terms = store.agreements.get(ok2_id).terms[1]
    store.plans.delete_intervention(terms.intervention_id)
    kept = store.agreements.get(ok2_id).terms[1]
    assert kept.intervention_id is None and kept.title == terms.title


def test_terms_restored_with_their_funding_and_participants(stockholm):
    store, _, ok2_id = stockholm
    agreements = store.agreements
    terms = agreements.get(ok2_id).terms[1]
    agreements.save_participant(ParticipantCount(terms_id=terms.id, group="förstelärare",
                                                 count=7))
    terms = agreements.get(ok2_id).terms[1]
    agreements.delete_part("agreement_terms", terms.id)
    assert len(agreements.get(ok2_id).terms) == 1
    agreements.restore_terms(terms)
    assert agreements.get(ok2_id).terms[1] == terms


def test_skolverkets_party_data_is_a_setting_with_defaults(store):
    party = store.agreements.skolverket()
    assert party.orgnr == "202100-4185" and party.address == "Box 4002\n171 04 Solna"
    store.agreements.save_skolverket(replace(party, repayment_bankgiro="5050-1055"))
    assert store.agreements.skolverket().repayment_bankgiro == "5050-1055"
    with pytest.raises(ValidationError, match="kontrollsiffran"):
        store.agreements.save_skolverket(replace(party, orgnr="202100-4184"))
    assert store.agreements.skolverket().orgnr == "202100-4185"
    assert SkolverketParty.keys()[0] == "skolverket.name"


@pytest.mark.parametrize("start", range(1, LATEST))
def test_a_database_from_every_earlier_version_takes_agreements(data_paths, start):
    conn = connect(data_paths.database)
    migrate(conn, None, all_migrations()[:start])
    conn.close()
    store = Store(Database(data_paths.database, backup_dir=data_paths.backups))
    engagement_id, _ = enter_stockholm(store)
    assert len(store.agreements.list(engagement_id)) == 2
    store.close()
    with sqlite3.connect(data_paths.database) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == LATEST
