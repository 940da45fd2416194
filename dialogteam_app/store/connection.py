"""Opening SQLite connections the one way this program uses them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..private_files import make_private

BUSY_TIMEOUT_MS = 10_000


def connect(path: Path | str) -> sqlite3.Connection:
    """WAL for concurrent readers, synchronous=FULL so a committed note survives
    a power cut, foreign keys on so no link ever dangles."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA secure_delete=ON")   # freed pages are zeroed: deleted is gone
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    for suffix in ("", "-wal", "-shm"):     # later journals copy the database's mode
        make_private(Path(f"{path}{suffix}"))
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error, so a write is all or nothing."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def integrity_errors(conn: sqlite3.Connection) -> list[str]:
    """What PRAGMA integrity_check finds, in Swedish; empty when the file is whole."""
    return [f"SQLite rapporterar: {r[0]}" for r in conn.execute("PRAGMA integrity_check")
            if r[0] != "ok"]


def foreign_key_errors(conn: sqlite3.Connection) -> list[str]:
    """Links that point at a record that is gone, in Swedish."""
    return [f"Tabellen {r[0]} (rad {r[1]}) pekar på en post i {r[2]} som saknas."
            for r in conn.execute("PRAGMA foreign_key_check")]


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """Empty when the file is whole and every link holds."""
    return integrity_errors(conn) + foreign_key_errors(conn)


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Execute statements one by one inside the caller's transaction.

    executescript() would COMMIT first and break migration atomicity; this
    splits on complete statements, so triggers with inner semicolons work.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            if statement.strip():
                conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement.strip()[:60]}")
