"""The e-mail draft: a valid message with the PDF attached byte for byte, opened
as an unsent draft by Outlook and Thunderbird."""

import email
from email import policy
from email.header import decode_header, make_header
from email.utils import parsedate_to_datetime

import pytest
from helpers.plan_documents import timra_document

from dialogteam_app.domain.plan_document import PlanDocument
from dialogteam_app.export import render_plan_pdf
from dialogteam_app.export.email_draft import draft_body, draft_subject, write_email_draft
from dialogteam_app.export.file_names import safe_file_stem, suggested_pdf_name


def norrvik(**changes) -> PlanDocument:
    doc = PlanDocument(organiser_name="Norrviks kommun", engagement_title="Samverkan för bästa skola",
                       version=2, date="2026-11-23", author="Karin Ström")
    for name, value in changes.items():
        setattr(doc, name, value)
    return doc


@pytest.fixture
def pdf(tmp_path):
    path = tmp_path / suggested_pdf_name(norrvik())
    render_plan_pdf(timra_document(), path)
    return path


def read(path):
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)


def test_draft_carries_the_pdf_byte_for_byte(pdf, tmp_path):
    doc = norrvik()
    eml = write_email_draft(pdf.with_suffix(".eml"), pdf, "Anna Ek", "anna.ek@norrvik.se",
                            draft_subject(doc), draft_body(doc, "Anna Ek"))
    msg = read(eml)
    assert msg["X-Unsent"] == "1"
    assert msg["Subject"] == "Åtgärdsplan – Norrviks kommun, version 2"
    (to,) = msg["To"].addresses
    assert (to.display_name, to.addr_spec) == ("Anna Ek", "anna.ek@norrvik.se")
    assert parsedate_to_datetime(msg["Date"]) is not None
    body = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert body.startswith("Hej Anna Ek!")
    assert "åtgärdsplanen för Norrviks kommun inom Samverkan för bästa skola, version 2 " \
           "daterad 2026-11-23" in body
    assert body.rstrip().endswith("Med vänliga hälsningar\nKarin Ström")
    (attachment,) = msg.iter_attachments()
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "Åtgärdsplan Norrviks kommun v2 2026-11-23.pdf"
    raw = eml.read_bytes()
    assert b'Content-Type: application/pdf; name="=?utf-8?' in raw  # what Outlook reads
    name = str(make_header(decode_header(attachment.get_param("name"))))
    assert name == attachment.get_filename()
    assert attachment.get_content() == pdf.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([pdf.name, eml.name])


def test_draft_without_an_address_is_still_a_draft(pdf):
    eml = write_email_draft(pdf.with_suffix(".eml"), pdf, "Anna Ek", "", "Ämne", "Hej!\n")
    msg = read(eml)
    assert msg["To"] is None
    assert msg["X-Unsent"] == "1"
    assert next(msg.iter_attachments()).get_content() == pdf.read_bytes()
    assert draft_body(norrvik(author=""), "").startswith("Hej!\n")


def test_an_unusable_address_is_refused_in_swedish(pdf):
    with pytest.raises(ValueError, match="går inte att använda"):
        write_email_draft(pdf.with_suffix(".eml"), pdf, "Anna", "anna@@norrvik", "Ämne", "Hej")
    assert not pdf.with_suffix(".eml").exists()


def test_file_names_are_valid_everywhere():
    assert suggested_pdf_name(norrvik()) == "Åtgärdsplan Norrviks kommun v2 2026-11-23.pdf"
    assert safe_file_stem('Skola "A/B": del 1?  ') == "Skola -A-B- del 1-"
    assert safe_file_stem(" ... ") == "Åtgärdsplan"
    assert suggested_pdf_name(norrvik(organiser_name="x" * 500)).endswith(".pdf")
    assert len(suggested_pdf_name(norrvik(organiser_name="x" * 500))) <= 154


def test_line_breaks_in_a_name_or_title_make_no_new_header(tmp_path):
    from email import message_from_bytes, policy

    from dialogteam_app.export.email_draft import write_email_draft
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    path = write_email_draft(tmp_path / "utkast.eml", pdf, "Anna\r\nBcc: hemlig@example.se",
                             "anna@example.se", "Åtgärdsplan – Timrå\r\nBcc: x@example.se",
                             "Hej!\n")
    msg = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert msg["Bcc"] is None
    assert msg["Subject"] == "Åtgärdsplan – Timrå Bcc: x@example.se"
    assert msg["To"].addresses[0].addr_spec == "anna@example.se"


def test_draft_can_carry_pdf_and_docx(pdf, tmp_path):
    from dialogteam_app.export import render_plan_docx
    word = pdf.with_suffix(".docx")
    render_plan_docx(timra_document(), word)
    doc = norrvik()
    eml = write_email_draft(pdf.with_suffix(".eml"), [pdf, word], "Anna Ek", "anna.ek@norrvik.se",
                            draft_subject(doc), draft_body(doc, "Anna Ek", ("pdf", "docx")))
    msg = read(eml)
    parts = list(msg.iter_attachments())
    assert [p.get_content_type() for p in parts] == [
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"]
    assert parts[0].get_content() == pdf.read_bytes()
    assert parts[1].get_content() == word.read_bytes()
    assert str(make_header(decode_header(parts[1].get_param("name")))) == word.name
    body = msg.get_body(("plain",)).get_content()
    assert "som PDF och som Word-dokument" in body and "i bilagorna" in body
