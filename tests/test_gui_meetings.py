"""Taking notes in a meeting with the keyboard, as a processtödjare would."""

import pytest
from conftest import dispose
from helpers.qt_helpers import answer_next_dialog, type_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from dialogteam_app.sample_data import sample_id
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store
from dialogteam_app.ui.search.hit_delegate import HIT_ROLE, plain_snippet
from dialogteam_app.ui.window.navigator import MEETING, SEARCH


def db_notes(data_paths, meeting_id):
    with Database(data_paths.database) as db:
        return Store(db).notes.list(meeting_id)


@pytest.fixture
def meeting(window):
    window.open_sample()
    meeting_id = sample_id("meeting-m3")
    window.open_meeting(meeting_id)
    assert window.stack.currentWidget() is window.meeting_view
    return window.meeting_view


def enter(widget):
    QTest.keyClick(widget, Qt.Key_Return)


def test_type_tag_and_enter_adds_a_saved_note(window, meeting, data_paths):
    edit = meeting.capture.edit
    assert edit.hasFocus()
    before = meeting.model.rowCount()
    QTest.keyClick(edit, Qt.Key_2, Qt.ControlModifier)       # problem
    QTest.keyClick(edit, Qt.Key_T, Qt.ControlModifier)       # speaker: first role
    type_text(edit, "Läsförståelsen i åk 5 är svag #svenska")
    enter(edit)
    assert edit.toPlainText() == ""
    assert meeting.model.rowCount() == before + 1
    added = meeting.model.notes()[-1]
    assert added.tags == ["problem", "svenska"] and added.speaker_role == "politiker"
    window.ctx.autosaver.flush()
    stored = db_notes(data_paths, meeting.meeting.id)[-1]
    assert (stored.body, stored.tags) == ("Läsförståelsen i åk 5 är svag #svenska",
                                          ["problem", "svenska"])
    # tags are per note, the speaker stays for the next one
    assert meeting.capture.chosen_tags() == [] and meeting.capture.speaker() == "politiker"


def test_shift_enter_is_a_new_line_and_empty_enter_adds_nothing(meeting):
    edit = meeting.capture.edit
    before = meeting.model.rowCount()
    enter(edit)
    type_text(edit, "rad ett")
    QTest.keyClick(edit, Qt.Key_Return, Qt.ShiftModifier)
    type_text(edit, "rad två")
    assert edit.toPlainText() == "rad ett\nrad två"
    enter(edit)
    assert meeting.model.rowCount() == before + 1
    assert meeting.model.notes()[-1].body == "rad ett\nrad två"


def test_ctrl_z_in_the_empty_line_undoes_the_note_and_redo_brings_it_back(window, meeting, data_paths):
    edit = meeting.capture.edit
    count = meeting.model.rowCount()
    type_text(edit, "Ångra mig")
    enter(edit)
    QTest.keyClick(edit, Qt.Key_Z, Qt.ControlModifier)
    assert meeting.model.rowCount() == count
    window.ctx.autosaver.flush()
    assert "Ångra mig" not in [n.body for n in db_notes(data_paths, meeting.meeting.id)]
    QTest.keyClick(edit, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    window.ctx.autosaver.flush()
    assert db_notes(data_paths, meeting.meeting.id)[-1].body == "Ångra mig"


def test_delete_edit_and_retag_notes_with_undo(window, meeting, data_paths):
    first = meeting.model.notes()[0]
    meeting.select_note(first.id)
    assert meeting.notes.hasFocus()
    QTest.keyClick(meeting.notes, Qt.Key_3, Qt.ControlModifier)  # toggle orsak on the note
    assert "orsak" in meeting.model.notes()[0].tags
    QTest.keyClick(meeting.notes, Qt.Key_Delete)
    assert meeting.model.row_of(first.id) == -1
    window.act_undo.trigger()          # Edit ▸ Ångra acts on the focused notes list
    restored = meeting.model.notes()[0]
    assert restored.id == first.id and "orsak" in restored.tags
    meeting.model.setData(meeting.model.index(0), "Omskriven anteckning")
    assert meeting.model.notes()[0].body == "Omskriven anteckning"
    window.ctx.autosaver.flush()
    assert db_notes(data_paths, meeting.meeting.id)[0].body == "Omskriven anteckning"
    meeting.stack.undo()
    meeting.stack.undo()
    window.ctx.autosaver.flush()
    back = db_notes(data_paths, meeting.meeting.id)[0]
    assert (back.body, back.tags) == (first.body, first.tags)


def test_text_typed_but_not_entered_survives_a_restart(window, meeting, data_paths, qtbot):
    meeting_id = meeting.meeting.id
    type_text(meeting.capture.edit, "Halvfärdig mening om studiero")
    qtbot.waitUntil(lambda: Store(Database(data_paths.database)).notes.draft(meeting_id)
                    is not None, timeout=2000)
    window.close()
    window.ctx.store.close()

    from dialogteam_app.ui.app import open_main_window
    again = open_main_window(data_paths)
    again.show()
    again.open_meeting(meeting_id)
    assert again.meeting_view.capture.edit.toPlainText() == "Halvfärdig mening om studiero"
    dispose(again)


def test_too_long_note_is_kept_in_the_line_with_a_message(window, meeting):
    edit = meeting.capture.edit
    count = meeting.model.rowCount()
    edit.setPlainText("x" * 20_001)
    enter(edit)
    assert meeting.model.rowCount() == count
    assert edit.toPlainText() == "x" * 20_001
    assert "för lång" in window.save_status.text()


def test_new_meeting_and_delete_with_confirmation(window, data_paths):
    window.open_sample()
    window.navigator.select(MEETING, sample_id("meeting-m1"))
    window.act_new_meeting.trigger()
    new_id = window.meeting_view.meeting.id
    assert window.navigator.current() == (MEETING, new_id)
    type_text(window.meeting_view.form.widgets["title"], "Uppföljning med rektorerna")
    window.ctx.autosaver.flush()
    assert window.navigator.item_for(MEETING, new_id).text().endswith("Uppföljning med rektorerna")

    window.navigator.select(MEETING, sample_id("meeting-m3"))  # no evidence among its notes
    seen = []
    answer_next_dialog("Ta bort", seen)
    window.navigator.setFocus()
    window.act_delete.trigger()
    assert "6 anteckningar" in seen[0] and "deltagare" in seen[0]
    with Database(data_paths.database) as db:
        assert Store(db).meetings.get(sample_id("meeting-m3")) is None


def test_search_as_you_type_and_open_the_hit(window, qtbot):
    window.open_sample()
    window.act_search.trigger()
    assert window.navigator.current() == (SEARCH, "")
    view = window.search_view
    assert view.query.hasFocus()
    type_text(view.query, "studiehandl")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=2000)
    hit = view.model.data(view.model.index(0), HIT_ROLE)
    assert plain_snippet(hit.snippet)[1], "the matched word is marked"
    view.tag.setCurrentIndex(view.tag.findData("problem"))
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=2000)
    assert "Inga anteckningar" in view.summary.text()
    view.tag.setCurrentIndex(0)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=2000)
    QTest.keyClick(view.query, Qt.Key_Return)
    assert window.stack.currentWidget() is window.meeting_view
    selected = window.meeting_view.notes.selected_notes()
    assert len(selected) == 1 and "Studiehandledning" in selected[0].body
