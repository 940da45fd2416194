"""Starting on the last selection (issue 15): what the window defers until it is usable
still happens, and the window takes input as soon as it says it is usable."""

from datetime import date

from conftest import dispose
from helpers.qt_helpers import type_text
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from dialogteam_app.sample_data import sample_id
from dialogteam_app.ui.follow_up.window_hooks import SHOWN_ON, show_todo_on_start
from dialogteam_app.ui.window.navigator import MEETING, TODO, notes_detail


def start(data_paths, qtbot):
    """A new window over the data folder, shown, returned once it says it is usable."""
    from dialogteam_app.ui.app import make_application, open_main_window
    make_application()
    window = open_main_window(data_paths)
    with qtbot.waitSignal(window.usable, timeout=10_000):
        window.show()
    return window


def test_the_last_meeting_is_back_and_takes_a_note_once_the_window_is_usable(
        data_paths, qtbot, monkeypatch):
    from dialogteam_app.ui.meetings import older_notes
    monkeypatch.setattr(older_notes, "FIRST_NOTES", 2)  # a "long" meeting of the sample
    monkeypatch.setattr(older_notes, "OLDER_NOTES", 2)
    window = start(data_paths, qtbot)
    window.open_sample()
    meeting_id = sample_id("meeting-m2")
    window.open_meeting(meeting_id)
    everything = window.ctx.store.notes.list(meeting_id)
    dispose(window)  # saves the selection
    settings = QSettings(str(data_paths.ui_settings), QSettings.Format.IniFormat)
    settings.setValue(SHOWN_ON, date.today().isoformat())  # not the day's first start
    settings.sync()

    again = start(data_paths, qtbot)
    try:
        assert again.navigator.current() == (MEETING, meeting_id)
        view = again.meeting_view
        assert again.stack.currentWidget() is view
        assert again.stack.count() == 1  # only the page shown was built: no welcome page
        assert [n.id for n in view.model.notes()][-2:] == [n.id for n in everything[-2:]]
        edit = view.capture.edit
        edit.setFocus()
        type_text(edit, "Skrivet direkt efter start")
        QTest.keyClick(edit, Qt.Key.Key_Return)
        assert view.model.notes()[-1].body == "Skrivet direkt efter start"
        # Every meeting's count follows after the window is usable, the note just typed
        # counted; the older notes wait until the user scrolls up to them.
        assert view.model.rowCount() == 3
        item = again.navigator.item_for(MEETING, meeting_id)
        qtbot.waitUntil(lambda: item.parent().child(item.row(), 1).text()
                        == notes_detail(len(everything) + 1), timeout=3000)
        again.ctx.autosaver.flush()
        assert again.ctx.store.notes.list(meeting_id)[-1].body == "Skrivet direkt efter start"
    finally:
        dispose(again)


def test_the_days_first_start_asks_the_follow_up_clock_once_it_is_in_use(window):
    from helpers.follow_up_world import Clock
    window.open_sample()
    store = window.ctx.store
    later = date(2099, 1, 1)  # every report of the sample is overdue by then
    assert store.follow_up_overview.todo(later)
    window.settings.setValue(SHOWN_ON, date.today().isoformat())
    store.follow_up.today = Clock(later)   # as the follow-up tests set their day
    window.navigator.setCurrentIndex(window.navigator.model_.index(-1, -1))  # nothing chosen
    assert window.navigator.current() is None
    assert show_todo_on_start(window)
    assert window.navigator.current() == (TODO, "")
    assert window.settings.value(SHOWN_ON) == later.isoformat()
    assert not show_todo_on_start(window)  # the second start that day


def test_the_restored_samverkan_reads_its_agreement_dates_once_the_window_is_usable(
        data_paths, qtbot):
    """Built before the first paint, the overview leaves the agreements (below the fold)
    until the window says it is usable; then they come in a turn of their own."""
    from dialogteam_app.ui.app import make_application, open_main_window
    from dialogteam_app.ui.window.navigator import ENGAGEMENT
    window = start(data_paths, qtbot)
    window.open_sample()
    engagement_id = window.navigator.current()[1]
    assert window.ctx.store.agreements.list(engagement_id)  # Norrvik has ÖK 1 and ÖK 2
    dispose(window)  # saves the selection
    settings = QSettings(str(data_paths.ui_settings), QSettings.Format.IniFormat)
    settings.setValue(SHOWN_ON, date.today().isoformat())
    settings.sync()

    make_application()
    again = open_main_window(data_paths)
    try:
        assert again.navigator.current() == (ENGAGEMENT, engagement_id)
        dates = again.engagement_view.overview.agreement_dates
        QTest.qWait(50)  # turns of the event loop before the first paint: still waiting
        assert again.starting and dates.count() == 0
        with qtbot.waitSignal(again.usable, timeout=10_000):
            again.show()
        qtbot.waitUntil(lambda: dates.count() > 1)
        assert any("ÖK 1" in dates.item(i).text() for i in range(dates.count()))
    finally:
        dispose(again)


def test_a_window_shown_but_never_painted_becomes_usable_all_the_same(
        data_paths, qtbot, monkeypatch):
    """Minimised at start, it gets no paint: what waits for "usable" must not wait for ever
    (the collector paused for the start, the sections below the fold)."""
    from dialogteam_app.ui.app import make_application, open_main_window
    from dialogteam_app.ui.window import main_window as main_window_module
    monkeypatch.setattr(main_window_module, "NOT_PAINTED_MS", 50)
    make_application()
    window = open_main_window(data_paths)
    window.setUpdatesEnabled(False)  # no paint event reaches it
    try:
        with qtbot.waitSignal(window.usable, timeout=5_000):
            window.show()
        assert not window.starting
    finally:
        window.setUpdatesEnabled(True)
        dispose(window)
