"""Read a tagged PDF back with pikepdf: its structure tree and which text lies
outside any marked content. Written for the tests, independent of the exporter."""

from __future__ import annotations

from dataclasses import dataclass, field

import pikepdf
from pikepdf import Name

TEXT_SHOWING = {"Tj", "TJ", "'", '"'}


@dataclass
class Elem:
    role: str
    obj: pikepdf.Dictionary
    kids: list[Elem] = field(default_factory=list)
    mcids: int = 0

    def walk(self):
        yield self
        for kid in self.kids:
            yield from kid.walk()

    def text_roles(self) -> list[str]:
        return [e.role for e in self.walk()]


def structure(pdf: pikepdf.Pdf) -> Elem:
    root = pdf.Root.StructTreeRoot
    return _elem(root, "StructTreeRoot")


def _elem(obj, role: str) -> Elem:
    elem = Elem(role, obj)
    kids = obj.get("/K")
    if kids is None:
        return elem
    if not isinstance(kids, pikepdf.Array):
        kids = [kids]
    for kid in kids:
        if isinstance(kid, int) or (isinstance(kid, pikepdf.Object) and
                                    not isinstance(kid, pikepdf.Dictionary)):
            elem.mcids += 1
        elif kid.get("/Type") in (Name.MCR, Name.OBJR):
            elem.mcids += kid.get("/Type") == Name.MCR
        else:
            elem.kids.append(_elem(kid, str(kid.S)[1:]))
    return elem


def untagged_text_operators(pdf: pikepdf.Pdf) -> int:
    """Text-showing operators that are neither in a tagged sequence nor an artifact,
    also inside form XObjects drawn outside any marked content."""
    return sum(_untagged(page.obj, False) for page in pdf.pages)


def _untagged(holder, marked: bool) -> int:
    count = 0
    depth = 1 if marked else 0
    xobjects = holder.get("/Resources", {}).get("/XObject", {})
    for operands, op in pikepdf.parse_content_stream(holder):
        name = str(op)
        if name in ("BDC", "BMC"):
            depth += 1
        elif name == "EMC":
            depth -= 1
        elif name in TEXT_SHOWING and depth == 0:
            count += 1
        elif name == "Do":
            xobject = xobjects.get(str(operands[0]))
            if xobject is not None and xobject.get("/Subtype") == Name.Form:
                count += _untagged(xobject, depth > 0)
    return count


def marked_content_ids(pdf: pikepdf.Pdf) -> list[set[int]]:
    """The MCIDs each page's content stream opens."""
    found = []
    for page in pdf.pages:
        ids = set()
        for operands, op in pikepdf.parse_content_stream(page.obj):
            if str(op) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) \
                    and "/MCID" in operands[1]:
                ids.add(int(operands[1].MCID))
        found.append(ids)
    return found
