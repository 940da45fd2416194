"""How fast the agreement PDF (the Stockholm ÖK 2 with its plan as Bilaga 1) is written,
as a ratio to floors measured in the same run.

    .venv/bin/python benchmarks/bench_agreement_export.py

Floor: the same plan rendered alone as the plan PDF (render_plan_pdf), per page; the
agreement's own pages then cost about as much per page as the plan's. Median of several
renders after a warm-up, in-process (fonts registered, modules imported).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

RUNS = 5


def median_seconds(fn) -> float:
    fn()  # warm-up
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    from stockholm_agreement import enter_stockholm

    from dialogteam_app.export import render_plan_pdf
    from dialogteam_app.export.agreement_pdf import render_agreement_pdf
    from dialogteam_app.store.agreement_snapshot import prepare_agreement_export
    from dialogteam_app.store.database import Database
    from dialogteam_app.store.store import Store
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        store = Store(Database(out / "db.sqlite"))
        _, ok2_id = enter_stockholm(store)
        export = prepare_agreement_export(store, ok2_id)
        assert export.plan is not None
        pages: dict[str, int] = {}

        def plan() -> None:
            pages["plan"] = render_plan_pdf(export.plan, out / "plan.pdf")

        def agreement() -> None:
            pages["agreement"] = render_agreement_pdf(export.document, export.plan,
                                                      out / "ok.pdf")
        floor = median_seconds(plan)
        measured = median_seconds(agreement)
        store.close()
    floor_page = floor / pages["plan"]
    page = measured / pages["agreement"]
    print(f"plan alone (floor): {pages['plan']} pages, {floor * 1000:.0f} ms, "
          f"{floor_page * 1000:.1f} ms/page")
    print(f"agreement + Bilaga 1: {pages['agreement']} pages, {measured * 1000:.0f} ms, "
          f"{page * 1000:.1f} ms/page = {page / floor_page:.2f}x the floor per page")


if __name__ == "__main__":
    main()
