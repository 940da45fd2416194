"""Opening a folder in the system's file manager."""

from __future__ import annotations

from pathlib import Path


def open_folder(folder: Path) -> None:
    """Show the folder, made first if it is not there yet (as the log folder may not be)."""
    from PySide6.QtCore import QUrl  # here, not at start-up (see dialogs.py)
    from PySide6.QtGui import QDesktopServices
    folder.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
