"""Does long text cost the PDF linear time? (issue 14: 20 000 characters took 3.4 s,
100 000 took 61 s, an 18× ratio for 5× the text.)

    .venv/bin/python benchmarks/bench_long_text.py

For each shape of text, the plan is rendered with 20 000 and with 100 000
characters in its background; the ratio of the times is printed beside 5.0, the
ratio of linear cost. The floor is the same plan with no long text, measured in
the same run.
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from helpers.plan_documents import timra_document  # noqa: E402

from dialogteam_app.export import render_plan_pdf  # noqa: E402

SHAPES = {
    "short lines": lambda n: ("rad med text\n" * (n // 13 + 1))[:n],
    "one long line of words": lambda n: ("eleverna läser mer. " * (n // 20 + 1))[:n],
    "one endless word": lambda n: "x" * n,
}


def seconds(doc, out: Path) -> float:
    started = time.perf_counter()
    render_plan_pdf(doc, out)
    return time.perf_counter() - started


def main() -> None:
    out = Path(tempfile.mkdtemp()) / "plan.pdf"
    base = timra_document()
    seconds(base, out)                       # warm-up: fonts, imports
    floor = min(seconds(base, out) for _ in range(3))
    print(f"floor (plan without long text): {floor:.2f} s")
    for name, make in SHAPES.items():
        small = min(seconds(replace(base, background=make(20_000)), out) for _ in range(3))
        large = min(seconds(replace(base, background=make(100_000)), out) for _ in range(3))
        extra_small, extra_large = small - floor, large - floor
        ratio = (f"ratio {extra_large / extra_small:4.1f} (linear 5.0)" if extra_small > 0.05
                 else "both within noise of the floor")
        print(f"{name:<24} 20 000: {small:5.2f} s  100 000: {large:5.2f} s  {ratio}")


if __name__ == "__main__":
    main()
