"""Tagged PDF (PDF/UA-1): every exported plan read back with pikepdf and checked by
the open `pdfua` checker and by our own structural assertions."""

import re

import pikepdf
import pytest
from helpers.pdf_structure import marked_content_ids, structure, untagged_text_operators
from helpers.plan_documents import hostile_document, large_document, timra_document
from pdfua import validate

from dialogteam_app.domain.plan_document import PlanDocument
from dialogteam_app.export import render_plan_pdf
from dialogteam_app.sample_data import load_sample
from dialogteam_app.store.plan_snapshot import build_plan_document


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tagged")
    return {name: (folder / f"{name}.pdf", render_plan_pdf(doc, folder / f"{name}.pdf"))
            for name, doc in [("timra", timra_document()), ("large", large_document(50)),
                              ("hostile", hostile_document())]}


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory):
    from dialogteam_app.store.database import Database
    from dialogteam_app.store.store import Store
    folder = tmp_path_factory.mktemp("sample")
    with Database(folder / "db.sqlite") as db:
        store = Store(db)
        engagement = load_sample(store)
        doc = build_plan_document(store, engagement.id)
    path = folder / "sample.pdf"
    render_plan_pdf(doc, path)
    return path


def all_paths(plans, sample_pdf):
    return [sample_pdf, *(path for path, _ in plans.values())]


def test_no_text_outside_tags_or_artifacts(plans, sample_pdf):
    for path in all_paths(plans, sample_pdf):
        with pikepdf.open(path) as pdf:
            assert untagged_text_operators(pdf) == 0, path.name


def test_the_open_pdfua_checker_finds_nothing(plans, sample_pdf):
    for path in all_paths(plans, sample_pdf):
        report = validate(str(path))
        assert [f"{f.rule_id} {f.message}" for f in report.findings] == [], path.name


def test_catalog_says_tagged_language_title_and_pdfua(plans):
    with pikepdf.open(plans["timra"][0]) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == "sv-SE"
        assert root.ViewerPreferences.DisplayDocTitle is True
        document = root.StructTreeRoot.K[0]
        assert document.S == "/Document" and str(document.Lang) == "sv-SE"
        xmp = pdf.open_metadata()
        assert xmp["pdfuaid:part"] == "1"
        assert xmp["dc:title"] == "Åtgärdsplan – Timrå kommun"
        assert all(page.obj.Tabs == "/S" for page in pdf.pages)


def test_headings_follow_the_numbered_outline_without_skipping(plans):
    with pikepdf.open(plans["timra"][0]) as pdf:
        tree = structure(pdf)
        levels = [int(e.role[1]) for e in tree.walk() if re.fullmatch(r"H\d", e.role)]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    assert levels.count(2) >= 5 + 5 + 2  # insatser, their area's own parts, Fördelning


def test_every_table_has_header_cells_with_scope(plans):
    for name in ("timra", "large"):
        with pikepdf.open(plans[name][0]) as pdf:
            tables = [e for e in structure(pdf).walk() if e.role == "Table"]
            assert len(tables) >= 10
            for table in tables:
                heads = [e for e in table.walk() if e.role == "TH"]
                assert heads, name
                assert all(str(h.obj.A.Scope) in ("/Column", "/Row") for h in heads)
                rows = [e for e in table.walk() if e.role == "TR"]
                assert rows and all(r.kids for r in rows)


def test_figures_have_alternative_text_that_names_the_interventions(plans):
    doc = timra_document()
    with pikepdf.open(plans["timra"][0]) as pdf:
        figures = [e for e in structure(pdf).walk() if e.role == "Figure"]
        assert len(figures) == 2  # the legend and the timeline
        alts = [str(f.obj.Alt) for f in figures]
    assert all(len(a) > 30 for a in alts)
    timeline = alts[1]
    for area in doc.areas:
        for iv in area.interventions:
            assert iv.title in timeline
    assert "2019-01-07 till 2021-12-17" in timeline


def test_lists_contents_and_links_are_structured(plans):
    with pikepdf.open(plans["timra"][0]) as pdf:
        tree = structure(pdf)
        lists = [e for e in tree.walk() if e.role == "L"]
        assert lists and all(k.role == "LI" for lst in lists for k in lst.kids)
        contents = [e for e in tree.walk() if e.role == "TOC"]
        assert len(contents) == 1
        items = contents[0].kids
        assert len(items) == 15 and all(i.role == "TOCI" for i in items)
        for item in items:
            link = item.kids[0]
            assert link.role == "Link"
            objr = [k for k in link.obj.K if isinstance(k, pikepdf.Dictionary)
                    and k.get("/Type") == "/OBJR"]
            assert len(objr) == 1 and objr[0].Obj.StructParent is not None


def test_parent_tree_maps_every_marked_content_to_its_element(plans):
    with pikepdf.open(plans["large"][0]) as pdf:
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        by_key = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        for i, (page, ids) in enumerate(zip(pdf.pages, marked_content_ids(pdf), strict=True)):
            assert int(page.obj.StructParents) == i
            assert ids == set(range(len(by_key[i])))
            for mcid in ids:
                assert by_key[i][mcid].Type == "/StructElem"


def test_structure_reads_in_document_order(plans):
    with pikepdf.open(plans["timra"][0]) as pdf:
        headings = [e for e in structure(pdf).walk() if re.fullmatch(r"H\d", e.role)]
        assert [h.role for h in headings[:3]] == ["H1", "H1", "H1"]  # cover, contents, 1
        pages = [pdf.pages.index(pikepdf.Page(h.obj.Pg)) for h in headings]
    assert pages == sorted(pages) and pages[0] == 0


def test_every_font_is_embedded_with_a_unicode_map(plans):
    with pikepdf.open(plans["timra"][0]) as pdf:
        for page in pdf.pages:
            for font in page.obj.Resources.Font.values():
                assert "/ToUnicode" in font, font.BaseFont
                descendant = font.DescendantFonts[0] if font.Subtype == "/Type0" else font
                assert "/FontFile2" in descendant.FontDescriptor


def test_author_is_never_anonymous(tmp_path):
    doc = PlanDocument(organiser_name="Norrviks kommun", engagement_title="Likvärdig skola")
    render_plan_pdf(doc, tmp_path / "plan.pdf")
    with pikepdf.open(tmp_path / "plan.pdf") as pdf:
        assert str(pdf.docinfo.Author) == "Norrviks kommun"
        assert pdf.open_metadata()["dc:creator"] == ["Norrviks kommun"]
