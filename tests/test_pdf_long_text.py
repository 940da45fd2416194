"""Long text costs the PDF linear time: no paragraph handed to reportlab is longer
than a bounded piece (reportlab re-wraps the rest of a paragraph at each page
break, quadratic in its length), and nothing of the text is lost in the cut.
benchmarks/bench_long_text.py measures the time ratio 100 000 : 20 000 characters."""

from dataclasses import replace

import pytest
from helpers.plan_documents import timra_document
from pypdf import PdfReader

from dialogteam_app.export import render_plan_pdf
from dialogteam_app.export.pdf.fonts import register_fonts
from dialogteam_app.export.pdf.text import PIECE_CHARS, paragraphs

SHAPES = {
    "short lines": "rad med text\n" * 8000,
    "one long line of words": "eleverna läser mer. " * 5000,
    "one endless word": "x" * 100_000,
}


@pytest.mark.parametrize("shape", SHAPES)
def test_no_paragraph_is_longer_than_a_piece(shape):
    register_fonts()
    flowables = paragraphs(SHAPES[shape])
    assert len(flowables) > 1
    assert max(len(p.text.replace("<br/>", "\n")) for p in flowables) <= PIECE_CHARS


def test_the_pieces_hold_the_whole_text(tmp_path):
    lines = [f"rad {i:05d}" for i in range(6000)]
    doc = replace(timra_document(), background="\n".join(lines))
    render_plan_pdf(doc, tmp_path / "lång.pdf")
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "lång.pdf").pages)
    assert all(line in text for line in (lines[0], lines[2999], lines[-1]))
    assert sum(f"rad {i:05d}" in text for i in range(0, 6000, 7)) == len(range(0, 6000, 7))


def test_a_damaged_huge_name_is_cut_in_the_pdf(tmp_path):
    doc = replace(timra_document(), organiser_name="Huvudman " * 100_000)
    render_plan_pdf(doc, tmp_path / "namn.pdf")
    pages = PdfReader(tmp_path / "namn.pdf").pages
    assert "…" in "".join(page.extract_text() for page in pages[:3]) and len(pages) < 30
