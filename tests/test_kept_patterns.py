"""Regular expressions made from kept engine code (kept_patterns.py) are the patterns re
makes, a kept pattern is not compiled again, and what cannot be kept, or was kept
damaged, is compiled by re as usual."""

import marshal
import re

import pytest

from dialogteam_app.kept_code import KeptCode
from dialogteam_app.kept_patterns import keeping_patterns

PATTERN = r"""(?P<word> [a-zåäö]+ ) \s* (?: \( (?P<inner> [^()]* ) \) )?  # a word, (an aside)"""
FLAGS = re.VERBOSE | re.IGNORECASE


def kept_in(file):
    return KeptCode(file, 100, kind=tuple)


def compiled(kept, pattern=PATTERN, flags=FLAGS):
    re.purge()  # re's own cache would answer before its compiler is asked
    with keeping_patterns(kept):
        return re.compile(pattern, flags)


def test_a_kept_pattern_is_the_pattern_re_makes_and_is_not_compiled_again(tmp_path):
    first_start = kept_in(tmp_path / "patterns")
    made = compiled(first_start)
    assert first_start.compiled == 1
    first_start.save()
    next_start = kept_in(tmp_path / "patterns")
    again = compiled(next_start)
    assert next_start.compiled == 0
    re.purge()
    plain = re.compile(PATTERN, FLAGS)
    assert made == again == plain  # same text, flags and engine code
    assert again.groupindex == plain.groupindex and again.flags == plain.flags
    match = again.match("Rektorn (och huvudmannen)")
    assert match and match["word"] == "Rektorn" and match["inner"] == "och huvudmannen"


def test_bytes_and_debug_patterns_are_left_to_re(tmp_path, capsys):
    kept = kept_in(tmp_path / "patterns")
    assert compiled(kept, rb"ab+", 0).match(b"abb")
    compiled(kept, r"ab+", re.DEBUG)
    assert kept.used == {} and capsys.readouterr().out  # re printed its code, as usual


@pytest.mark.parametrize("damaged", [(0, [1, 2], "not groups"), (0, [1, 2, 3], 2, {}, ())],
                         ids=["wrong shape", "code the engine refuses"])
def test_damaged_kept_code_is_compiled_by_re(tmp_path, damaged):
    file = tmp_path / "patterns"
    first_start = kept_in(file)
    compiled(first_start)
    first_start.save()
    [key] = marshal.loads(file.read_bytes())
    file.write_bytes(marshal.dumps({key: marshal.dumps(damaged)}))
    damaged_start = kept_in(file)
    made = compiled(damaged_start)
    re.purge()
    assert made == re.compile(PATTERN, FLAGS)
    damaged_start.save()
    assert key not in marshal.loads(file.read_bytes())  # not read again next time


def test_re_is_as_before_after_the_start(tmp_path):
    compiler = re._compiler.compile
    with pytest.raises(re.error):
        compiled(kept_in(tmp_path / "patterns"), "(unclosed")  # re's own error, unchanged
    assert re._compiler.compile is compiler


def test_a_re_that_does_not_hand_the_engine_code_over_makes_its_patterns_as_usual(
        tmp_path, monkeypatch):
    engine = re._compiler._sre.compile
    compile_pattern = re._compiler.compile

    def compile_elsewhere(pattern, flags=0):  # as if re called its engine another way
        monkeypatch.setattr(re._compiler._sre, "compile", engine)
        return compile_pattern(pattern, flags)
    monkeypatch.setattr(re._compiler, "compile", compile_elsewhere)
    monkeypatch.setattr(re._compiler._sre, "compile", lambda *_: pytest.fail("not called so"))
    kept = kept_in(tmp_path / "patterns")
    made = compiled(kept)
    assert kept.used == {}
    monkeypatch.undo()
    re.purge()
    assert made == re.compile(PATTERN, FLAGS)
