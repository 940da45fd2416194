"""The store's one error family. sqlite3's errors are translated where they leave the
store (Database, backups, restore), so the window catches StoreError and never needs to
know that SQLite is underneath. Each message is Swedish and says what the user can do."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .connection import sqlite3


class StoreError(Exception):
    """Something went wrong reading or writing the database; str() is for the user."""


class StoreBusyError(StoreError):
    pass


class StoreReadOnlyError(StoreError):
    pass


class StoreFullError(StoreError):
    pass


class StoreCorruptError(StoreError):
    pass


class StoreConstraintError(StoreError):
    """A write would break a rule of the schema (a link to something gone, say)."""


# SQLite's primary result codes (the low byte of sqlite_errorcode).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26

_BY_CODE: dict[int, tuple[type[StoreError], str]] = {
    _BUSY: (StoreBusyError, "Databasen är upptagen av ett annat program. Försök igen om en stund."),
    _LOCKED: (StoreBusyError, "Databasen är upptagen av ett annat program. Försök igen om en stund."),
    _READONLY: (StoreReadOnlyError, "Databasen går inte att skriva till (skrivskyddad fil eller "
                                    "mapp). Ändringen sparades inte."),
    # A read-only folder: SQLite cannot create the WAL's -shm beside the database.
    _CANTOPEN: (StoreReadOnlyError, "Databasen kunde inte öppnas: datamappen eller databasen är "
                                    "skrivskyddad, tillhör en annan användare eller saknas. "
                                    "Ändra behörigheten, eller välj en annan datamapp med "
                                    "--data-dir."),
    _FULL: (StoreFullError, "Disken är full. Frigör utrymme; ändringen sparades inte."),
    _IOERR: (StoreError, "Databasfilen kunde inte läsas eller skrivas (diskfel eller en "
                         "borttagen enhet). Ändringen sparades inte."),
    _CORRUPT: (StoreCorruptError, "Databasen är skadad. Återställ en säkerhetskopia: "
                                  "Arkiv → Säkerhetskopior…"),
    _NOTADB: (StoreCorruptError, "Filen är ingen Dialogteam-databas, eller så är den skadad."),
}


def translate(exc: sqlite3.Error) -> StoreError:
    """The StoreError that says, in Swedish, what this sqlite3 error means for the user."""
    if isinstance(exc, sqlite3.IntegrityError):
        return StoreConstraintError("Ändringen bryter mot databasens regler (en koppling till "
                                    "något som inte finns, eller ett otillåtet värde) och "
                                    "sparades inte.")
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and (code & 0xFF) in _BY_CODE:
        cls, message = _BY_CODE[code & 0xFF]
        return cls(message)
    if isinstance(exc, sqlite3.DatabaseError) and "malformed" in str(exc):
        return StoreCorruptError(_BY_CODE[_CORRUPT][1])
    # SQLite's own words are English: only its error code is shown.
    name = getattr(exc, "sqlite_errorname", None) or type(exc).__name__
    return StoreError(f"Databasen kunde inte användas (SQLite-fel {name}).")


def as_store_error(exc: BaseException) -> BaseException:
    """exc translated if it is an sqlite3 error, else exc itself."""
    if isinstance(exc, sqlite3.Error):
        translated = translate(exc)
        translated.__cause__ = exc
        return translated
    return exc


@contextmanager
def store_errors() -> Iterator[None]:
    """Raise any sqlite3 error from the block as its StoreError, the original chained."""
    try:
        yield
    except sqlite3.Error as exc:
        raise translate(exc) from exc


def read_only_text(root: object) -> str:
    """For a data folder in which not even the lock file can be made."""
    return (f"Dialogteam kan inte skriva i datamappen {root}: den är skrivskyddad eller "
            "tillhör en annan användare. Ändra behörigheten, eller välj en annan datamapp "
            "med --data-dir.")
