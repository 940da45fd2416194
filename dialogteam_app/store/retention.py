"""Gallring in the database: pseudonymise one engagement's personal data, purge the
search index and the exchange bookkeeping of the old text, keep a record, and
rewrite the file so the words are gone from it (and from the WAL).

Idempotent by design: gallra_records() only touches rows that still hold personal
data, and yields the same content on every laptop for the same gallring (the
placeholder carries the first gallring's date), so exchanged versions converge.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from ..domain.ids import new_id, utc_now
from ..domain.notes import Tag
from ..domain.retention import PSEUDONYM_PREFIX, Schedule, end_date, placeholder
from .connection import connect, sqlite3
from .database import Database
from .engagements import Engagements
from .errors import store_errors
from .rows import stored_int

_FIXED_TAGS = tuple(t.value for t in Tag)
_MEETINGS = "SELECT id FROM meetings WHERE engagement_id = :e"
_NOTES = "SELECT id FROM notes WHERE engagement_id = :e"
_PARTICIPANTS = f"SELECT id FROM participants WHERE meeting_id IN ({_MEETINGS})"
_TASKS = f"SELECT id FROM tasks WHERE meeting_id IN ({_MEETINGS})"


@dataclass
class RetentionCounts:
    notes: int = 0
    participants: int = 0
    tags: int = 0
    task_owners: int = 0
    drafts: int = 0

    def total(self) -> int:
        return sum(getattr(self, f.name) for f in fields(self))

    def lines(self) -> list[str]:
        """Swedish, one line per kind with something to remove."""
        labels = {"notes": ("anteckning", "anteckningar"),
                  "participants": ("deltagarnamn", "deltagarnamn"),
                  "tags": ("egen tagg", "egna taggar"),
                  "task_owners": ("namn på en uppgift", "namn på uppgifter"),
                  "drafts": ("utkast", "utkast")}
        counted = [(getattr(self, f.name), labels[f.name]) for f in fields(self)]
        return [f"{n} {one if n == 1 else many}" for n, (one, many) in counted if n]


@dataclass(frozen=True)
class RetentionRecord:
    done_on: str
    ended_on: str
    months: int
    counts: RetentionCounts
    done_by: str


def _tags_clause() -> str:
    return ", ".join("?" for _ in _FIXED_TAGS)


def pending(conn: sqlite3.Connection, engagement_id: str, text: str) -> RetentionCounts:
    """What a gallring with this placeholder text would change now."""
    e = {"e": engagement_id}
    tag_sql = (f"SELECT count(*) FROM note_tags WHERE note_id IN ({_NOTES.replace(':e', '?')}) "
               f"AND tag NOT IN ({_tags_clause()})")
    return RetentionCounts(
        notes=_count(conn, "SELECT count(*) FROM notes WHERE engagement_id = :e "
                           "AND (body != :t OR speaker_role != '')", {**e, "t": text}),
        participants=_count(conn, "SELECT count(*) FROM participants WHERE meeting_id IN "
                                  f"({_MEETINGS}) AND name != :prefix || (position + 1)",
                            {**e, "prefix": PSEUDONYM_PREFIX}),
        tags=int(conn.execute(tag_sql, (engagement_id, *_FIXED_TAGS)).fetchone()[0]),
        task_owners=_count(conn, f"SELECT count(*) FROM tasks WHERE meeting_id IN ({_MEETINGS}) "
                                 "AND who != ''", e),
        drafts=_count(conn, f"SELECT count(*) FROM note_drafts WHERE meeting_id IN ({_MEETINGS})",
                      e))


def _count(conn: sqlite3.Connection, sql: str, params: dict[str, str]) -> int:
    return int(conn.execute(sql, params).fetchone()[0])


def gallra_records(conn: sqlite3.Connection, engagement_id: str, text: str) -> RetentionCounts:
    """Pseudonymise in the caller's transaction; returns what was changed."""
    counts = pending(conn, engagement_id, text)
    now = utc_now()
    e = {"e": engagement_id, "now": now, "prefix": PSEUDONYM_PREFIX}
    conn.execute("UPDATE notes SET body = :t, speaker_role = '', updated_at = :now "
                 "WHERE engagement_id = :e AND (body != :t OR speaker_role != '')",
                 {"e": engagement_id, "now": now, "t": text})
    conn.execute(f"UPDATE participants SET name = :prefix || (position + 1), "
                 f"updated_at = :now WHERE meeting_id IN ({_MEETINGS}) "
                 "AND name != :prefix || (position + 1)", e)
    conn.execute(f"DELETE FROM note_tags WHERE note_id IN ({_NOTES.replace(':e', '?')}) "
                 f"AND tag NOT IN ({_tags_clause()})", (engagement_id, *_FIXED_TAGS))
    conn.execute(f"UPDATE tasks SET who = '', updated_at = :now WHERE meeting_id IN "
                 f"({_MEETINGS}) AND who != ''", e)
    conn.execute(f"DELETE FROM note_drafts WHERE meeting_id IN ({_MEETINGS})",
                 {"e": engagement_id})
    _purge_bookkeeping(conn, engagement_id)
    return counts


def _purge_bookkeeping(conn: sqlite3.Connection, engagement_id: str) -> None:
    """The exchange keeps old contents as merge bases and colleagues' versions in open
    conflicts: both hold the text. Version ids stay, so merges still know the order."""
    for table, ids in (("notes", _NOTES), ("participants", _PARTICIPANTS), ("tasks", _TASKS)):
        params = {"e": engagement_id, "table": table}
        conn.execute(f"UPDATE exchange_versions SET contents = '{{}}' WHERE table_name = :table "
                     f"AND record_id IN ({ids})", params)
        conn.execute(f"DELETE FROM exchange_conflicts WHERE table_name = :table "
                     f"AND record_id IN ({ids})", params)


def first_done_on(conn: sqlite3.Connection, engagement_id: str) -> str | None:
    r = conn.execute("SELECT min(done_on) FROM retentions WHERE engagement_id = ?",
                     (engagement_id,)).fetchone()
    return str(r[0]) if r and r[0] else None


def regallra_all(conn: sqlite3.Connection) -> int:
    """After an import: whatever a package brought into a gallrad engagement is gallrad
    again, with the same text. Returns the number of records changed."""
    changed = 0
    for (engagement_id,) in conn.execute("SELECT DISTINCT engagement_id FROM retentions "
                                         "ORDER BY engagement_id").fetchall():
        done_on = first_done_on(conn, engagement_id)
        assert done_on is not None
        changed += gallra_records(conn, engagement_id, placeholder(done_on)).total()
    if changed:
        conn.execute("INSERT INTO notes_fts(notes_fts) VALUES ('optimize')")
    return changed


def records(db: Database, engagement_id: str) -> list[RetentionRecord]:
    return [RetentionRecord(r["done_on"], r["ended_on"], stored_int(r["months"]),
                            RetentionCounts(stored_int(r["notes"]), stored_int(r["participants"]),
                                            stored_int(r["tags"]), stored_int(r["task_owners"]),
                                            stored_int(r["drafts"])), r["done_by"])
            for r in db.query("SELECT * FROM retentions WHERE engagement_id = ? "
                              "ORDER BY done_on, rowid", (engagement_id,))]


def preview(db: Database, engagement_id: str, today: date) -> RetentionCounts:
    text = placeholder(first_done_on(db.conn, engagement_id) or today.isoformat())
    return pending(db.conn, engagement_id, text)


def gallra(db: Database, engagement_id: str, schedule: Schedule, today: date,
           done_by: str = "") -> RetentionCounts:
    """The whole gallring: records, log, FTS optimize, then VACUUM and a truncating
    checkpoint so no page of the file or the WAL keeps the old text."""
    ended_on = schedule.ended_on
    assert ended_on is not None

    def work(conn: sqlite3.Connection) -> RetentionCounts:
        done_on = first_done_on(conn, engagement_id) or today.isoformat()
        counts = gallra_records(conn, engagement_id, placeholder(done_on))
        conn.execute(
            "INSERT INTO retentions (id, engagement_id, done_on, ended_on, months, notes, "
            "participants, tags, task_owners, drafts, done_by, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (new_id(), engagement_id, today.isoformat(), ended_on.isoformat(),
             schedule.months, counts.notes, counts.participants, counts.tags,
             counts.task_owners, counts.drafts, done_by, utc_now()))
        conn.execute("INSERT INTO notes_fts(notes_fts) VALUES ('optimize')")
        return counts

    counts: RetentionCounts = db.write(work)
    compact(db)
    return counts


def compact(db: Database) -> None:
    """Rewrite the file without free pages and empty the WAL (secure_delete alone
    leaves old copies of pages in the WAL until it is checkpointed and truncated).
    On a connection of its own, so any thread may call it; the others are idle."""
    db.flush()
    conn = connect(db.path)
    try:
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


class Retention:
    """Gallring as the window and the command line reach it, one engagement at a time."""

    def __init__(self, db: Database):
        self.db = db

    def schedule(self, engagement_id: str, months: int) -> Schedule:
        e = Engagements(self.db).get(engagement_id)
        ended = None if e is None else end_date(e, Engagements(self.db).key_dates(e.id))
        return Schedule(ended, months)

    def preview(self, engagement_id: str, today: date) -> RetentionCounts:
        return preview(self.db, engagement_id, today)

    def records(self, engagement_id: str) -> list[RetentionRecord]:
        return records(self.db, engagement_id)

    def gallra(self, engagement_id: str, schedule: Schedule, today: date,
               done_by: str = "") -> RetentionCounts:
        with store_errors():
            return gallra(self.db, engagement_id, schedule, today, done_by)
