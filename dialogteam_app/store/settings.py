"""This laptop's own settings, kept in the settings table (never exchanged)."""

from __future__ import annotations

from .connection import sqlite3
from .database import Database

BACKUP_KEEP_DAYS = "backup_keep_days"
BACKUP_KEEP_OTHER_DAYS = "backup_keep_other_days"   # manual and before-restore copies
EXCHANGE_NAME = "exchange_name"       # who made a package, as the colleague will see it


def read_setting(conn: sqlite3.Connection, key: str) -> str | None:
    r = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return r[0] if r else None


def exchange_name(conn: sqlite3.Connection) -> str:
    """How packages from this laptop are signed: the name chosen, else the login name."""
    name = read_setting(conn, EXCHANGE_NAME)
    if name:
        return name
    import getpass  # here: with its terminal module it is ~0.5 ms of a start that needs neither
    try:
        return getpass.getuser()
    except (OSError, KeyError):   # no login name to be found (a service account)
        return ""


def days_setting(conn: sqlite3.Connection, key: str, default: int) -> int:
    """A number of days kept in the settings (a damaged value reads as the default)."""
    try:
        return max(1, min(3650, int(read_setting(conn, key) or default)))
    except ValueError:
        return default


class Settings:
    def __init__(self, db: Database):
        self.db = db

    def get(self, key: str, default: str | None = None) -> str | None:
        value = read_setting(self.db.conn, key)
        return default if value is None else value

    def days(self, key: str, default: int) -> int:
        return days_setting(self.db.conn, key, default)

    def exchange_name(self) -> str:
        return exchange_name(self.db.conn)

    def set(self, key: str, value: str) -> None:
        self.set_many({key: value})

    def set_many(self, values: dict[str, str]) -> None:
        """Several settings in one transaction: all of them or none."""
        self.db.write(lambda conn: conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value", list(values.items())))
