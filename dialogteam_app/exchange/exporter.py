"""Export: one engagement (or everything) and all tombstones into a package file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

from ..gc_pause import collector_paused
from ..store.connection import sqlite3
from ..store.database import Database
from .errors import PackageError
from .history import History
from .package_writer import write_package
from .records import Record, RecordReader, RowEncoder, canonical_json
from .schema_graph import SchemaGraph, Table
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
        tables: list[tuple[str, list[str]]] = []
        versions: dict[str, dict[str, list[str]]] = {}
        counts: Counter[str] = Counter()
        for i, table in enumerate(graph.order):
            progress(f"Läser {table.name}", i / len(graph.order))
            if table.is_link:
                tables.append((table.name, reader.link_lines(table)))
                continue
            records = reader.load(table, None if selected is None else selected[table.name])
            tables.append((table.name, RowEncoder(graph, table).lines(
                _in_package_order(table, records))))
            # The version a record is sent in is left out: the reader computes it from
            # the row (format 1 listed it last; a reader takes both).
            earlier = history.note_sent(table.name, records)
            if earlier:
                versions[table.name] = earlier
            counts[table.name] = len(records)
        deleted = [canonical_json({"table": t, "id": rid, "deleted_at": d.deleted_at,
                                   "version": d.version, "known": d.known})
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


def _in_package_order(table: Table, records: dict[str, Record]) -> list[Record]:
    """The rows grouped by the records they point at (a meeting's notes together), then by
    id: the same order on every laptop, and deflate finds the ids repeated in adjacent
    rows (100 000 notes: 3.9 MB instead of 6.2 MB by id alone, a third less time)."""
    columns = [fk.column for fk in table.foreign_keys]
    if columns and all(table.column(c).notnull for c in columns):
        # No NULL to read as "": the key's parts taken in one C call (100 000 notes).
        parts = itemgetter(*columns, "id")
        return sorted(records.values(), key=lambda r: "\0".join(parts(r.content)))

    def key(item: tuple[str, Record]) -> str:
        content = item[1].content
        return "\0".join([content[c] or "" for c in columns]) + "\0" + item[0]
    return [record for _, record in sorted(records.items(), key=key)]
