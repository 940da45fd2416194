"""From a meeting note to an insats's progress log (the notes' context menu): choose
the insats of the signed ÖK 2; the entry keeps the note's date, text and a link."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from ...domain.errors import ValidationError
from ...domain.follow_up import LogEntry
from ...domain.notes import Note
from ...store.store import Store
from ..common.dialogs import show_error


def insats_titles(store: Store, engagement_id: str) -> dict[str, str]:
    """Title -> terms id of the insatser followed in this samverkan (none: no signed ÖK 2)."""
    snap = store.follow_up.snapshot(engagement_id)
    return {i.terms.title: i.terms.id for i in snap.insatser} if snap else {}


def log_note_in_insats(parent: QWidget, store: Store, note: Note) -> str | None:
    """Ask which insats; returns what was done (for the status line) or None."""
    titles = insats_titles(store, note.engagement_id)
    if not titles:
        show_error(parent, "Lägg i en insats logg",
                   "Samverkan har ingen undertecknad ÖK 2 med insatser att följa upp.")
        return None
    title, ok = QInputDialog.getItem(parent, "Lägg i en insats logg",
                                     "Vilken insats gäller anteckningen?", list(titles), 0, False)
    if not ok:
        return None
    entry = LogEntry(titles[title], note.taken_at[:10], note.body.strip(), note_id=note.id)
    try:
        store.follow_up.save_log(entry)
    except ValidationError as exc:
        show_error(parent, "Anteckningen lades inte i loggen", str(exc))
        return None
    return f"Anteckningen finns nu i loggen för {title}."
