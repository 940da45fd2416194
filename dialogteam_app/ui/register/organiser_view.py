"""Editor for one huvudman: its details, contact persons, skolenheter and engagements."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton

from ...domain.organisations import (
    CONTACT_ROLES,
    SCHOOL_TYPES,
    ContactPerson,
    OrganiserKind,
    SchoolUnit,
    validate_contact,
    validate_organiser,
    validate_school_unit,
)
from ..common.context import AppContext
from ..common.dialogs import confirm_delete
from ..common.in_use import refused_because_in_use
from ..common.record_form import CHECK, COMBO, INT, TEXT, FieldSpec, RecordForm
from ..common.record_table import Column, RecordTable
from ..common.widgets import PageHeader, ScrollPage, fit_list_height, hint, section_title

ORGANISER_FIELDS = [
    FieldSpec("name", "Namn", placeholder="till exempel Timrå kommun"),
    FieldSpec("kind", "Typ", COMBO, [(k, k.label) for k in OrganiserKind]),
    FieldSpec("org_number", "Organisationsnummer", placeholder="NNNNNN-NNNN",
              tooltip="Tio siffror; den sista är en kontrollsiffra."),
    FieldSpec("address", "Adress", placeholder="Box 1, 123 45 Orten"),
    FieldSpec("phone", "Telefon"),
    FieldSpec("email", "E-post"),
    FieldSpec("notes", "Anteckningar", TEXT),
]

CONTACT_COLUMNS = [
    Column("name", "Namn", stretch=True),
    Column("role", "Roll", COMBO, [(r, r) for r in CONTACT_ROLES]),
    Column("email", "E-post", stretch=True),
    Column("phone", "Telefon"),
    Column("primary", "Huvudkontakt", CHECK, exclusive=True),
]

UNIT_COLUMNS = [
    Column("name", "Namn", stretch=True),
    Column("school_type", "Skolform", COMBO, [(t, t) for t in SCHOOL_TYPES]),
    Column("grade_span", "Årskurser"),
    Column("principal", "Rektor", stretch=True),
    Column("student_count", "Elever", INT),
    Column("unit_code", "Skolenhetskod"),
]


class OrganiserView(ScrollPage):
    renamed = Signal(str, str)          # organiser id, new name
    open_engagement = Signal(str)       # engagement id
    new_engagement = Signal(str)        # organiser id
    units_changed = Signal(str)         # organiser id

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.organiser_id: str | None = None
        repo = ctx.store.organisers

        self.header = PageHeader(self)
        self.form = RecordForm(ORGANISER_FIELDS, validate_organiser,
                               lambda o: repo.save(o, wait=False), ctx.autosaver, "organiser", self)
        self.form.record_saved.connect(self._saved)

        self.contacts = RecordTable(
            CONTACT_COLUMNS, validate=validate_contact,
            save=lambda c: ctx.autosaver.schedule(("contact", c.id),
                                                  lambda: repo.save_contact(c, wait=False)),
            create=self._new_contact, delete=self._delete_contact,
            add_label="Ny kontaktperson", empty_text="Inga kontaktpersoner ännu.", parent=self)
        self.units = RecordTable(
            UNIT_COLUMNS, validate=validate_school_unit,
            save=lambda u: ctx.autosaver.schedule(("unit", u.id),
                                                  lambda: repo.save_unit(u, wait=False)),
            create=self._new_unit, delete=self._delete_unit,
            add_label="Ny skolenhet", empty_text="Inga skolenheter ännu.", parent=self)
        self.units.changed.connect(lambda: self.units_changed.emit(self.organiser_id or ""))

        self.engagement_list = QListWidget(self)
        self.engagement_list.setAccessibleName("Huvudmannens samverkan")
        self.engagement_list.itemActivated.connect(
            lambda item: self.open_engagement.emit(item.data(Qt.ItemDataRole.UserRole)))
        new_engagement = QPushButton("Ny samverkan", self)
        new_engagement.clicked.connect(lambda: self.new_engagement.emit(self.organiser_id))
        row = QHBoxLayout()
        row.addWidget(new_engagement)
        row.addStretch(1)

        b = self.body
        b.addWidget(self.header)
        b.addWidget(self.form)
        b.addWidget(section_title("Kontaktpersoner", self))
        b.addWidget(hint("Huvudkontakten får åtgärdsplanen när den skickas med e-post.", self))
        b.addWidget(self.contacts)
        b.addWidget(section_title("Skolenheter", self))
        b.addWidget(self.units)
        b.addWidget(section_title("Samverkan", self))
        b.addWidget(self.engagement_list)
        b.addLayout(row)

    def show_organiser(self, organiser_id: str) -> bool:
        repo = self.ctx.store.organisers
        organiser = repo.get(organiser_id)
        if organiser is None:
            return False
        self.organiser_id = organiser_id
        self.form.set_record(organiser)
        self._update_header(organiser)
        self.contacts.set_records(repo.contacts(organiser_id))
        self.units.set_records(repo.units(organiser_id))
        self.engagement_list.clear()
        for e in self.ctx.store.engagements.list(organiser_id):
            item = QListWidgetItem(f"{e.display_name} – {e.phase.label}")
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            self.engagement_list.addItem(item)
        if not self.engagement_list.count():
            self.engagement_list.addItem(QListWidgetItem("Ingen samverkan ännu."))
        fit_list_height(self.engagement_list)
        return True

    def focus_name(self) -> None:
        name = self.form.widgets["name"]
        name.setFocus()
        name.selectAll()

    def _update_header(self, o) -> None:
        parts = [o.kind.label] + ([f"org.nr {o.org_number}"] if o.org_number else [])
        self.header.set_text(o.name, " · ".join(parts))

    def _saved(self, organiser) -> None:
        self._update_header(organiser)
        self.renamed.emit(organiser.id, organiser.name)

    # -- rows ----------------------------------------------------------------------------
    def _new_contact(self) -> ContactPerson:
        repo = self.ctx.store.organisers
        c = ContactPerson(organiser_id=self.organiser_id, name="Ny kontaktperson",
                          role="Kontaktperson",
                          position=repo.next_position("contact_persons", self.organiser_id))
        repo.save_contact(c)
        return c

    def _delete_contact(self, c: ContactPerson) -> bool:
        if not confirm_delete(self, "Ta bort kontaktperson", f"Ta bort {c.name}?"):
            return False
        self.ctx.autosaver.flush()
        self.ctx.store.organisers.delete_contact(c.id)
        return True

    def _new_unit(self) -> SchoolUnit:
        repo = self.ctx.store.organisers
        u = SchoolUnit(organiser_id=self.organiser_id, name="Ny skolenhet",
                       position=repo.next_position("school_units", self.organiser_id))
        repo.save_unit(u)
        return u

    def _delete_unit(self, u: SchoolUnit) -> bool:
        repo = self.ctx.store.organisers
        self.ctx.autosaver.flush()
        if refused_because_in_use(self, self.ctx.store, "school_units", [u.id]):
            return False
        if not confirm_delete(self, "Ta bort skolenhet", f"Ta bort {u.display_name}?",
                              repo.unit_deletion_impact(u.id)):
            return False
        repo.delete_unit(u.id)
        return True
