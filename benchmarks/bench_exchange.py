"""Exchange and backup at scale: export, import, re-import and a both-sides exchange
of the sample engagement and of one large engagement; backup, check and restore.

    python benchmarks/bench_exchange.py [--meetings 100] [--notes-per-meeting 100]

Prints each figure as a ratio to a floor measured in the same run, then milliseconds:
export and import against the JSON+zip floor (floor_json_zip.py: the same rows through
plain JSON, zip and executemany), a run and its floor's run taking turns so that a busy
machine slows both. The ratio is the median of the runs' ratios (each on fresh copies
where it writes). Backup, check and restore have no floor: milliseconds only.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_notes import sentence  # noqa: E402
from floor_json_zip import export_floor, import_floor  # noqa: E402

from dialogteam_app.domain.engagement import Engagement  # noqa: E402
from dialogteam_app.domain.meetings import Meeting, MeetingKind, Participant, Role  # noqa: E402
from dialogteam_app.domain.notes import Note, Tag  # noqa: E402
from dialogteam_app.domain.organisations import Organiser  # noqa: E402
from dialogteam_app.exchange import export_package, import_package  # noqa: E402
from dialogteam_app.paths import DataPaths  # noqa: E402
from dialogteam_app.sample_data import load_sample  # noqa: E402
from dialogteam_app.store.backups import backup_now, check_database, restore  # noqa: E402
from dialogteam_app.store.database import Database  # noqa: E402
from dialogteam_app.store.store import Store  # noqa: E402

RUNS = 5


def timed(fn) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


def paired(fn, floor, runs: int = RUNS) -> tuple[float, float, float, float, float]:
    """fn and its floor in turns, each returning its milliseconds: the median ratio,
    the lowest and highest ratio, and the medians of both."""
    pairs = [(fn(), floor()) for _ in range(runs)]
    ratios = [ms / floor_ms for ms, floor_ms in pairs]
    return (statistics.median(ratios), min(ratios), max(ratios),
            statistics.median(ms for ms, _ in pairs), statistics.median(f for _, f in pairs))


def row(label: str, figures: tuple[float, float, float, float, float], floor: str,
        target: str = "") -> None:
    ratio, low, high, ms, floor_ms = figures
    print(f"  {label:34s} {ratio:5.2f}× (runs {low:.2f}–{high:.2f}×) {ms:7.0f} ms   "
          f"floor {floor_ms:.0f} ms ({floor}){'   target ' + target if target else ''}")


def folder(root: Path, name: str) -> DataPaths:
    paths = DataPaths(root / name)
    paths.root.mkdir(parents=True)
    return paths


def open_store(paths: DataPaths) -> Store:
    return Store(Database(paths.database, backup_dir=paths.backups))


def large_engagement(store: Store, meetings: int, per_meeting: int) -> str:
    rng = random.Random(7)
    with store.db.bulk():
        o = Organiser(name="Storstads kommun")
        store.organisers.save(o)
        e = Engagement(organiser_id=o.id, title="Samverkan för bästa skola 2026–2029")
        store.engagements.save(e)
        for i in range(meetings):
            m = Meeting(engagement_id=e.id, date=f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
                        kind=MeetingKind.DIALOGUE, title=f"Möte {i + 1}")
            store.meetings.save(m)
            for j in range(5):
                store.meetings.save_participant(Participant(
                    meeting_id=m.id, name=f"Deltagare {j}", role=Role.TEACHER, position=j))
            for _ in range(per_meeting):
                store.notes.save(Note(meeting_id=m.id, engagement_id=e.id, body=sentence(rng),
                                      tags=[rng.choice(list(Tag)).value]))
    return e.id


def bench(label: str, root: Path, make) -> None:
    anna_paths = folder(root, f"{label}-anna")
    anna = open_store(anna_paths)
    engagement_id = make(anna)
    notes = anna.db.query("SELECT count(*) FROM notes")[0][0]
    size = anna.db.query("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size")
    print(f"\n{label}: {notes} notes, database {size[0][0] / 2**20:.1f} MB")

    package = root / f"{label}.dialogteam.zip"
    floor_zip = root / f"{label}-floor.zip"

    def export() -> float:
        return timed(lambda: export_package(anna.db, package, engagement_id=engagement_id))[0]

    def export_floor_ms() -> float:
        return timed(lambda: export_floor(anna_paths.database, floor_zip))[0]
    first = export(), export_floor_ms()
    print(f"  first export (all versions noted)  {first[0] / first[1]:5.2f}× {first[0]:7.0f} ms"
          f"   floor {first[1]:.0f} ms")
    row("export engagement", paired(export, export_floor_ms), "JSON+zip of the same rows",
        "<= 2×")
    print(f"  {'':34s} package {package.stat().st_size / 2**20:.2f} MB, floor's "
          f"{floor_zip.stat().st_size / 2**20:.2f} MB")

    def fresh_import() -> float:
        paths = folder(root, f"{label}-bo-{time.perf_counter_ns()}")
        with open_store(paths).db as db:
            return timed(lambda: import_package(db, package))[0]

    def fresh_floor_import() -> float:
        paths = folder(root, f"{label}-floor-{time.perf_counter_ns()}")
        open_store(paths).close()  # the empty laptop's database, as for the real import
        return timed(lambda: import_floor(floor_zip, paths.database))[0]
    row("import into an empty laptop", paired(fresh_import, fresh_floor_import),
        "executemany of the same rows", "<= 2×")

    def fresh_bulk_floor_import() -> float:
        paths = folder(root, f"{label}-bulk-floor-{time.perf_counter_ns()}")
        open_store(paths).close()
        return timed(lambda: import_floor(floor_zip, paths.database, bulk_index=True))[0]
    row("  the same, stricter floor", paired(fresh_import, fresh_bulk_floor_import),
        "executemany, notes indexed in bulk as the import does")

    bo_paths = folder(root, f"{label}-bo")
    bo = open_store(bo_paths)
    import_package(bo.db, package)
    changes: list[int] = []

    def again() -> float:
        ms, report = timed(lambda: import_package(bo.db, package))
        changes.append(report.changes)
        return ms
    row("the same package again", paired(again, fresh_floor_import), "the import floor")
    assert set(changes) == {0}, changes  # it brings nothing new

    # Both edit 1 % of the notes, chosen independently (so a few on both sides).
    ids = [r[0] for r in anna.db.query("SELECT id FROM notes ORDER BY id")]
    rng = random.Random(3)
    for store, who in ((anna, "Anna"), (bo, "Bo")):
        for note_id in rng.sample(ids, max(1, len(ids) // 100)):
            n = store.notes.get(note_id)
            store.notes.save(replace(n, body=f"{n.body} ({who})"))
    back = root / f"{label}-bo.dialogteam.zip"
    ms_export, _ = timed(lambda: export_package(bo.db, back, engagement_id=engagement_id))
    ms_import, report = timed(lambda: import_package(anna.db, back))
    floors = export_floor_ms() + fresh_floor_import()
    print(f"  both edited 1 %: export + import   {(ms_export + ms_import) / floors:5.2f}× "
          f"{ms_export:7.0f} + {ms_import:.0f} ms   floor {floors:.0f} ms (export + import "
          f"floor)   {sum(report.changed.values())} taken, {len(report.new_conflicts)} "
          "conflicts")

    # Backup, check and restore have no floor here (a plain file copy neither syncs
    # nor checks anything): milliseconds only, the median of the runs.
    backups = [timed(lambda: backup_now(anna_paths)) for _ in range(RUNS)]
    info = backups[-1][1]
    print(f"  backup (backup API)                {statistics.median(ms for ms, _ in backups):13.0f}"
          f" ms   ({info.size / 2**20:.1f} MB)")
    ms = statistics.median(timed(lambda: check_database(anna_paths.database))[0]
                           for _ in range(RUNS))
    print(f"  check (integrity, keys, FTS)       {ms:13.0f} ms")
    anna.close()
    ms = statistics.median(timed(lambda: restore(anna_paths, info.path))[0] for _ in range(RUNS))
    print(f"  restore (incl. copy of current)    {ms:13.0f} ms")
    bo.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=100)
    parser.add_argument("--notes-per-meeting", type=int, default=100)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="dialogteam-bench-exchange-"))
    try:
        bench("sample", root, lambda store: load_sample(store).id)
        bench("large", root, lambda store: large_engagement(store, args.meetings,
                                                            args.notes_per_meeting))
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
