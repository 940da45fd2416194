"""One intervention (insats) with every field Skolverket asks for, its
milestones and its cost lines with their total."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel

from ...domain.analysis import Factor
from ...domain.money import format_kr, format_tkr
from ...domain.plan import (
    CostLine,
    Funder,
    Intervention,
    Milestone,
    validate_cost,
    validate_intervention,
    validate_milestone,
)
from ..common.context import AppContext
from ..common.dialogs import confirm_delete
from ..common.record_form import CHECKLIST, DATE, INT, SECTION, TEXT, FieldSpec, RecordForm
from ..common.record_table import COMBO, Column, RecordTable
from ..common.widgets import PageHeader, hint, section_title
from .pages import FormPage

FIELDS = [
    FieldSpec("title", "Insats"),
    FieldSpec("description", "Planerad insats och koppling till utvecklingsområdet", TEXT,
              placeholder="Vad ska göras, och varför är det den mest verkningsfulla insatsen "
                          "för problemet?"),
    FieldSpec("links", "Koppling till nulägesanalysen", SECTION),
    FieldSpec("cause_ids", "Orsaker som insatsen åtgärdar", CHECKLIST,
              placeholder="Nulägesanalysen har inga orsaker ännu."),
    FieldSpec("factors", "Forskningsstödda framgångsfaktorer", CHECKLIST),
    FieldSpec("planning", "Deltagare och planering", SECTION),
    FieldSpec("participant_groups", "Deltagare (grupper)", TEXT),
    FieldSpec("school_unit_ids", "Skolenheter", CHECKLIST,
              placeholder="Huvudmannen har inga skolenheter ännu."),
    FieldSpec("approx_participants", "Ungefärligt antal deltagare", INT),
    FieldSpec("resources_staff", "Personal", TEXT),
    FieldSpec("resources_training", "Kompetensutveckling", TEXT),
    FieldSpec("resources_student_health", "Elevhälsa", TEXT),
    FieldSpec("resources_other", "Övrigt", TEXT),
    FieldSpec("goals", "Mål och förväntade effekter", SECTION),
    FieldSpec("goals_short", "Mål på kort sikt", TEXT,
              placeholder="Mål som går att utvärdera: vad ska vara annorlunda, och hur märks det?"),
    FieldSpec("goals_long", "Mål på lång sikt", TEXT),
    FieldSpec("expected_effects", "Förväntade effekter", TEXT),
    FieldSpec("ownership", "Ansvar och delaktighet", SECTION),
    FieldSpec("responsible", "Ansvarig", placeholder="till exempel Förvaltningsledningen, rektor"),
    FieldSpec("participation", "Delaktighet", TEXT,
              placeholder="Hur personal och elever deltar"),
    FieldSpec("follow", "Uppföljning och utvärdering", SECTION),
    FieldSpec("follow_up_when", "När"),
    FieldSpec("follow_up_how", "Hur", TEXT),
    FieldSpec("follow_up_who", "Vem"),
    FieldSpec("timeline", "Tidplan", SECTION),
    FieldSpec("start", "Start", DATE),
    FieldSpec("end", "Slut", DATE),
]

MILESTONE_COLUMNS = [Column("date", "Datum", DATE), Column("text", "Delmål", stretch=True)]
COST_COLUMNS = [
    Column("description", "Kostnadspost", stretch=True),
    Column("amount_kr", "Belopp (kr)", INT),
    Column("funder", "Finansiär", COMBO, [(f, f.label) for f in Funder]),
    Column("year", "År", INT),
]


class InterventionPage(FormPage):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        repo = ctx.store.plans
        self.header = PageHeader(self)
        self.form = RecordForm(FIELDS, validate_intervention,
                               lambda i: repo.save_intervention(i, wait=False),
                               ctx.autosaver, "plan_intervention", self, labels_above=True)
        self.form.record_saved.connect(self._saved)
        self.milestones = RecordTable(
            MILESTONE_COLUMNS, validate=validate_milestone,
            save=lambda m: ctx.autosaver.schedule(("plan_milestone", m.id),
                                                  lambda: repo.save_milestone(m, wait=False)),
            create=self._new_milestone, delete=self._delete_milestone, add_label="Nytt delmål",
            empty_text="Inga delmål ännu.", parent=self)
        self.costs = RecordTable(
            COST_COLUMNS, validate=validate_cost, save=self._save_cost,
            create=self._new_cost, delete=self._delete_cost, add_label="Ny kostnadspost",
            empty_text="Ingen kostnad ännu: varje insats behöver en uppskattad kostnad.",
            parent=self)
        self.costs.changed.connect(self._show_total)
        self.total = QLabel(self)
        self.total.setObjectName("costTotal")

        self.body.addWidget(self.header)
        self.body.addWidget(self.form)
        self.body.addWidget(hint("Delmål:", self))
        self.body.addWidget(self.milestones)
        self.body.addWidget(section_title("Kostnad", self))
        self.body.addWidget(hint("Belopp i hela kronor; planen visar dem i tkr. Summorna räknas "
                                 "fram, de skrivs aldrig in.", self))
        self.body.addWidget(self.costs)
        self.body.addWidget(self.total)

    def show_intervention(self, i: Intervention, number: str, area_title: str,
                          engagement_id: str) -> None:
        self._where = f"Insats {number} · {area_title}"
        self.header.set_text(i.title, self._where)
        store = self.ctx.store
        self.form.set_record(i)
        self.form.set_choices("cause_ids", [
            (c.id, f"{c.text} – {c.problem_title}")
            for c in store.plan_analysis.causes(engagement_id)])
        self.form.set_choices("factors", [(f.value, f.label) for f in Factor])
        organiser_id = store.engagements.get(engagement_id).organiser_id
        self.form.set_choices("school_unit_ids", [
            (u.id, u.display_name) for u in store.organisers.units(organiser_id)])
        self.milestones.set_records(i.milestones)
        self.costs.set_records(i.costs)
        self._show_total()

    def _saved(self, i: Intervention) -> None:
        self.header.set_text(i.title, self._where)

    def _show_total(self) -> None:
        total = sum(c.amount_kr for c in self.costs.model.records())
        self.total.setText(f"<b>Summa för insatsen: {format_tkr(total)}</b> ({format_kr(total)})")

    # -- rows -------------------------------------------------------------------------------------
    def _intervention_id(self) -> str:
        return self.form.record().id

    def _new_milestone(self) -> Milestone:
        repo = self.ctx.store.plans
        m = Milestone(intervention_id=self._intervention_id(), date=date.today().isoformat(),
                      text="Nytt delmål", position=repo.next_position(
                          "plan_milestones", "intervention_id", self._intervention_id()))
        repo.save_milestone(m)
        return m

    def _delete_milestone(self, m: Milestone) -> bool:
        if not confirm_delete(self, "Ta bort delmål", f"Ta bort delmålet ”{m.text}”?"):
            return False
        self.ctx.autosaver.flush()
        self.ctx.store.plans.delete_milestone(m.id)
        return True

    def _save_cost(self, c: CostLine) -> None:
        repo = self.ctx.store.plans
        self.ctx.autosaver.schedule(("plan_cost", c.id), lambda: repo.save_cost(c, wait=False))

    def _new_cost(self) -> CostLine:
        repo = self.ctx.store.plans
        c = CostLine(intervention_id=self._intervention_id(), description="Ny kostnadspost",
                     year=date.today().year, position=repo.next_position(
                         "plan_costs", "intervention_id", self._intervention_id()))
        repo.save_cost(c)
        return c

    def _delete_cost(self, c: CostLine) -> bool:
        if not confirm_delete(self, "Ta bort kostnadspost",
                              f"Ta bort ”{c.description}” ({format_tkr(c.amount_kr)})?"):
            return False
        self.ctx.autosaver.flush()
        self.ctx.store.plans.delete_cost(c.id)
        return True
