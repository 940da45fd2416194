"""`dialogteam export --all --sqlite-dump FIL`: the data for analysts (see
exchange/sqlite_dump.py)."""

from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path

from .store.store import Store


def sqlite_dump(args: Namespace, store: Store) -> int:
    from .exchange.sqlite_dump import write_sqlite_dump
    from .export.atomic import describe_os_error
    with store.db:
        if not args.all:
            print("En SQLite-kopia innehåller alla data: ange --all i stället för ett id.",
                  file=sys.stderr)
            return 2
        path = Path(args.sqlite_dump)
        try:
            summary = write_sqlite_dump(store, path)
        except OSError as exc:
            print(f"Filen sparades inte. {describe_os_error(exc, path)}", file=sys.stderr)
            return 1
    print(f"SQLite-kopian sparades: {summary.path} ({max(1, summary.size // 1024)} kB, "
          f"{sum(summary.rows.values())} rader i {len(summary.rows)} tabeller).")
    print("Den är inte krypterad: förvara och skicka den som du gör med själva databasen.")
    return 0
