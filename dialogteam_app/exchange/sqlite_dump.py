"""`dialogteam export --all --sqlite-dump FILE`: the data as a plain SQLite file for
analysts (sqlite3, DB Browser, pandas, R): every exchanged table with its rows,
columns and foreign keys as in the program, without what is local to this laptop
(settings, unsent drafts, the exchange's bookkeeping) and without the full-text
index and triggers. Not encrypted: the file is created readable by its owner only.

The copy is SQLite's backup API (page by page) followed by DROP TABLE and VACUUM.
benchmarks/bench_sqlite_dump.py compares it with copying the rows through sqlite-utils.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from ..export.atomic import atomic_path
from ..store.connection import key_for, sqlite3
from ..store.encryption import plain_copy
from ..store.errors import store_errors
from ..store.store import Store
from .schema_graph import SchemaGraph, quote

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DumpSummary:
    path: Path
    rows: dict[str, int]    # table -> rows
    size: int               # bytes


def write_sqlite_dump(store: Store, path: Path) -> DumpSummary:
    store.flush()
    path = Path(path)
    with store_errors(), atomic_path(path) as tmp:
        if os.name == "posix":
            tmp.chmod(0o600)   # before a single page of data is in it
        if key_for(store.db.path) is not None:    # an encrypted database, a plain dump
            plain_copy(store.db.conn, tmp)
        target = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            if key_for(store.db.path) is None:
                store.db.conn.backup(target)
            rows = _keep_only_data(target)
            target.execute("PRAGMA journal_mode=DELETE")   # one self-contained file
            target.execute("VACUUM")
        finally:
            target.close()
    size = path.stat().st_size
    log.info("sqlite dump written: %d tables, %d rows, %d bytes",
             len(rows), sum(rows.values()), size)
    return DumpSummary(path, rows, size)


def _keep_only_data(conn: sqlite3.Connection) -> dict[str, int]:
    """Drop everything that is not an exchanged table; foreign keys are off on this
    connection (sqlite3's default), so no DROP cascades into the tables kept."""
    keep = set(SchemaGraph.read(conn).tables)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {quote(name)}")
    master = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                          "AND name NOT LIKE 'sqlite_%'").fetchall()
    virtual = [name for name, sql in master if (sql or "").upper().startswith("CREATE VIRTUAL")]
    for name in virtual:      # takes its shadow tables along
        conn.execute(f"DROP TABLE {quote(name)}")
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                "AND name NOT LIKE 'sqlite_%'").fetchall():
        if name not in keep:
            conn.execute(f"DROP TABLE {quote(name)}")
    conn.execute("PRAGMA user_version = 0")   # not a Dialogteam database to open and upgrade
    return {name: conn.execute(f"SELECT count(*) FROM {quote(name)}").fetchone()[0]
            for name in sorted(keep)}
