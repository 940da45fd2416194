"""A checklist of a huvudman's skolenheter (for engagements and meetings)."""

from __future__ import annotations

from ...domain.organisations import SchoolUnit
from .checklist import Checklist


class UnitChecklist(Checklist):
    def __init__(self, parent=None):
        super().__init__("Huvudmannen har inga skolenheter ännu.", parent)
        self.setAccessibleName("Skolenheter")

    def set_units(self, units: list[SchoolUnit], selected_ids: list[str]) -> None:
        self.set_items([(u.id, u.display_name) for u in units], selected_ids)
