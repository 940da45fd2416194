"""The layer rules of docs/arkitektur.md, checked on the source: every import statement
is parsed with ast (also those inside functions and TYPE_CHECKING blocks), relative
imports resolved to the module they name."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "dialogteam_app"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Absolute names of every module imported by the file."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    return imports_in(path.read_text(encoding="utf-8"), package)


def imports_in(source: str, package: str) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            # `from . import x` may import a submodule x.
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def files_in(layer: str) -> list[Path]:
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files, f"no modules in {layer}/"
    return files


def offending(layer: str, forbidden) -> list[str]:
    return [f"{path.relative_to(PACKAGE.parent)}: {name}"
            for path in files_in(layer) for name in sorted(imports_of(path)) if forbidden(name)]


def _is(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


@pytest.mark.parametrize("layer", ["domain", "store", "exchange", "export"])
def test_qt_free_layers_never_import_pyside6(layer):
    assert offending(layer, lambda n: _is(n, "PySide6", "shiboken6")) == []


@pytest.mark.parametrize("layer", ["domain", "store", "exchange", "export"])
def test_lower_layers_never_import_the_window(layer):
    assert offending(layer, lambda n: _is(n, "dialogteam_app.ui")) == []


def test_store_never_imports_the_layers_above_it():
    assert offending("store", lambda n: _is(n, "dialogteam_app.exchange",
                                            "dialogteam_app.export")) == []


def test_domain_imports_only_the_standard_library_and_itself():
    def foreign(name: str) -> bool:
        if _is(name, "dialogteam_app.domain"):
            return False
        top = name.split(".")[0]
        # `from .x import Name` also yields "dialogteam_app.domain.x.Name"; the module is
        # what counts, and anything outside dialogteam_app.domain is foreign there.
        return top == "dialogteam_app" or (top != "__future__" and top not in sys.stdlib_module_names)
    assert offending("domain", foreign) == []


def test_ui_never_imports_sqlite3():
    assert offending("ui", lambda n: _is(n, "sqlite3", "sqlcipher3", "sqlite_utils")
                     or n.endswith(".sqlite3")) == []


# `.conn\b`, not `.conn`: Qt's `signal.connect(...)` is everywhere in ui/ and is not the
# database connection this rule is about.
SQL_REACH = re.compile(r"sqlite3|\.db\.|\.conn\b")


def test_ui_never_reaches_into_the_database():
    hits = [f"{path.relative_to(PACKAGE.parent)}:{n}: {line.strip()}"
            for path in files_in("ui")
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if SQL_REACH.search(line)]
    assert hits == []


def test_the_checks_see_a_violation():
    """Imports inside functions are found and relative ones resolved; `.connect` is not
    taken for the database connection."""
    source = "def f():\n    from ..store import database\n    import PySide6.QtCore\n"
    found = imports_in(source, "dialogteam_app.domain")
    assert {"dialogteam_app.store", "dialogteam_app.store.database", "PySide6.QtCore"} <= found
    assert SQL_REACH.search("self.ctx.store.db.conn")
    assert SQL_REACH.search("x = self.conn")
    assert not SQL_REACH.search("button.clicked.connect(f)")


def test_the_sqlite_driver_is_imported_in_one_place():
    """store/connection.py imports the driver (SQLCipher's, for plain and encrypted
    databases alike) and every other module takes `sqlite3` from it: the standard
    library's module has exception and Row classes of its own, and costs its import."""
    found = [o for layer in ("domain", "store", "exchange", "export", "ui")
             for o in offending(layer, lambda n: _is(n, "sqlite3", "sqlcipher3"))
             if not o.startswith("dialogteam_app/store/connection.py")]
    assert found == []
