"""The database encrypted at rest: turned on with a backup first, every backup
encrypted too, a wrong passphrase changes nothing, and the writer thread, WAL, FTS5,
backups, restore and the check all work on the encrypted file."""

import os

import pytest

from dialogteam_app.cli import main
from dialogteam_app.domain.notes import Note
from dialogteam_app.sample_data import load_sample, sample_id
from dialogteam_app.store.backups import (
    BEFORE_ENCRYPTION,
    backup_now,
    backup_problems,
    check_database,
    list_backups,
    restore,
)
from dialogteam_app.store.connection import PLAIN_HEADER, key_for, use_key
from dialogteam_app.store.database import Database
from dialogteam_app.store.encryption import (
    EncryptionError,
    WrongDatabasePassphrase,
    encrypt_database,
    is_encrypted,
    needs_passphrase,
    unlock,
)
from dialogteam_app.store.search import search_notes
from dialogteam_app.store.store import Store

PASSPHRASE = "rätt lösenfras för databasen"
SECRET_WORDS = (b"Norrvik", "elevhälsan".encode())


@pytest.fixture
def encrypted(data_paths):
    """The sample data, one manual backup, then encryption; the key forgotten after,
    as when the program is started again."""
    with Database(data_paths.database, backup_dir=data_paths.backups) as db:
        load_sample(Store(db))
    backup_now(data_paths)
    taken = encrypt_database(data_paths, PASSPHRASE)
    yield data_paths, taken
    use_key(data_paths.root, None)


def files_of(paths):
    return [p for p in paths.root.rglob("*") if p.is_file() and p.suffix != ".lock"]


def test_everything_on_disk_is_encrypted_after_turning_it_on(encrypted):
    paths, taken = encrypted
    assert is_encrypted(paths) and taken.name.startswith(BEFORE_ENCRYPTION)
    kinds = {b.kind for b in list_backups(paths)}
    assert kinds == {"manuell", BEFORE_ENCRYPTION}
    for path in files_of(paths):
        data = path.read_bytes()
        assert not data.startswith(PLAIN_HEADER), path
        for word in SECRET_WORDS:
            assert word not in data, (path, word)
    with pytest.raises(EncryptionError, match="redan krypterad"):
        encrypt_database(paths, PASSPHRASE)


def test_a_wrong_passphrase_changes_nothing(encrypted):
    paths, _ = encrypted
    use_key(paths.root, None)
    assert needs_passphrase(paths)
    before = {p: p.read_bytes() for p in files_of(paths)}
    with pytest.raises(WrongDatabasePassphrase, match="Lösenfrasen öppnar inte databasen"):
        unlock(paths, PASSPHRASE + "x")
    assert key_for(paths.database) is None
    assert {p: p.read_bytes() for p in files_of(paths)} == before


def test_writer_wal_search_backup_restore_and_check_work_encrypted(encrypted):
    paths, _ = encrypted
    use_key(paths.root, None)
    unlock(paths, PASSPHRASE)
    store = Store(Database(paths.database, backup_dir=paths.backups, threaded=True))
    try:
        meeting = sample_id("meeting-m2")
        engagement_id = store.meetings.get(meeting).engagement_id   # the store checks they agree
        store.notes.enter(Note(meeting_id=meeting, engagement_id=engagement_id,
                               body="Här saknas en zebrafink i läsplanen"), wait=True)
        assert store.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        wal = paths.database.with_name(paths.database.name + "-wal")
        assert wal.exists() and b"zebrafink" not in wal.read_bytes()
        hits = search_notes(store.db, "här zebrafink").hits
        assert len(hits) == 1 and hits[0].note_id
        assert search_notes(store.db, "har zebrafink").hits == []   # å/ä/ö are not folded
        copy = backup_now(paths)
        assert not copy.path.read_bytes().startswith(PLAIN_HEADER)
        assert backup_problems(copy.path, key_for(paths.database)) == []
        assert all(not item.problems for item in check_database(paths.database))
    finally:
        store.close()
    # Restore the copy taken before the note: the note is gone, the file still encrypted.
    before_note = next(b for b in list_backups(paths) if b.kind == BEFORE_ENCRYPTION)
    restore(paths, before_note.path)
    with Database(paths.database) as db:
        assert search_notes(db, "zebrafink").hits == []
        assert db.conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 31
    assert is_encrypted(paths)


def test_a_plain_backup_is_not_written_into_an_encrypted_database(encrypted, tmp_path):
    paths, _ = encrypted
    unlock(paths, PASSPHRASE)
    plain = tmp_path / "annan"
    plain.mkdir()
    Database(plain / "x.sqlite").close()
    problems = backup_problems(plain / "x.sqlite", key_for(paths.database))
    assert problems and "okrypterad" in problems[0]


def test_the_command_line_asks_for_the_passphrase(encrypted, capsys, monkeypatch):
    paths, _ = encrypted
    use_key(paths.root, None)
    monkeypatch.delenv("DIALOGTEAM_PASSPHRASE", raising=False)
    assert main(["--data-dir", str(paths.root), "list"]) == 2      # no terminal in tests
    assert "DIALOGTEAM_PASSPHRASE" in capsys.readouterr().err
    monkeypatch.setenv("DIALOGTEAM_PASSPHRASE", "fel fras")
    assert main(["--data-dir", str(paths.root), "list"]) == 2
    assert "Lösenfrasen öppnar inte databasen" in capsys.readouterr().err
    use_key(paths.root, None)
    monkeypatch.setenv("DIALOGTEAM_PASSPHRASE", PASSPHRASE)
    assert main(["--data-dir", str(paths.root), "list"]) == 0
    assert "Norrviks kommun" in capsys.readouterr().out
    assert main(["--data-dir", str(paths.root), "check"]) == 0
    assert main(["--data-dir", str(paths.root), "backup"]) == 0
    newest = list_backups(paths)[0].path
    assert not newest.read_bytes().startswith(PLAIN_HEADER)


def test_the_program_started_in_another_process_opens_with_the_env_passphrase(encrypted):
    paths, _ = encrypted
    from conftest import run_module
    result = run_module("--data-dir", str(paths.root), "list",
                        env_extra={"DIALOGTEAM_PASSPHRASE": PASSPHRASE})
    assert result.returncode == 0 and "Norrviks kommun" in result.stdout
    assert os.environ.get("DIALOGTEAM_PASSPHRASE") is None
    shown = run_module("--data-dir", str(paths.root), "--smoke",
                       env_extra={"DIALOGTEAM_PASSPHRASE": PASSPHRASE})
    assert shown.returncode == 0 and "huvudfönstret visades" in shown.stdout


def test_the_sqlite_dump_of_an_encrypted_database_is_a_plain_file(encrypted, tmp_path):
    from dialogteam_app.exchange.sqlite_dump import write_sqlite_dump
    from dialogteam_app.store.connection import sqlite3
    paths, _ = encrypted
    unlock(paths, PASSPHRASE)
    dump_path = tmp_path / "analys.sqlite"
    with Database(paths.database) as db:
        write_sqlite_dump(Store(db), dump_path)
    assert dump_path.read_bytes().startswith(PLAIN_HEADER)
    conn = sqlite3.connect(dump_path)
    try:
        assert conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 31
    finally:
        conn.close()


def test_the_search_thread_follows_the_file_when_it_is_encrypted(data_paths):
    import queue

    from dialogteam_app.store.search import SearchFilter
    from dialogteam_app.store.search_runner import SearchRunner
    with Database(data_paths.database, backup_dir=data_paths.backups) as db:
        load_sample(Store(db))
    results: queue.Queue = queue.Queue()
    runner = SearchRunner(data_paths.database, lambda number, result: results.put(result))
    try:
        runner.submit("kollegialt", SearchFilter())
        before = len(results.get(timeout=10).hits)
        encrypt_database(data_paths, PASSPHRASE)
        with Database(data_paths.database) as db:     # a note only the encrypted file has
            Store(db).notes.save(Note(meeting_id=sample_id("meeting-m2"),
                                      engagement_id=Store(db).meetings.get(
                                          sample_id("meeting-m2")).engagement_id,
                                      body="Kollegialt lärande efter krypteringen"))
        runner.submit("kollegialt", SearchFilter())
        assert len(results.get(timeout=10).hits) == before + 1
    finally:
        runner.close()
        use_key(data_paths.root, None)
