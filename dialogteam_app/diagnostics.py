"""The program's log: what happened on a user's laptop, for whoever helps them.

Standard `logging` into `logg/dialogteam.log` in the data folder. Size-based rotation
(1 MB, five old files) with a week's age limit on the old files: the size cap is what
protects a laptop's disk from an error repeating in a loop, which a daily rotation
would not; a week of ordinary use is a few hundred lines, far below the cap.

No personal data: the program logs ids and counts, never note text or names. A
traceback shows code, not data, but an exception's message may quote what the user
typed (a validation error, an e-mail address), so only the messages of exception
types that describe the system (OSError, SQLite, the store's errors, programming
errors) are written; other messages are replaced by their length, and the home
folder in file paths by ~. No Qt here.
"""

from __future__ import annotations

import io
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from . import __version__
from .paths import DataPaths
from .store.connection import sqlite3

log = logging.getLogger("dialogteam_app")

LOG_NAME = "dialogteam.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
KEEP_DAYS = 7
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"

# Exception types whose messages describe the system, not the user's data.
_SYSTEM_MESSAGES: tuple[type[BaseException], ...] = (
    OSError, sqlite3.Error, ArithmeticError, AttributeError, ImportError, IndexError,
    NameError, NotImplementedError, RecursionError, TypeError, MemoryError)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def _shows_message(exc: BaseException) -> bool:
    from .store.errors import StoreError  # its messages are fixed Swedish texts
    return isinstance(exc, _SYSTEM_MESSAGES + (StoreError,))


def redacted_traceback(exc: BaseException) -> str:
    """The traceback, with its chained exceptions, and only system messages kept."""
    import traceback  # on the first error, not at start-up
    top = traceback.TracebackException.from_exception(exc)
    te: traceback.TracebackException | None = top
    original: BaseException | None = exc
    seen: set[int] = set()
    while te is not None and original is not None and id(original) not in seen:
        seen.add(id(original))
        if not _shows_message(original):
            text = str(original)
            # _str is what format() prints as the message (CPython 3.11-3.14).
            te._str = f"(meddelandet utelämnat, {len(text)} tecken)" if text else ""  # type: ignore[attr-defined]
            te.__notes__ = None
        if original.__cause__ is not None:
            te, original = te.__cause__, original.__cause__
        elif original.__context__ is not None and not original.__suppress_context__:
            te, original = te.__context__, original.__context__
        else:
            te = None
    text = "".join(top.format()).rstrip("\n")
    home = str(Path.home())
    # File paths under the home folder would carry the login name.
    return text.replace(home, "~") if len(home) > 1 else text


class RedactingFormatter(logging.Formatter):
    def formatException(self, ei: Any) -> str:  # noqa: N802 - logging's name
        exc = ei[1]
        if exc is None:
            return super().formatException(ei)
        return redacted_traceback(exc)


class PrivateRotatingFileHandler(logging.FileHandler):
    """Size-based rotation like logging.handlers.RotatingFileHandler (whose module costs
    start-up ~5 ms in imports), and every file created readable by its owner only."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backup_count: int = BACKUP_COUNT):
        self.maxBytes, self.backupCount = max_bytes, backup_count
        super().__init__(path, mode="a", encoding="utf-8")

    def emit(self, record: logging.LogRecord) -> None:
        # Runs under the handler's lock (Handler.handle), so rotation is thread-safe.
        try:
            if self.stream is not None and self.stream.tell() >= self.maxBytes:
                self._rotate()
        except OSError:
            self.handleError(record)
        super().emit(record)

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
        for n in range(self.backupCount - 1, 0, -1):
            older = Path(f"{self.baseFilename}.{n}")
            if older.exists():
                os.replace(older, f"{self.baseFilename}.{n + 1}")
        os.replace(self.baseFilename, f"{self.baseFilename}.1")
        self.stream = self._open()

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        if os.name == "posix":
            os.fchmod(fd, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)  # noqa: SIM115


def log_file(paths: DataPaths) -> Path:
    return paths.logs / LOG_NAME


def _remove_week_old(folder: Path, now: float) -> None:
    for old in folder.glob(f"{LOG_NAME}.*"):
        try:
            if now - old.stat().st_mtime > KEEP_DAYS * 86400:
                old.unlink()
        except OSError:
            pass   # another program holds it; next start tries again


def setup_logging(paths: DataPaths, *, level: int = logging.INFO) -> Path | None:
    """Log to the data folder's logg/; returns the file, or None if it cannot be written
    (the program runs on without a log rather than not at all)."""
    for old in [h for h in log.handlers if isinstance(h, PrivateRotatingFileHandler)]:
        log.removeHandler(old)
        old.close()
    path = log_file(paths)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _remove_week_old(path.parent, time.time())
        handler = PrivateRotatingFileHandler(path)
    except OSError:
        print(f"Loggfilen {path} kan inte skrivas (mappen är skrivskyddad?); programmet "
              "fortsätter utan logg.", file=sys.stderr)
        # Without a handler Python would print every logged traceback on stderr.
        log.addHandler(logging.NullHandler())
        return None
    handler.setFormatter(RedactingFormatter(FORMAT))
    log.addHandler(handler)
    log.setLevel(level)
    return path


def operating_system() -> tuple[str, str]:
    """Its name and release, as platform.system()/release() say them (the platform
    module itself took ~1.3 ms of every start to import)."""
    if hasattr(os, "uname"):
        name = os.uname()
        return name.sysname, name.release
    version = sys.getwindowsversion()  # type: ignore[attr-defined,unused-ignore]
    return "Windows", f"{version.major}.{version.minor}.{version.build}"


def log_start(what: str) -> None:
    """One line that says which program, on what, is starting (no user name, no paths)."""
    log.info("%s: Dialogteam %s, Python %d.%d.%d, %s %s", what, __version__,
             *sys.version_info[:3], *operating_system())


ErrorCallback = Callable[[BaseException], None]


def install_exception_hooks(on_error: ErrorCallback | None = None) -> Callable[[], None]:
    """Route uncaught exceptions, also those of threads, to the log (and on to on_error,
    from whichever thread raised). Returns a function that puts the old hooks back."""
    previous_sys, previous_thread = sys.excepthook, threading.excepthook

    def sys_hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous_sys(kind, exc, tb)
            return
        log.critical("uncaught exception", exc_info=(kind, exc, tb))
        sys.__excepthook__(kind, exc, tb)   # a developer's terminal shows it too
        if on_error is not None:
            on_error(exc)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        log.critical("uncaught exception in thread %s", name,
                     exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
        if on_error is not None:
            on_error(args.exc_value)

    sys.excepthook, threading.excepthook = sys_hook, thread_hook

    def restore() -> None:
        sys.excepthook, threading.excepthook = previous_sys, previous_thread
    return restore
