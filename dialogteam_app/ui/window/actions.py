"""The main window's actions, menus and toolbar, with their Swedish texts and shortcuts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from ..plan.print_action import add_print_action
from .help_menu import add_help_menu
from .undo_actions import follow_focus
from .view_menu import build_export_plan_action, build_view_menu

if TYPE_CHECKING:
    from .main_window import MainWindow


def _action(w: MainWindow, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    action = QAction(text, w)
    action.triggered.connect(slot)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.setStatusTip(tip)
    return action


def build_actions(w: MainWindow) -> None:
    """Create the window's act_* actions and put them in the menus and the toolbar."""
    w.act_new_organiser = _action(w, "&Ny huvudman", w.new_organiser, "Ctrl+N",
                                  "Lägg till en huvudman")
    w.act_new_engagement = _action(w, "Ny &samverkan", w.new_engagement, "Ctrl+Shift+N",
                                   "Lägg till en samverkan för den valda huvudmannen")
    w.act_new_meeting = _action(w, "Nytt &möte", w.new_meeting, "Ctrl+M",
                                "Lägg till ett möte i den valda samverkan")
    w.act_search = _action(w, "S&ök i anteckningar", w.show_search, QKeySequence.StandardKey.Find,
                           "Sök i alla anteckningar")
    w.act_delete = _action(w, "&Ta bort…", w.delete_selected, QKeySequence.StandardKey.Delete,
                           "Ta bort den valda huvudmannen, samverkan eller mötet")
    # Delete only acts in the navigator; in a text field it deletes text.
    w.act_delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    w.navigator.addAction(w.act_delete)
    w.act_sample = _action(w, "Öppna e&xempeldata", w.open_sample)
    w.act_data_dir = _action(w, "&Visa datamappen", w.show_data_dir)
    # Ctrl+Q on every platform: the standard key is empty on Windows, where most users are.
    w.act_quit = _action(w, "&Avsluta", w.close, "Ctrl+Q")
    w.act_undo = _action(w, "Ångra", lambda: w._edit_command("undo"), QKeySequence.StandardKey.Undo)
    w.act_redo = _action(w, "Gör om", lambda: w._edit_command("redo"), QKeySequence.StandardKey.Redo)
    w.act_export_plan = build_export_plan_action(w)
    w.act_export = _action(w, "&Exportera samverkan…", w.export_package,
                           tip="Spara en samverkan som ett paket till en kollega")
    w.act_import = _action(w, "&Importera paket…", w.import_package,
                           tip="Läs in en kollegas paket och för samman det med det som finns här")
    w.act_conflicts = _action(w, "&Konflikter…", w.show_conflicts,
                              tip="Välj version där du och en kollega har ändrat samma sak")
    w.act_backups = _action(w, "Säker&hetskopior…", w.show_backups)
    w.act_check = _action(w, "Kontrollera &databasen", w.check_database)
    w.act_encrypt = _encryption_action(w)
    w.act_print = add_print_action(w)

    _fill(w.menuBar().addMenu("&Arkiv"), (
        w.act_new_organiser, w.act_new_engagement, w.act_new_meeting, None,
        w.act_export_plan, w.act_print, None,
        w.act_export, w.act_import, w.act_conflicts, None, w.act_backups, w.act_check,
        w.act_encrypt, None,
        w.act_sample, w.act_data_dir, None, w.act_quit))
    _fill(w.menuBar().addMenu("&Redigera"), (
        w.act_undo, w.act_redo, None, w.act_search, None, w.act_delete))
    build_view_menu(w)
    add_help_menu(w)
    from ..follow_up.window_hooks import add_follow_up_actions
    add_follow_up_actions(w)
    follow_focus(w)

    toolbar = w.addToolBar("Verktyg")
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    _fill(toolbar, (w.act_new_organiser, w.act_new_engagement, w.act_new_meeting,
                    w.act_delete, None, w.act_search, None, w.act_export_plan))


def _encryption_action(w: MainWindow) -> QAction:
    def run() -> None:
        from ..encryption.encrypt_dialog import encrypt_from_window
        encrypt_from_window(w)
    return _action(w, "Kr&yptera databasen…", run,
                   tip="Skydda databasen och säkerhetskopiorna med en lösenfras")


def _fill(bar, actions) -> None:
    """Menu or toolbar: the actions in order, None for a separator."""
    for a in actions:
        bar.addSeparator() if a is None else bar.addAction(a)
