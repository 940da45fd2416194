"""PySide6's own start-up code, compiled once and kept between starts.

The first `import PySide6` of every PySide6 program runs shiboken's signature support:
fourteen modules (`signature_bootstrap.py`, `shibokensupport/...`) that the library
carries as source text in a zip inside itself and compiles with the builtin `compile` at
every start, as no __pycache__ can hold them (~13 ms here), and they compile long
regular expressions (~8 ms). Together that is ~40 % of importing PySide6, about a sixth
of a window start, and the same at every start. While a window start first imports
PySide6, `compile` is wrapped: those texts get their code from kept_code.py, every
other call goes to the builtin as it came; and the patterns compiled meanwhile come from
kept_patterns.py. A PySide6 that changes the texts compiles them anew (the text is part
of the key); one that stops compiling them this way just finds nothing to keep. Right
after the import our modules are spared PySide6's source scan (pyside_import_scan.py),
before the next of them is imported.
"""

from __future__ import annotations
import __future__

import builtins
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .kept_code import KeptCode, kept_code_file
from .kept_patterns import keeping_patterns
from .pyside_import_scan import skip_feature_scan

# One start compiles fourteen modules and ~15 patterns; more means PySide6 (or Python)
# was upgraded many times.
MAX_KEPT_TEXTS = 200


def cache_file() -> Path:
    return kept_code_file("pyside")


def patterns_file() -> Path:
    return kept_code_file("pyside-patterns")


def _future_flags() -> int:
    flags = 0
    for name in __future__.all_feature_names:
        flags |= getattr(__future__, name).compiler_flag
    return flags


_FUTURE_FLAGS = _future_flags()


def _from_shiboken(filename: object) -> bool:
    """The names shiboken compiles its embedded modules under."""
    return isinstance(filename, str) and (
        filename == "signature_bootstrap.py" or filename.startswith("shibokensupport/"))


def _caller_flags() -> int:
    """The __future__ flags of the code that called `compile` (none when called from
    outside any Python code)."""
    try:
        return sys._getframe(2).f_code.co_flags & _FUTURE_FLAGS
    except ValueError:
        return 0


def keeping_compile(kept: KeptCode) -> Callable[..., Any]:
    """The builtin `compile`, except that shiboken's texts get their code from `kept`."""
    builtin = builtins.compile

    def compile_keeping(source: Any, filename: Any, mode: str, flags: int = 0,
                        dont_inherit: bool = False, optimize: int = -1,
                        **kwargs: Any) -> Any:
        if not dont_inherit:  # as the builtin does: its caller's __future__ imports
            flags |= _caller_flags()
        if not _from_shiboken(filename) or mode != "exec" or kwargs or flags & ~_FUTURE_FLAGS:
            return builtin(source, filename, mode, flags, True, optimize, **kwargs)
        key = (filename, source, flags, sys.flags.optimize if optimize == -1 else optimize)

        def compiled() -> types.CodeType:
            return builtin(source, filename, mode, flags, True, optimize)
        return kept.code(key, compiled)
    return compile_keeping


def import_pyside_keeping_code() -> int:
    """Import PySide6.QtCore with shiboken's start-up code kept, then spare our modules
    its source scan; call before anything else imports PySide6. Returns how many texts
    (modules and patterns) had to be compiled: 0 once kept."""
    compiled = 0
    # Imported already (by a caller before us): nothing left to keep.
    if "shiboken6" not in sys.modules:
        compiled = _import_keeping_code()
    skip_feature_scan()  # before the next module of ours is imported
    return compiled


def _import_keeping_code() -> int:
    kept = KeptCode(cache_file(), MAX_KEPT_TEXTS)
    patterns = KeptCode(patterns_file(), MAX_KEPT_TEXTS, kind=tuple)
    builtin = builtins.compile
    builtins.compile = keeping_compile(kept)
    try:
        with keeping_patterns(patterns):
            import PySide6.QtCore  # noqa: F401
    finally:
        builtins.compile = builtin
    compiled = kept.compiled + patterns.compiled
    kept.save()
    patterns.save()
    return compiled
