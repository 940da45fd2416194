"""Key figures followed against the baseline: for every measure the samverkan
follows, a small trend chart from the nulägesanalys's value through the years
followed up, beside riket. New years come from a CSV file in the baseline's format;
the whole file is checked first and any error imports nothing."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QGridLayout, QPushButton, QWidget

from ...domain.analysis import KeyFigure
from ...domain.follow_up_snapshot import FollowUpSnapshot
from ...domain.key_figure_csv import read_key_figures_file
from ...domain.key_figures import subject_label
from ...domain.sorting import swedish_key
from ..analysis.csv_actions import show_csv_errors
from ..common.context import AppContext
from ..common.dialogs import show_error, show_info
from ..common.widgets import PageHeader, ScrollPage, add_shortcut, hint
from .trend_chart import TrendChart

COLUMNS = 3


def series(snap: FollowUpSnapshot) -> dict[str, list[KeyFigure]]:
    """Chart title -> the baseline and followed figures of one unit, measure and subject,
    for every measure that has been followed up."""
    grouped: dict[tuple[str, str], list[KeyFigure]] = defaultdict(list)
    followed = {_series_key(k) for k in snap.followed}
    for k in [*snap.baseline, *snap.followed]:
        if _series_key(k) in followed:
            grouped[_series_key(k)].append(k)
    return {f"{subject_label(figures[0])}, "
            f"{snap.unit_names.get(figures[0].school_unit_id or '', snap.organiser_name)}": figures
            for _key, figures in sorted(grouped.items(), key=lambda kv: kv[0])}


def _series_key(k: KeyFigure) -> tuple[str, str]:
    """One line per unit, measure and subject ('Matematik' and 'matematik' alike)."""
    return (k.school_unit_id or "", swedish_key(subject_label(k)))


class KeyFiguresPage(ScrollPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.engagement_id = ""
        header = PageHeader(self)
        header.set_text("Nyckeltal över tid",
                        "Nulägesanalysens värden (baslinjen) och uppföljningens år mot riket")
        self.body.addWidget(header)
        self.import_button = QPushButton("Importera uppföljningsår (CSV)…", self)
        self.import_button.setToolTip("Samma format som nulägesanalysens nyckeltal (Ctrl+I)")
        self.import_button.clicked.connect(self.ask_and_import)
        add_shortcut("Ctrl+I", self, self.ask_and_import,
                     context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
                     what="Nyckeltal över tid: importera uppföljningsår (CSV)")
        self.body.addWidget(self.import_button)
        self.empty = hint("Inga nyckeltal har följts upp ännu. Importera nya värden för samma "
                          "mått som i nulägesanalysen, ett år under samverkan.", self)
        self.body.addWidget(self.empty)
        self.grid_holder = QWidget(self)
        self.grid = QGridLayout(self.grid_holder)
        self.body.addWidget(self.grid_holder)

    def show_snapshot(self, engagement_id: str, snap: FollowUpSnapshot) -> None:
        self.engagement_id = engagement_id
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        baseline_ids = {k.id for k in snap.baseline}
        charts = series(snap)
        for n, (title, figures) in enumerate(charts.items()):
            self.grid.addWidget(TrendChart(title, figures, baseline_ids, self.grid_holder),
                                n // COLUMNS, n % COLUMNS)
        self.empty.setVisible(not charts)

    def ask_and_import(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self, "Importera uppföljda nyckeltal",
                                              str(Path.home()),
                                              "CSV-filer (*.csv *.txt);;Alla filer (*)")
        return bool(path) and self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        store = self.ctx.store
        e = store.engagements.get(self.engagement_id)
        if e is None:
            return False
        parsed = read_key_figures_file(path, self.engagement_id, store.organisers.units(e.organiser_id))
        problems = ([str(p) for p in parsed.errors] if not parsed.ok
                    else store.follow_up.check_followed(self.engagement_id, parsed.figures))
        if problems:
            show_csv_errors(self, path, problems)
            return False
        try:
            count = store.follow_up.import_followed(self.engagement_id, parsed.figures)
        except ValueError as exc:
            show_error(self, "Nyckeltalen lästes inte in", f"{exc}\n\nIngenting har ändrats.")
            return False
        show_info(self, "Nyckeltal importerade", f"{count} uppföljda nyckeltal från {path.name}.")
        snap = store.follow_up.snapshot(self.engagement_id)
        if snap is not None:
            self.show_snapshot(self.engagement_id, snap)
        return True
