"""Compiled bytecode kept in the user's cache folder when the environment forbids
writing it next to the sources.

With PYTHONDONTWRITEBYTECODE set (as on the team's managed laptops), every start
compiled all our modules again: ~30 ms of a ~150 ms start. The variable's purpose,
no __pycache__ beside the sources, is kept by writing to a separate folder, as
PYTHONPYCACHEPREFIX would; a prefix the user chose is left alone.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def cache_folder() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "Dialogteam" / "bytecode"


def keep_bytecode() -> None:
    """Call first thing at start, before the program's own modules are imported."""
    if getattr(sys, "frozen", False) or not sys.dont_write_bytecode or sys.pycache_prefix:
        return
    sys.pycache_prefix = str(cache_folder())  # Python creates it; a failed write is ignored
    sys.dont_write_bytecode = False
