"""`dialogteam export --all --sqlite-dump`: a plain SQLite file of the data tables."""

from __future__ import annotations

import os
import stat

from dialogteam_app.cli import main
from dialogteam_app.exchange.schema_graph import LOCAL_TABLES, SchemaGraph, quote
from dialogteam_app.exchange.sqlite_dump import write_sqlite_dump
from dialogteam_app.sample_data import load_sample
from dialogteam_app.store.connection import sqlite3
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store


def test_the_dump_holds_the_data_tables_and_nothing_local(store, tmp_path):
    engagement = load_sample(store)
    meeting = store.meetings.list(engagement.id)[0]
    store.notes.save_draft(meeting.id, "ett osparat utkast om eleven Kalle")
    store.settings.set("exchange_name", "Anna Andersson")
    dest = tmp_path / "analys.sqlite"
    summary = write_sqlite_dump(store, dest)

    source = SchemaGraph.read(store.db.conn).tables
    conn = sqlite3.connect(dest)
    names = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert names == set(source)
    assert not names & LOCAL_TABLES and not any("fts" in n for n in names)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").fetchone()[0] == 0
    for name in source:
        expected = store.db.query(f"SELECT * FROM {quote(name)} ORDER BY rowid")
        got = conn.execute(f"SELECT * FROM {quote(name)} ORDER BY rowid").fetchall()
        assert [tuple(r) for r in expected] == got, name
        assert summary.rows[name] == len(got)
    assert summary.rows["notes"] > 0
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    raw = dest.read_bytes()
    assert b"Kalle" not in raw and b"Anna Andersson" not in raw
    if os.name == "posix":
        assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert not list(tmp_path.glob(".*.tmp"))


def test_the_command_line_writes_it_and_asks_for_all(data_paths, tmp_path, capsys):
    with Database(data_paths.database) as db:
        load_sample(Store(db))
    dest = tmp_path / "analys.sqlite"
    args = ["export", "--data-dir", str(data_paths.root)]
    assert main([*args, "abc", "--sqlite-dump", str(dest)]) == 2
    assert "--all" in capsys.readouterr().err and not dest.exists()
    assert main([*args, "--all", "--sqlite-dump", str(dest)]) == 0
    out = capsys.readouterr().out
    assert "SQLite-kopian sparades" in out and "inte krypterad" in out
    assert sqlite3.connect(dest).execute("SELECT count(*) FROM notes").fetchone()[0] > 0
