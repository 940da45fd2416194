"""Exports of a plan: the PDF (reportlab) and the e-mail draft that carries it.

No Qt here. Importing this package stays cheap: reportlab is imported only when
a PDF is rendered, so the program starts without paying for it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..domain.plan_document import PlanDocument


def render_plan_pdf(doc: PlanDocument, path: Path,
                    progress: Callable[[int, int], None] | None = None) -> int:
    """Write the plan as a PDF to `path` (atomically) and return its page count.

    `progress(done, total)` is called while rendering; an exception raised from it
    stops the export and leaves no file behind.
    """
    from .pdf.render import render_plan_pdf as render
    return render(doc, path, progress)


def render_plan_docx(doc: PlanDocument, path: Path) -> None:
    """Write the plan as a Word document to `path` (atomically)."""
    from .docx.plan_docx import render_plan_docx as render
    render(doc, path)
