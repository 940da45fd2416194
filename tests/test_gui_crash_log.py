"""An exception in a slot: its traceback lands in the log, the user sees "Något gick
fel" with the log's place and can copy the details, no note text is in either, and
the window goes on.

pytest-qt would fail this test on the slot's exception (qt_default_raising): the
program's own ErrorReporter is installed over pytest-qt's hook for the test's length,
as run_gui installs it, so the exception is handled the way a user would meet it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from dialogteam_app import diagnostics
from dialogteam_app.diagnostics import setup_logging
from dialogteam_app.sample_data import load_sample
from dialogteam_app.ui.common.crash_dialog import CrashDialog
from dialogteam_app.ui.common.error_reporter import ErrorReporter
from dialogteam_app.ui.window.navigator import MEETING


def _close_logging():
    for h in list(diagnostics.log.handlers):
        if isinstance(h, diagnostics.PrivateRotatingFileHandler):
            diagnostics.log.removeHandler(h)
            h.close()


def test_an_exception_in_a_slot_is_logged_shown_and_survived(window, data_paths, qtbot):
    log_path = setup_logging(data_paths)
    try:
        engagement = load_sample(window.ctx.store)
        window.navigator.reload()
        meeting = window.ctx.store.meetings.list(engagement.id)[0]
        notes = window.ctx.store.notes.list(meeting.id)
        bodies = [n.body for n in notes if len(n.body) > 12]
        assert bodies

        def buggy_slot(kind: str, record_id: str) -> None:
            body = window.ctx.store.notes.list(record_id)[0].body   # held in a local
            raise RuntimeError(f"cannot show {body}")                  # and in the message

        seen: dict[str, str] = {}

        def answer():
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, CrashDialog):
                QTimer.singleShot(20, answer)
                return
            seen["title"] = dialog.windowTitle()
            seen["text"] = "\n".join(label.text() for label in dialog.findChildren(QLabel))
            dialog.copy_button.click()
            seen["clipboard"] = QGuiApplication.clipboard().text()
            dialog.accept()

        reporter = ErrorReporter(log_path, lambda: window)
        reporter.install()
        try:
            window.navigator.selected.connect(buggy_slot)
            QTimer.singleShot(0, answer)
            window.navigator.select(MEETING, meeting.id)
            qtbot.waitUntil(lambda: "clipboard" in seen, timeout=5000)
        finally:
            window.navigator.selected.disconnect(buggy_slot)
            reporter.uninstall()

        log = log_path.read_text(encoding="utf-8")
        assert "uncaught exception" in log and "Traceback" in log
        assert "in buggy_slot" in log and "RuntimeError: (meddelandet utelämnat" in log
        for body in bodies:
            assert body not in log
            assert body not in seen["clipboard"]
        assert seen["title"] == "Något gick fel"
        assert str(log_path) in seen["text"]
        assert "in buggy_slot" in seen["clipboard"]
        # The window went on: the meeting the user chose is open.
        assert window.stack.currentWidget() is window.meeting_view
        assert window.meeting_view.meeting.id == meeting.id
    finally:
        _close_logging()


def test_the_help_menu_opens_the_log_folder_and_shows_the_licences(window, qtbot):
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Hjälp")
    texts = [a.text().replace("&", "") for a in help_menu.actions() if not a.isSeparator()]
    assert texts == ["Kortkommandon", "Öppna loggmappen", "Om Dialogteam"]

    from dialogteam_app.licenses import NOTICES, notice_text
    from dialogteam_app.ui.window.about_dialog import AboutDialog
    about = AboutDialog(window, window.ctx.paths)
    qtbot.addWidget(about)
    assert about.components.count() == len(NOTICES)
    for row, notice in enumerate(NOTICES):
        about.components.setCurrentRow(row)
        assert about.text.toPlainText() == notice_text(notice)
        assert notice.component in about.why.text()
