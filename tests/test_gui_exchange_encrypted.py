"""The export dialog proposes encryption when the package holds notes; importing a
sealed package asks for the passphrase and says so in Swedish when it is wrong."""

from helpers.exchange_helpers import laptop
from PySide6.QtWidgets import QMessageBox
from test_gui_exchange import click, when_modal

from dialogteam_app.exchange import export_package
from dialogteam_app.exchange.package_reader import package_is_encrypted, read_package
from dialogteam_app.sample_data import load_sample
from dialogteam_app.ui.exchange.exchange_dialogs import (
    ExportDialog,
    ImportSummary,
    export_to_colleague,
    import_from_colleague,
)

PASSPHRASE = "fyra ord blir starkt"


def test_export_dialog_encrypts_by_default_when_notes_go_along(window, tmp_path):
    window.open_sample()
    checked = []

    def choose(dialog: ExportDialog):
        checked.append(dialog.encrypt.isChecked())
        assert not dialog.export_button.isEnabled()      # no passphrase yet
        dialog.passphrase.first.setText("kort")
        assert "För kort" in dialog.passphrase.verdict.text()
        dialog.accept()                                  # refused: still open
        assert dialog.isVisible()
        dialog.passphrase.first.setText(PASSPHRASE)
        dialog.passphrase.second.setText(PASSPHRASE + "x")
        assert "inte lika" in dialog.passphrase.verdict.text()
        dialog.passphrase.second.setText(PASSPHRASE)
        assert dialog.export_button.isEnabled()
        dialog.grab().save(str(tmp_path / "export-dialog.png"))
        dialog.accept()

    when_modal(ExportDialog, choose)
    when_modal(QMessageBox, click("OK"))
    path = export_to_colleague(window, ask_path=lambda s: str(tmp_path / s.name))
    assert checked == [True]
    assert path.name.endswith(".dialogteam.zip.aes") and package_is_encrypted(path)
    assert read_package(path, passphrase=PASSPHRASE).created_by is not None


def test_export_dialog_without_notes_does_not_propose_encryption(window):
    dialog = ExportDialog(window, None)
    assert dialog.all.isChecked() and not dialog.encrypt.isChecked()
    assert dialog.export_button.isEnabled()
    dialog.close()


def test_import_asks_for_the_passphrase_until_right_or_cancelled(window, tmp_path):
    anna = laptop(tmp_path, "anna")
    load_sample(anna)
    path = tmp_path / "anna.dialogteam.zip.aes"
    export_package(anna.db, path, created_by="Anna", passphrase=PASSPHRASE)
    anna.close()
    asked = []

    def answers(*given):
        def ask(parent, title, text, error=""):
            asked.append(error)
            return given[len(asked) - 1]
        return ask

    # Cancelled at once: nothing imported, nothing said.
    assert import_from_colleague(window, path, ask=answers(None)) is None
    assert window.ctx.store.notes.count() == 0
    asked.clear()
    when_modal(ImportSummary, lambda summary: summary.reject())
    report = import_from_colleague(window, path, ask=answers("fel fras här", PASSPHRASE))
    assert asked[0] == "" and "Lösenfrasen öppnar inte paketet" in asked[1]
    assert report is not None and report.added["notes"] == 31
