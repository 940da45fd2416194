"""Editors for one problem, cause or piece of evidence: autosaved forms, with the
note a record came from (a link that opens it in its meeting)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.analysis import (
    ProblemLevel,
    Strength,
    validate_cause,
    validate_evidence,
    validate_problem,
)
from ...domain.analysis_snapshot import evidence_kind, note_label
from ..common.context import AppContext
from ..common.record_form import COMBO, TEXT, FieldSpec, RecordForm
from ..common.theme import themed
from ..common.widgets import hint, section_title

PROBLEM_FIELDS = [
    FieldSpec("level", "Nivå", COMBO, [(lv, lv.label) for lv in ProblemLevel]),
    FieldSpec("title", "Problemformulering", TEXT,
              placeholder="Ett problem som skolenheten kan påverka"),
    FieldSpec("results_link", "Koppling till elevernas resultat", TEXT,
              placeholder="Vilka resultat visar problemet? Till exempel: meritvärdet 197 mot "
                          "rikets 229 (2025)."),
    FieldSpec("description", "Beskrivning", TEXT),
]
CAUSE_FIELDS = [FieldSpec("text", "Orsak", TEXT, placeholder="Ett antagande om varför problemet "
                                                              "finns")]
EVIDENCE_FIELDS = [
    FieldSpec("text", "Egen text", TEXT,
              placeholder="Forskning, beprövad erfarenhet eller annat som styrker orsaken; "
                          "behövs inte när belägget pekar på en anteckning eller ett underlag"),
    FieldSpec("strength", "Styrka", COMBO, [(s, s.label) for s in Strength]),
    FieldSpec("comment", "Kommentar", TEXT, placeholder="Vad visar belägget?"),
]


class OriginLabel(QLabel):
    """'Från anteckning 2026-09-08 (rektor): …  Visa' — the link opens the note."""

    open_note = Signal(str, str)   # meeting id, note id

    def __init__(self, parent=None):
        super().__init__(parent)
        themed(self, "hint")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.linkActivated.connect(self._open)
        self._target = ("", "")

    def show_note(self, store, note_id: str | None, with_text: bool = True) -> None:
        note = store.notes.get(note_id) if note_id else None
        if note is None:
            self.hide()
            return
        self._target = (note.meeting_id, note.id)
        text = f"Från anteckning {html.escape(note_label(note, 200))} &nbsp;" if with_text else ""
        self.setText(f"{text}<a href='open'>Visa anteckningen i mötet</a>")
        self.show()

    def _open(self, _href: str) -> None:
        self.open_note.emit(*self._target)


class _Editor(QWidget):
    saved = Signal(object)

    def __init__(self, ctx: AppContext, title: str, specs, validate, save, key: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.title = section_title(title, self)
        self.form = RecordForm(specs, validate, save, ctx.autosaver, key, self)
        self.form.record_saved.connect(self.saved)
        self.origin = OriginLabel(self)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.title)

    def finish(self, *extra: QWidget) -> None:
        for w in (*extra, self.form, self.origin):
            self.layout_.addWidget(w)
        self.layout_.addStretch(1)

    def record(self):
        return self.form.record()


class ProblemEditor(_Editor):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(ctx, "Problem", PROBLEM_FIELDS, validate_problem,
                         lambda p: ctx.store.analysis.save_problem(p, wait=False), "problem",
                         parent)
        self.finish(hint("Varje problem ska vara kopplat till elevernas resultat och gälla "
                         "något som skolenheten kan påverka.", self))

    def set_record(self, p) -> None:
        self.form.set_record(p)
        self.origin.show_note(self.ctx.store, p.note_id)


class CauseEditor(_Editor):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(ctx, "Orsak", CAUSE_FIELDS, validate_cause,
                         lambda c: ctx.store.analysis.save_cause(c, wait=False), "cause", parent)
        self.addressed = hint("", self)
        self.finish(hint("Ett antagande om varför problemet finns. Sök belägg för det i "
                         "nyckeltal, underlag, anteckningar och forskning.", self))
        self.layout_.insertWidget(self.layout_.count() - 1, self.addressed)

    def set_record(self, c, candidate_titles: list[str]) -> None:
        self.form.set_record(c)
        self.origin.show_note(self.ctx.store, c.note_id)
        self.addressed.setText(
            "Insatser som möter orsaken: " + "; ".join(candidate_titles) if candidate_titles
            else "Ingen tänkbar insats möter orsaken ännu (se fliken Insatser).")


class EvidenceEditor(_Editor):
    change_link = Signal()

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(ctx, "Belägg", EVIDENCE_FIELDS, validate_evidence,
                         lambda e: ctx.store.analysis.save_evidence(e, wait=False), "evidence",
                         parent)
        self.target = QLabel(self)
        self.target.setWordWrap(True)
        self.target.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.change = QPushButton("Byt koppling…", self)
        self.change.setToolTip("Koppla belägget till en annan anteckning, ett nyckeltal, ett "
                               "underlag eller ett beslut – eller till egen text")
        self.change.clicked.connect(self.change_link)
        row = QHBoxLayout()
        row.addWidget(self.target, 1)
        row.addWidget(self.change, 0, Qt.AlignmentFlag.AlignTop)
        box = QWidget(self)
        box.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        self.finish(box)

    def set_record(self, e, label: str) -> None:
        self.form.set_record(e)
        self.target.setText(f"<b>{evidence_kind(e)}:</b> {html.escape(label)}"
                            if e.references else "<b>Egen text</b> (pekar inte på något "
                                                 "underlag)")
        self.origin.show_note(self.ctx.store, e.note_id, with_text=False)
