"""Numbers known only after the last page ("Sida 3 av 17", a contents entry's page),
drawn where they belong as small form XObjects and filled in at the end.

A plan has one such form per page and one per contents entry (~130 for 50
insatser). reportlab's own forms (canvas.beginForm … endForm) build a resource
dictionary, a stream and two arrays for each and format them generically, a few
per cent of the export; these are one text object each, written as their bytes.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import BasicFonts, PDFObject, PDFObjectReference
from reportlab.pdfbase.pdfmetrics import stringWidth


class TextForm(PDFObject):  # type: ignore[misc]  # reportlab has no stubs: its classes are Any
    """A form XObject that shows one line of text ending at its origin."""

    def __init__(self, code: str, width: float, size: float) -> None:
        self.code = code.encode("utf-8")  # as reportlab encodes a page's content
        # the box the text is drawn in, with room for ascenders and descenders
        self.bbox = fp_str(-width - 1, -size, 1, size * 1.5).encode("ascii")

    def format(self, document: Any) -> bytes:
        content = document.encrypt.encode(self.code)
        fonts = PDFObjectReference(BasicFonts).format(document)
        return (b"<< /BBox [ %s ] /FormType 1 /Length %d /Matrix [ 1 0 0 1 0 0 ] "
                b"/Resources << /Font %s >> /Subtype /Form /Type /XObject >>\n"
                b"stream\n%s\nendstream" % (self.bbox, len(content), fonts, content))


def add_text_form(canv: Any, name: str, text: str, font: str, size: float,
                  colour: Color) -> None:
    """Define the form `name` (drawn with canv.doForm(name)): `text` right-aligned at
    the form's origin, in `font`, `size` and `colour`."""
    width = stringWidth(text, font, size)
    line = canv.beginText(-width, 0)
    line.setFillColor(colour)
    line.setFont(font, size)
    line.textLine(text)  # as drawRightString: readers end the line there
    canv._doc.addForm(name, TextForm(line.getCode(), width, size))

