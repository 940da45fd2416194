import tomllib

from conftest import REPO

from dialogteam_app.assets import resource


def test_every_source_package_is_listed_in_pyproject():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(REPO).parts)
               for p in (REPO / "dialogteam_app").rglob("__init__.py")}
    assert on_disk <= listed
    assert listed - on_disk == {"dialogteam_app.resources"}


def test_resources_are_found():
    assert resource("icons", "dialogteam.svg").is_file()
