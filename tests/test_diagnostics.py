"""The log in the data folder: where, how big, how private, and what it holds."""

from __future__ import annotations

import logging
import os
import stat
import sys
import time

import pytest

from dialogteam_app import diagnostics
from dialogteam_app.cli import main
from dialogteam_app.diagnostics import log_file, redacted_traceback, setup_logging
from dialogteam_app.store.database import Database
from dialogteam_app.windows_console import attach_windows_console

SECRET = "Elevens hemliga berättelse om Kalle"


@pytest.fixture
def logged(data_paths):
    path = setup_logging(data_paths)
    yield path
    for h in list(diagnostics.log.handlers):
        if isinstance(h, diagnostics.PrivateRotatingFileHandler):
            diagnostics.log.removeHandler(h)
            h.close()


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_log_is_in_the_data_folder_and_private(data_paths, logged):
    assert logged == data_paths.root / "logg" / "dialogteam.log" == log_file(data_paths)
    logging.getLogger("dialogteam_app.store").info("hello")
    assert "hello" in logged.read_text(encoding="utf-8")
    if os.name == "posix":
        assert _mode(logged) == 0o600
        assert _mode(logged.parent) == 0o700


def test_setting_up_twice_writes_each_line_once(data_paths, logged):
    setup_logging(data_paths)
    logging.getLogger("dialogteam_app").info("once")
    assert logged.read_text(encoding="utf-8").count("once") == 1


def test_rotation_keeps_a_few_private_files(data_paths, logged):
    handler = next(h for h in diagnostics.log.handlers
                   if isinstance(h, diagnostics.PrivateRotatingFileHandler))
    handler.maxBytes = 400
    for i in range(200):
        logging.getLogger("dialogteam_app").info("line %d of some length to fill it", i)
    files = sorted(logged.parent.glob("dialogteam.log*"))
    assert len(files) == diagnostics.BACKUP_COUNT + 1
    if os.name == "posix":
        assert {_mode(f) for f in files} == {0o600}


def test_old_files_older_than_a_week_go_at_start(data_paths):
    folder = data_paths.logs
    folder.mkdir()
    old, recent = folder / "dialogteam.log.4", folder / "dialogteam.log.1"
    for f in (old, recent):
        f.write_text("x")
    week_ago = time.time() - 8 * 86400
    os.utime(old, (week_ago, week_ago))
    setup_logging(data_paths)
    assert recent.exists() and not old.exists()


def test_a_message_that_may_hold_user_text_is_left_out_of_a_traceback():
    try:
        try:
            raise OSError(f"disk full writing {'plan.pdf'}")
        except OSError as cause:
            raise ValueError(f"E-postadressen {SECRET} går inte att använda") from cause
    except ValueError as exc:
        text = redacted_traceback(exc)
    assert SECRET not in text
    assert "ValueError: (meddelandet utelämnat," in text
    assert "OSError: disk full writing plan.pdf" in text    # the system's message stays
    assert "test_a_message_that_may_hold_user_text" in text  # the frames stay


def test_migrations_and_commands_are_logged(data_paths, logged):
    Database(data_paths.database).close()
    assert main(["--data-dir", str(data_paths.root), "list"]) == 0
    text = logged.read_text(encoding="utf-8")
    assert "migrating schema 0 -> 1" in text
    assert "command list: Dialogteam" in text


def test_a_failing_command_logs_its_traceback(data_paths, logged, capsys):
    data_paths.database.write_bytes(b"this is not a database" * 100)
    assert main(["--data-dir", str(data_paths.root), "list"]) == 2
    text = logged.read_text(encoding="utf-8")
    assert "command list failed" in text and "Traceback" in text
    assert "StoreCorruptError" in text


@pytest.mark.parametrize(("platform_name", "frozen"),
                         [("linux", True), ("darwin", True), ("win32", False), ("linux", False)])
def test_only_the_frozen_windows_program_attaches_a_console(platform_name, frozen):
    calls = []

    class Kernel32:
        def AttachConsole(self, pid):  # noqa: N802 - the Windows name
            calls.append(pid)
            return 0

    before = sys.stdout
    assert attach_windows_console(platform_name, frozen, Kernel32()) is False
    assert calls == [] and sys.stdout is before


def test_an_exception_in_a_thread_is_logged_and_reported(logged):
    import threading

    from dialogteam_app.diagnostics import install_exception_hooks

    reported: list[BaseException] = []
    restore = install_exception_hooks(reported.append)
    try:
        def work():
            raise KeyError("note-id-123")
        thread = threading.Thread(target=work, name="dialogteam-test")
        thread.start()
        thread.join()
    finally:
        restore()
    assert [type(e) for e in reported] == [KeyError]
    text = logged.read_text(encoding="utf-8")
    assert "uncaught exception in thread dialogteam-test" in text and "in work" in text
    assert threading.excepthook is not None and sys.excepthook is not None


def test_the_home_folder_in_a_traceback_becomes_a_tilde(tmp_path, monkeypatch):
    from pathlib import Path
    monkeypatch.setenv("HOME", str(tmp_path))
    source = tmp_path / "kalle_module.py"
    source.write_text("def boom():\n    raise OSError('no')\n")
    code = compile(source.read_text(), str(source), "exec")
    namespace: dict = {}
    exec(code, namespace)
    try:
        namespace["boom"]()
    except OSError as exc:
        text = redacted_traceback(exc)
    assert str(Path.home()) == str(tmp_path)
    assert str(tmp_path) not in text and '"~/kalle_module.py"' in text
