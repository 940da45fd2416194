"""Packages and conflicts over a Store: how the window and the command line reach
the exchange, so that neither touches the database connection. Each step is logged
with counts and ids, never with content or the colleague's name."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from ..store.store import Store
from .conflict_view import ConflictView, conflict_views
from .conflicts import resolve
from .exporter import ExportSummary, export_package
from .importer import import_package
from .report import ImportReport

log = logging.getLogger(__name__)

Progress = Callable[[str, float], None]


def export_from_store(store: Store, path: Path, *, engagement_id: str | None = None,
                      created_by: str = "", progress: Progress | None = None,
                      passphrase: str | None = None) -> ExportSummary:
    log.info("exporting a package: engagement %s", engagement_id or "(all)")
    try:
        summary = export_package(store.db, path, engagement_id=engagement_id,
                                 created_by=created_by, progress=progress,
                                 passphrase=passphrase)
    except Exception:
        log.exception("the package export failed")
        raise
    log.info("package exported: %d records, %d tombstones, %d bytes",
             sum(summary.counts.values()), summary.deleted, summary.size)
    return summary


def import_into_store(store: Store, path: Path, *, progress: Progress | None = None,
                      passphrase: str | None = None) -> ImportReport:
    log.info("importing a package")
    try:
        report = import_package(store.db, path, progress=progress, passphrase=passphrase)
    except Exception:
        log.exception("the package import failed; nothing was changed")
        raise
    log.info("package imported: %d changes, %d new conflicts, %d open conflicts",
             report.changes, len(report.new_conflicts), report.open_conflicts)
    return report


def open_conflicts(store: Store) -> list[ConflictView]:
    return conflict_views(store.db.conn)


def settle_conflict(store: Store, view: ConflictView, choice: str | dict[str, str]) -> None:
    """Apply the choice in one transaction (a StoreConstraintError if their version
    hangs on something deleted here meanwhile)."""
    log.info("settling the conflict on %s %s", view.table, view.record_id)
    store.db.write(resolve, view.table, view.record_id, choice)
