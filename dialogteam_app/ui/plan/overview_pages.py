"""Read-only pages of the plan editor: computed totals, exported versions with
what changed since, and the röd tråd check."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.money import format_tkr
from ...domain.plan import ActionPlan
from ...domain.plan_check import Gap
from ...domain.plan_diff import ADDED, REMOVED, Change
from ...domain.plan_document import PlanVersion
from ...domain.plan_totals import plan_totals
from ..common.widgets import PageHeader, ScrollPage, fit_list_height, hint, section_title


def _table(name: str, headers: list[str], rows: list[list[str]],
           bold_last: bool = False) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setAccessibleName(name)
    table.setTabKeyNavigation(False)  # one Tab stop; arrows move between cells
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c > 0 and (text.endswith("tkr") or text[:1].isdigit()):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if bold_last and r == len(rows) - 1:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for c in range(1, len(headers)):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    height = header.sizeHint().height() + sum(table.rowHeight(r) for r in range(len(rows)))
    table.setFixedHeight(height + 2 * table.frameWidth() + 2)
    return table


class TotalsPage(ScrollPage):
    """Timeline and costs per intervention, area, funder and year — all computed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.header = PageHeader(self)
        self.header.set_text("Tidplan och kostnader",
                             "Räknas fram ur insatsernas tidplaner och kostnadsposter.")
        self.content = QWidget(self)
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.header)
        self.body.addWidget(self.content)

    def show_plan(self, plan: ActionPlan) -> None:
        layout = self.content_layout
        while layout.count():
            layout.takeAt(0).widget().deleteLater()
        totals = plan_totals(plan)
        rows = []
        for n, area in enumerate(plan.areas, start=2):  # numbered as in the outline and the PDF
            for m, i in enumerate(area.interventions, start=1):
                period = f"{i.start or '?'} – {i.end or '?'}" if i.start or i.end else "–"
                rows.append([f"{n}.{m} {i.title}", period, format_tkr(totals.by_intervention[i.id])])
            rows.append([f"Summa utvecklingsområde {n}: {area.title}", "",
                         format_tkr(totals.by_area[area.id])])
        rows.append(["Totalt", "", format_tkr(totals.total)])
        if not plan.areas:
            layout.addWidget(hint("Planen har inga utvecklingsområden ännu.", self))
            return
        layout.addWidget(section_title("Per insats", self))
        layout.addWidget(_table("Kostnad per insats", ["Insats", "Tidplan", "Kostnad"], rows, bold_last=True))
        layout.addWidget(section_title("Per finansiär", self))
        layout.addWidget(_table("Kostnad per finansiär", ["Finansiär", "Kostnad"], [
            [f.label, format_tkr(kr)] for f, kr in totals.by_funder.items()]
            + [["Totalt", format_tkr(totals.total)]], bold_last=True))
        layout.addWidget(section_title("Per år", self))
        layout.addWidget(_table("Kostnad per år", ["År", "Kostnad"], [
            [str(y) if y is not None else "Utan år", format_tkr(kr)]
            for y, kr in totals.by_year.items()] + [["Totalt", format_tkr(totals.total)]],
            bold_last=True))


class VersionsPage(ScrollPage):
    """Exported versions; choosing one lists what has changed since it."""

    compare = Signal(object)  # PlanVersion: the view answers with show_changes()
    open_version = Signal(object)  # PlanVersion: show its PDF as it was sent

    def __init__(self, parent=None):
        super().__init__(parent)
        header = PageHeader(self)
        header.set_text("Versioner", "Varje export av planen sparas som en version med datum "
                                     "och mottagare.")
        self.versions = QListWidget(self)
        self.versions.setObjectName("planVersions")
        self.versions.setAccessibleName("Versioner")
        self.versions.currentRowChanged.connect(self._chosen)
        self.versions.itemActivated.connect(lambda _i: self._open())
        self.open_button = QPushButton("Visa den valda versionen som PDF", self)
        self.open_button.clicked.connect(self._open)
        self.changes_title = section_title("", self)
        self.changes = QListWidget(self)
        self.changes.setObjectName("planChanges")
        self.changes.setAccessibleName("Ändringar sedan föregående version")
        self.changes.setWordWrap(True)
        self.body.addWidget(header)
        self.body.addWidget(self.versions)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addWidget(self.changes_title)
        self.body.addWidget(self.changes)
        self._list: list[PlanVersion] = []

    def show_versions(self, versions: list[PlanVersion]) -> None:
        self._list = versions
        self.versions.blockSignals(True)
        self.versions.clear()
        for v in versions:
            sent = f"till {v.recipient}" if v.recipient else "utan mottagare"
            self.versions.addItem(f"Version {v.number} · {v.created_at[:10]} · {sent}"
                                  + (f" · {v.file_name}" if v.file_name else ""))
        if not versions:
            self.versions.addItem("Planen har inte exporterats ännu. Varje export sparas här.")
        fit_list_height(self.versions)
        self.versions.blockSignals(False)
        self.changes.clear()
        for widget in (self.changes_title, self.changes, self.open_button):
            widget.setVisible(bool(versions))
        if versions:
            self.versions.setCurrentRow(0)
            self._chosen(0)

    def _open(self) -> None:
        row = self.versions.currentRow()
        if 0 <= row < len(self._list):
            self.open_version.emit(self._list[row])

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(self._list):
            self.compare.emit(self._list[row])

    def show_changes(self, version: PlanVersion, changes: list[Change]) -> None:
        self.changes_title.setText(f"Ändrat sedan version {version.number} "
                                   f"({version.created_at[:10]})")
        self.changes.clear()
        for c in changes:
            if c.kind == ADDED:
                text = f"Tillagt: {c.where}" + (f"\n{c.after}" if c.after else "")
            elif c.kind == REMOVED:
                text = f"Borttaget: {c.where}"
            else:
                text = f"Ändrat: {c.where}\nFöre: {c.before or '–'}\nNu: {c.after or '–'}"
            self.changes.addItem(QListWidgetItem(text[:1500]))
        if not changes:
            self.changes.addItem("Inget har ändrats sedan den här versionen.")


class CheckPage(QWidget):
    """The röd tråd: every gap, double-click (or Enter) goes to where it is fixed."""

    go_to = Signal(object)  # Target

    def __init__(self, parent=None):
        super().__init__(parent)
        self.header = PageHeader(self)
        self.gaps = QListWidget(self)
        self.gaps.setObjectName("planGaps")
        self.gaps.setAccessibleName("Brister i röda tråden")
        self.gaps.setWordWrap(True)
        self.gaps.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(self.header)
        layout.addWidget(hint("Kontrollen är ett råd, inte ett hinder: planen kan exporteras "
                              "ändå. Dubbelklicka på en rad för att gå till fältet.", self))
        layout.addWidget(self.gaps, 1)

    def show_gaps(self, gaps: list[Gap], empty: bool = False) -> None:
        if empty:
            self.header.set_text("Röd tråd: planen är tom",
                                 "Lägg till ett utvecklingsområde med insatser; sedan visar "
                                 "kontrollen vad som saknas i kedjan.")
        elif gaps:
            self.header.set_text(f"Röd tråd: {len(gaps)} brist{'er' if len(gaps) != 1 else ''}",
                                 "Det här saknas för att kedjan problem → orsak → belägg → "
                                 "insats → mål, uppföljning, ansvar, tidplan och kostnad ska "
                                 "hålla.")
        else:
            self.header.set_text("Röd tråd: inga brister",
                                 "Varje insats har koppling till problem, mål, uppföljning, "
                                 "ansvarig, tidplan och kostnad.")
        self.gaps.clear()
        for gap in gaps:
            item = QListWidgetItem(f"• {gap.message}")
            item.setData(Qt.ItemDataRole.UserRole, gap.target)
            self.gaps.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        self.go_to.emit(item.data(Qt.ItemDataRole.UserRole))
