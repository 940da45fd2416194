"""Build the standalone program with PyInstaller, then check that it starts.

    python packaging/build.py            # → dist/Dialogteam/ (and dist/Dialogteam.app on macOS)

Run it with the Python of a virtual environment that has the project and the
`package` extra installed (`pip install ".[package]"`); the same command works on
Windows, macOS and Linux, each building for itself. It prints where the program is,
its size on disk and what `--version` answered.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "packaging" / "dialogteam.spec"
DIST = REPO / "dist"
WORK = REPO / "build" / "pyinstaller"


def built_program() -> tuple[Path, Path]:
    """(folder that is shipped, executable inside it) of the build, per platform."""
    if sys.platform == "win32":
        return DIST / "Dialogteam", DIST / "Dialogteam" / "Dialogteam.exe"
    if sys.platform == "darwin":
        app = DIST / "Dialogteam.app"
        return app, app / "Contents" / "MacOS" / "Dialogteam"
    return DIST / "Dialogteam", DIST / "Dialogteam" / "dialogteam"


def folder_size(path: Path) -> int:
    """Bytes the folder takes on disk, as `du` counts them (file sizes on Windows,
    which has no block counts). Symlinks are not followed."""
    stats = [p.lstat() for p in (path, *path.rglob("*"))]
    return sum(s.st_blocks * 512 if hasattr(s, "st_blocks") else s.st_size for s in stats)


def main() -> int:
    try:
        import PyInstaller.__main__
    except ImportError:
        print('PyInstaller is missing: pip install ".[package]"', file=sys.stderr)
        return 1
    PyInstaller.__main__.run([str(SPEC), "--noconfirm", "--clean",
                              "--distpath", str(DIST), "--workpath", str(WORK)])
    folder, exe = built_program()
    answer = subprocess.run([str(exe), "--version"], capture_output=True, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    print(f"\nBuilt {exe}")
    print(f"Size on disk: {folder_size(folder) / 2**20:.0f} MiB")
    # A windowed Windows program has no stdout; there the exit code is the check.
    print(f"--version: {answer.stdout.strip() or '(no output)'} (exit code {answer.returncode})")
    return answer.returncode


if __name__ == "__main__":
    sys.exit(main())
