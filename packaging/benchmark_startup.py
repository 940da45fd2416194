"""Start-up of the frozen program against the installed one, and the bundle's size.

    python packaging/benchmark_startup.py [--runs 10] [--installed PATH]

Run it with the Python of the venv the program is installed in (or name the
installed `dialogteam` with --installed) after `python packaging/build.py`.
Each program is started RUNS times, alternating between the two so that both see
the same machine, and each start is timed three ways (median and minimum shown):

- `--version`: process start to exit without Qt, i.e. interpreter (or bootloader)
  start-up and the import of the command line: what comes before main().
- main → paint: what the program itself prints for `--smoke`, from entering
  main() to the first paint of the main window.
- `--smoke` wall: process start to exit, including closing the window and database.

`--version` + main → paint estimates start to first paint. `--smoke` runs offscreen
on a data folder of each program's own, after one untimed start that creates it.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build import built_program, folder_size

FIRST_PAINT = re.compile(r"huvudfönstret visades efter (\d+) ms")


def timed(exe: Path, *args: str) -> tuple[float, str]:
    """(wall ms, stdout) of one start of the program."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    result = subprocess.run([str(exe), *args], capture_output=True, text=True, env=env,
                            timeout=120)
    wall = (time.perf_counter() - started) * 1000
    if result.returncode != 0:
        raise RuntimeError(f"{exe} {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return wall, result.stdout


def measure(exe: Path, data_dir: Path) -> tuple[float, float, float]:
    """(--version wall, main → paint, --smoke wall) in ms."""
    version_wall, _ = timed(exe, "--version")
    smoke_wall, out = timed(exe, "--smoke", "--data-dir", str(data_dir))
    paint = FIRST_PAINT.search(out)
    if not paint:
        raise RuntimeError(f"{exe} --smoke printed no first-paint time:\n{out}")
    return version_wall, float(paint.group(1)), smoke_wall


def main() -> int:
    bundle, frozen = built_program()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--installed", type=Path,
                        default=Path(sys.executable).parent / "dialogteam",
                        help="the installed program (default: dialogteam beside this Python)")
    args = parser.parse_args()

    programs = {"installed": args.installed, "frozen": frozen}
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in programs}
    with tempfile.TemporaryDirectory() as tmp:
        data_dirs = {name: Path(tmp) / name for name in programs}
        for name, exe in programs.items():
            timed(exe, "--smoke", "--data-dir", str(data_dirs[name]))
        for _ in range(args.runs):
            for name, exe in programs.items():
                runs[name].append(measure(exe, data_dirs[name]))

    print(f"Start-up, {args.runs} runs each: median (min) in ms")
    print(f"{'':10} {'--version':>11} {'main → paint':>13} {'≈ start → paint':>16}"
          f" {'--smoke wall':>13}")
    for name, samples in runs.items():
        version, paint, smoke = zip(*samples, strict=True)
        med = statistics.median
        print(f"{name:10} {med(version):5.0f} ({min(version):3.0f})"
              f" {med(paint):7.0f} ({min(paint):3.0f})"
              f" {med(version) + med(paint):16.0f}"
              f" {med(smoke):7.0f} ({min(smoke):3.0f})")
    print(f"Bundle {bundle}: {folder_size(bundle) / 2**20:.0f} MiB on disk")
    return 0


if __name__ == "__main__":
    sys.exit(main())
