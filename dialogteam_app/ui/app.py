"""Starting the program: one instance per data folder, the database opened with
its writer thread, the main window shown, everything flushed on the way out."""

from __future__ import annotations

import sqlite3
import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import APP_NAME, __version__
from ..assets import resource
from ..instance_lock import AlreadyRunningError, InstanceLock
from ..paths import DataPaths
from ..store.database import Database
from ..store.migrations import NewerDatabaseError
from ..store.store import Store
from .autosave import Autosaver
from .context import AppContext
from .dialogs import show_error
from .main_window import MainWindow
from .style import STYLESHEET


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("dialogteam")
    app.setWindowIcon(QIcon(str(resource("icons", "dialogteam.svg"))))
    app.setStyleSheet(STYLESHEET)
    return app


def open_main_window(paths: DataPaths) -> MainWindow:
    """Open the data folder's database and build the window (the caller holds the lock)."""
    autosaver = Autosaver()
    db = Database(paths.database, backup_dir=paths.backups, threaded=True,
                  on_pending=autosaver.writer_pending, on_error=autosaver.writer_error)
    autosaver.attach(db)
    window = MainWindow(AppContext(Store(db), autosaver, paths))
    autosaver.setParent(window)
    return window


def run_gui(paths: DataPaths) -> int:
    app = make_application()
    try:
        lock = InstanceLock(paths.lock).acquire()
    except AlreadyRunningError as exc:
        print(exc, file=sys.stderr)
        show_error(None, "Dialogteam är redan igång", str(exc))
        return 1
    try:
        try:
            window = open_main_window(paths)
        except (NewerDatabaseError, sqlite3.DatabaseError) as exc:
            show_error(None, "Databasen kan inte öppnas",
                       f"{exc}\n\nSäkerhetskopior finns i {paths.backups}.")
            return 2
        window.show()
        status = app.exec()
        window.ctx.store.close()
        return status
    finally:
        lock.release()
