"""Write a recorded structure (structure.py) into the document reportlab is about to
save: /StructTreeRoot with its /ParentTree, /MarkInfo, link annotations tied into
the tree, tab order by structure, and XMP metadata that identifies PDF/UA-1.

Written as reportlab objects before `canvas.save()`, so the file is written once:
reopening and rewriting it (with pikepdf) cost a third of the export. A plan has
thousands of structure elements, so each is one small object that formats its own
bytes, with the object numbers fixed when it is registered.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import (
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFPage,
    PDFStream,
    PDFString,
)

from .structure import LinkRef, MarkedRef, StructElem, Tagger

PDF_VERSION = (1, 7)  # PDF/UA-1 is built on ISO 32000-1, PDF 1.7
_PAGE_KEYS = [*PDFPage.__NoDefault__, "StructParents", "Tabs"]


class _Raw(PDFObject):  # type: ignore[misc]  # reportlab has no stubs: its classes are Any
    """An object whose bytes are known but for its text strings, which are formatted
    when the file is written (reportlab encrypts them there if asked to)."""

    head = b""
    strings: Sequence[tuple[bytes, str]] = ()  # set per object when it has any
    tail = b""

    def format(self, document: Any) -> bytes:
        if not self.strings:
            return self.head + self.tail
        middle = b"".join(key + PDFString(value).format(document)
                          for key, value in self.strings)
        return self.head + middle + self.tail


def attach_structure(canv: Any, tagger: Tagger, *, title: str, author: str, subject: str,
                     keywords: str, lang: str) -> None:
    """Add the structure tree, marked-content flags and metadata to `canv`'s document.
    Call after the last page is shown and before `canv.save()`."""
    doc = canv._doc
    _Writer(doc, tagger).write()
    catalog = doc.Catalog
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    catalog.Metadata = PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        _xmp(title, author, subject, keywords, lang).encode("utf-8"),
        filters=[])  # readable without decoding, as XMP should be


class _Writer:
    def __init__(self, doc: Any, tagger: Tagger) -> None:
        self.doc = doc
        self.tagger = tagger
        self.pages: list[Any] = doc.Pages.pages
        self.page_refs = [self._ref(page) for page in self.pages]
        self.marked: list[dict[int, bytes]] = [{} for _ in self.pages]
        self.next_key = len(self.pages)   # page i has key i; annotations follow
        self.annotation_parents: list[tuple[int, bytes]] = []

    def _ref(self, obj: Any) -> bytes:
        """The reference to an object reportlab has (or now registers)."""
        number, version = self.doc.idToObjectNumberAndVersion[self.doc.Reference(obj).name]
        return b"%d %d R" % (number, version)

    def _new(self) -> tuple[_Raw, bytes]:
        """A new object and its reference: what doc.Reference does for an object it
        has not seen, without its checks (each costs a caught AttributeError, and a
        plan registers thousands)."""
        doc = self.doc
        obj = _Raw()
        number = doc.objectcounter = doc.objectcounter + 1
        name = f"R{number}"
        obj.__InternalName__ = name
        doc.idToObjectNumberAndVersion[name] = (number, 0)
        doc.numberToId[number] = name
        doc.idToObject[name] = obj
        return obj, b"%d 0 R" % number

    def write(self) -> None:
        root, root_ref = self._new()
        document = self._element(self.tagger.root, root_ref)
        for i, page in enumerate(self.pages):
            page.__NoDefault__ = _PAGE_KEYS  # reportlab writes the keys listed here
            page.StructParents = i
            page.Tabs = PDFName("S")  # tab through annotations in structure order
        nums = [b"%d [%s]" % (i, b" ".join(by_mcid[m] for m in range(len(by_mcid))))
                for i, by_mcid in enumerate(self.marked)]
        nums += [b"%d %s" % (key, parent) for key, parent in self.annotation_parents]
        parent_tree, parent_tree_ref = self._new()
        parent_tree.head = b"<< /Nums [\n" + b"\n".join(nums) + b"\n] >>"
        root.head = b"<< /Type /StructTreeRoot /K [%s] /ParentTree %s /ParentTreeNextKey %d >>" \
            % (document, parent_tree_ref, self.next_key)
        self.doc.Catalog.StructTreeRoot = root

    def _element(self, elem: StructElem, parent: bytes) -> bytes:
        obj, ref = self._new()
        kids = elem.kids
        page = None
        for kid in kids:
            if not isinstance(kid, StructElem):
                page = kid.page
                break
        head = b"<</Type/StructElem/S/%s/P %s" % (elem.role.encode("ascii"), parent)
        if page is not None:
            head += b"/Pg " + self.page_refs[page]
        if elem.scope or elem.col_span > 1:
            attrs = b"/O/Table"
            if elem.scope:
                attrs += b"/Scope/" + elem.scope.encode("ascii")
            if elem.col_span > 1:
                attrs += b"/ColSpan %d" % elem.col_span
            head += b"/A<<" + attrs + b">>"
        obj.head = head
        if elem.alt or elem.lang:
            obj.strings = [(key, value) for key, value in ((b"/Alt", elem.alt),
                                                           (b"/Lang", elem.lang)) if value]
        if len(kids) == 1 and type(kids[0]) is MarkedRef and kids[0].page == page:
            mcid = kids[0].mcid
            self.marked[page][mcid] = ref
            obj.tail = b"/K %d>>" % mcid
            return ref
        parts: list[bytes] = []
        for kid in kids:
            if isinstance(kid, StructElem):
                parts.append(self._element(kid, ref))
            elif isinstance(kid, MarkedRef):
                self.marked[kid.page][kid.mcid] = ref
                parts.append(b"%d" % kid.mcid if kid.page == page else
                             b"<</Type/MCR/Pg %s/MCID %d>>"
                             % (self.page_refs[kid.page], kid.mcid))
            else:
                parts.append(self._link(kid, ref))
        obj.tail = b"/K[%s]>>" % b" ".join(parts)
        return ref

    def _link(self, link: LinkRef, parent: bytes) -> bytes:
        annotation = self.doc.idToObject[self.doc.annotationName(link.name)]
        # reportlab checks an annotation's keys against a list that lacks StructParent
        annotation.permitted = (*annotation.permitted, "StructParent")
        annotation.otherkw["StructParent"] = self.next_key
        self.annotation_parents.append((self.next_key, parent))
        self.next_key += 1
        return b"<</Type/OBJR/Obj %s/Pg %s>>" % (self._ref(annotation),
                                                      self.page_refs[link.page])


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
