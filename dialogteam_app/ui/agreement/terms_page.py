"""Per insats, what the agreement adds to the plan: description, scope and period,
the responsibility lists, participant counts and funding."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.agreement_kinds import FundingKind, ProviderKind
from ...domain.agreement_terms import (
    FundingLine,
    InterventionTerms,
    ParticipantCount,
    terms_from_plan,
    validate_funding,
    validate_participants,
)
from ..common.dialogs import confirm_delete, show_info
from ..common.record_form import CHECK, COMBO, DATE, INT, TEXT, FieldSpec, RecordForm
from ..common.record_table import Column, RecordTable
from ..common.widgets import (
    PageHeader,
    ScrollPage,
    add_shortcut,
    fill_with_panes,
    hint,
    section_title,
)
from .columns import amount_column, set_column_choices
from .commands import undo_here
from .state import AgreementState
from .terms_fields import TermsFields, fields_of, terms_from, validate_fields

TERMS_FIELDS = [
    FieldSpec("title", "Insats"),
    FieldSpec("area_title", "Utvecklingsområde",
              placeholder="som det skrivs i rubriken: Insatser inom …"),
    FieldSpec("description", "Beskrivning", TEXT),
    FieldSpec("scope", "Omfattning", placeholder="till exempel 52 timmar"),
    FieldSpec("start", "Pågår från", DATE),
    FieldSpec("end", "Pågår till", DATE),
    FieldSpec("organiser_duties", "Huvudmannen ansvarar för att", TEXT,
              placeholder="En punkt per rad"),
    FieldSpec("skolverket_duties", "Skolverket ansvarar för att", TEXT,
              placeholder="En punkt per rad"),
    FieldSpec("role_duties", "Roller", TEXT,
              placeholder="En per rad: Rektor på … ansvarar för …"),
]
PARTICIPANT_COLUMNS = [
    Column("group", "Deltagare", stretch=True),
    Column("count", "Antal", INT),
    Column("approximate", "Cirka", CHECK),
    Column("school_unit_id", "Skolenhet", COMBO),
]
FUNDING_COLUMNS = [
    Column("kind", "Typ", COMBO, [(k, k.label) for k in FundingKind]),
    amount_column(),
    Column("year", "År", INT),
    Column("provider_kind", "Anordnare", COMBO,
           [(None, "–"), *((p, p.label) for p in ProviderKind)]),
    Column("provider_name", "Namn"),
    Column("text", "Egen formulering", stretch=True),
]


class TermsEditor(ScrollPage):
    def __init__(self, state: AgreementState, on_renamed, parent=None):
        super().__init__(parent)
        self.state = state
        self.terms: InterventionTerms | None = None
        self._on_renamed = on_renamed
        repo = state.ctx.store.agreements
        autosaver = state.ctx.autosaver
        self.header = PageHeader(self)
        self.form = RecordForm(TERMS_FIELDS, self._validate, self._save, autosaver,
                               "agreement-terms", self, labels_above=True)
        self.participants = RecordTable(
            PARTICIPANT_COLUMNS, validate=validate_participants,
            save=lambda p: autosaver.schedule(("participant", p.id),
                                              lambda: repo.save_participant(p, wait=False)),
            create=self._new_participant,
            delete=lambda p: self._delete("agreement_participants", p.id, "deltagarraden"),
            add_label="Ny deltagargrupp",
            empty_text="Inga deltagarantal: ange dem exakt, per skolenhet där de anges.",
            parent=self)
        self.funding = RecordTable(
            FUNDING_COLUMNS, validate=validate_funding, save=self._save_funding,
            create=self._new_funding,
            delete=lambda f: self._delete("agreement_funding", f.id, "finansieringsposten"),
            add_label="Ny finansieringspost",
            empty_text="Ingen finansiering angiven för insatsen.", parent=self)
        self.funding_text = hint("", self)
        undo_here(state.stack, self.participants.view, self.funding.view)
        b = self.body
        b.addWidget(self.header)
        b.addWidget(self.form)
        b.addWidget(section_title("Deltagare", self))
        b.addWidget(self.participants)
        b.addWidget(section_title("Finansiering", self))
        b.addWidget(hint("Beviljat: Skolverket betalar Huvudmannen (ett belopp per år). "
                         "Upphandlas: Skolverket köper insatsen av en anordnare, inga pengar "
                         "till Huvudmannen. Egen finansiering utan belopp blir "
                         "”kostnader i övrigt”.", self))
        b.addWidget(self.funding)
        b.addWidget(self.funding_text)

    def show_terms(self, t: InterventionTerms, units: list[tuple[str | None, str]]) -> None:
        self.terms = t
        self.header.set_text(t.title, t.area_title)
        self.form.set_record(fields_of(t))
        set_column_choices(self.participants, "school_unit_id", units)
        self.participants.set_records(t.participants)
        self.funding.set_records(t.funding)
        self._show_sentences()

    def _validate(self, f: TermsFields):
        assert self.terms is not None
        return validate_fields(f, self.terms)

    def _save(self, f: TermsFields) -> None:
        assert self.terms is not None
        self.terms = terms_from(f, self.terms)
        self.state.ctx.store.agreements.save_terms(self.terms, wait=False)
        self.header.set_text(self.terms.title, self.terms.area_title)
        self._on_renamed(self.terms)

    def _save_funding(self, f: FundingLine) -> None:
        repo = self.state.ctx.store.agreements
        self.state.ctx.autosaver.schedule(("funding", f.id),
                                          lambda: repo.save_funding(f, wait=False))
        self._show_sentences()

    def _show_sentences(self) -> None:
        lines = [f.sentence for f in self.funding.model.records()]
        self.funding_text.setText("I överenskommelsen: " + " ".join(lines) if lines else "")

    def _new_participant(self) -> ParticipantCount:
        assert self.terms is not None
        repo = self.state.ctx.store.agreements
        p = ParticipantCount(terms_id=self.terms.id, group="lärare", count=0,
                             position=repo.next_position("agreement_participants", "terms_id",
                                                         self.terms.id))
        repo.save_participant(p)
        return p

    def _new_funding(self) -> FundingLine:
        assert self.terms is not None
        repo = self.state.ctx.store.agreements
        f = FundingLine(terms_id=self.terms.id, kind=FundingKind.OWN,
                        position=repo.next_position("agreement_funding", "terms_id",
                                                    self.terms.id))
        repo.save_funding(f)
        return f

    def _delete(self, table: str, record_id: str, what: str) -> bool:
        if self.terms is None or not confirm_delete(self, "Ta bort", f"Ta bort {what}?",
                                                    undoable=True):
            return False
        self.state.delete_part("terms", table, record_id, f"ta bort {what}", self.terms.id)
        self._show_sentences()
        return True


class TermsPage(QWidget):
    """The agreement's insatser on the left, the chosen one on the right."""

    def __init__(self, state: AgreementState, parent=None):
        super().__init__(parent)
        self.state = state
        self.list = QListWidget(self)
        self.list.setObjectName("agreementTerms")
        self.list.setProperty("pageSelector", True)  # tests walk every insats
        self.list.setAccessibleName("Insatser i överenskommelsen")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.currentItemChanged.connect(lambda cur, _prev: self._show(cur))
        undo_here(state.stack, self.list)
        add_shortcut(QKeySequence.StandardKey.Delete, self.list, self.delete_current,
                     what="Överenskommelser, Insatser: ta bort den valda insatsen",
                     context=Qt.ShortcutContext.WidgetShortcut)
        rows = [QHBoxLayout(), QHBoxLayout()]  # two rows keep the list narrow
        for n, (text, tip, slot) in enumerate([("Från planen", "Lägg till planens insatser som saknas här",
                                 self.add_from_plan),
                                ("+ Insats", "En insats som inte står i planen", self.add_blank),
                                ("Ta bort", "Ta bort insatsen ur överenskommelsen (Delete)",
                                 self.delete_current)]):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            rows[min(n, 1)].addWidget(button)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 8, 0, 8)
        for row in rows:
            row.addStretch(1)
            column.addLayout(row)
        column.addWidget(self.list)
        self.editor = TermsEditor(state, self._renamed, self)
        self.empty = ScrollPage(self)
        self.empty.body.addWidget(hint("Överenskommelsen har inga insatser ännu. Hämta dem "
                                       "från åtgärdsplanen med ”Från planen”.", self.empty))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.editor)
        fill_with_panes(self, left, self.stack, (0, 1)).setSizes([170, 900])

    def show_agreement(self, select: str | None = None) -> None:
        a = self.state.agreement
        assert a is not None
        self.list.blockSignals(True)
        self.list.clear()
        for t in sorted(a.terms, key=lambda t: t.position):
            item = QListWidgetItem(t.title)
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            item.setToolTip(f"{t.area_title}: {t.title}" if t.area_title else t.title)
            self.list.addItem(item)
        self.list.blockSignals(False)
        rows = [self.list.item(i) for i in range(self.list.count())]
        chosen = next((r for r in rows if r.data(Qt.ItemDataRole.UserRole) == select), None)
        self.list.setCurrentItem(chosen or (rows[0] if rows else None))
        self._show(self.list.currentItem())

    def _show(self, item: QListWidgetItem | None) -> None:
        a = self.state.agreement
        terms = a.terms_of(item.data(Qt.ItemDataRole.UserRole)) if item and a else None
        if terms is None:
            self.stack.setCurrentWidget(self.empty)
            return
        store = self.state.ctx.store
        engagement = store.engagements.get(a.engagement_id)
        units = [(None, "–")] + [(u.id, u.display_name)
                                 for u in store.organisers.units(engagement.organiser_id)]
        self.editor.show_terms(terms, units)
        self.stack.setCurrentWidget(self.editor)

    def _renamed(self, t: InterventionTerms) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == t.id:
            item.setText(t.title)

    def add_from_plan(self) -> None:
        a = self.state.agreement
        assert a is not None
        plan = self.state.ctx.store.plans.load(a.engagement_id)
        have = {t.intervention_id for t in a.terms}
        position = max((t.position for t in a.terms), default=-1) + 1
        added = []
        for area in plan.areas:
            for intervention in area.interventions:
                if intervention.id not in have:
                    added.append(terms_from_plan(a.id, area, intervention, position))
                    position += 1
        if not added:
            show_info(self, "Från planen", "Alla insatser i åtgärdsplanen finns redan i "
                                          "överenskommelsen." if plan.areas else
                      "Åtgärdsplanen har inga insatser ännu.")
            return
        for t in added:
            self.state.ctx.store.agreements.save_terms(t)
        self.state.reload_parts()
        self.show_agreement(select=added[0].id)

    def add_blank(self) -> None:
        a = self.state.agreement
        assert a is not None
        t = InterventionTerms(agreement_id=a.id, title="Ny insats",
                              position=max((t.position for t in a.terms), default=-1) + 1)
        self.state.ctx.store.agreements.save_terms(t)
        self.state.reload_parts()
        self.show_agreement(select=t.id)
        self.editor.form.focus_field("title")

    def delete_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        terms_id = item.data(Qt.ItemDataRole.UserRole)
        repo = self.state.ctx.store.agreements
        impact = repo.part_deletion_impact("agreement_terms", terms_id)
        if not confirm_delete(self, "Ta bort insats", f"Ta bort {item.text()} ur "
                                                      "överenskommelsen?", impact, undoable=True):
            return
        self.state.delete_part("terms", "agreement_terms", terms_id, f"ta bort {item.text()}")
        self.state.reload_parts()
        self.show_agreement()
