import threading

import pytest

from dialogteam_app.store.connection import connect, sqlite3
from dialogteam_app.store.database import Database
from dialogteam_app.store.writer import BackgroundWriter


@pytest.fixture
def db_path(data_paths):
    Database(data_paths.database).close()  # create the schema
    return data_paths.database


def _insert(conn, key, value):
    conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


def test_call_returns_result_and_preserves_order(db_path):
    writer = BackgroundWriter(lambda: connect(db_path))
    writer.submit("k", _insert, "a", "1")
    assert writer.call(lambda conn: conn.execute(
        "SELECT value FROM settings WHERE key='a'").fetchone()[0]) == "1"
    writer.close()


def test_same_key_is_coalesced_to_the_latest(db_path):
    gate = threading.Event()
    writes = []

    def blocker(conn):
        gate.wait(5)

    def record(conn, value):
        writes.append(value)
        _insert(conn, "note", value)

    writer = BackgroundWriter(lambda: connect(db_path))
    writer.submit("block", blocker)
    for i in range(100):
        writer.submit("note", record, f"text {i}")
    gate.set()
    writer.flush()
    assert writes == ["text 99"]
    writer.close()


def test_failed_keyed_save_is_reported_and_rolled_back(db_path):
    errors = []

    def half_then_fail(conn):
        _insert(conn, "half", "1")
        raise ValueError("disk says no")

    writer = BackgroundWriter(lambda: connect(db_path), on_error=errors.append)
    writer.submit("x", half_then_fail)
    writer.flush()
    assert [str(e) for e in errors] == ["disk says no"]
    assert writer.call(lambda c: c.execute("SELECT count(*) FROM settings").fetchone()[0]) == 0
    writer.close()


def test_close_writes_what_is_queued(db_path):
    writer = BackgroundWriter(lambda: connect(db_path))
    for i in range(20):
        writer.submit(i, _insert, f"k{i}", "v")
    writer.close()
    conn = connect(db_path)
    assert conn.execute("SELECT count(*) FROM settings").fetchone()[0] == 20
    conn.close()


def test_writer_that_cannot_open_the_database_fails_at_once(tmp_path):
    with pytest.raises(sqlite3.OperationalError):
        BackgroundWriter(lambda: connect(tmp_path / "missing-dir" / "x.sqlite"))
