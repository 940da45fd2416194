"""The code a window start compiles from text (kept_code.py): the real program's first
start keeps its records' methods and PySide6's start-up code and patterns, the next only
reads them."""

import marshal

from conftest import run_module

from dialogteam_app import dataclass_code, pyside_code


def test_the_window_start_fills_the_caches_and_the_next_start_only_reads_them(
        tmp_path, data_paths):
    cache = tmp_path / "cache"
    env = {"XDG_CACHE_HOME": str(cache)}
    first = run_module("--data-dir", str(data_paths.root), "--smoke", env_extra=env)
    assert first.returncode == 0, first.stderr
    folder = cache / "Dialogteam" / "bytecode"
    records = folder / dataclass_code.cache_file().name
    pyside = folder / pyside_code.cache_file().name
    patterns = folder / pyside_code.patterns_file().name
    assert any("def __init__(self,root:" in text  # DataPaths, made first
               for text in marshal.loads(records.read_bytes()))
    assert any(key[0] == "signature_bootstrap.py" for key in marshal.loads(pyside.read_bytes()))
    assert marshal.loads(patterns.read_bytes())
    files = (records, pyside, patterns)
    stamps = [file.stat().st_mtime_ns for file in files]
    second = run_module("--data-dir", str(data_paths.root), "--smoke", env_extra=env)
    assert second.returncode == 0, second.stderr
    # Nothing new compiled: neither written again.
    assert [file.stat().st_mtime_ns for file in files] == stamps
