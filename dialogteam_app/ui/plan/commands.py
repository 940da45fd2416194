"""Structural changes to a plan as undoable commands: adding, deleting and
moving areas and interventions, and bringing candidates in from the analysis.
Each writes through the store and then redraws the plan's outline."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from ...domain.plan import DevelopmentArea, Intervention
from ...store.plan import Plans


class PlanEditor(Protocol):
    plans: Plans
    engagement_id: str

    def reload(self, select: tuple[str, str] | None = None) -> None: ...


class AddArea(QUndoCommand):
    def __init__(self, view: PlanEditor, area: DevelopmentArea):
        super().__init__(f"nytt utvecklingsområde ”{area.title}”")
        self.view, self.area = view, area

    def redo(self) -> None:
        self.view.plans.restore_area(self.area)
        self.view.reload(select=("area", self.area.id))

    def undo(self) -> None:
        # As it is now, with what was typed since, so that redo gives it back whole.
        self.view.reload()  # writes what is pending first
        self.area = self.view.plans.load(self.view.engagement_id).area(self.area.id) or self.area
        self.view.plans.delete_area(self.area.id)
        self.view.reload()


class DeleteArea(AddArea):
    """The area as it was, with every intervention, milestone and cost, comes back on undo."""

    def __init__(self, view: PlanEditor, area: DevelopmentArea):
        super().__init__(view, area)
        self.setText(f"ta bort ”{area.title}”")

    def redo(self) -> None:
        AddArea.undo(self)

    def undo(self) -> None:
        AddArea.redo(self)


class AddInterventions(QUndoCommand):
    """One new intervention, or several brought in from the analysis at once."""

    def __init__(self, view: PlanEditor, interventions: list[Intervention], text: str):
        super().__init__(text)
        self.view, self.interventions = view, interventions

    def redo(self) -> None:
        for i in self.interventions:
            self.view.plans.restore_intervention(i)
        self.view.reload(select=("intervention", self.interventions[-1].id))

    def undo(self) -> None:
        self.view.reload()  # writes what is pending first
        plan = self.view.plans.load(self.view.engagement_id)
        self.interventions = [plan.intervention(i.id) or i for i in self.interventions]
        for i in self.interventions:
            self.view.plans.delete_intervention(i.id)
        self.view.reload(select=("area", self.interventions[0].area_id))


class DeleteIntervention(AddInterventions):
    def __init__(self, view: PlanEditor, intervention: Intervention):
        super().__init__(view, [intervention], f"ta bort ”{intervention.title}”")

    def redo(self) -> None:
        AddInterventions.undo(self)

    def undo(self) -> None:
        AddInterventions.redo(self)


class Reorder(QUndoCommand):
    """A new order of areas, or of the interventions in one area."""

    def __init__(self, view: PlanEditor, kind: str, moved_id: str, before: list[str],
                 after: list[str]):
        super().__init__("flytta")
        self.view, self.kind, self.moved_id = view, kind, moved_id
        self.before, self.after = before, after

    def _apply(self, ids: list[str]) -> None:
        if self.kind == "area":
            self.view.plans.reorder_areas(ids)
        else:
            self.view.plans.reorder_interventions(ids)
        self.view.reload(select=(self.kind, self.moved_id))

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)
