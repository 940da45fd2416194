"""Merge rules beyond the two-laptop story: scope, twins, work that a deletion would
take along, tables from later migrations, the full-text index."""

from dataclasses import replace

import pytest
from helpers.exchange_helpers import dump, everything, fts_ok, laptop, send

from dialogteam_app.domain.engagement import Engagement
from dialogteam_app.domain.ids import new_id
from dialogteam_app.exchange import export_package
from dialogteam_app.exchange.conflicts import MINE, THEIRS, list_conflicts, resolve
from dialogteam_app.exchange.package_reader import read_package
from dialogteam_app.sample_data import load_sample, sample_id
from dialogteam_app.store import rows
from dialogteam_app.store.search import search_notes


@pytest.fixture
def pair(tmp_path):
    anna, bo = laptop(tmp_path, "anna"), laptop(tmp_path, "bo")
    engagement = load_sample(anna)
    send(anna, bo, tmp_path)
    yield anna, bo, engagement
    anna.close()
    bo.close()


def insert(store, table, **values):
    values.setdefault("id", new_id())
    store.db.write(rows.upsert, table, values)
    return values["id"]


def test_an_engagement_package_holds_the_engagement_and_what_it_needs(tmp_path):
    anna = laptop(tmp_path, "anna")
    engagement = load_sample(anna)
    other = Engagement(organiser_id=engagement.organiser_id, title="En annan samverkan")
    anna.engagements.save(other)
    anna.meetings.save(replace(anna.meetings.get(sample_id("meeting-m1")), id=new_id(),
                               engagement_id=other.id, school_unit_ids=[]))
    in_m4 = len(anna.notes.list(sample_id("meeting-m4")))
    anna.meetings.delete(sample_id("meeting-m4"))
    send(anna, laptop(tmp_path, "tmp"), tmp_path)   # everything is known elsewhere now …
    anna.notes.delete(sample_id("note-m1-1"))        # … so this deletion must travel
    path = tmp_path / "samverkan.dialogteam.zip"
    export_package(anna.db, path, engagement_id=engagement.id, created_by="Anna")
    package = read_package(path)
    ids = {t: {r["id"] for r in package.rows[t]} for t in package.rows
           if package.rows[t] and "id" in package.rows[t][0]}
    assert ids["engagements"] == {engagement.id}
    assert ids["organisers"] == {engagement.organiser_id}
    assert len(ids["school_units"]) == 3 and len(ids["contact_persons"]) == 3
    assert ids["supporters"] == {engagement.responsible_id}   # not the whole team
    assert len(ids["meetings"]) == 3 and len(package.rows["notes"]) == 31 - in_m4 - 1
    assert {(d["table"], d["id"]) for d in package.deleted} == {("notes", sample_id("note-m1-1"))}
    assert package.manifest["scope"]["title"].startswith("Norrviks kommun – ")
    assert package.created_by == "Anna"


def test_exporting_twice_records_nothing_new(pair, tmp_path):
    anna, _, engagement = pair
    export_package(anna.db, tmp_path / "1.zip", engagement_id=engagement.id)
    before = everything(anna)
    export_package(anna.db, tmp_path / "2.zip", engagement_id=engagement.id)
    assert everything(anna) == before


def _new_engagement(anna, bo, tmp_path, like):
    """An engagement on both laptops without the sample's delaktighet and plan."""
    other = Engagement(organiser_id=like.organiser_id, title="Ny samverkan")
    anna.engagements.save(other)
    send(anna, bo, tmp_path, other.id)
    return other


def test_two_plans_for_one_engagement_become_a_conflict(pair, tmp_path):
    anna, bo, engagement = pair
    other = _new_engagement(anna, bo, tmp_path, engagement)
    insert(anna, "plans", engagement_id=other.id, background="Annas bakgrund")
    insert(bo, "plans", engagement_id=other.id, background="Bos bakgrund")
    report = send(bo, anna, tmp_path, other.id)
    [c] = report.new_conflicts
    assert c.kind == "twin" and "två versioner" in c.text()
    backgrounds = "SELECT background FROM plans WHERE engagement_id = ?"
    assert [r[0] for r in anna.db.query(backgrounds, (other.id,))] == ["Annas bakgrund"]
    anna.db.write(resolve, "plans", c.record_id, THEIRS)
    send(anna, bo, tmp_path, other.id)
    send(bo, anna, tmp_path, other.id)
    assert dump(anna) == dump(bo)
    assert [r[0] for r in bo.db.query(backgrounds, (other.id,))] == ["Bos bakgrund"]
    assert not list_conflicts(anna.db.conn) and not list_conflicts(bo.db.conn)


def test_identical_twins_settle_themselves(pair, tmp_path):
    anna, bo, engagement = pair
    other = _new_engagement(anna, bo, tmp_path, engagement)
    insert(anna, "participation", engagement_id=other.id, staff="", students="")
    insert(bo, "participation", engagement_id=other.id, staff="", students="")
    assert not send(bo, anna, tmp_path, other.id).new_conflicts
    assert not send(anna, bo, tmp_path, other.id).new_conflicts
    send(bo, anna, tmp_path, other.id)
    assert dump(anna) == dump(bo)
    assert len(anna.db.query("SELECT id FROM participation WHERE engagement_id = ?",
                             (other.id,))) == 1


def _analysis(store, engagement_id):
    problem = insert(store, "problems", engagement_id=engagement_id, level="resultat",
                     title="Låga resultat i matematik")
    cause = insert(store, "causes", problem_id=problem, text="Lite kollegialt lärande")
    figure = insert(store, "key_figures", engagement_id=engagement_id, measure="meritvarde_ak9",
                    year="2025", value=201.5)
    source = insert(store, "sources", engagement_id=engagement_id, kind="enkat",
                    title="Elevenkät")
    return cause, figure, source


def test_a_note_used_as_evidence_here_is_not_deleted_by_the_colleague(pair, tmp_path):
    anna, bo, engagement = pair
    note_id = sample_id("note-m2-1")
    cause, _, _ = _analysis(bo, engagement.id)
    insert(bo, "evidence", cause_id=cause, note_id=note_id, text="Citat från rektor")
    anna.notes.delete(note_id)
    report = send(anna, bo, tmp_path, engagement.id)
    assert [(c.record_id, c.kind) for c in report.new_conflicts] == [(note_id, "deleted_there")]
    assert bo.notes.get(note_id) is not None


def test_an_unsent_draft_keeps_its_meeting(pair, tmp_path):
    anna, bo, engagement = pair
    m3 = sample_id("meeting-m3")  # none of its notes is evidence in the sample analysis
    in_m3 = len(bo.notes.list(m3))
    anna.meetings.delete(m3)
    bo.notes.save_draft(m3, "Halvskriven anteckning")
    report = send(anna, bo, tmp_path, engagement.id)
    assert ("meetings", "deleted_there") in {(c.table, c.kind) for c in report.new_conflicts}
    assert bo.notes.draft(m3) == ("Halvskriven anteckning", "")
    assert report.deleted["notes"] == in_m3      # its notes, which Bo had not changed, go


def test_a_merge_that_breaks_a_table_rule_becomes_a_conflict(pair, tmp_path):
    anna, bo, engagement = pair
    cause, figure, source = _analysis(anna, engagement.id)
    evidence = insert(anna, "evidence", cause_id=cause, note_id=sample_id("note-m2-1"))
    send(anna, bo, tmp_path, engagement.id)
    row = dict(anna.db.query("SELECT * FROM evidence WHERE id = ?", (evidence,))[0])
    anna.db.write(rows.upsert, "evidence", {**row, "note_id": None, "key_figure_id": figure})
    bo.db.write(rows.upsert, "evidence", {**row, "note_id": None, "source_id": source})
    report = send(bo, anna, tmp_path, engagement.id)
    assert [(c.record_id, c.kind) for c in report.new_conflicts] == [(evidence, "changed_both")]
    anna.db.write(resolve, "evidence", evidence, MINE)
    send(anna, bo, tmp_path, engagement.id)
    assert dump(anna, ("evidence",)) == dump(bo, ("evidence",))


def test_a_table_from_a_later_migration_is_exchanged_without_code_changes(pair, tmp_path):
    anna, bo, engagement = pair
    for store in (anna, bo):
        store.db.conn.execute(
            "CREATE TABLE meeting_photos (id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL "
            "REFERENCES meetings(id) ON DELETE CASCADE, caption TEXT NOT NULL, "
            "updated_at TEXT NOT NULL)")
    photo = insert(anna, "meeting_photos", meeting_id=sample_id("meeting-m4"),
                   caption="Tavlan efter mötet")
    report = send(anna, bo, tmp_path, engagement.id)
    assert report.added == {"meeting_photos": 1}
    anna.meetings.delete(sample_id("meeting-m4"))
    send(anna, bo, tmp_path, engagement.id)
    assert bo.db.query("SELECT 1 FROM meeting_photos WHERE id = ?", (photo,)) == []


def test_imported_notes_are_searchable_and_old_words_are_gone(pair, tmp_path):
    anna, bo, engagement = pair
    n = anna.notes.get(sample_id("note-m3-1"))
    old_word = n.body.split()[0]
    anna.notes.save(replace(n, body="Kvadratrötter diskuterades livligt"))
    send(anna, bo, tmp_path, engagement.id)
    assert [h.note_id for h in search_notes(bo.db, "kvadratrötter").hits] == [n.id]
    assert n.id not in [h.note_id for h in search_notes(bo.db, old_word).hits]
    assert fts_ok(bo)


def test_sample_data_loaded_again_after_a_deletion_wins_over_the_deletion(pair, tmp_path):
    anna, bo, engagement = pair
    anna.organisers.delete(engagement.organiser_id)
    send(anna, bo, tmp_path)
    assert bo.organisers.get(engagement.organiser_id) is None
    load_sample(anna)
    report = send(anna, bo, tmp_path)
    assert report.added["organisers"] == 1 and not report.new_conflicts
    assert dump(anna) == dump(bo)
