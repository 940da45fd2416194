"""Personal data stays the user's: on POSIX the data folder is 0700 and every file
the program writes (database, WAL/SHM, backups, packages, PDFs, e-mail drafts,
the lock, window settings) 0600, whatever the umask. On Windows the user's profile
folders already carry ACLs that keep other users out; nothing is changed there.
"""

from __future__ import annotations

import os
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def restrict_umask() -> None:
    """For files created by libraries too (Qt's settings file, SQLite's -shm)."""
    if os.name == "posix":
        os.umask(0o077)


def make_private_folder(folder: Path) -> None:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    _chmod(folder, FOLDER_MODE)


def create_private_file(path: Path, *, exclusive: bool = True) -> None:
    """Create `path` empty with mode 0600 (an existing one is only tightened)."""
    flags = os.O_CREAT | os.O_WRONLY | (os.O_EXCL if exclusive else 0)
    fd = os.open(path, flags, FILE_MODE)
    os.close(fd)
    make_private(path)


def make_private(path: Path) -> None:
    if Path(path).exists():
        _chmod(path, FILE_MODE)


def _chmod(path: Path, mode: int) -> None:
    """Tighten if we may; a read-only folder or someone else's file stays as it is
    (the program then says it cannot write there, where it tries to)."""
    if os.name != "posix" or (os.stat(path).st_mode & 0o777) == mode:
        return
    try:
        os.chmod(path, mode)
    except OSError:
        pass
