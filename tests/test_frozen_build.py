"""The frozen program (PyInstaller one-folder build) starts and carries what it needs.

Slow, so it runs only on request: when a build exists (`python packaging/build.py`)
it is tested as it is; with DIALOGTEAM_TEST_FROZEN=1 it is built first (needs the
`package` extra). Otherwise every test here is skipped.
"""

import importlib.util
import os
import re
import subprocess
import sys

import pytest
from conftest import REPO

from dialogteam_app import __version__

BUILD_SCRIPT = REPO / "packaging" / "build.py"
_spec = importlib.util.spec_from_file_location("dialogteam_build", BUILD_SCRIPT)
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)
FOLDER, EXE = build.built_program()

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="the windowed Windows build prints nothing to read")


@pytest.fixture(scope="module")
def frozen():
    if os.environ.get("DIALOGTEAM_TEST_FROZEN") == "1":
        result = subprocess.run([sys.executable, str(BUILD_SCRIPT)], capture_output=True,
                                text=True, timeout=1800)
        assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    elif not EXE.exists():
        pytest.skip("no frozen build: run `python packaging/build.py` "
                    "or set DIALOGTEAM_TEST_FROZEN=1")
    return EXE


def run_frozen(exe, *args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_version(frozen):
    result = run_frozen(frozen, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Dialogteam {__version__}"


def test_smoke_start_shows_the_main_window(frozen, tmp_path):
    result = run_frozen(frozen, "--smoke", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert re.search(r"huvudfönstret visades efter \d+ ms", result.stdout), result.stdout


def test_pyside_start_code_is_kept_in_the_frozen_build_too(frozen, tmp_path):
    """Our runtime hook imports PySide6 before PyInstaller's does (pyside_code.py)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(tmp_path)}
    result = subprocess.run([str(frozen), "--smoke", "--data-dir", str(tmp_path / "data")],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    kept = {file.name.split(".")[0] for file in (tmp_path / "Dialogteam" / "bytecode").iterdir()}
    assert {"pyside", "pyside-patterns"} <= kept


def test_frozen_program_exports_a_pdf_with_embedded_fonts(frozen, tmp_path):
    """reportlab, the exporter and the fonts are imported lazily: prove they run frozen."""
    from pypdf import PdfReader

    from dialogteam_app.sample_data import load_sample
    from dialogteam_app.store.database import Database
    from dialogteam_app.store.store import Store
    data = tmp_path / "data"  # the PDF goes beside it: never into the data folder
    data.mkdir()
    with Database(data / "dialogteam.sqlite") as db:
        engagement = load_sample(Store(db))
    pdf = tmp_path / "plan.pdf"
    result = run_frozen(frozen, "--data-dir", str(data), "export", engagement.id,
                        "--pdf", str(pdf))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(pdf)
    assert "Norrviks kommun" in reader.pages[0].extract_text()
    fonts = {f["/BaseFont"] for page in reader.pages
             for f in page["/Resources"].get("/Font", {}).values()}
    assert fonts and all("OpenSans" in str(name) for name in fonts)


def test_every_resource_file_is_shipped(frozen):
    shipped = next(p for p in FOLDER.rglob("resources") if p.parent.name == "dialogteam_app")
    expected = {p.relative_to(REPO / "resources")
                for p in (REPO / "resources").rglob("*") if p.is_file()}
    assert {p.relative_to(shipped) for p in shipped.rglob("*") if p.is_file()} >= expected


def test_lazily_imported_code_and_pdf_support_are_shipped(frozen):
    readers = pytest.importorskip("PyInstaller.archive.readers")
    modules = set(readers.CArchiveReader(str(frozen)).open_embedded_archive("PYZ.pyz").toc)
    ours = {".".join(p.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
            for p in (REPO / "dialogteam_app").rglob("*.py")}
    assert ours <= modules
    assert {"reportlab.platypus", "reportlab.pdfbase.ttfonts",
            "reportlab.pdfbase._fontdata_enc_winansi"} <= modules
    assert any(FOLDER.rglob("Vera.ttf")), "reportlab's fonts"
    for qt_module in ("QtPdf", "QtPdfWidgets", "QtSvg"):
        assert any(FOLDER.rglob(f"{qt_module}.*")), qt_module


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux desktop install")
def test_linux_install_adds_program_menu_entry_and_icons(frozen, tmp_path):
    prefix = tmp_path / "prefix"
    subprocess.run([str(REPO / "packaging" / "linux" / "install.sh"), str(FOLDER)],
                   env={**os.environ, "PREFIX": str(prefix)}, check=True, capture_output=True)
    entry = (prefix / "share" / "applications" / "se.dialogteam.Dialogteam.desktop").read_text()
    assert f'Exec="{prefix}/bin/dialogteam"' in entry
    assert (prefix / "share" / "metainfo" / "se.dialogteam.Dialogteam.metainfo.xml").is_file()
    assert (prefix / "share" / "icons" / "hicolor" / "48x48" / "apps" / "dialogteam.png").is_file()
    assert run_frozen(prefix / "bin" / "dialogteam", "--version").returncode == 0
