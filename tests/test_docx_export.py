"""The åtgärdsplan as DOCX, read back with python-docx."""

import docx
from docx.oxml.ns import qn
from helpers.plan_documents import timra_document

from dialogteam_app.export import render_plan_docx


def test_timra_plan_as_docx_has_headings_totals_and_every_insats(tmp_path):
    doc = timra_document()
    path = tmp_path / "Åtgärdsplan Timrå kommun v2.docx"
    render_plan_docx(doc, path)
    word = docx.Document(str(path))
    headings = [(p.style.name, p.text) for p in word.paragraphs
                if p.style.name.startswith(("Heading", "Title"))]
    assert headings[:3] == [("Title", "Åtgärdsplan"), ("Heading 1", "1 Bakgrund"),
                            ("Heading 2", "Delaktighet i nulägesanalysen")]
    chapters = [t for s, t in headings if s == "Heading 1"]
    assert chapters[-4:] == ["7 Styrkor och risker", "8 Erfarenhetsspridning", "9 Tidplan",
                             "10 Kostnader"]
    insatser = [t for s, t in headings if s == "Heading 2" and t[:2].rstrip(".").isdigit()
                and "." in t.split(" ")[0]]
    titles = [iv.title for a in doc.areas for iv in a.interventions]
    assert [t.split(" ", 1)[1] for t in insatser] == titles
    costs = word.tables[-3]
    total = [c.text for c in costs.rows[-1].cells]
    assert total == ["Totalt", "4\u00a0650", "1\u00a0800", "6\u00a0450"]
    for table in word.tables:  # header rows repeat on each page
        header = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
        assert header is not None and header.get(qn("w:val")) == "true"
    bullets = [p.text for p in word.paragraphs if p.style.name == "List Bullet"]
    assert "”Dåliga” IT-system" in bullets
    props = word.core_properties
    assert props.title == "Åtgärdsplan – Timrå kommun" and props.author == "Erik Lindqvist"
    assert props.language == "sv-SE"
    lang = word.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")) \
        .find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "sv-SE"
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Elevhälsa: –" not in text and "(anonymous)" not in text
