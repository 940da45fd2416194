"""One check for every file the program writes on the user's behalf (PDF, package,
e-mail draft, CSV template): it must not land in the data folder, and above all
not on the database, its -wal/-shm/-journal, the lock or a backup.

The data folder is registered when it is resolved (command line and window) and
each database when it is opened, so an exporter added later is covered by
writing through export/atomic.py, which asks `check_output` first.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

_folders: set[Path] = set()
_databases: set[Path] = set()
SIDE_FILES = ("", "-wal", "-shm", "-journal")


class UnsafeOutputPath(OSError):
    """The chosen file would overwrite the program's own data. Swedish text."""

    def __init__(self, message: str):
        super().__init__(errno.EPERM, message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def protect_folder(folder: Path) -> None:
    _folders.add(Path(folder).resolve())


def protect_database(path: Path) -> None:
    _databases.add(Path(path).resolve())


def output_problem(target: Path) -> str | None:
    """Why `target` must not be written, or None. Symlinks are followed, and a hard
    link to the database is recognised by its inode."""
    resolved = Path(os.path.abspath(target)).resolve()
    for db in _databases:
        own = [Path(f"{db}{suffix}") for suffix in SIDE_FILES]
        if resolved in own or any(_same_file(resolved, f) for f in own):
            return (f"{target} är Dialogteams egen databas (eller en fil som hör till den) i "
                    f"datamappen {db.parent}. Välj en annan mapp, till exempel Dokument.")
    for folder in _folders:
        if resolved == folder or folder in resolved.parents:
            return (f"{target} ligger i Dialogteams datamapp {folder}, där databasen och "
                    "säkerhetskopiorna finns. Välj en annan mapp, till exempel Dokument.")
    return None


def check_output(target: Path) -> None:
    problem = output_problem(target)
    if problem:
        raise UnsafeOutputPath(problem)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False
