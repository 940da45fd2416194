"""Arkiv → Säkerhetskopior → Återställ from the window: the database is rewritten
from the backup off the GUI thread and the pages rebuilt; a file that is not a
backup is refused in Swedish and the open database goes on working."""

from PySide6.QtWidgets import QMessageBox
from test_gui_exchange import click, when_modal

from dialogteam_app.domain.notes import Note
from dialogteam_app.sample_data import sample_id
from dialogteam_app.store.backups import backup_now
from dialogteam_app.ui.backups.backup_dialog import restore_backup


def test_restore_brings_back_the_backup_and_keeps_what_was_there(window, qtbot, data_paths):
    window.open_sample()
    qtbot.wait(300)     # the navigator's note counts load after the first paint
    store = window.ctx.store
    before = store.notes.count()
    backup = backup_now(data_paths)
    meeting = store.meetings.get(sample_id("meeting-m2"))
    store.notes.save(Note(meeting_id=meeting.id, engagement_id=meeting.engagement_id,
                          body="Skriven efter säkerhetskopian"))
    assert store.notes.count() == before + 1
    seen = []
    when_modal(QMessageBox, lambda box: (seen.append(box.text()), click("OK")(box)))
    assert restore_backup(window, backup.path)
    assert window.ctx.store.notes.count() == before
    kept = seen[0].rsplit(" ", 1)[1].rstrip(".")
    assert seen == [f"Databasen är återställd. Det som fanns innan sparades som {kept}."]
    assert (data_paths.backups / kept).is_file()


def test_a_file_that_is_not_a_backup_is_refused(window, qtbot, data_paths, tmp_path):
    window.open_sample()
    qtbot.wait(300)
    before = window.ctx.store.notes.count()
    not_a_backup = tmp_path / "anteckningar.sqlite"
    not_a_backup.write_text("inte en databas", encoding="utf-8")
    seen = []
    when_modal(QMessageBox, lambda box: (seen.append(box.windowTitle()), click("OK")(box)))
    assert not restore_backup(window, not_a_backup)
    assert seen == ["Säkerhetskopian kunde inte återställas"]
    assert window.ctx.store.notes.count() == before
