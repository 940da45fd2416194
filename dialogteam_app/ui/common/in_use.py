"""Refusing, with its reason, a delete that would leave evidence in the
nulägesanalys pointing at nothing (a note, meeting, skolenhet, key figure, …)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...store.evidence_links import describe_uses
from ...store.store import Store
from .dialogs import show_error


def refused_because_in_use(parent: QWidget | None, store: Store, table: str,
                           record_ids: list[str]) -> bool:
    """True (after saying why) when deleting any of the records would orphan evidence."""
    uses = [u for record_id in record_ids
            for u in store.analysis.uses_blocking_delete(table, record_id)]
    if uses:
        show_error(parent, "Kan inte tas bort", describe_uses(uses))
    return bool(uses)
