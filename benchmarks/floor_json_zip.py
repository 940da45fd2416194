"""Floor for exchange: the same rows through plain JSON and zip, no bookkeeping.

export_floor reads every row of every table the package carries (all rows: the
benchmark's database holds just the exported engagement), encodes each table once
as JSON and writes a zip. import_floor reads such a zip into an empty database of
the same schema (created beforehand, as the laptop's is) with one executemany per
table in one transaction. The full-text trigger runs for each note, as it would for any
plain importer (~3/4 of this floor at 10 000 notes); the real import indexes a bulk of
notes in one statement instead (store/fts_bulk.py), and import_floor(bulk_index=True)
does the same, for the stricter comparison bench_exchange prints too.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from dialogteam_app.store.connection import connect, sqlite3, transaction
from dialogteam_app.store.fts_bulk import indexed_once

SKIP = ("sqlite_", "notes_fts", "exchange_", "deleted_records", "note_drafts")


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "ORDER BY rowid") if not r[0].startswith(SKIP)]


def export_floor(database: Path, out: Path) -> int:
    conn = connect(database)
    try:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            for table in _tables(conn):
                cursor = conn.execute(f'SELECT * FROM "{table}"')
                columns = [d[0] for d in cursor.description]
                rows = [dict(zip(columns, r, strict=True)) for r in cursor]
                z.writestr(f"{table}.json", json.dumps(rows, ensure_ascii=False))
    finally:
        conn.close()
    return out.stat().st_size


def import_floor(package: Path, database: Path, bulk_index: bool = False) -> None:
    conn = connect(database)
    try:
        with zipfile.ZipFile(package) as z, transaction(conn):
            conn.execute("PRAGMA defer_foreign_keys = ON")
            for table in _tables(conn):
                rows = json.loads(z.read(f"{table}.json"))
                if rows:
                    columns = list(rows[0])
                    with indexed_once(conn, table, len(rows) if bulk_index else 0):
                        conn.executemany(
                            f'INSERT INTO "{table}" ({", ".join(columns)}) '
                            f'VALUES ({", ".join("?" * len(columns))})',
                            [[r[c] for c in columns] for r in rows])
    finally:
        conn.close()
