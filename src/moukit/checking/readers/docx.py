"""DOCX drafts: every story in reading order, as it reads with tracked changes accepted, with
tables, text boxes, content controls and fields; the parts kept to write a redline back.

The body is read with the other stories where they print: a section's headers before its
first paragraph and its footers after its last, a footnote after the paragraph that refers
to it, a comment after the paragraph it is anchored in, the endnotes at the end. Each block
of another story says where it stands (:attr:`Block.story`).

A DOCX is a zip of XML parts: it is opened with fixed limits (:mod:`moukit.checking.readers._zip`),
XML with a DOCTYPE is refused and no entity or external resource is ever resolved
(:mod:`moukit.ooxml.safe`).
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ...errors import DraftError
from ...i18n import N_
from ...ooxml import properties, safe
from ._zip import damaged, macro_error, open_zip
from .model import Collector, DocxPackage, Draft, Limits, no_text


def _is_xml_part(part: str, blob: bytes) -> bool:
    head = blob[:16].lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n\x00")
    return part.lower().endswith((".xml", ".rels", ".vml")) or head.startswith(b"<")


def _parse_xml(name: str, part: str, blob: bytes) -> Any:
    """Parse one part safely (:mod:`moukit.ooxml.safe`); a DOCTYPE is refused."""
    try:
        return safe.parse(blob)
    except safe.UnsafeXML as exc:
        if "DOCTYPE" in str(exc):
            raise _doctype_error(name, part) from None
        raise damaged(name, N_("{problem} in {part}", problem=exc.args[0], part=part)) from None


def _doctype_error(name: str, part: str) -> DraftError:
    return DraftError(name, N_("refused: XML with a DOCTYPE (possible XXE) in {part}", part=part),
                      hint=N_("Word never writes a DOCTYPE; the file was made or altered by another "
                              "tool: open it in Word and save it again as .docx"))


# --------------------------------------------------------------------------- DOCX: the body

W_NAMESPACES = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                "http://purl.oclc.org/ooxml/wordprocessingml/main")
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
CHANGE_TAGS = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange",
               "tblPrChange", "trPrChange", "tcPrChange", "tblGridChange", "numberingChange",
               "cellIns", "cellDel", "cellMerge", "tblPrExChange")
OFF = ("false", "0", "off")


def read(data: bytes, name: str, limits: Limits) -> Draft:
    """A DOCX draft: its blocks, tracked changes, fingerprint and parts."""
    parts = open_zip(data, name, limits)
    lower = {n.lower(): n for n in parts}
    if b"macroenabled" in parts[lower["[content_types].xml"]].lower():
        raise macro_error(name)
    for part, blob in parts.items():
        if _is_xml_part(part, blob) and safe.has_doctype(blob):
            raise _doctype_error(name, part)
    doc_part = lower["word/document.xml"]
    root = _parse_xml(name, doc_part, parts[doc_part])
    ns = etree.QName(root).namespace
    body = root.find(f"{{{ns}}}body") if ns in W_NAMESPACES else None
    if etree.QName(root).localname != "document" or body is None:
        raise damaged(name, N_("{part} is not a WordprocessingML document body", part=doc_part))
    walker = _BodyWalker(ns, name, limits, _Stories(name, parts, lower, doc_part, ns))
    try:
        walker.walk(body)
    except RecursionError:
        raise damaged(name, N_("the document is nested too deeply")) from None
    pending = any(True for _ in root.iter(*(f"{{{ns}}}{t}" for t in CHANGE_TAGS)))
    fingerprint = _fingerprint(name, parts, lower)
    package = DocxPackage(parts, root, doc_part)
    return Draft(name, "docx", no_text(walker.out.blocks, name), pending, fingerprint, package)


def _fingerprint(name: str, parts: dict[str, bytes], lower: dict[str, str]) -> dict | None:
    """moukit's fingerprint, from the custom properties part the package relationships name
    (else the part where Office keeps it)."""
    rels = lower.get("_rels/.rels")
    custom = properties.custom_part_name(_parse_xml(name, rels, parts[rels])) if rels else None
    custom = lower.get((custom or properties.CUSTOM_PART).lower())
    if custom is None:
        return None
    return properties.read_properties(_parse_xml(name, custom, parts[custom])) or None


R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


class _Stories:
    """The stories other than the body: header and footer parts by relationship id, and the
    footnotes, endnotes and comments by their ids (each part parsed when first needed)."""

    def __init__(self, name: str, parts: dict[str, bytes], lower: dict[str, str], doc_part: str,
                 ns: str) -> None:
        self.name, self.parts, self.lower, self.w = name, parts, lower, f"{{{ns}}}"
        folder = doc_part.rsplit("/", 1)[0] if "/" in doc_part else ""
        rels_part = lower.get(f"{folder}/_rels/{doc_part.rsplit('/', 1)[-1]}.rels".lower())
        self.targets: dict[str, str] = {}
        self.by_type: dict[str, str] = {}
        if rels_part:
            for rel in _parse_xml(name, rels_part, parts[rels_part]).iter(PKG_REL):
                if rel.get("TargetMode") == "External":
                    continue
                target = rel.get("Target") or ""
                target = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}"
                if target.lower() in lower:
                    self.targets[rel.get("Id") or ""] = lower[target.lower()]
                    self.by_type[(rel.get("Type") or "").rsplit("/", 1)[-1]] = lower[target.lower()]
        self._notes: dict[str, dict[str, Any]] = {}

    def part(self, rid: str) -> Any:
        """The parsed root of the part a relationship id names, or None."""
        part = self.targets.get(rid)
        return _parse_xml(self.name, part, self.parts[part]) if part else None

    def note(self, kind: str, note_id: str) -> Any:
        """A footnote, endnote or comment element by its id (kind: footnotes, endnotes, comments)."""
        if kind not in self._notes:
            part = self.by_type.get(kind)
            root = _parse_xml(self.name, part, self.parts[part]) if part else None
            tag = {"footnotes": "footnote", "endnotes": "endnote", "comments": "comment"}[kind]
            self._notes[kind] = {} if root is None else {
                el.get(self.w + "id"): el for el in root.iter(self.w + tag)}
        return self._notes[kind].get(note_id)


NOTE_REFERENCES = {"footnoteReference": "footnotes", "endnoteReference": "endnotes",
                   "commentReference": "comments"}


class _BodyWalker:
    """Walks the body in reading order, collecting paragraphs with tracked changes accepted,
    and the other stories where they print."""

    def __init__(self, ns: str, name: str, limits: Limits, stories: _Stories | None = None) -> None:
        self.w = f"{{{ns}}}"
        self.out = Collector(name, limits)
        self.stories = stories
        self.story: str | None = None  # the story being read; None: the body
        self.notes: list[tuple[str, str]] = []  # (kind, id) referred to in the current paragraph
        self.endnotes: list[str] = []
        self.numbers: dict[str, int] = {"footnotes": 0, "endnotes": 0, "comments": 0}
        self.shown: set[str] = set()  # header and footer parts already read
        self.section_of: dict[Any, Any] = {}  # paragraph ending a section -> its w:sectPr
        self.section_number = 1
        self.tables = 0
        self.fields: list[str] = []  # complex field stack: "code" then "result"
        self.section_ends: set = set()
        self.carry = ""  # text of a paragraph whose mark was deleted: joins the next one
        self.carry_table: tuple[int, int, int] | None = None
        self.carry_ref: Any = None
        self.break_after = False  # a page break after text in the current paragraph
        self.local_names: dict[Any, str] = {}  # tag -> what :meth:`tag` gives

    def tag(self, el: Any) -> str:
        """Local name of a WordprocessingML element, "mc:..." for compatibility markup, else ""."""
        tag = el.tag
        local = self.local_names.get(tag)
        if local is None:  # (a document has a few dozen tags, met thousands of times)
            local = self.local_names[tag] = self.local_name(tag)
        return local

    def local_name(self, tag: Any) -> str:
        """:meth:`tag` of an element whose tag is ``tag`` (a comment's is no string)."""
        if not isinstance(tag, str):
            return ""
        if tag.startswith(self.w):
            return tag[len(self.w):]
        if tag.startswith(MC):
            return "mc:" + tag[len(MC):]
        return ""

    def child(self, el: Any, name: str) -> Any:
        """The first child of ``el`` named ``name`` in WordprocessingML, or None: what
        ``el.find(w:name)`` gives, without lxml's parsing of a path (a few times faster; a
        paragraph asks for its properties several times)."""
        tag = self.w + name
        for child in el:
            if child.tag == tag:
                return child
        return None

    def children(self, el: Any) -> dict[str, Any]:
        """The first child of ``el`` of each name (:meth:`tag`), in one pass: what
        :meth:`child` gives for each name (a paragraph asks for several of its properties);
        empty for no element."""
        found: dict[str, Any] = {}
        if el is not None:
            for child in el:
                found.setdefault(self.tag(child), child)
        return found

    def on(self, el: Any) -> bool:
        """A toggle property (e.g. w:pageBreakBefore) that is present and not switched off."""
        return el is not None and (el.get(self.w + "val") or "true").lower() not in OFF

    def walk(self, body: Any) -> None:
        """Collect every paragraph of ``body``, with the other stories where they print."""
        sections = [s for s in body.iter(self.w + "sectPr")
                    if self.tag(s.getparent()) in ("pPr", "body")]
        for this, following in zip(sections, sections[1:]):
            kind = self.child(following, "type")
            if kind is None or kind.get(self.w + "val") != "continuous":
                self.section_ends.add(this.getparent().getparent())
        for this in sections[:-1]:
            self.section_of[this.getparent().getparent()] = this
        self.sections = sections
        if sections:
            self.headers_and_footers(sections[0], "headerReference", "header")
        self.blocks(body, None)
        self.flush_carry()
        if sections:
            self.headers_and_footers(sections[-1], "footerReference", "footer")
        for note_id in self.endnotes:
            self.note("endnotes", note_id)

    # ----- the other stories

    def headers_and_footers(self, sect: Any, reference: str, what: str) -> None:
        """The header (or footer) parts a section names, each read once, as stories."""
        if self.stories is None:
            return
        for ref in sect.findall(self.w + reference):
            rid = ref.get(f"{{{R_NS}}}id") or ""
            part = self.stories.targets.get(rid)
            if part is None or part in self.shown:
                continue
            self.shown.add(part)
            root = self.stories.part(rid)
            if root is not None:
                self.in_story(N_("header of section {number}", number=self.section_number)
                              if what == "header" else
                              N_("footer of section {number}", number=self.section_number), root)

    def in_story(self, story: str, container: Any) -> None:
        """Read ``container``'s paragraphs as blocks of ``story``."""
        self.flush_carry()
        outer, notes, fields = self.story, self.notes, self.fields
        self.story, self.notes, self.fields = story, [], []
        try:
            self.blocks(container, None)
            self.flush_carry()
        finally:
            self.story, self.notes, self.fields = outer, notes, fields

    def note(self, kind: str, note_id: str) -> None:
        """A footnote, endnote or comment, read as a story of its own."""
        element = self.stories.note(kind, note_id) if self.stories is not None else None
        if element is None:
            return
        self.numbers[kind] += 1
        number = self.numbers[kind]
        author = element.get(self.w + "author")
        if kind == "comments":
            story = (N_("comment {number} ({author})", number=number, author=author) if author
                     else N_("comment {number}", number=number))
        else:
            story = (N_("footnote {number}", number=number) if kind == "footnotes"
                     else N_("endnote {number}", number=number))
        self.in_story(story, element)

    # ----- block level

    def block_children(self, el: Any):
        """Children of a block container, with content controls and revision wrappers opened."""
        for child in el:
            tag = self.tag(child)
            if tag in ("sdt",):
                content = self.child(child, "sdtContent")
                if content is not None:
                    yield from self.block_children(content)
            elif tag in ("customXml", "ins", "moveTo", "sdtContent", "smartTag"):
                yield from self.block_children(child)
            elif tag == "mc:AlternateContent":
                branch = self.choice(child)
                if branch is not None:
                    yield from self.block_children(branch)
            elif tag in ("del", "moveFrom"):
                continue
            else:
                yield child

    def choice(self, alternate: Any) -> Any:
        """The branch of mc:AlternateContent to read: the first mc:Choice, else mc:Fallback."""
        for tag in ("mc:Choice", "mc:Fallback"):
            for child in alternate:
                if self.tag(child) == tag:
                    return child
        return None

    def blocks(self, container: Any, cell: tuple[int, int, int] | None) -> None:
        """Paragraphs and tables of a body, cell, content control or text box."""
        for child in self.block_children(container):
            tag = self.tag(child)
            if tag == "p":
                self.paragraph(child, cell)
            elif tag == "tbl":
                self.table(child, cell)

    def table(self, tbl: Any, cell: tuple[int, int, int] | None) -> None:
        """A table: each cell's paragraphs get (table, row, column); nested ones stay in the cell."""
        number = None
        if cell is None:
            number = self.tables
            self.tables += 1
        row = 0
        for tr in self.block_children(tbl):
            if self.tag(tr) != "tr":
                continue
            props = self.child(tr, "trPr")
            if props is not None and self.child(props, "del") is not None:
                continue  # a deleted row disappears when changes are accepted
            column = 0
            before = self.child(props, "gridBefore") if props is not None else None
            column += self.number(before)
            for tc in self.block_children(tr):
                if self.tag(tc) != "tc":
                    continue
                tc_props = self.child(tc, "tcPr")
                span = self.child(tc_props, "gridSpan") if tc_props is not None else None
                if tc_props is None or self.child(tc_props, "cellDel") is None:
                    self.blocks(tc, cell or (number, row, column))
                column += max(1, self.number(span))
            row += 1

    def number(self, el: Any) -> int:
        """The integer w:val of an element, 0 when absent or not a small number."""
        value = el.get(self.w + "val") if el is not None else None
        return int(value) if value and value.isdigit() and len(value) < 4 else 0

    # ----- paragraphs

    def paragraph(self, p: Any, cell: tuple[int, int, int] | None) -> None:
        """One w:p: its accepted text becomes a block; its text boxes follow it."""
        props = self.children(self.child(p, "pPr"))
        mark_deleted = False
        if props:
            if self.on(props.get("pageBreakBefore")):
                self.out.page_break = True
            mark = props.get("rPr")
            if mark is not None:
                mark_deleted = any(self.tag(child) in ("del", "moveFrom") for child in mark)
        pieces: list[str] = []
        boxes: list[Any] = []
        self.break_after = False
        self.inline(p, pieces, boxes)
        text = "".join(pieces)
        if self.carry and self.carry_table != cell:
            self.flush_carry()
        story_cell = cell if self.story is None else None
        if mark_deleted:
            self.carry, self.carry_table, self.carry_ref = self.carry + text, story_cell, p
        else:
            self.out.add(self.carry + text, story_cell, p, self.story, self.numbered(props.get("numPr")))
            self.carry = ""
        if self.story is None and (self.break_after or p in self.section_ends):
            self.out.page_break = True
        for box in boxes:
            if self.story is None:
                self.in_story(N_("text box"), box)
            else:
                self.blocks(box, None)
        if self.story is None:
            notes, self.notes = self.notes, []
            for kind, note_id in notes:
                if kind == "endnotes":
                    self.endnotes.append(note_id)
                else:
                    self.note(kind, note_id)
            ended = self.section_of.get(p)
            if ended is not None:
                self.headers_and_footers(ended, "footerReference", "footer")
                self.section_number += 1
                following = self.sections[self.sections.index(ended) + 1]
                self.headers_and_footers(following, "headerReference", "header")

    def numbered(self, num: Any) -> bool:
        """Word numbers the paragraph itself (its w:numPr ``num`` names a list other than 0)."""
        if num is None:
            return False
        num_id = self.child(num, "numId")
        return num_id is None or (num_id.get(self.w + "val") or "0") != "0"

    def flush_carry(self) -> None:
        """A paragraph whose mark was deleted but nothing followed it: it stands alone."""
        if self.carry:
            self.out.add(self.carry, self.carry_table, self.carry_ref, self.story)
            self.carry = ""

    def inline(self, el: Any, pieces: list[str], boxes: list[Any]) -> None:
        """Runs of a paragraph (or of a hyperlink, insertion, field...) in order."""
        for child in el:
            tag = self.tag(child)
            if tag == "r":
                self.run(child, pieces, boxes)
            elif tag in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple",
                         "sdtContent", "dir", "bdo"):
                self.inline(child, pieces, boxes)
            elif tag == "sdt":
                content = self.child(child, "sdtContent")
                if content is not None:
                    self.inline(content, pieces, boxes)
            elif tag == "mc:AlternateContent":
                branch = self.choice(child)
                if branch is not None:
                    self.inline(branch, pieces, boxes)

    def run(self, r: Any, pieces: list[str], boxes: list[Any]) -> None:
        """One w:r: text, tabs, breaks and field characters; deleted text never reaches here."""
        for child in r:
            tag = self.tag(child)
            if tag == "fldChar":
                kind = child.get(self.w + "fldCharType")
                if kind == "begin":
                    self.fields.append("code")
                elif kind == "separate" and self.fields:
                    self.fields[-1] = "result"
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if tag in ("drawing", "pict", "object", "mc:AlternateContent"):
                self.find_boxes(child, boxes)
                continue
            if tag in NOTE_REFERENCES:
                self.notes.append((NOTE_REFERENCES[tag], child.get(self.w + "id") or ""))
                continue
            if "code" in self.fields:
                continue
            if tag == "t":
                pieces.append(child.text or "")
            elif tag in ("tab", "ptab"):
                pieces.append("\t")
            elif tag == "br":
                if child.get(self.w + "type") == "page":
                    if "".join(pieces).strip():
                        self.break_after = True
                    else:
                        self.out.page_break = True
                else:
                    pieces.append("\n")
            elif tag == "cr":
                pieces.append("\n")
            elif tag == "noBreakHyphen":
                pieces.append("-")

    def find_boxes(self, el: Any, boxes: list[Any]) -> None:
        """Text-box contents inside a drawing, once (the mc:Fallback copy is skipped)."""
        tag = self.tag(el)
        if tag == "txbxContent":
            boxes.append(el)
        elif tag == "mc:AlternateContent":
            branch = self.choice(el)
            if branch is not None:
                self.find_boxes(branch, boxes)
        else:
            for child in el:
                if isinstance(child.tag, str):
                    self.find_boxes(child, boxes)
