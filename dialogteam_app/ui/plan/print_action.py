"""Arkiv → Skriv ut… (Ctrl+P): the current samverkan's åtgärdsplan through Qt's print
dialog. The plan is rendered as it would be exported (off the GUI thread, shown in
the export dialog), and the print dialog opens as soon as the PDF is ready."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from ..window.main_window import MainWindow


def add_print_action(w: MainWindow) -> QAction:
    action = QAction("Skriv ut…", w)
    action.setShortcut(QKeySequence.StandardKey.Print)
    action.setStatusTip("Skriv ut åtgärdsplanen för den valda samverkan")
    action.triggered.connect(lambda: print_current_plan(w))
    w.addAction(action)
    return action


def print_current_plan(w: MainWindow):
    """Open the export dialog for the selected samverkan's plan, printing when ready;
    returns the dialog (None when no samverkan is selected)."""
    from .export import plan_export_dialog
    engagement_id = w.current_engagement_id()
    if engagement_id is None:
        w.statusBar().showMessage(
            "Välj en samverkan (eller ett möte i den) vars åtgärdsplan ska skrivas ut.", 8000)
        return None
    dialog = plan_export_dialog(w, w.ctx.store, engagement_id, lambda version: None)
    dialog.print_preview()
    dialog.open()
    return dialog
