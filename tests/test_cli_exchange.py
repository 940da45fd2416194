"""`dialogteam export/import/backup/restore/check` as a person types them."""


import pytest

from dialogteam_app.cli import main
from dialogteam_app.instance_lock import InstanceLock
from dialogteam_app.paths import DataPaths
from dialogteam_app.sample_data import load_sample, sample_id
from dialogteam_app.store.connection import sqlite3
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store


@pytest.fixture
def anna(tmp_path):
    paths = DataPaths(tmp_path / "anna")
    paths.root.mkdir()
    with Database(paths.database) as db:
        engagement = load_sample(Store(db))
    return paths, engagement


def run(paths, *args):
    return main(["--data-dir", str(paths.root), *args])


def test_export_by_id_prefix_then_import_twice(anna, tmp_path, capsys):
    paths, engagement = anna
    package = tmp_path / "norrvik.dialogteam.zip"
    assert run(paths, "export", engagement.id[:6], "--package", str(package)) == 0
    out = capsys.readouterr().out
    assert "Paketet sparades" in out and "31 anteckningar" in out
    bo = DataPaths(tmp_path / "bo")
    bo.root.mkdir()
    assert run(bo, "import", str(package)) == 0
    assert "Nytt:" in capsys.readouterr().out
    assert run(bo, "import", str(package)) == 0
    assert "Inga ändringar" in capsys.readouterr().out


def test_export_needs_an_engagement_or_all(anna, tmp_path, capsys):
    paths, engagement = anna
    target = str(tmp_path / "p.zip")
    assert run(paths, "export", "--package", target) == 2
    assert run(paths, "export", engagement.id, "--all", "--package", target) == 2
    assert "antingen" in capsys.readouterr().err
    assert run(paths, "export", "ffff", "--package", target) == 1
    assert "Ingen samverkan" in capsys.readouterr().err
    assert run(paths, "export", "--all", "--package", target) == 0


def test_export_formats_are_one_required_choice(anna, tmp_path, capsys):
    """--package sits in a required mutually exclusive group, where --pdf will join it."""
    paths, engagement = anna
    with pytest.raises(SystemExit) as exited:
        run(paths, "export", engagement.id)
    assert exited.value.code == 2
    assert "--package" in capsys.readouterr().err


def test_import_of_a_broken_file_says_why(anna, tmp_path, capsys):
    paths, _ = anna
    junk = tmp_path / "skräp.dialogteam.zip"
    junk.write_text("inte ett paket")
    assert run(paths, "import", str(junk)) == 1
    assert "ingen zip-fil" in capsys.readouterr().err


def test_import_conflicts_are_left_for_the_window(anna, tmp_path, capsys):
    paths, engagement = anna
    bo = DataPaths(tmp_path / "bo")
    bo.root.mkdir()
    first = tmp_path / "1.dialogteam.zip"
    run(paths, "export", "--all", "--package", str(first))
    run(bo, "import", str(first))
    for where, text in ((paths, "Annas text"), (bo, "Bos text")):
        with Database(where.database) as db:
            store = Store(db)
            n = store.notes.get(sample_id("note-m1-1"))
            n.body = text
            store.notes.save(n)
    second = tmp_path / "2.dialogteam.zip"
    run(paths, "export", engagement.id, "--package", str(second))
    capsys.readouterr()
    assert run(bo, "import", str(second)) == 0
    out = capsys.readouterr().out
    assert "Nya konflikter att lösa: 1" in out and "Arkiv → Konflikter" in out


def test_backup_list_check_and_restore(anna, capsys, monkeypatch):
    paths, _ = anna
    assert run(paths, "backup") == 0
    assert "Säkerhetskopian sparades" in capsys.readouterr().out
    assert run(paths, "backup", "--list") == 0
    name = capsys.readouterr().out.split()[-1]
    assert name.startswith("manuell-")
    with Database(paths.database) as db:  # notes that are evidence in the analysis must stay
        db.conn.execute("DELETE FROM notes WHERE id NOT IN "
                        "(SELECT note_id FROM evidence WHERE note_id IS NOT NULL)")
    left = _notes(paths)
    monkeypatch.setattr("builtins.input", lambda prompt: "nej")
    assert run(paths, "restore", name) == 1
    assert _notes(paths) == left < 31
    assert run(paths, "restore", name, "--yes") == 0
    assert "återställd" in capsys.readouterr().out
    assert _notes(paths) == 31
    assert run(paths, "check") == 0
    assert "Databasen är hel" in capsys.readouterr().out


def _notes(paths):
    with sqlite3.connect(paths.database) as conn:
        return conn.execute("SELECT count(*) FROM notes").fetchone()[0]


def test_restore_and_import_wait_for_the_program_to_close(anna, tmp_path, capsys):
    paths, _ = anna
    run(paths, "backup")
    with InstanceLock(paths.lock):
        assert run(paths, "restore", "--yes", str(next(paths.backups.iterdir()))) == 1
        assert run(paths, "import", str(tmp_path / "x.zip")) == 1
    assert "Stäng programmet först" in capsys.readouterr().err


def test_check_reports_a_damaged_database(anna, capsys):
    paths, _ = anna
    data = bytearray(paths.database.read_bytes())
    data[4096 * 5:4096 * 5 + 300] = b"\xff" * 300
    paths.database.write_bytes(bytes(data))
    assert run(paths, "check") == 1
    out = capsys.readouterr().out
    assert "FEL" in out and "Återställ en säkerhetskopia" in out


def test_terminal_control_characters_from_a_package_are_escaped(tmp_path, capsys):
    import json
    import zipfile

    from helpers.crafted_packages import Crafted

    from dialogteam_app.cli import main
    from dialogteam_app.sample_data import load_sample
    from dialogteam_app.store.database import Database
    from dialogteam_app.store.store import Store
    source = tmp_path / "källa"
    source.mkdir()
    with Database(source / "dialogteam.sqlite") as db:
        load_sample(Store(db))
    assert main(["export", "--all", "--package", str(tmp_path / "p.zip"),
                 "--data-dir", str(source)]) == 0
    crafted = Crafted(tmp_path / "p.zip")
    crafted.manifest["created_by"] = "Anna\rRoot har tagit över"
    organisers = crafted.rows("organisers")
    organisers[0]["name"] = "Norrvik\x9b2J\u202eslivrroN"
    crafted.set_rows("organisers", organisers)
    path = crafted.write(tmp_path / "elak.dialogteam.zip")
    with zipfile.ZipFile(path) as z:
        assert "\r" in json.loads(z.read("manifest.json"))["created_by"]
    target = tmp_path / "mål"
    capsys.readouterr()
    assert main(["import", str(path), "--data-dir", str(target)]) == 0
    assert main(["list", "--data-dir", str(target)]) == 0
    out = capsys.readouterr().out
    assert "\\r" in out and "\\x9b" in out and "\\u202e" in out
    assert not any(ch in out for ch in "\r\x1b\x9b\u202e")
