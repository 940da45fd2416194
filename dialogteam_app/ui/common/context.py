"""What every view needs: the store, the autosaver and where the data lives."""

from __future__ import annotations

from dataclasses import dataclass

from ...paths import DataPaths
from ...store.store import Store
from .autosave import Autosaver


@dataclass
class AppContext:
    store: Store
    autosaver: Autosaver
    paths: DataPaths
