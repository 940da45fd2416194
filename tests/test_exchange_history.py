"""The exchange bookkeeping's shortcuts: batched writes, and reading 'sent before'
from the stored text without decoding it."""

from dialogteam_app.exchange.history import History, Live, Tombstone
from dialogteam_app.store.connection import transaction


def test_a_version_written_inside_a_value_is_not_taken_for_a_stored_one(store):
    sent, lookalike = "a" * 32, "b" * 32
    conn = store.db.conn
    with transaction(conn):
        history = History(conn)
        body = f'citat: "{lookalike}": och \\"{lookalike}\\": slut'
        history.save_live("notes", "n1", Live([sent], {sent: {"id": "n1", "body": body}}))
        history.flush()
    fresh = History(conn)
    assert fresh._sent_before("notes", "n1", sent, [])
    assert not fresh._sent_before("notes", "n1", lookalike, [])
    assert not fresh._sent_before("notes", "n1", sent, ["c" * 32])  # more known: a change
    assert not fresh._sent_before("notes", "n2", sent, [])


def test_saved_states_reach_the_database_and_a_tombstone_replaces_them(store):
    conn = store.db.conn
    version = "d" * 32
    with transaction(conn):
        history = History(conn)
        history.note_exchanged("notes", "n1", version, {"id": "n1", "body": "x"})
        assert history.live("notes", "n1").known == [version]
        history.save_tombstone("notes", "n1", Tombstone("e" * 32, [version], "2026-11-30"))
        history.flush()
    rows = conn.execute("SELECT record_id FROM exchange_versions").fetchall()
    assert rows == []  # the tombstone came after the batched state and removed it
    fresh = History(conn)
    assert fresh.live("notes", "n1") is None
    assert fresh.tombstone("notes", "n1").version == "e" * 32
