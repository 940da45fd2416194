"""constraints.txt pins every direct dependency CI and the program use, inside the
ranges pyproject.toml allows (so a bumped range or a new dependency needs a pin)."""

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parent.parent


def _pins() -> dict[str, str]:
    pins = {}
    for line in (REPO / "constraints.txt").read_text("utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = re.fullmatch(r"([A-Za-z0-9_.\-]+)==(\S+)", line).groups()
            pins[canonicalize_name(name)] = version
    return pins


def test_every_runtime_and_test_dependency_is_pinned_within_its_range():
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    pins = _pins()
    wanted = [Requirement(r) for r in
              project["dependencies"] + project["optional-dependencies"]["test"]]
    unpinned = [str(r) for r in wanted if canonicalize_name(r.name) not in pins]
    assert unpinned == []
    outside = [f"{r.name}=={pins[canonicalize_name(r.name)]} ({r.specifier})" for r in wanted
               if not r.specifier.contains(pins[canonicalize_name(r.name)], prereleases=True)]
    assert outside == []


def test_ci_installs_with_the_constraints():
    assert "-c constraints.txt" in (REPO / ".ci" / "run").read_text("utf-8")
