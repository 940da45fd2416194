"""The agreement as a Word document: the Stockholm ÖK 2 exported from the command
line (FILE ending in .docx) and read back with python-docx; the same headings in
the same order as the agreement PDF; the money chapter's tables; the plan as
Bilaga 1; a failed export leaves no file."""

import re

import pytest
from docx import Document
from helpers.money_agreement import enter_hagsta
from pypdf import PdfReader
from stockholm_agreement import (
    DNR,
    GUIDANCE_ROLES,
    GUIDANCE_SKOLVERKET,
    HUVUDMAN_SIGNS,
    REVIEWER,
    SKOLVERKET_SIGNS,
    SUPPORT_ORGANISER,
    SUPPORT_SKOLVERKET,
    enter_stockholm,
)
from test_agreement_pdf import export, flat, outline

from dialogteam_app.export.agreement_pdf import render_agreement_pdf
from dialogteam_app.export.docx.agreement_docx import render_agreement_docx
from dialogteam_app.store.agreement_snapshot import prepare_agreement_export
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store

BILAGA = "Bilaga 1 Åtgärdsplan"


def docx_text(doc) -> str:
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return flat(" ".join([p.text for p in doc.paragraphs] + cells).replace("\u00a0", " "))


def agreement_headings(doc) -> list[tuple[int, str]]:
    """(level, text) of the agreement's headings, up to Bilaga 1's title."""
    found = []
    for p in doc.paragraphs:
        if p.style.name == "Title" and p.text == BILAGA:
            break
        if p.style.name.startswith("Heading "):
            found.append((int(p.style.name.split()[1]), flat(p.text.replace("\u00a0", " "))))
    return found


@pytest.fixture
def stockholm_docx(data_paths, tmp_path, capsys):
    store = Store(Database(data_paths.database))
    engagement_id, _ = enter_stockholm(store)
    store.close()
    path = tmp_path / "ÖK 2 Stockholm.docx"
    assert export(data_paths, engagement_id, path) == 0
    out = capsys.readouterr().out
    assert "(Word-dokument), med åtgärdsplanen version 1 som bilaga 1" in out
    return path, engagement_id


def test_the_stockholm_agreement_as_word(stockholm_docx, data_paths):
    path, engagement_id = stockholm_docx
    doc = Document(str(path))
    text = docx_text(doc)
    for fact in ["Organisationsnummer: 202100-4185", "Organisationsnummer: 212000-0142",
                 f"Dnr: {DNR}", f"beslut den 9 juni 2020 (dnr {DNR})",
                 "Insatsen omfattar 52 timmar och pågår under perioden 2020-05-15 – 2022-06-30.",
                 "senast den 15 april 2021 och den 15 oktober 2021",
                 "Slutrapporten ska vara Skolverket tillhanda senast den 31 augusti 2022."]:
        assert fact in text, fact
    for line in SUPPORT_ORGANISER + SUPPORT_SKOLVERKET:
        assert flat(line) in text, line
    for line in GUIDANCE_SKOLVERKET:   # a single duty reads as one sentence
        assert f"Skolverket ansvarar för att {flat(line).rstrip('.')}." in text, line
    for d in GUIDANCE_ROLES:
        assert flat(d.sentence) in text, d.role
    for name, title, place, date in SKOLVERKET_SIGNS + HUVUDMAN_SIGNS:
        assert f"{place} {date}" in text and f"{name} {title}" in text, name
    assert f"granskats av {REVIEWER[1].lower()}" in text and REVIEWER[0] in text
    # Responsibilities are lists, not paragraphs with dashes.
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert all(flat(line) in map(flat, bullets) for line in SUPPORT_ORGANISER)
    # The signature table's header repeats on each page; the file is Swedish, titled.
    signatures = doc.tables[0]
    assert [c.text for c in signatures.rows[0].cells] == ["För Skolverket",
                                                          "För Stockholms kommun"]
    assert signatures.rows[0]._tr.trPr.xml.count("tblHeader") == 1
    props = doc.core_properties
    assert props.title == "Överenskommelse (ÖK 2) – Stockholms kommun"
    assert props.author == "Skolverket" and props.language == "sv-SE"
    # Bilaga 1: the plan, after the agreement, with its own chapters.
    titles = [p.text for p in doc.paragraphs if p.style.name == "Title"]
    assert len(titles) == 2 and titles[1] == BILAGA
    after = [p.text for p in doc.paragraphs][[p.text for p in doc.paragraphs].index(BILAGA):]
    assert "1 Bakgrund" in after and "6 Kostnader" in after
    # The plan version attached is frozen, as for the PDF.
    store = Store(Database(data_paths.database))
    assert [v.number for v in store.plan_versions.list(engagement_id)] == [1]
    store.close()


@pytest.mark.parametrize("enter", [enter_stockholm, enter_hagsta])
def test_word_and_pdf_have_the_same_headings_in_the_same_order(store, tmp_path, enter):
    _, agreement_id = enter(store)
    export_ = prepare_agreement_export(store, agreement_id)
    pdf, docx = tmp_path / "ok.pdf", tmp_path / "ok.docx"
    render_agreement_pdf(export_.document, export_.plan, pdf)
    render_agreement_docx(export_.document, export_.plan, docx)
    headings = agreement_headings(Document(str(docx)))
    marks = outline(pdf)
    chapters = [title for depth, title in marks[1:marks.index((0, BILAGA))] if depth == 1]
    assert [t for level, t in headings if level == 1] == [flat(c) for c in chapters]
    assert len(chapters) >= 10 and chapters[-2:] == ["Underskrifter", "Bilagor"]
    # Every heading, down to '5.1.2 Ansvar för insatsen', in the PDF's text in order.
    reader = PdfReader(pdf)
    text = flat(" ".join(p.extract_text() for p in reader.pages).replace("\u00a0", " "))
    text = text[:text.index("Bilagor")]
    at = 0
    for _, heading in headings[:-1]:
        found = text.find(heading, at)
        assert found >= 0, f"{heading!r} not in the PDF after position {at}"
        at = found + len(heading)
    assert any(level == 3 for level, _ in headings)


def test_money_chapter_as_tables(store, tmp_path):
    _, agreement_id = enter_hagsta(store)
    export_ = prepare_agreement_export(store, agreement_id)
    path = tmp_path / "hagsta.docx"
    render_agreement_docx(export_.document, export_.plan, path)
    doc = Document(str(path))
    by_header = {t.rows[0].cells[0].text: t for t in doc.tables}
    payments = by_header["Datum"]
    rows = [[c.text.replace("\u00a0", " ") for c in r.cells] for r in payments.rows]
    assert rows[-1] == ["Summa", "", "250 000 kr"]
    assert [r[1] for r in rows].count("Kvartalsvis i förskott") == 7
    funders = [[c.text.replace("\u00a0", " ") for c in r.cells] for r in by_header["Finansiär"].rows]
    assert ["Region Hagsta", "15 000 kr"] in funders
    assert "Utkast" in docx_text(doc) and "%" not in docx_text(doc)
    assert re.search(r"till bankgiro 5050-1055 med referens 2020:1412 12345", docx_text(doc))


def test_a_failed_word_export_leaves_no_file(data_paths, tmp_path, capsys):
    store = Store(Database(data_paths.database))
    engagement_id, _ = enter_stockholm(store)
    store.close()
    path = tmp_path / "saknas" / "ÖK 2.docx"
    assert export(data_paths, engagement_id, path) == 1
    assert "Word-dokumentet sparades inte" in capsys.readouterr().err
    assert not path.exists() and not path.parent.exists()
    store = Store(Database(data_paths.database))
    assert store.plan_versions.list(engagement_id) == []
    store.close()
