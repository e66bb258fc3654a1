"""DOCX: A4, Thai government typography, every language version written as WordprocessingML.

``separate`` puts each language version on its own pages (one section per version), with
its draft marker (top right), title, clauses and a borderless signature table. ``parallel``
puts the versions side by side in one table: a header row naming each language (repeated on
every page), one column per language, one row per clause, the signature blocks in the last
rows; on landscape A4 from three columns (:data:`docx_style.LANDSCAPE_COLUMNS`), the columns
weighted by the room each version's text takes, left-aligned (Thai distributed).

Every section numbers its pages from 1 in the header, top centre, from its second page: the
Thai version in the Thai government style, "- ๒ -" (Word's ``thaiNumbers`` format when the
version is written in Thai digits); the others plain. A parallel layout is numbered in the
style of its first version. A signature block is a row per line kind ("For ...", the room to
sign and the signing line, the name, the position...), so the lines stand level across the
parties whatever wraps, and is kept on one page (rows unsplit, every paragraph but the last
row's kept with the next). See docs/printing.md.

Fonts, language tags and the package's parts are in :mod:`moukit.rendering.writers.docx_style`;
the output is byte-identical for the same document. The markup is written as text, without
python-docx (whose import took a tenth of a render); text is escaped as XML
(:func:`moukit.ooxml.package.xml_text`).
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone

from ...errors import OutputError, UsageError
from ...i18n import N_
from ...ooxml.package import xml_text
from ...text.chars import MYANMAR, THAI, has_myanmar, has_thai
from ..document import LETTER_KINDS, Clause, Document, Version
from . import docx_style
from ._common import SIGN_LINE, column_shares, grouped, needs_landscape, printed_points, require_layout

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
class _Row:
    """A table row: its cells, whether it is a header row (repeated at the top of each page)
    and whether it is kept on one page."""

    cells: list[_Cell]
    header: bool = False
    unsplit: bool = False

    def xml(self, widths: list[int]) -> str:
        """The row as WordprocessingML, its cells ``widths`` wide (twips), top-aligned."""
        props = ("<w:cantSplit/>" if self.unsplit else "") + ("<w:tblHeader/>" if self.header else "")
        cells = "".join(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/><w:vAlign w:val="top"/>'
                        "</w:tcPr>" + "".join(p.xml() for p in cell) + "</w:tc>"
                        for cell, width in zip(self.cells, widths))
        return f"<w:tr>{f'<w:trPr>{props}</w:trPr>' if props else ''}{cells}</w:tr>"


@dataclass
class _Table:
    """A borderless ``w:tbl`` with fixed columns ``widths`` (twips) wide: rows of cells, a
    cell a list of paragraphs (a new cell holds one empty paragraph, as Word wants)."""

    widths: list[int]
    rows: list[_Row] = field(default_factory=list)

    def add_row(self, *, header: bool = False, unsplit: bool = False) -> list[_Cell]:
        """A new row's cells."""
        row = _Row([_Cell([_Paragraph()]) for _ in self.widths], header, unsplit)
        self.rows.append(row)
        return row.cells

    def xml(self) -> str:
        """The table as WordprocessingML."""
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in self.widths)
        rows = "".join(row.xml(self.widths) for row in self.rows)
        return f"<w:tbl>{docx_style.TABLE_PROPERTIES}<w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"


class _SectionBreak:
    """The end of a section (a language version): the next one starts on a new page."""

    def __init__(self, properties: str) -> None:
        self.properties = properties

    def xml(self) -> str:
        """The paragraph that holds the section's properties."""
        return f"<w:p><w:pPr>{self.properties}</w:pPr></w:p>"


class _Writer:
    """Adds the paragraphs of one language version to a body or a table cell (a list)."""

    emblem = b""  # the document's emblem image, for a dossier letter's "emblem" clause
    landscape = False  # set on landscape pages (a dossier table's width follows)

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

    def clause(self, box: list, clause: Clause, *, justify: str | None = None) -> _Paragraph:
        """One clause (not a signature block) as a paragraph: a title centred and bold, other
        text aligned ``justify`` (default: the language's justification); a dossier's part
        (letters, plans, reports) as :func:`_letter_part` lays it out."""
        if clause.kind in LETTER_KINDS:
            return _letter_part(self, box, clause)
        if clause.kind == "title":
            return self.paragraph(box, clause.text, align=CENTER, bold=True, after=TITLE_SPACE)
        return self.paragraph(box, clause.text, align=justify or self.justify, number=clause.number)

    def page_number_header(self, thai_style: bool, thai_digits: bool) -> str:
        """A header part with the page number centred, in this version's font: "- ๒ -" in the
        Thai government style, else plain."""
        rpr = docx_style.run_properties(self.style, bold=False, thai=self.version.lang == "th")
        one = "\u0e51" if thai_digits else "1"
        return docx_style.header_xml(docx_style.page_number_runs(rpr, thai_style, one))


def _signature_rows(table: _Table, columns: list[tuple[_Writer, Clause]], *,
                    keep_last: bool = False, below: bool = False) -> None:
    """Signature blocks as rows of ``table``, a column per (writer, signature clause): a row
    per line kind (the "For ..." line, the room to sign with the signing line, the name, the
    position, any further line), so that each line kind stands level across the columns
    whatever wraps. Rows are never split; the paragraphs of every row but the last (all of
    them with ``keep_last``) are kept with the next, so that the block stays on one page.
    A block ``below`` another gets room above it."""
    lines = [clause.lines for _, clause in columns]
    depth = max(len(block) for block in lines)
    kinds = [[block[0] for block in lines], [SIGN_LINE] * len(lines)]
    kinds += [[block[i] if i < len(block) else "" for block in lines] for i in range(1, depth)]
    for number, texts in enumerate(kinds):
        cells = table.add_row(unsplit=True)
        keep = keep_last or number < len(kinds) - 1
        for (writer, _), cell, text in zip(columns, cells, texts):
            if text:  # room above the signing line to sign, and between blocks one above the other
                writer.paragraph(cell, text, align=CENTER, after=None,
                                 before={0: TITLE_SPACE if below else None, 1: SIGN_SPACE}.get(number))
            for paragraph in cell:
                paragraph.keep_with_next = keep
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


THAI_DIGIT = re.compile("[\u0e50-\u0e59]")
SHORT_ROW_LINES = 4  # a parallel row of at most this many lines (estimated) is never split
CELL_MARGINS = 2 * 108  # left and right cell margins (twips), as in styles.xml


class _Headers:
    """The header parts of a document: the first page's (empty: no page number on a title
    page) and one per page-number style, each written once."""

    def __init__(self) -> None:
        self.parts = [docx_style.header_xml("")]

    def add(self, xml: str) -> str:
        """The relationship id of the header part ``xml`` (added if new)."""
        if xml not in self.parts:
            self.parts.append(xml)
        return docx_style.header_id(self.parts.index(xml))

    def section(self, writer: _Writer, *, landscape: bool = False) -> str:
        """The section properties of ``writer``'s version: pages numbered from 1 in the
        header from page 2, centred; in the Thai version in the Thai government style,
        "- ๒ -" (Thai digits, unless the version is written with Arabic digits), else plain."""
        thai = writer.version.lang == "th"
        digits = thai and THAI_DIGIT.search(writer.version.plain_text()) is not None
        number_format = docx_style.THAI_NUMBERS if digits else "decimal"
        return docx_style.section_properties(docx_style.Section(
            first_header=docx_style.header_id(0),
            header=self.add(writer.page_number_header(thai, digits)),
            landscape=landscape, number_format=number_format))


def _separate(body: list, document: Document, headers: _Headers) -> str:
    """Each version in its own section; the last section's properties are returned."""
    sections: list[str] = []
    for i, version in enumerate(document.versions):
        if i:
            body.append(_SectionBreak(sections[-1]))
        writer = _Writer(version)
        writer.emblem = document.emblem  # a dossier letter's Garuda (see _letter_part)
        writer.landscape = needs_landscape(version)
        sections.append(headers.section(writer, landscape=writer.landscape))
        writer.draft_marker(body)
        last = None
        for item in grouped(version.clauses):
            if isinstance(item, list):
                if last is not None:
                    last.keep_with_next = True
                table = _Table(docx_style.column_widths([1] * len(item)))
                _signature_rows(table, [(writer, clause) for clause in item])
                body.append(table)
                last = None
            else:
                last = writer.clause(body, item)
    return sections[-1]


def _kind(style: docx_style.LangStyle) -> str:
    """How tall a line of ``style`` prints (a key of LINE_HEIGHT)."""
    return "complex" if style.tag in docx_style.COMPLEX_TAGS else "cjk" if style.east_asian else "other"


def _column_weights(writers: list[_Writer]) -> list[float]:
    """Each version's share of the width (:func:`._common.column_shares`)."""
    return column_shares([w.version.plain_text() for w in writers], [w.style.size for w in writers],
                         [_kind(w.style) for w in writers])


def _short_row(writers: list[_Writer], clauses: list[Clause], widths: list[int]) -> bool:
    """Whether a parallel row is short enough (SHORT_ROW_LINES) to be kept on one page."""
    for writer, clause, width in zip(writers, clauses, widths):
        points = (width - CELL_MARGINS) / TWIPS_PER_POINT
        lines = sum(max(1, math.ceil(printed_points(line, writer.style.size) / points))
                    for line in clause.lines)
        if lines > SHORT_ROW_LINES:
            return False
    return True


def _parallel(body: list, document: Document, headers: _Headers) -> str:
    """The versions side by side in one table: a header row naming each language (repeated on
    every page), the draft markers, a row per clause, the signature blocks; landscape A4 from
    three columns. Text is left-aligned (Thai distributed) instead of justified: justified
    Latin text in a narrow column opens wide gaps between words. Returns the section's
    properties: the first version's page numbers."""
    versions = document.versions  # with the same clauses (require_layout)
    writers = [_Writer(v) for v in versions]
    landscape = len(versions) >= docx_style.LANDSCAPE_COLUMNS
    table = _Table(docx_style.column_widths(_column_weights(writers), landscape))
    body.append(table)
    for writer, cell in zip(writers, table.add_row(header=True, unsplit=True)):
        writer.paragraph(cell, writer.version.language_name, align=CENTER, bold=True)
    if any(v.draft_marker for v in versions):
        for writer, cell in zip(writers, table.add_row(unsplit=True)):
            writer.draft_marker(cell)
    items = grouped(range(len(versions[0].clauses)), kind=lambda i: versions[0].clauses[i].kind)
    for n, item in enumerate(items):
        if isinstance(item, list):
            for k, i in enumerate(item):
                _signature_rows(table, [(w, v.clauses[i]) for w, v in zip(writers, versions)],
                                keep_last=k < len(item) - 1, below=k > 0)
            continue
        clauses = [v.clauses[item] for v in versions]
        short = _short_row(writers, clauses, table.widths)
        cells = table.add_row(unsplit=short)
        # a short clause before the signatures stays with them (a long one and the blocks
        # may not fit on one landscape page together)
        before_signatures = short and n + 1 < len(items) and isinstance(items[n + 1], list)
        for writer, clause, cell in zip(writers, clauses, cells):
            align = writer.justify if writer.version.lang == "th" else LEFT
            writer.clause(cell, clause, justify=align).keep_with_next = before_signatures
    return headers.section(writers[0], landscape=landscape)


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
    headers = _Headers()
    last = (_separate if layout == "separate" else _parallel)(body, document, headers)
    main = docx_style.document_xml("".join(item.xml() for item in body), last).encode("utf-8")
    stamp = {**document.stamp(layout), "document_sha256": hashlib.sha256(main).hexdigest()}
    return _with_emblem(docx_style.package(main, _core_properties(document), stamp, headers.parts),
                        document.emblem)


# ---------------------------------------------------------------- the dossier's letter parts
# (moukit.dossier: Thai external letters, plans and reports). Kept apart from the agreement's
# layout above: one function for the kinds of rendering.document.LETTER_KINDS.
TABLE_POINTS = 14  # a table's text
_EMBLEM_TWIPS = 1701  # the emblem's 3 cm
_HALF_TWIPS = 4535  # the middle of the text width (16 cm), where a date and closing start
_INDENT_TWIPS = 1417  # a body paragraph's first line: 2.5 cm
_BOX = '<w:pBdr>' + "".join(f'<w:{side} w:val="single" w:sz="6" w:space="4" w:color="808080"/>'
                            for side in ("top", "left", "bottom", "right")) + "</w:pBdr>"


def _letter_part(writer: _Writer, box: list, clause: Clause) -> _Paragraph:
    """A part of a dossier document: the emblem's box, the number and office, a block from the
    middle, the signature, a body paragraph, a heading or a bordered table; returns its last
    paragraph."""
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
    if kind == "columns":  # the right text wraps under itself (a hanging indent)
        return [_styled(writer.paragraph(box, left + "\t" + " ".join(right), after=None),
                        f'<w:ind w:left="{_HALF_TWIPS + 700}" w:hanging="{_HALF_TWIPS + 700}"/>')
                for left, *right in clause.rows][-1]
    if kind in ("from_middle", "signoff"):
        align = CENTER if kind == "signoff" else LEFT
        return [_styled(writer.paragraph(box, line, after=None),
                        (f'<w:spacing w:before="{SIGN_SPACE}"/>' if kind == "signoff" and not i else "")
                        + f'<w:ind w:left="{_HALF_TWIPS}"/><w:jc w:val="{align}"/>')
                for i, line in enumerate(clause.lines)][-1]
    if kind == "body":
        paragraph = writer.paragraph(box, clause.text, align=writer.justify)
        return _styled(paragraph, f'<w:spacing w:after="{BODY_SPACE}"/><w:ind w:firstLine="{_INDENT_TWIPS}"/>'
                                  f'<w:jc w:val="{writer.justify}"/>')
    if kind == "heading":
        return writer.paragraph(box, clause.text, align=LEFT, bold=True, before=BODY_SPACE)
    box.append(_RawTable(writer, clause.rows))  # table
    return _new_paragraph(box)  # Word wants a paragraph between two tables


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
        total_twips = docx_style.text_twips(self.writer.landscape)
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
        return f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{''.join(out)}</w:tbl>"


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
