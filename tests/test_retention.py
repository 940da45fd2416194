"""Gallring: after a samverkan ended and the chosen period passed, personal data is
gone from every table, the FTS index, the file and the WAL; plan, analysis and the
record stay; a colleague's older package cannot bring it back; the command line."""

from dataclasses import replace
from datetime import date

import pytest
from helpers.exchange_helpers import dump, laptop, send
from helpers.retention_helpers import ENDED_ON, end_engagement, personal_words, where_found

from dialogteam_app.cli import main
from dialogteam_app.domain.engagement import Engagement
from dialogteam_app.domain.meetings import Meeting, MeetingKind, Participant
from dialogteam_app.domain.notes import Note
from dialogteam_app.domain.retention import Schedule, add_months, placeholder
from dialogteam_app.paths import DataPaths
from dialogteam_app.sample_data import load_sample, sample_id
from dialogteam_app.store.database import Database
from dialogteam_app.store.retention import gallra, preview, records
from dialogteam_app.store.store import Store

TODAY = date(2026, 11, 30)
SCHEDULE = Schedule(date.fromisoformat(ENDED_ON), 12)


@pytest.fixture
def anna_and_bo(tmp_path):
    anna, bo = laptop(tmp_path, "anna"), laptop(tmp_path, "bo")
    engagement = load_sample(anna)
    anna.notes.save_draft(sample_id("meeting-m2"), "Påbörjad mening om Kalle-Zebrafinken")
    anna.db.flush()
    send(anna, bo, tmp_path)             # the bookkeeping now holds the texts as merge bases
    yield anna, bo, engagement
    anna.close()
    bo.close()


def other_engagement(store: Store) -> str:
    """A running engagement of the same huvudman, whose notes must stay."""
    first = store.engagements.get(sample_id("engagement"))
    e = Engagement(organiser_id=first.organiser_id, title="Pågående samverkan")
    store.engagements.save(e)
    m = Meeting(engagement_id=e.id, date="2026-10-01", kind=MeetingKind.DIALOGUE)
    store.meetings.save(m)
    store.notes.save(Note(meeting_id=m.id, engagement_id=e.id, body="Pågående anteckning "
                          "om läsundervisningen"))
    return e.id


def test_the_schedule_follows_the_end_and_the_chosen_period():
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert Schedule(None, 12).why_not(TODAY).startswith("Samverkan har inte avslutats")
    assert "kan den gallras från 2027-06-30" in Schedule(date(2025, 6, 30), 24).why_not(TODAY)
    assert SCHEDULE.why_not(TODAY) is None


def test_gallring_leaves_no_word_in_any_table_the_index_the_file_or_the_wal(anna_and_bo):
    anna, _, engagement = anna_and_bo
    kept_id = other_engagement(anna)
    end_engagement(anna, engagement.id)
    words = personal_words(anna, engagement.id)
    assert {"zebrafinken"} <= words and len(words) > 30
    assert where_found(anna, words)                  # there before, in many places
    analysis_before = dump(anna, ("problems", "causes", "evidence", "plan_interventions"))
    expected = preview(anna.db, engagement.id, TODAY)
    assert expected.notes == 31 and expected.drafts == 1 and expected.participants > 0

    done = gallra(anna.db, engagement.id, SCHEDULE, TODAY, "Anna")

    assert done == expected
    found = where_found(anna, words)
    assert found == [], '\n'.join(found)
    notes = anna.notes.list_for_engagement(engagement.id)
    assert {n.body for n in notes} == {placeholder("2026-11-30")}
    assert all(n.speaker_role == "" for n in notes)
    names = {p.name for m in anna.meetings.list(engagement.id)
             for p in anna.meetings.participants(m.id)}
    assert names and all(n.startswith("Deltagare ") for n in names)
    assert dump(anna, ("problems", "causes", "evidence", "plan_interventions")) == analysis_before
    assert [n.body for n in anna.notes.list_for_engagement(kept_id)] == [
        "Pågående anteckning om läsundervisningen"]
    [record] = records(anna.db, engagement.id)
    assert (record.done_on, record.ended_on, record.months, record.done_by) == (
        "2026-11-30", ENDED_ON, 12, "Anna")
    assert record.counts == done
    assert preview(anna.db, engagement.id, TODAY).total() == 0   # nothing left to do


def test_an_older_package_from_a_colleague_cannot_bring_it_back(anna_and_bo, tmp_path):
    anna, bo, engagement = anna_and_bo
    end_engagement(anna, engagement.id)
    send(anna, bo, tmp_path, engagement.id)
    gallra(anna.db, engagement.id, SCHEDULE, TODAY, "Anna")
    # Bo has not received the gallring; he edits a note and adds a participant.
    note = bo.notes.get(sample_id("note-m1-1"))
    bo.notes.save(replace(note, body="Bos tillägg om Lisas mamma Hjördis-Kristallen"))
    bo.meetings.save_participant(Participant(meeting_id=sample_id("meeting-m1"),
                                             name="Gunnel Sjöstjärna", position=9))
    report = send(bo, anna, tmp_path, engagement.id)
    assert report.new_conflicts == [] and report.open_conflicts == 0
    bo_words = {"hjördis-kristallen", "sjöstjärna", "kristallen"}
    assert where_found(anna, bo_words) == []
    assert {n.body for n in anna.notes.list_for_engagement(engagement.id)} == {
        placeholder("2026-11-30")}
    # Anna's next package gallrar Bo's laptop too, to the same content.
    send(anna, bo, tmp_path, engagement.id)
    def content(store):     # updated_at differs by when each laptop gallrade
        return [store.db.query(sql) for sql in (
            "SELECT id, body, speaker_role FROM notes ORDER BY id",
            "SELECT id, name, role, organisation FROM participants ORDER BY id",
            "SELECT * FROM note_tags ORDER BY note_id, tag",
            "SELECT id, who FROM tasks ORDER BY id", "SELECT * FROM retentions")]
    assert [list(map(tuple, rows)) for rows in content(anna)] == [
        list(map(tuple, rows)) for rows in content(bo)]
    assert where_found(bo, bo_words | {"zebrafinken"}) == []
    assert records(bo.db, engagement.id)[0].done_by == "Anna"


def test_the_command_line_lists_first_and_gallrar_with_yes(tmp_path, capsys):
    paths = DataPaths(tmp_path / "data")
    paths.root.mkdir()
    with Database(paths.database) as db:
        store = Store(db)
        engagement = load_sample(store)
    run = ["--data-dir", str(paths.root), "gallra"]
    assert main(run) == 0
    assert "Inget att gallra" in capsys.readouterr().out        # still running
    with Database(paths.database) as db:
        end_engagement(Store(db), engagement.id)
    assert main([*run, engagement.id[:8], "--months", "600"]) == 0
    assert "kan den gallras från 2075-06-30" in capsys.readouterr().out
    assert main(run) == 0
    out = capsys.readouterr().out
    assert "skulle gallra 31 anteckningar" in out and "--yes" in out
    with Database(paths.database) as db:
        assert Store(db).notes.get(sample_id("note-m1-1")).body != placeholder(str(date.today()))
    assert main([*run, "--yes"]) == 0
    assert "gallrade 31 anteckningar" in capsys.readouterr().out
    with Database(paths.database) as db:
        assert {n.body for n in Store(db).notes.list_for_engagement(engagement.id)} == {
            placeholder(str(date.today()))}
    assert main([*run, "--yes"]) == 0
    assert "redan gallrad" in capsys.readouterr().out
