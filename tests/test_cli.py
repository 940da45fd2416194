from conftest import run_module

from dialogteam_app import __version__
from dialogteam_app.cli import main
from dialogteam_app.commands import short_ids
from dialogteam_app.sample_data import load_sample
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store


def test_version_prints():
    result = run_module("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Dialogteam {__version__}"


def test_list_on_an_empty_folder_says_so(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "d"), "list"]) == 0
    assert "Inga samverkan ännu" in capsys.readouterr().out


def test_list_prints_engagements_with_ids(data_paths, capsys):
    with Database(data_paths.database) as db:
        engagement = load_sample(Store(db))
    assert main(["list", "--data-dir", str(data_paths.root)]) == 0
    out = capsys.readouterr().out
    assert "Norrviks kommun" in out and "2026:412" in out and "Dialogfas" in out
    assert engagement.id[:8] in out


def test_data_dir_from_environment(data_paths, monkeypatch):
    with Database(data_paths.database) as db:
        load_sample(Store(db))
    result = run_module("list", env_extra={"DIALOGTEAM_DATA_DIR": str(data_paths.root)})
    assert result.returncode == 0, result.stderr
    assert "Norrviks kommun" in result.stdout


def test_unreadable_database_gives_a_swedish_error(data_paths, capsys):
    data_paths.database.write_bytes(b"this is not a database" * 100)
    assert main(["--data-dir", str(data_paths.root), "list"]) == 2
    assert "kan inte läsas" in capsys.readouterr().err


def test_short_ids_grow_until_unique():
    ids = ["abcdef0123", "abcdef0199", "12345678aa"]
    assert short_ids(ids) == {"abcdef0123": "abcdef012", "abcdef0199": "abcdef019",
                              "12345678aa": "12345678"}


def test_smoke_start_opens_the_window_and_exits(data_paths):
    result = run_module("--data-dir", str(data_paths.root), "--smoke")
    assert result.returncode == 0, result.stderr
    assert "huvudfönstret visades efter" in result.stdout
    assert data_paths.database.exists()
