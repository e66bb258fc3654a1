"""DOCX: A4, Thai government typography, every language version laid out by python-docx.

``separate`` puts each language version on its own pages (one section per version), with
its draft marker, title, clauses and a borderless two-column signature table. ``parallel``
puts the versions side by side in one table: one column per language, one row per clause,
the signature blocks in the last rows. Fonts, language tags and packaging are in
:mod:`moukit.rendering.writers.docx_style`; the output is byte-identical for the same document.
"""

from __future__ import annotations

import hashlib
import io
import re
from datetime import date, datetime, timezone

import docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.table import _Cell

from ...errors import OutputError, UsageError
from ...i18n import N_
from ...ooxml.package import package_bytes
from ...ooxml.properties import add_custom_properties
from ...text.chars import MYANMAR, THAI, has_myanmar, has_thai
from ..document import Clause, Document, Version
from . import docx_style
from ._common import SIGN_LINE, grouped, require_layout

JUSTIFY = {"thaiDistribute": WD_ALIGN_PARAGRAPH.THAI_JUSTIFY, "both": WD_ALIGN_PARAGRAPH.JUSTIFY}
# Thai or Burmese words (and the spaces between them) inside text of another language
THAI_SPAN = re.compile(f"[{THAI}]+(?:[ \u00a0]+[{THAI}]+)*")
MYANMAR_SPAN = re.compile(f"[{MYANMAR}]+(?:[ \u00a0]+[{MYANMAR}]+)*")
COMPLEX_SPAN = re.compile(f"{THAI_SPAN.pattern}|{MYANMAR_SPAN.pattern}")
# characters XML 1.0 cannot hold (Word would refuse the file)
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
BODY_SPACE = Pt(6)
TITLE_SPACE = Pt(12)
SIGN_SPACE = Pt(30)  # room above the signing line for the signature


class _Writer:
    """Adds the paragraphs of one language version to a document or a table cell."""

    def __init__(self, version: Version) -> None:
        self.version = version
        self.style = docx_style.style_for(version.lang, version.locale)
        self.justify = JUSTIFY.get(self.style.justify, WD_ALIGN_PARAGRAPH.JUSTIFY)

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

    def runs(self, paragraph, text: str, *, bold: bool = False) -> None:
        """Append ``text`` to ``paragraph`` as styled runs (newlines become line breaks)."""
        bad = NOT_XML.search(text)
        if bad:
            raise OutputError(
                N_("the {lang} text has control character {character}, which a DOCX file cannot "
                   "hold: {text}", lang=self.version.lang, character=f"U+{ord(bad.group()):04X}",
                   text=repr(text[:60])),
                hint=N_("remove the character from the spec or template"))
        for piece, complex_script in self.segments(text):
            run = paragraph.add_run(piece)
            style = self.style
            if complex_script and has_myanmar(piece) != (self.style.tag == "my-MM"):
                # Burmese words in another version, Thai words in the Burmese one: their own fonts
                style = docx_style.style_for("my" if has_myanmar(piece) else "th")
            elif self.style.tag == "my-MM":
                complex_script = has_myanmar(piece)
            docx_style.style_run(run._r, style, bold=bold, thai=complex_script)

    def paragraph(self, box, text: str, *, align=None, bold=False, after=BODY_SPACE,
                  before=None, number: str | None = None):
        """A new paragraph in ``box`` (document or cell) holding ``text``."""
        paragraph = _new_paragraph(box)
        fmt = paragraph.paragraph_format
        if align is not None:
            fmt.alignment = align
        if after is not None:
            fmt.space_after = after
        if before is not None:
            fmt.space_before = before
        if number:
            self.runs(paragraph, f"{number}. ", bold=bold)
        self.runs(paragraph, text, bold=bold)
        return paragraph

    def draft_marker(self, box) -> None:
        """The draft marker, top right, if the version has one."""
        if self.version.draft_marker:
            self.paragraph(box, self.version.draft_marker, align=WD_ALIGN_PARAGRAPH.RIGHT)

    def clause(self, box, clause: Clause):
        """One clause as a paragraph; a signature block as its lines with a signing line."""
        if clause.kind == "signature":
            return self.signature(box, clause)
        if clause.kind == "title":
            return self.paragraph(box, clause.text, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True,
                                  after=TITLE_SPACE)
        return self.paragraph(box, clause.text, align=self.justify, number=clause.number)

    def signature(self, box, clause: Clause):
        """'For X', the dotted signing line, then name and position, centred."""
        first, *rest = clause.lines
        center = WD_ALIGN_PARAGRAPH.CENTER
        self.paragraph(box, first, align=center, after=None)
        self.paragraph(box, SIGN_LINE, align=center, after=None, before=SIGN_SPACE)
        last = None
        for line in rest:
            last = self.paragraph(box, line, align=center, after=None)
        return last


def _new_paragraph(box):
    """A fresh paragraph: a new cell's empty first paragraph, else an added one."""
    if isinstance(box, _Cell):
        paragraphs = box.paragraphs
        if len(paragraphs) == 1 and not paragraphs[0]._p.r_lst and paragraphs[0]._p.pPr is None:
            return paragraphs[0]
    return box.add_paragraph()


def _table(doc, rows: int, cols: int):
    """A borderless table with equal fixed columns across the text width."""
    table = doc.add_table(rows=rows, cols=cols)
    table.autofit = False
    docx_style.borderless(table._tbl)
    return table


def _separate(doc, document: Document) -> None:
    for i, version in enumerate(document.versions):
        if i:
            doc.add_section(WD_SECTION.NEW_PAGE)
        writer = _Writer(version)
        writer.draft_marker(doc)
        last = None
        for item in grouped(version.clauses):
            if isinstance(item, list):
                if last is not None:
                    last.paragraph_format.keep_with_next = True
                table = _table(doc, 1, len(item))
                docx_style.keep_row_together(table.rows[0]._tr)
                for cell, clause in zip(table.rows[0].cells, item):
                    writer.signature(cell, clause)
                last = None
            else:
                last = writer.clause(doc, item)


def _parallel(doc, document: Document) -> None:
    versions = document.versions  # with the same clauses (require_layout)
    writers = [_Writer(v) for v in versions]
    drafts = any(v.draft_marker for v in versions)
    table = _table(doc, len(versions[0].clauses) + drafts, len(versions))
    rows = table.rows
    if drafts:
        for writer, cell in zip(writers, rows[0].cells):
            writer.draft_marker(cell)
    for i, row in enumerate(rows[drafts:]):
        for writer, version, cell in zip(writers, versions, row.cells):
            writer.clause(cell, version.clauses[i])
        if versions[0].clauses[i].kind == "signature":
            docx_style.keep_row_together(row._tr)


def _signing_datetime(document: Document) -> datetime:
    if not document.signing_date:
        return datetime(1980, 1, 1, tzinfo=timezone.utc)
    try:
        day = date.fromisoformat(document.signing_date)
    except ValueError:
        raise UsageError(N_("signing date {date} is not an ISO date", date=repr(document.signing_date)),
                         hint=N_("use YYYY-MM-DD")) from None
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def _core_properties(doc, document: Document) -> None:
    titled = next((v for v in document.versions if v.lang == "en"), document.versions[0])
    props = doc.core_properties
    props.title = titled.title
    props.subject = f"{document.form_id} {document.form_version}"
    props.author = "moukit"
    props.last_modified_by = "moukit"
    props.revision = 1
    props.created = props.modified = _signing_datetime(document)


def write(document: Document, *, layout: str = "separate") -> bytes:
    """The document as DOCX bytes in ``layout`` (``separate`` or ``parallel``)."""
    require_layout(document, layout)
    doc = docx.Document(io.BytesIO(docx_style.base_package()))
    if layout == "separate":
        _separate(doc, document)
    else:
        _parallel(doc, document)
    _core_properties(doc, document)
    package = doc.part.package
    stamp = {**document.stamp(layout), "document_sha256": hashlib.sha256(doc.part.blob).hexdigest()}
    add_custom_properties(package, stamp)
    return package_bytes(package)
