"""SQLite's errors in Swedish. SQLite words its errors in English ("database is
locked", "attempt to write a readonly database"); none of that reaches the user:
every place that shows a database error asks here, by the error's code."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..paths import DataPaths


def database_error_text(exc: BaseException, database: Path | None = None) -> str:
    name = getattr(exc, "sqlite_errorname", "") or ""
    english = str(exc).lower()
    where = f" ({database})" if database else ""
    folder = f" {Path(database).parent}" if database else ""
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in english:
        return ("Databasen är upptagen: ett annat Dialogteam (fönstret eller ett kommando, "
                "kanske en import) skriver i den just nu. Försök igen om en stund.")
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")) \
            or "readonly" in english or "unable to open" in english:
        return (f"Dialogteam kan inte skriva i datamappen{folder}: mappen eller databasen är "
                "skrivskyddad eller tillhör en annan användare. Ändra behörigheten, eller "
                "välj en annan datamapp med --data-dir.")
    if name.startswith("SQLITE_FULL") or "disk is full" in english:
        return f"Det får inte plats mer på disken där databasen{where} finns."
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in english \
            or "not a database" in english:
        return (f"Databasen{where} är skadad eller ingen Dialogteam-databas. Återställ en "
                "säkerhetskopia (Arkiv → Säkerhetskopior, eller `dialogteam restore`).")
    if isinstance(exc, sqlite3.IntegrityError) or name.startswith("SQLITE_CONSTRAINT"):
        return ("Ändringen bryter mot en regel i databasen (en koppling till något som inte "
                "finns, eller ett värde som inte är tillåtet) och har inte sparats.")
    if name.startswith("SQLITE_IOERR"):
        return f"Disken kunde inte läsas eller skrivas{where}. Kontrollera disken och försök igen."
    return f"Databasen{where} kunde inte användas (SQLite-fel {name or 'utan kod'})."


def read_only_text(paths: DataPaths) -> str:
    return (f"Dialogteam kan inte skriva i datamappen {paths.root}: den är skrivskyddad eller "
            "tillhör en annan användare. Ändra behörigheten, eller välj en annan datamapp "
            "med --data-dir.")


def error_text(exc: BaseException) -> str:
    """What to show for any error: SQLite's in Swedish, our own (already Swedish) as is."""
    return database_error_text(exc) if isinstance(exc, sqlite3.Error) else str(exc)
