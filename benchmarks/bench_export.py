"""How fast the åtgärdsplan PDF (and DOCX) is written, as ratios to floors measured in
the same run.

    .venv/bin/python benchmarks/bench_export.py [--without-accel]

In-process: median of several rounds after one warm-up (fonts registered,
modules imported); each round renders the plan, the plan untagged and the floor
one after the other, so a busy moment on a shared machine hits all three. Floor:
`floor_pdf.py`, a minimal reportlab document with the same page count. Tagging:
the same plan rendered without the structure tree (marked content and structure
elements left out), so the ratio is what PDF/UA costs.
Cold: a fresh Python process that imports the exporter, reads the plan and writes
the PDF, as a command-line export does, against a bare interpreter start.
`--without-accel` hides reportlab's C accelerator (rl_accel) to show what it brings.
Targets: PDF <= 2x the floor per page (issue 15); tagged <= 1.3x untagged (issue 13).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO))

RUNS = 7
COLD_RUNS = 3
HIDE_ACCEL = "import sys; sys.modules['_rl_accel'] = None\n"
COLD_EXPORT = """
import sys
from pathlib import Path
from dialogteam_app.domain.plan_document import PlanDocument
from dialogteam_app.export import render_plan_pdf
render_plan_pdf(PlanDocument.from_json(Path(sys.argv[1]).read_text("utf-8")), Path(sys.argv[2]))
"""


def interleaved_medians(fns: list, runs: int = RUNS) -> list[float]:
    """Median seconds of each function, called in turn in every round."""
    for fn in fns:
        fn()  # warm-up
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for fn, spent in zip(fns, times, strict=True):
            start = time.perf_counter()
            fn()
            spent.append(time.perf_counter() - start)
    return [statistics.median(spent) for spent in times]


def cold(doc, folder: Path, prefix: str) -> float:
    plan = folder / "plan.json"
    plan.write_text(doc.to_json(), "utf-8")
    times = []
    for _ in range(COLD_RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", prefix + COLD_EXPORT, str(plan),
                        str(folder / "cold.pdf")], check=True, cwd=REPO)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def python_start() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--without-accel", action="store_true")
    args = parser.parse_args()
    prefix = HIDE_ACCEL if args.without_accel else ""
    if prefix:
        exec(prefix)
    from floor_pdf import paragraphs_for, render_floor
    from helpers.plan_documents import large_document, timra_document

    from dialogteam_app.export import render_plan_pdf
    from dialogteam_app.export.pdf import render as pdf_render
    tagging = "tagged" in pdf_render.render_plan_pdf.__code__.co_varnames
    import reportlab.lib.rl_accel as accel
    accelerated = getattr(accel, "_c_funcs", None) not in (None, {})
    plans = [("Timrå plan (5 areas, 5 interventions)", timra_document()),
             ("~20-page plan (12 interventions)", large_document(12)),
             ("50 interventions", large_document(50))]
    print(f"Python {sys.version.split()[0]}; rl_accel {'on' if accelerated else 'off'}; "
          f"median of {RUNS} interleaved rounds; cold: median of {COLD_RUNS} fresh processes "
          f"(bare interpreter start {python_start() * 1000:.0f} ms)")
    print(f"{'plan':40} {'pages':>5} {'PDF ms':>7} {'floor ms':>8} {'× floor':>8} "
          f"{'untagged':>9} {'× untagged':>10} {'cold s':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out = folder / "plan.pdf"
        for name, doc in plans:
            pages = render_plan_pdf(doc, out)
            paragraphs = paragraphs_for(pages)
            fns = [lambda d=doc: render_plan_pdf(d, out), lambda n=paragraphs: render_floor(n)]
            if tagging:
                fns.append(lambda d=doc: pdf_render.render_plan_pdf(d, out, tagged=False))
            seconds, floor, *plain = interleaved_medians(fns)
            if plain:
                untagged = f"{plain[0] * 1000:7.0f} ms {seconds / plain[0]:9.2f}×"
            else:
                untagged = f"{'–':>9} {'–':>10}"
            print(f"{name:40} {pages:5d} {seconds * 1000:7.0f} {floor * 1000:8.0f} "
                  f"{seconds / floor:7.2f}× {untagged} {cold(doc, folder, prefix):7.2f}")


if __name__ == "__main__":
    main()
