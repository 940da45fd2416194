"""Export: one engagement (or everything) and all tombstones into a package file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..gc_pause import collector_paused
from ..store.connection import sqlite3
from ..store.database import Database
from .errors import PackageError
from .history import History
from .outgoing import outgoing
from .package_writer import write_package
from .records import RecordReader, canonical_json
from .schema_graph import SchemaGraph
from .scope import ROOT_TABLE, engagement_ids

Progress = Callable[[str, float], None]


@dataclass
class ExportSummary:
    path: Path
    counts: Counter[str]  # record table -> records written
    deleted: int          # tombstones carried
    size: int             # bytes


def export_package(db: Database, path: Path, *, engagement_id: str | None = None,
                   created_by: str = "", progress: Progress | None = None,
                   passphrase: str | None = None) -> ExportSummary:
    """Write the package (encrypted when a passphrase is given) and remember, in the same
    transaction, which versions were sent."""
    progress = progress or (lambda text, fraction: None)
    path = Path(path)

    def work(conn: sqlite3.Connection) -> ExportSummary:
        graph = SchemaGraph.read(conn)
        history = History(conn)
        history.record_local_changes(graph)
        selected: dict[str, set[str]] | None
        scope: dict[str, str]
        if engagement_id is None:
            selected, scope = None, {"kind": "allt"}
        else:
            selected, scope = engagement_ids(conn, graph, engagement_id), _scope(conn, engagement_id)
        reader = RecordReader(conn, graph)
        tables: list[tuple[str, list[bytes]]] = []
        versions: dict[str, dict[str, list[str]]] = {}
        counts: Counter[str] = Counter()
        link_lines: dict[str, list[bytes]] = {}  # written with their owners' records
        for i, table in enumerate(graph.order):
            progress(f"Läser {table.name}", i / len(graph.order))
            if table.is_link:
                lines = link_lines.pop(table.name, None)
                tables.append((table.name, lines if lines is not None else [
                    line.encode("utf-8") for line in reader.link_lines(table)]))
                continue
            sent = outgoing(reader, table, None if selected is None else selected[table.name])
            tables.append((table.name, sent.lines))
            link_lines.update(sent.link_lines)
            # The version a record is sent in is left out: the reader computes it from
            # the row (format 1 listed it last; a reader takes both).
            earlier = history.note_sent(table.name, sent)
            if earlier:
                versions[table.name] = earlier
            counts[table.name] = len(sent.ids)
        deleted = [canonical_json({"table": t, "id": rid, "deleted_at": d.deleted_at,
                                   "version": d.version, "known": d.known}).encode("utf-8")
                   for t, rid, d in history.tombstones()]
        history.flush()  # what was sent, in the same transaction
        progress("Skriver paketet", 0.95)
        try:
            size = write_package(path, scope=scope, created_by=created_by, tables=tables,
                                 versions=versions, deleted=deleted, passphrase=passphrase)
        except OSError as exc:
            raise PackageError(f"Paketet kunde inte sparas som {path}: "
                               f"{exc.strerror or exc}.") from None
        return ExportSummary(path, +counts, len(deleted), size)

    with collector_paused():
        summary: ExportSummary = db.write(work)
    return summary


def _scope(conn: sqlite3.Connection, engagement_id: str) -> dict[str, str]:
    r = conn.execute(f"SELECT e.title, o.name FROM {ROOT_TABLE} e "
                     "JOIN organisers o ON o.id = e.organiser_id WHERE e.id = ?",
                     (engagement_id,)).fetchone()
    if r is None:
        raise PackageError("Samverkan finns inte (längre); inget paket skapades.")
    return {"kind": "samverkan", "engagement_id": engagement_id, "title": f"{r[1]} – {r[0]}"}
