import pytest
from timra_plan import enter_timra_plan

from dialogteam_app.domain.analysis import Cause, Evidence, Problem, ProblemLevel
from dialogteam_app.domain.errors import ValidationError
from dialogteam_app.domain.money import format_tkr
from dialogteam_app.domain.plan import (
    CostLine,
    DevelopmentArea,
    Funder,
    Intervention,
    Milestone,
    Risk,
)
from dialogteam_app.domain.plan_check import red_thread
from dialogteam_app.domain.plan_diff import ADDED, CHANGED, REMOVED, diff_documents
from dialogteam_app.domain.plan_totals import plan_totals
from dialogteam_app.store.plan_snapshot import build_plan_document


def add_problem(store, engagement_id, title, causes=(), with_evidence=True):
    """A problem in the analysis, with causes (and evidence), for the plan to link to."""
    analysis = store.analysis
    problem = Problem(engagement_id=engagement_id, level=ProblemLevel.RESULTS, title=title,
                      priority=analysis.next_priority(engagement_id))
    analysis.save_problem(problem)
    cause_ids = []
    for position, text in enumerate(causes):
        cause = Cause(problem_id=problem.id, text=text, position=position)
        analysis.save_cause(cause)
        cause_ids.append(cause.id)
        if with_evidence:
            analysis.save_evidence(Evidence(cause_id=cause.id, text="Enkäten ht 2025"))
    return problem.id, cause_ids


@pytest.fixture
def timra(store):
    return enter_timra_plan(store)


def test_timra_cost_table_totals_6450_tkr(store, timra):
    plan = store.plans.load(timra)
    totals = plan_totals(plan)
    assert totals.total == 6_450_000
    assert format_tkr(totals.total) == "6\u00a0450\u00a0tkr"
    assert [totals.by_area[a.id] for a in plan.areas] == [1_620_000, 600_000, 2_000_000,
                                                          930_000, 1_300_000]
    assert totals.by_funder == {Funder.SKOLVERKET: 4_650_000, Funder.HUVUDMAN: 1_800_000}
    assert totals.by_year == {2019: 6_450_000}
    doc = build_plan_document(store, timra)
    assert doc.total_kr == 6_450_000 and doc.total_by_funder["Skolverket"] == 4_650_000
    assert doc.areas[0].interventions[0].total_kr == 1_620_000


def test_plan_round_trip(store, timra):
    plan = store.plans.load(timra)
    assert [a.title for a in plan.areas] == ["IT", "Elevhälsoarbete", "Elevhälsan", "Ledning",
                                             "SYV och nyanländas lärande"]
    first = plan.areas[0].interventions[0]
    assert first.responsible == "Förvaltningsledningen" and first.end == "2021-12-17"
    assert [c.description for c in first.costs] == ["Verksamhetsutvecklare",
                                                    "Konsultstöd kommunikationssystem"]
    assert plan.strengths.startswith("Arbetssättet")
    assert store.plans.load(timra) == plan  # reading twice gives the same plan


def test_totals_per_year_and_unassigned(store, timra):
    plan = store.plans.load(timra)
    i = plan.areas[0].interventions[0]
    store.plans.save_cost(CostLine(intervention_id=i.id, description="Licenser", amount_kr=12_500,
                                   funder=Funder.HUVUDMAN, year=2020, position=5))
    store.plans.save_cost(CostLine(intervention_id=i.id, description="Okänt år", amount_kr=1_000,
                                   position=6))
    totals = plan_totals(store.plans.load(timra))
    assert totals.by_year == {2019: 6_450_000, 2020: 12_500, None: 1_000}
    assert totals.total == 6_463_500


@pytest.mark.parametrize("bad, message", [
    (dict(amount_kr=-100), "negativt"),
    (dict(amount_kr=10**12), "orimligt"),
    (dict(description=""), "tom"),
    (dict(year=1850), "minst"),
])
def test_bad_cost_lines_are_refused_and_change_nothing(store, timra, bad, message):
    plan = store.plans.load(timra)
    i = plan.areas[0].interventions[0]
    line = CostLine(intervention_id=i.id, description="Ny post", amount_kr=100)
    for key, value in bad.items():
        setattr(line, key, value)
    with pytest.raises(ValidationError, match=message):
        store.plans.save_cost(line)
    assert store.plans.load(timra) == plan


@pytest.mark.parametrize("bad, message", [
    (dict(start="2019-02-30"), "inget giltigt datum"),
    (dict(start="2020-01-01", end="2019-01-01"), "före startdatum"),
    (dict(title=" "), "tom"),
    (dict(goals_short="x" * 60_000), "för lång"),
    (dict(approx_participants=-3), "negativt"),
])
def test_bad_interventions_are_refused_and_change_nothing(store, timra, bad, message):
    plan = store.plans.load(timra)
    i = plan.areas[0].interventions[0]
    for key, value in bad.items():
        setattr(i, key, value)
    with pytest.raises(ValidationError, match=message):
        store.plans.save_intervention(i)
    assert store.plans.load(timra) == store.plans.load(timra)
    assert store.plans.load(timra).areas[0].interventions[0].start == "2019-01-07"


def test_markup_in_plan_text_is_stored_literally(store, timra):
    plan = store.plans.load(timra)
    plan.background = "<b>elever < 50 %</b> & ”citat” </para>"
    store.plans.save_texts(plan)
    assert store.plans.load(timra).background == plan.background


def test_reorder_areas_and_interventions(store, timra):
    plan = store.plans.load(timra)
    ids = [a.id for a in plan.areas]
    store.plans.reorder_areas(list(reversed(ids)))
    assert [a.id for a in store.plans.load(timra).areas] == list(reversed(ids))
    area = plan.areas[0]
    second = Intervention(area_id=area.id, title="Andra insatsen", position=1)
    store.plans.save_intervention(second)
    store.plans.reorder_interventions([second.id, area.interventions[0].id])
    reloaded = store.plans.load(timra).area(area.id)
    assert [i.title for i in reloaded.interventions][0] == "Andra insatsen"


def test_deleted_intervention_comes_back_whole(store, timra):
    plan = store.plans.load(timra)
    i = plan.areas[0].interventions[0]
    store.plans.save_milestone(Milestone(intervention_id=i.id, date="2019-03-31",
                                         text="Verksamhetsutvecklare rekryterade"))
    i = store.plans.load(timra).intervention(i.id)
    assert store.plans.intervention_deletion_impact(i.id) == {"plan_milestones": 1,
                                                              "plan_costs": 2}
    store.plans.delete_intervention(i.id)
    assert store.plans.load(timra).intervention(i.id) is None
    store.plans.restore_intervention(i)
    assert store.plans.load(timra).intervention(i.id) == i


def gap_targets(store, engagement_id):
    plan = store.plans.load(engagement_id)
    return [(g.target.kind, g.target.field, g.message)
            for g in red_thread(plan, store.plan_analysis.problem_infos(engagement_id))]


def test_each_kind_of_gap_is_found_with_its_field(store, timra):
    # Timrå's own plan: complete interventions, but nothing is tied to a problem yet.
    gaps = gap_targets(store, timra)
    assert {(k, f) for k, f, _ in gaps} == {("area", "problem_ids"), ("intervention", "cause_ids")}
    problem, causes = add_problem(store, timra, "Låga resultat i matematik", ["Ingen uppföljning"])
    plan = store.plans.load(timra)
    for area in plan.areas:
        area.problem_ids = [problem]
        store.plans.save_area(area)
    assert gap_targets(store, timra) == []

    area = plan.areas[0]
    bare = Intervention(area_id=area.id, title="Tom insats", position=9)
    store.plans.save_intervention(bare)
    empty_area = DevelopmentArea(engagement_id=timra, title="Tomt område", position=9)
    store.plans.save_area(empty_area)
    found = {(k, f) for k, f, _ in gap_targets(store, timra)}
    assert {("intervention", "goals_short"), ("intervention", "follow_up_when"),
            ("intervention", "responsible"), ("intervention", "start"),
            ("intervention", "costs")} <= found
    assert ("area", "") in found and ("area", "problem_ids") in found
    messages = [m for *_, m in gap_targets(store, timra)]
    assert "Insatsen ”Tom insats” saknar mål." in messages
    assert "Utvecklingsområdet ”Tomt område” har ingen insats." in messages

    bare.follow_up_when, bare.follow_up_how = "Varje termin", "Enkät"
    store.plans.save_intervention(bare)
    assert any("saknar uppgift om vem uppföljningen görs" in m
               for *_, m in gap_targets(store, timra))


def test_intervention_without_problem_link_and_problem_gaps(store, timra):
    weak, _ = add_problem(store, timra, "Svag studiero", [])
    unproven, causes = add_problem(store, timra, "Låg behörighet", ["Sena stödinsatser"],
                                   with_evidence=False)
    plan = store.plans.load(timra)
    plan.areas[0].problem_ids = [weak]
    plan.areas[1].problem_ids = [unproven]
    store.plans.save_area(plan.areas[0])
    store.plans.save_area(plan.areas[1])
    messages = [m for *_, m in gap_targets(store, timra)]
    assert "Problemet ”Svag studiero” har ingen orsak." in messages
    assert "Problemet ”Låg behörighet” har inga belägg för sina orsaker." in messages
    # an intervention in an area without problems, but linked through a cause, is fine
    third = plan.areas[2].interventions[0]
    assert any(f"Insatsen ”{third.title}” är inte kopplad" in m for m in messages)
    third.cause_ids = causes
    store.plans.save_intervention(third)
    assert not any(f"Insatsen ”{third.title}” är inte kopplad" in m
                   for *_, m in gap_targets(store, timra))


def test_versions_freeze_and_diff(store, timra):
    first = build_plan_document(store, timra, recipient="Anna <anna@timra.se>")
    v1 = store.plan_versions.freeze(timra, first, "Anna <anna@timra.se>", "plan-v1.pdf")
    assert v1.number == 1 and v1.document.version == 1
    plan = store.plans.load(timra)
    it = plan.areas[0].interventions[0]
    it.goals_short = "Nytt mål"
    store.plans.save_intervention(it)
    store.plans.save_cost(CostLine(intervention_id=it.id, description="Licenser",
                                   amount_kr=50_000, position=9))
    store.plans.save_risk(Risk(engagement_id=timra, risk="Kompetensförsörjningsproblem"))
    store.plans.save_area(DevelopmentArea(engagement_id=timra, title="Läsförståelse", position=9))
    store.plans.delete_area(plan.areas[4].id)
    changes = diff_documents(store.plan_versions.latest(timra).document,
                             build_plan_document(store, timra))
    summary = {(c.kind, c.where) for c in changes}
    assert (CHANGED, f"IT › {it.title} › Mål på kort sikt") in summary
    assert (CHANGED, f"IT › {it.title} › Kostnader") in summary
    assert (ADDED, "Utvecklingsområde Läsförståelse") in summary
    assert (REMOVED, "Utvecklingsområde SYV och nyanländas lärande") in summary
    assert (CHANGED, "Risker") in summary and (CHANGED, "Kostnad för hela planen") in summary
    v2 = store.plan_versions.freeze(timra, build_plan_document(store, timra), "Anna", "v2.pdf")
    assert [v.number for v in store.plan_versions.list(timra)] == [2, 1]
    assert diff_documents(v2.document, build_plan_document(store, timra)) == []
    # the old version reads as it was sent
    assert store.plan_versions.list(timra)[1].document.total_kr == 6_450_000


def test_causes_of_an_intervention_keep_the_users_order(store, timra):
    texts = [f"Orsak {c}" for c in "QAZBMC"]
    _, causes = add_problem(store, timra, "Låg måluppfyllelse", texts)
    plan = store.plans.load(timra)
    iv = plan.areas[0].interventions[0]
    chosen = [causes[i] for i in (4, 0, 5, 2, 1, 3)]  # neither id nor text order
    iv.cause_ids = chosen
    store.plans.save_intervention(iv)
    assert store.plans.load(timra).areas[0].interventions[0].cause_ids == chosen
    doc = build_plan_document(store, timra)
    assert doc.areas[0].interventions[0].causes == [texts[i] for i in (4, 0, 5, 2, 1, 3)]
