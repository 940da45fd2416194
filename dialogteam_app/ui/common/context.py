"""What every view needs: the store, the autosaver and where the data lives."""

from __future__ import annotations

from dataclasses import dataclass

from ...paths import DataPaths
from ...store.store import Store
from .autosave import Autosaver


@dataclass
class AppContext:
    """What the window's pages work with: the store, its autosaver, the data folder."""
    store: Store
    autosaver: Autosaver
    paths: DataPaths
