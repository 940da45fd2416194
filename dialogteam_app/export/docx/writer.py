"""A Word document (python-docx) built from the same kinds of parts as the PDFs:
headings in Word's own heading styles (the navigation pane and an inserted table of
contents work), paragraphs, run-in labelled fields, bullet and numbered lists, and
tables whose header rows repeat on every page. Language sv-SE, title and author set.

A document gets a DOCX by writing its content through DocxWriter and calling
`save`; see plan_docx.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from ..atomic import atomic_path
from ..typography import keep_together, plain

MUTED = RGBColor(0x5A, 0x6A, 0x76)
TEXT_WIDTH_MM = 163   # A4 less the PDF's margins (25 and 22 mm)
AMOUNT_MM = 28  # "Huvudmannen" in bold on one line
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


class DocxWriter:
    def __init__(self, *, title: str, author: str, subject: str, keywords: Sequence[str] = (),
                 lang: str = "sv-SE") -> None:
        self.doc = Document()
        props = self.doc.core_properties
        props.title, props.author, props.subject = title, author, subject
        props.keywords = ", ".join(keywords)
        props.language = lang
        self._set_language(lang)
        section = self.doc.sections[0]  # A4 with the PDF's margins
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin, section.right_margin = Mm(25), Mm(22)
        normal = self.doc.styles["Normal"]
        normal.font.name = "Open Sans"
        normal.font.size = Pt(10)

    def _set_language(self, lang: str) -> None:
        """The language of every style (spelling and screen readers), in the defaults."""
        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
        run = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        for old in run.findall(qn("w:lang")):
            run.remove(old)
        element = OxmlElement("w:lang")
        for attr in ("w:val", "w:eastAsia", "w:bidi"):
            element.set(qn(attr), lang)
        run.append(element)

    # Text
    def title(self, text: str) -> None:
        self.doc.add_heading(keep_together(text), level=0)

    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(keep_together(text), level=level)

    def paragraph(self, text: str, muted: bool = False) -> None:
        for block in _blocks(text):
            run = self.doc.add_paragraph().add_run(block)
            if muted:
                run.font.color.rgb = MUTED

    def labelled(self, label: str, text: str) -> None:
        """'Label: text' with a bold label; left out when the text is empty."""
        blocks = _blocks(text)
        if not blocks:
            return
        para = self.doc.add_paragraph()
        para.add_run(f"{label}: ").bold = True
        para.add_run(blocks[0])
        for block in blocks[1:]:
            self.doc.add_paragraph(block)

    def block(self, lines: Sequence[str], bold: int = 0) -> None:
        """Lines kept in one paragraph on one page (an address block, a line to sign
        on with the name below); line number `bold` in bold. An empty line is room."""
        shown = [keep_together(plain(line).strip()) for line in lines]
        if not any(shown):
            return
        para = self.doc.add_paragraph()
        para.paragraph_format.keep_together = True
        for n, line in enumerate(shown):
            if n:
                para.add_run().add_break()
            para.add_run(line).bold = n == bold

    def bullets(self, items: Sequence[str], numbered: bool = False) -> None:
        style = "List Number" if numbered else "List Bullet"
        for item in items:
            if item.strip():
                self.doc.add_paragraph(keep_together(item.strip()), style=style)

    # Tables
    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]],
              numeric_from: int | None = None, bold_last: bool = False) -> None:
        """A table with one header row that Word repeats on each page; columns from
        `numeric_from` on are right-aligned amounts."""
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        _repeat_as_header(table.rows[0])
        for i, text in enumerate(header):
            cell = table.rows[0].cells[i]
            cell.text = ""
            cell.paragraphs[0].add_run(text).bold = True
        for r, row in enumerate(rows):
            cells = table.add_row().cells
            for i, text in enumerate(row):
                para = cells[i].paragraphs[0]
                run = para.add_run(keep_together(text))
                run.bold = bold_last and r == len(rows) - 1
                if numeric_from is not None and i >= numeric_from:
                    para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        amounts = len(header) - numeric_from if numeric_from is not None else 0
        widths = [Mm((TEXT_WIDTH_MM - AMOUNT_MM * amounts) / max(1, len(header) - amounts))] * \
            (len(header) - amounts) + [Mm(AMOUNT_MM)] * amounts
        table.autofit = False  # else LibreOffice and Word share the width out evenly
        for i, column in enumerate(table.columns):
            column.width = widths[i]
        for row in table.rows:
            for i, cell in enumerate(row.cells):
                cell.width = widths[i]
                if i >= len(header) - amounts:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self.doc.add_paragraph()

    def page_break(self) -> None:
        self.doc.add_page_break()  # type: ignore[no-untyped-call]  # python-docx leaves it unannotated

    def save(self, path: Path) -> None:
        """Write atomically: a failure leaves no file (or the old one)."""
        with atomic_path(Path(path)) as tmp:
            self.doc.save(str(tmp))


def _repeat_as_header(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _blocks(text: str) -> list[str]:
    """Paragraphs of a user text (blank-line separated), with its no-break spaces."""
    blocks = [b.strip() for b in _BLANK_LINES.split(plain(text))]
    return [keep_together(b) for b in blocks if b]
