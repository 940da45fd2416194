"""The åtgärdsplan PDF, read back: text, totals, fonts, metadata, outline, escaping,
atomic writing, and that QtPdf can draw every page."""

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REPO
from helpers.plan_documents import (
    MARKUP,
    all_texts,
    hostile_document,
    large_document,
    timra_document,
)
from pypdf import PdfReader

from dialogteam_app.domain.money import to_tkr
from dialogteam_app.export import render_plan_pdf


def squeeze(text: str) -> str:
    """Text without any whitespace: line wrapping and split long words do not matter."""
    return re.sub(r"\s+", "", text)


def words(text: str) -> str:
    """Whitespace (also no-break spaces) collapsed to single spaces."""
    return " ".join(text.split())


@dataclass
class Rendered:
    path: Path
    pages: int
    reader: PdfReader
    running: set[str]   # header and footer lines, dropped so split paragraphs join up

    def text(self, first: int = 0, last: int | None = None) -> str:
        return "\n".join(line for p in self.reader.pages[first:last]
                         for line in p.extract_text().splitlines()
                         if line not in self.running and not re.fullmatch(r"Sida \d+ av \d+", line))

    def outline(self) -> list[tuple[str, int]]:
        found = []

        def walk(items):
            for item in items:
                if isinstance(item, list):
                    walk(item)
                else:
                    found.append((item.title, self.reader.get_destination_page_number(item)))
        walk(self.reader.outline)
        return found


def render(tmp_path_factory, doc, name="plan.pdf") -> Rendered:
    path = tmp_path_factory.mktemp("pdf") / name
    pages = render_plan_pdf(doc, path)
    running = {doc.title, f"Version {doc.version} · {doc.date}", f"Dnr {doc.dnr}"}
    return Rendered(path, pages, PdfReader(path), running)


@pytest.fixture(scope="module")
def timra(tmp_path_factory):
    return render(tmp_path_factory, timra_document(), "Åtgärdsplan Timrå kommun v2.pdf")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return render(tmp_path_factory, hostile_document())


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    return render(tmp_path_factory, large_document(60))


def test_importing_the_exporters_does_not_import_reportlab():
    code = ("import sys\n"
            "import dialogteam_app.export, dialogteam_app.export.email_draft\n"
            "import dialogteam_app.export.file_names, dialogteam_app.export.pdf\n"
            "import dialogteam_app.ui.plan.export_dialog\n"
            "assert 'dialogteam_app.export.email_draft' in sys.modules\n"
            "print(sorted(m for m in sys.modules if m.startswith('reportlab')))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, cwd=REPO, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_every_field_of_the_timra_plan_is_in_the_pdf(timra):
    text = squeeze(timra.text())
    missing = [t for t in all_texts(timra_document()) if squeeze(t) not in text]
    assert missing == []


def test_cost_table_has_subtotals_funders_years_and_the_total_in_tkr(timra):
    costs = words(timra.text(timra.pages - 1))  # the last chapter, on the last page
    assert "10 Kostnader" in costs
    assert "Summa utvecklingsområde 2 1 320 300 1 620" in costs
    assert "Summa utvecklingsområde 6 – 1 300 1 300" in costs
    assert "Totalt 4 650 1 800 6 450" in costs
    assert "Skolverket 4 650 72 %" in costs
    assert "2019 3 760 58 %" in costs and "2020 2 690 42 %" in costs


def test_intervention_shows_its_fields_under_the_plans_labels(timra):
    first = words(timra.text(3, 5))
    for label in ("2.1 Verksamhetsutvecklare", "Planerad insats och koppling till utvecklingsområdet",
                  "Orsaker som insatsen ska åtgärda:", "Deltagare och planering av insatsen",
                  "Ungefärligt antal deltagare: cirka 120", "Kompetensutveckling:",
                  "Mål och förväntade effekter", "Mål på kort sikt:",
                  "Ansvar", "Delaktighet", "Uppföljning och utvärdering", "Vem:",
                  "Start–slut: 2019-01-07 – 2021-12-17", "2020-06-15",
                  "Verksamhetsutvecklare Skolverket 2020 660", "Summa 1 620"):
        assert label in first
    assert "Elevhälsa" not in first and "–:" not in first  # an empty optional field is left out


def test_every_font_is_embedded(timra, hostile):
    for rendered in (timra, hostile):
        names = set()
        for page in rendered.reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                names.add(str(font["/BaseFont"]))
                if font["/Subtype"] == "/Type0":
                    font = font["/DescendantFonts"][0].get_object()
                descriptor = font["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, font
        assert all("OpenSans" in n for n in names), names


def test_metadata_and_language(timra):
    info = timra.reader.metadata
    assert info.title == "Åtgärdsplan – Timrå kommun"
    assert info.author == "Erik Lindqvist"
    assert info.subject == "Åtgärdsplan för Timrå kommun, Insatser för en likvärdig skola, version 2"
    assert timra.reader.trailer["/Root"]["/Lang"] == "sv-SE"


def test_bookmarks_point_at_their_headings_and_the_toc_has_the_same_pages(timra):
    outline = timra.outline()
    titles = [t for t, _ in outline]
    assert titles[:4] == ["Innehåll", "1 Bakgrund", "2 IT",
                          "2.1 Verksamhetsutvecklare inom digitalisering och ett gemensamt systemstöd"]
    assert titles[-4:] == ["7 Styrkor och risker", "8 Erfarenhetsspridning", "9 Tidplan",
                           "10 Kostnader"]
    toc = timra.reader.pages[1].extract_text()
    for title, page in outline[1:]:
        assert squeeze(title) in squeeze(timra.reader.pages[page].extract_text())
        number, name = title.split(" ", 1)
        # the entry reads in order: number, title, leader dots, page
        assert re.search(rf"(?m)^{re.escape(number)} {re.escape(name[:20])}.*\n"
                         rf"(?:.*\n)?[ .]+\n{page + 1}$", toc), title
    links = [a.get_object() for a in timra.reader.pages[1]["/Annots"]]
    assert [str(a["/Contents"]) for a in links] == [f"Gå till {t}" for t, _ in outline[1:]]
    for link, (_, page) in zip(links, outline[1:], strict=True):
        assert timra.reader.get_page_number(link["/Dest"][0].get_object()) == page


def test_running_header_and_footer(timra):
    n = timra.pages
    assert 10 <= n <= 30
    assert n == len(timra.reader.pages)
    assert f"Sida 1 av {n}" in timra.reader.pages[0].extract_text()
    last = timra.reader.pages[-1].extract_text()
    assert f"Sida {n} av {n}" in last
    assert "Åtgärdsplan – Timrå kommun" in last and "Version 2 · 2019-03-15" in last
    assert "Dnr 2019:830" in last
    body = timra.reader.pages[2:]
    assert all("Åtgärdsplan – Timrå kommun" in page.extract_text() for page in body)
    # the header and the footer's text are two forms that every body page shows
    forms = [{str(name) for name in page["/Resources"]["/XObject"] if "Running" in str(name)}
             for page in body]
    assert len(forms[0]) == 2 and all(f == forms[0] for f in forms)


def test_markup_in_user_text_comes_out_literally(hostile):
    text = squeeze(hostile.text())
    for snippet in MARKUP:
        assert squeeze(snippet) in text
    missing = [t[:60] for t in all_texts(hostile_document()) if squeeze(t) not in text]
    assert missing == []
    assert hostile.reader.metadata.title == 'Åtgärdsplan – Kommun <b>"X"</b> & Co'


def test_empty_fields_are_left_out_and_missing_ones_said_once(hostile):
    text = words(hostile.text())
    assert "2.2 Tom insats" in text
    empty = text.split("2.2 Tom insats", 1)[1]
    assert "Mål på lång sikt" not in empty and "Vem:" not in empty and ": –" not in empty
    assert ("Inte ifyllt ännu: beskrivning, mål, ansvar, uppföljning (när, hur, vem), start, "
            "kostnad.") in empty
    assert "Inga insatser är planerade inom utvecklingsområdet." in text
    assert "Tidplan saknas" in text and "Slutdatum saknas" in text


def test_sixty_interventions_give_a_complete_document(large):
    outline = large.outline()
    interventions = [t for t, _ in outline if re.match(r"\d+\.\d+ ", t)]
    assert len(interventions) == 60
    assert large.pages > 60
    tail = words(large.text(large.pages - 8))
    assert "(forts.)" in tail  # the timeline continues over a page break
    assert f"Sida {large.pages} av {large.pages}" in large.reader.pages[-1].extract_text()
    doc = large_document(60)
    funders = " ".join(to_tkr(kr) for kr in doc.total_by_funder.values())
    assert words(f"Totalt {funders} {to_tkr(doc.total_kr)}") in tail


def test_an_empty_plan_and_a_decades_long_schedule_still_render(tmp_path):
    from dialogteam_app.domain.plan_document import DocArea, DocIntervention, PlanDocument
    empty = PlanDocument(organiser_name="Norrviks kommun", engagement_title="")
    assert render_plan_pdf(empty, tmp_path / "empty.pdf") >= 5
    text = words(PdfReader(tmp_path / "empty.pdf").pages[-1].extract_text())
    assert "Totalt 0" in text
    long = PlanDocument(organiser_name="X", engagement_title="Y", areas=[DocArea(
        title="Område", interventions=[DocIntervention("Lång", start="1995-01-01", end="2090-12-31"),
                                       DocIntervention("Trasig", start="2027-13-40", end="x")])])
    pages = render_plan_pdf(long, tmp_path / "long.pdf")
    timeline = words(PdfReader(tmp_path / "long.pdf").pages[pages - 2].extract_text())
    assert len(re.findall(r"\b(?:19|20)\d\d\b", timeline)) >= 8 and "Tidplan saknas" in timeline


def test_progress_is_reported_up_to_done(tmp_path):
    calls = []
    render_plan_pdf(timra_document(), tmp_path / "plan.pdf", lambda d, t: calls.append((d, t)))
    assert len(calls) > 10
    assert [d / t for d, t in calls] == sorted(d / t for d, t in calls)
    assert calls[-1][0] == calls[-1][1]


@pytest.mark.parametrize("old", [None, b"%PDF-1.4 the earlier export"])
def test_a_failed_export_leaves_no_file_and_keeps_the_old_one(tmp_path, old):
    target = tmp_path / "plan.pdf"
    if old:
        target.write_bytes(old)
    calls = []

    def fail_midway(done, total):
        calls.append(done)
        if done > total // 2:
            raise RuntimeError("avbruten")
    with pytest.raises(RuntimeError, match="avbruten"):
        render_plan_pdf(timra_document(), target, fail_midway)
    assert calls
    assert [p.name for p in tmp_path.iterdir()] == (["plan.pdf"] if old else [])
    if old:
        assert target.read_bytes() == old


def test_qtpdf_renders_every_page(qapp, timra, hostile):
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor
    from PySide6.QtPdf import QPdfDocument
    for rendered in (timra, hostile):
        doc = QPdfDocument()
        doc.load(str(rendered.path))
        assert doc.status() == QPdfDocument.Status.Ready
        assert doc.pageCount() == rendered.pages
        for i in range(doc.pageCount()):
            image = doc.render(i, QSize(210, 297))
            assert not image.isNull()
            inked = any(image.pixelColor(x, y) != QColor("white")
                        for x in range(0, 210, 3) for y in range(0, 297, 3))
            assert inked, f"page {i + 1} is blank"
        doc.close()


def test_one_numbering_of_development_areas(timra):
    text = words(timra.text())
    assert not re.search(r"Utvecklingsområde \d+ av \d+", text)
    chapters = {t.split(" ", 1)[0] for t, _ in timra.outline() if re.fullmatch(r"\d+ .+", t)}
    summed = set(re.findall(r"Summa utvecklingsområde (\d+)", text))
    assert summed and summed <= chapters


def test_distribution_tables_stay_within_the_text_width(timra):
    from dialogteam_app.export.pdf.styles import MARGIN_RIGHT, PAGE_WIDTH
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(timra.pages), "-l", str(timra.pages),
                          str(timra.path), "-"], capture_output=True, text=True, check=True).stdout
    right = max(float(m) for m in re.findall(r'xMax="([\d.]+)"', out))
    assert right <= PAGE_WIDTH - MARGIN_RIGHT + 0.5
    assert "Andel" in out


def test_dates_and_amounts_never_break_across_lines(tmp_path):
    from dialogteam_app.domain.plan_document import DocArea, DocIntervention, PlanDocument
    filler = "Ord " * 40
    texts = [f"{filler[:i * 3]}Klart den 31 januari 2019 för 100 000 kr och 25 % av tiden."
             for i in range(40)]
    doc = PlanDocument(organiser_name="X", engagement_title="Y", areas=[DocArea(
        title="Område", interventions=[DocIntervention("Insats", description="\n\n".join(texts))])])
    render_plan_pdf(doc, tmp_path / "plan.pdf")
    lines = [line.strip() for page in PdfReader(tmp_path / "plan.pdf").pages
             for line in page.extract_text().splitlines()]
    pairs = [(a.split()[-1], b.split()[0]) for a, b in zip(lines, lines[1:], strict=False) if a and b]
    broken = [p for p in pairs if p in {("den", "31"), ("31", "januari"), ("januari", "2019"),
                                        ("100", "000"), ("000", "kr"), ("25", "%")}]
    assert broken == []
    assert sum("januari" in line for line in lines) == 40


def test_no_funder_share_when_other_funders_amounts_are_unknown(tmp_path):
    from helpers.plan_documents import with_totals

    from dialogteam_app.domain.plan_document import DocArea, DocCost, DocIntervention, PlanDocument
    doc = with_totals(PlanDocument(organiser_name="X", engagement_title="Y", areas=[DocArea(
        title="Område", interventions=[DocIntervention("Insats", costs=[
            DocCost("Handledning", 120_000, "Skolverket", 2027)])])]))
    render_plan_pdf(doc, tmp_path / "plan.pdf")
    reader = PdfReader(tmp_path / "plan.pdf")
    last = words(reader.pages[-1].extract_text())
    assert "Skolverket 120 Totalt 120" in last  # no "100 %" after Skolverket
    assert "Andelen per finansiär anges inte" in last
    assert "2027 120 100 %" in last  # the years' shares are of what is known


@pytest.mark.parametrize("text, kept", [
    ("den 31 januari 2019 kl 9", "den\u00a031\u00a0januari\u00a02019 kl 9"),
    ("1 000 000 kr och 25 %", "1\u00a0000\u00a0000\u00a0kr och 25\u00a0%"),
    ("2019-01-07 – 2021-12-17", "2019-01-07\u00a0– 2021-12-17"),
    ("år 2019 och 2020, 12 elever", "år 2019 och 2020, 12 elever"),
    ("inga siffror – alls", "inga siffror\u00a0– alls"),
    ("Från Mars 2019 till den 5 maj, i åk 4", "Från Mars\u00a02019 till den\u00a05\u00a0maj, i åk 4"),
    ("12 tkr, 30 st och 2 Timmar; 1 500 000",
     "12\u00a0tkr, 30\u00a0st och 2\u00a0Timmar; 1\u00a0500\u00a0000"),
])
def test_no_break_spaces_where_a_line_must_not_break(text, kept):
    from dialogteam_app.export.typography import keep_together
    assert keep_together(text) == kept


def test_spacers_and_conditional_breaks_write_nothing_into_the_page():
    """They draw nothing, so the page holds no saved state or move for them either."""
    import io

    import pikepdf
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    from dialogteam_app.export.pdf.fonts import REGULAR, register_fonts
    from dialogteam_app.export.pdf.layout import CondPageBreak, Spacer
    from dialogteam_app.export.pdf.paragraph import Paragraph
    from dialogteam_app.export.pdf.styles import BODY

    def operators(story):
        buffer = io.BytesIO()
        SimpleDocTemplate(buffer, pagesize=A4, initialFontName=REGULAR).build(story)
        with pikepdf.open(io.BytesIO(buffer.getvalue())) as pdf:
            return [str(op) for _, op in pikepdf.parse_content_stream(pdf.pages[0])]

    register_fonts()
    plain = operators([Paragraph("Ett", BODY), Paragraph("Två", BODY)])
    assert operators([Paragraph("Ett", BODY), CondPageBreak(20), Spacer(1, 0),
                      Paragraph("Två", BODY)]) == plain
