"""The dialogue team: processtödjare who can be responsible for engagements."""

from __future__ import annotations

from PySide6.QtCore import Signal

from ...domain.team import Supporter, validate_supporter
from ..common.context import AppContext
from ..common.dialogs import confirm_delete
from ..common.record_table import Column, RecordTable
from ..common.widgets import PageHeader, ScrollPage, hint

COLUMNS = [
    Column("name", "Namn", stretch=True),
    Column("team", "Team"),
    Column("email", "E-post", stretch=True),
    Column("phone", "Telefon"),
]


class TeamView(ScrollPage):
    changed = Signal()

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        repo = ctx.store.supporters
        header = PageHeader(self)
        header.set_text("Dialogteamet", "Processtödjare som kan vara ansvariga för en samverkan")
        self.table = RecordTable(
            COLUMNS, validate=validate_supporter,
            save=lambda s: ctx.autosaver.schedule(("supporter", s.id),
                                                  lambda: repo.save(s, wait=False)),
            create=self._new, delete=self._delete, add_label="Ny processtödjare",
            empty_text="Inga processtödjare ännu. Lägg till dig själv och dina kollegor.",
            parent=self)
        self.table.changed.connect(self.changed)
        self.body.addWidget(header)
        self.body.addWidget(hint("Dubbelklicka i en cell för att ändra den. "
                                 "Ändringar sparas direkt.", self))
        self.body.addWidget(self.table)
        from ..follow_up.team_overview import TeamOverview
        self.overview = TeamOverview(ctx, self)
        self.body.addWidget(self.overview)

    def reload(self) -> None:
        self.table.set_records(self.ctx.store.supporters.list())
        self.overview.reload()

    def _new(self) -> Supporter:
        s = Supporter(name="Ny processtödjare")
        self.ctx.store.supporters.save(s)
        return s

    def _delete(self, s: Supporter) -> bool:
        responsible = [e for e in self.ctx.store.engagements.list() if e.responsible_id == s.id]
        text = f"Ta bort {s.name}?"
        if responsible:
            text += (f" {s.name} är ansvarig för {len(responsible)} samverkan, "
                     "som då står utan ansvarig processtödjare.")
        if not confirm_delete(self, "Ta bort processtödjare", text):
            return False
        self.ctx.autosaver.flush()
        self.ctx.store.supporters.delete(s.id)
        return True
