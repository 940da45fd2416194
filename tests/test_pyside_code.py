"""PySide6's start-up code kept between starts (pyside_code.py): the wrapped `compile`
compiles exactly what the builtin would, a kept text is not compiled again, everything
else passes through, and PySide6 started from kept code and patterns works as it does
without them."""

import ast
import builtins
import marshal
import os
import subprocess
import sys

import pytest

from dialogteam_app.kept_code import KeptCode
from dialogteam_app.pyside_code import MAX_KEPT_TEXTS, keeping_compile

ANNOTATED = "def f(x: int) -> str:\n    return str(x)\n"


def compiled_by(compile_function, future: bool):
    """What `compile_function` gives a caller with or without __future__ annotations."""
    caller = ("from __future__ import annotations\n" if future else "") + \
        "code = compile_(text, 'shibokensupport/example.py', 'exec')\n"
    names = {"compile_": compile_function, "text": ANNOTATED}
    exec(builtins.compile(caller, "<caller>", "exec", dont_inherit=True), names)
    return names["code"]


def annotations(code):
    names: dict = {}
    exec(code, names)
    return names["f"].__annotations__


@pytest.fixture
def kept(tmp_path):
    return KeptCode(tmp_path / "pyside.marshal", MAX_KEPT_TEXTS)


@pytest.mark.parametrize("future", [False, True])
def test_a_kept_text_compiles_as_the_builtin_would_for_its_caller(kept, future):
    ours = compiled_by(keeping_compile(kept), future)
    builtin = compiled_by(builtins.compile, future)
    assert kept.compiled == 1
    assert ours.co_code == builtin.co_code and ours.co_consts == builtin.co_consts
    assert annotations(ours) == annotations(builtin) == \
        ({"x": "int", "return": "str"} if future else {"x": int, "return": str})


def test_a_kept_text_is_compiled_once_and_read_back_at_the_next_start(kept):
    wrapped = keeping_compile(kept)
    first = wrapped(ANNOTATED, "shibokensupport/example.py", "exec")
    assert wrapped(ANNOTATED, "shibokensupport/example.py", "exec") is first
    assert kept.compiled == 1
    kept.save()
    next_start = KeptCode(kept.file, MAX_KEPT_TEXTS)
    again = keeping_compile(next_start)(ANNOTATED, "shibokensupport/example.py", "exec")
    assert next_start.compiled == 0 and again.co_code == first.co_code
    changed = keeping_compile(next_start)(ANNOTATED + "\n", "shibokensupport/example.py",
                                          "exec")  # a new PySide6's text: compiled
    assert next_start.compiled == 1 and changed is not again


def test_everything_else_passes_through_to_the_builtin(kept):
    wrapped = keeping_compile(kept)
    assert annotations(wrapped(ANNOTATED, "ours.py", "exec")) == {"x": int, "return": str}
    assert eval(wrapped("1 + 2", "shibokensupport/x.py", "eval")) == 3
    tree = wrapped(ANNOTATED, "shibokensupport/x.py", "exec", ast.PyCF_ONLY_AST)
    assert isinstance(tree, ast.Module)
    assert kept.used == {} and kept.compiled == 0


PYSIDE_START = """
import sys
if IMPORTED_BEFORE:
    import PySide6.QtCore
from dialogteam_app.pyside_code import import_pyside_keeping_code
print(import_pyside_keeping_code() if KEEP else 0)
from PySide6.QtCore import QObject
try:
    QObject().setObjectName(5)
except TypeError as wrong:
    print(str(wrong).replace("\\n", " "))
feature = sys.modules["shibokensupport.feature"]
scanned = []
scan = feature._mod_uses_pyside
feature._mod_uses_pyside = lambda module: scanned.append(module.__name__) or scan(module)
import dialogteam_app.domain.text
print(scanned)
"""


def start_pyside(cache, keep: bool, imported_before: bool = False) -> tuple[int, str, str]:
    """What the start compiled, a wrong call's message (made by shiboken's start-up
    modules), and which of the modules imported after PySide6 it read the source of."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "LOCALAPPDATA": str(cache)}
    script = PYSIDE_START.replace("KEEP", str(keep)).replace("IMPORTED_BEFORE",
                                                             str(imported_before))
    done = subprocess.run([sys.executable, "-c", script],
                          capture_output=True, text=True, env=env, timeout=60, check=True)
    compiled, message, scanned = done.stdout.splitlines()
    return int(compiled), message, scanned


def test_pyside_started_from_kept_code_works_as_without_it(tmp_path):
    first, message, scanned = start_pyside(tmp_path, keep=True)
    assert first > 0 and scanned == "[]"  # our modules spared PySide's source scan
    folder = tmp_path / "Dialogteam" / "bytecode"
    modules = marshal.loads(next(folder.glob("pyside.*")).read_bytes())
    assert {key[0] for key in modules} >= {"signature_bootstrap.py",
                                            "shibokensupport/signature/loader.py"}
    patterns = marshal.loads(next(folder.glob("pyside-patterns.*")).read_bytes())
    assert max(len(pattern) for _, pattern, _ in patterns) > 1000  # shiboken's long ones
    assert start_pyside(tmp_path, keep=True) == (0, message, "[]")
    compiled, same_message, scanned = start_pyside(tmp_path, keep=False)
    assert (compiled, same_message) == (0, message)
    assert "'dialogteam_app" in scanned  # as PySide6 does it by itself
    assert "setObjectName(name: str, /)" in message


def test_pyside_imported_before_the_program_is_left_as_it_is(tmp_path):
    """As in the frozen build, where PyInstaller's hook for PySide6 imports it first:
    nothing to keep, but our modules are still spared the scan."""
    compiled, message, scanned = start_pyside(tmp_path, keep=True, imported_before=True)
    assert (compiled, scanned) == (0, "[]") and "setObjectName" in message
    assert not (tmp_path / "Dialogteam").exists()
