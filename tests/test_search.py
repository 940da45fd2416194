import pytest

from dialogteam_app.domain.meetings import Meeting
from dialogteam_app.domain.notes import Note
from dialogteam_app.sample_data import load_sample, sample_id
from dialogteam_app.store.search import HIT_END, HIT_START, SearchFilter, fts_query, search_notes


@pytest.fixture
def sample(store):
    return load_sample(store)


def search(*args, **kw):
    return search_notes(*args, **kw).hits


def bodies(hits):
    return [h.snippet.replace(HIT_START, "").replace(HIT_END, "") for h in hits]


def add(store, engagement, meeting_id, body, **kw):
    n = Note(meeting_id=meeting_id, engagement_id=engagement.id, body=body, **kw)
    store.notes.save(n)
    return n


def test_query_building():
    assert fts_query("lärare mat") == '"lärare" "mat"*'
    assert fts_query("lärare mat ") == '"lärare" "mat"'
    assert fts_query('"*()-') is None
    assert fts_query('NOT OR "AND"') == '"NOT" "OR" "AND"*'


def test_swedish_letters_are_not_folded(store, sample):
    m = Meeting(engagement_id=sample.id, date="2026-11-20")
    store.meetings.save(m)
    add(store, sample, m.id, "Här finns inga rutiner för uppföljning")
    add(store, sample, m.id, "Lärarna har ingen gemensam tid")
    only_here = SearchFilter(meeting_id=m.id)
    assert bodies(search(store.db, "här ", only_here)) == ["Här finns inga rutiner för uppföljning"]
    assert bodies(search(store.db, "har ", only_here)) == ["Lärarna har ingen gemensam tid"]
    assert search(store.db, "lar", only_here) == []  # "lär" is not "lar"


def test_prefix_search_as_you_type_and_highlighting(store, sample):
    hits = search(store.db, "matemat")
    assert hits and all("matemat" in b.lower() for b in bodies(hits))
    assert all(HIT_START in h.snippet for h in hits)
    assert hits[0].organiser_name == "Norrviks kommun"


def test_two_words_must_both_match_and_ranking_prefers_both_often(store, sample):
    m = sample_id("meeting-m4")
    add(store, sample, m, "rektor rektor elevhälsa elevhälsa")
    add(store, sample, m, "rektor utan det andra ordet")
    hits = search(store.db, "rektor elevhälsa ")
    assert bodies(hits)[0] == "rektor rektor elevhälsa elevhälsa"
    assert "rektor utan det andra ordet" not in bodies(hits)


def test_filters(store, sample):
    other = Meeting(engagement_id=sample.id, date="2026-11-20")
    store.meetings.save(other)
    add(store, sample, other.id, "studiero i matematik", tags=["problem"], speaker_role="elev")
    add(store, sample, other.id, "studiero i svenska", tags=["orsak"], speaker_role="larare")
    q = "studiero "
    assert len(search(store.db, q)) == 2
    assert bodies(search(store.db, q, SearchFilter(tag="problem"))) == ["studiero i matematik"]
    assert bodies(search(store.db, q, SearchFilter(role="larare"))) == ["studiero i svenska"]
    assert len(search(store.db, q, SearchFilter(meeting_id=sample_id("meeting-m1")))) == 0
    assert len(search(store.db, q, SearchFilter(engagement_id=sample.id))) == 2
    # no words but a filter: browse everything with a tag, newest first
    by_tag = search(store.db, "", SearchFilter(tag="elevrost"))
    assert len(by_tag) == 3 and by_tag[0].taken_at >= by_tag[-1].taken_at
    assert search(store.db, "") == []


def test_hostile_queries_do_not_break_search(store, sample):
    for text in ['"', "*", "NEAR(", "a AND", "-", "^x", "body:x", "x" * 5000, "'; DROP TABLE notes;--"]:
        search(store.db, text)
    assert store.db.query("SELECT count(*) FROM notes")[0][0] > 0


def test_index_follows_edits_and_deletes(store, sample):
    n = add(store, sample, sample_id("meeting-m1"), "ursprunglig formulering")
    n.body = "omskriven formulering"
    store.notes.save(n)
    assert search(store.db, "ursprunglig ") == []
    assert bodies(search(store.db, "omskriven ")) == ["omskriven formulering"]
    store.notes.delete(n.id)
    assert search(store.db, "omskriven ") == []
    assert store.db.query("INSERT INTO notes_fts(notes_fts) VALUES ('integrity-check')") == []


def test_very_common_words_rank_the_newest_notes_and_say_so(store, sample, monkeypatch):
    from dialogteam_app.store import search as search_module
    monkeypatch.setattr(search_module, "RECENT_WINDOWS", (5, 10))
    m = Meeting(engagement_id=sample.id, date="2026-11-20")
    store.meetings.save(m)
    old = add(store, sample, m.id, "gemensam gemensam gemensam planering")  # best match, oldest
    for i in range(30):
        add(store, sample, m.id, f"gemensam tid nummer {i}")
    common = search_notes(store.db, "gemensam ", limit=5)
    assert common.newest_only and len(common.hits) == 5 and common.window == 5
    wider = search_notes(store.db, "gemensam ", limit=8)  # the newest 5 hold too few
    assert wider.newest_only and len(wider.hits) == 8 and wider.window == 10
    assert old.id not in [h.note_id for h in common.hits]
    everything = search_notes(store.db, "gemensam ", limit=50)  # fewer than a page: all ranked
    assert not everything.newest_only and everything.hits[0].note_id == old.id
    rare = search_notes(store.db, "planering ", limit=5)
    assert not rare.newest_only and rare.hits[0].note_id == old.id


def test_a_one_or_two_letter_word_shows_the_newest_matches(store, sample):
    from dialogteam_app.store.search import short_prefix
    assert short_prefix("m") and short_prefix("elevhälsa st") and not short_prefix("mat")
    assert not short_prefix("m ")  # a finished word is searched as a word
    m = Meeting(engagement_id=sample.id, date="2026-11-21")
    store.meetings.save(m)
    newest = add(store, sample, m.id, "Zebrafinkar i zoologen")
    found = search_notes(store.db, "z")
    assert found.newest_first and found.hits[0].note_id == newest.id
    assert bodies(found.hits)[0] == "Zebrafinkar i zoologen"
    assert HIT_START in found.hits[0].snippet  # marked as it is typed
    assert search_notes(store.db, "zo").hits[0].note_id == newest.id


def test_the_one_letter_prefix_index_is_in_place(store):
    sql = store.db.query("SELECT sql FROM sqlite_master WHERE name = 'notes_fts'")[0][0]
    assert "prefix = '1 2 3'" in sql


def test_the_search_thread_delivers_only_the_newest_request(store, sample):
    import threading

    from dialogteam_app.store.search_runner import SearchRunner
    delivered, done = [], threading.Event()

    def deliver(number, result):
        delivered.append((number, [h.note_id for h in result.hits]))
        done.set()
    runner = SearchRunner(store.db.path, deliver)
    try:
        with runner._wake:  # hold the thread while three requests arrive
            numbers = [runner.submit(q, SearchFilter()) for q in ("rek", "rekt", "rektor ")]
        assert done.wait(5)
    finally:
        runner.close()
    assert [n for n, _ in delivered] == [numbers[-1]]
    assert delivered[0][1] == [h.note_id for h in search(store.db, "rektor ")]
