"""Hjälp: Kortkommandon, Öppna loggmappen, and Om Dialogteam (version, data folder, licences)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from ..common.folders import open_folder

if TYPE_CHECKING:
    from .main_window import MainWindow


def add_help_menu(w: MainWindow) -> None:
    w.act_shortcuts = QAction("&Kortkommandon", w)
    w.act_shortcuts.setShortcut(QKeySequence("Ctrl+F1"))
    w.act_shortcuts.setStatusTip("Alla tangentkombinationer i programmet")
    w.act_shortcuts.triggered.connect(w.show_shortcuts)
    w.act_log_folder = QAction("Öppna &loggmappen", w)
    w.act_log_folder.setStatusTip("Loggfilen beskriver vad programmet har gjort och vilka fel "
                                  "som har uppstått, utan innehållet i dina anteckningar")
    w.act_log_folder.triggered.connect(lambda: open_folder(w.ctx.paths.logs))
    w.act_about = QAction("&Om Dialogteam", w)
    w.act_about.triggered.connect(lambda: show_about(w))
    menu = w.menuBar().addMenu("&Hjälp")
    menu.addAction(w.act_shortcuts)
    menu.addAction(w.act_log_folder)
    menu.addSeparator()
    menu.addAction(w.act_about)


def show_about(w: MainWindow) -> None:
    from .about_dialog import AboutDialog  # on first use: the licence texts are read then
    AboutDialog(w, w.ctx.paths).exec()
