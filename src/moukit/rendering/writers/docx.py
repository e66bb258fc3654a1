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
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from ...errors import OutputError, UsageError
from ...i18n import N_
from ...ooxml.package import xml_text
from ...text.chars import MYANMAR, THAI, has_myanmar, has_thai
from ..document import Clause, Document, Version
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
        text aligned ``justify`` (default: the language's justification)."""
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
# estimated advance of a character and height of a line, as shares of the font size
ADVANCE = {"wide": 1.0, "thai": 0.6, "other": 0.45}
LINE_HEIGHT = {"complex": 1.5, "cjk": 1.4, "other": 1.15}
THAI_LETTER = re.compile(f"[{THAI}]")
CELL_MARGINS = 2 * 108  # left and right cell margins (twips), as in styles.xml
# the narrowest and widest a parallel column may be, against an equal share of the width
COLUMN_BOUNDS = (0.8, 1.3)


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
        sections.append(headers.section(writer))
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


def _printed_points(text: str, style: docx_style.LangStyle) -> float:
    """The estimated printed length of ``text`` in points: each character advances by a share
    of the font size (ADVANCE: a whole size for an East Asian wide one, 0.6 for a Thai
    letter, 0.45 for a Latin one), a combining mark (Thai vowels above and below, tone marks)
    by nothing."""
    total = 0.0
    for ch in text:
        if unicodedata.category(ch) == "Mn":
            continue
        if unicodedata.east_asian_width(ch) in "WF":
            total += style.size * ADVANCE["wide"]
        else:
            total += style.size * ADVANCE["thai" if THAI_LETTER.match(ch) else "other"]
    return total


def _line_points(style: docx_style.LangStyle) -> float:
    """The estimated height of a line of ``style`` in points (LINE_HEIGHT of the size)."""
    kind = "complex" if style.tag in docx_style.COMPLEX_TAGS else "cjk" if style.east_asian else "other"
    return style.size * LINE_HEIGHT[kind]


def _column_weights(writers: list[_Writer]) -> list[float]:
    """Each version's share of the width in proportion to the area its text prints on
    (length times line height), so that a row comes out about as tall in every column, kept
    between COLUMN_BOUNDS of an equal share so that no column gets too narrow to read."""
    areas = [(_printed_points(w.version.plain_text(), w.style) or 1.0) * _line_points(w.style)
             for w in writers]
    return _bounded_shares(areas, *(bound / len(areas) for bound in COLUMN_BOUNDS))


def _bounded_shares(weights: list[float], low: float, high: float) -> list[float]:
    """Shares of 1 in proportion to ``weights``, each between ``low`` and ``high``: the share
    furthest out of bounds is set to its bound and the rest shared again, until all fit."""
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        total = sum(weights[i] for i in free)
        shares = {i: (1 - sum(fixed.values())) * weights[i] / total for i in free}
        out = {i: share - min(max(share, low), high) for i, share in shares.items()}
        worst = max(out, key=lambda i: abs(out[i]), default=None)
        if worst is None or abs(out[worst]) < 1e-9 or len(free) == 1:
            return [fixed.get(i, shares.get(i, 0.0)) for i in range(len(weights))]
        fixed[worst] = min(max(shares[worst], low), high)


def _short_row(writers: list[_Writer], clauses: list[Clause], widths: list[int]) -> bool:
    """Whether a parallel row is short enough (SHORT_ROW_LINES) to be kept on one page."""
    for writer, clause, width in zip(writers, clauses, widths):
        points = (width - CELL_MARGINS) / TWIPS_PER_POINT
        lines = sum(max(1, math.ceil(_printed_points(line, writer.style) / points))
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
    return docx_style.package(main, _core_properties(document), stamp, headers.parts)
