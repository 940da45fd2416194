"""Spare our modules PySide6's source scan on import.

Once PySide6 is imported it looks at every module imported after it to see whether it
uses `from __feature__ import ...` (snake_case, true_property): it reads the module's
whole source with `inspect.getsource`. For our ~140 modules that was ~12 ms of every
start, the single largest part of importing them. None of ours uses a feature, so each
is entered in PySide's table as "no feature" (0, what its `feature_import` assumes for
a module it has not scanned) just before it is imported. The table is PySide's own and
undocumented: if a version no longer has it, nothing is done and only the time is lost.
"""

from __future__ import annotations

import sys

_PACKAGE = __name__.split(".")[0]
NO_FEATURE = 0


class _KnownFeatureFree:
    """A finder first on sys.meta_path that finds nothing itself: it only fills the
    table, and the next finder imports the module."""

    def __init__(self, table: dict[str, int]):
        self.table = table

    def find_spec(self, name, path=None, target=None):  # noqa: ANN001, ANN201
        if name == _PACKAGE or name.startswith(f"{_PACKAGE}."):
            self.table.setdefault(name, NO_FEATURE)
        return None


def skip_feature_scan() -> None:
    import PySide6.QtCore  # noqa: F401  - installs the scan being skipped
    table = getattr(sys.modules.get("shibokensupport.feature"), "pyside_feature_dict", None)
    if isinstance(table, dict) and not any(isinstance(f, _KnownFeatureFree)
                                           for f in sys.meta_path):
        sys.meta_path.insert(0, _KnownFeatureFree(table))
