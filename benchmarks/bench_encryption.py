"""What encrypting the database at rest costs: the same generated notes in a plain
and in an SQLCipher database, measured in the same run, as ratios encrypted / plain.

    python benchmarks/bench_encryption.py [--notes 20000]

Note commit (writer thread, WAL, synchronous=FULL, FTS), search (two words and
prefixes), opening the database with the key already derived, and start to first
paint (`--smoke` in a new process, which derives the key from the passphrase once).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import random  # noqa: E402

from bench_notes import PREFIXES, TWO_WORDS, build, pct, sentence  # noqa: E402

from dialogteam_app.domain.notes import Note  # noqa: E402
from dialogteam_app.passphrase import derive_key  # noqa: E402
from dialogteam_app.paths import DataPaths  # noqa: E402
from dialogteam_app.store.database import Database  # noqa: E402
from dialogteam_app.store.encryption import encrypt_database  # noqa: E402
from dialogteam_app.store.search import search_notes  # noqa: E402
from dialogteam_app.store.store import Store  # noqa: E402

PASSPHRASE = "en lång lösenfras för mätningen"
ROUNDS = 3
Measure = Callable[[DataPaths, str], list[float]]


def commits(paths: DataPaths, engagement_id: str) -> list[float]:
    rng = random.Random(1)
    times = []
    with Database(paths.database, threaded=True) as db:
        store = Store(db)
        meeting_id = store.meetings.list(engagement_id)[0].id
        for _ in range(100):
            store.notes.enter(Note(meeting_id=meeting_id, engagement_id=engagement_id,
                                   body=sentence(rng), tags=["problem"]))
            t = time.perf_counter()
            db.flush()
            times.append((time.perf_counter() - t) * 1000)
    return times


def searches(paths: DataPaths, _engagement_id: str) -> list[float]:
    times = []
    with Database(paths.database) as db:
        for q in TWO_WORDS + PREFIXES:      # warm the page cache, as a running program has it
            search_notes(db, q)
        for _ in range(4):
            for q in TWO_WORDS + PREFIXES:
                t = time.perf_counter()
                search_notes(db, q)
                times.append((time.perf_counter() - t) * 1000)
    return times


def opens(paths: DataPaths, _engagement_id: str) -> list[float]:
    times = []
    for _ in range(20):
        t = time.perf_counter()
        Database(paths.database).close()
        times.append((time.perf_counter() - t) * 1000)
    return times


def starts(paths: DataPaths, _engagement_id: str) -> list[float]:
    times = []
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DIALOGTEAM_PASSPHRASE": PASSPHRASE}
    for _ in range(3):
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "dialogteam_app", "--data-dir",
                                 str(paths.root), "--smoke"], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, env=env)
        assert proc.stdout is not None
        proc.stdout.readline()
        times.append((time.perf_counter() - t) * 1000)
        proc.wait()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=20_000)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="dialogteam-bench-crypt-"))
    plain, sealed = DataPaths(base / "okrypterad"), DataPaths(base / "krypterad")
    plain.root.mkdir()
    engagement_id, _ = build(plain, args.notes)
    shutil.copytree(plain.root, sealed.root, dirs_exist_ok=True)
    t = time.perf_counter()
    encrypt_database(sealed, PASSPHRASE)
    print(f"{args.notes} notes; turning encryption on took {time.perf_counter() - t:.2f} s "
          f"({sealed.database.stat().st_size / 2**20:.0f} MB)")
    print(f"{'':<40} {'plain median':>13} {'encrypted':>10} {'ratio':>6} {'p99 ratio':>9}")
    measures: list[tuple[str, Measure]] = [
        ("note committed to disk", commits), ("search (two words, prefixes)", searches),
        ("open the database (key derived)", opens), ("start to first paint (--smoke)", starts)]
    for label, measure in measures:
        a: list[float] = []
        b: list[float] = []
        for _ in range(ROUNDS):     # interleaved, so a busy machine slows both alike
            a += measure(plain, engagement_id)
            b += measure(sealed, engagement_id)
        ma, mb = statistics.median(a), statistics.median(b)
        print(f"{label:<40} {ma:10.2f} ms {mb:7.2f} ms {mb / ma:6.2f} "
              f"{pct(b, 99) / pct(a, 99):9.2f}")
    derive = []
    for _ in range(5):
        t = time.perf_counter()
        derive_key(PASSPHRASE, b"0123456789abcdef")
        derive.append((time.perf_counter() - t) * 1000)
    print(f"{'scrypt key derivation (once per start)':<40} {statistics.median(derive):10.2f} ms")
    shutil.rmtree(base)


if __name__ == "__main__":
    main()
