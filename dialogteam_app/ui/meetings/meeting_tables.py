"""A meeting's participants, prepared questions, and decisions and tasks: one table
each, on a tab of its own that is built when first shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from ...domain.meetings import (
    Participant,
    Question,
    Role,
    Task,
    TaskKind,
    validate_participant,
    validate_question,
    validate_task,
)
from ..common.context import AppContext
from ..common.dialogs import confirm_delete
from ..common.record_form import COMBO, DATE
from ..common.record_table import CHECK, Column, RecordTable

ROLE_CHOICES = [(r, r.label) for r in Role]


def make_meeting_table(key: str, ctx: AppContext, meeting_id: Callable[[], str],
                       parent: QWidget) -> tuple[RecordTable, str]:
    """The table for `key` (one of meeting_view.TABLE_TABS) and the hint shown above it."""
    meetings, autosaver = ctx.store.meetings, ctx.autosaver

    def autosave(kind: str, save: Callable[..., None]) -> Callable[[Any], None]:
        return lambda rec: autosaver.schedule((kind, rec.id), lambda: save(rec, wait=False))

    def delete_row(record: Any, delete: Callable[[str], Any], name: str) -> bool:
        if not confirm_delete(parent, "Ta bort", f"Ta bort {name}?"):
            return False
        autosaver.flush()
        delete(record.id)
        return True

    def new_row(kind: type, table: str, save: Callable[[Any], None], **values: str) -> Any:
        record = kind(meeting_id=meeting_id(),
                      position=meetings.next_position(table, meeting_id()), **values)
        save(record)
        return record

    if key == "participants":
        return RecordTable(
            [Column("name", "Namn", stretch=True), Column("role", "Roll", COMBO, ROLE_CHOICES),
             Column("organisation", "Organisation", stretch=True)],
            validate=validate_participant,
            save=autosave("participant", meetings.save_participant),
            create=lambda: new_row(Participant, "participants", meetings.save_participant,
                                   name="Ny deltagare"),
            delete=lambda p: delete_row(p, meetings.delete_participant, p.name),
            add_label="Ny deltagare", empty_text="Inga deltagare ännu.", parent=parent,
        ), "Vilka som deltog, med roll och organisation."
    if key == "questions":
        return RecordTable(
            [Column("text", "Fråga", stretch=True), Column("asked", "Ställd", CHECK)],
            validate=validate_question, save=autosave("question", meetings.save_question),
            create=lambda: new_row(Question, "questions", meetings.save_question,
                                   text="Ny fråga"),
            delete=lambda q: delete_row(q, meetings.delete_question, "frågan"),
            add_label="Ny fråga", empty_text="Inga förberedda frågor.", parent=parent,
        ), "Fördjupande och utmanande frågor att ställa. Bocka i när de är ställda."
    return RecordTable(
        [Column("kind", "Typ", COMBO, [(k, k.label) for k in TaskKind]),
         Column("text", "Vad", stretch=True), Column("who", "Vem"),
         Column("due", "Klart senast", DATE), Column("done", "Klar", CHECK)],
        validate=validate_task, save=autosave("task", meetings.save_task),
        create=lambda: new_row(Task, "tasks", meetings.save_task, text="Ny uppgift"),
        delete=lambda t: delete_row(t, meetings.delete_task, "raden"),
        add_label="Nytt beslut/uppgift", empty_text="Inga beslut eller uppgifter ännu.",
        parent=parent,
    ), "Vem gör vad, och när ska det vara klart?"
