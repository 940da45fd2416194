"""A zero-length database or a WAL without its database is neither replaced nor
replayed unnoticed: a copy is kept and the user is told."""

import sqlite3

from dialogteam_app.cli import main
from dialogteam_app.sample_data import load_sample
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store


def test_a_zero_length_database_is_kept_and_reported(data_paths, capsys):
    data_paths.database.write_bytes(b"")
    assert main(["list", "--data-dir", str(data_paths.root)]) == 0
    err = capsys.readouterr().err
    assert "var tom (0 byte)" in err
    kept = list(data_paths.backups.glob("tom-databas-*.sqlite"))
    assert len(kept) == 1 and kept[0].stat().st_size == 0


def test_a_stray_wal_is_moved_aside_not_replayed(data_paths, tmp_path, capsys):
    other = tmp_path / "annan"
    other.mkdir()
    db = Database(other / "dialogteam.sqlite")
    load_sample(Store(db))
    wal = (other / "dialogteam.sqlite-wal").read_bytes()   # still open: the WAL is full
    db.close()
    assert len(wal) > 0
    (data_paths.root / "dialogteam.sqlite-wal").write_bytes(wal)
    assert main(["list", "--data-dir", str(data_paths.root)]) == 0
    captured = capsys.readouterr()
    assert "WAL-fil utan databas" in captured.err
    assert "Inga samverkan ännu" in captured.out              # nothing was replayed
    kept = list(data_paths.backups.glob("ensam-wal-*.sqlite-wal"))
    assert len(kept) == 1 and kept[0].read_bytes() == wal


def test_a_healthy_database_with_its_wal_opens_without_a_word(data_paths, capsys):
    with Database(data_paths.database) as db:
        load_sample(Store(db))
        other = sqlite3.connect(data_paths.database)
        assert main(["list", "--data-dir", str(data_paths.root)]) == 0
        other.close()
    assert "Obs!" not in capsys.readouterr().err
