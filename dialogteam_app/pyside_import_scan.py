"""Spare the program's modules PySide6's source scan on import.

Once PySide6 is imported it looks at every module imported after it, and at every module
first imported again by name, to see whether it uses `from __feature__ import ...`
(snake_case, true_property): it reads the module's whole source with `inspect.getsource`.
For our ~140 modules and the standard library's that was ~16 ms of every start, the
single largest part of importing them. None of them uses a feature, so each is entered
in PySide's table as "no feature" (0, what its `feature_import` assumes for a module it
has not scanned) before PySide would scan it; a module that does use one would still get
its entry from the `from __feature__ import` statement itself, which PySide handles as it
runs. PySide's own modules are left to PySide. The table is PySide's and undocumented: if
a version no longer has it, nothing is done and only the time is lost.
"""

from __future__ import annotations

import sys

NO_FEATURE = 0
_PYSIDES_OWN = ("PySide6", "shiboken6", "shibokensupport", "__feature__")


class _KnownFeatureFree:
    """A finder first on sys.meta_path that finds nothing itself: it only fills the
    table, and the next finder imports the module."""

    def __init__(self, table: dict[str, int]):
        self.table = table

    def find_spec(self, name, path=None, target=None):  # noqa: ANN001, ANN201
        if not name.startswith(_PYSIDES_OWN):
            self.table.setdefault(name, NO_FEATURE)
        return None


def skip_feature_scan() -> None:
    import PySide6.QtCore  # noqa: F401  - installs the scan being skipped
    table = getattr(sys.modules.get("shibokensupport.feature"), "pyside_feature_dict", None)
    if not isinstance(table, dict) or any(isinstance(f, _KnownFeatureFree) for f in sys.meta_path):
        return
    for name in list(sys.modules):  # imported before PySide6: scanned when named again
        if not name.startswith(_PYSIDES_OWN):
            table.setdefault(name, NO_FEATURE)
    sys.meta_path.insert(0, _KnownFeatureFree(table))
