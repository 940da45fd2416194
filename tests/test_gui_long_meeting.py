"""A long meeting in the window (issue 15): its newest notes are listed at once, older
ones when the user scrolls up (the row being read stays put), all of them when one is
wanted; the count, undo and the keyboard work across what is not listed yet."""

import pytest
from helpers.qt_helpers import type_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest

from dialogteam_app.domain.meetings import Meeting
from dialogteam_app.domain.notes import Note
from dialogteam_app.sample_data import sample_id
from dialogteam_app.ui.common.html_delegate import PlainMeasure
from dialogteam_app.ui.meetings.notes_model import note_html, note_plain
from dialogteam_app.ui.meetings.older_notes import FIRST_NOTES, OLDER_NOTES
from dialogteam_app.ui.window.navigator import MEETING, notes_detail

TOTAL = FIRST_NOTES + 2 * OLDER_NOTES - 20  # three pages above the first screenfuls


def body(n: int) -> str:
    text = f"Anteckning {n}: rektorn beskriver studieron i årskurs {n % 9 + 1}."
    return text + "\nEleverna efterfrågar tydligare struktur." * (n % 3)  # rows differ in height


@pytest.fixture
def long_meeting(window):
    """A meeting of TOTAL notes in the sample's samverkan, opened; (view, its notes)."""
    window.open_sample()
    store = window.ctx.store
    engagement_id = store.meetings.get(sample_id("meeting-m2")).engagement_id
    meeting = Meeting(engagement_id=engagement_id, date="2026-10-05", title="Långt möte",
                      start_time="09:00")
    with store.db.bulk():
        store.meetings.save(meeting)
        for n in range(TOTAL):
            store.notes.save(Note(
                meeting_id=meeting.id, engagement_id=engagement_id, body=body(n),
                speaker_role="rektor" if n % 4 == 0 else "", tags=["problem"] if n % 5 else [],
                taken_at=f"2026-10-05T{9 + n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}.000+02:00"))
    window.navigator.reload(select=(MEETING, meeting.id))
    view = window.meeting_view
    assert window.stack.currentWidget() is view
    return view, store.notes.list(meeting.id)


def ids(notes):
    return [n.id for n in notes]


def top_row(view):
    """The note at the top of the list on screen and where its row starts."""
    index = view.notes.indexAt(QPoint(4, 4))
    return index.row(), view.notes.visualRect(index).top()


def scroll_to_top_once(view, qtbot):
    """The user drags the scroll bar to the top: one more page is listed above, a turn
    of the event loop later. The row then at the top of the screen, and where it is."""
    before = view.model.rowCount()
    view.notes.verticalScrollBar().setValue(0)
    seen = top_row(view)
    qtbot.waitUntil(lambda: view.model.rowCount() > before, timeout=3000)
    return seen


def test_the_newest_notes_are_listed_at_once_at_the_bottom(window, long_meeting, qtbot):
    view, everything = long_meeting
    assert ids(view.model.notes()) == ids(everything[-FIRST_NOTES:])
    qtbot.wait(50)  # a few turns of the event loop: nothing more is listed by itself
    assert view.model.rowCount() == FIRST_NOTES
    bar = view.notes.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == bar.maximum()
    newest = view.notes.visualRect(view.model.index(FIRST_NOTES - 1))
    assert view.notes.viewport().rect().contains(newest.bottomLeft() + QPoint(4, -1))
    # The navigator counts the whole meeting, and a note entered counts on from there.
    item = window.navigator.item_for(MEETING, view.meeting.id)
    count = lambda: item.parent().child(item.row(), 1).text()  # noqa: E731
    qtbot.waitUntil(lambda: count() == notes_detail(TOTAL), timeout=3000)
    edit = view.capture.edit
    edit.setFocus()
    type_text(edit, "Ny anteckning längst ned")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert count() == notes_detail(TOTAL + 1)
    assert view.model.notes()[-1].body == "Ny anteckning längst ned"
    assert bar.value() == bar.maximum()


def test_scrolling_to_the_top_lists_older_notes_above_the_row_being_read(long_meeting, qtbot):
    view, everything = long_meeting
    while view.model.rowCount() < TOTAL:
        before, first_id = view.model.rowCount(), view.model.notes()[0].id
        row, y = scroll_to_top_once(view, qtbot)
        assert (row, y) == (0, 0)
        added = view.model.rowCount() - before
        assert added == min(OLDER_NOTES, TOTAL - before)
        # The note that was at the top is still there, at the same height on screen.
        assert view.model.notes()[row + added].id == first_id
        assert top_row(view) == (row + added, y)
    assert ids(view.model.notes()) == ids(everything)
    view.notes.verticalScrollBar().setValue(0)
    qtbot.wait(50)
    assert view.model.rowCount() == TOTAL  # nothing listed twice


def test_a_search_hit_in_an_old_note_is_listed_selected_and_shown(window, long_meeting, qtbot):
    view, everything = long_meeting
    wanted = everything[TOTAL - FIRST_NOTES - OLDER_NOTES - 5]  # on the second page above
    window.open_meeting(view.meeting.id, wanted.id)
    qtbot.waitUntil(lambda: ids(view.notes.selected_notes()) == [wanted.id], timeout=3000)
    # Listed down to it, a page at a time; the notes before that page wait.
    assert ids(view.model.notes()) == ids(everything[-FIRST_NOTES - 2 * OLDER_NOTES:])
    rect = view.notes.visualRect(view.notes.currentIndex())
    assert view.notes.viewport().rect().intersects(rect)
    assert view.notes.hasFocus()


def test_ctrl_home_reaches_the_very_first_note(long_meeting, qtbot):
    view, everything = long_meeting
    view.notes.setFocus()
    view.notes.setCurrentIndex(view.model.index(FIRST_NOTES - 1))
    QTest.keyClick(view.notes, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    # Everything listed, then (a turn later) the first note made current.
    qtbot.waitUntil(lambda: view.model.rowCount() == TOTAL
                    and view.notes.currentIndex().row() == 0, timeout=3000)
    assert ids(view.notes.selected_notes()) == [everything[0].id]
    assert view.notes.currentIndex().data(Qt.ItemDataRole.DisplayRole) == everything[0].body
    assert top_row(view)[0] == 0
    QTest.keyClick(view.notes, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.notes.currentIndex().row() == TOTAL - 1


def test_shift_ctrl_home_selects_up_to_the_very_first_note(long_meeting, qtbot):
    view, everything = long_meeting
    view.notes.setFocus()
    view.notes.setCurrentIndex(view.model.index(FIRST_NOTES - 1))
    QTest.keyClick(view.notes, Qt.Key.Key_Home,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: view.notes.currentIndex().row() == 0, timeout=3000)
    assert ids(view.notes.selected_notes()) == ids(everything)


def test_undo_of_deleting_the_first_listed_note_keeps_the_older_ones_in_order(
        window, long_meeting, qtbot):
    view, everything = long_meeting
    first = view.model.index(0)
    view.notes.setFocus()
    view.notes.setCurrentIndex(first)
    view.delete_selected_notes()
    assert view.model.rowCount() == FIRST_NOTES - 1
    view.stack.undo()  # back in the list; its save is queued
    scroll_to_top_once(view, qtbot)
    assert ids(view.model.notes()) == ids(everything[-FIRST_NOTES - OLDER_NOTES:])
    window.ctx.store.flush()
    assert ids(window.ctx.store.notes.list(view.meeting.id)) == ids(everything)


def test_a_plain_notes_height_from_font_metrics_is_the_html_layouts(qapp):
    """The cheap measurement the list uses for notes gives the height the HTML has."""
    font = qapp.font()
    measure = PlainMeasure(font)
    notes = [Note(meeting_id="m", engagement_id="e", body=body(n) + "  extra  spaces" * (n % 2),
                  speaker_role=["", "rektor", "larare"][n % 3],
                  tags=[["problem", "orsak", "citat"][n % 3]] * (n % 2),
                  taken_at=f"2026-10-05T09:{n:02d}:00.000+02:00") for n in range(12)]
    measured = 0
    for width in (180, 320, 480, 640, 900):
        for n, note in enumerate(notes):
            in_analysis = n % 4 == 3
            fast = measure.height(*note_plain(note, in_analysis), width)
            doc = QTextDocument()
            doc.setDefaultFont(font)
            doc.setDocumentMargin(0)
            doc.setHtml(note_html(note, in_analysis))
            doc.setTextWidth(width)
            if fast is not None:
                measured += 1
                assert fast == int(doc.size().height()), (width, note.body)
    assert measured > 30  # most notes are measured the cheap way
