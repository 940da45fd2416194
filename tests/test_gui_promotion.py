"""Lifting tagged notes into the analysis from a meeting, and the guard that keeps
notes (and what holds them) that are evidence from being deleted."""

import pytest
from helpers.analysis_world import dangling_links
from helpers.qt_helpers import answer_next_dialog, type_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_gui_analysis import on_next_dialog, stored

from dialogteam_app.domain.analysis import ProblemLevel, Strength
from dialogteam_app.sample_data import sample_id
from dialogteam_app.ui.analysis.promote_dialog import PromoteDialog
from dialogteam_app.ui.window.navigator import ENGAGEMENT, MEETING, ORGANISER


@pytest.fixture
def meeting(window):
    window.open_sample()
    return window.meeting_view


def activate(window):
    """Back from a dialog: focus and shortcuts need the main window active again."""
    window.activateWindow()
    QApplication.processEvents()


def open_note(window, meeting_key, note_key):
    activate(window)
    window.open_meeting(sample_id(f"meeting-{meeting_key}"), sample_id(f"note-{note_key}"))
    view = window.meeting_view
    assert view.notes.hasFocus()
    return view


def lift(view, act):
    """Ctrl+Shift+L on the selected note, act(dialog) in the dialog that opens."""
    activate(view.window())
    opened = []
    on_next_dialog(PromoteDialog, lambda dialog: (opened.append(dialog), act(dialog)))
    QTest.keyClick(view.notes, Qt.Key_L, Qt.ControlModifier | Qt.ShiftModifier)
    assert opened, "the dialog did not open"


def test_a_problem_note_becomes_a_problem_on_the_chosen_level(window, meeting, data_paths):
    view = open_note(window, "m4", "m4-2")
    assert "▸" not in view.model.data(view.notes.currentIndex(), Qt.UserRole + 10)

    def choose(dialog):
        assert dialog.problem_title.text().startswith("Andelen elever i åk 9 som är behöriga")
        dialog.level.setCurrentIndex(list(ProblemLevel).index(ProblemLevel.RESULTS))
        dialog.problem_title.setText("Behörigheten till yrkesprogram sjunker")
        dialog.ok.click()
    lift(view, choose)
    problems = stored(data_paths).analysis.problems(sample_id("engagement"))
    new = problems[-1]
    assert (new.title, new.level, new.note_id, new.priority) == (
        "Behörigheten till yrkesprogram sjunker", ProblemLevel.RESULTS, sample_id("note-m4-2"), 3)
    assert "Andelen elever i åk 9" in new.description
    assert "▸" in view.model.data(view.notes.currentIndex(), Qt.UserRole + 10)
    assert "Problemet ”Behörigheten" in window.statusBar().currentMessage()


def test_a_cause_note_goes_under_the_chosen_problem(window, meeting, data_paths):
    view = open_note(window, "m2", "m2-5")

    def choose(dialog):
        dialog.problem.setCurrentIndex(1)      # the second problem in priority order
        dialog.ok.click()
    lift(view, choose)
    causes = stored(data_paths).analysis.causes(sample_id("problem-organisation"))
    assert causes[-1].note_id == sample_id("note-m2-5")
    assert causes[-1].text.startswith("Extra anpassningar sätts in sent")


def test_an_evidence_note_supports_the_chosen_cause(window, meeting, data_paths):
    view = open_note(window, "m3", "m3-4")

    def choose(dialog):
        labels = [dialog.cause.itemText(i) for i in range(dialog.cause.count())]
        dialog.cause.setCurrentIndex(next(i for i, t in enumerate(labels) if "Rektorerna saknar stöd" in t))
        dialog.strength.setCurrentIndex(list(Strength).index(Strength.STRONG))
        dialog.ok.click()
    lift(view, choose)
    s = stored(data_paths)
    evidence = s.analysis.evidence(sample_id("cause-no-analysis"))
    assert [(e.note_id, e.strength) for e in evidence] == [(sample_id("note-m3-4"), Strength.STRONG)]
    assert len(s.analysis.traceability(sample_id("engagement")).gaps) == 1   # a gap closed


def test_an_idea_note_becomes_a_candidate_and_a_twice_tagged_note_asks_which(window, meeting,
                                                                             data_paths):
    view = open_note(window, "m2", "m2-9")      # tagged elevröst and belägg: only belägg lifts

    def already(dialog):
        assert not dialog.kind.isVisibleTo(dialog)
        assert dialog.ok.isEnabled()
        labels = [dialog.cause.itemText(i) for i in range(dialog.cause.count())]
        dialog.cause.setCurrentIndex(next(i for i, t in enumerate(labels) if "bedömning" in t))
        assert "redan belägg" in dialog.error.text() and not dialog.ok.isEnabled()
        dialog.reject()
    lift(view, already)

    view = open_note(window, "m1", "m1-8")

    def idea(dialog):
        assert dialog.candidate_title.text() == \
            "Nämnden vill ha en resultatdialog med varje rektor i november och mars."
        dialog.ok.click()
    lift(view, idea)
    candidate = stored(data_paths).candidates.list(sample_id("engagement"))[-1]
    assert candidate.note_id == sample_id("note-m1-8") and candidate.cause_ids == []

    note = view.notes.selected_notes()[0]
    activate(window)
    view.notes.setFocus()
    QTest.keyClick(view.notes, Qt.Key_2, Qt.ControlModifier)   # also tag it problem: it asks
    assert "problem" in view.notes.selected_notes()[0].tags

    def as_problem(dialog):
        assert dialog.kind.isVisibleTo(dialog) and dialog.kind.count() == 2
        dialog.kind.setCurrentIndex(0)
        dialog.ok.click()
    lift(view, as_problem)
    assert stored(data_paths).analysis.problems(sample_id("engagement"))[-1].note_id == note.id


def test_a_note_without_an_analysis_tag_is_not_lifted(window, meeting, data_paths):
    view = open_note(window, "m1", "m1-3")          # citat
    seen = []
    answer_next_dialog("OK", seen)
    QTest.keyClick(view.notes, Qt.Key_L, Qt.ControlModifier | Qt.ShiftModifier)
    assert "Tagga anteckningen först" in seen[0]


def test_a_note_that_is_evidence_cannot_be_deleted_or_undone_away(window, meeting, data_paths):
    view = open_note(window, "m2", "m2-4")
    seen = []
    answer_next_dialog("OK", seen)
    QTest.keyClick(view.notes, Qt.Key_Delete)
    assert seen[0].startswith("Anteckningen används som belägg i nulägesanalysen")
    assert "Lärarna planerar och följer upp" in seen[0]
    assert view.model.row_of(sample_id("note-m2-4")) >= 0
    assert stored(data_paths).notes.get(sample_id("note-m2-4")) is not None

    # A note just typed, lifted as evidence, then Ctrl+Z: the undo is refused too.
    view.capture.edit.setFocus()
    view.capture.toggle_tag(4)                                        # belägg (Ctrl+4)
    type_text(view.capture.edit, "Schemat ger arbetslaget 40 minuter i veckan.")
    QTest.keyClick(view.capture.edit, Qt.Key_Return)
    added = view.model.notes()[-1]
    window.ctx.autosaver.flush()
    view.select_note(added.id)
    lift(view, lambda dialog: dialog.ok.click())
    answer_next_dialog("OK", seen)
    view.capture.edit.setFocus()
    QTest.keyClick(view.capture.edit, Qt.Key_Z, Qt.ControlModifier)
    assert "används som belägg" in seen[-1]
    assert view.model.row_of(added.id) >= 0
    window.ctx.autosaver.flush()
    assert stored(data_paths).notes.get(added.id) is not None
    assert window.ctx.autosaver.last_error == ""


def test_an_unused_note_is_deleted_as_before(window, meeting, data_paths):
    view = open_note(window, "m2", "m2-1")
    QTest.keyClick(view.notes, Qt.Key_Delete)
    window.ctx.autosaver.flush()
    assert stored(data_paths).notes.get(sample_id("note-m2-1")) is None


def test_a_meeting_or_skolenhet_holding_evidence_is_not_deleted(window, meeting, data_paths):
    window.navigator.select(MEETING, sample_id("meeting-m2"))
    window.navigator.setFocus()
    seen = []
    answer_next_dialog("OK", seen)
    window.act_delete.trigger()
    assert seen[0].startswith("Det som skulle tas bort används som belägg i nulägesanalysen "
                              "(4 anteckningar):")
    assert stored(data_paths).meetings.get(sample_id("meeting-m2")) is not None

    window.navigator.select(ORGANISER, sample_id("organiser"))
    units = window.organiser_view.units
    row = next(i for i, u in enumerate(units.model.records()) if u.id == sample_id("unit-alviken"))
    units.view.setCurrentIndex(units.model.index(row, 0))
    answer_next_dialog("OK", seen)
    units.remove_selected()
    assert seen[1].startswith("Det som skulle tas bort används som belägg i nulägesanalysen "
                              "(1 nyckeltal, 1 beslut från Skolinspektionen):")
    assert stored(data_paths).organisers.get_unit(sample_id("unit-alviken")) is not None


def test_the_whole_engagement_can_still_be_deleted(window, meeting, data_paths):
    window.navigator.select(ENGAGEMENT, sample_id("engagement"))
    window.navigator.setFocus()
    seen = []
    answer_next_dialog("Ta bort", seen)
    window.act_delete.trigger()
    assert "3 problem" in seen[0] and "12 belägg" in seen[0]
    s = stored(data_paths)
    assert s.engagements.get(sample_id("engagement")) is None
    assert dangling_links(s) == []
