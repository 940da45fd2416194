"""The engagement's own data: dnr, phase, responsible, skolenheter and key dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton

from ...domain.engagement import KeyDate, KeyDateKind, Phase, validate_engagement, validate_key_date
from ..agreement.dates_list import agreement_dates_list, show_agreement_dates
from ..common.context import AppContext
from ..common.deferred import after_start
from ..common.dialogs import confirm_delete
from ..common.record_form import COMBO, DATE, TEXT, FieldSpec, RecordForm
from ..common.record_table import Column, RecordTable
from ..common.unit_checklist import UnitChecklist
from ..common.widgets import PageHeader, ScrollPage, fit_list_height, hint, section_title
from ..retention.retention_row import retention_row

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
    open_meeting = Signal(str)
    new_meeting = Signal(str)  # engagement id
    open_agreement = Signal(str)

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.engagement = None
        repo = ctx.store.engagements
        self.header = PageHeader(self)
        self.form = RecordForm(FIELDS, validate_engagement, self._save_engagement,
                               ctx.autosaver, "engagement", self)
        self.form.record_saved.connect(self._saved)

        self.units = UnitChecklist(self)
        self.units.changed.connect(lambda ids: self.form.apply(school_unit_ids=ids))

        self.dates = RecordTable(
            DATE_COLUMNS, validate=validate_key_date,
            save=lambda d: ctx.autosaver.schedule(("key_date", d.id),
                                                  lambda: repo.save_key_date(d, wait=False)),
            create=self._new_date, delete=self._delete_date, add_label="Nytt datum",
            empty_text="Inga datum ännu: lägg till beslut, överenskommelser och redovisningar.",
            parent=self)

        self.meetings = QListWidget(self)
        self.meetings.setAccessibleName("Möten")
        self.meetings.itemActivated.connect(
            lambda item: item.data(Qt.ItemDataRole.UserRole)
            and self.open_meeting.emit(item.data(Qt.ItemDataRole.UserRole)))
        new_meeting = QPushButton("Nytt möte", self)
        new_meeting.setToolTip("Ctrl+M")
        new_meeting.clicked.connect(lambda: self.new_meeting.emit(self.engagement.id))
        meeting_row = QHBoxLayout()
        meeting_row.addWidget(new_meeting)
        meeting_row.addStretch(1)

        b = self.body
        b.addWidget(self.header)
        b.addWidget(self.form)
        b.addWidget(section_title("Möten", self))
        b.addWidget(self.meetings)
        b.addLayout(meeting_row)
        b.addWidget(section_title("Skolenheter i samverkan", self))
        b.addWidget(hint("Bocka i de skolenheter som ingår. Skolenheterna läggs upp under "
                         "huvudmannen.", self))
        b.addWidget(self.units)
        b.addWidget(section_title("Viktiga datum", self))
        b.addWidget(self.dates)
        self.agreement_dates = agreement_dates_list(self, self.open_agreement.emit)
        b.addWidget(section_title("Datum ur överenskommelserna", self))
        b.addWidget(self.agreement_dates)
        b.addWidget(section_title("Gallring", self))
        b.addWidget(retention_row(self, lambda: self.engagement.id))

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
        self.units.set_units(store.organisers.units(e.organiser_id), e.school_unit_ids)
        self.dates.set_records(store.engagements.key_dates(engagement_id))
        # Read in a turn of their own once the window is usable: the agreements and their
        # model were a third of opening the overview, and the section is below the fold.
        self.agreement_dates.clear()  # never another samverkan's dates meanwhile
        after_start(self, lambda: self._show_agreement_dates(engagement_id))
        self.meetings.clear()
        counts = store.meetings.note_counts(engagement_id)
        for m in store.meetings.list(engagement_id):
            n = counts.get(m.id, 0)
            item = QListWidgetItem(f"{m.display_name} – {m.kind.label}, "
                                   f"{n} anteckning{'ar' if n != 1 else ''}")
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            self.meetings.addItem(item)
        if not self.meetings.count():
            self.meetings.addItem(QListWidgetItem("Inga möten ännu. Lägg till ett med Ctrl+M."))
        fit_list_height(self.meetings)

    def _show_agreement_dates(self, engagement_id: str) -> None:
        if self.engagement is not None and self.engagement.id == engagement_id:
            show_agreement_dates(self.agreement_dates,
                                 self.ctx.store.agreements.list(engagement_id))

    def _update_header(self, e) -> None:
        self.header.set_text(e.title, f"{self._organiser_name} · {e.phase.label}"
                             + (f" · dnr {e.dnr}" if e.dnr else ""))

    def _saved(self, e) -> None:
        self.engagement = e
        self._update_header(e)
        self.renamed.emit(e.id, e.display_name)

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
