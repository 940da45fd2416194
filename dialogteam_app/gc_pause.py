"""Python's cycle collector held off while the window starts.

Importing the program and building its window makes some 200 000 objects (modules,
classes, Qt wrappers) that live as long as the program. The collector, triggered by the
count of allocations, went through them again and again during the start (~60 passes,
~8 ms, twice what a bare PySide6 window pays). It is paused while the window starts;
once the window is usable the objects made so far are frozen (left out of every later
pass: the collector's pauses during work get shorter too) and it runs as usual.
"""

from __future__ import annotations

import gc

_paused = False


def pause_for_start() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def start_done() -> None:
    """Called when the window is usable; only undoes what pause_for_start did."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
