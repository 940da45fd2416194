import os
import sys
from pathlib import Path

# Headless: no display on CI machines. Must be set before Qt is imported.
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from dialogteam_app.paths import DataPaths
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store

REPO = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(items):
    """Mark every test that uses Qt as `gui`: by its fixtures or its module's name."""
    for item in items:
        uses_qt = {"qtbot", "qapp", "window"} & set(getattr(item, "fixturenames", ()))
        if uses_qt or item.module.__name__.startswith("test_gui_"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def data_paths(tmp_path) -> DataPaths:
    root = tmp_path / "data"
    root.mkdir()
    return DataPaths(root)


@pytest.fixture
def store(data_paths):
    """A real SQLite file with the writes done inline (as the CLI does)."""
    s = Store(Database(data_paths.database, backup_dir=data_paths.backups))
    yield s
    s.close()


@pytest.fixture
def window(qtbot, data_paths):
    """The real main window over a real database with its writer thread."""
    from dialogteam_app.ui.app import make_application, open_main_window
    make_application()
    w = open_main_window(data_paths)
    w.show()  # not qtbot.addWidget: its close would come before the dialog answer below
    yield w
    if w.ctx.autosaver.invalid_messages():  # the window asks before losing them
        from helpers.qt_helpers import answer_next_dialog
        answer_next_dialog("Stäng ändå")
    dispose(w)


def dispose(window):
    """Close a main window, its database, and really destroy it: windows left
    alive make every later test slower."""
    from PySide6.QtCore import QCoreApplication, QEvent
    window.close()
    window.ctx.store.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def run_module(*args, env_extra=None, timeout=60):
    """Run `python -m dialogteam_app ARGS` as a separate process."""
    import subprocess
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "dialogteam_app", *args], capture_output=True,
                          text=True, env=env, timeout=timeout, cwd=REPO)
