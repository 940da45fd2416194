"""Start-up of the frozen program against the installed one, and the bundle's size.

    python packaging/benchmark_startup.py [--runs 10] [--installed PATH]

Each program is started RUNS times with `--smoke` (offscreen, on a data folder of
its own, after one untimed start that creates the database), alternating between
the two so that both see the same machine. Reported per program, median and
minimum: the wall time from starting the process until it has exited, and the
time the program itself measures from entering main() to the first paint of
the main window (which leaves out interpreter and bootloader start-up).
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


def smoke_start(exe: Path, data_dir: Path) -> tuple[float, float]:
    """(wall ms, first-paint ms) of one `--smoke` start."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    result = subprocess.run([str(exe), "--smoke", "--data-dir", str(data_dir)],
                            capture_output=True, text=True, env=env, timeout=120)
    wall = (time.perf_counter() - started) * 1000
    match = FIRST_PAINT.search(result.stdout)
    if result.returncode != 0 or not match:
        raise RuntimeError(f"{exe} --smoke failed ({result.returncode}):\n{result.stderr}")
    return wall, float(match.group(1))


def main() -> int:
    bundle, frozen = built_program()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--installed", type=Path,
                        default=Path(sys.executable).parent / "dialogteam",
                        help="the installed program (default: dialogteam beside this Python)")
    args = parser.parse_args()

    programs = {"installed": args.installed, "frozen": frozen}
    timings: dict[str, list[tuple[float, float]]] = {name: [] for name in programs}
    with tempfile.TemporaryDirectory() as tmp:
        data_dirs = {name: Path(tmp) / name for name in programs}
        for name, exe in programs.items():
            smoke_start(exe, data_dirs[name])
        for _ in range(args.runs):
            for name, exe in programs.items():
                timings[name].append(smoke_start(exe, data_dirs[name]))

    print(f"Start to first paint, {args.runs} runs each (ms)")
    print(f"{'':10} {'wall median':>12} {'wall min':>9} {'paint median':>13} {'paint min':>10}")
    for name, runs in timings.items():
        wall, paint = zip(*runs)
        print(f"{name:10} {statistics.median(wall):12.0f} {min(wall):9.0f}"
              f" {statistics.median(paint):13.0f} {min(paint):10.0f}")
    print(f"Bundle {bundle}: {folder_size(bundle) / 2**20:.0f} MiB on disk")
    return 0


if __name__ == "__main__":
    sys.exit(main())
