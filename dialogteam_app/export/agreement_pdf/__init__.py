"""The agreement PDF (överenskommelse with the åtgärdsplan as Bilaga 1), built from
the plan PDF's own modules: fonts, styles, escaping, headings, page template, atomic
write. No Qt here; reportlab is imported only when a PDF is rendered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ...domain.agreement_document import AgreementDocument
from ...domain.plan_document import PlanDocument


def render_agreement_pdf(doc: AgreementDocument, plan: PlanDocument | None, path: Path,
                         progress: Callable[[int, int], None] | None = None) -> int:
    """Write the agreement (and plan, as Bilaga 1) to `path` atomically; the page count."""
    from .render import render_agreement_pdf as render
    return render(doc, plan, path, progress)
