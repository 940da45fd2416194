"""The exporters' fast paragraphs (export/pdf/paragraph.py) against reportlab's own:
the same fragments as its parser, the same pixels as its `<b>Label:</b> text`."""

import io
import shutil
import subprocess
from xml.sax.saxutils import escape

import pytest
from helpers.plan_documents import hostile_document, large_document, timra_document
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table
from reportlab.platypus import Paragraph as ReportlabParagraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from dialogteam_app.export.pdf.fonts import REGULAR, register_fonts
from dialogteam_app.export.pdf.paragraph import Paragraph, RunInLabel, fragments, is_clean
from dialogteam_app.export.pdf.render import plan_story
from dialogteam_app.export.pdf.styles import BODY, CELL, FIELD, H1
from dialogteam_app.export.pdf.text import labelled, markup


def parsed(text, style):
    _, frags, _ = ParaParser().parse(text, style)
    textTransformFrags(frags, style)
    return [f.__dict__ for f in frags]


def paragraphs_in(flowables):
    for f in flowables:
        if isinstance(f, ReportlabParagraph):
            yield f
        elif isinstance(f, Table):
            yield from paragraphs_in(c for row in f._cellvalues for c in row
                                     if isinstance(c, Flowable))
        for attribute in ("_content", "parts"):
            yield from paragraphs_in(getattr(f, attribute, []))


def test_every_paragraph_of_a_plan_has_the_parsers_fragments():
    register_fonts()
    found = fast = 0
    for doc in (timra_document(), hostile_document(), large_document(12)):
        for p in paragraphs_in(plan_story(doc)):
            found += 1
            if fragments(p.text, p.style) is not None:  # else reportlab parsed it itself
                assert [f.__dict__ for f in p.frags] == parsed(p.text, p.style), p.text
                fast += 1
    assert found > 700 and fast == found  # every paragraph a plan has takes the fast path


@pytest.mark.parametrize("text", [
    "a &amp; b &lt;c&gt; &quot;d&quot; &#160;e&#xe5; &nbsp;&unknown;",
    "<b>Fet:</b> text<br/>rad två <i>kursiv <b>båda</b></i> slut",
    "<i><b>x</b></i><br/><br/>",
    "", "   mellanslag   och\nrader  ",
])
def test_our_markup_gives_the_parsers_fragments(text):
    register_fonts()
    for style in (BODY, CELL, H1):
        ours = fragments(text, style)
        assert ours is not None
        assert [f.__dict__ for f in ours] == parsed(text, style)


@pytest.mark.parametrize("text", [
    '<a href="x">länk</a>', '<font color="red">x</font>', "<u>x</u>", "<b>x</i>",
    "<b>x", "x</b>", "a & b", "a < b", "&#99999999;", "<para>x</para>", "<br />",
])
def test_other_markup_is_left_to_the_parser(text):
    register_fonts()
    assert fragments(text, BODY) is None


@pytest.mark.parametrize("text", ["Förstelärare, 20\u00a0%", "a <b>b</b> &amp; c", "x", "1\u00a0000"])
def test_clean_text_skips_reportlabs_cleaner(text):
    assert is_clean(text) and cleanBlockQuotedText(text) == text


@pytest.mark.parametrize("text", [
    "", " a", "a ", "a  b", "a\nb", "a\tb", "a\rb", "a\u2009b", "a\u3000b", "a\x1cb",
    "a\x85b", "a\u202fb", "a\u2028b", "a\u200b\u00a0b", "a\u00adb"])
def test_text_the_cleaner_may_change_goes_through_it(text):
    assert not is_clean(text)


def test_a_fast_paragraph_with_other_markup_is_parsed_as_before():
    register_fonts()
    p = Paragraph('<u>under</u> &amp; <font color="#ff0000">röd</font>', BODY)
    reference = ReportlabParagraph('<u>under</u> &amp; <font color="#ff0000">röd</font>', BODY)
    assert [f.__dict__ for f in p.frags] == [f.__dict__ for f in reference.frags]


def pages_as_pgm(story, tmp_path, name):
    """Lay out `story` on A4 and render each page to a grey-scale PGM (bytes)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, initialFontName=REGULAR).build(story)
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(buffer.getvalue())
    subprocess.run(["pdftoppm", "-r", "110", "-gray", str(pdf), str(tmp_path / name)],
                   check=True)
    return [p.read_bytes() for p in sorted(tmp_path.glob(f"{name}-*.pgm"))]


def pdf_text(tmp_path, name):
    return [page.extract_text() for page in PdfReader(tmp_path / f"{name}.pdf").pages]


def test_a_run_in_label_looks_like_reportlabs_bold_markup(tmp_path):
    """Short, wrapping and page-splitting fields, and a table's re-wrapped cells:
    the same pixels as reportlab's own paragraphs, and the same text read back
    (the label and its text on one line)."""
    register_fonts()
    long_text = "Förstelärare leder kollegialt lärande i matematik och svenska. " * 25
    fields = [("Hur", long_text), ("Personal", "Förstelärare, 20 %"), ("Vem", "–"),
              ("Mål på kort sikt", "Fler elever " * 30), ("Elevhälsa & <annat>", "x < y & z")] * 3

    def story(ours):
        parts = [Spacer(1, 600)]  # the first field starts near the foot of the page
        for label, text in fields:
            if ours:
                parts += labelled(label, text, FIELD)
            else:
                parts.append(ReportlabParagraph(f"<b>{escape(label)}:</b> {escape(text)}",
                                                FIELD))
        kind = Paragraph if ours else ReportlabParagraph
        parts.append(Table([[kind(markup(t), CELL) for t in ("Kostnad " * 12, "Skolverket")]],
                           colWidths=[200, 80]))
        return parts

    ours = pages_as_pgm(story(True), tmp_path, "ours")
    theirs = pages_as_pgm(story(False), tmp_path, "theirs")
    assert len(ours) == len(theirs) >= 3
    assert ours == theirs
    assert pdf_text(tmp_path, "ours") == pdf_text(tmp_path, "theirs")


def test_a_run_in_label_before_text_in_several_fonts_reads_like_reportlabs(tmp_path):
    """Text in two fonts takes reportlab's other drawing path; the label is shown
    there too, before the text (the words are placed a hair differently from
    reportlab's own two-font line, so only the text is compared)."""
    register_fonts()
    mixed = "<i>kursiv</i> och rak " * 20
    pages_as_pgm([RunInLabel(mixed, FIELD, label="Not:")], tmp_path, "ours")
    pages_as_pgm([ReportlabParagraph(f"<b>Not:</b> {mixed}", FIELD)], tmp_path, "theirs")
    assert pdf_text(tmp_path, "ours") == pdf_text(tmp_path, "theirs")
    assert pdf_text(tmp_path, "ours")[0].startswith("Not: kursiv och rak")


def test_a_split_run_in_label_keeps_its_label_on_the_first_part():
    register_fonts()
    p = RunInLabel("ord " * 400, FIELD, label="Hur:")
    p.wrap(400, 800)
    first, rest = p.split(400, 100)
    assert first.label == "Hur:" and rest.label == ""
    assert rest.style.firstLineIndent == 0


def test_short_text_cells_look_as_their_paragraphs_did(tmp_path, monkeypatch):
    """A cost table's one-line texts are plain strings the table draws: the same pixels
    and text as the paragraphs they were (long, escaped and empty texts stay those)."""
    from dialogteam_app.export.pdf import cost_tables

    register_fonts()
    doc = large_document(3)
    first = doc.areas[0].interventions[0]
    first.costs[0].description = "Handledning av förstelärare i matematik " * 4  # wraps
    first.costs[1].funder = "Skolverket & <huvudman>"
    first.milestones[0].text = ""

    def story():
        tables = [t(iv) for a in doc.areas for iv in a.interventions
                  for t in (cost_tables.intervention_cost_table, cost_tables.milestone_table)]
        return [*tables, *(cost_tables.area_summary_table(i, a) for i, a in enumerate(doc.areas)),
                cost_tables.plan_cost_table(doc),
                cost_tables.breakdown_table("Per år", doc.total_by_year, doc.total_kr, 200)]

    ours = story()
    plain = [c for t in ours for row in t._cellvalues[1:] for c in row if isinstance(c, str)]
    assert "Skolverket" in plain and "Vikarier" in plain
    assert pages_as_pgm(ours, tmp_path, "ours") == \
        pages_as_pgm(_with_paragraph_cells(story, monkeypatch), tmp_path, "theirs")
    assert pdf_text(tmp_path, "ours") == pdf_text(tmp_path, "theirs")


def _with_paragraph_cells(story, monkeypatch):
    from dialogteam_app.export.pdf import cost_tables
    monkeypatch.setattr(cost_tables, "_text",
                        lambda text, width, left_padding=0: Paragraph(text or "–", CELL))
    return story()
