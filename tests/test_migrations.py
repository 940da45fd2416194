
import pytest

from dialogteam_app.store import migrations
from dialogteam_app.store.connection import connect, integrity_problems, sqlite3
from dialogteam_app.store.database import Database
from dialogteam_app.store.migrations import LATEST, MIGRATIONS, NewerDatabaseError, migrate


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
    assert [m.VERSION for m in migrations.MIGRATIONS] == list(range(1, LATEST + 1))
