"""A deleted note is gone: from every table, the exchange's bookkeeping, the search
index, the database file and its WAL; backups of every kind are rotated, and what a
crash leaves of a backup is cleared."""

import os
from datetime import datetime, timedelta

from helpers.exchange_helpers import laptop

from dialogteam_app.domain.notes import Note
from dialogteam_app.exchange import export_package
from dialogteam_app.sample_data import load_sample, sample_id
from dialogteam_app.store.backups import (
    BEFORE_RESTORE,
    MANUAL,
    backup_now,
    list_backups,
    prune,
)
from dialogteam_app.store.connection import sqlite3
from dialogteam_app.store.database import Database

WORD = "Zebrafinkarna"


def _rows_with_word(path):
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return [(name, row) for name in names
                for row in conn.execute(f'SELECT * FROM "{name}"')
                if any(WORD.lower()[1:] in str(v).lower() for v in row)]
    finally:
        conn.close()


def test_a_deleted_notes_words_are_gone_everywhere(tmp_path):
    anna = laptop(tmp_path, "anna")
    engagement = load_sample(anna)
    note = Note(meeting_id=sample_id("meeting-m1"), engagement_id=engagement.id,
                body=f"{WORD} sjunger i korridoren, sa eleven.")
    anna.notes.save(note)
    export_package(anna.db, tmp_path / "p.dialogteam.zip")   # its text is now a merge base
    database = anna.db.path
    assert _rows_with_word(database)
    anna.notes.delete(note.id)
    assert _rows_with_word(database) == []                    # tables, FTS shadow tables
    anna.close()
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(f"{database}{suffix}"):
            data = open(f"{database}{suffix}", "rb").read().lower()
            assert WORD.lower()[1:].encode() not in data, suffix


def test_every_kind_of_backup_is_rotated_but_the_newest_of_each_stays(data_paths):
    Database(data_paths.database).close()
    now = datetime(2026, 5, 31, 12, 0)
    old = [backup_now(data_paths, kind, now - timedelta(days=d))
           for kind in (MANUAL, BEFORE_RESTORE) for d in (200, 100, 10)]
    prune(data_paths, keep_days=30, now=now, other_keep_days=60)
    left = {b.path for b in list_backups(data_paths)}
    assert left == {old[2].path, old[5].path}


def test_the_newest_manual_copy_stays_however_old(data_paths):
    Database(data_paths.database).close()
    now = datetime(2026, 5, 31, 12, 0)
    only = backup_now(data_paths, MANUAL, now - timedelta(days=900))
    prune(data_paths, keep_days=30, now=now, other_keep_days=60)
    assert only.path.exists()


def test_what_a_killed_backup_leaves_is_cleared(data_paths):
    Database(data_paths.database).close()
    backup_now(data_paths, MANUAL)
    leftovers = [data_paths.backups / n for n in (
        "automatisk-20260101-090000.sqlite.part",
        "automatisk-20260101-090000.sqlite.part-journal",
        "manuell-20260101-090000.sqlite-journal")]
    for p in leftovers:
        p.write_bytes(b"personuppgifter")
        os.utime(p, (0, 0))
    fresh = data_paths.backups / "automatisk-20990101-090000.sqlite.part"
    fresh.write_bytes(b"being written now")
    removed = prune(data_paths, keep_days=30)
    assert set(leftovers) <= set(removed)
    assert not any(p.exists() for p in leftovers) and fresh.exists()


def test_a_wal_kept_on_its_own_is_rotated_too(data_paths):
    Database(data_paths.database).close()
    backup_now(data_paths, MANUAL)
    alone = data_paths.backups / "ensam-wal-20260101-090000.sqlite-wal"
    alone.write_bytes(b"wal")
    os.utime(alone, (0, 0))
    assert alone in prune(data_paths, keep_days=30, other_keep_days=60)
    assert not alone.exists()


def test_the_search_index_deletes_in_place(data_paths):
    """FTS5's secure-delete (migration 10): a table recreated by a later migration
    must set it again."""
    with Database(data_paths.database) as db:
        assert db.conn.execute("SELECT v FROM notes_fts_config WHERE k = 'secure-delete'"
                               ).fetchone()[0] == 1
