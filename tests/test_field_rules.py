"""One rule per column of every exchanged table, and the rules behave as the window's."""

import pytest

from dialogteam_app.domain.coded import Coded
from dialogteam_app.domain.engagement import Engagement, Phase, validate_engagement
from dialogteam_app.domain.rule_registry import TABLE_RULES
from dialogteam_app.exchange.schema_graph import SchemaGraph
from dialogteam_app.store.database import Database


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    db = Database(tmp_path_factory.mktemp("rules") / "d.sqlite")
    yield SchemaGraph.read(db.conn)
    db.close()


def test_every_column_of_every_exchanged_table_has_a_rule(graph):
    missing = [f"{t.name}.{c}" for t in graph.order for c in t.column_names
               if t.name not in TABLE_RULES or c not in TABLE_RULES[t.name].columns]
    assert missing == [], "declare rules for these columns (README, Field rules): " \
        + ", ".join(missing)


def test_no_rule_for_a_column_that_does_not_exist(graph):
    stale = [f"{name}.{c}" for name, t in TABLE_RULES.items() for c in t.columns
             if name not in graph.tables or c not in graph.tables[name].column_names]
    assert stale == []


@pytest.mark.parametrize("value", [None, 42, 1e400, ["x"], {"a": 1}, "x" * 2_000_000,
                                   "\x00", "\ud800", 10**30])
def test_no_rule_raises_on_any_value(value):
    for table in TABLE_RULES.values():
        for column, rule in table.columns.items():
            problem = rule.problem(value)
            assert problem is None or isinstance(problem, str), (table.table, column)


def test_the_window_and_the_registry_refuse_the_same_name():
    name_rule = TABLE_RULES["engagements"].columns["title"]
    assert name_rule.problem("x" * 300) is None
    assert "för lång" in name_rule.problem("x" * 301)
    too_long = Engagement(organiser_id="a" * 32, title="x" * 301)
    assert [e.field for e in validate_engagement(too_long)] == ["title"]


def test_an_unknown_stored_value_reads_as_okant_varde_but_cannot_be_saved():
    phase = Phase("hackad")
    assert phase.label == "okänt värde" and not phase.is_known
    assert phase not in list(Phase)
    errors = validate_engagement(Engagement(organiser_id="a" * 32, phase=phase))
    assert [e.field for e in errors] == ["phase"]


def test_every_list_of_every_table_reads_unknown_as_okant_varde():
    """One kind of list everywhere (agreement and follow-up lists too): unknown stored
    codes read as "okänt värde", are left out of the window's choices and refused."""
    enums = {rule.enum for t in TABLE_RULES.values() for rule in t.columns.values()
             if rule.enum is not None}
    assert {"InterventionStatus", "Judgement", "GoalHorizon", "CostKind", "ReportStatus",
            "AgreementStatus", "FundingKind"} <= {e.__name__ for e in enums}
    for enum in enums:
        assert issubclass(enum, Coded), enum
        unknown = enum("hackad")
        assert unknown.label == "okänt värde" and unknown not in list(enum), enum
        assert all(member.label != "okänt värde" for member in enum), enum
    for table in TABLE_RULES.values():
        for column, rule in table.columns.items():
            if rule.enum is not None:
                assert rule.problem(rule.enum("hackad")) is not None, (table.table, column)


def test_the_follow_up_refuses_to_save_an_unknown_value():
    from datetime import date

    from dialogteam_app.domain.follow_up import (
        CostKind,
        GoalFollowUp,
        GoalHorizon,
        InterventionStatus,
        Judgement,
        Spending,
        StatusEntry,
        validate_goal,
        validate_spending,
        validate_status,
    )
    from dialogteam_app.domain.follow_up_reports import (
        ReportStatus,
        ReportWork,
        validate_report_work,
    )
    today = date(2026, 11, 30)
    status = StatusEntry("t" * 32, InterventionStatus("hackad"), "2026-10-01")
    assert [e.field for e in validate_status(status, today)] == ["status"]
    spending = Spending("t" * 32, 2026, 100, cost_kind=CostKind("hackad"))
    assert [e.field for e in validate_spending(spending)] == ["cost_kind"]
    goal = GoalFollowUp("t" * 32, "Målet", horizon=GoalHorizon("hackad"),
                        judgement=Judgement("hackad"), judged_date="2026-10-01")
    assert [e.field for e in validate_goal(goal, today)] == ["horizon", "judgement"]
    work = ReportWork("r" * 32, status=ReportStatus("hackad"))
    assert "status" in [e.field for e in validate_report_work(work, None, today)]


def test_huge_numbers_get_a_swedish_message_everywhere(tmp_path):
    from dialogteam_app.domain.analysis import KeyFigure, Measure, validate_key_figure
    from dialogteam_app.domain.errors import ValidationError
    from dialogteam_app.domain.key_figures import parse_decimal
    from dialogteam_app.domain.organisations import Organiser, SchoolUnit
    from dialogteam_app.store.store import Store
    figure = KeyFigure(engagement_id="e" * 32, school_unit_id=None, measure=Measure.MERIT_9,
                       year="2025",
                       value=float("1e400"))
    assert [e.message for e in validate_key_figure(figure)] == ["Värdet är inget rimligt tal."]
    assert parse_decimal("1e400") is None
    store = Store(Database(tmp_path / "d.sqlite"))
    organiser = Organiser(name="Ånge kommun")
    store.organisers.save(organiser)
    with pytest.raises(ValidationError, match="orimligt stort"):
        store.organisers.save_unit(SchoolUnit(organiser_id=organiser.id, name="Skolan",
                                              student_count=10**30))
    store.close()
