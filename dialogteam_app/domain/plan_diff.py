"""What changed between two exported versions of a plan (or since the last one).

Works on PlanDocuments, so it compares exactly what was sent. Areas are matched
by title, interventions by title within their area; a renamed one shows as
removed and added, which is what a reader of the two PDFs would see too.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from typing import Protocol, TypeVar

from .money import format_tkr
from .plan import INTERVENTION_TEXT_LABELS
from .plan_document import DocArea, DocIntervention, PlanDocument

ADDED, REMOVED, CHANGED = "tillagt", "borttaget", "ändrat"

PLAN_FIELDS = {
    "background": "Bakgrund", "participation": "Delaktighet", "strengths": "Styrkor",
    "experience_spreading": "Erfarenhetsspridning",
}
AREA_FIELDS = {"description": "Beskrivning", "problems": "Problem"}
INTERVENTION_FIELDS = {
    **INTERVENTION_TEXT_LABELS,
    "school_units": "Skolenheter", "approx_participants": "Ungefärligt antal deltagare",
    "start": "Start", "end": "Slut", "milestones": "Delmål", "costs": "Kostnader",
    "causes": "Orsaker", "factors": "Framgångsfaktorer", "total_kr": "Kostnad totalt",
}


@dataclass(frozen=True)
class Change:
    where: str        # "IT › Verksamhetsutvecklare › Mål på kort sikt"
    kind: str         # ADDED / REMOVED / CHANGED
    before: str = ""
    after: str = ""


class _Titled(Protocol):
    @property
    def title(self) -> str: ...


_T = TypeVar("_T", bound=_Titled)


def _show(value: object) -> str:
    if isinstance(value, list):
        return "\n".join(_show(v) for v in value)
    if is_dataclass(value):
        return " · ".join(_show(getattr(value, f.name)) for f in fields(value)
                          if getattr(value, f.name) not in ("", None))
    return "" if value is None else str(value)


def _compare(where: str, old: object, new: object, names: dict[str, str]) -> list[Change]:
    changes: list[Change] = []
    for name, label in names.items():
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            if name == "total_kr":
                a, b = format_tkr(a), format_tkr(b)
            changes.append(Change(f"{where} › {label}", CHANGED, _show(a), _show(b)))
    return changes


def _by_title(items: list[_T]) -> dict[str, _T]:
    return {item.title: item for item in items}


def diff_documents(old: PlanDocument, new: PlanDocument) -> list[Change]:
    changes = _compare("Planen", old, new, PLAN_FIELDS)
    old_areas, new_areas = _by_title(old.areas), _by_title(new.areas)
    for title, area in new_areas.items():
        if title not in old_areas:
            changes.append(Change(f"Utvecklingsområde {title}", ADDED,
                                  after=f"{len(area.interventions)} insatser"))
            continue
        changes += _diff_area(old_areas[title], area)
    for title in old_areas:
        if title not in new_areas:
            changes.append(Change(f"Utvecklingsområde {title}", REMOVED))
    if [d.risk for d in old.risks] != [d.risk for d in new.risks] or \
            [d.prevention for d in old.risks] != [d.prevention for d in new.risks]:
        changes.append(Change("Risker", CHANGED, _show(old.risks), _show(new.risks)))
    if old.total_kr != new.total_kr:
        changes.append(Change("Kostnad för hela planen", CHANGED, format_tkr(old.total_kr),
                              format_tkr(new.total_kr)))
    return changes


def _diff_area(old: DocArea, new: DocArea) -> list[Change]:
    changes = _compare(new.title, old, new, AREA_FIELDS)
    old_items, new_items = _by_title(old.interventions), _by_title(new.interventions)
    for title, item in new_items.items():
        where = f"{new.title} › {title}"
        if title not in old_items:
            changes.append(Change(where, ADDED, after=item.description[:200]))
        else:
            changes += _diff_intervention(where, old_items[title], item)
    for title in old_items:
        if title not in new_items:
            changes.append(Change(f"{new.title} › {title}", REMOVED))
    return changes


def _diff_intervention(where: str, old: DocIntervention, new: DocIntervention) -> list[Change]:
    return _compare(where, old, new, INTERVENTION_FIELDS)
