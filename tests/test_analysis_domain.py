"""Pure rules of the analysis: gaps in the chain, priorities, promotion of notes,
and how key figures are read, shown and compared."""

import pytest

from dialogteam_app.domain.analysis import (
    Candidate,
    Cause,
    Evidence,
    Factor,
    KeyFigure,
    Measure,
    Problem,
    ProblemLevel,
    Strength,
)
from dialogteam_app.domain.analysis_snapshot import AnalysisSnapshot, title_from_note
from dialogteam_app.domain.key_figures import (
    Comparison,
    compare,
    format_difference,
    format_number,
    format_value,
    latest_per_measure,
    measure_from_text,
    measures_for_unit,
    parse_decimal,
)
from dialogteam_app.domain.notes import Note, Tag
from dialogteam_app.domain.priorities import moved, problems_after_move
from dialogteam_app.domain.promotion import (
    cause_from_note,
    evidence_from_note,
    problem_from_note,
    promotable_tags,
    suggested_title,
)
from dialogteam_app.domain.text import shorten
from dialogteam_app.domain.traceability import GapKind, build_traceability

L = ProblemLevel


def problem(title, level=L.RESULTS, results_link="Meritvärdet under riket", **kw):
    return Problem(engagement_id="e", level=level, title=title, results_link=results_link, **kw)


def test_a_complete_chain_has_no_gaps():
    p = problem("Låga resultat")
    c = Cause(problem_id=p.id, text="Ingen uppföljning")
    snap = AnalysisSnapshot(problems=[p], causes=[c], evidence=[Evidence(cause_id=c.id, text="X")],
                            candidates=[Candidate(engagement_id="e", title="Resultatdialoger",
                                                  cause_ids=[c.id], factors=["tillit"])])
    chain = build_traceability(snap)
    assert chain.gaps == []
    assert chain.problems[0].rank == 1
    assert chain.problems[0].causes[0].candidates[0].title == "Resultatdialoger"


def test_every_gap_is_found_and_named_where_it_is_fixed():
    unlinked = problem("Svag läsförståelse", results_link=" ")
    lonely = problem("Stökiga lektioner", level=L.TEACHING)
    c = Cause(problem_id=unlinked.id, text="Studiehandledning saknas")
    stray = Candidate(engagement_id="e", title="Läslyftet", cause_ids=["borttagen-orsak"])
    chain = build_traceability(AnalysisSnapshot(problems=[unlinked, lonely], causes=[c],
                                                candidates=[stray]))
    found = [(g.kind, g.record_id, g.where) for g in chain.gaps]
    assert found == [
        (GapKind.NO_RESULTS_LINK, unlinked.id, "problem"),
        (GapKind.NO_EVIDENCE, c.id, "cause"),
        (GapKind.NOT_ADDRESSED, c.id, "cause"),
        (GapKind.NO_CAUSE, lonely.id, "problem"),
        (GapKind.CANDIDATE_WITHOUT_CAUSE, stray.id, "candidate"),
        (GapKind.CANDIDATE_WITHOUT_FACTOR, stray.id, "candidate"),
    ]
    assert chain.gaps[0].text == "Problemet ”Svag läsförståelse” är inte kopplat till " \
                                 "elevernas resultat: beskriv kopplingen."


def test_moving_problems_globally_and_within_a_level():
    a, b, c = problem("A"), problem("B", level=L.TEACHING), problem("C")
    ps = [a, b, c]
    assert moved([a.id, b.id], a.id, -1) is None
    assert problems_after_move(ps, c.id, -1, within_level=False) == [a.id, c.id, b.id]
    # within its level C passes A, and B keeps its rank
    assert problems_after_move(ps, c.id, -1, within_level=True) == [c.id, b.id, a.id]
    assert problems_after_move(ps, b.id, 1, within_level=True) is None


def note(tags, body="Lärarna planerar var för sig; mötestiden går till elevärenden. #arbetslag"):
    return Note(meeting_id="m", engagement_id="e", body=body, tags=tags)


def test_promotion_keeps_the_link_to_the_note():
    n = note(["orsak", "belagg", "citat"])
    assert promotable_tags(n) == [Tag.CAUSE, Tag.EVIDENCE]
    assert cause_from_note(n, "p", 2).note_id == n.id
    assert cause_from_note(n, "p", 2).text == n.body
    ev = evidence_from_note(n, "c", Strength.STRONG, 0)
    assert (ev.note_id, ev.text, ev.strength) == (n.id, "", Strength.STRONG)
    title = suggested_title(note(["problem"]), Tag.PROBLEM)
    assert title == "Lärarna planerar var för sig; mötestiden går till elevärenden."
    p = problem_from_note(n, L.TEACHING, title, 3)
    assert (p.note_id, p.priority, p.description) == (n.id, 3, n.body)


def test_titles_and_shortening():
    assert title_from_note("\nFörsta raden #tagg\nandra", 100) == "Första raden"
    assert shorten("ett två tre fyra fem", 12) == "ett två tre…"
    assert len(shorten("x" * 500, 60)) == 60


@pytest.mark.parametrize("text, value", [
    ("197,5", 197.5), ("197.5", 197.5), ("69 %", 69.0), ("−3,2", -3.2), ("1 234", 1234.0),
    (" 12 ", 12.0), (",5", 0.5), ("abc", None), ("1,2,3", None), ("", None), ("12e3", None)])
def test_parse_decimal(text, value):
    assert parse_decimal(text) == value


def test_numbers_are_shown_the_swedish_way():
    assert format_number(197.0) == "197"
    assert format_number(69.25) == "69,25"
    assert format_number(-31.80000001) == "−31,8"
    assert format_number(14.0, min_decimals=1) == "14,0"
    assert format_number(-0.001) == "0"
    fig = KeyFigure(engagement_id="e", school_unit_id=None, measure=Measure.MERIT_9, year="2025",
                    value=197.0, national_value=229.0)
    assert format_value(fig.value, fig.measure) == "197,0"       # points: one decimal
    assert format_difference(fig) == "−32,0"
    assert compare(fig) is Comparison.WORSE
    fig.value = 229.0
    assert (format_difference(fig), compare(fig)) == ("±0", Comparison.SAME)
    context = KeyFigure(engagement_id="e", school_unit_id=None, measure=Measure.NEWLY_ARRIVED,
                        year="2025", value=20.0, national_value=8.0)
    assert (format_difference(context), compare(context)) == ("+12", Comparison.CONTEXT)
    assert format_value(69.0, Measure.ELIGIBLE_VOCATIONAL) == "69 %"


def test_latest_per_measure_puts_results_before_context():
    def fig(measure, year, subject=""):
        return KeyFigure(engagement_id="e", school_unit_id=None, measure=measure, year=year,
                         value=10.0, subject=subject)
    figures = [fig(Measure.FOREIGN_BACKGROUND, "2025"), fig(Measure.MERIT_9, "2023"),
               fig(Measure.MERIT_9, "2025"), fig(Measure.NATIONAL_TEST_9, "2024/25", "svenska"),
               fig(Measure.NATIONAL_TEST_9, "2024", "svenska")]
    latest = latest_per_measure(figures)
    assert [(k.measure, k.year) for k in latest] == [
        (Measure.MERIT_9, "2025"), (Measure.NATIONAL_TEST_9, "2024/25"),
        (Measure.FOREIGN_BACKGROUND, "2025")]


def test_measures_by_code_label_and_grade_span():
    assert measure_from_text("meritvarde_ak9") is Measure.MERIT_9
    assert measure_from_text("  meritvärde  ÅK 9 ") is Measure.MERIT_9
    assert measure_from_text("meritvärde") is None
    assert Measure.MERIT_9 not in measures_for_unit("F-6", "Grundskola")
    assert Measure.GRADE_POINTS_6 in measures_for_unit("F-6", "Grundskola")
    assert measures_for_unit("", "Gymnasieskola")[0] is Measure.DEGREE_3_YEARS


def test_candidate_factors_must_be_known():
    from dialogteam_app.domain.analysis import validate_candidate
    ok = Candidate(engagement_id="e", title="X", factors=[f.value for f in Factor])
    assert validate_candidate(ok) == []
