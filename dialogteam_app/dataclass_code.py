"""The methods dataclasses writes for our records, compiled once and kept between starts.

On Python 3.11 `dataclasses` writes each record's __init__, __repr__, __eq__ (and a
frozen one's __setattr__, __delattr__, __hash__) as source text and compiles it with
`exec` at every start: 84 compilations, ~4 % of the instructions to a usable window,
for the 21 records the first window needs. The code compiled from a given text is
always the same, so the texts compiled while the window starts are kept, with their
code, in one marshal file beside the bytecode (~0.4 ms to read what a start needs), as
trusted as the bytecode there. The module looks `exec` up as a global name, which is
where the cache steps in; a Python that stops calling it that way just compiles as
before. Records made after the start compile as usual, so the file holds what the
program's starts need (a few hundred methods), not every record's.

(A record without a docstring also gets one made from its signature with `inspect`, so
the records the first window needs have their own.)
"""

from __future__ import annotations

import marshal
import os
import sys
import types
from pathlib import Path
from typing import Any

from .bytecode_cache import cache_folder

# A file that grew past this (records changed over many versions) is written anew with
# only the current start's code; one start needs about a hundred.
MAX_KEPT_TEXTS = 1000


def cache_file() -> Path:
    return cache_folder() / f"dataclasses.{sys.implementation.cache_tag}.marshal"


class _StartCode:
    """Source text -> code for dataclasses' generated methods during one start."""

    def __init__(self, file: Path) -> None:
        self.file = file
        # Each code kept as its own marshal bytes, read when a record asks for it: the
        # file holds every start's records (a meeting's, a samverkan's, ...), and making
        # all of their code objects took longer than the ones this start needs.
        self.kept: dict[str, bytes] | None = None  # read at the first record
        self.used: dict[str, types.CodeType] = {}
        self.compiled = 0

    def exec(self, source: Any, globals: Any = None, locals: Any = None) -> None:  # noqa: A002
        if isinstance(source, str):
            code = self.used.get(source) or _code(self._kept().get(source))
            if code is None:
                # As exec(source) compiles in `dataclasses`: no __future__ flags of ours.
                code = compile(source, "<string>", "exec", dont_inherit=True)
                self.compiled += 1
            self.used[source] = code
            source = code
        exec(source, globals, locals)

    def _kept(self) -> dict[str, bytes]:
        if self.kept is None:
            self.kept = {}
            try:
                loaded = marshal.loads(self.file.read_bytes())
            except (OSError, ValueError, EOFError, TypeError):
                return self.kept  # none yet, or damaged: compiled and written anew
            if isinstance(loaded, dict):
                self.kept = {k: v for k, v in loaded.items()
                             if isinstance(k, str) and isinstance(v, bytes)}
        return self.kept

    def save(self) -> None:
        if not self.compiled:
            return
        used = {text: marshal.dumps(code) for text, code in self.used.items()}
        texts = {**self._kept(), **used}
        if len(texts) > MAX_KEPT_TEXTS:
            texts = used
        partial = self.file.with_name(self.file.name + ".tmp")
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(marshal.dumps(texts))
            os.replace(partial, self.file)
        except OSError:
            pass  # a cache: the next start compiles again


def _code(data: bytes | None) -> types.CodeType | None:
    """The kept code, or None when there is none or it is damaged (then compiled)."""
    if data is None:
        return None
    try:
        code = marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return None
    return code if isinstance(code, types.CodeType) else None


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
        _start.save()
        _start = None
