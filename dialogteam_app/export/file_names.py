"""File names proposed for an exported plan, valid on Windows, macOS and Linux."""

from __future__ import annotations

import re

from ..domain.plan_document import PlanDocument

# Characters Windows forbids in file names, plus control characters.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_MAX_STEM = 150  # leaves room for a folder path within Windows' 260 characters


def safe_file_stem(text: str) -> str:
    stem = " ".join(_FORBIDDEN.sub("-", text).split())
    return stem[:_MAX_STEM].strip(" .") or "Åtgärdsplan"


def suggested_pdf_name(doc: PlanDocument) -> str:
    """'Åtgärdsplan Norrviks kommun v2 2026-11-23.pdf'."""
    parts = ["Åtgärdsplan", doc.organiser_name, f"v{doc.version}", doc.date]
    return safe_file_stem(" ".join(p for p in parts if p)) + ".pdf"
