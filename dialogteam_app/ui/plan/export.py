"""Exporting a plan from the editor: the röd tråd advice first, then the export
dialog, and every PDF saved becomes a frozen version with its recipient."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.plan_check import Gap
from ...domain.plan_document import PlanVersion
from ...store.plan_snapshot import build_plan_document, recipient_text
from ...store.store import Store

EXPORT, SHOW_GAPS, CANCEL = "export", "show", "cancel"


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                or Path.home())


def ask_export_despite_gaps(parent: QWidget, gaps: list[Gap]) -> str:
    n = len(gaps)
    box = QMessageBox(QMessageBox.Icon.Information, "Röd tråd",
                      f"Planen har {n} brist{'er' if n != 1 else ''} i den röda tråden, "
                      f"till exempel: {gaps[0].message}", parent=parent)
    box.setInformativeText("Du kan exportera ändå; kontrollen är ett råd.")
    export = box.addButton("Exportera ändå", QMessageBox.ButtonRole.AcceptRole)
    show = box.addButton("Visa bristerna", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Avbryt", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(export)
    box.exec()
    clicked = box.clickedButton()
    return EXPORT if clicked is export else SHOW_GAPS if clicked is show else CANCEL


def plan_export_dialog(parent: QWidget, store: Store, engagement_id: str,
                       on_version: Callable[[PlanVersion], None]):
    """Render, preview, save, e-mail; each PDF saved is frozen as the next version."""
    from .export_dialog import PlanExportDialog
    engagement = store.engagements.get(engagement_id)
    contact = store.organisers.primary_contact(engagement.organiser_id)
    to_name, to_email = (contact.name, contact.email) if contact else ("", "")
    recipient = recipient_text(to_name, to_email)

    def exported(path: Path, document) -> None:
        on_version(store.plan_versions.freeze(engagement_id, document, recipient, path.name))

    return PlanExportDialog(
        parent, lambda: build_plan_document(store, engagement_id, recipient=recipient),
        documents_folder(), to_name, to_email, exported)


def version_pdf_dialog(parent: QWidget, version: PlanVersion):
    """An earlier version exactly as it was sent; saving it again makes no new version."""
    from .export_dialog import PlanExportDialog
    dialog = PlanExportDialog(parent, lambda: version.document, documents_folder(),
                              *split_recipient(version.recipient), lambda _path, _doc: None)
    dialog.setWindowTitle(f"Åtgärdsplan, version {version.number} ({version.created_at[:10]})")
    return dialog


def split_recipient(text: str) -> tuple[str, str]:
    """'Eva Lindqvist <eva@x.se>' -> ('Eva Lindqvist', 'eva@x.se')."""
    if text.endswith(">") and "<" in text:
        name, email = text[:-1].rsplit("<", 1)
        return name.strip(), email.strip()
    return ("", text) if "@" in text else (text, "")
