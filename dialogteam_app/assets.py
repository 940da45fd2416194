"""Find bundled resources (icons, fonts, sample data) wherever the program runs:
from the source tree, installed as a package, or frozen by PyInstaller."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    candidates = [
        here / "resources",          # installed: resources/ shipped inside the package
        here.parent / "resources",   # source tree / editable install
    ]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.insert(0, Path(frozen_root) / "dialogteam_app" / "resources")
    for path in candidates:
        if (path / "icons").is_dir():
            return path
    raise FileNotFoundError("Dialogteams resursfiler saknas: " + ", ".join(map(str, candidates)))


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
