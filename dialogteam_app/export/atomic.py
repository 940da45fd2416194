"""Write files so that their real name only ever holds a complete file.

The content goes to a temporary file in the same folder (os.replace is atomic
only within one file system), is flushed to disk and then renamed over the real
name. A crash or an error midway leaves the old file, or none, never half a file.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..output_guard import UnsafeOutputPath, check_output
from ..private_files import create_private_file


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it becomes `path`, on failure it is removed."""
    path = Path(path)
    check_output(path)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    create_private_file(tmp)  # reserve the name; 0600: what we write is personal data
    try:
        yield tmp
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows cannot open folders)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def describe_os_error(e: OSError, path: Path) -> str:
    folder = Path(path).parent
    if isinstance(e, UnsafeOutputPath):
        return e.message
    if isinstance(e, PermissionError):
        return (f"Du har inte behörighet att skriva i mappen {folder}. "
                "Välj en annan mapp, till exempel Dokument.")
    if isinstance(e, FileNotFoundError):
        return f"Mappen {folder} finns inte (längre). Välj en annan mapp."
    if isinstance(e, IsADirectoryError):
        return f"{path} är en mapp. Välj ett filnamn."
    if e.errno == errno.ENOSPC:
        return f"Det får inte plats mer på disken där {folder} finns."
    return f"Filen {Path(path).name} kunde inte sparas: {e.strerror or e}"
