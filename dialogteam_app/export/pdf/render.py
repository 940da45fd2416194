"""Rendering: any story into a tagged PDF (render_document), and the plan's story.

One layout pass (numbers known only at the end are filled in afterwards, see
document.py) and one write, structure tree included (structure_tree.py); the
file appears atomically: a failure at any step leaves no file.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import Flowable

from ...domain.plan_document import PlanDocument
from ...gc_pause import collector_paused
from ..atomic import atomic_path
from .cover import contents_page, cover_page
from .document import DocumentInfo, DocumentTemplate
from .fonts import register_fonts
from .headings import HeadingMaker
from .sections import plan_chapters
from .structure import Tagger
from .text import one_line


def render_document(story: list[Flowable], info: DocumentInfo, path: Path,
                    progress: Callable[[int, int], None] | None = None,
                    tagged: bool = True) -> int:
    """Lay out `story` and write it to `path`; returns the page count.

    `tagged=False` leaves out the structure tree (only the benchmark uses it, to
    measure what tagging costs)."""
    register_fonts()
    tagger = Tagger(info.lang) if tagged else None
    buffer = io.BytesIO()
    with collector_paused():
        template = DocumentTemplate(buffer, info, tagger, progress)
        template.build(story)
        template.finish()
    with atomic_path(Path(path)) as tmp:
        tmp.write_bytes(buffer.getvalue())
    template.report_done()
    return int(template.page)


def plan_story(doc: PlanDocument) -> list[Flowable]:
    register_fonts()  # before any paragraph: they look up their fonts when made
    headings = HeadingMaker()
    chapters = plan_chapters(doc, headings)  # first: the contents list their headings
    return [*cover_page(doc), *contents_page(headings), *chapters]


def plan_info(doc: PlanDocument) -> DocumentInfo:
    date = one_line(doc.date)
    dnr = one_line(doc.dnr)
    subject = ", ".join(p for p in (f"Åtgärdsplan för {one_line(doc.organiser_name)}",
                                    one_line(doc.engagement_title), f"version {doc.version}") if p)
    return DocumentInfo(
        title=doc.title,
        # the huvudman's plan when no processtödjare is named, never "(anonymous)"
        author=one_line(doc.author) or one_line(doc.organiser_name) or "Dialogteam",
        subject=subject, keywords=("åtgärdsplan", one_line(doc.organiser_name)),
        header_right=f"Version {doc.version}" + (f" · {date}" if date else ""),
        footer_left=f"Dnr {dnr}" if dnr else one_line(doc.engagement_title))


def render_plan_pdf(doc: PlanDocument, path: Path,
                    progress: Callable[[int, int], None] | None = None,
                    tagged: bool = True) -> int:
    with collector_paused():
        return render_document(plan_story(doc), plan_info(doc), path, progress, tagged)
