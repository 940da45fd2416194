"""Backups: taken with the backup API, rotated by age, restored safely; the check."""

from datetime import datetime, timedelta

import pytest

from dialogteam_app.sample_data import load_sample, sample_id
from dialogteam_app.store import backups
from dialogteam_app.store.backups import (
    AUTOMATIC,
    BEFORE_RESTORE,
    MANUAL,
    RestoreError,
    automatic_backup_due,
    backup_now,
    check_database,
    list_backups,
    prune,
    restore,
)
from dialogteam_app.store.connection import sqlite3
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store


@pytest.fixture
def filled(data_paths):
    store = Store(Database(data_paths.database, backup_dir=data_paths.backups))
    load_sample(store)
    yield store
    store.close()


def notes(path):
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM notes").fetchone()[0]


def test_a_backup_is_one_consistent_file_taken_while_the_program_runs(filled, data_paths):
    info = backup_now(data_paths)
    assert info.kind == MANUAL and info.path.parent == data_paths.backups
    assert notes(info.path) == 31
    assert not info.path.with_name(info.path.name + "-wal").exists()
    assert [b.path for b in list_backups(data_paths)] == [info.path]
    assert backups.backup_problems(info.path) == []


def test_two_backups_in_the_same_second_get_different_names(filled, data_paths):
    now = datetime(2026, 5, 4, 10, 0, 0)
    first, second = backup_now(data_paths, now=now), backup_now(data_paths, now=now)
    assert first.path != second.path and first.taken_at == second.taken_at


@pytest.fixture
def empty(data_paths):
    """A database with nothing in it: quick to copy a hundred times."""
    Database(data_paths.database).close()


def test_rotation_prunes_old_automatic_copies_but_keeps_the_newest(data_paths, empty):
    now = datetime(2026, 5, 31, 12, 0)
    for days_ago in range(35):
        for hour in (8, 11):
            backup_now(data_paths, AUTOMATIC, now - timedelta(days=days_ago, hours=12 - hour))
    manual = backup_now(data_paths, MANUAL, now - timedelta(days=200))
    removed = prune(data_paths, keep_days=30, now=now)
    left = [b for b in list_backups(data_paths) if b.kind == AUTOMATIC]
    assert removed and all(not p.exists() for p in removed)
    assert max(now - b.taken_at for b in left) <= timedelta(days=30)
    today = [b for b in left if b.taken_at.date() == now.date()]
    assert len(today) == 2                                 # today's so far are all kept …
    earlier = [b.taken_at.date() for b in left if b.taken_at.date() != now.date()]
    assert len(earlier) == len(set(earlier)) == 29         # … days 1–29 keep one each
    assert manual.path.exists()                            # copies made by hand stay


def test_rotation_clears_copies_cut_short_by_a_crash(data_paths, empty):
    import os
    backup_now(data_paths, AUTOMATIC)
    cut = data_paths.backups / "automatisk-20260101-090000.sqlite.part"
    cut.write_bytes(b"half")
    os.utime(cut, (0, 0))
    assert cut in prune(data_paths, keep_days=30)
    assert not cut.exists() and len(list_backups(data_paths)) == 1


def test_rotation_never_removes_the_newest_copies(data_paths, empty):
    long_ago = datetime(2026, 1, 1, 9, 0)
    made = [backup_now(data_paths, AUTOMATIC, long_ago + timedelta(days=i)) for i in range(5)]
    prune(data_paths, keep_days=30, now=long_ago + timedelta(days=365))
    assert [b.path for b in list_backups(data_paths)] == [m.path for m in reversed(made[2:])]


def test_an_automatic_backup_is_due_once_a_day(data_paths, empty):
    assert automatic_backup_due(data_paths)
    taken = backup_now(data_paths, AUTOMATIC).taken_at
    assert not automatic_backup_due(data_paths, taken + timedelta(hours=23))
    assert automatic_backup_due(data_paths, taken + timedelta(hours=24))


def test_restore_brings_back_the_old_state_and_keeps_the_replaced_one(filled, data_paths):
    saved = backup_now(data_paths)
    filled.notes.delete(sample_id("note-m1-1"))
    filled.meetings.delete(sample_id("meeting-m3"))  # none of its notes is evidence
    after_changes = notes(data_paths.database)
    filled.close()

    kept = restore(data_paths, saved.path)

    assert notes(data_paths.database) == 31
    assert notes(kept) == after_changes and BEFORE_RESTORE in kept.name
    assert all(not r.problems for r in check_database(data_paths.database))
    with Database(data_paths.database) as db:
        assert Store(db).notes.get(sample_id("note-m1-1")) is not None
    restore(data_paths, kept)                   # and back again: nothing was lost
    assert notes(data_paths.database) == after_changes


@pytest.mark.parametrize("content, words", [
    (b"not a database at all" * 200, "ingen Dialogteam-databas"),
    (None, "nyare version"),
])
def test_restore_refuses_a_bad_backup_and_leaves_the_database_alone(
        filled, data_paths, tmp_path, content, words):
    bad = tmp_path / "kopia.sqlite"
    if content is None:
        backup_now(data_paths).path.rename(bad)
        with sqlite3.connect(bad) as conn:
            conn.execute("PRAGMA user_version = 99")
    else:
        bad.write_bytes(content)
    filled.close()
    before = data_paths.database.read_bytes()
    with pytest.raises(RestoreError, match=words) as caught:
        restore(data_paths, bad)
    assert "inte ändrats" in str(caught.value)
    assert data_paths.database.read_bytes() == before


def test_restore_over_a_database_that_is_no_longer_one(filled, data_paths):
    saved = backup_now(data_paths)
    filled.close()
    data_paths.database.write_bytes(b"\0" * 4096)
    kept = restore(data_paths, saved.path)
    assert notes(data_paths.database) == 31
    assert kept.read_bytes() == b"\0" * 4096      # even the broken file is kept


def test_check_a_healthy_database(filled, data_paths):
    results = check_database(data_paths.database)
    assert [r.label for r in results] == ["Filens struktur (integrity_check)",
                                         "Kopplingar mellan poster (foreign_key_check)",
                                         "Sökindex (FTS5)", "Värden i fälten (programmets regler)"]
    assert all(not r.problems for r in results)


def _copy(data_paths, tmp_path):
    path = tmp_path / "kopia.sqlite"
    path.write_bytes(backup_now(data_paths).path.read_bytes())
    return path


def test_check_finds_a_corrupted_page(filled, data_paths, tmp_path):
    path = _copy(data_paths, tmp_path)
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 5:page * 5 + 200] = b"\xff" * 200      # garble a b-tree page header
    path.write_bytes(bytes(data))
    assert any(r.problems for r in check_database(path))


def test_check_finds_a_truncated_file(filled, data_paths, tmp_path):
    path = _copy(data_paths, tmp_path)
    path.write_bytes(path.read_bytes()[:len(path.read_bytes()) // 2])
    assert any(r.problems for r in check_database(path))


def test_check_finds_a_broken_search_index(filled, data_paths, tmp_path):
    path = _copy(data_paths, tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO notes_fts(notes_fts, rowid, body) "
                     "SELECT 'delete', rowid, body FROM notes LIMIT 1")
    [fts] = [r for r in check_database(path) if "FTS5" in r.label]
    assert fts.problems and "Sökindexet notes_fts" in fts.problems[0]


def test_check_of_a_missing_or_foreign_file(tmp_path):
    assert "finns inte" in check_database(tmp_path / "saknas.sqlite")[0].problems[0]
    other = tmp_path / "text.sqlite"
    other.write_text("hej" * 1000)
    assert any(r.problems for r in check_database(other))
