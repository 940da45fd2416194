"""How fast the åtgärdsplan PDF is written.

    .venv/bin/python benchmarks/bench_export.py

In-process: median of several renders after one warm-up (fonts registered,
modules imported), in ms and ms per page. Cold: the wall time of a fresh Python
process that imports the exporter, reads the plan and writes the PDF, as a
command-line export does. Targets: <= 20 ms per page in-process; a cold export
well under LibreOffice's ~1.6 s for a 20-page document on the same machine.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from plan_documents import large_document, timra_document  # noqa: E402

from dialogteam_app.export import render_plan_pdf  # noqa: E402

RUNS = 5
COLD_RUNS = 3
COLD_EXPORT = """
import sys
from pathlib import Path
from dialogteam_app.domain.plan_document import PlanDocument
from dialogteam_app.export import render_plan_pdf
render_plan_pdf(PlanDocument.from_json(Path(sys.argv[1]).read_text("utf-8")), Path(sys.argv[2]))
"""


def in_process(doc, out: Path) -> tuple[int, float]:
    pages = render_plan_pdf(doc, out)  # warm-up
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        render_plan_pdf(doc, out)
        times.append(time.perf_counter() - start)
    return pages, statistics.median(times)


def cold(doc, folder: Path) -> float:
    plan = folder / "plan.json"
    plan.write_text(doc.to_json(), "utf-8")
    times = []
    for _ in range(COLD_RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", COLD_EXPORT, str(plan), str(folder / "cold.pdf")],
                       check=True, cwd=REPO)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def python_start() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - start


def main() -> None:
    plans = [("Timrå plan (5 areas, 5 interventions)", timra_document()),
             ("~20-page plan (12 interventions)", large_document(12)),
             ("50 interventions", large_document(50))]
    print(f"Python {sys.version.split()[0]}; in-process: median of {RUNS} renders; "
          f"cold: median of {COLD_RUNS} fresh processes (bare interpreter start "
          f"{python_start() * 1000:.0f} ms)")
    print(f"{'plan':40} {'pages':>5} {'ms':>7} {'ms/page':>8} {'cold export':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, doc in plans:
            pages, seconds = in_process(doc, folder / "plan.pdf")
            print(f"{name:40} {pages:5d} {seconds * 1000:7.0f} {seconds * 1000 / pages:8.1f} "
                  f"{cold(doc, folder):10.2f} s")


if __name__ == "__main__":
    main()
