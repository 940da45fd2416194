"""One running program per data folder.

An OS file lock, not a marker file: the OS drops it when the process dies, even
from kill -9, so a crash never leaves the user locked out.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from .private_files import create_private_file


class AlreadyRunningError(RuntimeError):
    def __init__(self, lock_path: Path, pid: str):
        who = f" (process {pid})" if pid else ""
        super().__init__(
            f"Dialogteam är redan igång med datamappen {lock_path.parent}{who}. "
            "Använd det fönster som redan är öppet; två program som skriver i samma "
            "databas samtidigt kan förstöra den.")
        self.pid = pid


class InstanceLock:
    def __init__(self, path: Path):
        self.path = path
        self._fh: IO[str] | None = None

    def acquire(self) -> InstanceLock:
        create_private_file(self.path, exclusive=False)
        fh = open(self.path, "a+")
        try:
            _lock(fh)
        except OSError:
            fh.seek(0)
            pid = fh.read().strip()[:20]
            fh.close()
            raise AlreadyRunningError(self.path, pid) from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh
        return self

    def release(self) -> None:
        if self._fh is not None:
            _unlock(self._fh)
            self._fh.close()
            self._fh = None

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    def _lock(fh: IO[str]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh: IO[str]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
