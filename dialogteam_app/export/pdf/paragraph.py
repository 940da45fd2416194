"""reportlab's Paragraph with a fast path for the markup the exporters write.

reportlab parses every paragraph's markup with Python's HTMLParser, a third of a
long plan's export time. Our markup (text.py) is escaped text with only `<b>`,
`<i>` and `<br/>` in it; for that, the fragments the parser would make are copies
of a few templates (one per open-tag path and style font) with the text filled
in. Those templates come from reportlab's own parser, so the fragments are the
ones it makes (tests/test_pdf_paragraph.py compares them); any other markup goes
to the parser as before.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph as ReportlabParagraph
from reportlab.platypus.paragraph import textTransformFrags
from reportlab.platypus.paraparser import ParaFrag, ParaParser, known_entities

_TOKEN = re.compile(r"<(/?)([bi])>|<br/>|&(?:#([0-9]{1,7})|#x([0-9a-fA-F]{1,6})|([a-zA-Z]\w*));")
_SPECIAL = re.compile(r"[<&]")
# (font name, size, colour, open tags) -> (text fragment, line-break fragment)
_Templates = tuple[Any, Any]
_templates: dict[tuple[Any, ...], _Templates] = {}


class Paragraph(ReportlabParagraph):  # type: ignore[misc]  # reportlab has no stubs: its classes are Any
    _wrapped: tuple[Any, ...] = ()

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:
        if frags is None and isinstance(text, str):
            cleaned = text if is_clean(text) else cleaner(text)
            frags = fragments(cleaned, style)
            if frags is not None:
                textTransformFrags(frags, style)
                text = cleaned
        super()._setup(text, style, bulletText, frags, cleaner)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """As reportlab's, but not again for the same width while its line breaks are
        kept: a table wraps every cell to size its rows and again to draw it. The
        height does not depend on `availHeight` (reportlab's wrap never reads it)."""
        done = self._wrapped
        if not (done and done[0] == availWidth and done[1] is self.frags
                and done[2] is self.style and done[3] is getattr(self, "blPara", None)):
            size = super().wrap(availWidth, availHeight)
            done = self._wrapped = (availWidth, self.frags, self.style,
                                    getattr(self, "blPara", None), size)
        return done[4]  # type: ignore[no-any-return]

    def beginText(self, x: float, y: float) -> Any:
        self._text = text = super().beginText(x, y)
        return text

    def draw(self) -> None:
        super().draw()
        # reportlab's drawing of several fonts or lines binds a method to its text
        # object, a reference cycle that holds the canvas and with it the whole
        # document until the cycle collector runs; unbound once the text is drawn.
        text = self.__dict__.pop("_text", None)
        if text is not None:
            text.__dict__.pop("_do_line", None)


def is_clean(text: str) -> bool:
    """Whether reportlab's cleaner (cleanBlockQuotedText) would return `text` as it is:
    words between single spaces, as markup() writes them. Printable, but for no-break
    spaces, means no whitespace but the space and no zero-width space (the cleaner
    splits at one when the text has a no-break space); a fifth of the cleaner's time."""
    return bool(text) and text[0] != " " and text[-1] != " " and "  " not in text \
        and text.replace("\u00a0", "").isprintable()


def fragments(text: str, style: Any) -> list[Any] | None:
    """The fragments reportlab's parser makes of `text` (already cleaned), or None
    when the text holds markup this fast path leaves to the parser."""
    if text.startswith("<para"):
        return None
    font = (style.fontName, style.fontSize, style.textColor)
    frags: list[Any] = []
    tags: list[str] = []
    if "<" not in text and "&" not in text:  # no markup: the text is one fragment
        _add_text(frags, font, tags, text)
        return frags
    start = 0
    for match in _TOKEN.finditer(text):
        if _SPECIAL.search(text, start, match.start()):
            return None  # a "<" or "&" the pattern does not know
        _add_text(frags, font, tags, text[start:match.start()])
        start = match.end()
        closing, tag, decimal, hexadecimal, entity = match.groups()
        if tag and not closing:
            tags.append(tag)
        elif tag:
            if not tags or tags[-1] != tag:
                return None  # let the parser report the mismatch
            tags.pop()
        elif decimal or hexadecimal:
            code = int(decimal) if decimal else int(hexadecimal, 16)
            if code > 0x10FFFF:
                return None
            _add_text(frags, font, tags, chr(code))
        elif entity:
            _add_text(frags, font, tags, known_entities.get(entity, f"&{entity};"))
        else:  # <br/>
            frags.append(_copy(_template(font, tags)[1]))
    if tags or _SPECIAL.search(text, start):
        return None
    _add_text(frags, font, tags, text[start:])
    return frags


def _add_text(frags: list[Any], font: tuple[Any, ...], tags: list[str], text: str) -> None:
    if text:  # like the parser: no fragment for the nothing between two tags
        frag = _copy(_template(font, tags)[0])
        frag.text = text
        frags.append(frag)


def _copy(frag: Any) -> Any:
    """copy.copy of a fragment, without its generic (and slower) machinery."""
    twin = ParaFrag.__new__(ParaFrag)
    twin.__dict__.update(frag.__dict__)
    return twin


def _template(font: tuple[Any, ...], tags: list[str]) -> _Templates:
    """What the parser makes of "x<br/>" inside `tags`, in a style with `font`."""
    key = (*font, *tags)
    found = _templates.get(key)
    if found is None:
        name, size, colour = font
        probe = ParagraphStyle("probe", fontName=name, fontSize=size, textColor=colour)
        opening = "".join(f"<{t}>" for t in tags)
        closing = "".join(f"</{t}>" for t in reversed(tags))
        _, (text_frag, break_frag), _ = ParaParser().parse(f"{opening}x<br/>{closing}", probe)
        del text_frag.text
        found = _templates[key] = (text_frag, break_frag)
    return found


class RunInLabel(Paragraph):
    """"Label: text" with a bold run-in label, drawn as reportlab would draw
    `<b>Label:</b> text` but several times faster: line breaking across two fonts
    takes reportlab's slow path (86 µs against 14 µs for a one-line field, and a
    plan has hundreds). The text is one run whose first line is indented past the
    label by the label's and a space's width; the label is shown first in the
    text's own text object (BT … ET), at the first line's start, so it costs no
    text object, colour or saved state of its own."""

    label = ""

    def __init__(self, text: Any, style: Any, bulletText: Any = None, frags: Any = None,
                 *args: Any, label: str = "", **kwargs: Any) -> None:
        if label:
            style = _indented(style, _label_indent(label, style.fontName, style.fontSize))
        super().__init__(text, style, bulletText, frags, *args, **kwargs)
        self.label = label

    def beginText(self, x: float, y: float) -> Any:
        """The text object drawPara shows the lines in, starting at the first line's
        origin: the label is shown there first, in the style's colour and bold."""
        text = super().beginText(x, y)
        if self.label:
            style = self.style
            blpara = self.blPara
            # one run (kind 0): drawPara has just set its colour; else each run sets its own
            current = blpara.textColor if blpara.kind == 0 else None
            if current != style.textColor:
                text.setFillColor(style.textColor)
            text.setFont(_bold(style.fontName), style.fontSize)
            text.textOut(self.label)
            if current is not None and current != style.textColor:
                text.setFillColor(current)
        return text

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts: list[Any] = super().split(availWidth, availHeight)
        if len(parts) == 2:  # the label goes with the first lines (the rest is unindented)
            parts[0].label = self.label
        return parts


@lru_cache(maxsize=256)
def _label_indent(label: str, font: str, size: float) -> float:
    """How far a field's first line starts after its label (a plan has a few dozen
    labels, each used once per insats)."""
    return float(stringWidth(label, _bold(font), size) + stringWidth(" ", font, size))


@lru_cache(maxsize=32)
def _bold(font: str) -> str:
    family, _, italic = ps2tt(font)
    return str(tt2ps(family, 1, italic))


# (id of the style, indent) -> (the style, kept so its id stays its own; the indented one)
_INDENTED: dict[tuple[int, float], tuple[ParagraphStyle, ParagraphStyle]] = {}


def _indented(style: ParagraphStyle, indent: float) -> ParagraphStyle:
    key = (id(style), indent)
    if key not in _INDENTED:
        _INDENTED[key] = (style, ParagraphStyle(
            f"{style.name}-label", parent=style, firstLineIndent=style.firstLineIndent + indent))
    return _INDENTED[key][1]
