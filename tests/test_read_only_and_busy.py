"""A read-only data folder, a busy database: Swedish messages, exit 2, nothing half done."""

import os
import subprocess

import pytest
from conftest import run_module

from dialogteam_app.cli import main
from dialogteam_app.sample_data import load_sample
from dialogteam_app.store import connection
from dialogteam_app.store.connection import sqlite3
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store


def _freeze(paths):
    """Make the folder and database unwritable, even for root (chattr +i on ext4)."""
    targets = [str(paths.root), str(paths.database)]
    if os.geteuid() != 0:
        os.chmod(paths.database, 0o400)
        os.chmod(paths.root, 0o500)
        return lambda: (os.chmod(paths.root, 0o700), os.chmod(paths.database, 0o600))
    if subprocess.run(["chattr", "+i", *targets], capture_output=True).returncode != 0:
        pytest.skip("running as root on a file system without chattr +i")
    return lambda: subprocess.run(["chattr", "-i", *targets], check=True)


@pytest.fixture
def frozen(data_paths):
    with Database(data_paths.database) as db:
        engagement = load_sample(Store(db))
    thaw = _freeze(data_paths)
    yield data_paths, engagement
    thaw()


@pytest.mark.parametrize("command", [["list"], ["backup"], ["import", "paket.dialogteam.zip"],
                                     ["export", "--all", "--package", "ut.dialogteam.zip"]])
def test_a_read_only_data_folder_gives_a_swedish_message_and_exit_2(frozen, tmp_path,
                                                                     command):
    paths, _ = frozen
    command = [str(tmp_path / c) if c.endswith(".zip") else c for c in command]
    result = run_module(*command, "--data-dir", str(paths.root))
    assert result.returncode == 2, result.stderr
    assert "skrivskyddad" in result.stderr and "Traceback" not in result.stderr


def test_check_does_not_call_a_healthy_read_only_file_broken(frozen):
    paths, _ = frozen
    result = run_module("check", "--data-dir", str(paths.root))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Databasen är hel" in result.stdout and "FEL" not in result.stdout
    assert "skrivskyddad" in result.stdout


def test_the_window_says_so_for_a_read_only_folder(frozen, qtbot):
    from helpers.qt_helpers import answer_next_dialog

    from dialogteam_app.ui.app import make_application, run_gui
    paths, _ = frozen
    make_application()
    seen: list[str] = []
    answer_next_dialog("OK", seen)
    assert run_gui(paths) == 2
    assert "skrivskyddad" in seen[0]


@pytest.mark.parametrize("kind, name", [("--pdf", "plan.pdf"), ("--docx", "plan.docx")])
def test_a_busy_database_leaves_no_file_and_no_version(data_paths, tmp_path, capsys,
                                                       monkeypatch, kind, name):
    with Database(data_paths.database) as db:
        engagement = load_sample(Store(db))
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    other = sqlite3.connect(data_paths.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")        # another process in the middle of an import
    try:
        code = main(["export", engagement.id[:8], kind, str(tmp_path / name),
                     "--data-dir", str(data_paths.root)])
    finally:
        other.execute("ROLLBACK")
        other.close()
    err = capsys.readouterr().err
    assert code == 2 and "upptagen" in err and "kan inte läsas" not in err, err
    assert not (tmp_path / name).exists()
    conn = sqlite3.connect(data_paths.database)
    assert conn.execute("SELECT count(*) FROM plan_versions").fetchone()[0] == 0
    conn.close()


def test_sqlite_words_never_reach_the_user(data_paths, capsys):
    data_paths.database.write_bytes(b"SQLite format 3\0" + b"\x07" * 4000)
    assert main(["list", "--data-dir", str(data_paths.root)]) == 2
    err = capsys.readouterr().err
    assert "skadad" in err
    for english in ("malformed", "not a database", "unable to open", "locked"):
        assert english not in err
