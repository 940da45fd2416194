"""Numbered schema migrations tracked with PRAGMA user_version.

Each module mNNNN_*.py defines VERSION and up(conn). A database from any earlier
version is upgraded step by step, each step in its own transaction, after a
backup copy of the file has been taken.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from ..connection import sqlite3, transaction
from ..errors import StoreError


class Migration(Protocol):
    """A migration module (or any object) with VERSION and up(conn)."""
    VERSION: int

    def up(self, conn: sqlite3.Connection, /) -> None: ...


# The last migration's VERSION (a test checks it). The migrations themselves are imported
# only when a database needs them: a start on a current database does not (~0.5 ms).
LATEST = 10


def all_migrations() -> list[Migration]:
    from . import (
        m0001_foundation,
        m0002_meetings_notes,
        m0003_analysis,
        m0004_plan,
        m0005_exchange,
        m0006_agreements,
        m0007_search_prefix,
        m0008_retention,
        m0009_follow_up,
        m0010_trust,
    )
    return [m0001_foundation, m0002_meetings_notes, m0003_analysis, m0004_plan,
            m0005_exchange, m0006_agreements, m0007_search_prefix, m0008_retention,
            m0009_follow_up, m0010_trust]

log = logging.getLogger(__name__)


class NewerDatabaseError(StoreError):
    def __init__(self, found: int):
        super().__init__(
            f"Databasen kommer från en nyare version av Dialogteam (schema {found}, "
            f"det här programmet känner till {LATEST}). Uppdatera programmet; "
            "databasen har inte ändrats.")
        self.found = found


def current_version(conn: sqlite3.Connection) -> int:
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    return version


def has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' LIMIT 1").fetchone() is not None


def migrate(conn: sqlite3.Connection, backup_dir: Path | None = None,
            migrations: Sequence[Migration] | None = None) -> Path | None:
    """Bring the schema to the last of `migrations` (all of them when not given).
    Returns the backup taken, if any."""
    found = current_version(conn)
    target = migrations[-1].VERSION if migrations is not None else LATEST
    if found > target:
        log.error("database schema %d is newer than this program's %d; left untouched",
                  found, target)
        raise NewerDatabaseError(found)
    if found == target:
        return None
    if migrations is None:
        migrations = all_migrations()
    backup = None
    if backup_dir is not None and has_tables(conn):
        from ..backup_copy import backup_to
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_to(conn, backup_dir / f"före-uppgradering-v{found}-{stamp}.sqlite")
        log.info("backup before upgrade: %s", backup.name)
    for module in migrations:
        if module.VERSION <= found:
            continue
        log.info("migrating schema %d -> %d", current_version(conn), module.VERSION)
        with transaction(conn):
            module.up(conn)
            conn.execute(f"PRAGMA user_version = {int(module.VERSION)}")
    return backup
