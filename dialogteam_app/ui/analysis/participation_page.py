"""Delaktighet: how staff and students took part in the analysis."""

from __future__ import annotations

from ...domain.analysis import validate_participation
from ..common.context import AppContext
from ..common.record_form import TEXT, FieldSpec, RecordForm
from ..common.widgets import ScrollPage, hint, section_title

FIELDS = [
    FieldSpec("staff", "Personalens delaktighet", TEXT,
              placeholder="Hur har rektorer, lärare, elevhälsa och annan personal tagit del i "
                          "nulägesanalysen? När, i vilka forum, med vilket resultat?"),
    FieldSpec("students", "Elevernas delaktighet", TEXT,
              placeholder="Hur har elevernas synpunkter tagits tillvara? Elevråd, enkäter, "
                          "intervjuer, återkoppling till eleverna …"),
]


class ParticipationPage(ScrollPage):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.form = RecordForm(FIELDS, validate_participation,
                               lambda p: ctx.store.analysis.save_participation(p, wait=False),
                               ctx.autosaver, "participation", self)
        for name in ("staff", "students"):
            self.form.widgets[name].setMinimumWidth(420)
        self.body.addWidget(section_title("Delaktighet i analysen", self))
        self.body.addWidget(hint(
            "Förankring och delaktighet är förutsättningar för utvecklingsarbetet. Skolverket "
            "frågar hur personalen har deltagit och hur elevernas åsikter har tillvaratagits; "
            "texten följer med till åtgärdsplanens bakgrund.", self))
        self.body.addWidget(self.form)

    def show_engagement(self, engagement_id: str) -> None:
        self.ctx.autosaver.flush()
        self.form.set_record(self.ctx.store.analysis.participation(engagement_id))
