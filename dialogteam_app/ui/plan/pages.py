"""Pages of the plan editor for the plan's own texts and for one development area."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton

from ...domain.plan import (
    ActionPlan,
    DevelopmentArea,
    Risk,
    validate_area,
    validate_plan,
    validate_risk,
)
from ...domain.plan_background import background_text, participation_text
from ..common.context import AppContext
from ..common.dialogs import confirm_delete
from ..common.record_form import CHECKLIST, TEXT, FieldSpec, RecordForm
from ..common.record_table import Column, RecordTable
from ..common.widgets import PageHeader, ScrollPage, hint


class FormPage(ScrollPage):
    """A scrolling page around one RecordForm, able to bring a field into view."""

    form: RecordForm

    def focus_field(self, name: str) -> None:
        widget = self.form.focus_field(name)
        if widget is not None:
            self.ensureWidgetVisible(widget, 50, 80)


class PlanTextsPage(FormPage):
    """Bakgrund and delaktighet, with drafts written from the analysis."""

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        header = PageHeader(self)
        header.set_text("Bakgrund och delaktighet",
                        "Problemen och orsakerna från nulägesanalysen som ledde fram till "
                        "utvecklingsområdena, och hur personal och elever deltog.")
        self.form = RecordForm(
            [FieldSpec("background", "Bakgrund", TEXT),
             FieldSpec("participation", "Delaktighet", TEXT)],
            validate_plan, lambda p: ctx.store.plans.save_texts(p, wait=False),
            ctx.autosaver, "plan", self, labels_above=True)
        draft_background = QPushButton("Skriv utkast till bakgrund från analysen", self)
        draft_background.clicked.connect(self.draft_background)
        draft_participation = QPushButton("Hämta delaktighet från analysen", self)
        draft_participation.clicked.connect(self.draft_participation)
        buttons = QHBoxLayout()
        buttons.addWidget(draft_background)
        buttons.addWidget(draft_participation)
        buttons.addStretch(1)
        self.body.addWidget(header)
        self.body.addLayout(buttons)
        self.body.addWidget(hint("Utkastet ersätter texten i fältet; Ctrl+Z i fältet tar "
                                 "tillbaka den tidigare texten.", self))
        self.body.addWidget(self.form)

    def show_plan(self, plan: ActionPlan) -> None:
        self.form.set_record(plan)

    def _replace_text(self, name: str, text: str) -> None:
        # Through the cursor, so the field's own undo can bring the old text back.
        field = self.form.widgets[name]
        cursor = field.textCursor()
        cursor.select(cursor.SelectionType.Document)
        cursor.insertText(text)
        field.setFocus()

    def draft_background(self) -> None:
        engagement_id = self.form.record().engagement_id
        text = background_text(self.ctx.store.plan_analysis.background_problems(engagement_id))
        if not text:
            self.window().statusBar().showMessage(
                "Nulägesanalysen har inga problem ännu att skriva bakgrunden från.", 8000)
            return
        self._replace_text("background", text)

    def draft_participation(self) -> None:
        engagement_id = self.form.record().engagement_id
        text = participation_text(*self.ctx.store.plan_analysis.participation(engagement_id))
        if not text:
            self.window().statusBar().showMessage(
                "Nulägesanalysen beskriver ännu inte hur personal och elever deltog.", 8000)
            return
        self._replace_text("participation", text)


class AreaPage(FormPage):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.header = PageHeader(self)
        self.form = RecordForm(
            [FieldSpec("title", "Utvecklingsområde"),
             FieldSpec("description", "Beskrivning", TEXT),
             FieldSpec("problem_ids", "Prioriterade problem", CHECKLIST,
                       placeholder="Nulägesanalysen har inga problem ännu.")],
            validate_area, lambda a: ctx.store.plans.save_area(a, wait=False),
            ctx.autosaver, "plan_area", self, labels_above=True)
        self.form.record_saved.connect(lambda a: self.header.set_text(a.title, self._subtitle))
        self.body.addWidget(self.header)
        self.body.addWidget(hint("Bocka i de problem i nulägesanalysen som området ska "
                                 "lösa. Lägg till insatser i listan till vänster.", self))
        self.body.addWidget(self.form)

    def show_area(self, area: DevelopmentArea, number: int) -> None:
        n = len(area.interventions)
        self._subtitle = f"Utvecklingsområde {number} · {n} insats{'er' if n != 1 else ''}"
        self.header.set_text(area.title, self._subtitle)
        self.form.set_record(area)
        problems = self.ctx.store.plan_analysis.problems(area.engagement_id)
        self.form.set_choices("problem_ids", [
            (p.id, f"{n}. {p.title} ({p.level.label.lower()})")
            for n, p in enumerate(problems, start=1)])


class StrengthsRisksPage(FormPage):
    """Styrkor, risker with how to prevent them, and erfarenhetsspridning."""

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        repo = ctx.store.plans
        header = PageHeader(self)
        header.set_text("Styrkor, risker och erfarenhetsspridning",
                        "Tidigare framgångar att bygga vidare på, risker och hur de förebyggs, "
                        "och hur lärdomarna tas om hand och sprids.")
        self.form = RecordForm(
            [FieldSpec("strengths", "Styrkor", TEXT),
             FieldSpec("experience_spreading", "Erfarenhetsspridning", TEXT)],
            validate_plan, lambda p: repo.save_texts(p, wait=False), ctx.autosaver, "plan", self,
            labels_above=True)
        self.risks = RecordTable(
            [Column("risk", "Risk", stretch=True), Column("prevention", "Så förebyggs den",
                                                          stretch=True)],
            validate=validate_risk,
            save=lambda r: ctx.autosaver.schedule(("plan_risk", r.id),
                                                  lambda: repo.save_risk(r, wait=False)),
            create=self._new_risk, delete=self._delete_risk, add_label="Ny risk",
            empty_text="Inga risker ännu.", parent=self)
        self.body.addWidget(header)
        self.body.addWidget(self.form)
        self.body.addWidget(hint("Risker:", self))
        self.body.addWidget(self.risks)

    def show_plan(self, plan: ActionPlan) -> None:
        self.engagement_id = plan.engagement_id
        self.form.set_record(plan)
        self.risks.set_records(plan.risks)

    def _new_risk(self) -> Risk:
        repo = self.ctx.store.plans
        r = Risk(engagement_id=self.engagement_id, risk="Ny risk",
                 position=repo.next_position("plan_risks", "engagement_id", self.engagement_id))
        repo.save_risk(r)
        return r

    def _delete_risk(self, r: Risk) -> bool:
        if not confirm_delete(self, "Ta bort risk", f"Ta bort risken ”{r.risk}”?"):
            return False
        self.ctx.autosaver.flush()
        self.ctx.store.plans.delete_risk(r.id)
        return True
