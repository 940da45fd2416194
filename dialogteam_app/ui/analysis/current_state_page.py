"""Nulägesbeskrivning: key figures per skolenhet against the national average
(with a chart and CSV import), Skolinspektionen's findings and other sources."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ...domain.analysis import (
    DecisionType,
    InspectionFinding,
    KeyFigure,
    Measure,
    Source,
    SourceKind,
    validate_finding,
    validate_key_figure,
    validate_source,
)
from ...domain.errors import FieldError
from ...domain.key_figures import (
    difference_with_verdict,
    duplicate_of,
    format_number,
    format_value,
    parse_decimal,
)
from ..common.context import AppContext
from ..common.dialogs import confirm_delete
from ..common.in_use import refused_because_in_use
from ..common.record_form import COMBO, DATE, READONLY
from ..common.record_table import Column, RecordTable
from ..common.widgets import ScrollPage, hint, section_title
from . import csv_actions
from .key_figure_chart import KeyFigureChart, difference_colour
from .key_figure_dialog import KeyFigureDialog

ORGANISER_LEVEL = "Huvudmannen som helhet"
RIGHT = Qt.AlignmentFlag.AlignRight


def _number(label: str, optional: bool):
    def parse(text: str) -> float | None:
        if not text.strip():
            if optional:
                return None
            raise ValueError(f"{label} måste anges.")
        value = parse_decimal(text)
        if value is None:
            raise ValueError(f"{label}: ”{text.strip()[:30]}” är inget tal.")
        return value
    return parse


KEY_FIGURE_COLUMNS = [
    Column("measure", "Nyckeltal", COMBO, [(m, m.label) for m in Measure], stretch=True),
    Column("subject", "Ämne"),
    Column("year", "År"),
    Column("value", "Värde", display=lambda k: format_value(k.value, k.measure),
           parse=_number("Värdet", optional=False), align=RIGHT),
    Column("national_value", "Riket",
           display=lambda k: "" if k.national_value is None
           else format_value(k.national_value, k.measure),
           parse=_number("Riksgenomsnittet", optional=True), align=RIGHT),
    Column("difference", "Skillnad mot riket", READONLY, display=difference_with_verdict,
           colour=difference_colour, align=RIGHT),
    Column("source", "Källa"),
]
SOURCE_COLUMNS = [
    Column("kind", "Typ", COMBO, [(k, k.label) for k in SourceKind]),
    Column("title", "Benämning", stretch=True),
    Column("date", "Datum", DATE),
    Column("description", "Beskrivning", stretch=True),
]


class CurrentStatePage(ScrollPage):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.engagement = None
        self._units: list[tuple[str | None, str]] = []   # (unit id, name); None: huvudmannen
        state = ctx.store.current_state

        self.unit = QComboBox(self)
        self.unit.setMinimumWidth(260)
        self.unit.currentIndexChanged.connect(lambda _i: self._show_figures())
        self.import_button = QPushButton("Importera CSV…", self)
        self.import_button.setToolTip("Läs in nyckeltal från en CSV-fil (format: se mallen)")
        self.import_button.clicked.connect(self._import)
        self.template_button = QPushButton("Exportera mall…", self)
        self.template_button.setToolTip("Spara en CSV-mall med rätt kolumner att fylla i")
        self.template_button.clicked.connect(
            lambda: csv_actions.ask_and_export_template(self, ctx.store, self.engagement.id))
        unit_row = QHBoxLayout()
        unit_label = QLabel("&Skolenhet:", self)
        unit_label.setBuddy(self.unit)
        for w in (unit_label, self.unit):
            unit_row.addWidget(w)
        unit_row.addStretch(1)
        unit_row.addWidget(self.import_button)
        unit_row.addWidget(self.template_button)

        self.key_figures = RecordTable(
            KEY_FIGURE_COLUMNS, validate=self._validate_key_figure,
            save=lambda k: ctx.autosaver.schedule(
                ("key_figure", k.id), lambda: state.save_key_figure(k, wait=False)),
            create=self._new_key_figure, delete=self._delete_key_figure,
            add_label="Nytt nyckeltal…",
            empty_text="Inga nyckeltal för den här skolenheten ännu. Lägg till dem ett i taget "
                       "eller importera en CSV-fil (Exportera mall… ger rätt format).",
            parent=self)
        self.key_figures.changed.connect(self._update_chart)
        self.chart = KeyFigureChart(self)

        self.findings_box = QVBoxLayout()
        self.findings = None
        self._finding_units: list[tuple[str, str]] = []
        self.sources = RecordTable(
            SOURCE_COLUMNS, validate=validate_source,
            save=lambda s: ctx.autosaver.schedule(
                ("source", s.id), lambda: state.save_source(s, wait=False)),
            create=self._new_source, delete=self._delete_source, add_label="Nytt underlag",
            empty_text="Inga underlag ännu: enkäter, intervjuer, huvudmannens egna "
                       "beskrivningar och rapporter.", parent=self)

        b = self.body
        b.addWidget(section_title("Nyckeltal mot riksgenomsnittet", self))
        b.addWidget(hint("Resultat per skolenhet jämförda med riket. Skillnaden står som "
                         "bättre (grön) eller sämre (röd); för bakgrundsfaktorer (föräldrars "
                         "utbildning, utländsk bakgrund, nyinvandrade) finns inget bättre eller "
                         "sämre.", self))
        b.addLayout(unit_row)
        b.addWidget(self.key_figures)
        b.addWidget(self.chart)
        b.addWidget(section_title("Skolinspektionens beslut", self))
        b.addLayout(self.findings_box)
        b.addWidget(section_title("Andra underlag", self))
        b.addWidget(self.sources)

    # -- loading -------------------------------------------------------------------------------
    def show_engagement(self, engagement_id: str) -> None:
        store = self.ctx.store
        e = store.engagements.get(engagement_id)
        same = self.engagement is not None and self.engagement.id == engagement_id
        self.engagement = e
        units = store.organisers.units(e.organiser_id)
        with_figures = {k.school_unit_id for k in store.current_state.key_figures(engagement_id)}
        shown = [u for u in units if u.id in e.school_unit_ids or u.id in with_figures]
        # The skolenhet chosen stays chosen while the same engagement is shown.
        chosen = self.unit_id() if same else None
        self._units = [(u.id, u.display_name) for u in shown] + [(None, ORGANISER_LEVEL)]
        self.unit.blockSignals(True)
        self.unit.clear()
        for _uid, name in self._units:
            self.unit.addItem(name)
        ids = [uid for uid, _name in self._units]
        self.unit.setCurrentIndex(ids.index(chosen) if same and chosen in ids else 0)
        self.unit.blockSignals(False)
        self._show_figures()
        self._build_findings([(u.id, u.display_name) for u in units])
        self.sources.set_records(store.current_state.sources(engagement_id))

    def unit_id(self) -> str | None:
        return self._units[self.unit.currentIndex()][0] if self._units else None

    def _show_figures(self) -> None:
        if self.engagement is None or not self._units:
            return
        self.key_figures.set_records(
            self.ctx.store.current_state.key_figures(self.engagement.id, self.unit_id()))
        self._update_chart()

    def _update_chart(self) -> None:
        self.chart.set_figures(self.key_figures.model.records(), self.unit.currentText())

    def _build_findings(self, units: list[tuple[str, str]]) -> None:
        state = self.ctx.store.current_state
        if self.findings is not None and units == self._finding_units:
            self.findings.set_records(state.findings(self.engagement.id))
            return
        # The skolenhet choices are the huvudman's: a table per set of skolenheter.
        if self.findings is not None:
            self.findings.deleteLater()
        self._finding_units = units
        columns = [Column("school_unit_id", "Skolenhet", COMBO, units + [(None, ORGANISER_LEVEL)]),
                   Column("date", "Beslutsdatum", DATE),
                   Column("decision_type", "Beslut", COMBO, [(d, d.label) for d in DecisionType]),
                   Column("areas", "Områden med brister", stretch=True),
                   Column("summary", "Sammanfattning", stretch=True)]
        self.findings = RecordTable(
            columns, validate=validate_finding,
            save=lambda f: self.ctx.autosaver.schedule(
                ("finding", f.id), lambda: state.save_finding(f, wait=False)),
            create=self._new_finding, delete=self._delete_finding, add_label="Nytt beslut",
            empty_text="Inga beslut från Skolinspektionen ännu: lägg till föreläggandet som "
                       "låg till grund för urvalet.", parent=self)
        self.findings_box.addWidget(self.findings)
        self.findings.set_records(state.findings(self.engagement.id))

    # -- key figures ------------------------------------------------------------------------------
    def _validate_key_figure(self, k: KeyFigure) -> list[FieldError]:
        problems = validate_key_figure(k)
        if not problems and duplicate_of(k, self.key_figures.model.records()) is not None:
            problems = [FieldError("year", "Det finns redan ett sådant nyckeltal för samma år.")]
        return problems

    def _new_key_figure(self) -> KeyFigure | None:
        dialog = KeyFigureDialog(self.engagement.id, self.unit_id(), self.unit.currentText(),
                                 self.key_figures.model.records(), self)
        try:
            if not dialog.exec():
                return None
        finally:
            dialog.deleteLater()
        self.ctx.store.current_state.save_key_figure(dialog.figure)
        return dialog.figure

    def _delete_key_figure(self, k: KeyFigure) -> bool:
        what = f"{k.measure.label} {k.year} ({format_number(k.value)})"
        return self._delete("key_figures", k.id, f"Ta bort nyckeltalet {what}?",
                            self.ctx.store.current_state.delete_key_figure)

    def _import(self) -> None:
        self.ctx.autosaver.flush()
        if csv_actions.ask_and_import(self, self.ctx.store, self.engagement.id):
            self.show_engagement(self.engagement.id)

    # -- findings and sources ----------------------------------------------------------------------
    def _new_finding(self) -> InspectionFinding:
        f = InspectionFinding(engagement_id=self.engagement.id, school_unit_id=self.unit_id(),
                              date=date.today().isoformat())
        self.ctx.store.current_state.save_finding(f)
        return f

    def _delete_finding(self, f: InspectionFinding) -> bool:
        return self._delete("inspection_findings", f.id,
                            f"Ta bort {f.decision_type.label.lower()} från {f.date}?",
                            self.ctx.store.current_state.delete_finding)

    def _new_source(self) -> Source:
        s = Source(engagement_id=self.engagement.id, kind=SourceKind.SURVEY, title="Nytt underlag")
        self.ctx.store.current_state.save_source(s)
        return s

    def _delete_source(self, s: Source) -> bool:
        return self._delete("sources", s.id, f"Ta bort underlaget {s.title}?",
                            self.ctx.store.current_state.delete_source)

    def _delete(self, table: str, record_id: str, question: str, delete) -> bool:
        self.ctx.autosaver.flush()
        if refused_because_in_use(self, self.ctx.store, table, [record_id]):
            return False
        if not confirm_delete(self, "Ta bort", question):
            return False
        delete(record_id)
        return True
