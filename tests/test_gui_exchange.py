"""The window's Arkiv menu: import with a conflict settled in the dialog, export,
restore from a backup, the database check — driven as a person would."""

from dataclasses import replace

from helpers.exchange_helpers import laptop
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from dialogteam_app.exchange import export_package, import_package
from dialogteam_app.exchange.conflicts import list_conflicts
from dialogteam_app.sample_data import sample_id
from dialogteam_app.store.backups import BEFORE_RESTORE, list_backups
from dialogteam_app.ui.backups.backup_dialog import BackupsDialog, show_database_check
from dialogteam_app.ui.exchange.conflicts_dialog import ConflictsDialog
from dialogteam_app.ui.exchange.exchange_dialogs import (
    ExportDialog,
    ImportSummary,
    export_to_colleague,
    import_from_colleague,
)
from dialogteam_app.ui.window.navigator import MEETING


def when_modal(kind, act, seen=None):
    """Once a modal window of this kind is open, act on it (from the event loop)."""
    def poll():
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind):
            QTimer.singleShot(20, poll)
            return
        if seen is not None:
            seen.append(widget)
        act(widget)
    QTimer.singleShot(0, poll)


def click(box_text):
    def act(box: QMessageBox):
        next(b for b in box.buttons() if b.text() == box_text).click()
    return act


def answer_boxes(*button_texts, seen):
    """Answer the next message boxes in turn, each with its button, noting their texts."""
    answered = []

    def poll():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box in answered:
            QTimer.singleShot(20, poll)
            return
        answered.append(box)
        seen.append(box.text())
        click(button_texts[len(answered) - 1])(box)
        if len(answered) < len(button_texts):
            QTimer.singleShot(0, poll)
    QTimer.singleShot(0, poll)


def test_arkiv_menu_offers_exchange_and_backups(window):
    arkiv = window.menuBar().actions()[0].menu()
    texts = [a.text().replace("&", "") for a in arkiv.actions()]  # without the Alt+ letters
    for text in ("Exportera samverkan…", "Importera paket…", "Konflikter…", "Säkerhetskopior…",
                 "Kontrollera databasen"):
        assert text in texts


def _colleague_with_a_conflict(window, tmp_path):
    """Bo got everything from this laptop, then both changed the same note."""
    window.open_sample()
    store = window.ctx.store
    start = tmp_path / "start.dialogteam.zip"
    export_package(store.db, start)
    bo = laptop(tmp_path, "bo")
    import_package(bo.db, start)
    n = store.notes.get(sample_id("note-m1-1"))
    store.notes.save(replace(n, body="Min formulering"))
    bo.notes.save(replace(n, body="Bos formulering", speaker_role=n.speaker_role))
    package = tmp_path / "från-bo.dialogteam.zip"
    export_package(bo.db, package, created_by="Bo")
    bo.close()
    return package


def test_import_then_settle_the_conflict_field_by_field(window, qtbot, tmp_path):
    package = _colleague_with_a_conflict(window, tmp_path)
    seen = []

    def in_conflicts(dialog: ConflictsDialog):
        panel = dialog.panel
        assert "ändrad både här och hos kollegan" in panel.view.kind_text
        mine, theirs = panel.choices["body"]
        assert (mine.value.text(), theirs.value.text()) == ("Min formulering", "Bos formulering")
        assert mine.radio.isChecked()                         # mine until chosen
        qtbot.mouseClick(theirs.value, Qt.LeftButton)         # a click on the text chooses
        assert theirs.radio.isChecked()
        panel.fields_button.click()
        assert dialog.list.count() == 0 and "Inga olösta" in dialog.panel.text()
        dialog.accept()

    when_modal(ImportSummary, lambda d: (seen.append(d.text.text()), d.conflicts_button.click()))
    when_modal(ConflictsDialog, in_conflicts, seen)
    report = import_from_colleague(window, package)

    assert "Nya konflikter att lösa: 1" in seen[0]
    assert report.source == "Bo" and len(report.new_conflicts) == 1
    store = window.ctx.store
    assert store.notes.get(sample_id("note-m1-1")).body == "Bos formulering"
    assert list_conflicts(store.db.conn) == []
    window.open_meeting(sample_id("meeting-m1"))           # the rebuilt page shows it too
    bodies = [window.meeting_view.model.data(window.meeting_view.model.index(i, 0))
              for i in range(window.meeting_view.model.rowCount())]
    assert any("Bos formulering" in str(b) for b in bodies)


def test_a_refused_package_changes_nothing_and_says_why(window, tmp_path):
    window.open_sample()
    junk = tmp_path / "trasigt.dialogteam.zip"
    junk.write_bytes(b"PK\x03\x04 avbruten kopiering")
    seen = []
    when_modal(QMessageBox, lambda box: (seen.append(box.text()), click("OK")(box)))
    assert import_from_colleague(window, junk) is None
    assert "trasigt eller ofullständigt" in seen[0] and "Ingenting har ändrats" in seen[0]


def test_export_dialog_writes_the_package(window, tmp_path):
    window.open_sample()
    engagement_id = window.current_engagement_id()

    def choose(dialog: ExportDialog):
        assert dialog.chosen_engagement() == engagement_id
        dialog.name.setText("Anna Ek")
        dialog.encrypt.setChecked(False)
        dialog.accept()

    when_modal(ExportDialog, choose)
    when_modal(QMessageBox, click("OK"))
    path = export_to_colleague(window, ask_path=lambda s: str(tmp_path / s.name))
    assert path.name.startswith("Norrviks kommun") and path.name.endswith(".dialogteam.zip")
    from dialogteam_app.exchange.package_reader import read_package
    assert read_package(path).created_by == "Anna Ek"


def test_restore_from_the_backups_dialog(window, qtbot):
    window.open_sample()
    dialog = BackupsDialog(window)
    dialog.backup_now()
    assert dialog.table.rowCount() == 1
    m2 = sample_id("meeting-m3")  # none of its notes is evidence in the sample analysis
    window.navigator.select(MEETING, m2)
    window.ctx.store.meetings.delete(m2)
    window.reload_data()
    assert window.navigator.item_for(MEETING, m2) is None

    dialog.table.selectRow(0)
    seen = []
    answer_boxes("Återställ", "OK", seen=seen)
    dialog.restore_selected()

    assert seen[0].startswith("Återställa databasen från") and "återställd" in seen[1]
    assert window.ctx.store.meetings.get(m2) is not None
    assert window.navigator.item_for(MEETING, m2) is not None
    assert any(b.kind == BEFORE_RESTORE for b in list_backups(window.ctx.paths))
    assert dialog.table.rowCount() == 2
    window.open_meeting(m2)                                # the window works on the new file
    assert window.meeting_view.model.rowCount() > 0
    window.ctx.store.meetings.save(replace(window.ctx.store.meetings.get(m2), place="Aulan"))
    assert window.ctx.store.meetings.get(m2).place == "Aulan"
    dialog.deleteLater()


def test_check_the_database_from_the_menu(window):
    seen = []
    when_modal(QMessageBox, lambda box: (seen.append(box.text()), click("OK")(box)))
    assert show_database_check(window)
    assert seen == ["Databasen är hel."]


def test_automatic_backup_at_start_runs_off_the_gui_thread(window, qtbot):
    from dialogteam_app.store.backups import AUTOMATIC
    from dialogteam_app.ui.backups.backup_schedule import AutomaticBackups
    schedule = AutomaticBackups(window.ctx, window)
    with qtbot.waitSignal(schedule.finished, timeout=5000) as done:
        schedule.start()
    assert done.args[0].startswith("Säkerhetskopia sparad")
    assert [b.kind for b in list_backups(window.ctx.paths)] == [AUTOMATIC]
    schedule._if_due()                      # taken just now: not due again today
    assert len(list_backups(window.ctx.paths)) == 1


def test_the_backups_dialog_sets_how_long_other_copies_are_kept(window, tmp_path):
    from dialogteam_app.store.backups import KEEP_OTHER_DAYS_DEFAULT
    from dialogteam_app.store.settings import BACKUP_KEEP_OTHER_DAYS
    window.open_sample()
    dialog = BackupsDialog(window)
    assert dialog.other_days.value() == KEEP_OTHER_DAYS_DEFAULT
    dialog.other_days.setValue(45)
    window.ctx.autosaver.flush()
    assert window.ctx.store.settings.days(BACKUP_KEEP_OTHER_DAYS, 0) == 45
    dialog.backup_now()
    dialog.show()
    dialog.grab().save(str(tmp_path / "backups.png"))
