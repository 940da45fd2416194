"""Opening SQLite connections the one way this program uses them.

The driver is SQLCipher's (`sqlcipher3`), for plain and encrypted databases alike:
its exceptions, Row and Connection are its own classes, so every module imports
`sqlite3` from here, never the standard library's. Type checkers see the standard
library's stubs, which the driver follows.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3 as sqlite3
else:
    from sqlcipher3 import dbapi2 as sqlite3

from ..private_files import make_private

BUSY_TIMEOUT_MS = 10_000
PLAIN_HEADER = b"SQLite format 3\0"


@dataclass(frozen=True)
class DatabaseKey:
    """A raw 256-bit SQLCipher key and the 16-byte salt SQLCipher writes as the file's
    first bytes. Given raw, SQLCipher skips its own key derivation (~0.4 s per
    connection): opening stays at ~1 ms."""
    key: bytes
    salt: bytes

    def pragma(self) -> str:
        return f"PRAGMA key = \"x'{self.key.hex()}{self.salt.hex()}'\""

    def attach(self, path: Path, alias: str) -> str:
        return f"ATTACH DATABASE '{_quoted(path)}' AS {alias} KEY \"x'{self.key.hex()}{self.salt.hex()}'\""


# Data folder -> its key, only in this process's memory (never written anywhere).
_keys: dict[Path, DatabaseKey] = {}


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def use_key(folder: Path, key: DatabaseKey | None) -> None:
    """Every file under `folder` (the database, its backups) is opened with this key."""
    folder = Path(folder).resolve()
    if key is None:
        _keys.pop(folder, None)
    else:
        _keys[folder] = key


def key_for(path: Path | str) -> DatabaseKey | None:
    resolved = Path(path).resolve()
    for folder in (resolved, *resolved.parents):
        if folder in _keys:
            return _keys[folder]
    return None


def is_encrypted_file(path: Path | str) -> bool:
    """True for a file that looks like SQLCipher's: whole pages (a power of two of at
    least 512 bytes, so a multiple of 512) of which none starts as plain SQLite does.
    Anything else that is not plain SQLite is simply not a database."""
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as f:
            head = f.read(len(PLAIN_HEADER))
    except OSError:
        return False
    return size >= 512 and size % 512 == 0 and head != PLAIN_HEADER


def open_file(path: Path | str, key: DatabaseKey | None = None, *, read_only: bool = False,
              plain: bool = False, autocommit: bool = False, immutable: bool = False,
              timeout: float = 5.0) -> sqlite3.Connection:
    """A bare connection to any database file, keyed when it lives in an encrypted
    data folder (or with the key given); plain=True opens it without a key."""
    if not plain:
        key = key or key_for(path)
    # immutable: a file in a folder nobody can write to, read without its -shm.
    target = (f"{Path(path).resolve().as_uri()}?mode=ro{'&immutable=1' if immutable else ''}"
              if read_only else str(path))
    conn = sqlite3.connect(target, timeout=timeout, uri=read_only)
    if autocommit:
        conn.isolation_level = None
    if key is not None:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key.pragma())
    return conn


def connect(path: Path | str) -> sqlite3.Connection:
    """WAL for concurrent readers, synchronous=FULL so a committed note survives
    a power cut, foreign keys on so no link ever dangles."""
    conn = open_file(path, autocommit=True, timeout=BUSY_TIMEOUT_MS / 1000)
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
