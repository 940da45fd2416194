"""Consistent copies of the database made with SQLite's online backup API."""

from __future__ import annotations

import os
from pathlib import Path

from ..private_files import create_private_file, make_private_folder
from .connection import open_file, sqlite3


def backup_to(conn: sqlite3.Connection, dest: Path) -> Path:
    """Copy the live database to dest (written under a temporary name, then renamed,
    so a crash never leaves a half backup that looks whole). The copy is a single
    self-contained file: not in WAL mode, so it needs no -wal or -shm beside it.
    In an encrypted data folder the copy is encrypted with the same key."""
    make_private_folder(dest.parent)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    create_private_file(tmp)
    target = open_file(tmp)
    try:
        conn.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
    os.replace(tmp, dest)
    return dest
