"""The nulägesbeskrivning: key figures, Skolinspektionen's findings and other sources."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..domain.analysis import (
    DecisionType,
    InspectionFinding,
    KeyFigure,
    Measure,
    Source,
    SourceKind,
    check_finding,
    check_key_figure,
    check_source,
)
from ..domain.errors import FieldError, ValidationError
from ..domain.key_figures import natural_key, sorted_figures
from . import rows
from .connection import sqlite3
from .database import Database
from .evidence_links import EvidenceUse, evidence_uses, guarded_delete
from .rows import stored_real

ALL_UNITS = object()  # key_figures(): every unit and the huvudman


def key_figure_from_row(r: sqlite3.Row) -> KeyFigure:
    return KeyFigure(id=r["id"], engagement_id=r["engagement_id"],
                     school_unit_id=r["school_unit_id"], measure=Measure(r["measure"]),
                     year=r["year"], value=stored_real(r["value"]) or 0.0,
                     national_value=stored_real(r["national_value"]),
                     subject=r["subject"], source=r["source"], note=r["note"])


def finding_from_row(r: sqlite3.Row) -> InspectionFinding:
    return InspectionFinding(id=r["id"], engagement_id=r["engagement_id"],
                             school_unit_id=r["school_unit_id"], date=r["date"],
                             decision_type=DecisionType(r["decision_type"]), areas=r["areas"],
                             summary=r["summary"])


def source_from_row(r: sqlite3.Row) -> Source:
    return Source(id=r["id"], engagement_id=r["engagement_id"], kind=SourceKind(r["kind"]),
                  title=r["title"], date=r["date"], description=r["description"])


def _key_figure_values(k: KeyFigure) -> rows.Values:
    return dict(id=k.id, engagement_id=k.engagement_id, school_unit_id=k.school_unit_id or None,
                measure=k.measure.value, year=k.year.strip(), value=float(k.value),
                national_value=None if k.national_value is None else float(k.national_value),
                subject=k.subject.strip(), source=k.source.strip(), note=k.note.strip())


def check_unit_of_engagement(conn: sqlite3.Connection, engagement_id: str,
                             unit_id: str | None) -> None:
    if unit_id is None:
        return
    found = conn.execute(
        "SELECT 1 FROM school_units su JOIN engagements e ON e.organiser_id = su.organiser_id "
        "WHERE e.id = ? AND su.id = ?", (engagement_id, unit_id)).fetchone()
    if found is None:
        raise ValidationError(FieldError("school_unit_id",
                                         "Skolenheten hör inte till samverkans huvudman."))


def _save_with_unit(conn: sqlite3.Connection, table: str, values: rows.Values) -> None:
    check_unit_of_engagement(conn, values["engagement_id"], values["school_unit_id"])
    rows.upsert(conn, table, values)


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int


def _import(conn: sqlite3.Connection, engagement_id: str,
            figures: list[KeyFigure]) -> ImportResult:
    existing = {natural_key(key_figure_from_row(r)): r["id"] for r in conn.execute(
        "SELECT * FROM key_figures WHERE engagement_id = ?", (engagement_id,))}
    added = updated = 0
    for k in figures:
        values = _key_figure_values(k)
        values["id"] = existing.get(natural_key(k), k.id)  # same figure again: update it
        if values["id"] == k.id:
            added += 1
        else:
            updated += 1
        _save_with_unit(conn, "key_figures", values)
    return ImportResult(added, updated)


class CurrentState:
    def __init__(self, db: Database):
        self.db = db

    def _save(self, table: str, values: rows.Values, wait: bool,
              fn: Callable[[sqlite3.Connection, str, rows.Values], None] = rows.upsert) -> None:
        if wait:
            self.db.write(fn, table, values)
        else:
            self.db.submit((table, values["id"]), fn, table, values)

    # -- key figures ------------------------------------------------------------------------
    def key_figures(self, engagement_id: str,
                    unit_id: str | None | object = ALL_UNITS) -> list[KeyFigure]:
        """unit_id None: the huvudman's own figures; ALL_UNITS: every figure."""
        if unit_id is ALL_UNITS:
            found = self.db.query("SELECT * FROM key_figures WHERE engagement_id = ?",
                                  (engagement_id,))
        else:
            found = self.db.query("SELECT * FROM key_figures WHERE engagement_id = ? "
                                  "AND school_unit_id IS ?", (engagement_id, unit_id))
        return sorted_figures([key_figure_from_row(r) for r in found])

    def get_key_figure(self, key_figure_id: str) -> KeyFigure | None:
        r = self.db.conn.execute("SELECT * FROM key_figures WHERE id = ?",
                                 (key_figure_id,)).fetchone()
        return key_figure_from_row(r) if r else None

    def save_key_figure(self, k: KeyFigure, *, wait: bool = True) -> None:
        check_key_figure(k)
        self._save("key_figures", _key_figure_values(k), wait, _save_with_unit)

    def import_key_figures(self, engagement_id: str, figures: list[KeyFigure]) -> ImportResult:
        """All in one transaction: a figure already there (same unit, measure, subject
        and year) is updated in place, so evidence pointing at it stays."""
        for k in figures:
            check_key_figure(k)
        result: ImportResult = self.db.write(_import, engagement_id, figures)
        return result

    def delete_key_figure(self, key_figure_id: str) -> None:
        self.db.write(guarded_delete, "key_figures", key_figure_id)

    # -- Skolinspektionen's findings --------------------------------------------------------------
    def findings(self, engagement_id: str) -> list[InspectionFinding]:
        return [finding_from_row(r) for r in self.db.query(
            "SELECT * FROM inspection_findings WHERE engagement_id = ? ORDER BY date DESC, rowid",
            (engagement_id,))]

    def save_finding(self, f: InspectionFinding, *, wait: bool = True) -> None:
        check_finding(f)
        values = dict(id=f.id, engagement_id=f.engagement_id,
                      school_unit_id=f.school_unit_id or None,
                      date=f.date.strip(), decision_type=f.decision_type.value,
                      areas=f.areas.strip(), summary=f.summary.strip())
        self._save("inspection_findings", values, wait, _save_with_unit)

    def delete_finding(self, finding_id: str) -> None:
        self.db.write(guarded_delete, "inspection_findings", finding_id)

    # -- other sources -----------------------------------------------------------------------------
    def sources(self, engagement_id: str) -> list[Source]:
        return [source_from_row(r) for r in self.db.query(
            "SELECT * FROM sources WHERE engagement_id = ? ORDER BY rowid", (engagement_id,))]

    def get_source(self, source_id: str) -> Source | None:
        r = self.db.conn.execute("SELECT * FROM sources WHERE id = ?", (source_id,)).fetchone()
        return source_from_row(r) if r else None

    def save_source(self, s: Source, *, wait: bool = True) -> None:
        check_source(s)
        values = dict(id=s.id, engagement_id=s.engagement_id, kind=s.kind.value,
                      title=s.title.strip(), date=s.date.strip(), description=s.description.strip())
        self._save("sources", values, wait)

    def delete_source(self, source_id: str) -> None:
        self.db.write(guarded_delete, "sources", source_id)

    # -- what uses them ----------------------------------------------------------------------------
    def uses(self, table: str, record_id: str) -> list[EvidenceUse]:
        """Evidence pointing at this key figure, source or finding."""
        return evidence_uses(self.db.conn, table, [record_id])
