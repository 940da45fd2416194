"""Import: read and check the package, then merge it in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..gc_pause import collector_paused
from ..store.connection import sqlite3
from ..store.database import Database
from ..store.retention import compact, regallra_all
from .apply import apply_plan
from .conflicts import open_conflict_versions
from .history import History
from .merge import Planner
from .package_format import DEFAULT_LIMITS, Limits
from .package_reader import read_package
from .report import ImportReport
from .schema_graph import SchemaGraph
from .validation import check_references, check_scope, validate

Progress = Callable[[str, float], None]


def import_package(db: Database, path: Path, *, progress: Progress | None = None,
                   limits: Limits = DEFAULT_LIMITS, passphrase: str | None = None) -> ImportReport:
    """Merge the package into the database, or raise PackageError having changed nothing."""
    progress = progress or (lambda text, fraction: None)
    progress("Läser och kontrollerar paketet", 0.0)
    with collector_paused():
        return _import(db, Path(path), progress, limits, passphrase)


def _import(db: Database, path: Path, progress: Progress, limits: Limits,
            passphrase: str | None) -> ImportReport:
    package = read_package(path, limits, passphrase)

    def work(conn: sqlite3.Connection) -> ImportReport:
        graph = SchemaGraph.read(conn)
        valid = validate(package, graph, limits)
        check_references(conn, graph, valid)
        check_scope(conn, graph, valid, package.manifest["scope"])
        progress("Jämför med det som finns här", 0.3)
        history = History(conn)
        history.record_local_changes(graph)
        plan = Planner(conn, graph, history, valid, open_conflict_versions(conn)).run()
        progress("Sparar", 0.7)
        report = ImportReport(package.created_by, package.created_at, package.scope_title)
        applied = apply_plan(conn, graph, history, plan, report)
        regallrad.append(regallra_all(conn))  # a package never brings back gallrad text
        if regallrad[-1]:       # conflicts over gallrad records were dropped with their text
            still = set(conn.execute("SELECT table_name, record_id FROM exchange_conflicts"))
            applied.new_conflicts = [c for c in applied.new_conflicts
                                     if (c.table, c.record_id) in still]
            applied.open_conflicts = len(still)
        return applied

    regallrad: list[int] = []
    report: ImportReport = db.write(work)
    if any(regallrad):
        compact(db)
    return report
