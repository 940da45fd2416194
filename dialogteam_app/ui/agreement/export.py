"""Exporting an agreement as PDF from the window: choose a file, render off the GUI
thread with progress, then freeze the plan version attached as Bilaga 1."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ...domain.agreement import Agreement
from ...export.atomic import describe_os_error
from ...export.file_names import safe_file_stem
from ...store.agreement_snapshot import attach_new_plan_version, prepare_agreement_export
from ..common.background_job import run_in_background
from ..common.context import AppContext
from ..common.dialogs import show_error, show_info
from ..plan.export import documents_folder


def export_agreement_pdf(parent: QWidget, ctx: AppContext, agreement: Agreement,
                         organiser_name: str, folder: Path | None = None) -> Path | None:
    """Ask where, write the PDF; returns the file written, or None."""
    ctx.autosaver.flush()
    name = safe_file_stem(f"Överenskommelse {agreement.kind.label} {organiser_name}") + ".pdf"
    path, _filter = QFileDialog.getSaveFileName(
        parent, "Spara överenskommelsen som PDF", str((folder or documents_folder()) / name),
        "PDF (*.pdf)")
    if not path:
        return None
    return write_agreement_pdf(parent, ctx, agreement.id, Path(path))


def write_agreement_pdf(parent: QWidget, ctx: AppContext, agreement_id: str,
                        path: Path) -> Path | None:
    from ...export.agreement_pdf import render_agreement_pdf
    export = prepare_agreement_export(ctx.store, agreement_id)

    def work(progress) -> int:
        return render_agreement_pdf(export.document, export.plan, path,
                                    lambda done, total: progress("Skapar PDF…", done / total))
    try:
        pages = run_in_background(parent, "Överenskommelsen som PDF", work)
    except OSError as exc:
        show_error(parent, "PDF:en sparades inte", describe_os_error(exc, path))
        return None
    bilaga = ""
    if export.plan is not None:
        if export.plan_is_new:
            attach_new_plan_version(ctx.store, export, path.name)
        bilaga = f" Åtgärdsplanen version {export.plan.version} är bilaga 1."
    show_info(parent, "PDF:en sparades", f"{path.name} ({pages} sidor) sparades i "
                                         f"{path.parent}.{bilaga}")
    return path
