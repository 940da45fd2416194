"""The store's errors leave it as StoreError with a Swedish message, the sqlite3 error
chained for the log; the window never sees sqlite3."""

from __future__ import annotations

import pytest

from dialogteam_app.store.backups import RestoreError, restore
from dialogteam_app.store.connection import sqlite3
from dialogteam_app.store.database import Database
from dialogteam_app.store.errors import (
    StoreBusyError,
    StoreConstraintError,
    StoreCorruptError,
    StoreError,
    StoreReadOnlyError,
    translate,
)
from dialogteam_app.store.migrations import NewerDatabaseError
from dialogteam_app.store.store import Store


def test_a_broken_rule_is_a_constraint_error_with_the_cause_kept(store):
    with pytest.raises(StoreConstraintError, match="databasens regler") as raised:
        store.db.write(lambda conn: conn.execute(
            "INSERT INTO school_units (id, organiser_id, name, updated_at) "
            "VALUES ('x', 'no-such-organiser', 'X', '')"))
    assert isinstance(raised.value.__cause__, sqlite3.IntegrityError)
    assert store.db.query("SELECT count(*) FROM school_units")[0][0] == 0


def test_a_file_that_is_no_database_is_corrupt(data_paths):
    data_paths.database.write_bytes(b"not a database at all " * 200)
    with pytest.raises(StoreCorruptError, match="ingen Dialogteam-databas"):
        Database(data_paths.database)


def test_a_database_from_a_newer_program_is_a_store_error(data_paths):
    Database(data_paths.database).close()
    conn = sqlite3.connect(data_paths.database)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(NewerDatabaseError) as raised:
        Database(data_paths.database)
    assert isinstance(raised.value, StoreError)


def test_a_database_that_refuses_writes_says_so_in_swedish(store):
    # query_only makes SQLite answer SQLITE_READONLY, as a read-only file or folder does
    # (which root, running these tests here, would not be refused).
    store.db.conn.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreReadOnlyError, match="skrivskyddad") as raised:
        store.settings.set("k", "v")
    assert isinstance(raised.value.__cause__, sqlite3.OperationalError)
    store.db.conn.execute("PRAGMA query_only = OFF")
    assert store.settings.get("k") is None


@pytest.mark.parametrize(("code", "cls", "words"), [
    (5, StoreBusyError, "upptagen"), (6, StoreBusyError, "upptagen"),
    (8, StoreReadOnlyError, "skrivskyddad"), (11, StoreCorruptError, "skadad"),
    (13 | (1 << 8), StoreError, "full"),   # an extended code: its low byte decides
])
def test_sqlite_result_codes_map_to_the_family(code, cls, words):
    exc = sqlite3.OperationalError("sqlite says so")
    exc.sqlite_errorcode = code
    translated = translate(exc)
    assert type(translated) is cls or isinstance(translated, cls)
    assert words in str(translated)


def test_a_refused_restore_is_a_store_error(data_paths, tmp_path):
    Store(Database(data_paths.database)).close()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"nothing")
    with pytest.raises(StoreError) as raised:
        restore(data_paths, bad)
    assert isinstance(raised.value, RestoreError)


def test_store_restore_reopens_also_when_the_restore_fails(store, data_paths, tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"nothing")
    with pytest.raises(RestoreError):
        store.restore(data_paths, bad)
    assert store.is_empty()   # the database is open again
