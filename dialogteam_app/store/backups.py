"""Backups of the database in säkerhetskopior/, their rotation, restore and the
integrity check. No Qt: the window and the command line both use this.

Every copy is made with SQLite's backup API from its own connection, so it can
run on any thread while the program writes, and is a consistent snapshot.
"""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ..paths import DataPaths
from ..private_files import make_private, make_private_folder
from .backup_copy import backup_to
from .connection import (
    PLAIN_HEADER,
    DatabaseKey,
    connect,
    foreign_key_errors,
    integrity_errors,
    integrity_problems,
    is_encrypted_file,
    key_for,
    open_file,
    sqlite3,
)
from .errors import StoreError, store_errors, translate
from .field_check import stored_value_problems
from .migrations import LATEST

log = logging.getLogger(__name__)

AUTOMATIC = "automatisk"
MANUAL = "manuell"
BEFORE_RESTORE = "före-återställning"
BEFORE_UPGRADE = "före-uppgradering"     # taken by migrations/__init__.py
BEFORE_COMMAND = "före-kommando"         # a command-line import or export
BEFORE_ENCRYPTION = "före-kryptering"    # taken by encryption.py, then encrypted too
KIND_LABELS = {AUTOMATIC: "Automatisk", MANUAL: "Manuell", BEFORE_RESTORE: "Före återställning",
               BEFORE_UPGRADE: "Före uppgradering", BEFORE_COMMAND: "Före kommando",
               BEFORE_ENCRYPTION: "Före kryptering"}

KEEP_DAYS_DEFAULT = 30
KEEP_OTHER_DAYS_DEFAULT = 90    # manual copies and those taken before a restore/upgrade/command
KEEP_NEWEST = 3                 # automatic copies never pruned, however old
# What a backup cut short by a crash leaves: the copy and SQLite's journals of it.
LEFTOVERS = ("*.part", "*.part-journal", "*.part-wal", "*.part-shm", "*.sqlite-journal")
DUE_AFTER = timedelta(hours=24)

_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<kind>.+?)(-v\d+)?-(?P<stamp>\d{8}-\d{6})(-\w+)?\.sqlite$")


class RestoreError(StoreError):
    """The backup cannot be restored; the live database was not touched. Swedish text."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str
    taken_at: datetime
    size: int

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


def _info(path: Path) -> BackupInfo:
    match = _NAME.match(path.name)
    stat = path.stat()
    if match:
        return BackupInfo(path, match["kind"], datetime.strptime(match["stamp"], _STAMP),
                          stat.st_size)
    return BackupInfo(path, "", datetime.fromtimestamp(stat.st_mtime), stat.st_size)


def list_backups(paths: DataPaths) -> list[BackupInfo]:
    """Every backup in the folder, newest first."""
    if not paths.backups.is_dir():
        return []
    found = [_info(p) for p in paths.backups.glob("*.sqlite") if p.is_file()]
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def backup_now(paths: DataPaths, kind: str = MANUAL, now: datetime | None = None) -> BackupInfo:
    now = now or datetime.now()
    name = f"{kind}-{now.strftime(_STAMP)}.sqlite"
    dest, n = paths.backups / name, 2
    while dest.exists():
        dest = paths.backups / f"{kind}-{now.strftime(_STAMP)}-{n}.sqlite"
        n += 1
    with store_errors():
        conn = connect(paths.database)
        try:
            backup_to(conn, dest)
        finally:
            conn.close()
    log.info("backup taken: %s", dest.name)
    return _info(dest)


def prune(paths: DataPaths, keep_days: int, now: datetime | None = None,
          other_keep_days: int = KEEP_OTHER_DAYS_DEFAULT) -> list[Path]:
    """Remove automatic copies older than keep_days, and of the days before today all
    but the newest copy of each day; the newest KEEP_NEWEST always stay. Copies taken
    by hand, before a restore, an upgrade or a command go after other_keep_days, but
    the newest of each kind stays. Leftovers of a copy cut short by a crash (over an
    hour old, so not one being written now) go too: they hold personal data."""
    now = now or datetime.now()
    found = list_backups(paths)
    automatic = [b for b in found if b.kind == AUTOMATIC]
    days_seen = {b.taken_at.date() for b in automatic[:KEEP_NEWEST]}
    removed = [p for pattern in LEFTOVERS for p in paths.backups.glob(pattern)
               if datetime.fromtimestamp(p.stat().st_mtime) < now - timedelta(hours=1)]
    for p in removed:
        p.unlink(missing_ok=True)
    for side in (p for pattern in ("*.sqlite-wal", "*.sqlite-shm")
                 for p in paths.backups.glob(pattern)):
        # A WAL kept on its own (store/open_guard.py), or one whose copy was removed.
        base = Path(str(side)[:-4])
        if not base.exists() and datetime.fromtimestamp(side.stat().st_mtime) \
                < now - timedelta(days=other_keep_days):
            side.unlink(missing_ok=True)
            removed.append(side)
    newest_of_kind: set[str] = set()
    for b in found:                       # newest first
        if b.kind == AUTOMATIC:
            continue
        if b.kind in newest_of_kind and now - b.taken_at > timedelta(days=other_keep_days):
            b.path.unlink(missing_ok=True)
            for suffix in ("-wal",):      # a byte copy of a broken database has its WAL
                Path(f"{b.path}{suffix}").unlink(missing_ok=True)
            removed.append(b.path)
        newest_of_kind.add(b.kind)
    for b in automatic[KEEP_NEWEST:]:     # newest first, so a day's newest is seen first
        day = b.taken_at.date()
        too_old = now - b.taken_at > timedelta(days=keep_days)
        another_that_day = day != now.date() and day in days_seen
        days_seen.add(day)
        if too_old or another_that_day:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    if removed:
        log.info("pruned %d old backups", len(removed))
    return removed


def automatic_backup_due(paths: DataPaths, now: datetime | None = None) -> bool:
    now = now or datetime.now()
    newest = next((b for b in list_backups(paths) if b.kind == AUTOMATIC), None)
    return newest is None or now - newest.taken_at >= DUE_AFTER


def automatic_backup(paths: DataPaths, keep_days: int,
                     other_keep_days: int = KEEP_OTHER_DAYS_DEFAULT) -> BackupInfo:
    """The copy taken at start and once a day, then the rotation."""
    info = backup_now(paths, AUTOMATIC)
    prune(paths, keep_days, other_keep_days=other_keep_days)
    return info


def _open_read_only(path: Path, key: DatabaseKey | None = None) -> sqlite3.Connection:
    return open_file(path, key, read_only=True)


def backup_problems(path: Path, key: DatabaseKey | None = None) -> list[str]:
    """Why this file cannot be restored over a database opened with `key` (None: a
    plain one); empty when it can."""
    encrypted = is_encrypted_file(path)
    if key is None and encrypted:
        return ["Filen är ingen Dialogteam-databas som kan läsas här: den är krypterad, "
                "men databasen är det inte."]
    if key is not None and not encrypted:
        return ["Kopian är okrypterad, men databasen är krypterad: den kan inte skrivas in "
                "i den. Öppna den med ett program utan kryptering i stället."]
    try:
        with open(path, "rb") as f:
            if not encrypted and f.read(16) != PLAIN_HEADER:
                return ["Filen är ingen Dialogteam-databas (ingen SQLite-fil)."]
        conn = _open_read_only(path, key)
    except sqlite3.Error as exc:
        return [f"Filen kan inte öppnas: {str(translate(exc))}"]
    except OSError as exc:
        return [f"Filen kan inte öppnas: {exc.strerror or exc}."]
    try:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'organisers'").fetchone() is None:
            return ["Filen är ingen Dialogteam-databas."]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > LATEST:
            return [f"Kopian kommer från en nyare version av Dialogteam (schema {version})."]
        return integrity_problems(conn)
    except sqlite3.DatabaseError as exc:
        if encrypted:
            return ["Kopian öppnas inte med databasens nyckel: den är krypterad med en annan "
                    "lösenfras, eller skadad."]
        return [f"Filen är skadad: {str(translate(exc))}"]
    finally:
        conn.close()


def restore(paths: DataPaths, backup: Path) -> Path:
    """Replace the live database with the backup's content; returns the copy taken of
    the live database first. Nobody may have the database open (the caller holds
    the instance lock). The backup API writes into the live file in one transaction,
    through its WAL, so a crash midway leaves the old database."""
    backup = Path(backup)
    log.info("restoring %s", backup.name)
    key = key_for(paths.database)
    problems = backup_problems(backup, key)
    if problems:
        log.warning("restore refused: %d problems in %s", len(problems), backup.name)
        raise RestoreError(f"Säkerhetskopian {backup.name} kan inte återställas: "
                           + " ".join(problems[:3]) + " Databasen har inte ändrats.")
    with store_errors():
        before = _restore_into(paths, backup, key)
    log.info("restored %s; the previous database kept as %s", backup.name, before.name)
    return before


def _restore_into(paths: DataPaths, backup: Path, key: DatabaseKey | None) -> Path:
    before = _keep_current(paths)
    source = _open_read_only(backup, key)
    try:
        try:
            target = connect(paths.database)
        except sqlite3.DatabaseError:   # not even a database any more: start from nothing
            for suffix in ("", "-wal", "-shm"):
                Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
            target = connect(paths.database)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    return before


def _keep_current(paths: DataPaths) -> Path:
    """A copy of the live database before it is replaced; byte for byte if it is
    too broken for the backup API, so that nothing is ever thrown away."""
    stamp = datetime.now().strftime(_STAMP)
    try:
        return backup_now(paths, BEFORE_RESTORE).path
    except StoreError:
        dest = paths.backups / f"{BEFORE_RESTORE}-{stamp}-trasig.sqlite"
        make_private_folder(paths.backups)
        for suffix in ("", "-wal"):
            if Path(f"{paths.database}{suffix}").exists():
                shutil.copy2(f"{paths.database}{suffix}", f"{dest}{suffix}")
                make_private(Path(f"{dest}{suffix}"))
        return dest


@dataclass(frozen=True)
class CheckItem:
    label: str
    problems: list[str]
    skipped: str = ""       # why the check could not run (not a problem of the file)
    shown: int = 20         # how many problems `check` prints


_ALL_COLUMNS = 10_000    # the field check gives one line per column: name every one


def check_database(path: Path) -> list[CheckItem]:
    """integrity_check, foreign_key_check and every full-text index against its
    table. Nothing is changed: the checks run in a transaction that is rolled back
    (the FTS check is written as an INSERT, so a read-only connection cannot run it)."""
    if not Path(path).is_file():
        return [CheckItem("Databasfilen", [f"{path} finns inte."])]
    read_only = False
    try:
        conn = _open_for_check(path)
    except sqlite3.OperationalError:
        # A read-only folder or file: SQLite cannot make the WAL's -shm beside it.
        # Nobody can be writing there, so the file is read as it lies.
        read_only = True
        try:
            conn = open_file(path, read_only=True, immutable=True, autocommit=True)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            return [CheckItem("Databasfilen", [str(translate(exc))])]
    except sqlite3.DatabaseError as exc:
        return [CheckItem("Databasfilen", [str(translate(exc))])]
    try:
        fts = CheckItem("Sökindex (FTS5)", [], "databasen är skrivskyddad, så indexet "
                        "kan inte kontrolleras") if read_only else _run(conn, "Sökindex (FTS5)",
                                                                         _fts)
        return [_run(conn, "Filens struktur (integrity_check)", integrity_errors),
                _run(conn, "Kopplingar mellan poster (foreign_key_check)", foreign_key_errors),
                fts, _run(conn, "Värden i fälten (programmets regler)", stored_value_problems,
                     shown=_ALL_COLUMNS)]
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()


def _open_for_check(path: Path) -> sqlite3.Connection:
    conn = open_file(path, autocommit=True)
    try:
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def _run(conn: sqlite3.Connection, label: str,
         check: Callable[[sqlite3.Connection], list[str]], shown: int = 20) -> CheckItem:
    try:
        return CheckItem(label, check(conn), shown=shown)
    except sqlite3.DatabaseError as exc:
        return CheckItem(label, [str(translate(exc))])


def _fts(conn: sqlite3.Connection) -> list[str]:
    problems: list[str] = []
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                "AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'").fetchall():
        try:   # rank 1: compare the index with its content table too
            conn.execute(f'INSERT INTO "{name}"("{name}", rank) VALUES (\'integrity-check\', 1)')
        except sqlite3.DatabaseError:
            problems.append(f"Sökindexet {name} stämmer inte med anteckningarna.")
    return problems
