"""Migrations: every earlier schema upgrades (with a backup first), a newer one is refused."""

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from dialogteam_app.store import migrations
from dialogteam_app.store.connection import connect, integrity_problems, sqlite3
from dialogteam_app.store.database import Database
from dialogteam_app.store.migrations import LATEST, NewerDatabaseError, all_migrations, migrate

MIGRATIONS = all_migrations()


def _user_version(path):
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA user_version").fetchone()[0]


def test_fresh_file_goes_from_version_0_to_latest_without_backup(data_paths):
    with Database(data_paths.database, backup_dir=data_paths.backups) as db:
        assert db.upgrade_backup is None
        assert integrity_problems(db.conn) == []
    assert _user_version(data_paths.database) == LATEST
    assert not data_paths.backups.exists()


@pytest.mark.parametrize("start", range(1, LATEST))
def test_every_earlier_version_upgrades_with_a_backup_first(data_paths, start):
    conn = connect(data_paths.database)
    migrate(conn, None, MIGRATIONS[:start])
    conn.execute("INSERT INTO organisers (id, name, kind, updated_at) "
                 "VALUES ('o1', 'Gammal huvudman', 'kommun', '2020-01-01')")
    conn.close()
    with Database(data_paths.database, backup_dir=data_paths.backups) as db:
        backup = db.upgrade_backup
        assert db.query("SELECT name FROM organisers")[0][0] == "Gammal huvudman"
    assert _user_version(backup) == start  # the copy is the database as it was
    assert _user_version(data_paths.database) == LATEST


def test_upgrade_backs_up_before_changing_anything(data_paths, tmp_path):
    """With a later migration added, an existing v1 file is copied before it changes."""
    class AddColumn:
        VERSION = MIGRATIONS[-1].VERSION + 1

        @staticmethod
        def up(conn):
            conn.execute("ALTER TABLE organisers ADD COLUMN website TEXT NOT NULL DEFAULT ''")

    with Database(data_paths.database) as db:
        db.conn.execute("INSERT INTO organisers (id, name, kind, updated_at) "
                        "VALUES ('o1', 'A', 'kommun', 'x')")
    conn = connect(data_paths.database)
    backup = migrate(conn, data_paths.backups, [*MIGRATIONS, AddColumn])
    assert conn.execute("SELECT website FROM organisers").fetchone()[0] == ""
    conn.close()
    assert backup.exists() and backup.parent == data_paths.backups
    assert _user_version(backup) == LATEST
    with sqlite3.connect(backup) as old:
        assert "website" not in [r[1] for r in old.execute("PRAGMA table_info(organisers)")]


def test_failed_migration_leaves_the_database_as_it_was(data_paths):
    class Broken:
        VERSION = MIGRATIONS[-1].VERSION + 1

        @staticmethod
        def up(conn):
            conn.execute("CREATE TABLE half_done (x)")
            raise RuntimeError("boom")

    Database(data_paths.database).close()
    conn = connect(data_paths.database)
    with pytest.raises(RuntimeError):
        migrate(conn, data_paths.backups, [*MIGRATIONS, Broken])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name='half_done'").fetchone()
    conn.close()


def test_database_from_a_newer_program_is_refused_untouched(data_paths):
    Database(data_paths.database).close()
    with sqlite3.connect(data_paths.database) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST + 5}")
    before = data_paths.database.read_bytes()
    with pytest.raises(NewerDatabaseError, match="nyare version"):
        Database(data_paths.database, backup_dir=data_paths.backups)
    assert data_paths.database.read_bytes() == before


def test_migration_modules_are_numbered_in_order():
    """LATEST is written out (the modules are imported only to upgrade): it is the last
    module's VERSION, and every module in the folder is one of the migrations."""
    found = migrations.all_migrations()
    assert [m.VERSION for m in found] == list(range(1, LATEST + 1))
    folder = Path(migrations.__file__).parent
    assert sorted(p.stem for p in folder.glob("m[0-9][0-9][0-9][0-9]_*.py")) == \
        [m.__name__.rsplit(".", 1)[1] for m in found]


def test_a_current_database_opens_without_importing_the_migrations(data_paths):
    Database(data_paths.database).close()  # created: every migration ran
    script = ("import sys; from dialogteam_app.store.database import Database; "
              f"Database({str(data_paths.database)!r}).close(); "
              "print([m for m in sys.modules if '.migrations.m0' in m])")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
