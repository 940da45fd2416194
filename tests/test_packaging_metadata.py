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


def test_appstream_metainfo_matches_the_desktop_file_and_the_program():
    import re
    import shutil
    import subprocess
    import xml.etree.ElementTree as ET

    import pytest

    from dialogteam_app import __version__

    linux = REPO / "packaging" / "linux"
    (metainfo,) = linux.glob("*.metainfo.xml")
    root = ET.parse(metainfo).getroot()
    app_id = root.findtext("id")
    assert metainfo.name == f"{app_id}.metainfo.xml"
    assert root.findtext("launchable") == f"{app_id}.desktop"
    assert (linux / f"{app_id}.desktop").is_file()
    assert root.find("releases/release").get("version") == __version__
    assert root.findtext("project_license") == "MIT"
    spec = (REPO / "packaging" / "dialogteam.spec").read_text()
    assert re.search(rf'BUNDLE_ID = "{re.escape(app_id)}"', spec)
    # Wayland finds the window's name and icon by this (read from the source: no Qt here).
    assert f'setDesktopFileName("{app_id}")' in (REPO / "dialogteam_app" / "ui" / "app.py").read_text()
    if shutil.which("appstreamcli") is None:
        pytest.skip("appstreamcli is not installed")
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
