"""Exporting an agreement from the window: render its PDF off the GUI thread with
progress, then the export dialog (export_dialog.py) to preview, save as PDF or
Word and e-mail it."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ...export.atomic import describe_os_error
from ...export.file_names import safe_file_stem
from ...store.agreement_snapshot import prepare_agreement_export
from ..common.background_job import run_in_background
from ..common.context import AppContext
from ..common.dialogs import show_error
from ..plan.export import documents_folder
from .export_dialog import AgreementExportDialog


def agreement_export_dialog(parent: QWidget, ctx: AppContext, agreement_id: str,
                            folder: Path | None = None) -> AgreementExportDialog | None:
    """The dialog with the agreement's PDF rendered; None (after telling the user)
    when the PDF could not be made."""
    from ...export.agreement_pdf import render_agreement_pdf
    ctx.autosaver.flush()
    export = prepare_agreement_export(ctx.store, agreement_id)
    preview = Path(tempfile.mkdtemp(prefix="dialogteam-ok-")) / "förhandsgranskning.pdf"

    def work(progress) -> int:
        return render_agreement_pdf(export.document, export.plan, preview,
                                    lambda done, total: progress("Skapar PDF…", done / total))
    try:
        pages = run_in_background(parent, "Överenskommelsen som PDF", work)
    except OSError as exc:
        shutil.rmtree(preview.parent, ignore_errors=True)
        show_error(parent, "PDF:en kunde inte skapas", describe_os_error(exc, preview))
        return None
    a = export.agreement
    engagement = ctx.store.engagements.get(a.engagement_id)
    contact = ctx.store.organisers.primary_contact(engagement.organiser_id)
    name = safe_file_stem(f"Överenskommelse {a.kind.label} {export.document.organiser.name}")
    return AgreementExportDialog(parent, ctx, export, preview, pages,
                                 (folder or documents_folder()) / f"{name}.pdf",
                                 contact.name if contact else "",
                                 contact.email if contact else "")
