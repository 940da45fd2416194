"""Desktop conventions of the main window: title, Arkiv → Exportera åtgärdsplan (Ctrl+E
everywhere), Visa, Ångra/Gör om that say what they undo, Kortkommandon from the real
shortcuts, Swedish Qt texts, a save state no message hides."""

from helpers.qt_helpers import answer_next_dialog, type_text
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from dialogteam_app.domain.notes import Note
from dialogteam_app.sample_data import sample_id
from dialogteam_app.ui.common.html_delegate import escape, on_selection
from dialogteam_app.ui.meetings.notes_model import note_html
from dialogteam_app.ui.window.navigator import MEETING
from dialogteam_app.ui.window.shortcuts_dialog import collect_shortcuts


def test_qt_own_texts_are_swedish(window):
    assert QCoreApplication.translate("QLineEdit", "&Undo") == "&Ångra"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"


def test_packaging_keeps_qtbase_swedish():
    from fnmatch import fnmatch

    from conftest import REPO
    spec = (REPO / "packaging" / "dialogteam.spec").read_text(encoding="utf-8")
    pattern = spec.split('KEEP_QT_TRANSLATIONS = "')[1].split('"')[0]
    assert fnmatch("qtbase_sv.qm", pattern)


def test_window_title_names_the_open_item(window):
    assert window.windowTitle() == "Dialogteam"
    window.open_sample()
    window.navigator.select(MEETING, sample_id("meeting-m1"))
    assert window.windowTitle().startswith("2026-09-08 Första dialogmötet")
    assert window.windowTitle().endswith("– Dialogteam")


def test_ctrl_e_exports_the_plan_from_a_meeting_page(window):
    window.open_sample()
    window.open_meeting(sample_id("meeting-m1"))
    assert "Ctrl+E" in [s.toString() for s in window.act_export_plan.shortcuts()]
    arkiv = window.menuBar().actions()[0].menu()
    assert window.act_export_plan in arkiv.actions()
    seen: list[str] = []
    answer_next_dialog("Avbryt", seen)  # the sample plan has brister: the advice first
    QTest.keyClick(window.meeting_view.capture.edit, Qt.Key_E, Qt.ControlModifier)
    assert seen and "brist" in seen[0]
    assert window.stack.currentWidget() is window.engagement_view
    assert window.engagement_view.tabs.currentWidget() is window.engagement_view.plan


def test_undo_names_what_it_undoes_and_is_off_when_nothing(window):
    window.open_sample()
    window.open_meeting(sample_id("meeting-m1"))
    view = window.meeting_view
    window.activateWindow()
    view.capture.edit.setFocus()
    QApplication.processEvents()
    assert not window.act_undo.isEnabled() and not window.act_redo.isEnabled()
    type_text(view.capture.edit, "Ny iakttagelse\n")
    QApplication.processEvents()
    assert window.act_undo.isEnabled()
    assert window.act_undo.text().replace("&", "") == "Ångra ny anteckning"
    window.act_undo.trigger()
    QApplication.processEvents()
    assert window.act_redo.text().replace("&", "") == "Gör om ny anteckning"
    type_text(view.capture.edit, "halv")
    QApplication.processEvents()
    assert window.act_undo.text().replace("&", "") == "Ångra skrivning"


def test_zoom_is_remembered(window, data_paths):
    font = QApplication.font().pointSizeF()
    window.act_zoom_in.trigger()
    assert QApplication.font().pointSizeF() > font
    assert float(window.settings.value("view/zoom")) > 1
    window.act_zoom_reset.trigger()
    assert QApplication.font().pointSizeF() == font


def test_navigator_can_be_hidden(window):
    window.act_show_navigator.setChecked(False)
    assert not window.navigator.isVisible()
    window.act_show_navigator.setChecked(True)
    assert window.navigator.isVisible()


def test_kortkommandon_lists_every_shortcut_of_the_window(window):
    window.open_sample()
    rows = collect_shortcuts(window)
    listed = {(keys, what) for keys, what in rows}
    assert all(what for _keys, what in rows), [r for r in rows if not r[1]]
    for shortcut in window.findChildren(QShortcut):
        keys = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
        assert (keys, shortcut.whatsThis()) in listed
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            keys = sequence.toString(QKeySequence.SequenceFormat.NativeText)
            assert any(keys in k for k, _w in rows), keys
    texts = [what for _k, what in rows]
    assert "Exportera åtgärdsplan" in texts and "Anteckningar: taggen problem" in texts
    assert "Planen: flytta upp i dispositionen" in texts      # from a tab built on first use
    assert "Att göra: öppna den valda raden" in texts         # from a page built on first use
    assert ("Ctrl+Q", "Avsluta") in listed                  # not only where Qt's standard has it
    assert "Överenskommelser: fliken Gällande lydelse eller Ändringar" in texts
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    window.act_shortcuts.trigger()


def test_a_passing_message_never_hides_the_save_state(window):
    window.statusBar().showMessage("Version 3 sparad", 10_000)
    assert window.save_status.isVisible() and "sparat" in window.save_status.text()


def test_a_selected_note_stays_readable():
    note = Note("m", "e", "Text", taken_at="2026-09-08T09:05:00.000+02:00", tags=["problem"])
    html = on_selection(note_html(note, in_analysis=True), "#ffffff")
    assert 'color:#ffffff;">09:05' in html                     # the time in the highlight text
    assert "color:#ffffff;\">▸" in html                        # so is "i analysen"
    assert "background-color:" in html and "; color:#ffffff" not in html  # chips keep theirs


def test_notes_are_escaped_as_the_standard_library_does():
    import html
    for text in ("<b>fet</b> & 'citat' \"dubbel\"", "&amp; redan", "Å < Ä > Ö", ""):
        assert escape(text) == html.escape(text)


def test_empty_plan_is_not_praised(window):
    window.new_organiser()
    window.new_engagement()
    plan = window.engagement_view.plan
    plan.show_engagement(window.current_engagement_id())
    assert plan.check_item.text(0) == "Röd tråd – planen är tom"


def test_search_without_hits_shows_no_empty_box(window, qtbot):
    window.open_sample()
    window.show_search()
    view = window.search_view
    view.query.setText("matematik")
    view.run()
    qtbot.waitUntil(lambda: view.results.isVisible(), timeout=5000)
    view.query.setText("xyzzyordsomintefinns")
    view.run()
    qtbot.waitUntil(lambda: "Inga anteckningar" in view.summary.text(), timeout=5000)
    assert not view.results.isVisible()


def test_welcome_text_is_not_clipped_when_data_exists(window):
    window.open_sample()
    window.navigator.setCurrentIndex(window.navigator.model().index(-1, -1))
    window._update_empty_state()
    text = window.welcome.text
    assert text.height() >= text.heightForWidth(text.width())


def test_no_page_shortcut_shadows_a_window_command(window):
    """A QShortcut with the key of a window-wide action makes both ambiguous: Qt then runs
    neither (the agreement tab's Ctrl+E did that to Exportera åtgärdsplan)."""
    collect_shortcuts(window)  # builds every page and tab
    window_keys = {
        s.toString() for a in window.findChildren(QAction)
        if a.shortcutContext() == Qt.ShortcutContext.WindowShortcut for s in a.shortcuts()}
    clashes = [(s.key().toString(), s.whatsThis()) for s in window.findChildren(QShortcut)
               if s.key().toString() in window_keys]
    assert not clashes
