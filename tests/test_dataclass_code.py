"""Dataclasses' generated methods kept between starts (dataclass_code.py): a record made
from kept code is the same record, a second start compiles nothing, a damaged or
overgrown cache file is written anew. (The real program's start: test_kept_code.py.)"""

import dataclasses
import inspect
import marshal
from dataclasses import dataclass, field

import pytest

from dialogteam_app import dataclass_code
from dialogteam_app.dataclass_code import cache_file, keep_dataclass_code, save_dataclass_code


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))  # cache_folder() on Windows
    yield tmp_path
    save_dataclass_code()  # a failed test leaves no cache in place
    assert "exec" not in vars(dataclasses)


@pytest.fixture
def compilations(monkeypatch):
    """Every text the cache compiled, in order."""
    seen: list[str] = []

    def counting_compile(source, *args, **kwargs):
        seen.append(source)
        return compile(source, *args, **kwargs)
    monkeypatch.setattr(dataclass_code, "compile", counting_compile, raising=False)
    return seen


def make_records():
    """A start's records: plain, frozen, with defaults and a factory (this test module has
    no `from __future__ import annotations`, so annotations are evaluated)."""
    @dataclass
    class Meeting:
        title: str
        date: str = "2026-05-15"
        units: list[str] = field(default_factory=list)

    @dataclass(frozen=True)
    class Key:
        kind: str
        value: int = 0
    return Meeting, Key


def a_start():
    keep_dataclass_code()
    records = make_records()
    save_dataclass_code()
    return records


def test_a_second_start_compiles_nothing(cache_home, compilations):
    a_start()
    assert compilations and cache_file().is_file()
    compilations.clear()
    a_start()
    assert compilations == []  # every method came from the file


def test_records_made_from_kept_code_are_the_records_python_makes(cache_home):
    first = a_start()  # compiled by the cache (no spy here: its own compile call)
    Meeting, Key = a_start()  # read from the file
    PlainMeeting, PlainKey = make_records()  # no cache in place: as Python makes them
    for made in (first, (Meeting, Key)):
        for kept, plain in zip(made, (PlainMeeting, PlainKey), strict=True):
            assert str(inspect.signature(kept)) == str(inspect.signature(plain))
            for method in ("__init__", "__repr__", "__eq__"):
                assert getattr(kept, method).__annotations__ == \
                    getattr(plain, method).__annotations__
    assert Meeting.__init__.__annotations__["title"] is str  # not the text "_type_title"
    a, b = Meeting("Dialogmöte"), Meeting("Dialogmöte")
    assert a == b and a.units is not b.units and repr(a) == repr(PlainMeeting("Dialogmöte"))
    assert hash(Key("x", 1)) == hash(Key("x", 1)) and Key("x") != Key("x", 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        Key("x").value = 2  # type: ignore[misc]


def test_a_damaged_cache_file_is_compiled_and_written_anew(cache_home, compilations):
    cache_file().parent.mkdir(parents=True)
    cache_file().write_bytes(b"\x00not marshal")
    a_start()
    assert compilations
    kept = marshal.loads(cache_file().read_bytes())
    assert kept and all(isinstance(marshal.loads(code), type(compile("", "", "exec")))
                        for code in kept.values())

    damaged = {text: b"\x00not code" for text in kept}  # every method's code unreadable
    cache_file().write_bytes(marshal.dumps({**damaged, "def __create_fn__(): pass": 42}))
    compilations.clear()
    a_start()
    assert sorted(compilations) == sorted(kept)  # each compiled again, and kept again
    rewritten = marshal.loads(cache_file().read_bytes())
    assert "def __create_fn__(): pass" not in rewritten and rewritten.keys() == kept.keys()


def test_an_overgrown_cache_file_keeps_only_what_this_start_needs(cache_home, compilations):
    old = {f"# record {n}\n": marshal.dumps(compile("", "<string>", "exec"))
           for n in range(dataclass_code.MAX_KEPT_TEXTS)}
    cache_file().parent.mkdir(parents=True)
    cache_file().write_bytes(marshal.dumps(old))
    a_start()
    kept = marshal.loads(cache_file().read_bytes())
    assert set(kept) == set(compilations)


def test_records_made_after_the_start_compile_as_usual(cache_home, compilations):
    a_start()
    compilations.clear()
    keep_dataclass_code()
    save_dataclass_code()  # the window is usable
    make_records()
    assert compilations == []  # not through the cache: Python's own exec compiled them
    assert "exec" not in vars(dataclasses)
