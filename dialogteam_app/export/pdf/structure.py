"""Marked content while drawing, and the structure tree it belongs to (PDF/UA).

reportlab writes no structure. While a page is drawn, the Tagger wraps what each
flowable draws in a marked-content sequence (`/P <</MCID 3>> BDC … EMC`) and
records a structure element for it, in drawing order, which is reading order;
running heads, rules and table backgrounds become artifacts. `structure_tree.py`
writes the recorded tree into the finished file.

A flowable's role: its `pdf_role` attribute if it has one ("H2", "Figure" with
`alt_text`, "TOCI", "Artifact", …); else a paragraph is "P", or "LI" when it has a
bullet; consecutive list items share one "L", consecutive contents entries one
"TOC". A reportlab Table tags its own rows and cells through its render
callback (TableTags). Anything else must say what it is: an unknown flowable
becomes a Figure, and the tests refuse a figure without alternative text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from reportlab.platypus import Flowable, HRFlowable, Paragraph, Table

ARTIFACT = "Artifact"
LIST_ITEM = "LI"
LIST_ITEM_MORE = "LI+"   # a further paragraph of the list item just drawn
CONTENTS_ITEM = "TOCI"
_GROUP_OF = {LIST_ITEM: "L", CONTENTS_ITEM: "TOC"}
T = TypeVar("T")


class MarkedRef(NamedTuple):  # a tuple: a plan makes thousands, each made in a breath
    """Marked content number `mcid` on page `page` (0-based)."""
    page: int
    mcid: int


class LinkRef(NamedTuple):
    """The link annotation reportlab knows as `name`, on page `page` (0-based)."""
    page: int
    name: str


@dataclass(eq=False)
class StructElem:
    role: str
    kids: list[StructElem | MarkedRef | LinkRef] = field(default_factory=list)
    alt: str = ""          # Figure: what it shows, in words
    scope: str = ""        # TH: "Column" or "Row"
    col_span: int = 1
    lang: str = ""

    def walk(self) -> list[StructElem]:
        found = [self]
        for kid in self.kids:
            if isinstance(kid, StructElem):
                found += kid.walk()
        return found


def role_of(flowable: Flowable) -> str:
    role = getattr(flowable, "pdf_role", None)
    if role:
        return str(role)
    if isinstance(flowable, Paragraph):
        return LIST_ITEM if getattr(flowable, "bulletText", None) else "P"
    if isinstance(flowable, HRFlowable):
        return ARTIFACT
    return "Figure"


class Tagger:
    """Records the structure of one document while it is drawn."""

    def __init__(self, lang: str) -> None:
        self.root = StructElem("Document", lang=lang)
        self.page = -1
        self._mcid = 0
        self._links = 0
        self._stack: list[StructElem] = [self.root]
        self._group: StructElem | None = None       # the open L or TOC
        self._item_body: StructElem | None = None   # LBody of the last list item
        self._pending_links: list[LinkRef] = []

    @staticmethod
    def of(canv: Any) -> Tagger | None:
        tagger = getattr(canv, "_dialogteam_tagger", None)
        return tagger if isinstance(tagger, Tagger) else None

    def attach(self, canv: Any) -> None:
        canv._dialogteam_tagger = self

    def start_page(self) -> None:
        self.page += 1
        self._mcid = 0
        self._links = 0

    # Drawing a flowable as one tagged unit
    def draw(self, canv: Any, flowable: Flowable, draw: Callable[[], T]) -> T:
        """Run `draw` (which draws `flowable`) and tag what it drew."""
        if isinstance(flowable, Table):
            if flowable._renderCB is None:
                flowable._renderCB = TableTags()
            self._end_group()
            return draw()
        if getattr(flowable, "tags_itself", False):  # a container: its parts call draw()
            return draw()
        code = canv._code
        start = len(code)
        result = draw()
        if canv._code is not code or not _draws_any(code, start):
            return result  # nothing drawn (a spacer, or it did not fit)
        role = role_of(flowable)
        if role == ARTIFACT:
            code.insert(start, "/Artifact BMC")
        else:
            holder = self._place(role, flowable)
            code.insert(start, f"/{holder.role} <</MCID {self._mark(holder)}>> BDC")
            holder.kids += self._pending_links
        self._pending_links = []
        code.append("EMC")
        return result

    def artifact(self, canv: Any, draw: Callable[[], T]) -> T:
        """Draw something that is not content: running heads, rules, backgrounds."""
        canv.addLiteral("/Artifact BMC")
        try:
            return draw()
        finally:
            canv.addLiteral("EMC")

    def link(self, canv: Any, description: str, destination: str,
             rect: tuple[float, float, float, float]) -> None:
        """An internal link annotation, tied to the element being drawn."""
        name = f"link{self.page}.{self._links}"
        self._links += 1
        canv.linkRect(description, destination, rect, relative=1, name=name)
        self._pending_links.append(LinkRef(self.page, name))

    # Building blocks for flowables that tag their own parts (tables)
    def open(self, role: str, **attrs: Any) -> StructElem:
        self._end_group()
        elem = StructElem(role, **attrs)
        self._stack[-1].kids.append(elem)
        self._stack.append(elem)
        return elem

    def close(self) -> None:
        self._end_group()
        self._stack.pop()

    def begin_marked(self, canv: Any, role: str, **attrs: Any) -> None:
        elem = StructElem(role, **attrs)
        self._stack[-1].kids.append(elem)
        canv.addLiteral(f"/{role} <</MCID {self._mark(elem)}>> BDC")

    def end_marked(self, canv: Any) -> None:
        canv.addLiteral("EMC")

    # Where a new element goes
    def _place(self, role: str, flowable: Flowable) -> StructElem:
        """The element that holds the marked content of `flowable`."""
        parent = self._stack[-1]
        if role == LIST_ITEM_MORE:
            if self._item_body is not None and self._group is not None:
                para = StructElem("P")
                self._item_body.kids.append(para)
                return para
            role = "P"
        if role in _GROUP_OF:
            if self._group is None or self._group.role != _GROUP_OF[role]:
                self._end_group()
                self._group = StructElem(_GROUP_OF[role])
                parent.kids.append(self._group)
            item = StructElem(role)
            self._group.kids.append(item)
            holder = StructElem("LBody" if role == LIST_ITEM else "Link")
            item.kids.append(holder)
            self._item_body = holder if role == LIST_ITEM else None
            return holder
        self._end_group()
        elem = StructElem(role, alt=str(getattr(flowable, "alt_text", "") or ""))
        parent.kids.append(elem)
        return elem

    def _end_group(self) -> None:
        self._group = None
        self._item_body = None

    def _mark(self, elem: StructElem) -> int:
        mcid = self._mcid
        self._mcid += 1
        elem.kids.append(MarkedRef(self.page, mcid))
        return mcid


def _draws_any(code: list[str], start: int) -> bool:
    """Whether a content-stream line from `start` on does more than save, move or
    restore the state."""
    for i in range(start, len(code)):
        operation = code[i]
        if operation != "q" and operation != "Q" and not operation.endswith(" cm"):
            return True
    return False


class TableTags:
    """A reportlab render callback that tags a table: Table, THead/TBody, TR, TH
    (with scope) and TD, with the background and rules as artifacts.

    Header rows are the rows the table repeats on a new page (`repeatRows`), or
    `header_rows` for a table that never splits; `header_columns` makes the first
    column(s) row headers (a facts table: label, value).
    """

    def __init__(self, header_rows: int = 1, header_columns: int = 0) -> None:
        self.header_rows = header_rows
        self.header_columns = header_columns
        self._tagger: Tagger | None = None
        self._heads = header_rows
        self._spans: dict[tuple[int, int], Any] = {}

    def __call__(self, table: Table, event: str, *args: Any) -> None:
        # Called twice for every cell: the cells' events come first, and what does
        # not change while a table is drawn is looked up once, at its start.
        if event == "startCell":
            if self._tagger is None:
                return
            row, col = args[0], args[1]
            span = self._spans.get((col, row))
            col_span = span[2] - span[0] + 1 if span else 1
            if row < self._heads:
                self._tagger.begin_marked(table.canv, "TH", scope="Column", col_span=col_span)
            elif col < self.header_columns:
                self._tagger.begin_marked(table.canv, "TH", scope="Row", col_span=col_span)
            else:
                self._tagger.begin_marked(table.canv, "TD", col_span=col_span)
            return
        if event == "endCell":
            if self._tagger is not None:
                self._tagger.end_marked(table.canv)
            return
        if event == "startTable":
            self._tagger = Tagger.of(table.canv)
            repeat = table.repeatRows
            self._heads = repeat if isinstance(repeat, int) and repeat else self.header_rows
            self._spans = getattr(table, "_spanRanges", None) or {}
        tagger = self._tagger
        if tagger is None:
            return
        if event == "startRow":
            row = args[0]
            if row == 0 or row == self._heads:  # a new section
                if row:
                    tagger.close()
                tagger.open("THead" if row < self._heads else "TBody")
            tagger.open("TR")
        elif event == "endRow":
            tagger.close()
        elif event in ("startBG", "startLines"):
            table.canv.addLiteral("/Artifact BMC")
        elif event in ("endBG", "endLines"):
            table.canv.addLiteral("EMC")
        elif event == "startTable":
            tagger.open("Table")
        elif event == "endTable":
            tagger.close()  # THead or TBody
            tagger.close()  # Table
