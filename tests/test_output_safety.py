"""No command writes its output over the database, its WAL/SHM, the lock or a backup,
or anywhere in the data folder; and a command that writes backs up first."""

import os
import sqlite3

import pytest

from dialogteam_app.cli import main
from dialogteam_app.sample_data import load_sample
from dialogteam_app.store.backups import list_backups
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store


@pytest.fixture
def sample(data_paths):
    with Database(data_paths.database, backup_dir=data_paths.backups) as db:
        engagement = load_sample(Store(db))
    main(["backup", "--data-dir", str(data_paths.root)])
    return data_paths, engagement


def _targets(paths, tmp_path):
    outside = tmp_path / "utanför"
    outside.mkdir(exist_ok=True)
    link = outside / "länk.pdf"
    if not link.exists():
        os.symlink(paths.database, link)
    backup = list_backups(paths)[0].path
    return {"database": paths.database, "wal": paths.root / "dialogteam.sqlite-wal",
            "shm": paths.root / "dialogteam.sqlite-shm", "lock": paths.lock,
            "backup": backup, "in the folder": paths.root / "plan.pdf",
            "in the backups": paths.backups / "plan.pdf", "symlink": link}


def _engagement_count(paths):
    conn = sqlite3.connect(paths.database)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT count(*) FROM engagements").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("kind", ["--pdf", "--package"])
@pytest.mark.parametrize("where", ["database", "wal", "shm", "lock", "backup", "in the folder",
                                   "in the backups", "symlink"])
def test_output_into_the_data_folder_is_refused(sample, tmp_path, capsys, kind, where):
    paths, engagement = sample
    target = _targets(paths, tmp_path)[where]
    backup_bytes = list_backups(paths)[-1].path.read_bytes()
    engagements = _engagement_count(paths)
    assert main(["export", engagement.id[:8], kind, str(target),
                 "--data-dir", str(paths.root)]) == 2
    err = capsys.readouterr().err
    assert "datamapp" in err and "Välj en annan" in err, err
    assert _engagement_count(paths) == engagements
    assert list_backups(paths)[-1].path.read_bytes() == backup_bytes


def test_export_pdf_and_import_back_up_first(sample, tmp_path, capsys):
    paths, engagement = sample
    before = len(list_backups(paths))
    assert main(["export", engagement.id[:8], "--pdf", str(tmp_path / "plan.pdf"),
                 "--data-dir", str(paths.root)]) == 0
    assert len(list_backups(paths)) == before + 1
    assert main(["export", engagement.id[:8], "--package", str(tmp_path / "p.dialogteam.zip"),
                 "--data-dir", str(paths.root)]) == 0
    assert len(list_backups(paths)) == before + 2
    assert main(["import", str(tmp_path / "p.dialogteam.zip"),
                 "--data-dir", str(paths.root)]) == 0
    assert len(list_backups(paths)) == before + 3
