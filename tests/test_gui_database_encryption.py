"""Arkiv → Kryptera databasen… converts the open database and the window goes on
working; at the next start the passphrase is asked for until it is right."""

from PySide6.QtWidgets import QMessageBox
from test_gui_exchange import click, when_modal

from dialogteam_app.domain.notes import Note
from dialogteam_app.sample_data import sample_id
from dialogteam_app.store.connection import PLAIN_HEADER, use_key
from dialogteam_app.store.encryption import is_encrypted
from dialogteam_app.ui.encryption.encrypt_dialog import EncryptDialog, encrypt_from_window
from dialogteam_app.ui.encryption.unlock import unlock_at_start

PASSPHRASE = "fyra ord i en rad"


def test_encrypt_from_the_window_then_keep_working(window, qtbot, data_paths, tmp_path):
    window.open_sample()
    qtbot.wait(300)     # the navigator's note counts load after the first paint
    dialog = EncryptDialog(window)
    assert not dialog.encrypt_button.isEnabled()
    dialog.passphrase.first.setText(PASSPHRASE)
    dialog.passphrase.second.setText(PASSPHRASE)
    assert dialog.encrypt_button.isEnabled()
    dialog.resize(560, dialog.sizeHint().height())
    dialog.grab().save(str(tmp_path / "encrypt-dialog.png"))
    dialog.close()
    seen = []
    when_modal(QMessageBox, lambda box: (seen.append(box.text()), click("OK")(box)))
    assert encrypt_from_window(window, ask=lambda: PASSPHRASE)
    assert seen == ["Databasen och säkerhetskopiorna är krypterade. Nästa gång programmet "
                    "startar frågar det efter lösenfrasen.\n\nSäkerhetskopian före "
                    f"krypteringen: {seen[0].rsplit(': ', 1)[1]}"]
    assert is_encrypted(data_paths)
    assert not data_paths.database.read_bytes().startswith(PLAIN_HEADER)
    store = window.ctx.store
    engagement_id = window.current_engagement_id() or store.engagements.list()[0].id
    store.notes.save(Note(meeting_id=sample_id("meeting-m2"), engagement_id=engagement_id,
                          body="Skriven efter krypteringen"))
    assert store.notes.count() == 32
    use_key(data_paths.root, None)


def test_the_start_asks_until_the_passphrase_is_right(window, qtbot, data_paths):
    window.open_sample()
    qtbot.wait(300)
    when_modal(QMessageBox, click("OK"))
    assert encrypt_from_window(window, ask=lambda: PASSPHRASE)
    use_key(data_paths.root, None)           # the next start
    errors = []

    def asking(*answers):
        def ask(parent, title, text, error=""):
            errors.append(error)
            return answers[len(errors) - 1]
        return ask

    assert not unlock_at_start(data_paths, ask=asking(None))
    errors.clear()
    assert unlock_at_start(data_paths, ask=asking("fel fras", PASSPHRASE))
    assert errors[0] == "" and "Lösenfrasen öppnar inte databasen" in errors[1]
    use_key(data_paths.root, None)
