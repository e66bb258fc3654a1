"""DOCX: A4, Thai government typography, every language version written as WordprocessingML.

``separate`` puts each language version on its own pages (one section per version), with
its draft marker, title, clauses and a borderless two-column signature table. ``parallel``
puts the versions side by side in one table: one column per language, one row per clause,
the signature blocks in the last rows. Fonts, language tags and the package's fixed parts
are in :mod:`moukit.rendering.writers.docx_style`; the output is byte-identical for the same
document.

The markup is written as text, without python-docx (whose import took a tenth of a render):
the few elements a rendering needs (paragraphs, runs, tables, section breaks), as python-docx
wrote them before, byte for byte (the tests compare the two). Text is escaped as XML
(:func:`moukit.ooxml.package.xml_text`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone

from ...errors import OutputError, UsageError
from ...i18n import N_
from ...ooxml.package import xml_text
from ...text.chars import MYANMAR, THAI, has_myanmar, has_thai
from ..document import LETTER_KINDS, Clause, Document, Version
from . import docx_style
from ._common import SIGN_LINE, grouped, require_layout

# paragraph alignments (w:jc values)
LEFT, CENTER, RIGHT, JUSTIFY, THAI_JUSTIFY = "left", "center", "right", "both", "thaiDistribute"
JUSTIFY_VALUES = {"thaiDistribute": THAI_JUSTIFY, "both": JUSTIFY}
# Thai or Burmese words (and the spaces between them) inside text of another language
THAI_SPAN = re.compile(f"[{THAI}]+(?:[ \u00a0]+[{THAI}]+)*")
MYANMAR_SPAN = re.compile(f"[{MYANMAR}]+(?:[ \u00a0]+[{MYANMAR}]+)*")
COMPLEX_SPAN = re.compile(f"{THAI_SPAN.pattern}|{MYANMAR_SPAN.pattern}")
# characters XML 1.0 cannot hold (Word would refuse the file)
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
TWIPS_PER_POINT = 20
BODY_SPACE = 6 * TWIPS_PER_POINT  # after a paragraph, in twips
TITLE_SPACE = 12 * TWIPS_PER_POINT
SIGN_SPACE = 30 * TWIPS_PER_POINT  # room above the signing line for the signature
_BREAKS = re.compile("([\t\r\n])")


@dataclass
class _Paragraph:
    """A ``w:p``: its alignment, spacing (twips), keep-with-next and runs (markup)."""

    align: str | None = None
    after: int | None = None
    before: int | None = None
    keep_with_next: bool = False
    runs: list[str] = field(default_factory=list)

    def xml(self) -> str:
        """The paragraph as WordprocessingML."""
        props = "<w:keepNext/>" if self.keep_with_next else ""
        spacing = "".join(f' w:{name}="{value}"' for name, value in
                          (("after", self.after), ("before", self.before)) if value is not None)
        props += f"<w:spacing{spacing}/>" if spacing else ""
        props += f'<w:jc w:val="{self.align}"/>' if self.align is not None else ""
        inner = (f"<w:pPr>{props}</w:pPr>" if props else "") + "".join(self.runs)
        return f"<w:p>{inner}</w:p>" if inner else "<w:p/>"


class _Cell(list):
    """The paragraphs of a table cell."""


@dataclass
class _Table:
    """A borderless ``w:tbl`` with equal fixed columns across the text width: rows of cells,
    a cell a list of paragraphs (a new cell holds one empty paragraph, as Word wants)."""

    rows: int
    cols: int
    cells: list[list[_Cell]] = field(init=False)
    unsplit: set[int] = field(default_factory=set)  # rows kept on one page

    def __post_init__(self) -> None:
        self.cells = [[_Cell([_Paragraph()]) for _ in range(self.cols)] for _ in range(self.rows)]

    def keep_row_together(self, row: int) -> None:
        """Stop Word from splitting ``row`` across pages."""
        self.unsplit.add(row)

    def xml(self) -> str:
        """The table as WordprocessingML."""
        width = docx_style.column_twips(self.cols)
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(self.cols))
        rows = []
        for i, row in enumerate(self.cells):
            props = "<w:trPr><w:cantSplit/></w:trPr>" if i in self.unsplit else ""
            cells = "".join(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr>'
                            + "".join(p.xml() for p in cell) + "</w:tc>" for cell in row)
            rows.append(f"<w:tr>{props}{cells}</w:tr>")
        return f"<w:tbl>{docx_style.TABLE_PROPERTIES}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


class _SectionBreak:
    """The end of a section (a language version): the next one starts on a new page."""

    def xml(self) -> str:
        """The paragraph that holds the section's properties."""
        return f"<w:p><w:pPr>{docx_style.SECTION_PROPERTIES}</w:pPr></w:p>"


class _Writer:
    """Adds the paragraphs of one language version to a body or a table cell (a list)."""

    emblem = b""  # the document's emblem image, for a dossier letter's "emblem" clause

    def __init__(self, version: Version) -> None:
        self.version = version
        self.style = docx_style.style_for(version.lang, version.locale)
        self.justify = JUSTIFY_VALUES.get(self.style.justify, JUSTIFY)

    def segments(self, text: str) -> list[tuple[str, bool]]:
        """``text`` cut into (piece, is_complex) runs: whole in Thai, Thai and Burmese words
        apart otherwise (in a Burmese version, its Burmese is its own text)."""
        if self.version.lang == "th":
            return [(text, has_thai(text))]
        span = THAI_SPAN if self.version.lang == "my" else COMPLEX_SPAN
        pieces, pos = [], 0
        for match in span.finditer(text):
            if match.start() > pos:
                pieces.append((text[pos:match.start()], False))
            pieces.append((match.group(), True))
            pos = match.end()
        if pos < len(text) or not pieces:
            pieces.append((text[pos:], False))
        return pieces

    def runs(self, paragraph: _Paragraph, text: str, *, bold: bool = False) -> None:
        """Append ``text`` to ``paragraph`` as styled runs (newlines become line breaks)."""
        bad = NOT_XML.search(text)
        if bad:
            raise OutputError(
                N_("the {lang} text has control character {character}, which a DOCX file cannot "
                   "hold: {text}", lang=self.version.lang, character=f"U+{ord(bad.group()):04X}",
                   text=repr(text[:60])),
                hint=N_("remove the character from the spec or template"))
        for piece, complex_script in self.segments(text):
            style = self.style
            if complex_script and has_myanmar(piece) != (self.style.tag == "my-MM"):
                # Burmese words in another version, Thai words in the Burmese one: their own fonts
                style = docx_style.style_for("my" if has_myanmar(piece) else "th")
            elif self.style.tag == "my-MM":
                complex_script = has_myanmar(piece)
            paragraph.runs.append(f"<w:r>{docx_style.run_properties(style, bold=bold, thai=complex_script)}"
                                  f"{_run_content(piece)}</w:r>")

    def paragraph(self, box: list, text: str, *, align: str | None = None, bold: bool = False,
                  after: int | None = BODY_SPACE, before: int | None = None,
                  number: str | None = None) -> _Paragraph:
        """A new paragraph in ``box`` (the body or a cell) holding ``text``."""
        paragraph = _new_paragraph(box)
        paragraph.align, paragraph.after, paragraph.before = align, after, before
        if number:
            self.runs(paragraph, f"{number}. ", bold=bold)
        self.runs(paragraph, text, bold=bold)
        return paragraph

    def draft_marker(self, box: list) -> None:
        """The draft marker, top right, if the version has one."""
        if self.version.draft_marker:
            self.paragraph(box, self.version.draft_marker, align=RIGHT)

    def clause(self, box: list, clause: Clause) -> _Paragraph | None:
        """One clause as a paragraph; a signature block as its lines with a signing line."""
        if clause.kind == "signature":
            return self.signature(box, clause)
        if clause.kind in LETTER_KINDS:
            return _letter_part(self, box, clause)
        if clause.kind == "title":
            return self.paragraph(box, clause.text, align=CENTER, bold=True, after=TITLE_SPACE)
        return self.paragraph(box, clause.text, align=self.justify, number=clause.number)

    def signature(self, box: list, clause: Clause) -> _Paragraph | None:
        """'For X', the dotted signing line, then name and position, centred."""
        first, *rest = clause.lines
        self.paragraph(box, first, align=CENTER, after=None)
        self.paragraph(box, SIGN_LINE, align=CENTER, after=None, before=SIGN_SPACE)
        last = None
        for line in rest:
            last = self.paragraph(box, line, align=CENTER, after=None)
        return last


def _run_content(text: str) -> str:
    """A run's text: ``w:t`` pieces (whitespace kept where it leads or trails), tabs and line
    breaks between them."""
    out = []
    for piece in _BREAKS.split(text):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            out.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            out.append(f"<w:t{space}>{xml_text(piece)}</w:t>")
    return "".join(out)


def _new_paragraph(box: list) -> _Paragraph:
    """A fresh paragraph: a new cell's empty first paragraph, else an added one."""
    if isinstance(box, _Cell) and len(box) == 1 and box[0] == _Paragraph():
        return box[0]
    paragraph = _Paragraph()
    box.append(paragraph)
    return paragraph


def _separate(body: list, document: Document) -> None:
    for i, version in enumerate(document.versions):
        if i:
            body.append(_SectionBreak())
        writer = _Writer(version)
        writer.emblem = document.emblem  # a dossier letter's Garuda (see _letter_part)
        writer.draft_marker(body)
        last = None
        for item in grouped(version.clauses):
            if isinstance(item, list):
                if last is not None:
                    last.keep_with_next = True
                table = _Table(1, len(item))
                table.keep_row_together(0)
                body.append(table)
                for cell, clause in zip(table.cells[0], item):
                    writer.signature(cell, clause)
                last = None
            else:
                last = writer.clause(body, item)


def _parallel(body: list, document: Document) -> None:
    versions = document.versions  # with the same clauses (require_layout)
    writers = [_Writer(v) for v in versions]
    drafts = any(v.draft_marker for v in versions)
    table = _Table(len(versions[0].clauses) + drafts, len(versions))
    body.append(table)
    if drafts:
        for writer, cell in zip(writers, table.cells[0]):
            writer.draft_marker(cell)
    for i, row in enumerate(table.cells[drafts:]):
        for writer, version, cell in zip(writers, versions, row):
            writer.clause(cell, version.clauses[i])
        if versions[0].clauses[i].kind == "signature":
            table.keep_row_together(i + drafts)


def _signing_datetime(document: Document) -> datetime:
    if not document.signing_date:
        return datetime(1980, 1, 1, tzinfo=timezone.utc)
    try:
        day = date.fromisoformat(document.signing_date)
    except ValueError:
        raise UsageError(N_("signing date {date} is not an ISO date", date=repr(document.signing_date)),
                         hint=N_("use YYYY-MM-DD")) from None
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def _core_properties(document: Document) -> str:
    """``docProps/core.xml``: the English title (else the first version's), the form, moukit
    as author, and the signing date as the dates of creation and change."""
    titled = next((v for v in document.versions if v.lang == "en"), document.versions[0])
    when = _signing_datetime(document).strftime("%Y-%m-%dT%H:%M:%SZ")
    return docx_style.core_xml(titled.title, f"{document.form_id} {document.form_version}", when)


def write(document: Document, *, layout: str = "separate") -> bytes:
    """The document as DOCX bytes in ``layout`` (``separate`` or ``parallel``)."""
    require_layout(document, layout)
    body: list = []
    if layout == "separate":
        _separate(body, document)
    else:
        _parallel(body, document)
    main = docx_style.document_xml("".join(item.xml() for item in body)).encode("utf-8")
    stamp = {**document.stamp(layout), "document_sha256": hashlib.sha256(main).hexdigest()}
    return _with_emblem(docx_style.package(main, _core_properties(document), stamp), document.emblem)


# ---------------------------------------------------------------- the dossier's letter parts
# (moukit.dossier: Thai external letters, plans and reports). Kept apart from the agreement's
# layout above: one function for the kinds of rendering.document.LETTER_KINDS.
TABLE_POINTS = 14  # a table's text
_EMBLEM_TWIPS = 1701  # the emblem's 3 cm
_HALF_TWIPS = 4535  # the middle of the text width (16 cm), where a date and closing start
_INDENT_TWIPS = 1417  # a body paragraph's first line: 2.5 cm
_BOX = '<w:pBdr>' + "".join(f'<w:{side} w:val="single" w:sz="6" w:space="4" w:color="808080"/>'
                            for side in ("top", "left", "bottom", "right")) + "</w:pBdr>"


def _letter_part(writer: _Writer, box: list, clause: Clause) -> _Paragraph | None:
    """A part of a dossier document: the emblem's box, the number and office, a block from the
    middle, the signature, a body paragraph, a heading or a bordered table."""
    kind = clause.kind
    if kind == "emblem" and writer.emblem:  # the office's own image, 3 cm high
        paragraph = writer.paragraph(box, "", align=CENTER, after=TITLE_SPACE)
        paragraph.runs = [_drawing(writer.emblem)]
        return paragraph
    if kind == "emblem":  # the office's Garuda goes here: a 3 cm box marks its place
        paragraph = writer.paragraph(box, clause.text, align=CENTER, after=TITLE_SPACE)
        return _styled(paragraph, f'{_BOX}<w:spacing w:after="{TITLE_SPACE}" w:line="{_EMBLEM_TWIPS}" w:lineRule="exact"/>'
                                  f'<w:ind w:left="{_HALF_TWIPS - _EMBLEM_TWIPS // 2}" '
                                  f'w:right="{_HALF_TWIPS - _EMBLEM_TWIPS // 2}"/>'
                                  '<w:jc w:val="center"/>')
    if kind == "columns":
        last = None
        for left, *right in clause.rows:  # the right text wraps under itself (a hanging indent)
            last = writer.paragraph(box, left + "\t" + " ".join(right), after=None)
            _styled(last, f'<w:ind w:left="{_HALF_TWIPS + 700}" w:hanging="{_HALF_TWIPS + 700}"/>')
        return last
    if kind in ("from_middle", "signoff"):
        last = None
        for line in clause.lines:
            last = writer.paragraph(box, line, align=CENTER if kind == "signoff" else LEFT, after=None,
                                    before=SIGN_SPACE if kind == "signoff" and last is None else None)
            _styled(last, f'<w:ind w:left="{_HALF_TWIPS}"/>' + (f'<w:jc w:val="{last.align}"/>'))
        return last
    if kind == "body":
        paragraph = writer.paragraph(box, clause.text, align=writer.justify)
        return _styled(paragraph, f'<w:spacing w:after="{BODY_SPACE}"/><w:ind w:firstLine="{_INDENT_TWIPS}"/>'
                                  f'<w:jc w:val="{writer.justify}"/>')
    if kind == "heading":
        return writer.paragraph(box, clause.text, align=LEFT, bold=True, before=BODY_SPACE)
    box.append(_RawTable(writer, clause.rows))  # table
    return None


def _cell_need(text: str) -> float:
    """How wide a table cell's text wants its column, in characters: its longest word (up to
    12 characters: a Thai run has no spaces) or a third of its length (up to 60), the larger."""
    longest = max((len(word) for word in text.split()), default=0)
    return max(min(12, longest), min(60, len(text)) / 3)


def _styled(paragraph: _Paragraph, props: str) -> _Paragraph:
    """``paragraph`` with its properties replaced by ``props`` (WordprocessingML)."""
    paragraph.align = paragraph.after = paragraph.before = None
    paragraph.runs.insert(0, f"<w:pPr>{props}</w:pPr>")
    return paragraph


@dataclass
class _RawTable:
    """A bordered table with a bold header row that repeats on each page; columns share the
    width by the length of their longest text."""

    writer: _Writer
    rows: list

    def xml(self) -> str:
        """The table as WordprocessingML."""
        cols = max(len(r) for r in self.rows)
        body = self.rows[1:] or self.rows  # the header's words wrap: the body sets the widths
        header = [max((len(w) for w in cell.split()), default=0) for cell in self.rows[0]]  # its longest word
        need = [max(8, min(12, header[i] if i < len(header) else 0), *(_cell_need(r[i]) for r in body if i < len(r)))
                for i in range(cols)]
        writer = _Writer(self.writer.version)  # the cells' text a size smaller, as tables are set
        writer.style = replace(self.writer.style, size=TABLE_POINTS, cs_size=TABLE_POINTS)
        total_twips = docx_style.column_twips(1)
        widths = [int(total_twips * n / sum(need)) for n in need]
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        border = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                         for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
        out = []
        for i, row in enumerate(self.rows):
            cells = []
            for width, text in zip(widths, row + [""] * (cols - len(row))):
                paragraph = _Paragraph()
                writer.runs(paragraph, text, bold=i == 0)
                paragraph.align = CENTER if i == 0 else LEFT
                cells.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr>{paragraph.xml()}</w:tc>')
            repeat = "<w:trPr><w:tblHeader/></w:trPr>" if i == 0 else ""
            out.append(f"<w:tr>{repeat}{''.join(cells)}</w:tr>")
        props = (f'<w:tblPr><w:tblW w:type="dxa" w:w="{sum(widths)}"/><w:tblBorders>{border}</w:tblBorders>'
                 '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/>'
                 '<w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>')
        return f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{''.join(out)}</w:tbl><w:p/>"


_EMU_PER_CM = 360000
_EMBLEM_PART = "word/media/emblem"
_EMBLEM_REL = "rIdEmblem"


def image_size(data: bytes) -> tuple[int, int]:
    """The width and height in pixels of a PNG or JPEG image ((1, 1) when they cannot be read).

    >>> image_size(b"\\x89PNG\\r\\n\\x1a\\n" + bytes(4) + b"IHDR" + (300).to_bytes(4, "big") + (200).to_bytes(4, "big"))
    (300, 200)
    """
    if data.startswith(b"\x89PNG") and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    pos = 2
    while data.startswith(b"\xff\xd8") and pos + 9 < len(data):  # JPEG: find the frame header
        marker, length = data[pos + 1], int.from_bytes(data[pos + 2:pos + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            return int.from_bytes(data[pos + 7:pos + 9], "big"), int.from_bytes(data[pos + 5:pos + 7], "big")
        pos += 2 + length
    return 1, 1


def _drawing(image: bytes) -> str:
    """A run holding the emblem image inline, 3 cm high."""
    width, height = image_size(image)
    cy = 3 * _EMU_PER_CM
    cx = int(cy * width / max(height, 1))
    return (
        '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="1" name="emblem"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:nvPicPr><pic:cNvPr id="1" name="emblem"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{_EMBLEM_REL}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>")


def _with_emblem(package: bytes, image: bytes) -> bytes:
    """``package`` with the emblem's image part, its relationship and its content type (the
    package as it is when the document has no emblem)."""
    if not image:
        return package
    import io
    import zipfile

    from ...ooxml.package import in_package_order, zip_parts

    kind = "png" if image.startswith(b"\x89PNG") else "jpeg"
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    rels = "word/_rels/document.xml.rels"
    entries[rels] = entries[rels].replace(
        b"</Relationships>", f'<Relationship Id="{_EMBLEM_REL}" Type="http://schemas.openxmlformats.org/'
        f'officeDocument/2006/relationships/image" Target="media/emblem.{kind}"/></Relationships>'.encode())
    entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(
        b'<Default Extension="xml"', f'<Default Extension="{kind}" ContentType="image/{kind}"/>'
        '<Default Extension="xml"'.encode())
    entries[f"{_EMBLEM_PART}.{kind}"] = image
    return zip_parts(in_package_order(entries.items()))
