import pytest

from dialogteam_app.domain.errors import ValidationError
from dialogteam_app.domain.meetings import Meeting, MeetingKind, Participant, Role, Task
from dialogteam_app.domain.notes import Note, hashtags
from dialogteam_app.sample_data import load_sample
from dialogteam_app.store.connection import integrity_problems
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store


@pytest.fixture
def meeting(store):
    e = load_sample(store)
    m = Meeting(engagement_id=e.id, date="2026-11-23", kind=MeetingKind.FOLLOW_UP,
                school_unit_ids=e.school_unit_ids[:1])
    store.meetings.save(m)
    return m


def note(m, body, **kw):
    return Note(meeting_id=m.id, engagement_id=m.engagement_id, body=body, **kw)


def test_meeting_round_trip_with_people_and_tasks(store, meeting):
    got = store.meetings.get(meeting.id)
    assert got.kind is MeetingKind.FOLLOW_UP and got.school_unit_ids == meeting.school_unit_ids
    store.meetings.save_participant(Participant(meeting_id=meeting.id, name="Johan Ek",
                                                role=Role.PRINCIPAL))
    store.meetings.save_task(Task(meeting_id=meeting.id, text="Skicka enkäten", who="Sara",
                                  due="2026-12-01"))
    assert store.meetings.participants(meeting.id)[0].role is Role.PRINCIPAL
    assert store.meetings.tasks(meeting.id)[0].due == "2026-12-01"


def test_one_engagements_meetings_are_listed_with_their_own_units(store, meeting):
    """The navigator of a big tree reads one samverkan's meetings at a time."""
    everyone = store.meetings.list()
    own = store.meetings.list(meeting.engagement_id)
    assert own == [m for m in everyone if m.engagement_id == meeting.engagement_id]
    assert any(m.school_unit_ids for m in own)
    assert store.meetings.count() == len(everyone)
    assert store.meetings.engagement_of(meeting.id) == meeting.engagement_id
    assert store.meetings.engagement_of("saknas") is None


def test_invalid_meeting_values_are_refused(store, meeting):
    for change in ({"date": "2026-02-30"}, {"start_time": "25:00"},
                   {"start_time": "14:00", "end_time": "13:00"}):
        bad = Meeting(**{**meeting.__dict__, **change})
        with pytest.raises(ValidationError):
            store.meetings.save(bad)
    assert store.meetings.get(meeting.id) == meeting
    with pytest.raises(ValidationError, match="inget giltigt datum"):
        store.meetings.save_task(Task(meeting_id=meeting.id, text="x", due="2026-13-01"))


def test_note_round_trip_with_tags_and_speaker(store, meeting):
    n = note(meeting, "Rektorn: ingen gemensam planering #orsak #Matematik",
             speaker_role="rektor", tags=["problem"])
    n.tags += hashtags(n.body)
    store.notes.save(n)
    got = store.notes.get(n.id)
    assert got.tags == ["problem", "orsak", "matematik"]
    assert got.speaker_role == "rektor" and got.taken_at == n.taken_at
    n.tags = ["citat"]
    n.body = "Ändrad text"
    store.notes.save(n)
    assert store.notes.get(n.id).tags == ["citat"]
    assert store.notes.list(meeting.id)[-1].body == "Ändrad text"


def test_bad_notes_are_refused_and_change_nothing(store, meeting):
    before = store.notes.list(meeting.id)
    for bad in (note(meeting, "   "), note(meeting, "x" * 20_001),
                note(meeting, "a\x00b"), note(meeting, "ok", speaker_role="kung"),
                note(meeting, "ok", tags=["två ord"])):
        with pytest.raises(ValidationError):
            store.notes.save(bad)
    assert store.notes.list(meeting.id) == before


def test_markup_is_stored_literally(store, meeting):
    body = '<b>elever < 50 %</b> & "citat" </para>'
    store.notes.save(note(meeting, body))
    assert store.notes.list(meeting.id)[-1].body == body


def test_entering_a_note_clears_its_draft_but_not_newer_typing(store, meeting):
    store.notes.save_draft(meeting.id, "Första anteckningen  ", "rektor")
    assert store.notes.draft(meeting.id) == ("Första anteckningen  ", "rektor")
    store.notes.enter(note(meeting, "Första anteckningen"))
    assert store.notes.draft(meeting.id) is None

    store.notes.save_draft(meeting.id, "Andra, redan påbörjad", "")
    store.notes.enter(note(meeting, "Något annat"))
    assert store.notes.draft(meeting.id) == ("Andra, redan påbörjad", "")
    store.notes.save_draft(meeting.id, "", "")
    assert store.notes.draft(meeting.id) is None


def test_deleting_a_meeting_says_how_many_notes_go_with_it(store, meeting):
    for i in range(3):
        store.notes.save(note(meeting, f"Anteckning {i}", tags=["observation"]))
    impact = store.meetings.deletion_impact(meeting.id)
    assert impact["notes"] == 3
    store.meetings.delete(meeting.id)
    assert store.db.query("SELECT count(*) FROM note_tags")[0][0] == \
        store.db.query("SELECT count(*) FROM note_tags t JOIN notes n ON n.id = t.note_id")[0][0]
    assert integrity_problems(store.db.conn) == []


def test_notes_written_through_the_writer_thread_are_all_there(data_paths, store, meeting):
    store.close()
    with Database(data_paths.database, threaded=True) as db:
        s = Store(db)
        notes = [note(meeting, f"Snabb anteckning {i}") for i in range(200)]
        for n in notes:
            s.notes.enter(n)
            s.notes.save_draft(meeting.id, f"utkast {n.body}", "")
        db.flush()
        assert [n.body for n in s.notes.list(meeting.id)] == [n.body for n in notes]


def test_a_long_meeting_is_listed_in_steps_from_the_newest(store, meeting):
    for n in range(7):
        store.notes.save(note(meeting, f"anteckning {n}", tags=["problem"] if n % 2 else [],
                              taken_at=f"2026-10-01T10:{n:02d}:00.000+02:00"))
    everything = store.notes.list(meeting.id)
    newest = store.notes.list(meeting.id, newest=3)
    assert newest == everything[-3:]
    steps = [newest]
    while len(steps[0]) == 3:
        steps.insert(0, store.notes.list(meeting.id, newest=3, before=steps[0][0].id))
    assert [n for step in steps for n in step] == everything  # tags and order included
    assert store.notes.count_in_meeting(meeting.id) == 7
    assert store.notes.list(meeting.id, before=steps[1][0].id) == everything[:len(steps[0])]
