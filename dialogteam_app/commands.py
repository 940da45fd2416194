"""The subcommands of `dialogteam`, each printing Swedish text for a person."""

from __future__ import annotations

import sqlite3
import sys
from argparse import Namespace

from .paths import DataPaths
from .store.database import Database
from .store.migrations import NewerDatabaseError
from .store.store import Store


def _open(paths: DataPaths) -> Store:
    return Store(Database(paths.database, backup_dir=paths.backups))


def short_ids(ids: list[str], minimum: int = 8) -> dict[str, str]:
    """The shortest prefix of each id (at least `minimum` long) that is unique."""
    result = {}
    for rid in ids:
        n = minimum
        while any(o != rid and o.startswith(rid[:n]) for o in ids):
            n += 1
        result[rid] = rid[:n]
    return result


def cmd_list(args: Namespace, paths: DataPaths) -> int:
    with _open(paths).db as db:
        pairs = Store(db).engagements.list_with_organiser()
    if not pairs:
        print("Inga samverkan ännu. Starta programmet med `dialogteam` och skapa en "
              "huvudman, eller öppna exempeldata.")
        return 0
    short = short_ids([e.id for e, _ in pairs])
    rows = [("ID", "Huvudman", "Samverkan", "Dnr", "Fas")]
    rows += [(short[e.id], name, e.title, e.dnr or "–", e.phase.label) for e, name in pairs]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip())
    return 0


COMMANDS = {"list": cmd_list}


def run(name: str, args: Namespace, paths: DataPaths) -> int:
    try:
        return COMMANDS[name](args, paths)
    except NewerDatabaseError as exc:
        print(exc, file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as exc:
        print(f"Databasen {paths.database} kan inte läsas: {exc}. "
              f"Säkerhetskopior finns i {paths.backups}.", file=sys.stderr)
        return 2
