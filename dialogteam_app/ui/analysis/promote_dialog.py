"""Lift a tagged note into the analysis in one step: a problem (choose its level),
a cause (choose its problem), evidence (choose its cause) or a candidate
intervention. The new record keeps the link to the note."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.analysis import ProblemLevel, Strength, validate_candidate, validate_problem
from ...domain.notes import Note, Tag
from ...domain.promotion import (
    PROMOTED_AS,
    candidate_from_note,
    cause_from_note,
    evidence_from_note,
    problem_from_note,
    promotable_tags,
    suggested_title,
)
from ...domain.text import shorten
from ...store.store import Store
from ..common.dialogs import show_info
from ..common.record_form import ErrorLabel
from ..common.widgets import accept_reject_buttons, hint


def promote_note(parent: QWidget, store: Store, note: Note) -> str | None:
    """Ask the one thing needed and save; returns what was done (Swedish) or None."""
    if not promotable_tags(note):
        show_info(parent, "Lyft till analysen",
                  "Bara anteckningar taggade problem, orsak, belägg eller idé till insats kan "
                  "lyftas till analysen. Tagga anteckningen först (Ctrl+2 … Ctrl+5).")
        return None
    dialog = PromoteDialog(store, note, parent)
    try:
        return dialog.done_text if dialog.exec() else None
    finally:
        dialog.deleteLater()


def _combo(parent: QWidget) -> QComboBox:
    """A drop-down as wide as the dialog, not as its longest line."""
    combo = QComboBox(parent)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(40)
    return combo


def _form(parent: QWidget, *rows) -> QWidget:
    page = QWidget(parent)
    form = QFormLayout(page)
    form.setContentsMargins(0, 0, 0, 0)
    for label, widget in rows:
        form.addRow(label, widget)
    return page


class PromoteDialog(QDialog):
    def __init__(self, store: Store, note: Note, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Lyft till analysen")
        self.setMinimumWidth(720)
        self.store, self.note = store, note
        self.done_text = ""
        self.kinds = promotable_tags(note)
        snap = store.analysis.snapshot(note.engagement_id)
        self._problems = snap.problems
        self._used_for = {e.cause_id for e in snap.evidence if e.note_id == note.id}

        quote = QLabel(f"<i>{html.escape(shorten(note.body, 400))}</i>", self)
        quote.setWordWrap(True)
        self.kind = QComboBox(self)
        for tag in self.kinds:
            self.kind.addItem(f"{PROMOTED_AS[tag].capitalize()} (taggad {tag.label})")
        self.kind.setVisible(len(self.kinds) > 1)

        self.level = QComboBox(self)
        for lv in ProblemLevel:
            self.level.addItem(lv.label)
        self.problem_title = QLineEdit(suggested_title(note, Tag.PROBLEM), self)
        self.problem_title.setCursorPosition(0)
        self.problem = _combo(self)
        for p in self._problems:
            self.problem.addItem(f"{snap.rank(p.id)}. {shorten(p.title, 110)}")
        # Causes under their problems; a problem's own line cannot be chosen.
        self.cause = _combo(self)
        self._causes: list = []
        for p in self._problems:
            self.cause.addItem(f"{snap.rank(p.id)}. {shorten(p.title, 100)}")
            self.cause.model().item(self.cause.count() - 1).setEnabled(False)
            self._causes.append(None)
            for c in snap.causes_of(p.id):
                self.cause.addItem(f"      {shorten(c.text, 100)}")
                self._causes.append(c)
        if any(self._causes):
            self.cause.setCurrentIndex(next(i for i, c in enumerate(self._causes) if c))
        self.strength = QComboBox(self)
        self._strengths = list(Strength)
        for s in self._strengths:
            self.strength.addItem(s.label)
        self.strength.setCurrentIndex(self._strengths.index(Strength.MODERATE))
        self.candidate_title = QLineEdit(suggested_title(note, Tag.IDEA), self)
        self.candidate_title.setCursorPosition(0)

        self.pages = QStackedWidget(self)
        self._page = {
            Tag.PROBLEM: _form(self, ("&Nivå:", self.level), ("&Problemformulering:",
                                                               self.problem_title)),
            Tag.CAUSE: _form(self, ("&Hör till problemet:", self.problem),
                             ("", hint("Orsakens text blir anteckningens text.", self))),
            Tag.EVIDENCE: _form(self, ("Belägg för &orsaken:", self.cause),
                                ("&Styrka:", self.strength)),
            Tag.IDEA: _form(self, ("&Insats:", self.candidate_title)),
        }
        for page in self._page.values():
            self.pages.addWidget(page)
        self.error = ErrorLabel(self)
        self.buttons, self.ok = accept_reject_buttons(self, "Lyft till analysen")

        layout = QVBoxLayout(self)
        layout.addWidget(quote)
        if len(self.kinds) > 1:
            layout.addWidget(_form(self, ("&Lyft som:", self.kind)))
        layout.addWidget(self.pages)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.cause.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._kind_changed()

    def chosen(self) -> Tag:
        return self.kinds[self.kind.currentIndex()]

    def _kind_changed(self) -> None:
        tag = self.chosen()
        self.pages.setCurrentWidget(self._page[tag])
        blocked = ""
        if tag is Tag.CAUSE and not self._problems:
            blocked = "Det finns inga problem i analysen ännu. Lyft först en anteckning " \
                      "taggad problem, eller lägg till problemet under Nulägesanalys → Analys."
        elif tag is Tag.EVIDENCE and not any(self._causes):
            blocked = "Det finns inga orsaker i analysen ännu att styrka. Lyft först en " \
                      "anteckning taggad orsak."
        elif tag is Tag.EVIDENCE and self._causes[self.cause.currentIndex()].id in self._used_for:
            blocked = "Anteckningen är redan belägg för den orsaken."
        self.error.show_message(blocked or None)
        self.ok.setEnabled(not blocked)

    def accept(self) -> None:
        tag, note, analysis = self.chosen(), self.note, self.store.analysis
        if tag is Tag.PROBLEM:
            record = problem_from_note(note, list(ProblemLevel)[self.level.currentIndex()],
                                       self.problem_title.text(),
                                       analysis.next_priority(note.engagement_id))
            problems = validate_problem(record)
            save = analysis.save_problem
            done = f"Problemet ”{shorten(record.title, 60)}” lades till"
        elif tag is Tag.CAUSE:
            problem = self._problems[self.problem.currentIndex()]
            record = cause_from_note(note, problem.id, analysis.next_cause_position(problem.id))
            problems, save = [], analysis.save_cause
            done = f"Orsaken lades till under problemet ”{shorten(problem.title, 60)}”"
        elif tag is Tag.EVIDENCE:
            cause = self._causes[self.cause.currentIndex()]
            record = evidence_from_note(note, cause.id,
                                        self._strengths[self.strength.currentIndex()],
                                        analysis.next_evidence_position(cause.id))
            problems, save = [], analysis.save_evidence
            done = f"Anteckningen är nu belägg för orsaken ”{shorten(cause.text, 60)}”"
        else:
            record = candidate_from_note(note, self.candidate_title.text(),
                                         self.store.candidates.next_position(note.engagement_id))
            problems = validate_candidate(record)
            save = self.store.candidates.save
            done = f"Den tänkbara insatsen ”{shorten(record.title, 60)}” lades till"
        if problems:
            self.error.show_message(problems[0].message)
            return
        try:
            save(record)
        except ValueError as exc:   # e.g. the note was deleted meanwhile
            self.error.show_message(str(exc))
            return
        self.done_text = done + " i nulägesanalysen."
        super().accept()
