"""Full-text search over every note of every engagement (SQLite FTS5).

The query is what a person types: words, in any order, the last one possibly
unfinished ("lära" finds "lärare"). Words are quoted for FTS5, so characters
such as - " * ( ) in the text are searched for, never parsed as syntax.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from .connection import sqlite3

HIT_START, HIT_END = "\x02", "\x03"  # snippet markers; notes never contain control characters
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """'lärare mat' -> '"lärare" "mat"*'; None when there is nothing to search for."""
    words = _WORD.findall(text or "")
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    if text and not text[-1].isspace():  # still typing the last word
        quoted[-1] += "*"
    return " ".join(quoted)


class Queryable(Protocol):
    """A Database, or the search thread's own read connection."""

    def query(self, sql: str, params: tuple[object, ...] | Mapping[str, object] = ...
              ) -> list[sqlite3.Row]: ...


@dataclass
class SearchHit:
    note_id: str
    meeting_id: str
    engagement_id: str
    snippet: str            # note text with HIT_START/HIT_END around matched words
    taken_at: str
    speaker_role: str
    meeting_date: str
    meeting_title: str
    meeting_kind: str
    organiser_name: str
    tags: list[str] = field(default_factory=list)


@dataclass
class SearchFilter:
    engagement_id: str | None = None
    meeting_id: str | None = None
    tag: str | None = None
    role: str | None = None


RECENT_WINDOWS = (5_000, 20_000)  # notes ranked first, then these many; see search_notes
SHORT_PREFIX = 2  # letters: a last word this short, still being typed, is not ranked


@dataclass
class SearchResult:
    hits: list[SearchHit]
    newest_only: bool = False   # ranked among the newest `window` notes only
    window: int = 0             # how many of the newest notes were ranked (0: all)
    newest_first: bool = False  # a one- or two-letter word being typed: newest matches, unranked
    error: str = ""             # set by the search thread when the database failed


def short_prefix(text: str) -> bool:
    """'m', 'elevhälsa st': the last word is being typed and is only a letter or two."""
    words = _WORD.findall(text or "")
    return bool(words) and not text[-1].isspace() and len(words[-1]) <= SHORT_PREFIX


def search_notes(db: Queryable, text: str, where: SearchFilter | None = None,
                 limit: int = 200) -> SearchResult:
    """Best matches first; with no words, the filtered notes newest first.

    Ranking has to score every match, and a word like "lär" matches a third of
    all notes: 40 ms over 100 000 notes. So the newest 5 000 notes are ranked
    first; only if they hold fewer than `limit` hits are the next 15 000 ranked,
    then the rest (bm25 uses whole-index statistics, so the parts' ranks compare;
    no note is scored twice). Rare words, where ranking matters most, always rank
    over all notes, and so do several words (measured: 7 ms in one query, 14 ms in
    three windows). A last word of one or two letters matches nearly
    every note and its ranking says nothing: the newest matches are shown at once.
    """
    where = where or SearchFilter()
    match = fts_query(text)
    conditions: list[str] = []
    params: list[object] = []
    if where.engagement_id:
        conditions.append("n.engagement_id = ?")
        params.append(where.engagement_id)
    if where.meeting_id:
        conditions.append("n.meeting_id = ?")
        params.append(where.meeting_id)
    if where.tag:
        conditions.append("n.id IN (SELECT note_id FROM note_tags WHERE tag = ?)")
        params.append(where.tag)
    if where.role:
        conditions.append("n.speaker_role = ?")
        params.append(where.role)
    columns = ("n.id, n.meeting_id, n.engagement_id, n.taken_at, n.speaker_role, "
               "m.date, m.title, m.kind, o.name")
    joins = ("JOIN meetings m ON m.id = n.meeting_id "
             "JOIN engagements e ON e.id = n.engagement_id "
             "JOIN organisers o ON o.id = e.organiser_id")
    filters = "".join(f" AND {c}" for c in conditions)
    result = SearchResult([])
    if match is None:
        if not conditions:
            return result
        rows = db.query(f"SELECT {columns}, n.body FROM notes n {joins} WHERE 1 {filters} "
                        f"ORDER BY n.taken_at DESC LIMIT ?", (*params, limit))
    else:
        # ORDER BY f.rank (not bm25()) lets FTS5 hand rows over already sorted, so the
        # joins and snippets run for the returned rows only: measured twice as fast.
        snippet = f"snippet(notes_fts, 0, '{HIT_START}', '{HIT_END}', '…', 24)"
        sql = (f"SELECT {columns}, {snippet}, f.rank FROM notes_fts f "
               f"JOIN notes n ON n.rowid = f.rowid {joins} "
               f"WHERE notes_fts MATCH ? AND f.rowid > ? AND f.rowid <= ? {filters} "
               f"ORDER BY {{order}} LIMIT ?")
        newest = db.query("SELECT coalesce(max(rowid), 0) FROM notes")[0][0]
        if short_prefix(text):
            result.newest_first = True
            rows = db.query(sql.format(order="f.rowid DESC"), (match, 0, newest, *params, limit))
        else:
            ranked = sql.format(order="f.rank")
            rows, top = [], newest
            # One word: the newest first, each note scored once. Several words match
            # few notes together, and one query over all is faster than three.
            windows = RECENT_WINDOWS if len(_WORD.findall(text)) == 1 else ()
            for window in (*windows, None):
                cut = 0 if window is None else max(0, newest - window)
                rows = sorted([*rows, *db.query(ranked, (match, cut, top, *params, limit))],
                              key=lambda r: float(r[10]))[:limit]
                top = cut
                if cut == 0 or len(rows) >= limit:
                    break
            result.newest_only = top > 0
            result.window = newest - top if top > 0 else 0
    result.hits = [SearchHit(note_id=r[0], meeting_id=r[1], engagement_id=r[2], taken_at=r[3],
                             speaker_role=r[4], meeting_date=r[5], meeting_title=r[6],
                             meeting_kind=r[7], organiser_name=r[8], snippet=r[9])
                   for r in rows]
    _attach_tags(db, result.hits)
    return result


def _attach_tags(db: Queryable, hits: list[SearchHit]) -> None:
    if not hits:
        return
    by_id = {h.note_id: h for h in hits}
    marks = ",".join("?" * len(by_id))
    for r in db.query(f"SELECT note_id, tag FROM note_tags WHERE note_id IN ({marks}) "
                      f"ORDER BY rowid", tuple(by_id)):
        by_id[r[0]].tags.append(r[1])
