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


def test_sample_has_a_signed_ok1_and_a_draft_ok2_funding_its_plan(store):
    from dialogteam_app.domain.agreement_kinds import AgreementKind, AgreementStatus
    from dialogteam_app.domain.agreement_money import funder_totals, payment_plan_warning
    from dialogteam_app.domain.plan import Funder
    from dialogteam_app.domain.plan_totals import plan_totals
    e = load_sample(store)
    ok1, ok2 = store.agreements.list(e.id)
    assert (ok1.kind, ok1.status) == (AgreementKind.OK1, AgreementStatus.SIGNED)
    assert (ok2.kind, ok2.status) == (AgreementKind.OK2, AgreementStatus.DRAFT)
    plan = store.plans.load(e.id)
    assert {t.intervention_id for t in ok2.terms} == \
        {i.id for a in plan.areas for i in a.interventions}
    granted = funder_totals(ok2.terms).granted_kr
    assert granted == plan_totals(plan).by_funder[Funder.SKOLVERKET] == 450_000
    assert payment_plan_warning(ok2.payments, granted) is None
    assert ok2.rekvisition.amount_kr == ok2.payments[0].amount_kr


def test_the_sample_agreement_exports_from_the_command_line(data_paths, tmp_path, capsys):
    from pypdf import PdfReader

    from dialogteam_app.cli import main
    from dialogteam_app.store.database import Database
    from dialogteam_app.store.store import Store
    store = Store(Database(data_paths.database))
    e = load_sample(store)
    store.close()
    pdf = tmp_path / "ÖK 2 Norrvik.pdf"
    assert main(["--data-dir", str(data_paths.root), "export", e.id[:8],
                 "--agreement", str(pdf)]) == 0
    assert "ÖK 2 (dnr 2026:412)" in capsys.readouterr().out
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Norrviks kommun" in text and "Bilaga 1 Åtgärdsplan" in text


def test_the_spelled_out_sample_organiser_id_is_the_derived_one():
    from dialogteam_app.sample_data.ids import SAMPLE_ORGANISER_ID, sample_id
    assert SAMPLE_ORGANISER_ID == sample_id("organiser")
