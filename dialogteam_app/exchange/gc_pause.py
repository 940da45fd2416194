"""No garbage-collection passes while a package is written or read.

An export or import of 10 000 notes builds some 100 000 small dicts and lists that
form no cycles, so each pass of the cyclic collector finds nothing to free; the
passes it triggers still cost ~15 ms of a 200 ms export in a small process and more
in the window's, whose heap of Qt wrappers a full pass walks too. Reference counting
frees everything as before; the collector runs again afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_gc_passes() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
