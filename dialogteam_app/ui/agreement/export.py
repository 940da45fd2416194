"""Exporting an agreement from the window: the export dialog (export_dialog.py)
renders the PDF with progress, previews it, saves it as PDF or Word and e-mails it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from ...export.file_names import safe_file_stem
from ...store.agreement_snapshot import prepare_agreement_export
from ..common.context import AppContext
from ..plan.export import documents_folder
from .export_dialog import AgreementExportDialog


def agreement_export_dialog(parent: QWidget, ctx: AppContext, agreement_id: str,
                            folder: Path | None = None) -> AgreementExportDialog:
    ctx.autosaver.flush()
    export = prepare_agreement_export(ctx.store, agreement_id)
    a = export.agreement
    engagement = ctx.store.engagements.get(a.engagement_id)
    contact = ctx.store.organisers.primary_contact(engagement.organiser_id)
    name = safe_file_stem(f"Överenskommelse {a.kind.label} {export.document.organiser.name}")
    return AgreementExportDialog(parent, ctx, export,
                                 (folder or documents_folder()) / f"{name}.pdf",
                                 contact.name if contact else "",
                                 contact.email if contact else "")
