"""Python's cycle collector held off where it only slows the program down: while the
window starts, while a document is built, and while an exchange package is written or
read (10 000 notes: ~100 000 acyclic dicts and lists, ~15 ms of a 170 ms export).

The start: importing the program and building its window makes some 200 000 objects (modules,
classes, Qt wrappers) that live as long as the program. The collector, triggered by the
count of allocations, went through them again and again during the start (~60 passes,
~8 ms, twice what a bare PySide6 window pays). It is paused while the window starts;
once the window is usable the objects made so far are frozen (left out of every later
pass: the collector's pauses during work get shorter too) and it runs as usual.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

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


# A document: building a plan allocates some hundred thousand small objects (fragments,
# lines, flowables) that all stay alive until the file is written; the collector kept
# scanning them, and in the program every full collection also walks the window's whole
# heap. Paused, the 50-insats plan exports in about 0.85x the time. The objects are
# freed by reference counting as before; the few cycles reportlab leaves are collected
# once the collector runs again. Nested and parallel exports share one pause: it ends
# when the last of them is done (and leaves a collector that was off, off).
_lock = threading.Lock()
_depth = 0
_resume = False  # whether the collector was running when the first pause began


@contextmanager
def collector_paused() -> Iterator[None]:
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()
