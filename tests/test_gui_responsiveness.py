"""Responsiveness (issue 15): pages built when first shown, the stall log, the
navigator's count column, the bytecode cache and --smoke's time to usable."""

import os
import re
import time
from pathlib import Path

from conftest import run_module
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from dialogteam_app.ui.common.lazy_pages import LazyTabWidget
from dialogteam_app.ui.common.stall_log import StallLog
from dialogteam_app.ui.window.navigator import MEETING

GENEROUS_MS = 3000  # the 50 ms goal is the benchmark's; here: the log runs and stays quiet


def test_lazy_tabs_build_a_page_when_it_is_first_shown(qtbot):
    built = []

    def factory(name):
        def make():
            built.append(name)
            return QLabel(name)
        return make
    tabs = LazyTabWidget()
    qtbot.addWidget(tabs)
    for name in ("a", "b", "c"):
        tabs.add_page(name, name.upper(), factory(name))
    assert built == ["a"]  # the first tab is shown at once
    tabs.setCurrentIndex(2)
    assert built == ["a", "c"]
    assert tabs.currentWidget().text() == "c"
    b = tabs.page("b")  # asked for by key: built, not shown
    assert built == ["a", "c", "b"] and tabs.currentIndex() == 2
    tabs.setCurrentWidget(b)
    assert tabs.currentIndex() == 1 and tabs.indexOf(b) == 1
    assert [p.text() for p in tabs.built_pages()] == ["a", "b", "c"]


def test_opening_a_samverkan_builds_only_its_visible_tab(window):
    window.open_sample()
    view = window.engagement_view
    tabs = view.tabs
    assert [p.built for p in tabs._lazy.values()] == [True, False, False, False, False]
    tabs.setCurrentIndex(1)
    analysis = tabs.currentWidget()
    assert [p.built for p in analysis.tabs._lazy.values()] == [True, False, False, False, False]
    tabs.setCurrentIndex(2)
    plan = tabs.currentWidget()
    assert sum(p.built for p in plan.pages._lazy.values()) == 1  # the page shown: the texts
    assert plan.pages.currentWidget() is plan.texts
    tabs.setCurrentIndex(3)
    agreements = tabs.currentWidget()
    assert sum(p.built for p in agreements.tabs._lazy.values()) == 1  # the agreement's header


def test_the_stall_log_names_the_slot_that_blocked_the_window(qtbot):
    log = StallLog(100, echo=False)
    try:
        def stuck_in_a_slot():
            time.sleep(0.4)
        QTimer.singleShot(0, stuck_in_a_slot)
        qtbot.waitUntil(lambda: bool(log.stalls), timeout=3000)
    finally:
        log.stop()
    stall = log.stalls[0]
    assert stall.ms >= 300
    assert "stuck_in_a_slot" in stall.cause  # a test's frame: found by its name
    assert "stall" in log.summary() and "stuck_in_a_slot" in log.summary()


def test_walking_the_sample_with_the_stall_log_on(window):
    """Every page of the sample, with the stall log on: nothing blocks for seconds."""
    log = StallLog(GENEROUS_MS, echo=False)
    try:
        window.open_sample()
        QTest.qWait(20)
        view = window.engagement_view
        for tab in range(view.tabs.count()):
            view.tabs.setCurrentIndex(tab)
            QTest.qWait(10)
        for sub in range(view.analysis.tabs.count()):
            view.analysis.tabs.setCurrentIndex(sub)
            QTest.qWait(10)
        tree = view.plan.tree
        for n in range(tree.topLevelItemCount()):
            tree.setCurrentItem(tree.topLevelItem(n))
            QTest.qWait(10)
        for m in window.ctx.store.meetings.list(window.current_engagement_id()):
            window.navigator.select(MEETING, m.id)
            QTest.qWait(10)
        window.show_search()
        window.search_view.query.setText("rektor")
        QTest.qWait(300)
    finally:
        log.stop()
    assert log.stalls == [], log.summary()


def test_the_count_column_widens_without_measuring_every_row(window):
    from PySide6.QtWidgets import QHeaderView
    window.open_sample()
    nav = window.navigator
    meeting = window.ctx.store.meetings.list(window.current_engagement_id())[0]
    header = nav.header()
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Fixed
    nav.rename(MEETING, meeting.id, None, "123456 ant.")
    assert header.sectionSize(1) >= nav.fontMetrics().horizontalAdvance("123456 ant.")


def test_bytecode_goes_to_the_cache_folder_when_writing_beside_sources_is_off(tmp_path):
    result = run_module("--version", env_extra={"PYTHONDONTWRITEBYTECODE": "1",
                                                "XDG_CACHE_HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    cached = list((tmp_path / "Dialogteam" / "bytecode").rglob("cli.*.pyc"))
    assert cached, "cli.py was not cached"


def test_smoke_start_says_when_the_window_was_usable(data_paths):
    result = run_module("--data-dir", str(data_paths.root), "--smoke",
                        env_extra={"DIALOGTEAM_STALL_LOG": str(GENEROUS_MS)})
    assert result.returncode == 0, result.stderr
    assert re.search(r"visades efter \d+ ms och var användbart efter \d+ ms", result.stdout)
    assert f"no stall over {GENEROUS_MS} ms" in result.stderr  # the switch is on, and quiet


def test_a_meetings_tables_are_built_when_their_tab_is_first_shown(window):
    from dialogteam_app.sample_data import sample_id
    window.open_sample()
    window.open_meeting(sample_id("meeting-m2"))
    view = window.meeting_view
    assert [p.built for p in view.tabs._lazy.values()] == [True, False, False, False]
    view.tabs.setCurrentIndex(1)
    participants = view.participants
    assert participants.model.rowCount() == len(
        window.ctx.store.meetings.participants(sample_id("meeting-m2"))) > 0
    window.open_meeting(sample_id("meeting-m3"))  # a built table follows the meeting shown
    assert participants.model.rowCount() == len(
        window.ctx.store.meetings.participants(sample_id("meeting-m3")))


def test_a_big_tree_lists_its_meetings_after_painting(window, qtbot, monkeypatch):
    from dialogteam_app.sample_data import sample_id
    from dialogteam_app.ui.window import navigator as navigator_module
    monkeypatch.setattr(navigator_module, "LIST_AT_ONCE", 0)
    window.open_sample()
    nav = window.navigator
    nav.reload()
    meetings = window.ctx.store.meetings.list()
    assert not any((MEETING, m.id) in nav._items for m in meetings)  # not yet
    m3 = sample_id("meeting-m3")
    nav.select(MEETING, m3)  # asked for: listed at once
    assert nav.current() == (MEETING, m3)
    qtbot.waitUntil(lambda: all((MEETING, m.id) in nav._items for m in meetings), timeout=2000)
    item = nav.item_for(MEETING, meetings[0].id)
    assert nav.isExpanded(item.parent().index())  # its samverkan shows it
    counts = window.ctx.store.meetings.note_counts()
    detail = item.parent().child(item.row(), 1).text()
    assert detail == navigator_module.notes_detail(counts.get(meetings[0].id, 0))


def test_closing_the_window_ends_the_search_thread(window):
    window.show_search()
    thread = window.search_view._runner._thread
    assert thread.is_alive()
    window.close()
    assert not thread.is_alive()


def test_rows_are_added_and_removed_in_the_lazily_built_tables(window, data_paths):
    from helpers.qt_helpers import answer_next_dialog

    from dialogteam_app.sample_data import sample_id
    window.open_sample()
    meeting_id = sample_id("meeting-m3")
    window.open_meeting(meeting_id)
    view = window.meeting_view
    repo = window.ctx.store.meetings
    for key, load, text in (("participants", repo.participants, "Ny deltagare"),
                            ("questions", repo.questions, "Ny fråga"),
                            ("tasks", repo.tasks, "Ny uppgift")):
        before = len(load(meeting_id))
        table = getattr(view, key)
        table.add_button.click()
        added = load(meeting_id)
        assert len(added) == before + 1
        assert text in (getattr(added[-1], "name", "") or added[-1].text)
        table.view.selectRow(table.model.rowCount() - 1)
        answer_next_dialog("Ta bort")
        table.remove_selected()
        window.ctx.autosaver.flush()
        assert len(load(meeting_id)) == before


def test_the_style_sheet_reaches_only_the_widgets_it_selects(qtbot):
    from PySide6.QtWidgets import QListView, QPushButton, QVBoxLayout, QWidget

    from dialogteam_app.ui.app import make_application
    from dialogteam_app.ui.common.theme import themed
    app = make_application()
    assert not app.styleSheet()  # not app-wide: that doubled the cost of building a page
    page = QWidget()
    qtbot.addWidget(page)
    title, button, notes = QLabel("Rubrik"), QPushButton("Knapp"), QListView()
    themed(title, "pageTitle")
    layout = QVBoxLayout(page)
    for widget in (title, button, notes):
        layout.addWidget(widget)
    page.show()
    qtbot.waitExposed(page)
    # Each its own rules only: Qt parses a sheet once per widget that has it.
    assert title.styleSheet().startswith("QLabel#pageTitle {") and "\n" not in title.styleSheet()
    assert title.font().pixelSize() == 20
    assert not notes.styleSheet()  # Fusion's frame in the field border until focused
    notes.setFocus()
    qtbot.waitUntil(lambda: notes.hasFocus())
    assert notes.styleSheet().startswith("QAbstractItemView, QPlainTextEdit {")  # its border
    assert "pageTitle" not in notes.styleSheet()
    assert not button.styleSheet() and not page.styleSheet()
    assert not notes.viewport().styleSheet()  # reached through its parent already


def test_pyside_does_not_read_the_source_of_our_modules_on_import(monkeypatch):
    """PySide6 read each module's whole source on import to look for `__feature__`
    (~12 ms of a start); ours are entered in its table before they are imported."""
    import importlib
    import pkgutil
    import sys

    import dialogteam_app
    import dialogteam_app.ui  # noqa: F401  - installs the finder
    feature = sys.modules["shibokensupport.feature"]
    scanned: list[str] = []
    original = feature._mod_uses_pyside
    monkeypatch.setattr(feature, "_mod_uses_pyside",
                        lambda module: scanned.append(module.__name__) or original(module))
    name = next(m.name for m in pkgutil.walk_packages(dialogteam_app.__path__, "dialogteam_app.")
                if m.name not in sys.modules and not m.ispkg and ".__main__" not in m.name)
    importlib.import_module(name)
    assert feature.pyside_feature_dict[name] == 0
    assert name not in scanned


def test_every_module_the_warm_up_names_exists():
    """A misspelt or moved module would be an error in an idle turn after every start."""
    import importlib

    from dialogteam_app.ui.window.warm_up import MODULES
    for name in MODULES:
        assert importlib.import_module(name).__name__ == name


def _first_window_uses(data_paths, kind: str, record_id: str) -> dict:
    """What a fresh process has imported and wrapped when its window is usable, started
    on the last selection (kind, record_id)."""
    import json
    import subprocess
    import sys
    from datetime import date

    from PySide6.QtCore import QSettings

    from dialogteam_app.ui.follow_up.window_hooks import SHOWN_ON
    settings = QSettings(str(data_paths.ui_settings), QSettings.Format.IniFormat)
    settings.setValue("selected/kind", kind)
    settings.setValue("selected/id", record_id)
    settings.setValue(SHOWN_ON, date.today().isoformat())  # Att göra stays closed
    settings.sync()
    probe = Path(__file__).parent / "helpers" / "start_probe.py"
    out = subprocess.run([sys.executable, str(probe), str(data_paths.root)], capture_output=True,
                         text=True, timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return json.loads(out.stdout.splitlines()[-1])


def test_the_first_window_imports_and_wraps_only_what_it_shows(store, data_paths):
    """The start's module set: what only a later action needs is not imported (nor its
    PySide class wrapped, which builds the class's type and enums) before the window
    is usable."""
    from dialogteam_app.sample_data import load_sample, sample_id
    engagement = load_sample(store)
    store.flush()
    on_samverkan = _first_window_uses(data_paths, "engagement", engagement.id)
    for module in ("html", "getpass", "json", "dialogteam_app.domain.analysis",
                   "dialogteam_app.domain.plan", "dialogteam_app.store.agreements",
                   "dialogteam_app.ui.meetings.meeting_view"):
        assert module not in on_samverkan["modules"], module
    for cls in ("QMessageBox", "QFileDialog", "QDialogButtonBox", "QStyle", "QDialog",
                "QCheckBox"):
        assert cls not in on_samverkan["wrapped"], cls
    on_meeting = _first_window_uses(data_paths, "meeting", sample_id("meeting-m4"))
    assert "dialogteam_app.ui.meetings.meeting_view" in on_meeting["modules"]
    assert "html" not in on_meeting["modules"] and "json" not in on_meeting["modules"]
    # Neither QStyle nor every QWidget subclass (asking PySide for the list's viewport
    # wraps them all to find its type)
    assert "QStyle" not in on_meeting["wrapped"] and "QCalendarWidget" not in on_meeting["wrapped"]
    assert "QDialog" not in on_meeting["wrapped"] and "QCheckBox" not in on_meeting["wrapped"]
