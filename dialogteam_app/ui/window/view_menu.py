"""The Visa menu (the list on the left, the meeting's details, text size) and
Arkiv → Exportera åtgärdsplan…, which works wherever the focus is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from ..common.theme import ZOOM_STEPS, set_zoom, zoom

if TYPE_CHECKING:
    from .main_window import MainWindow


def build_export_plan_action(w: MainWindow) -> QAction:
    action = QAction("Exportera &åtgärdsplan…", w)
    action.setShortcut(QKeySequence("Ctrl+E"))
    action.setStatusTip("Förhandsgranska, spara och skicka den valda samverkans åtgärdsplan som PDF")
    action.triggered.connect(w.export_plan)
    return action


def build_view_menu(w: MainWindow) -> None:
    menu = w.menuBar().addMenu("&Visa")
    w.act_show_navigator = QAction("&Listan till vänster", w, checkable=True, checked=True)
    w.act_show_navigator.setShortcut(QKeySequence("F9"))
    w.act_show_navigator.toggled.connect(w.navigator.setVisible)
    w.act_show_meeting_details = QAction("&Mötets uppgifter till höger", w, checkable=True,
                                         checked=True)
    w.act_show_meeting_details.setShortcut(QKeySequence("Ctrl+Shift+M"))
    w.act_show_meeting_details.toggled.connect(w.show_meeting_details)
    w.act_zoom_in = QAction("&Större text", w)
    w.act_zoom_in.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
    w.act_zoom_in.triggered.connect(lambda: _zoom(w, +1))
    w.act_zoom_out = QAction("&Mindre text", w)
    w.act_zoom_out.setShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut))
    w.act_zoom_out.triggered.connect(lambda: _zoom(w, -1))
    w.act_zoom_reset = QAction("&Normal textstorlek", w)
    w.act_zoom_reset.setShortcut(QKeySequence("Ctrl+0"))
    w.act_zoom_reset.triggered.connect(lambda: _zoom(w, 0))
    for action in (w.act_show_navigator, w.act_show_meeting_details, None,
                   w.act_zoom_in, w.act_zoom_out, w.act_zoom_reset):
        menu.addSeparator() if action is None else menu.addAction(action)
    saved = float(w.settings.value("view/zoom", 1.0))
    if saved != zoom():
        set_zoom(QApplication.instance(), saved)


def _zoom(w: MainWindow, step: int) -> None:
    """One step larger or smaller (0: back to normal); remembered in fönster.ini."""
    steps = list(ZOOM_STEPS)
    here = min(range(len(steps)), key=lambda i: abs(steps[i] - zoom()))
    factor = 1.0 if step == 0 else steps[max(0, min(len(steps) - 1, here + step))]
    app = QApplication.instance()
    set_zoom(app, factor)
    w.settings.setValue("view/zoom", factor)
    w.statusBar().showMessage(f"Textstorlek {round(factor * 100)} %", 3000)
