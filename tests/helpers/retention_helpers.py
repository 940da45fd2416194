"""An ended engagement ready for gallring, and searches for words in every corner of
the database: every table's cells, the FTS index's terms, the file and its WAL."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from dialogteam_app.domain.engagement import KeyDate, KeyDateKind, Phase
from dialogteam_app.domain.retention import END_KINDS
from dialogteam_app.store.store import Store

ENDED_ON = "2025-06-30"
PERSONAL_TABLES = {"notes", "participants", "note_drafts", "note_tags",
                   "exchange_versions", "exchange_conflicts"}


def end_engagement(store: Store, engagement_id: str) -> None:
    e = store.engagements.get(engagement_id)
    assert e is not None
    store.engagements.save(replace(e, phase=Phase.CLOSED))
    for d in store.engagements.key_dates(engagement_id):    # it ended earlier than planned
        if d.kind in END_KINDS:
            store.engagements.delete_key_date(d.id)
    store.engagements.save_key_date(KeyDate(engagement_id=engagement_id,
                                            kind=KeyDateKind.PERIOD_END, date=ENDED_ON))


def _tables(store: Store) -> list[str]:
    return [r[0] for r in store.db.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")]


def words_of(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w{7,}", text)}


def personal_words(store: Store, engagement_id: str) -> set[str]:
    """Words of the engagement's notes, drafts, participant names and task owners that
    occur nowhere else (not in the analysis, the plan or a task's text, which stay)."""
    conn = store.db.conn
    personal: set[str] = set()
    for (text,) in conn.execute(
            "SELECT body FROM notes WHERE engagement_id = ? UNION ALL "
            "SELECT p.name FROM participants p JOIN meetings m ON m.id = p.meeting_id "
            "WHERE m.engagement_id = ? UNION ALL "
            "SELECT t.who FROM tasks t JOIN meetings m ON m.id = t.meeting_id "
            "WHERE m.engagement_id = ? UNION ALL "
            "SELECT d.body FROM note_drafts d JOIN meetings m ON m.id = d.meeting_id "
            "WHERE m.engagement_id = ?", (engagement_id,) * 4):
        personal |= words_of(text)
    kept: set[str] = set()
    for table in _tables(store):
        if table in PERSONAL_TABLES or table.startswith("notes_fts"):
            continue
        for row in conn.execute(f'SELECT * FROM "{table}"'):
            for cell in row:
                if isinstance(cell, str):
                    kept |= words_of(cell)
    return personal - kept


def where_found(store: Store, words: set[str]) -> list[str]:
    """Every place one of the words is still found; empty when they are gone."""
    conn = store.db.conn
    found = []
    for table in _tables(store):
        for row in conn.execute(f'SELECT * FROM "{table}"'):
            for cell in row:
                text = cell.decode("utf-8", "replace") if isinstance(cell, bytes) else str(cell)
                found += [f"{table}: {w}" for w in sorted(words_of(text) & words)]
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms "
                 "USING fts5vocab(main, notes_fts, row)")
    terms = {r[0] for r in conn.execute("SELECT term FROM temp.fts_terms")}
    conn.execute("DROP TABLE temp.fts_terms")
    found += [f"FTS-index: {w}" for w in words if w in terms]
    for suffix in ("", "-wal"):
        path = Path(f"{store.db.path}{suffix}")
        if path.exists():
            data = path.read_bytes().lower()
            found += [f"fil{suffix}: {w}" for w in sorted(words) if re.search(
                rb"(?<!\w)" + re.escape(w.encode("utf-8")) + rb"(?!\w)", data)]
    return found
