"""The translator's Word file: every segment of the English master in a table, English |
translation, and reading the translation back.

The file opens with what to do (in English: keep the placeholders, no words of obligation),
what each placeholder stands for, then one table per part (the LOI, the MOU, the words of the
lexicon) with three columns: the segment's id (small, grey, "do not edit"), the English with
a note on what it is, and an empty, shaded cell for the translation, marked with the
language so that Word checks its spelling.

Reading back is made for a file a translator has worked on in Word: rows are found by the id
in their first cell wherever they are (an id Word has damaged is found again by the row's
English text), tracked changes read as accepted, deleted text left out, line breaks and
paragraphs inside a cell kept as lines (the build decides what a line break means for each
segment). The DOCX is opened as any draft is (:mod:`moukit.checking.readers._zip`: fixed
limits, no macros, no DOCTYPE).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..errors import DraftError, TranslationError, TranslationProblem
from ..forms import INSTRUMENTS, get_form
from ..i18n import N_
from .segments import LEXICON, Segment, find_placeholders, glossary

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_NAMESPACES = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                "http://purl.oclc.org/ooxml/wordprocessingml/main")
PLACEHOLDER_COLOR = "1F4E79"
NOTE_COLOR = "595959"
ID_COLOR = "7F7F7F"
TRANSLATION_FILL = "FFF9E5"  # the cells to write in: a pale yellow
ID_FILL = "F2F2F2"
WIDTHS_CM = (4.4, 11.2, 11.1)  # id, English, translation: A4 landscape less 1.5 cm margins
KEYWORDS = "moukit-pack-translation"


@dataclass(frozen=True)
class TranslatedText:
    """The translation of one segment as a file holds it, and where (``table 2, row 5``)."""

    text: str
    where: str


@dataclass
class TranslationFile:
    """What a translator's file (DOCX or XLIFF) holds: its language and the translation of
    each segment id, with what was noticed while reading it."""

    file: str
    format: str  # "docx" or "xliff"
    lang: str | None
    texts: dict[str, TranslatedText] = field(default_factory=dict)
    problems: list[TranslationProblem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def optional_note(seg: Segment, mark: str) -> str:
    """The segment's note, with ``mark`` added for an optional segment whose note does not
    already say so (a number word's note says what an empty one gives: once is enough)."""
    return seg.note + (mark if seg.optional and "Optional" not in seg.note else "")


def group_title(group: str) -> str:
    """The heading of a part of the file: the form's name, or the lexicon's."""
    if group == LEXICON:
        return "Words and names (put into the sentences above in place of the placeholders)"
    if group in INSTRUMENTS:
        form = get_form(group)
        return f"{form.name} ({group.upper()})"
    return group


def instructions(name: str, lang: str, *, xliff: bool = False) -> list[str]:
    """How to translate, one paragraph each (the first page of the DOCX, notes of the XLIFF)."""
    where = ("Translate each unit into the target. Keep the unit ids." if xliff else
             f"Write your translation into {name} in the right-hand column, row by row. Do not "
             "change the id and the English columns, and do not add, delete or move rows: moukit "
             "finds each translation by the id in the first column.")
    keep = ("Keep every placeholder tag ({partner_name}, {date}...) in the target; move it to "
            "where your sentence needs it." if xliff else
            "Keep every placeholder in curly braces, such as {partner_name} or {date}, exactly as "
            "it is written; move it to where your sentence needs it.")
    return [
        where,
        keep + " It is replaced by a name, a date or a wording from the table of words when an "
        "agreement is made. {Parties} is {parties} with a capital first letter, for the start of "
        "a sentence; write any placeholder so where your sentence starts with it and the English "
        + ("does not (type {Parties} as text in place of the {parties} tag)." if xliff else "does not."),
        "These agreements are not legally binding. \u201cWill\u201d says what the two sides "
        "intend to do: translate it with a plain future or a word of intention. Never use a "
        "word of obligation (shall, must, undertake, be obliged to, guarantee, commit, binding).",
        f"A clause with options has one {'unit' if xliff else 'row'} for each option, for example "
        "clause 5 with a fixed term and with an open term. Translate each as a whole sentence.",
        "Titles and signature blocks have several lines: keep one line for each line of the "
        + ("English (keep the line-break tags)." if xliff else "English (press Enter between them)."),
        f"{'Units' if xliff else 'Rows'} marked \u201coptional\u201d may be left empty.",
    ] + ([] if xliff else [
        "Word may give the first letter of a cell a capital by itself. Where your language "
        "writes the word with a small letter (it is used inside a sentence), change it back.",
        "Save the file as a Word document (.docx) and send it back.",
    ])


# ------------------------------------------------------------------ writing


def write_translator_docx(lang: str, segments: list[Segment], settings: dict) -> bytes:
    """The translator's DOCX for ``lang`` (its ``settings`` give the language's name and
    locale)."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    from ..rendering.writers import docx_style

    name = str(settings.get("name") or lang)
    target = docx_style.style_for(lang, settings.get("locale"))
    english = docx_style.style_for("en")
    doc = docx.Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Calibri", Pt(10.5)

    props = doc.core_properties
    props.title = f"moukit: translation into {name} ({lang})"
    props.subject = "the standardized sister-city LOI and MOU of Thai provinces"
    props.language = lang
    props.keywords = f"{KEYWORDS} {lang}"
    props.comments = ("Made by 'moukit pack new'; read back by 'moukit pack build'. "
                      "Do not change the id column.")
    props.author = "moukit"

    doc.add_heading(f"Translation into {name} ({lang}): the sister-city Letter of Intent "
                    "and Memorandum of Understanding", level=1)
    doc.add_paragraph(
        "This file holds every sentence and word of the standardized Letter of Intent (LOI) "
        "and Memorandum of Understanding (MOU) that a Thai province signs with a foreign "
        "partner, as the Ministry of Foreign Affairs of Thailand publishes them in English. "
        f"Your translation becomes the {name} version of these agreements: moukit reads it "
        "back from this file.")
    doc.add_heading("How to translate", level=2)
    for text in instructions(name, lang):
        _rich(doc.add_paragraph(style="List Bullet"), text)
    doc.add_heading("The placeholders", level=2)
    table = doc.add_table(rows=1, cols=2)
    table.style = doc.styles["Table Grid"]
    _header(table.rows[0], ("placeholder", "what it stands for"))
    for shown, meaning in glossary(segments):
        row = table.add_row()
        _placeholder_run(row.cells[0].paragraphs[0], shown)
        row.cells[0].paragraphs[0].runs[0].font.size = Pt(9.5)
        row.cells[1].paragraphs[0].add_run(meaning).font.size = Pt(9.5)
    _widths(table, (6.0, 20.7))

    groups: dict[str, list[Segment]] = {}
    for seg in segments:
        groups.setdefault(seg.group, []).append(seg)
    for group, segs in groups.items():
        doc.add_page_break()
        doc.add_heading(group_title(group), level=2)
        table = doc.add_table(rows=1, cols=3)
        table.style = doc.styles["Table Grid"]
        _header(table.rows[0], ("id (do not edit)", "English (do not edit)",
                                f"{name} ({lang}): your translation"), repeat=True)
        for seg in segs:
            _segment_row(table.add_row(), seg, english, target)
        _widths(table, WIDTHS_CM)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _rich(paragraph, text: str, *, size=None) -> None:
    """Add ``text`` with its placeholders in bold colour."""
    pos = 0
    for ph in find_placeholders(text):
        if ph.start > pos:
            run = paragraph.add_run(text[pos:ph.start])
            if size:
                run.font.size = size
        _placeholder_run(paragraph, text[ph.start:ph.end], size=size)
        pos = ph.end
    if pos < len(text):
        run = paragraph.add_run(text[pos:])
        if size:
            run.font.size = size


def _placeholder_run(paragraph, text: str, *, size=None):
    from docx.shared import RGBColor

    run = paragraph.add_run(text)
    run.bold = True
    run.font.color.rgb = RGBColor.from_string(PLACEHOLDER_COLOR)
    if size:
        run.font.size = size
    return run


def _header(row, titles: Iterable[str], *, repeat: bool = False) -> None:
    from docx.oxml import parse_xml

    for cell, title in zip(row.cells, titles):
        run = cell.paragraphs[0].add_run(title)
        run.bold = True
        _shade(cell, "D9D9D9")
    if repeat:  # the header row is printed again on every page
        row._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader xmlns:w="{W[1:-1]}"/>'))


def _shade(cell, fill: str) -> None:
    from docx.oxml import parse_xml

    cell._tc.get_or_add_tcPr().append(
        parse_xml(f'<w:shd xmlns:w="{W[1:-1]}" w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def _widths(table, widths_cm) -> None:
    from docx.shared import Cm

    table.autofit = False
    for col, width in zip(table._tbl.tblGrid.findall(f"{W}gridCol"), widths_cm):
        col.set(f"{W}w", str(round(width / 2.54 * 1440)))  # twentieths of a point
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)


def _segment_row(row, seg: Segment, english, target) -> None:
    """One segment: its id, the English and its note, an empty cell for the translation."""
    from docx.shared import Pt, RGBColor

    from ..rendering.writers import docx_style

    id_cell, en_cell, tr_cell = row.cells
    run = id_cell.paragraphs[0].add_run(seg.id)
    run.font.size = Pt(7.5)
    run.font.color.rgb = RGBColor.from_string(ID_COLOR)
    _shade(id_cell, ID_FILL)

    paragraph = en_cell.paragraphs[0]
    for i, line in enumerate(seg.english.split("\n")):
        if i:
            paragraph.add_run().add_break()
        _rich(paragraph, line, size=Pt(10.5))
    for run in paragraph.runs:
        docx_style.style_run(run._r, english, bold=bool(run.bold), thai=False)
        run.font.size = Pt(10.5)
        if run.text and find_placeholders(run.text):
            run.font.color.rgb = RGBColor.from_string(PLACEHOLDER_COLOR)
    note = optional_note(seg, " Optional.")
    run = en_cell.add_paragraph().add_run(note)
    run.italic = True
    run.font.size = Pt(8)
    run.font.color.rgb = RGBColor.from_string(NOTE_COLOR)

    _shade(tr_cell, TRANSLATION_FILL)
    _paragraph_mark(tr_cell.paragraphs[0], target)
    docx_style.keep_row_together(row._tr)


def _paragraph_mark(paragraph, style) -> None:
    """Mark the empty paragraph with the language's run properties, so that what the
    translator types has the language's fonts and Word checks its spelling in it."""
    import copy

    from ..rendering.writers import docx_style

    holder = paragraph.add_run("")
    docx_style.style_run(holder._r, style, thai=style.tag == "th-TH")
    rpr = copy.deepcopy(holder._r.find(f"{W}rPr"))
    holder._r.getparent().remove(holder._r)
    paragraph._p.get_or_add_pPr().append(rpr)


# ------------------------------------------------------------------ reading


def open_document(data: bytes, name: str):
    """The body of a translator's DOCX and the language it says it is for:
    ``(document root, namespace as "{...}", language or None)``. :class:`TranslationError`
    when it is not a readable Word file."""
    from lxml import etree

    from ..checking.readers._zip import open_zip
    from ..checking.readers.model import Limits
    from ..ooxml import safe

    try:
        parts = open_zip(data, name, Limits())
    except DraftError as exc:
        raise TranslationError(name, message=exc._detail, hint=exc.hint) from None  # without the file
    lower = {n.lower(): n for n in parts}
    try:
        root = safe.parse(parts[lower["word/document.xml"]])
    except safe.UnsafeXML as exc:
        raise TranslationError(name, message=N_("{part}: {problem}", part="word/document.xml",
                                                problem=exc.args[0]),
                               hint=N_("open the file in Word and save it again as .docx")) from None
    ns = etree.QName(root).namespace
    if ns not in W_NAMESPACES:
        raise TranslationError(name, message=N_("not a Word document body"),
                               hint=N_("give the .docx that 'moukit pack new' wrote, translated"))
    return root, f"{{{ns}}}", _language(parts, lower)


def read_translator_docx(data: bytes, name: str, segments: list[Segment]) -> TranslationFile:
    """The translations a translator's DOCX holds, by segment id, each with its table and
    row. :class:`TranslationError` when it is not a readable Word file or has no table of
    segments."""
    root, w, lang = open_document(data, name)
    result = TranslationFile(name, "docx", lang)
    by_id = {s.id: s for s in segments}
    by_id_folded = {s.id.casefold(): s for s in segments}
    tables = [t for t in root.iter(f"{w}tbl")]
    for t_index, tbl in enumerate(tables, 1):
        rows = [tr for tr in tbl.iter(f"{w}tr") if _nearest(tr, f"{w}tbl") is tbl]
        for r_index, tr in enumerate(rows, 1):
            cells = [tc for tc in tr.iter(f"{w}tc") if _nearest(tc, f"{w}tr") is tr]
            if not cells:
                continue
            where = N_("table {table}, row {row}", table=t_index, row=r_index)
            raw_id = re.sub(r"[\s\u200b-\u200d\u2060\ufeff]+", "", cell_text(cells[0], w))
            seg = by_id.get(raw_id) or by_id_folded.get(raw_id.casefold())
            if seg is None and len(cells) >= 3 and not raw_id.startswith("id"):
                seg = _by_english(cell_text(cells[1], w), segments)
                if seg is not None:
                    result.notices.append(N_("{where}: the id cell reads {id}; the row was "
                                             "recognised by its English as {unit}", where=where,
                                             id=repr(raw_id), unit=seg.id))
            if seg is None:
                continue
            if len(cells) < 3:
                result.problems.append(TranslationProblem(
                    seg.id, where, N_("the row has {count} cells instead of 3 (id, English, "
                                      "translation)", count=len(cells)),
                    N_("split the merged cells again, or copy the translation into a fresh file "
                       "from 'moukit pack new'")))
                continue
            if seg.id in result.texts:
                result.problems.append(TranslationProblem(
                    seg.id, where, N_("a second row for the same segment (the first is in {first})",
                                      first=result.texts[seg.id].where),
                    N_("delete one of the two rows")))
                continue
            result.texts[seg.id] = TranslatedText(cell_text(cells[-1], w), where)
    if not result.texts:
        raise TranslationError(name, message=N_("no table of moukit's segments in the document"),
                               hint=N_("give the .docx that 'moukit pack new' wrote, with the "
                                       "translations in its right-hand column"))
    return result


def _by_english(cell: str, segments: list[Segment]) -> Segment | None:
    """The segment whose English a row's English cell starts with (the note follows it): the
    longest such, if only one is that long."""
    folded = _fold(cell)
    found = [s for s in segments if s.english and folded.startswith(_fold(s.english))]
    if not found:
        return None
    longest = max(len(s.english) for s in found)
    best = [s for s in found if len(s.english) == longest]
    return best[0] if len(best) == 1 else None


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _nearest(element, tag: str):
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _language(parts: dict[str, bytes], lower: dict[str, str]) -> str | None:
    """The language the file is for: the core properties' ``dc:language``."""
    from ..ooxml import safe

    core = lower.get("docprops/core.xml")
    if core is None:
        return None
    try:
        root = safe.parse(parts[core])
    except safe.UnsafeXML:
        return None
    for element in root.iter("{http://purl.org/dc/elements/1.1/}language"):
        value = (element.text or "").strip()
        if value:
            return value
    return None


SKIP = ("del", "moveFrom", "delText", "instrText", "rPr", "pPr", "fldData", "footnoteReference",
        "endnoteReference", "commentReference", "txbxContent", "delInstrText", "tblPr", "tcPr", "trPr")


def cell_text(tc, w: str = W) -> str:
    """The text of a table cell as it reads with tracked changes accepted: its paragraphs as
    lines, a line break as a line too, deleted text and field codes left out."""
    lines = []
    for p in tc.iter(f"{w}p"):
        if _nearest(p, f"{w}tc") is not tc:
            continue
        lines.append("".join(_texts(p, w)))
    return "\n".join(lines)


def _texts(element, w: str):
    from lxml import etree

    for child in element:
        if not isinstance(child.tag, str):
            continue
        local = etree.QName(child).localname
        if local in SKIP or local == "p":
            continue
        if child.tag == f"{w}t":
            yield child.text or ""
        elif local in ("br", "cr"):
            yield "\n"
        elif local == "tab":
            yield "\t"
        elif local == "noBreakHyphen":
            yield "\u2011"
        elif local == "AlternateContent":
            choice = next(iter(child), None)
            if choice is not None:
                yield from _texts(choice, w)
        else:
            yield from _texts(child, w)
