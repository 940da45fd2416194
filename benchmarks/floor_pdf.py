"""The floor for PDF export: a minimal reportlab document of a given page count.

One `build()` of plain paragraphs in the same embedded TrueType font, A4, no
table of contents, no tables, no tagging: what reportlab itself needs to lay out
and write that many pages. `bench_export.py` divides its times by this one,
measured in the same run, so the ratio does not depend on the machine.

    python benchmarks/floor_pdf.py 16      # prints ms for a 16-page document
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: E402

from dialogteam_app.export.pdf.fonts import REGULAR, register_fonts  # noqa: E402

_TEXT = ("Skolledare deltar i arbetsledningen av verksamhetsutvecklare och planeringen av "
         "deras arbetsinsats. Förvaltningsledningen följer upp insatserna vid planerade "
         "dialogmöten och tar med resultaten i huvudmannens årliga kvalitetsrapport. ")


def render_floor(paragraphs: int) -> int:
    """Lay out and write the document (to memory); returns its page count."""
    register_fonts()
    style = ParagraphStyle("floor", fontName=REGULAR, fontSize=9.5, leading=14, spaceAfter=5)
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4, initialFontName=REGULAR)
    doc.build([Paragraph(_TEXT, style) for _ in range(paragraphs)])
    return int(doc.page)


def paragraphs_for(pages: int) -> int:
    """How many paragraphs fill exactly `pages` pages (found once, not timed)."""
    n = pages * 14
    while render_floor(n) > pages:
        n -= 1
    while render_floor(n + 1) <= pages:
        n += 1
    return n


def floor_seconds(pages: int, runs: int = 5) -> float:
    """Median seconds for a floor document with `pages` pages."""
    n = paragraphs_for(pages)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render_floor(n)
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 16
    print(f"{n} pages: {floor_seconds(n) * 1000:.0f} ms")
