"""Two processtödjare, two laptops, one engagement: edit on both, exchange both ways."""

from dataclasses import replace

import pytest
from helpers.exchange_helpers import dump, everything, fts_ok, laptop, send

from dialogteam_app.domain.notes import Note
from dialogteam_app.exchange import import_package
from dialogteam_app.exchange.conflicts import MINE, THEIRS, list_conflicts, resolve
from dialogteam_app.sample_data import load_sample, sample_id


@pytest.fixture
def pair(tmp_path):
    """Anna's laptop with the sample engagement, and Bo's with a copy of all of it
    (the whole team's data, as a newcomer would start); later exchanges send the engagement."""
    anna, bo = laptop(tmp_path, "anna"), laptop(tmp_path, "bo")
    engagement = load_sample(anna)
    report = send(anna, bo, tmp_path)
    assert report.added["notes"] == 31 and not report.new_conflicts
    assert dump(anna) == dump(bo)
    yield anna, bo, engagement
    anna.close()
    bo.close()


def note(store, key):
    return store.notes.get(sample_id(key))


def edit_note(store, key, **changes):
    store.notes.save(replace(note(store, key), **changes))


def without(d, table, record_id):
    return {**d, table: [r for r in d[table] if r[0] != record_id]}


def test_both_edit_then_exchange_both_ways(pair, tmp_path):
    anna, bo, engagement = pair
    m1, m2 = sample_id("meeting-m1"), sample_id("meeting-m2")
    n1 = sample_id("note-m1-1")
    # Anna: a new note, her wording of n1, the meeting's title, and a note deleted.
    anna.notes.save(Note(meeting_id=m2, engagement_id=engagement.id, body="Annas nya anteckning"))
    edit_note(anna, "note-m1-1", body="Annas version av anteckningen")
    anna.meetings.save(replace(anna.meetings.get(m1), title="Första dialogmötet (ändrad rubrik)"))
    anna.notes.delete(sample_id("note-m1-6"))  # a note nothing in the analysis refers to
    edit_note(anna, "note-m1-3", tags=[*note(anna, "note-m1-3").tags, "matematik"])
    # Bo: a new note, his wording of n1, the same meeting's place, another tag on note 3.
    bo.notes.save(Note(meeting_id=m2, engagement_id=engagement.id, body="Bos nya anteckning"))
    edit_note(bo, "note-m1-1", body="Bos version av anteckningen")
    bo.meetings.save(replace(bo.meetings.get(m1), place="Stadshuset"))
    edit_note(bo, "note-m1-3", tags=[*note(bo, "note-m1-3").tags, "elevhalsa"])

    from_bo = send(bo, anna, tmp_path, engagement.id)
    from_anna = send(anna, bo, tmp_path, engagement.id)

    assert from_bo.added == {"notes": 1}
    assert from_bo.merged == {"meetings": 1, "notes": 1}
    assert from_anna.added == {"notes": 1} and from_anna.deleted == {"notes": 1}
    # Anna merged already; Bo takes her merged versions as they are.
    assert from_anna.changed == {"meetings": 1, "notes": 1} and not from_anna.merged
    for report in (from_bo, from_anna):
        assert [(c.record_id, c.kind) for c in report.new_conflicts] == [(n1, "changed_both")]
        assert "ändrad både här och hos kollegan" in report.new_conflicts[0].text()
    # Identical but for the conflicting note, where each keeps their own until choosing.
    assert without(dump(anna), "notes", n1) == without(dump(bo), "notes", n1)
    assert note(anna, "note-m1-1").body == "Annas version av anteckningen"
    assert note(bo, "note-m1-1").body == "Bos version av anteckningen"
    merged = anna.meetings.get(m1)
    assert (merged.title, merged.place) == ("Första dialogmötet (ändrad rubrik)", "Stadshuset")
    assert {"matematik", "elevhalsa"} <= set(note(bo, "note-m1-3").tags)
    assert note(bo, "note-m1-6") is None
    assert fts_ok(anna) and fts_ok(bo)
    assert [r.id for r in anna.notes.list(m2) if "nya anteckning" in r.body] != []

    # Anna takes Bo's wording; the choice travels, and Bo's conflict goes away with it.
    resolve_in(anna, n1, {"body": THEIRS})
    assert note(anna, "note-m1-1").body == "Bos version av anteckningen"
    to_bo = send(anna, bo, tmp_path, engagement.id)
    assert to_bo.settled_conflicts == 1 and not to_bo.new_conflicts
    back = send(bo, anna, tmp_path, engagement.id)
    assert back.changes == 0 and back.open_conflicts == 0
    assert dump(anna) == dump(bo)
    assert not conflicts(anna) and not conflicts(bo)
    assert fts_ok(anna) and fts_ok(bo)


def resolve_in(store, record_id, choice, table="notes"):
    store.db.write(resolve, table, record_id, choice)


def conflicts(store):
    return list_conflicts(store.db.conn)


def test_the_same_package_twice_changes_nothing_the_second_time(pair, tmp_path):
    anna, bo, engagement = pair
    edit_note(anna, "note-m1-1", body="Annas version")
    edit_note(bo, "note-m1-1", body="Bos version")
    bo.notes.delete(sample_id("note-m2-1"))
    path = tmp_path / "från-anna.dialogteam.zip"
    from dialogteam_app.exchange import export_package
    export_package(anna.db, path, engagement_id=engagement.id)
    first = import_package(bo.db, path)
    assert len(first.new_conflicts) == 1
    before = everything(bo)
    second = import_package(bo.db, path)
    assert second.changes == 0 and not second.new_conflicts and second.open_conflicts == 1
    assert everything(bo) == before


def test_deleted_here_while_the_colleague_added_to_it(pair, tmp_path):
    """Anna deletes a meeting; Bo writes a new note in it. Nothing is lost: both get
    a conflict, and the choice on one laptop settles it on both."""
    anna, bo, engagement = pair
    m3 = sample_id("meeting-m3")
    anna.meetings.delete(m3)
    added = Note(meeting_id=m3, engagement_id=engagement.id, body="Sent tillägg från Bo",
                 tags=["uppfoljning"])
    bo.notes.save(added)

    at_anna = send(bo, anna, tmp_path, engagement.id)
    at_bo = send(anna, bo, tmp_path, engagement.id)
    assert [(c.record_id, c.kind) for c in at_anna.new_conflicts] == [(m3, "deleted_here")]
    assert [(c.record_id, c.kind) for c in at_bo.new_conflicts] == [(m3, "deleted_there")]
    assert anna.meetings.get(m3) is None and anna.notes.get(added.id) is None
    assert bo.notes.get(added.id) is not None   # the deletion waits for a choice

    resolve_in(anna, m3, THEIRS, table="meetings")   # bring the meeting back, with Bo's note
    assert anna.notes.get(added.id).body == added.body
    assert anna.notes.get(added.id).tags == ["uppfoljning"]
    send(anna, bo, tmp_path, engagement.id)
    send(bo, anna, tmp_path, engagement.id)
    assert dump(anna) == dump(bo)
    assert not conflicts(anna) and not conflicts(bo)
    assert fts_ok(anna)


def test_keeping_a_deletion_removes_the_colleagues_additions_there_too(pair, tmp_path):
    anna, bo, engagement = pair
    m3 = sample_id("meeting-m3")
    anna.meetings.delete(m3)
    bo.notes.save(Note(meeting_id=m3, engagement_id=engagement.id, body="Sent tillägg"))
    send(bo, anna, tmp_path, engagement.id)
    resolve_in(anna, m3, MINE, table="meetings")     # it stays deleted, on purpose
    report = send(anna, bo, tmp_path, engagement.id)
    assert report.deleted["meetings"] == 1 and not report.new_conflicts
    assert bo.meetings.get(m3) is None
    send(bo, anna, tmp_path, engagement.id)
    assert dump(anna) == dump(bo)
    assert not conflicts(anna) and not conflicts(bo)


def test_deleted_there_but_changed_here_is_a_conflict(pair, tmp_path):
    anna, bo, engagement = pair
    anna.notes.delete(sample_id("note-m2-1"))
    edit_note(bo, "note-m2-1", body="Bo har skrivit om den")
    report = send(anna, bo, tmp_path, engagement.id)
    assert [c.kind for c in report.new_conflicts] == ["deleted_there"]
    assert note(bo, "note-m2-1").body == "Bo har skrivit om den"
    resolve_in(bo, sample_id("note-m2-1"), THEIRS)     # accept Anna's deletion
    assert note(bo, "note-m2-1") is None
    back = send(bo, anna, tmp_path, engagement.id)
    assert back.changes == 0
    assert dump(anna) == dump(bo)


def test_identical_edits_are_no_conflict(pair, tmp_path):
    anna, bo, engagement = pair
    edit_note(anna, "note-m1-1", body="Samma text på båda")
    edit_note(bo, "note-m1-1", body="Samma text på båda")
    report = send(anna, bo, tmp_path, engagement.id)
    assert not report.new_conflicts
    send(bo, anna, tmp_path, engagement.id)
    assert dump(anna) == dump(bo)


def test_conflicts_survive_a_restart(pair, tmp_path):
    anna, bo, engagement = pair
    edit_note(anna, "note-m1-1", body="A")
    edit_note(bo, "note-m1-1", body="B")
    send(anna, bo, tmp_path, engagement.id)
    path = bo.db.path
    bo.close()
    from dialogteam_app.store.database import Database
    from dialogteam_app.store.store import Store
    reopened = Store(Database(path))
    [c] = list_conflicts(reopened.db.conn)
    assert c.theirs.content["body"] == "A" and c.kind == "changed_both"
    reopened.close()


def test_deleted_on_both_laptops_is_no_conflict(pair, tmp_path):
    anna, bo, engagement = pair
    anna.notes.delete(sample_id("note-m2-2"))
    bo.notes.delete(sample_id("note-m2-2"))
    assert not send(anna, bo, tmp_path, engagement.id).new_conflicts
    assert not send(bo, anna, tmp_path, engagement.id).new_conflicts
    assert dump(anna) == dump(bo)


def test_a_third_colleague_gets_changes_and_deletions_passed_on(pair, tmp_path):
    """Anna → Bo → Cecilia: what Cecilia changes comes back to Anna as a plain change."""
    anna, bo, engagement = pair
    cecilia = laptop(tmp_path, "cecilia")
    anna.notes.delete(sample_id("note-m4-1"))
    send(anna, bo, tmp_path)
    send(bo, cecilia, tmp_path)
    assert note(cecilia, "note-m4-1") is None and note(cecilia, "note-m4-2") is not None
    edit_note(cecilia, "note-m4-2", body="Cecilias tillägg")
    report = send(cecilia, anna, tmp_path, engagement.id)
    assert report.changed == {"notes": 1} and not report.new_conflicts
    send(anna, bo, tmp_path)
    assert dump(anna) == dump(bo) == dump(cecilia)
    cecilia.close()
