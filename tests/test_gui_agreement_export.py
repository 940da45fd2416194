"""The agreement editor's export (Ctrl+E): the PDF previewed, saved as PDF or Word,
and an e-mail draft with the PDF, the Word document or both, as the plan's export
dialog does; the plan shown as Bilaga 1 is frozen once, whichever file comes first."""

import email
from email import policy

import pytest
from docx import Document
from pypdf import PdfReader
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from stockholm_agreement import DNR, enter_stockholm
from test_gui_agreement import open_agreements
from test_gui_plan_export_dialog import UrlCatcher

from dialogteam_app.domain.organisations import ContactPerson

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def dialog(window, qtbot):
    store = window.ctx.store
    with store.db.bulk():
        engagement_id, ok2_id = enter_stockholm(store)
        organiser_id = store.engagements.get(engagement_id).organiser_id
        store.organisers.save_contact(ContactPerson(
            organiser_id=organiser_id, name="Peter Lyth", email="peter.lyth@edu.stockholm.se",
            primary=True))
    view = open_agreements(window, engagement_id)
    view.reload(select=ok2_id)
    dialog = view.make_export_dialog()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.is_ready, timeout=30_000)
    return dialog


def plan_versions(dialog):
    return dialog.ctx.store.plan_versions.list(dialog.export.agreement.engagement_id)


def test_save_as_pdf_then_word_freezes_bilaga_1_once(dialog, tmp_path):
    assert "sidor. Åtgärdsplanen version 1 är bilaga 1." in dialog.status_text
    pdf = tmp_path / "ÖK 2.pdf"
    assert dialog.save_to(pdf)
    assert pdf.read_bytes() == dialog.preview_path.read_bytes()   # what was previewed
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "52 timmar" in text and "Bilaga 1 Åtgärdsplan, sida 1 av" in text
    word = tmp_path / "ÖK 2.docx"
    assert dialog.save_to(word)
    headings = [p.text for p in Document(str(word)).paragraphs
                if p.style.name.startswith("Heading")]
    assert "1 Parter" in headings and "Underskrifter" in headings
    versions = plan_versions(dialog)
    assert [v.number for v in versions] == [1] and versions[0].file_name == "ÖK 2.pdf"
    stored = dialog.ctx.store.agreements.get(dialog.export.agreement.id)
    assert stored.plan_version_id == versions[0].id
    preview = dialog.preview_path
    dialog.reject()
    assert not preview.exists()      # the private preview folder is removed


@pytest.mark.parametrize("choice, suffixes", [
    (("pdf",), [".pdf"]), (("docx",), [".docx"]), (("pdf", "docx"), [".pdf", ".docx"])])
def test_email_draft_carries_pdf_word_or_both(dialog, tmp_path, choice, suffixes):
    dialog.set_attachments(choice)
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        eml = dialog.email_with(tmp_path / "Överenskommelse ÖK 2.pdf", choice)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert catcher.urls == [QUrl.fromLocalFile(str(eml))]
    msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert msg["To"].addresses[0].addr_spec == "peter.lyth@edu.stockholm.se"
    assert msg["Subject"] == f"Överenskommelse (ÖK 2) – Stockholms kommun, dnr {DNR}"
    attachments = list(msg.iter_attachments())
    assert [a.get_filename() for a in attachments] == [
        f"Överenskommelse ÖK 2{s}" for s in suffixes]
    mime = {".pdf": "application/pdf", ".docx": DOCX_MIME}
    assert [a.get_content_type() for a in attachments] == [mime[s] for s in suffixes]
    for a, s in zip(attachments, suffixes, strict=True):
        assert a.get_content() == (tmp_path / f"Överenskommelse ÖK 2{s}").read_bytes()
    body = msg.get_body().get_content()
    assert "Hej Peter Lyth!" in body and "Åtgärdsplanen är bilaga 1 i samma fil." in body
    named = {("pdf",): "som PDF i bilagan", ("docx",): "som Word-dokument i bilagan",
             ("pdf", "docx"): "som PDF och som Word-dokument i bilagorna"}
    assert named[choice] in body
    assert len(plan_versions(dialog)) == 1
