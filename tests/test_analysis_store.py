"""The analysis repositories over a real SQLite file: round trips, refusals that
change nothing, priorities, and the guard that never lets evidence dangle."""


import pytest
from helpers.analysis_world import dangling_links, dump, make_world

from dialogteam_app.domain.analysis import (
    Candidate,
    Cause,
    Evidence,
    Factor,
    KeyFigure,
    Measure,
    Participation,
    Problem,
    ProblemLevel,
    Strength,
)
from dialogteam_app.domain.errors import ValidationError
from dialogteam_app.domain.notes import Note
from dialogteam_app.store.connection import sqlite3
from dialogteam_app.store.database import Database
from dialogteam_app.store.evidence_links import InUseError
from dialogteam_app.store.store import Store


@pytest.fixture
def world(store):
    return make_world(store)


def add_chain(store, world, evidence_kw=None):
    """A problem with one cause, one piece of evidence and a candidate for the cause."""
    e = world.engagement
    p = Problem(engagement_id=e.id, level=ProblemLevel.RESULTS, title="Låga resultat i matematik",
                results_link="Meritvärdet 31 poäng under riket")
    store.analysis.save_problem(p)
    c = Cause(problem_id=p.id, text="Lärarna planerar var för sig")
    store.analysis.save_cause(c)
    ev = Evidence(cause_id=c.id, **(evidence_kw or {"note_id": world.notes["belagg"].id}))
    store.analysis.save_evidence(ev)
    k = Candidate(engagement_id=e.id, title="Kollegialt lärande", cause_ids=[c.id],
                  factors=[Factor.COLLEGIAL_LEARNING.value])
    store.candidates.save(k)
    return p, c, ev, k


def test_round_trips(store, world):
    p, c, ev, k = add_chain(store, world)
    assert store.analysis.get_problem(p.id) == p
    assert store.analysis.causes(p.id) == [c]
    assert store.analysis.evidence(c.id) == [ev]
    assert store.candidates.list(world.engagement.id) == [k]
    assert store.current_state.key_figures(world.engagement.id) == [world.key_figure]
    assert store.current_state.key_figures(world.engagement.id, None) == []  # huvudman's own
    assert store.current_state.get_source(world.source.id) == world.source
    assert store.current_state.findings(world.engagement.id) == [world.finding]
    part = store.analysis.participation(world.engagement.id)
    assert (part.staff, part.students) == ("", "")
    part.staff = "Arbetslagen diskuterade utkastet."
    store.analysis.save_participation(part)
    # a second description object for the same engagement updates the one row
    store.analysis.save_participation(Participation(engagement_id=world.engagement.id,
                                                    students="Elevråden intervjuades."))
    got = store.analysis.participation(world.engagement.id)
    assert (got.staff, got.students) == ("", "Elevråden intervjuades.")
    assert store.db.query("SELECT count(*) FROM participation")[0][0] == 1


@pytest.mark.parametrize("save, match", [
    (lambda s, w: s.analysis.save_problem(Problem(engagement_id=w.engagement.id,
                                                  level=ProblemLevel.RESULTS, title=" ")),
     "Problemformulering får inte vara tom"),
    (lambda s, w: s.current_state.save_key_figure(KeyFigure(
        engagement_id=w.engagement.id, school_unit_id=None, measure=Measure.ELIGIBLE_VOCATIONAL,
        year="2025", value=112.0)), "mellan 0 och 100"),
    (lambda s, w: s.current_state.save_key_figure(KeyFigure(
        engagement_id=w.engagement.id, school_unit_id=None, measure=Measure.MERIT_9,
        year="25", value=200.0)), "År skrivs 2025"),
    (lambda s, w: s.analysis.save_evidence(Evidence(cause_id="x")), "Skriv vad belägget är"),
    (lambda s, w: s.analysis.save_evidence(Evidence(
        cause_id="x", note_id=w.notes["belagg"].id, source_id=w.source.id)), "pekar på en sak"),
    (lambda s, w: s.candidates.save(Candidate(engagement_id=w.engagement.id, title="X",
                                              factors=["hattie"])), "Okänd framgångsfaktor"),
    (lambda s, w: s.analysis.save_cause(Cause(problem_id="borta", text="Orsak")),
     "Problemet finns inte längre"),
])
def test_invalid_input_is_refused_in_swedish_and_changes_nothing(store, world, save, match):
    before = dump(store)
    with pytest.raises(ValidationError, match=match):
        save(store, world)
    assert dump(store) == before


def test_links_never_cross_engagements(store, world):
    other = make_world(store, "Ånge kommun")
    p, c, _ev, _k = add_chain(store, world)
    before = dump(store)
    with pytest.raises(ValidationError, match="annan samverkan"):
        store.analysis.save_evidence(Evidence(cause_id=c.id, note_id=other.notes["belagg"].id))
    with pytest.raises(ValidationError, match="annan samverkan"):
        store.candidates.save(Candidate(engagement_id=other.engagement.id, title="X",
                                        cause_ids=[c.id]))
    with pytest.raises(ValidationError, match="annan samverkan"):
        store.analysis.save_problem(Problem(engagement_id=other.engagement.id,
                                            level=ProblemLevel.RESULTS, title="X",
                                            note_id=world.notes["problem"].id))
    with pytest.raises(ValidationError, match="huvudman"):
        store.current_state.save_key_figure(KeyFigure(
            engagement_id=world.engagement.id, school_unit_id=other.units[0].id,
            measure=Measure.MERIT_9, year="2025", value=200.0))
    assert dump(store) == before


def test_problems_are_reordered_by_priority(store, world):
    e = world.engagement
    problems = []
    for title in ("A", "B", "C"):
        p = Problem(engagement_id=e.id, level=ProblemLevel.RESULTS, title=title,
                    priority=store.analysis.next_priority(e.id))
        store.analysis.save_problem(p)
        problems.append(p)
    assert [p.title for p in store.analysis.problems(e.id)] == ["A", "B", "C"]
    store.analysis.reorder_problems(e.id, [problems[2].id, problems[0].id, problems[1].id])
    assert [p.title for p in store.analysis.problems(e.id)] == ["C", "A", "B"]
    assert [p.priority for p in store.analysis.problems(e.id)] == [0, 1, 2]


def test_causes_are_reordered(store, world):
    p, c1, _ev, _k = add_chain(store, world)
    c2 = Cause(problem_id=p.id, text="Sena extra anpassningar",
               position=store.analysis.next_cause_position(p.id))
    store.analysis.save_cause(c2)
    assert [c.text for c in store.analysis.causes(p.id)] == [c1.text, c2.text]
    store.analysis.reorder_causes([c2.id, c1.id])
    assert [c.text for c in store.analysis.causes(p.id)] == [c2.text, c1.text]


def test_importing_the_same_figure_again_updates_it_in_place(store, world):
    again = KeyFigure(engagement_id=world.engagement.id, school_unit_id=world.units[0].id,
                      measure=Measure.MERIT_9, year="2025", value=199.0, national_value=229.5)
    new = KeyFigure(engagement_id=world.engagement.id, school_unit_id=None,
                    measure=Measure.MERIT_9, year="2025", value=215.0)
    result = store.current_state.import_key_figures(world.engagement.id, [again, new])
    assert (result.added, result.updated) == (1, 1)
    got = store.current_state.get_key_figure(world.key_figure.id)  # same id: links stay
    assert (got.value, got.national_value) == (199.0, 229.5)
    assert len(store.current_state.key_figures(world.engagement.id)) == 2


def test_import_is_all_or_nothing(store, world):
    good = KeyFigure(engagement_id=world.engagement.id, school_unit_id=None,
                     measure=Measure.MERIT_9, year="2025", value=215.0)
    foreign_unit = KeyFigure(engagement_id=world.engagement.id, school_unit_id="nope",
                             measure=Measure.MERIT_9, year="2025", value=215.0)
    before = dump(store)
    with pytest.raises(ValidationError):
        store.current_state.import_key_figures(world.engagement.id, [good, foreign_unit])
    assert dump(store) == before


@pytest.mark.parametrize("kind", ["note", "key_figure", "source", "finding"])
def test_a_record_used_as_evidence_cannot_be_deleted(store, world, kind):
    target = {"note": world.notes["belagg"], "key_figure": world.key_figure,
              "source": world.source, "finding": world.finding}[kind]
    _p, c, _ev, _k = add_chain(store, world, {f"{kind}_id": target.id})
    delete = {"note": store.notes.delete, "key_figure": store.current_state.delete_key_figure,
              "source": store.current_state.delete_source,
              "finding": store.current_state.delete_finding}[kind]
    before = dump(store)
    with pytest.raises(InUseError) as refused:
        delete(target.id)
    assert "används som belägg" in str(refused.value)
    assert "Lärarna planerar var för sig" in str(refused.value)
    assert dump(store) == before
    # The schema is the last guard: a plain DELETE is refused too.
    table = {"note": "notes", "key_figure": "key_figures", "source": "sources",
             "finding": "inspection_findings"}[kind]
    with pytest.raises(sqlite3.IntegrityError):
        store.db.conn.execute(f"DELETE FROM {table} WHERE id = ?", (target.id,))
    # Once the evidence is gone, so can the record be.
    store.analysis.delete_evidence(store.analysis.evidence(c.id)[0].id)
    delete(target.id)
    assert dangling_links(store) == []


def test_deleting_what_holds_the_evidence_target_is_refused_too(store, world):
    add_chain(store, world, {"note_id": world.notes["belagg"].id})
    add_chain(store, world, {"key_figure_id": world.key_figure.id})
    before = dump(store)
    with pytest.raises(InUseError, match="Anteckningen"):
        store.meetings.delete(world.meeting.id)
    with pytest.raises(InUseError, match="Nyckeltalet"):
        store.organisers.delete_unit(world.units[0].id)
    assert dump(store) == before
    uses = store.analysis.uses_blocking_delete("meetings", world.meeting.id)
    assert [u.record_id for u in uses] == [world.notes["belagg"].id]


def test_deleting_the_engagement_takes_the_whole_analysis(store, world):
    p, c, ev, k = add_chain(store, world)
    add_chain(store, world, {"key_figure_id": world.key_figure.id})
    impact = store.engagements.deletion_impact(world.engagement.id)
    assert impact["problems"] == 2 and impact["evidence"] == 2 and impact["notes"] == 4
    store.engagements.delete(world.engagement.id)
    assert dangling_links(store) == []
    for table in ("problems", "causes", "evidence", "candidates", "key_figures", "notes"):
        assert store.db.query(f"SELECT count(*) FROM {table}")[0][0] == 0
    store.organisers.delete(world.engagement.organiser_id)
    assert dangling_links(store) == []


def test_deleting_a_problem_takes_its_causes_and_evidence_but_not_the_notes(store, world):
    p, c, ev, k = add_chain(store, world)
    assert store.analysis.deletion_impact("problems", p.id) == {"causes": 1, "evidence": 1}
    store.analysis.delete_problem(p.id)
    assert store.analysis.get_evidence(ev.id) is None
    assert store.notes.get(world.notes["belagg"].id) is not None
    assert store.candidates.list(world.engagement.id)[0].cause_ids == []  # link went, candidate stays
    assert dangling_links(store) == []


def test_promoted_notes_are_marked_and_their_delete_keeps_the_analysis(store, world):
    e = world.engagement
    p = Problem(engagement_id=e.id, level=ProblemLevel.RESULTS, title="Meritvärdet sjunker",
                note_id=world.notes["problem"].id)
    store.analysis.save_problem(p)
    add_chain(store, world)
    assert store.analysis.used_note_ids(e.id) == {world.notes["problem"].id,
                                                  world.notes["belagg"].id}
    store.notes.delete(world.notes["problem"].id)   # only its origin: allowed
    assert store.analysis.get_problem(p.id).note_id is None
    assert dangling_links(store) == []


def test_a_refused_delete_in_the_background_writer_keeps_the_note_and_says_why(data_paths):
    errors = []
    with Database(data_paths.database, threaded=True, on_error=errors.append) as db:
        s = Store(db)
        world = make_world(s)
        add_chain(s, world)
        s.notes.delete(world.notes["belagg"].id, wait=False)   # as the undo stack does
        db.flush()
        assert s.notes.get(world.notes["belagg"].id) is not None
        assert len(errors) == 1 and isinstance(errors[0], InUseError)
        assert str(errors[0]).startswith("Anteckningen används som belägg")
        assert dangling_links(s) == []


def test_snapshot_orders_everything_and_labels_evidence(store, world):
    from dialogteam_app.domain.analysis_snapshot import evidence_label
    p, c, ev, k = add_chain(store, world, {"key_figure_id": world.key_figure.id})
    snap = store.analysis.snapshot(world.engagement.id)
    assert [x.id for x in snap.problems] == [p.id]
    assert snap.causes_of(p.id) == [c] and snap.candidates_for(c.id) == [k]
    assert evidence_label(snap.evidence[0], snap) == \
        "Meritvärde åk 9, Sörbergeskolan 7-9, 2025: 197,5 (riket 229,0)"
    strong = Evidence(cause_id=c.id, text="Timperley 2011", strength=Strength.STRONG, position=1)
    store.analysis.save_evidence(strong)
    assert [e.text for e in store.analysis.snapshot(world.engagement.id).evidence_of(c.id)] == \
        ["", "Timperley 2011"]


def test_a_meeting_marks_the_notes_its_samverkan_analysis_uses(store, world):
    """Promoted to a problem, a cause or a candidate, or cited as evidence: marked; an
    unused note and the notes of another samverkan's analysis are not."""
    p = Problem(engagement_id=world.engagement.id, level=ProblemLevel.RESULTS,
                title="Låga resultat", note_id=world.notes["problem"].id)
    store.analysis.save_problem(p)
    c = Cause(problem_id=p.id, text="Var för sig", note_id=world.notes["orsak"].id)
    store.analysis.save_cause(c)
    store.analysis.save_evidence(Evidence(cause_id=c.id, note_id=world.notes["belagg"].id))
    store.candidates.save(Candidate(engagement_id=world.engagement.id, title="Lyftet",
                                    note_id=world.notes["ide"].id))
    other = make_world(store, name="Sundsvalls kommun")
    _op, _oc, _oev, _ok = add_chain(store, other)
    unused = Note(meeting_id=world.meeting.id, engagement_id=world.engagement.id, body="Fika")
    store.notes.save(unused)
    assert store.notes.used_in_analysis(world.engagement.id) == {
        world.notes[tag].id for tag in ("problem", "orsak", "belagg", "ide")}
    assert store.notes.used_in_analysis(other.engagement.id) == {other.notes["belagg"].id}
