"""The methods dataclasses writes for our records, compiled once and kept between starts.

On Python 3.11 `dataclasses` writes each record's __init__, __repr__, __eq__ (and a
frozen one's __setattr__, __delattr__, __hash__) as source text and compiles it with
`exec` at every start: 84 compilations, ~4 % of the instructions to a usable window,
for the 21 records the first window needs. The texts compiled while the window starts
are kept with their code (kept_code.py; ~0.4 ms to read what a start needs). The module
looks `exec` up as a global name, which is where the cache steps in; a Python that stops
calling it that way just compiles as before. Records made after the start compile as
usual, so the file holds what the program's starts need (a few hundred methods), not
every record's.

(A record without a docstring also gets one made from its signature with `inspect`, so
the records the first window needs have their own.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .kept_code import KeptCode, kept_code_file

# One start needs about a hundred; more means records changed over many versions.
MAX_KEPT_TEXTS = 1000


def cache_file() -> Path:
    return kept_code_file("dataclasses")


class _StartCode:
    """dataclasses' `exec` during one start: the text's code from the file, or compiled."""

    def __init__(self, file: Path) -> None:
        self.kept = KeptCode(file, MAX_KEPT_TEXTS)

    def exec(self, source: Any, globals: Any = None, locals: Any = None) -> None:  # noqa: A002
        if isinstance(source, str):
            # As exec(source) compiles in `dataclasses`: no __future__ flags of ours.
            text = source
            source = self.kept.code(
                text, lambda: compile(text, "<string>", "exec", dont_inherit=True))
        exec(source, globals, locals)


_start: _StartCode | None = None


def keep_dataclass_code() -> None:
    """Call at a window start before the first record is made."""
    global _start
    import dataclasses
    if _start is None:
        _start = _StartCode(cache_file())
        dataclasses.exec = _start.exec  # type: ignore[attr-defined]


def save_dataclass_code() -> None:
    """Call once the window is usable: the start's code is kept for the next start, and
    records made from now on compile as usual."""
    global _start
    import dataclasses
    if _start is not None:
        vars(dataclasses).pop("exec", None)
        _start.kept.save()
        _start = None
