"""Starting the program: one instance per data folder, the database opened with
its writer thread, the main window shown, everything flushed on the way out."""

from __future__ import annotations

import logging
import os
import sys
import time

from PySide6.QtCore import QEvent, QLibraryInfo, QObject, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from .. import APP_NAME, __version__
from ..assets import resource
from ..diagnostics import log_file, log_start
from ..instance_lock import AlreadyRunningError, InstanceLock
from ..paths import DataPaths
from ..store.connection import is_encrypted_file
from ..store.database import Database
from ..store.errors import StoreError, read_only_text
from ..store.store import Store
from ..windows_console import window_shows_errors
from .common.autosave import Autosaver
from .common.context import AppContext
from .common.dialogs import show_error
from .common.error_reporter import ErrorReporter
from .common.theme import apply_theme
from .platform_check import check_platform
from .window.main_window import MainWindow

log = logging.getLogger(__name__)


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("se.dialogteam.Dialogteam")   # as BUNDLE_ID and packaging/linux/
    app.setWindowIcon(QIcon(str(resource("icons", "dialogteam.svg"))))
    assert isinstance(app, QApplication)
    if getattr(app, "_swedish_qt", None) is None:  # once per process (tests make it often)
        app._swedish_qt = install_swedish_qt_texts(app) or False  # kept alive with the app
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: apply_theme(app))
    apply_theme(app)
    if not hasattr(app, "stall_log"):
        app.stall_log = None
        if os.environ.get("DIALOGTEAM_STALL_LOG"):  # for developers; see common/stall_log.py
            from .common.stall_log import install_from_environment
            app.stall_log = install_from_environment()
    return app


def install_swedish_qt_texts(app: QApplication) -> QTranslator | None:
    """Qt's own texts (Ångra/Klipp ut in text fields, the file dialog) in Swedish."""
    translator = QTranslator(app)
    if not translator.load("qtbase_sv", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        return None
    app.installTranslator(translator)
    return translator


def open_main_window(paths: DataPaths) -> MainWindow:
    """Open the data folder's database and build the window (the caller holds the lock)."""
    autosaver = Autosaver()
    db = Database(paths.database, backup_dir=paths.backups, threaded=True,
                  on_pending=autosaver.writer_pending, on_error=autosaver.writer_error)
    store = Store(db)
    autosaver.attach(store)
    window = MainWindow(AppContext(store, autosaver, paths))
    autosaver.setParent(window)
    return window


class _SmokeTimer(QObject):
    """For --smoke: says when the window first painted and when it became usable
    (last selection back, input accepted), then quits."""

    def __init__(self, window: MainWindow, started: float):
        super().__init__(window)
        self.started = started
        self.painted_ms: float | None = None
        window.installEventFilter(self)
        window.usable.connect(self._usable)

    def _ms(self) -> float:
        return (time.perf_counter() - self.started) * 1000

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted_ms is None:
            self.painted_ms = self._ms()
        return False

    def _usable(self) -> None:
        # Said at once, not after shutdown: a benchmark times this line's arrival.
        print(f"Dialogteam {__version__}: huvudfönstret visades efter {self.painted_ms or 0:.0f} ms "
              f"och var användbart efter {self._ms():.0f} ms", flush=True)
        QTimer.singleShot(0, QApplication.quit)


def _start_automatic_backups(window: MainWindow) -> None:
    from .backups.backup_schedule import AutomaticBackups  # a second after start, off its path
    backups = AutomaticBackups(window.ctx, window)
    backups.finished.connect(lambda text: window.statusBar().showMessage(text, 5000))
    backups.start()


def run_gui(paths: DataPaths, *, smoke: bool = False, started: float | None = None) -> int:
    """Start the program; with smoke=True, exit once the window is usable."""
    started = time.perf_counter() if started is None else started
    if smoke and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a smoke test needs no screen
    problem = check_platform(os.environ)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 3
    app = make_application()
    log_start("window start")
    shown: list[MainWindow] = []
    reporter = ErrorReporter(log_file(paths) if log_file(paths).exists() else None,
                             lambda: shown[0] if shown else None)
    reporter.install()
    try:
        return _run(app, paths, smoke, started, shown)
    except Exception:
        log.critical("the program stopped on an error", exc_info=True)
        raise
    finally:
        reporter.uninstall()


def _run(app: QApplication, paths: DataPaths, smoke: bool, started: float,
         shown: list[MainWindow]) -> int:
    try:
        lock = InstanceLock(paths.lock).acquire()
    except AlreadyRunningError as exc:
        log.warning("refused: another program has the data folder open")
        print(exc, file=sys.stderr)
        show_error(None, "Dialogteam är redan igång", str(exc))
        return 1
    except OSError:       # a read-only data folder: not even the lock can be made
        text = read_only_text(paths.root)
        print(text, file=sys.stderr)
        show_error(None, "Datamappen är skrivskyddad", text)
        return 2
    try:
        if is_encrypted_file(paths.database):    # the dialog's modules only when needed
            from .encryption.unlock import unlock_at_start
            if not unlock_at_start(paths):
                return 1
        try:
            window = open_main_window(paths)
        except StoreError as exc:
            show_error(None, "Databasen kan inte öppnas",
                       f"{exc}\n\nSäkerhetskopior finns i {paths.backups}.")
            return 2
        shown.append(window)
        window_shows_errors()
        for warning in window.ctx.store.open_warnings:
            log.warning("database opened with a warning: %s", warning)
            show_error(None, "Databasen var inte som väntat", warning)
        if smoke:
            _SmokeTimer(window, started)
        else:
            QTimer.singleShot(1000, window, lambda: _start_automatic_backups(window))
        window.show()
        log.info("window shown after %.0f ms", (time.perf_counter() - started) * 1000)
        status = app.exec()
        window.close()
        window.ctx.store.close()
        stall_log = getattr(app, "stall_log", None)
        if stall_log is not None:
            stall_log.stop()
            print(f"[Dialogteam] {stall_log.summary()}", file=sys.stderr)
        log.info("closed (status %d)", status)
        return status
    finally:
        lock.release()
