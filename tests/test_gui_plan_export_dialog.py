"""The export dialog: renders off the GUI thread, previews with QtPdf, saves what
was previewed, writes the e-mail draft and hands it to the desktop."""

import email
from email import policy

from helpers.plan_documents import timra_document
from helpers.qt_helpers import answer_next_dialog
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from dialogteam_app.ui.plan.export_dialog import PlanExportDialog


class UrlCatcher(QObject):
    """Stands in for the desktop's file opener (Qt's own hook, no real program starts)."""

    def __init__(self):
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url):
        self.urls.append(url)


def open_dialog(qtbot, tmp_path, exported, make=timra_document):
    dialog = PlanExportDialog(None, make, tmp_path, "Anna Sundström", "anna.sundstrom@timra.se",
                              lambda path, doc: exported.append((path, doc)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.is_ready, timeout=15_000)
    return dialog


def test_preview_save_and_email_draft(qtbot, tmp_path):
    exported = []
    dialog = open_dialog(qtbot, tmp_path, exported)
    assert dialog.preview_page_count > 10
    preview = dialog.preview_path.read_bytes()

    target = tmp_path / "Åtgärdsplan Timrå kommun v2.pdf"
    assert dialog.save_to(target)
    assert target.read_bytes() == preview
    assert [(p, d.organiser_name) for p, d in exported] == [(target, "Timrå kommun")]

    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        eml = dialog.email_with(target)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert catcher.urls == [QUrl.fromLocalFile(str(eml))]
    assert len(exported) == 1  # the same PDF, not a second export
    msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert msg["To"].addresses[0].addr_spec == "anna.sundstrom@timra.se"
    assert next(msg.iter_attachments()).get_content() == preview
    assert "har öppnats i e-postprogrammet" in dialog.status_text


def test_unwritable_folder_is_explained_in_swedish(qtbot, tmp_path):
    exported = []
    dialog = open_dialog(qtbot, tmp_path, exported)
    seen = []
    answer_next_dialog("OK", seen)
    assert not dialog.save_to(tmp_path / "finns inte" / "plan.pdf")
    assert "finns inte" in seen[0] and "Välj en annan mapp" in seen[0]
    assert exported == []


def test_escape_closes_and_removes_the_preview(qtbot, tmp_path):
    dialog = open_dialog(qtbot, tmp_path, [])
    preview = dialog.preview_path
    assert preview.is_file()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert not preview.parent.exists()


def test_a_document_that_cannot_be_made_is_reported(qtbot, tmp_path):
    def broken():
        raise RuntimeError("databasen är låst")
    dialog = PlanExportDialog(None, broken, tmp_path, "", "", lambda p, d: None)
    qtbot.addWidget(dialog)
    assert not dialog.is_ready
    assert "databasen är låst" in dialog.status_text


def test_the_dialog_names_characters_the_pdf_cannot_show(qtbot, tmp_path):
    from dataclasses import replace
    dialog = open_dialog(qtbot, tmp_path, [], lambda: replace(
        timra_document(), background="Eleverna sa 😀 och skrev شكرا."))
    dialog.resize(1366, 768)
    text = dialog._status.text()
    assert "U+1F600" in text and "Word" in text
    dialog.grab().save(str(tmp_path / "export-warning.png"))


def test_word_copy_print_and_email_with_both(qtbot, tmp_path, monkeypatch):
    import docx

    from dialogteam_app.ui.common import printing
    exported = []
    dialog = open_dialog(qtbot, tmp_path, exported)
    printed = []
    monkeypatch.setattr(printing.QPrintDialog, "exec", lambda self: printed.append(
        self.printer().docName()) or printing.QPrintDialog.DialogCode.Rejected)
    from PySide6.QtGui import QKeySequence
    assert dialog._print_button.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    dialog._print_button.click()
    assert printed == ["Åtgärdsplan – Timrå kommun, version 2"]

    target = tmp_path / "Åtgärdsplan Timrå kommun v2.pdf"
    dialog.set_attachments(("pdf", "docx"))
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        eml = dialog.email_with(target, ("pdf", "docx"))
    finally:
        QDesktopServices.unsetUrlHandler("file")
    word = target.with_suffix(".docx")
    assert "Timrå kommun" in "\n".join(p.text for p in docx.Document(str(word)).paragraphs)
    msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert [p.get_filename() for p in msg.iter_attachments()] == [target.name, word.name]
    assert [p.name for p, _ in exported] == [target.name]  # one version, in two formats
    assert dialog.save_docx_to(tmp_path / "Kopia.docx")
    assert [p.name for p, _ in exported] == [target.name, "Kopia.docx"]
