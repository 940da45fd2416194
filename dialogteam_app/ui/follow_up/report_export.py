"""Saving a report as PDF (off the GUI thread) and handing it to the mail program
as an .eml draft, as the plan's export does. Nothing is sent by the program."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from ...domain.errors import ValidationError
from ...domain.report_document import ReportDocument
from ...store.store import Store
from ..common.background_job import run_in_background
from ..common.dialogs import show_error, show_info
from ..plan.export import documents_folder


def _render(parent: QWidget, store: Store, engagement_id: str, report_id: str,
            title: str) -> tuple[ReportDocument, Path] | None:
    from ...export.follow_up.report_mail import suggested_report_name
    from ...export.follow_up.report_pdf import render_report_pdf
    try:
        doc = store.follow_up.report_document(engagement_id, report_id)
    except ValidationError as exc:
        show_error(parent, title, str(exc))
        return None
    name, _ = QFileDialog.getSaveFileName(
        parent, title, str(documents_folder() / suggested_report_name(doc)), "PDF (*.pdf)")
    if not name:
        return None
    path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
    try:
        run_in_background(parent, "Skapar PDF…",
                          lambda progress: render_report_pdf(
                              doc, path, lambda done, total: progress("Skapar PDF…",
                                                                      done / max(total, 1))))
    except OSError as exc:
        from ...export.atomic import describe_os_error
        show_error(parent, title, f"PDF:en sparades inte. {describe_os_error(exc, path)}")
        return None
    return doc, path


def export_report(parent: QWidget, store: Store, engagement_id: str, report_id: str) -> None:
    result = _render(parent, store, engagement_id, report_id, "Exportera redovisning")
    if result is not None:
        show_info(parent, "Exportera redovisning", f"{result[0].title} sparades som {result[1]}.")


def email_report(parent: QWidget, store: Store, engagement_id: str, report_id: str) -> None:
    from ...export.email_draft import write_email_draft
    from ...export.follow_up.report_mail import report_body, report_subject
    result = _render(parent, store, engagement_id, report_id, "Skicka redovisning med e-post")
    if result is None:
        return
    doc, pdf = result
    engagement = store.engagements.get(engagement_id)
    contact = store.organisers.primary_contact(engagement.organiser_id) if engagement else None
    to_name, to_email = (contact.name, contact.email) if contact else ("", "")
    try:
        eml = write_email_draft(pdf.with_suffix(".eml"), pdf, to_name, to_email,
                                report_subject(doc), report_body(doc, to_name))
    except (OSError, ValueError) as exc:
        show_error(parent, "Skicka redovisning med e-post", f"E-postutkastet skapades inte: {exc}")
        return
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(eml))):
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(eml.parent)))
