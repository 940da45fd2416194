"""Notes inserted in bulk are indexed for search in one statement afterwards
(store/fts_bulk.py): the index must end up exactly as the trigger would have left
it, the trigger must be back as it was, and a failure inside changes neither."""

from __future__ import annotations

import pytest
from helpers.exchange_helpers import fts_ok, laptop, send

from dialogteam_app.domain.notes import Note
from dialogteam_app.sample_data import load_sample, sample_id
from dialogteam_app.store.connection import transaction
from dialogteam_app.store.fts_bulk import BULK_FROM, indexed_once

TRIGGER = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'notes_ai'"


def hits(store, word: str) -> int:
    return store.db.conn.execute("SELECT count(*) FROM notes_fts WHERE notes_fts MATCH ?",
                                 (word,)).fetchone()[0]


def test_an_imported_engagement_is_searchable_and_the_trigger_is_back(tmp_path):
    anna, bo = laptop(tmp_path, "anna"), laptop(tmp_path, "bo")
    engagement = load_sample(anna)
    meeting = sample_id("meeting-m1")
    with anna.db.bulk():
        for i in range(BULK_FROM + 50):
            anna.notes.save(Note(meeting_id=meeting, engagement_id=engagement.id,
                                 body=f"Anteckning nummer{i} om kollegialt lärande"))
    trigger = bo.db.conn.execute(TRIGGER).fetchone()[0]
    report = send(anna, bo, tmp_path, engagement.id)
    assert report.added["notes"] == BULK_FROM + 50 + 31
    assert fts_ok(bo)
    assert hits(bo, "nummer7") == 1
    assert hits(bo, "kollegialt") == hits(anna, "kollegialt") > BULK_FROM + 50
    assert hits(bo, "rektorn") == hits(anna, "rektorn") > 0    # the sample's own notes
    assert bo.db.conn.execute(TRIGGER).fetchone()[0] == trigger
    # The trigger works again: a note typed afterwards is found.
    bo.notes.save(Note(meeting_id=meeting, engagement_id=engagement.id, body="Efteråt skrivet"))
    assert hits(bo, "efteråt") == 1 and fts_ok(bo)
    anna.close()
    bo.close()


def test_a_failure_inside_leaves_the_index_whole_and_the_trigger_in_place(store):
    engagement = load_sample(store)
    meeting = sample_id("meeting-m1")
    conn = store.db.conn
    trigger = conn.execute(TRIGGER).fetchone()[0]
    with transaction(conn):
        with pytest.raises(RuntimeError), indexed_once(conn, "notes", BULK_FROM):
            conn.executemany(
                "INSERT INTO notes (id, meeting_id, engagement_id, taken_at, body, updated_at) "
                "VALUES (?, ?, ?, '2026-01-01T10:00', ?, '2026-01-01T10:00')",
                [(f"{i:032x}", meeting, engagement.id, f"halvvägs{i}") for i in range(5)])
            raise RuntimeError("avbrutet mitt i")
    # Committed as it stood: the rows inserted before the failure are indexed.
    assert conn.execute(TRIGGER).fetchone()[0] == trigger
    assert fts_ok(store) and hits(store, "halvvägs3") == 1


def test_few_rows_go_through_the_trigger(store):
    conn = store.db.conn
    before = conn.execute("PRAGMA schema_version").fetchone()[0]
    with transaction(conn), indexed_once(conn, "notes", BULK_FROM - 1):
        pass
    with transaction(conn), indexed_once(conn, "meetings", 10_000):
        pass
    assert conn.execute("PRAGMA schema_version").fetchone()[0] == before
