"""Where the program keeps its data: platformdirs by default, or a folder the
user names with --data-dir or DIALOGTEAM_DATA_DIR."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import APP_NAME
from .output_guard import protect_folder
from .private_files import make_private_folder

ENV_VAR = "DIALOGTEAM_DATA_DIR"


@dataclass(frozen=True)
class DataPaths:
    """The data folder and the files the program keeps in it."""
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "dialogteam.sqlite"

    @property
    def backups(self) -> Path:
        return self.root / "säkerhetskopior"

    @property
    def lock(self) -> Path:
        return self.root / "dialogteam.lock"

    @property
    def logs(self) -> Path:
        return self.root / "logg"

    @property
    def ui_settings(self) -> Path:
        return self.root / "fönster.ini"


def default_data_dir() -> Path:
    # Imported here: platformdirs is only needed when no folder was given.
    import platformdirs
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def resolve_data_paths(cli_value: str | None = None) -> DataPaths:
    chosen = cli_value or os.environ.get(ENV_VAR) or None
    root = Path(chosen).expanduser() if chosen else default_data_dir()
    make_private_folder(root)
    protect_folder(root)
    return DataPaths(root.resolve())
