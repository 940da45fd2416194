"""The engagement's own data: dnr, phase, responsible, skolenheter and key dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from ..domain.engagement import KeyDate, KeyDateKind, Phase, validate_engagement, validate_key_date
from .context import AppContext
from .dialogs import confirm_delete
from .record_form import COMBO, DATE, TEXT, FieldSpec, RecordForm
from .record_table import Column, RecordTable
from .widgets import PageHeader, ScrollPage, fit_list_height, hint, section_title

NO_ONE = ""

FIELDS = [
    FieldSpec("title", "Benämning"),
    FieldSpec("dnr", "Diarienummer", placeholder="till exempel 2016:209"),
    FieldSpec("phase", "Fas", COMBO, [(p, p.label) for p in Phase]),
    FieldSpec("responsible_id", "Ansvarig processtödjare", COMBO),
    FieldSpec("notes", "Anteckningar", TEXT),
]

DATE_COLUMNS = [
    Column("kind", "Vad", COMBO, [(k, k.label) for k in KeyDateKind]),
    Column("date", "Datum", DATE),
    Column("note", "Kommentar", stretch=True),
]


class EngagementOverview(ScrollPage):
    renamed = Signal(str, str)

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.engagement = None
        repo = ctx.store.engagements
        self.header = PageHeader(self)
        self.form = RecordForm(FIELDS, validate_engagement, self._save_engagement,
                               ctx.autosaver, "engagement", self)
        self.form.record_saved.connect(self._saved)

        self.units = QListWidget(self)
        self.units.itemChanged.connect(self._unit_toggled)

        self.dates = RecordTable(
            DATE_COLUMNS, validate=validate_key_date,
            save=lambda d: ctx.autosaver.schedule(("key_date", d.id),
                                                  lambda: repo.save_key_date(d, wait=False)),
            create=self._new_date, delete=self._delete_date, add_label="Nytt datum",
            empty_text="Inga datum ännu: lägg till beslut, överenskommelser och redovisningar.",
            parent=self)

        b = self.body
        b.addWidget(self.header)
        b.addWidget(self.form)
        b.addWidget(section_title("Skolenheter i samverkan", self))
        b.addWidget(hint("Bocka i de skolenheter som ingår. Skolenheterna läggs upp under "
                         "huvudmannen.", self))
        b.addWidget(self.units)
        b.addWidget(section_title("Viktiga datum", self))
        b.addWidget(self.dates)

    def _save_engagement(self, e) -> None:
        self.ctx.store.engagements.save(e, wait=False)

    def show_engagement(self, engagement_id: str) -> None:
        store = self.ctx.store
        e = store.engagements.get(engagement_id)
        self.engagement = e
        supporters = [(NO_ONE, "(ingen vald)")] + [(s.id, s.name) for s in store.supporters.list()]
        self.form.set_record(e)
        self.form.set_choices("responsible_id", supporters)
        organiser = store.organisers.get(e.organiser_id)
        self._organiser_name = organiser.name
        self._update_header(e)
        self.units.blockSignals(True)
        self.units.clear()
        for u in store.organisers.units(e.organiser_id):
            item = QListWidgetItem(u.display_name)
            item.setData(Qt.UserRole, u.id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if u.id in e.school_unit_ids else Qt.Unchecked)
            self.units.addItem(item)
        if not self.units.count():
            self.units.addItem(QListWidgetItem("Huvudmannen har inga skolenheter ännu."))
        fit_list_height(self.units)
        self.units.blockSignals(False)
        self.dates.set_records(store.engagements.key_dates(engagement_id))

    def _update_header(self, e) -> None:
        self.header.set_text(e.title, f"{self._organiser_name} · {e.phase.label}"
                             + (f" · dnr {e.dnr}" if e.dnr else ""))

    def _saved(self, e) -> None:
        self.engagement = e
        self._update_header(e)
        self.renamed.emit(e.id, e.display_name)

    def _unit_toggled(self, item: QListWidgetItem) -> None:
        unit_id = item.data(Qt.UserRole)
        if not unit_id or self.engagement is None:
            return
        selected = [self.units.item(i).data(Qt.UserRole) for i in range(self.units.count())
                    if self.units.item(i).checkState() == Qt.Checked]
        self.form.apply(school_unit_ids=selected)

    def _new_date(self) -> KeyDate:
        d = KeyDate(engagement_id=self.engagement.id, kind=KeyDateKind.OTHER,
                    date=date.today().isoformat())
        self.ctx.store.engagements.save_key_date(d)
        return d

    def _delete_date(self, d: KeyDate) -> bool:
        if not confirm_delete(self, "Ta bort datum", f"Ta bort {d.kind.label} {d.date}?"):
            return False
        self.ctx.autosaver.flush()
        self.ctx.store.engagements.delete_key_date(d.id)
        return True
