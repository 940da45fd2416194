"""Regular expressions made from kept code instead of parsed and compiled again.

`re` turns a pattern into code for its matching engine in Python (`re._compiler`), then
hands that code to the engine (`_sre.compile`). For a long pattern the first step is the
cost: shiboken's start-up modules compile three of ~2.5 ms each. While `keeping_patterns`
is in effect, a pattern's engine code is caught on its way to `_sre.compile`, kept, and
handed to it directly the next time. The engine's code format has a version number
(`_sre.MAGIC`), part of the key; a Python whose `re` works differently makes its
patterns as usual.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # re's engine; no stub
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .kept_code import KeptCode


class _KeepingPatterns:
    def __init__(self, kept: KeptCode) -> None:
        self.kept = kept
        self.compile_pattern = re._compiler.compile  # type: ignore[attr-defined]
        self.make_pattern = _sre.compile

    def compile(self, pattern: Any, flags: int = 0) -> re.Pattern:
        """Installed as re's compiler: the pattern from its kept engine code."""
        if not isinstance(pattern, str) or flags & re.DEBUG:
            return self.compile_pattern(pattern, flags)
        key = (_sre.MAGIC, pattern, int(flags))
        try:
            parts = self.kept.code(key, lambda: self._engine_code(pattern, flags))
            return self.make_pattern(pattern, *parts)
        except (TypeError, ValueError, RuntimeError, LookupError):
            # Kept code this engine refuses, or a re that did not hand it over as 3.11's
            # does: the pattern as re makes it, and nothing kept for it.
            self.kept.forget(key)
            return self.compile_pattern(pattern, flags)

    def _engine_code(self, pattern: str, flags: int) -> tuple:
        """What re's compiler hands the engine for `pattern`, caught on the way."""
        caught: list[tuple] = []

        def catch(pattern: str, *parts: Any) -> re.Pattern:
            caught.append(parts)
            return self.make_pattern(pattern, *parts)
        _sre.compile = catch
        try:
            self.compile_pattern(pattern, flags)
        finally:
            _sre.compile = self.make_pattern
        all_flags, code, groups, groupindex, indexgroup = caught[-1]  # IndexError: none
        # As plain values marshal can keep (re passes some as its own int subclasses).
        return (int(all_flags), [int(op) for op in code], int(groups), dict(groupindex),
                tuple(indexgroup))


@contextmanager
def keeping_patterns(kept: KeptCode) -> Iterator[None]:
    """Patterns compiled meanwhile come from (and go to) `kept`, made with kind=tuple.
    Only while no other thread compiles patterns: the engine's entry point is swapped
    for the time a new pattern compiles (pyside_code.py uses it before any thread)."""
    if not hasattr(_sre, "MAGIC") or not hasattr(re, "_compiler"):  # not 3.11's re
        yield
        return
    keeping = _KeepingPatterns(kept)
    re._compiler.compile = keeping.compile  # type: ignore[attr-defined]
    try:
        yield
    finally:
        re._compiler.compile = keeping.compile_pattern  # type: ignore[attr-defined]
