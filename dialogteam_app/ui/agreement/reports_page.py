"""Reporting obligations: each delredovisning and the slutredovisning, when it is
due, which insatser it covers, and what it must contain."""

from __future__ import annotations

import dataclasses
from datetime import date

from ...domain.agreement_kinds import ReportKind
from ...domain.agreement_reports import ReportObligation, default_points, validate_report
from ...domain.errors import FieldError
from ..common.checklist import Checklist
from ..common.dialogs import confirm_delete
from ..common.record_form import COMBO, DATE, READONLY
from ..common.record_table import Column, RecordTable
from ..common.widgets import PageHeader, ScrollPage, hint, section_title
from .commands import undo_here
from .state import AgreementState

POINTS_SEPARATOR = "; "


def _points_text(r: ReportObligation) -> str:
    return POINTS_SEPARATOR.join(r.content_points)


def _parse_points(text: str) -> list[str]:
    return [p.strip() for p in text.split(";") if p.strip()]


class ReportsPage(ScrollPage):
    def __init__(self, state: AgreementState, parent=None):
        super().__init__(parent)
        self.state = state
        repo = state.ctx.store.agreements
        columns = [
            Column("kind", "Redovisning", COMBO, [(k, k.label) for k in ReportKind]),
            Column("due_date", "Senast", DATE),
            Column("content_points", "Ska innehålla (punkter åtskilda med semikolon)",
                   stretch=True, display=_points_text, parse=_parse_points),
            Column("terms_ids", "Omfattar", READONLY, display=self._covers),
        ]
        self.reports = RecordTable(
            columns, validate=self._validate,
            save=lambda r: state.ctx.autosaver.schedule(
                ("report", r.id), lambda: repo.save_report(r, wait=False)),
            create=self._new_report, delete=self._delete,
            add_label="Ny redovisning",
            empty_text="Inga redovisningar ännu: lägg till delredovisningar och "
                       "slutredovisningen.", parent=self)
        undo_here(state.stack, self.reports.view)
        self.reports.view.setProperty("pageSelector", True)  # tests walk every coverage
        self.reports.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_coverage(current.row()))
        self.coverage = Checklist("Överenskommelsen har inga insatser.", self)
        self.coverage.setObjectName("reportCoverage")
        self.coverage.setAccessibleName("Insatser som redovisningen omfattar")
        self.coverage.changed.connect(self._covers_changed)
        self.header = PageHeader(self)
        b = self.body
        b.addWidget(self.header)
        b.addWidget(self.reports)
        b.addWidget(section_title("Insatser som den valda redovisningen omfattar", self))
        b.addWidget(hint("Ingen ibockad: redovisningen omfattar alla insatser.", self))
        b.addWidget(self.coverage)

    def show_agreement(self) -> None:
        a = self.state.agreement
        assert a is not None
        self.header.set_text("Redovisningar", "Datumen visas också bland samverkans datum. "
                             f"Perioden börjar {a.period_start or '(inte angivet)'}.")
        self.reports.set_records(a.reports)
        self._show_coverage(0 if a.reports else -1)

    def _covers(self, r: ReportObligation) -> str:
        a = self.state.agreement
        if not r.terms_ids or a is None:
            return "Alla insatser"
        titles = [t.title for t in a.terms if t.id in r.terms_ids]
        return ", ".join(titles)

    def _validate(self, r: ReportObligation) -> list[FieldError]:
        a = self.state.agreement
        return validate_report(r, a.period_start if a else "")

    def _new_report(self) -> ReportObligation:
        a = self.state.agreement
        assert a is not None
        rows = self.reports.model.records()
        kind = ReportKind.FINAL if not rows and a.period_end else ReportKind.INTERIM
        due = a.period_end if kind is ReportKind.FINAL else \
            max(a.period_start, date.today().isoformat())
        r = ReportObligation(agreement_id=a.id, kind=kind, due_date=due,
                             content_points=default_points(kind), position=len(rows))
        self.state.ctx.store.agreements.save_report(r)
        return r

    def _delete(self, r: ReportObligation) -> bool:
        if not confirm_delete(self, "Ta bort redovisning", f"Ta bort {r.label}?", undoable=True):
            return False
        self.state.delete_part("reports", "agreement_reports", r.id, f"ta bort {r.label}")
        return True

    def _show_coverage(self, row: int) -> None:
        a = self.state.agreement
        records = self.reports.model.records()
        if a is None or not 0 <= row < len(records):
            self.coverage.set_items([], [])
            self.coverage.setEnabled(False)
            return
        self.coverage.setEnabled(True)
        self.coverage.set_items([(t.id, t.title) for t in a.terms], records[row].terms_ids)

    def _covers_changed(self, ids: list[str]) -> None:
        row = self.reports.view.currentIndex().row()
        records = self.reports.model.records()
        if not 0 <= row < len(records):
            return
        changed = dataclasses.replace(records[row], terms_ids=ids)
        self.reports.model.replace(row, changed)
        repo = self.state.ctx.store.agreements
        self.state.ctx.autosaver.schedule(("report", changed.id),
                                          lambda: repo.save_report(changed, wait=False))
