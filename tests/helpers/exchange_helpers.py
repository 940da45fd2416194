"""Two laptops with their own data folders, and what they hold, for exchange tests."""

from __future__ import annotations

import itertools
from pathlib import Path

from dialogteam_app.exchange import export_package, import_package
from dialogteam_app.exchange.schema_graph import SchemaGraph, quote
from dialogteam_app.paths import DataPaths
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store

_numbers = itertools.count(1)


def laptop(tmp_path: Path, name: str) -> Store:
    root = tmp_path / name
    root.mkdir()
    paths = DataPaths(root)
    return Store(Database(paths.database, backup_dir=paths.backups))


def dump(store: Store, tables: tuple[str, ...] | None = None) -> dict[str, list[tuple]]:
    """Every exchanged table's rows, sorted: equal dumps mean equal content."""
    conn = store.db.conn
    names = tables or [t.name for t in SchemaGraph.read(conn).order]
    return {name: sorted(tuple(r) for r in conn.execute(f"SELECT * FROM {quote(name)}"))
            for name in names}


def everything(store: Store) -> dict[str, list[tuple]]:
    """Every table, the exchange's own bookkeeping included."""
    conn = store.db.conn
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'")]
    return dump(store, tuple(names))


def send(src: Store, dst: Store, folder: Path, engagement_id: str | None = None):
    """Export from src, import into dst; returns the import report."""
    path = folder / f"paket-{next(_numbers)}.dialogteam.zip"
    export_package(src.db, path, engagement_id=engagement_id, created_by="test")
    return import_package(dst.db, path)


def fts_ok(store: Store) -> bool:
    store.db.conn.execute("INSERT INTO notes_fts(notes_fts, rank) VALUES('integrity-check', 1)")
    return True
