"""Write a recorded structure (structure.py) into a finished PDF with pikepdf:
/StructTreeRoot with its /ParentTree, /MarkInfo, link annotations tied into the
tree, tab order by structure, and XMP metadata that identifies PDF/UA-1.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from .structure import LinkRef, MarkedRef, StructElem, Tagger


def write_tagged(pdf_bytes: bytes, tagger: Tagger, path: Path, *, title: str, author: str,
                 subject: str, keywords: str, lang: str) -> None:
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        _Writer(pdf, tagger).write()
        root = pdf.Root
        root.MarkInfo = Dictionary(Marked=True)
        root.Lang = String(lang)
        prefs = root.get("/ViewerPreferences", Dictionary())
        prefs.DisplayDocTitle = True
        root.ViewerPreferences = prefs
        pdf.docinfo[Name.Author] = String(author)
        pdf.docinfo[Name.Title] = String(title)
        root.Metadata = pdf.make_stream(
            _xmp(title, author, subject, keywords, lang).encode("utf-8"),
            Type=Name.Metadata, Subtype=Name.XML)
        pdf.save(path, min_version="1.7", object_stream_mode=pikepdf.ObjectStreamMode.generate)


class _Writer:
    def __init__(self, pdf: pikepdf.Pdf, tagger: Tagger) -> None:
        self.pdf = pdf
        self.tagger = tagger
        self.pages = [p.obj for p in pdf.pages]
        self.marked: list[dict[int, pikepdf.Object]] = [{} for _ in self.pages]
        self.links = [[a for a in p.get("/Annots", Array()) if a.get("/Subtype") == Name.Link]
                      for p in self.pages]
        self.next_key = len(self.pages)   # page i has key i; annotations follow
        self.annotation_parents: list[tuple[int, pikepdf.Object]] = []

    def write(self) -> None:
        root = self.pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        document = self._element(self.tagger.root, root)
        root.K = Array([document])
        nums = Array()
        for i, page in enumerate(self.pages):
            page.StructParents = i
            page.Tabs = Name.S  # tab through annotations in structure order
            by_mcid = self.marked[i]
            nums.append(i)
            nums.append(Array([by_mcid[m] for m in range(len(by_mcid))]))
        for key, parent in self.annotation_parents:
            nums.append(key)
            nums.append(parent)
        root.ParentTree = self.pdf.make_indirect(Dictionary(Nums=nums))
        root.ParentTreeNextKey = self.next_key
        self.pdf.Root.StructTreeRoot = root

    def _element(self, elem: StructElem, parent: pikepdf.Object) -> pikepdf.Object:
        # All keys in one Dictionary: pikepdf pays per call, and a plan has thousands.
        keys: dict[str, object] = {"/Type": _STRUCT_ELEM, "/S": _name(elem.role), "/P": parent}
        first = next((k for k in elem.kids if not isinstance(k, StructElem)), None)
        page = first.page if first is not None else None
        if page is not None:
            keys["/Pg"] = self.pages[page]
        if elem.alt:
            keys["/Alt"] = String(elem.alt)
        if elem.lang:
            keys["/Lang"] = String(elem.lang)
        if elem.scope or elem.col_span > 1:
            attrs: dict[str, object] = {"/O": Name.Table}
            if elem.scope:
                attrs["/Scope"] = _name(elem.scope)
            if elem.col_span > 1:
                attrs["/ColSpan"] = elem.col_span
            keys["/A"] = Dictionary(attrs)
        obj = self.pdf.make_indirect(Dictionary(keys))
        kids: list[object] = []
        for kid in elem.kids:
            if isinstance(kid, StructElem):
                kids.append(self._element(kid, obj))
            elif isinstance(kid, MarkedRef):
                self.marked[kid.page][kid.mcid] = obj
                kids.append(kid.mcid if kid.page == page else Dictionary(
                    {"/Type": Name.MCR, "/Pg": self.pages[kid.page], "/MCID": kid.mcid}))
            else:
                kids.append(self._link(kid, obj))
        obj.K = kids[0] if len(kids) == 1 and isinstance(kids[0], int) else Array(kids)
        return obj

    def _link(self, ref: LinkRef, parent: pikepdf.Object) -> pikepdf.Object:
        annotation = self.links[ref.page][ref.index]
        annotation.StructParent = self.next_key
        self.annotation_parents.append((self.next_key, parent))
        self.next_key += 1
        return Dictionary(Type=Name.OBJR, Obj=annotation, Pg=self.pages[ref.page])


_STRUCT_ELEM = Name.StructElem
_NAMES: dict[str, pikepdf.Name] = {}


def _name(role: str) -> pikepdf.Name:
    if role not in _NAMES:
        _NAMES[role] = Name("/" + role)
    return _NAMES[role]


def _xmp(title: str, author: str, subject: str, keywords: str, lang: str) -> str:
    now = datetime.now(UTC).astimezone().isoformat(timespec="seconds")
    t, a, s, k = (escape(v) for v in (title, author, subject, keywords))
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{t}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{a}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{s}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{k}</pdf:Keywords>
   <xmp:CreateDate>{now}</xmp:CreateDate>
   <xmp:MetadataDate>{now}</xmp:MetadataDate>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
