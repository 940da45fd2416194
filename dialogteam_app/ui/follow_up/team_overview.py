"""The team overview under "Dialogteamet": every samverkan with huvudman, phase,
period, ansvarig processtödjare, insatser by status, money granted/paid/used per year
and insatser per research factor; exported as CSV for Skolverket's yearly report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.analysis import Factor
from ...domain.follow_up import InterventionStatus
from ...domain.follow_up_overview import TeamRow
from ...domain.money import to_tkr
from ..common.context import AppContext
from ..common.dialogs import show_error, show_info
from ..common.record_table import one_tab_stop
from ..common.widgets import hint, section_title
from ..plan.export import documents_folder

# Two-line headers: the columns are as narrow as their cells, so all seven fit at 150 %.
HEADERS = ["Huvudman", "Fas", "Period", "Ansvarig", "Insatser",
           "Per år, tkr: beviljat /\nutbetalt / använt", "Insatser per\nframgångsfaktor"]


def overview_cells(row: TeamRow) -> list[str]:
    statuses = "\n".join(f"{n} {s.label.lower()}" for s in InterventionStatus
                         if (n := row.by_status.get(s, 0)))
    money = "\n".join(f"{y}: {to_tkr(row.granted_by_year.get(y, 0))} / "
                       f"{to_tkr(row.paid_by_year.get(y, 0))} / "
                       f"{to_tkr(row.used_by_year.get(y, 0))}" for y in row.years)
    factors = "\n".join(f"{f.label} {n}" for f in Factor if (n := row.by_factor.get(f.value, 0)))
    period = f"{row.period_start} –\n{row.period_end}" if row.period_start else "–"
    return [f"{row.organiser_name}\n{row.title}" + (f"\ndnr {row.dnr}" if row.dnr else ""),
            row.phase, period, row.responsible or "–",
            f"{row.insatser}" + (f"\n{statuses}" if statuses else ""), money or "–",
            factors or "–"]


class TeamOverview(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[TeamRow] = []
        self.table = QTableWidget(0, 0, self)
        self.table.setObjectName("teamOverview")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setMinimumHeight(200)
        one_tab_stop(self.table, "Översikt över alla samverkan")
        export = QPushButton("Exportera &CSV…", self)
        export.setToolTip("Spara översikten för Excel")
        export.clicked.connect(self.ask_and_export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_title("Översikt över alla samverkan", self))
        layout.addWidget(hint("Insatser per status, pengar per år (beviljat / utbetalt / "
                              "använt) och insatser per forskningsstödd framgångsfaktor. CSV-filen "
                              "öppnas direkt i Excel.", self))
        layout.addWidget(self.table)
        layout.addWidget(export, 0, Qt.AlignmentFlag.AlignLeft)

    def reload(self) -> None:
        self.rows = self.ctx.store.follow_up_overview.team()
        self.table.clear()
        self.table.setColumnCount(len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, text in enumerate(overview_cells(row)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(r, c, item)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        height = sum(self.table.rowHeight(r) for r in range(len(self.rows)))
        self.table.setFixedHeight(head.sizeHint().height() + max(height, 30)
                                  + 2 * self.table.frameWidth() + 4)

    def ask_and_export(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, "Exportera teamöversikt",
                                              str(documents_folder() / "Teamöversikt.csv"),
                                              "CSV-filer (*.csv)")
        return self.export_to(Path(name)) if name else None

    def export_to(self, path: Path) -> Path | None:
        from ...export.atomic import describe_os_error
        from ...export.follow_up.team_csv import write_team_csv
        try:
            write_team_csv(self.ctx.store.follow_up_overview.team(), path)
        except OSError as exc:
            show_error(self, "Teamöversikten sparades inte", describe_os_error(exc, path))
            return None
        show_info(self, "Teamöversikt sparad", f"Översikten sparades som {path}.")
        return path
