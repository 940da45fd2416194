"""Every component the program ships with has its licence text in the package, and
the project's own licence is the one pyproject declares."""

from __future__ import annotations

import re
import tomllib

from conftest import REPO

from dialogteam_app.licenses import NOTICES, notice_text


def test_every_notice_text_is_in_the_resources():
    for notice in NOTICES:
        text = notice_text(notice)
        assert len(text) > 500, notice.file


def test_each_runtime_dependency_has_a_notice():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    names = {re.split(r"[<>=!~\[; ]", dep, maxsplit=1)[0].lower()
             for dep in project["dependencies"]}
    noticed = " ".join(n.component.lower() for n in NOTICES)
    assert [n for n in names if n not in noticed] == []


def test_the_project_licence_is_mit_in_both_places():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT"
    shipped = next(n for n in NOTICES if n.component == "Dialogteam")
    assert notice_text(shipped) == (REPO / "LICENSE").read_text(encoding="utf-8")
    assert "Dialogteam contributors" in notice_text(shipped)


def test_the_lgpl_ships_with_the_gpl_it_refers_to():
    spdx = {n.spdx for n in NOTICES}
    assert {"LGPL-3.0-only", "GPL-3.0-only"} <= spdx
