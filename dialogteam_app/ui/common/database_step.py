"""A step that closes, rewrites and reopens the database from the window (restore a
backup, encrypt): unsaved invalid edits stop it, pending edits are saved first, the
work runs off the GUI thread with a progress dialog, a failure is shown in Swedish,
and the pages are rebuilt over whatever database is open afterwards."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from ...store.errors import StoreError
from .background_job import run_in_background
from .dialogs import show_error, show_info

T = TypeVar("T")
Run = Callable[[Callable[[], Any]], Any]   # runs the store's job in the background


def run_database_step(window: Any, step: Callable[[Run], T], *, before: str,
                      progress_title: str, failure_title: str) -> T | None:
    """`step(run)` does the work, handing its long job to `run`; None when it did not
    happen. `before` ends "Rätta eller ångra dem innan du …" ("krypterar")."""
    ctx = window.ctx
    if ctx.autosaver.invalid_messages():
        show_info(window, "Rätta först", "Några ändringar är inte sparade eftersom de innehåller "
                  f"fel. Rätta eller ångra dem innan du {before}.")
        return None
    ctx.autosaver.flush()
    try:
        return step(lambda job: run_in_background(window, progress_title,
                                                  lambda progress: job()))
    except (StoreError, OSError) as exc:
        show_error(window, failure_title, str(exc))
        return None
    finally:
        window.reload_data()
