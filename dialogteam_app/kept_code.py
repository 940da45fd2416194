"""Code compiled from known texts, kept in a marshal file between starts.

Python keeps the bytecode of modules it imports from files, but not what is compiled
from text at run time. A window start compiles such texts every time: the methods
`dataclasses` writes for our records (dataclass_code.py), and PySide6's own start-up
modules, carried as text inside its library, with the regular expressions they compile
(pyside_code.py). What a given text compiles to is always the same, so it is kept,
keyed by everything that decides it, in a file beside the bytecode and as trusted as
the bytecode there. Each is kept as its own marshal bytes and read only when a start
asks for it.
"""

from __future__ import annotations

import marshal
import os
import sys
import types
from collections.abc import Callable, Hashable
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from typing import Any

from .bytecode_cache import cache_folder


def kept_code_file(name: str) -> Path:
    """Per Python version and bytecode format, as __pycache__ names its files."""
    magic = int.from_bytes(MAGIC_NUMBER[:2], "little")
    return cache_folder() / f"{name}.{sys.implementation.cache_tag}.{magic}.marshal"


class KeptCode:
    """The kept code of one file during one start; `save` writes what was new."""

    def __init__(self, file: Path, max_kept: int, kind: type = types.CodeType) -> None:
        self.file = file
        self.kind = kind  # what a kept value must be; anything else is compiled anew
        # A file grown past this (texts changed over many versions) is written anew
        # with only what the current start used.
        self.max_kept = max_kept
        self.kept: dict[Hashable, bytes] | None = None  # read when first asked
        self.used: dict[Hashable, Any] = {}
        self.compiled = 0

    def code(self, key: Hashable, compile_it: Callable[[], Any]) -> Any:
        """The kept code for `key`, or what `compile_it` makes (then kept at `save`)."""
        code = self.used.get(key) or self._read(self._kept().get(key))
        if code is None:
            code = compile_it()
            self.compiled += 1
        self.used[key] = code
        return code

    def forget(self, key: Hashable) -> None:
        """`key`'s code turned out unusable: not kept (the file is written without it)."""
        self.used.pop(key, None)
        if self._kept().pop(key, None) is not None:
            self.compiled += 1

    def _kept(self) -> dict[Hashable, bytes]:
        if self.kept is None:
            self.kept = {}
            try:
                loaded = marshal.loads(self.file.read_bytes())
            except (OSError, ValueError, EOFError, TypeError):
                return self.kept  # none yet, or damaged: compiled and written anew
            if isinstance(loaded, dict):
                self.kept = {k: v for k, v in loaded.items() if isinstance(v, bytes)}
        return self.kept

    def _read(self, data: bytes | None) -> Any:
        """The kept code, or None when there is none or it is damaged (then compiled)."""
        if data is None:
            return None
        try:
            code = marshal.loads(data)
        except (ValueError, EOFError, TypeError):
            return None
        return code if isinstance(code, self.kind) else None

    def save(self) -> None:
        if not self.compiled:
            return
        used = {key: marshal.dumps(code) for key, code in self.used.items()}
        kept = {**self._kept(), **used}
        if len(kept) > self.max_kept:
            kept = used
        partial = self.file.with_name(self.file.name + ".tmp")
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(marshal.dumps(kept))
            os.replace(partial, self.file)
        except OSError:
            pass  # a cache: the next start compiles again
        self.compiled = 0
