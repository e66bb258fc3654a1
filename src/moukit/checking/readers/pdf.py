"""PDF drafts: the text layer read back into paragraphs, with what PDF extraction breaks in Thai
repaired.

The text layer is read with PDFium (the ``pypdfium2`` package), the engine of Chrome's PDF
viewer: pdfminer.six (pdfplumber) and pypdf misread the fonts typst writes (moukit's own
PDFs: glyph clusters come out as "(cid:7)" or as wrong letters, กิจกรรม as กัจกัร่ร่ม), and
pdfminer lays Thai marks out by their x position (เพื่อ as เพ่อื). PDFium reads the fonts of
typst, LibreOffice and Word right, gives every character with its box in the order of the
content stream (the order it was typeset in, marks after their letter), installs as a wheel
with no system dependency, and is the library pdfplumber itself uses to draw pages.

What a PDF does not store is rebuilt from positions:

- lines from the baseline and the horizontal jumps between table cells (in a PDF that
  draws its spaces, also a gap far wider than them with none drawn in it: cells set
  close), and from PDFium's line ends unless the next character goes on the line (PDFium
  ends a line before a Thai vowel whose box hangs below it); a space where PDFium guessed
  one between two Thai or CJK glyphs is kept only when the gap is a real space (a fifth of
  the font size or more; two fifths between CJK and Latin letters or figures, where
  typesetters add room), never before a Thai mark;
- letters and marks drawn after their line in a second pass (LibreOffice draws the
  Vietnamese letters Liberation Serif lacks from DejaVu into holes left for them, and
  stacked Thai marks over their letters) put back where they stand, a mark on the letter
  under it;
- paragraphs from the vertical gaps (more than a line's pitch), a short line before a
  clause number or a first-line indent; a wrapped line joins the next with a space, Thai
  and CJK lines with none (Thai has no hyphen: a line break inside Thai text is no space),
  a word hyphenated at a line end is joined again (a hyphen joining a word to itself,
  "masing-masing", "bersama-sama", is kept, and so is one the document writes inside a line
  elsewhere: a name broken at its own hyphen, "Jeollanam-do"), and a line ended short (a
  title line, a name under a signature) keeps its line break;
- running heads and feet (the same line on the top or the bottom of several pages, page
  numbers such as "- ๒ -" or "Page 2 of 3") as blocks of another story ("header of page 2");
- text laid out side by side (moukit's parallel layout: a column per language) as a table,
  cell by cell, as the DOCX reader reads table cells (:attr:`Block.table`): a header row
  repeated at the top of a page is read once, a row goes on across a page only when it
  reached the foot of the page before (its next line, at its own pitch, would not have
  fitted) and each of its cells goes on there (its last line was wrapped), or, where it
  stopped up to a line short of the foot (widow control), when one cell, its last line
  wrapped, goes on alone (above the next row, which starts lower), and a line in a cell
  whose next word would not have fitted on it was wrapped (not broken) even in centred
  text; signature blocks (short centred lines in columns, in one size) row by row, a
  cell's wrapped last line joined to its cell;
- a page break (:attr:`Block.page_break_before`) where a page ends early, or where a
  centred title opens the page after the signatures that ended a full page (the next
  language version);
- Thai marks in their order (pythainlp's ``normalize``; a sara am a font draws as nikhahit
  and sara aa, "ำา", as one), NFC, never NFKC.

moukit's own PDFs carry the fingerprint as an attached file ``moukit-fingerprint.json`` (the
keys of the DOCX custom properties, :mod:`moukit.ooxml.properties`); it is read back into
:attr:`Draft.fingerprint`. A PDF without a text layer (a scan), an encrypted or a damaged
PDF, or one beyond :class:`Limits` (``max_pages``, ``max_text_bytes`` characters of text) is
refused with a :class:`moukit.DraftError`.
"""

from __future__ import annotations

import ctypes
import json
import re
import statistics
import threading
import unicodedata
from dataclasses import dataclass, field, replace

from ...errors import DraftError
from ...i18n import N_
from .hyphens import MARK, joining, rejoin, written_with_hyphens
from .model import Block, Collector, Draft, Limits, limit_error, no_text
from .text import starts_clause

FINGERPRINT_FILE = "moukit-fingerprint.json"
MAX_FINGERPRINT_BYTES = 64 * 1024
_LOCK = threading.Lock()  # PDFium is not thread-safe

# Scripts written without spaces between words: a line break inside them is no space.
NO_SPACE = re.compile(r"[\u0E00-\u0E7F\u0E80-\u0EFF\u1780-\u17FF\u1000-\u109F\u3000-\u30FF"
                      r"\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFF60]")
CJK = re.compile(r"[\u3000-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFF60]")
PDFIUM_HYPHEN = "\x02"  # what PDFium gives for a hyphen it found at a line end
PAGE_NUMBER = re.compile(
    r"[\s\-–—.]*(?:(?:page|p\.|หน้า|หน้าที่|ページ|第|페이지)\s*)?[\d๐-๙]+"
    r"(?:\s*(?:/|of|จาก|ใน|頁|页|페이지)\s*[\d๐-๙]+)?\s*(?:頁|页|ページ)?[\s\-–—.]*", re.IGNORECASE)
DIGITS = re.compile(r"[\d๐-๙]+")


@dataclass
class Line:
    """One line of text on a page, as set: its text and where it stands (points, from the top)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int
    first_word: float = 0.0  # width of the text before the line's first space
    space_after: bool = False  # the line ends with a space that was set (not one PDFium guessed)
    word_gap: float | None = None  # the median width of the spaces between its words
    story: str | None = None


@dataclass
class Run:
    """Lines read one after the other in one place: the body, or one table cell."""

    lines: list[Line] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(line.x0 for line in self.lines)

    @property
    def x1(self) -> float:
        return max(line.x1 for line in self.lines)

    @property
    def top(self) -> float:
        return min(line.top for line in self.lines)

    @property
    def bottom(self) -> float:
        return max(line.bottom for line in self.lines)


def read(data: bytes, name: str, limits: Limits) -> Draft:
    """A PDF draft: its paragraphs in reading order and moukit's fingerprint if it has one."""
    with _LOCK:
        document = _open(data, name)
        try:
            pages, images = _pages(document, name, limits)
            fingerprint = _fingerprint(document)
        finally:
            document.close()
    if not any(line.text.strip() for page in pages for line in page):
        raise _scan_error(name, images)
    out = Collector(name, limits)
    _collect(pages, out)
    written = written_with_hyphens(line.text for page in pages for line in page)
    blocks = [replace(b, text=rejoin(b.text, written)) if MARK in b.text else b for b in out.blocks]
    return Draft(name, "pdf", no_text(blocks, name), False, fingerprint)


# --------------------------------------------------------------------------- the file

def _open(data: bytes, name: str):
    """The PDFium document; :class:`DraftError` for an encrypted or damaged file."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == raw.FPDF_ERR_PASSWORD:
            raise DraftError(name, N_("a password-protected (encrypted) PDF, which cannot be read"),
                             hint=N_("ask for the PDF without a password, or better the .docx it "
                                     "was made from")) from None
        raise _damaged(name) from None
    except (OSError, ValueError, MemoryError):
        raise _damaged(name) from None


def fingerprint_of(data: bytes) -> dict | None:
    """moukit's fingerprint attached to the PDF ``data``; None when it has none or cannot be
    read (``moukit render -o`` asks before replacing a PDF)."""
    try:
        document = _open(data, "<pdf>")
    except DraftError:
        return None
    try:
        return _fingerprint(document)
    finally:
        document.close()


def _damaged(name: str) -> DraftError:
    return DraftError(name, N_("not a readable PDF (the file is damaged, truncated or not a PDF)"),
                      hint=N_("ask for the file again, or for the .docx the PDF was made from"))


def _scan_error(name: str, images: int) -> DraftError:
    what = (N_("a scanned PDF: its pages are images, with no text to read") if images
            else N_("a PDF with no text layer: its pages hold no text to read"))
    return DraftError(name, what, hint=N_("ask for the .docx the PDF was made from, or run OCR on "
                                          "the PDF first (with Thai text recognition) and check "
                                          "the result"))


def _pages(document, name: str, limits: Limits) -> tuple[list[list[Line]], int]:
    """Every page's lines, and how many image objects the pages hold (a scan has only those)."""
    import pypdfium2.raw as raw

    count = len(document)
    if count > limits.max_pages:
        raise limit_error(name, N_("the number of pages ({count})", count=count), "max_pages",
                          limits.max_pages)
    pages, chars, images = [], 0, 0
    for number in range(count):
        try:
            page = document[number]
            textpage = page.get_textpage()
            chars += textpage.count_chars()
            if chars > limits.max_text_bytes:
                raise limit_error(name, N_("the text of the PDF"), "max_text_bytes", limits.max_text_bytes)
            pages.append(_lines(textpage, page.get_height(), number + 1))
            if not pages[-1]:
                images += sum(1 for obj in page.get_objects(max_depth=2)
                              if obj.type == raw.FPDF_PAGEOBJ_IMAGE)
        except DraftError:
            raise
        except Exception:  # PDFium reports a damaged page object by any of its errors
            raise _damaged(name) from None
    return pages, images


def _fingerprint(document) -> dict | None:
    """moukit's fingerprint from the attached ``moukit-fingerprint.json``, or None (also when
    it is not a JSON object of short texts)."""
    for index in range(document.count_attachments()):
        attachment = document.get_attachment(index)
        if attachment.get_name() != FINGERPRINT_FILE:
            continue
        try:
            blob = bytes(attachment.get_data())
        except Exception:  # an attachment PDFium cannot unpack carries no fingerprint
            return None
        if len(blob) > MAX_FINGERPRINT_BYTES:
            return None
        try:
            value = json.loads(blob.decode("utf-8"))
        except ValueError:
            return None
        if not isinstance(value, dict):
            return None
        return {str(k): str(v) for k, v in value.items() if isinstance(v, (str, int, float))} or None
    return None


# --------------------------------------------------------------------------- characters to lines

def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me")


def _lines(textpage, height: float, page: int) -> list[Line]:
    """The page's lines in content-stream order: a new line at PDFium's line end, a change of
    baseline, or a jump to another column."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    groups: list[tuple[list, bool]] = []  # the characters of each line, and set beside the one before
    current: list[tuple[str, float, float, float, float, float, bool]] = []
    gap_before = False

    def close() -> None:
        nonlocal gap_before
        if current:
            line, later = _second_pass(_without_repeats(current))
            if not _fill_holes(groups, line):
                groups.append((line, gap_before))
            if later and not _fill_holes(groups, later):
                groups[-1] = (groups[-1][0] + later, groups[-1][1])
            current.clear()
        gap_before = False

    x_origin, y_origin = ctypes.c_double(), ctypes.c_double()
    pending = 0  # a high surrogate waiting for its pair
    guessed = False  # PDFium guessed a line end before this character
    for i in range(textpage.count_chars()):
        code = raw.FPDFText_GetUnicode(textpage, i)
        if 0xD800 <= code < 0xDC00:
            pending = code
            continue
        if 0xDC00 <= code < 0xE000:
            if not pending:
                continue
            code, pending = 0x10000 + ((pending - 0xD800) << 10) + (code - 0xDC00), 0
        if code in (0, 0xFFFE, 0xFFFF, 0xFFFD) or code > 0x10FFFF:
            continue
        ch = "\u00ad" if chr(code) == PDFIUM_HYPHEN else chr(code)
        if (unicodedata.category(ch) == "Cc" and ch not in "\r\n\t\f\v"
                or unicodedata.category(ch) == "Cf" and ch != "\u00ad"):
            continue  # controls; zero-width joiners and break hints (U+200B, U+2060) are no text
        generated = raw.FPDFText_IsGenerated(textpage, i) == 1
        if ch in "\r\n\f\v\u2028\u2029":
            if generated:
                guessed = True  # PDFium's guess: the next character tells
            else:
                close()
            continue
        try:
            left, _, right, _ = textpage.get_charbox(i, loose=True)
        except pdfium.PdfiumError:  # a character without a box is not set on the page
            continue
        size = raw.FPDFText_GetFontSize(textpage, i) or 1.0
        raw.FPDFText_GetCharOrigin(textpage, i, x_origin, y_origin)
        baseline = height - y_origin.value
        char = (ch, left, right, baseline - 0.8 * size, baseline + 0.2 * size, size, generated)
        if guessed and current and not _goes_on(current, char):
            close()
        guessed = False
        if current and not _is_mark(ch) and not ch.isspace():
            reason = _breaks(current, char)
            if reason:
                close()
                gap_before = reason == "gap" and bool(groups)  # the next line starts beside
        current.append(char)
    close()
    lines: list[Line] = []
    beside: set[int] = set()
    apart: set[int] = set()  # lines split where no space is drawn: never joined again
    for chars, after_gap in groups:
        for number, part in enumerate(_cells_apart(chars)):
            line = _line(part, page)
            if line is not None:
                if (after_gap or number > 0) and lines:
                    beside.add(len(lines))
                if number > 0:
                    apart.add(len(lines))
                lines.append(line)
    return _gutters(lines, beside - apart)


def _cells_apart(chars: list) -> list[list]:
    """A line's characters split where, in a PDF that draws its spaces, a gap far wider than
    its spaces has none drawn in it (the next table cell, set close); never between two Thai
    or CJK letters, which justified text sets apart with no space."""
    drawn = [c[2] - c[1] for c in chars if c[0] == " " and not c[6]]
    if not drawn:
        return [chars]
    space = statistics.median(drawn)
    parts: list[list] = [[]]
    last = None  # the last letter
    for char in chars:
        if not char[0].isspace() and not _is_mark(char[0]):
            gap = char[1] - last[2] if last is not None else 0.0
            if (last is not None and gap > max(0.8 * max(char[5], last[5]), 2 * space)
                    and not (NO_SPACE.match(last[0]) and NO_SPACE.match(char[0]))
                    and all(c[6] for c in parts[-1][parts[-1].index(last) + 1:])):
                parts.append([])
            last = char
        parts[-1].append(char)
    return parts


def _second_pass(chars: list) -> tuple[list, list]:
    """The characters of a line split into those set in reading order and those set back
    over the line after them (a second pass, until the text goes on from the line's end)."""
    last = None  # the last letter set in reading order
    first_after = None  # the last character of the second pass while it goes on
    first: list = []
    later: list = []
    for char in chars:
        back = last is not None and char[1] < last[2] - 0.1 * char[5]
        if char[0].isspace():
            (later if later and back and later[-1] is first_after else first).append(char)
            first_after = later[-1] if later else None
            continue
        if last is not None and abs(char[4] - last[4]) < 0.2 * char[5]:
            if (not later and char[2] <= last[1] + 0.1 * char[5]) or (later and back and later[-1] is first_after):
                later.append(char)
                first_after = char
                continue
        first.append(char)
        first_after = None  # the text goes on: the second pass is over
        if not _is_mark(char[0]):
            last = char
    return first, later


def _fill_holes(groups: list[tuple[list, bool]], chars: list) -> bool:
    """Put ``chars`` into the holes of a line set before on the same baseline, and say so:
    a PDF maker that draws the letters a font lacks from another font (LibreOffice: the
    Vietnamese letters Liberation Serif lacks, from DejaVu) or stacked Thai marks sets them
    after the whole line, in the holes left for them or over their letters."""
    signs = [c for c in chars if not c[0].isspace()]
    if not signs:
        return False
    bases = [c for c in signs if not _is_mark(c[0])]
    size = max(c[5] for c in signs)
    for index in range(len(groups) - 1, max(len(groups) - 4, -1), -1):
        line = groups[index][0]
        set_there = [c for c in line if not _is_mark(c[0]) and not c[0].isspace()]
        if not set_there or abs(set_there[-1][4] - signs[0][4]) > 0.2 * size:
            continue
        if not (min(c[1] for c in set_there) - size < signs[0][1] and signs[-1][2] < max(c[2] for c in set_there) + size):
            return False
        if any(min(a[2], b[2]) - max(a[1], b[1]) > 0.25 * (b[2] - b[1]) for a in set_there for b in bases):
            return False  # letters set over letters already there: not a hole
        groups[index] = (_merged(line, chars), groups[index][1])
        return True
    return False


def _merged(line: list, chars: list) -> list:
    """The characters of two passes over one line in the order they stand (each letter with
    the marks set on it, a mark of the second pass with the letter under it); the spaces
    PDFium guessed beside a letter of the second pass guessed again from the gaps."""
    clusters: list[tuple[list, bool]] = []  # (characters, set in the second pass)
    for number, part in enumerate((line, chars)):
        opened = len(clusters)
        for char in part:
            if char[6] and char[0].isspace() and number == 1:
                continue
            if _is_mark(char[0]) and (number == 0 or len(clusters) > opened):
                if clusters and not clusters[-1][0][0][0].isspace():
                    clusters[-1][0].append(char)
                    continue
            elif _is_mark(char[0]):
                under = _under([c for c, _ in clusters], char)
                if under is not None:
                    under.append(char)
                    continue
            clusters.append(([char], number == 1))
    clusters.sort(key=lambda cluster: cluster[0][0][1])
    out: list = []
    after_second = False  # the cluster just put out was set in the second pass
    for index, (cluster, second) in enumerate(clusters):
        head = cluster[0]
        if head[6] and head[0].isspace():
            if any(clusters[k][1] for k in (index - 1, index + 1) if 0 <= k < len(clusters)):
                continue  # a hole PDFium took for a space: guessed again below
            out.extend(cluster)
            after_second = False
            continue
        before = next((c for c in reversed(out) if not _is_mark(c[0])), None)
        if (before is not None and (second or after_second) and not before[0].isspace()
                and not head[0].isspace() and head[1] - before[2] > _space_width(before, head)):
            out.append((" ", before[2], head[1], head[3], head[4], head[5], True))
        out.extend(cluster)
        after_second = second
    return out


def _space_width(before: tuple, after: tuple) -> float:
    """The narrowest gap between two glyphs that is a space: a fifth of the font size beside a
    Thai or CJK letter, less between Latin letters."""
    size = max(before[5], after[5])
    return (0.2 if NO_SPACE.match(before[0]) or NO_SPACE.match(after[0]) else 0.15) * size


def _under(clusters: list[list], mark: tuple) -> list | None:
    """The cluster whose letter stands under ``mark`` (its box holds the mark's centre), else
    the nearest on its left."""
    centre = (mark[1] + mark[2]) / 2
    letters = [c for c in clusters if not c[0][0].isspace() and c[0][1] <= centre]
    inside = [c for c in letters if centre <= c[0][2]]
    found = inside or sorted(letters, key=lambda c: c[0][1])
    return found[-1] if found else None


def _gutters(lines: list[Line], beside: set[int]) -> list[Line]:
    """Lines split at a wide gap joined again unless the gap is a gutter between columns: far
    wider than the line's spaces (justified text stretches them all alike), between two Thai
    or CJK letters, or, between single words, a gap no line above or below is set right
    across, unless the line's gaps are all alike (:func:`_stretched`)."""
    out: list[Line] = []
    steps = [b.top - a.top for a, b in zip(lines, lines[1:]) if 0.5 * a.size < b.top - a.top < 4 * a.size]
    pitch = statistics.median(steps) if steps else 0.0  # the page's line spacing (double spacing: more)
    stretched = _stretched(lines, beside)
    for index, line in enumerate(lines):
        before = out[-1] if out else None
        if index in stretched and before is not None:
            out[-1] = Line(before.text + " " + line.text, before.x0, line.x1, min(before.top, line.top),
                           max(before.bottom, line.bottom), before.size, before.page, before.first_word,
                           line.space_after)
            continue
        if index in beside and before is not None:
            gap = (before.x1 + 0.25 * line.size, line.x0 - 0.25 * line.size)
            near = max(1.6 * line.size, 1.2 * pitch)
            crossed = any(other.x0 < gap[0] and other.x1 > gap[1] and 0 < abs(other.top - line.top) < near
                          for other in lines)  # a line above or below set right across the gap
            spaces = [w for w in (before.word_gap, line.word_gap) if w is not None]
            if spaces:  # justified text stretches every space of a line alike; a gutter stands out
                gutter = line.x0 - before.x1 > 2.5 * max(spaces)
            elif NO_SPACE.match(before.text[-1:]) and NO_SPACE.match(line.text[:1]):
                gutter = True  # Thai and CJK text is never stretched that far between two letters
            else:
                gutter = not crossed
            if not gutter:
                out[-1] = Line(before.text + " " + line.text, before.x0, line.x1, min(before.top, line.top),
                               max(before.bottom, line.bottom), before.size, before.page, before.first_word,
                               line.space_after)
                continue
        out.append(line)
    return out


def _stretched(lines: list[Line], beside: set[int]) -> set[int]:
    """The pieces of a justified line of a few words stretched across its measure, split at
    every space ("Rayong    Province    and" above a short last line): three single words or
    more, in letters, set beside each other at gaps all alike (justification stretches each
    space of a line by as much; the columns of a table stand apart by whatever their texts
    leave). Returns the indexes of the pieces after the first."""
    found: set[int] = set()
    start = 0
    while start < len(lines):
        end = start + 1
        while end < len(lines) and end in beside:
            end += 1
        pieces = lines[start:end]
        gaps = [b.x0 - a.x1 for a, b in zip(pieces, pieces[1:])]
        if (len(pieces) >= 3 and max(gaps) - min(gaps) < 0.1 * pieces[0].size
                and all(" " not in p.text and any(c.isalpha() for c in p.text) and not NO_SPACE.search(p.text)
                        for p in pieces)):
            found.update(range(start + 1, end))
        start = end
    return found


def _goes_on(current: list, char: tuple) -> bool:
    """A line end PDFium guessed before ``char`` is none: ``char`` is a mark (a Thai vowel
    below the line, whose low box PDFium takes for another line) or is set on the same
    baseline right after the line's last letter."""
    if _is_mark(char[0]):
        return True
    bases = [c for c in current if not _is_mark(c[0]) and not c[0].isspace()]
    if not bases:
        return False
    last = bases[-1]
    return abs(char[4] - last[4]) < 0.1 * char[5] and -0.1 * char[5] <= char[1] - last[2] < 0.3 * char[5]


def _breaks(current: list, char: tuple) -> str | None:
    """Why ``char`` starts a new line ("line": another baseline or back to the left; "gap":
    far beyond the line's end), or None."""
    bases = [c for c in current if not _is_mark(c[0]) and not c[0].isspace()]
    if not bases:
        return None
    last = bases[-1]
    size = max(last[5], char[5])
    if abs(char[4] - last[4]) > 0.5 * size or char[1] < last[1] - size:
        return "line"
    return "gap" if char[1] - last[2] > 1.5 * size else None


def _line(chars: list, page: int) -> Line | None:
    """A line from its characters: spaces PDFium guessed kept only where there is a gap."""
    chars = _without_repeats(chars)
    bases = [c for c in chars if not _is_mark(c[0]) and not c[0].isspace()]
    if not bases:
        return None
    pieces: list[str] = []
    for index, (ch, *_rest, generated) in enumerate(chars):
        if ch.isspace():
            if generated and not _real_gap(chars, index):
                continue
            if index + 1 < len(chars) and _is_mark(chars[index + 1][0]):
                continue  # never a space before a Thai mark
            ch = " "
        pieces.append(ch)
    text = "".join(pieces).strip()
    if not text:
        return None
    size = statistics.median(c[5] for c in bases)
    space = next((c for c in chars if c[0].isspace() and chars.index(c) > 0), None)
    first_word = (space[1] if space else max(c[2] for c in bases)) - bases[0][1]
    set_chars = [c for c in chars if not c[6]]
    space_after = bool(set_chars) and set_chars[-1][0].isspace()
    widths = [b[1] - a[2] for a, b in zip(bases, bases[1:])
              if any(c[0].isspace() for c in chars[chars.index(a):chars.index(b)])]
    return Line(text, bases[0][1], max(c[2] for c in bases), min(c[3] for c in bases),
                max(c[4] for c in bases), size, page, first_word, space_after,
                statistics.median(widths) if widths else None)


def _without_repeats(chars: list) -> list:
    """The characters without a cluster read twice: PDFium gives a cluster spanned by an
    ``/ActualText`` (ซึ่ง in Typst's PDFs) and then again from a glyph's own map, the repeat
    set over the cluster or with no width (ที่ที่, written twice, stands side by side)."""
    clusters: list[list] = []  # a letter with the marks on it
    for char in chars:
        if clusters and _is_mark(char[0]) and not clusters[-1][-1][0].isspace():
            clusters[-1].append(char)
        else:
            clusters.append([char])
    out: list[list] = []
    for cluster in clusters:
        before = out[-1] if out else None
        letters = [c[0] for c in cluster]
        if (before is not None and len(cluster) > 1 and letters == [c[0] for c in before]
                and min(c[1] for c in cluster) < max(c[2] for c in before) - 0.5):
            continue  # the same letters again, set over them: the repeat
        if (len(cluster) > 1 and max(c[2] for c in cluster) - min(c[1] for c in cluster) < 0.2 * cluster[0][5]
                and any(letters == [c[0] for c in other] for other in out[-3:])):
            continue  # the same letters as a cluster just before, with no width: the repeat
        out.append(cluster)
    return [char for cluster in out for char in cluster]


def _real_gap(chars: list, index: int) -> bool:
    """A space PDFium guessed between two glyphs is a real one: Latin glyphs apart, or Thai
    and CJK glyphs at least a fifth of the font size apart."""
    before = next((c for c in reversed(chars[:index]) if not c[0].isspace()), None)
    after = next((c for c in chars[index + 1:] if not c[0].isspace()), None)
    if before is None or after is None:
        return False
    if _is_mark(after[0]):
        return False
    if NO_SPACE.match(before[0]) or NO_SPACE.match(after[0]):
        size = max(before[5], after[5])
        gap = after[1] - max(c[2] for c in chars[:index] if not _is_mark(c[0]) and not c[0].isspace())
        if bool(CJK.match(before[0])) != bool(CJK.match(after[0])) and not (NO_SPACE.match(before[0])
                                                                           and NO_SPACE.match(after[0])):
            return gap >= 0.4 * size  # between CJK and Latin letters or figures typesetters add a little room
        return gap >= 0.2 * size
    return True


# --------------------------------------------------------------------------- lines to blocks

def _collect(pages: list[list[Line]], out: Collector) -> None:
    """Blocks of every page: running heads, the body (tables cell by cell), running feet."""
    heads, feet = _furniture(pages)
    body_bottom = max((line.bottom for number, page in enumerate(pages) for line in page
                       if line not in feet.get(number, ())), default=0.0)
    if feet:  # the text area ends above the running feet
        body_bottom = max(body_bottom, min(line.top for lines in feet.values() for line in lines) - 2 * max(
            line.size for lines in feet.values() for line in lines))
    tables = _TableState()
    previous: Line | None = None
    lowest: Line | None = None  # the lowest body line of the page before
    edges = (min(line.x0 for page in pages for line in page), max(line.x1 for page in pages for line in page))
    for number, page in enumerate(pages):
        for line in heads.get(number, []):
            out.add(repair(line.text), story=N_("header of page {number}", number=number + 1))
        body = [line for line in page if line not in heads.get(number, []) and line not in feet.get(number, [])]
        if lowest is not None and body and (_ended_early(lowest, body_bottom)
                                            or (tables.signatures and _opens_centred(body, *edges))):
            out.page_break = True  # the page ended early, or a full page ended with the signatures
            previous = None
        lowest = max(body, key=lambda line: line.bottom, default=lowest)
        # a table row the page before ended in goes on on this page when its text reached the
        # bottom of the text area: the next line of a cell would not have fitted there (a row
        # that ends higher stopped there: the next did not fit)
        continued = tables.open and tables.reach is not None and tables.reach > body_bottom
        # or stopped a line short of it, where one of its cells may go on alone (widow control)
        tables.widowed = tables.open and tables.widow_reach is not None and tables.widow_reach > body_bottom
        previous = _body(body, out, tables, previous, continued)
        for line in feet.get(number, []):
            out.add(repair(line.text), story=N_("footer of page {number}", number=number + 1))


def _opens_centred(body: list[Line], left: float, right: float) -> bool:
    """The page opens with a line standing alone centred between ``left`` and ``right`` (the
    edges of the text), a title, not with a table row."""
    first = min(body, key=lambda line: line.top)
    alone = not any(line is not first and abs(line.top - first.top) < 0.3 * first.size for line in body)
    return (alone and abs(_centre(first) - (left + right) / 2) < first.size
            and first.x1 - first.x0 < 0.8 * (right - left))


def _ended_early(last: Line, body_bottom: float) -> bool:
    """The page ended well above the lowest text of the document: an explicit page break."""
    return last.bottom < body_bottom - 5 * last.size


def _furniture(pages: list[list[Line]]) -> tuple[dict[int, list[Line]], dict[int, list[Line]]]:
    """Running heads and feet by page: the top (bottom) line of a page, set apart from the
    body, that is a page number or comes back on another page (its figures aside)."""
    heads: dict[int, list[Line]] = {}
    feet: dict[int, list[Line]] = {}
    for end, found in (("top", heads), ("bottom", feet)):
        candidates: dict[int, Line] = {}
        for number, page in enumerate(pages):
            if len(page) < 2:
                continue
            ordered = sorted(page, key=lambda line: line.top)
            edge, nxt = (ordered[0], ordered[1]) if end == "top" else (ordered[-1], ordered[-2])
            gap = nxt.top - edge.bottom if end == "top" else edge.top - nxt.bottom
            if gap > 0.75 * edge.size:
                candidates[number] = edge
        shapes = [DIGITS.sub("#", line.text.strip()) for line in candidates.values()]
        for number, line in candidates.items():
            if PAGE_NUMBER.fullmatch(line.text.strip()) or shapes.count(DIGITS.sub("#", line.text.strip())) >= 2:
                found[number] = [line]
    return heads, feet


@dataclass
class _TableState:
    number: int = -1  # the table being read (-1: none yet)
    row: int = 0
    columns: list[tuple[float, float]] = field(default_factory=list)
    open: bool = False  # the last rows read were of this table
    reach: float | None = None  # where the next line of a cell of the last row read would end, at most
    widow_reach: float | None = None  # the same, a line further
    widowed: bool = False  # this page may go on with one cell of the last row (see _collect)
    header: dict[int, str] = field(default_factory=dict)  # the first row's text by column
    signatures: bool = False  # the last text read was a table of short centred lines
    ends: dict[int, Line] = field(default_factory=dict)  # the last line of each cell of the last row


def _runs(lines: list[Line]) -> list[Run]:
    """Lines in stream order grouped into runs: a new run where the text goes back up or
    moves beside the run (another table cell)."""
    runs: list[Run] = []
    for line in lines:
        run = runs[-1] if runs else None
        if run is not None:
            last = run.lines[-1]
            beside = (line.x0 >= run.x1 - line.size or line.x1 <= run.x0 + line.size
                      or (abs(line.top - last.top) < 0.3 * line.size and line.x0 >= last.x1))
            if line.top >= last.top - 0.5 * line.size and not beside:
                run.lines.append(line)
                continue
            # a table written line by line: the line goes on in the cell it is under
            above = next((r for r in reversed(runs[-4:-1]) if line.x0 < r.x1 - line.size
                          and line.x1 > r.x0 + line.size
                          and 0 < line.top - r.lines[-1].top < 1.6 * line.size
                          and all(abs(o.lines[-1].top - r.lines[-1].top) < 0.3 * line.size
                                  for o in runs[runs.index(r):])), None)
            if above is not None and beside:
                above.lines.append(line)
                continue
        runs.append(Run([line]))
    return runs


def _rows(runs: list[Run]) -> list[list[Run]]:
    """Runs side by side (overlapping vertically, each right of the one before) as one row;
    a run whose last lines stand beside the next run is split there (a table after text)."""
    rows: list[list[Run]] = []
    for run in runs:
        row = rows[-1] if rows else None
        if row is not None:
            top, bottom = min(r.top for r in row), max(r.bottom for r in row)
            size = run.lines[0].size
            if run.top < bottom and run.bottom > top and run.x0 >= row[-1].x1 - size:
                row.append(run)
                continue
            if len(row) == 1 and run.top < bottom:
                lines = row[0].lines
                cut = next((k for k, line in enumerate(lines) if line.bottom > run.top + 0.2 * size), len(lines))
                if 0 < cut < len(lines) and all(line.x1 <= run.x0 + size for line in lines[cut:]):
                    rows[-1] = [Run(lines[:cut])]
                    rows.append([Run(lines[cut:]), run])
                    continue
        rows.append([run])
    return rows


def _columns(rows: list[list[Run]]) -> list[tuple[float, float]]:
    """The columns of table rows: the union of the spans of their cells."""
    spans = sorted((r.x0, r.x1) for row in rows for r in row)
    columns: list[list[float]] = []
    for x0, x1 in spans:
        if columns and x0 < columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    return [(a, b) for a, b in columns]


def _column_of(run: Run, columns: list[tuple[float, float]]) -> int | None:
    centre = (run.x0 + run.x1) / 2
    return next((i for i, (a, b) in enumerate(columns) if a - run.lines[0].size <= centre <= b + run.lines[0].size), None)


def _bands(lines: list[Line]) -> list[list[Line]]:
    """Lines on one baseline (top to bottom), each band left to right."""
    bands: list[list[Line]] = []
    for line in sorted(lines, key=lambda line: line.top):
        if bands and abs(line.top - bands[-1][0].top) < 0.3 * line.size:
            bands[-1].append(line)
        else:
            bands.append([line])
    return [sorted(band, key=lambda line: line.x0) for band in bands]


def _centre(line: Line) -> float:
    return (line.x0 + line.x1) / 2


def _grids(lines: list[Line]) -> list[list[list[Line]]]:
    """Tables of short centred lines (signature blocks: a "For ..." row, a signing line, a
    name, a position, a column per party), each as its bands top to bottom: two or more
    bands of lines side by side whose centres stand in the same columns while their left
    edges do not (centred, not left-aligned text), lines no wider than the space between
    two columns, and on a single line only what stands in one of those columns."""
    bands = _bands(lines)
    grids: list[list[list[Line]]] = []
    start = 0
    while start < len(bands):
        first = bands[start]
        if len(first) < 2 or not _short(first, [_centre(line) for line in first]) or not _one_size(first):
            start += 1
            continue
        centres = [_centre(line) for line in first]
        end = start + 1
        while end < len(bands) and _in_columns(bands[end], bands[end - 1], centres):
            end += 1
        grid = bands[start:end]
        while grid and len(grid[-1]) < 2 and not _wrapped(grid[-1], grid[:-1], centres):
            grid.pop()  # a table ends with a row of lines side by side (or a cell's last line)
        if len(grid) >= 2 and _centred(grid, centres):
            grids.append(grid)
            start += len(grid)
        else:
            start += 1
    return grids


def _wrapped(band: list[Line], above: list[list[Line]], centres: list[float]) -> bool:
    """``band`` holds the wrapped last lines of cells of the row above: fewer lines than
    columns, each a line's pitch under a line of its column."""
    if not above or len(band) >= len(centres):
        return False
    steps = [b[0].top - a[0].top for a, b in zip(above, above[1:])]
    pitch = 1.1 * min(steps) if steps else 2 * band[0].size  # the rows of names and positions
    return all(any(abs(_centre(other) - _centre(line)) < line.size and 0 < line.top - other.top < pitch
                   for other in above[-1]) for line in band)


def _short(band: list[Line], centres: list[float]) -> bool:
    """Every line narrower than the space between two columns."""
    pitch = min(b - a for a, b in zip(centres, centres[1:])) if len(centres) > 1 else 0.0
    return all(line.x1 - line.x0 < pitch for line in band)


def _one_size(band: list[Line]) -> bool:
    """The lines side by side are set in one size: a row of signature blocks, not lines of
    cells in different languages set each in its own size (the parallel layout's title)."""
    sizes = [line.size for line in band]
    return max(sizes) - min(sizes) < 0.1 * max(sizes)


def _in_columns(band: list[Line], above: list[Line], centres: list[float]) -> bool:
    """``band`` goes on a table of these column ``centres``: near the band above (no more
    than a signing space below it), each line short and centred on its own column."""
    size = max(line.size for line in band)
    if band[0].top - above[0].top > 5 * size or not _short(band, centres) or not _one_size(band):
        return False
    columns = [min(range(len(centres)), key=lambda k: abs(centres[k] - _centre(line))) for line in band]
    return (len(set(columns)) == len(band)
            and all(abs(centres[k] - _centre(line)) < size for k, line in zip(columns, band)))


def _centred(grid: list[list[Line]], centres: list[float]) -> bool:
    """The lines of some column start at different places: centred text, not a left-aligned
    table (its lines start at one edge, their centres wherever their length puts them)."""
    size = max(line.size for band in grid for line in band)
    for centre in centres:
        lefts = [line.x0 for band in grid for line in band if abs(_centre(line) - centre) < size]
        if len(lefts) > 1 and max(lefts) - min(lefts) > size:
            return True
    return False


def _body(lines: list[Line], out: Collector, tables: _TableState, previous: Line | None,
          continued: bool = False) -> Line | None:
    """The body lines of one page as blocks; returns the last body line (for the next page).
    ``continued``: the page goes on with the table row the page before ended in. Tables of
    short centred lines (:func:`_grids`) are read row by row, the text around them as flow."""
    for grid in _grids(lines):
        top, bottom = grid[0][0].top, grid[-1][0].top
        inside = {id(line) for band in grid for line in band}
        size = grid[0][0].size
        low = max(line.bottom for line in grid[-1])
        if any(id(line) not in inside and (top - 0.3 * size < line.top < bottom + 0.3 * size
                                           or (line.top < low - 0.3 * size and line.bottom > top + 0.3 * size))
               for line in lines):
            continue  # text beside the grid: not a table standing on its own
        above = [line for line in lines if line.top < top and id(line) not in inside]
        previous = _flow(above, out, tables, previous, continued)
        _grid(grid, out, tables)
        previous, continued = None, False
        lines = [line for line in lines if line.top > bottom and id(line) not in inside]
    return _flow(lines, out, tables, previous, continued)


def _grid(grid: list[list[Line]], out: Collector, tables: _TableState) -> None:
    """A table of short centred lines, a row per band, a cell per line; it goes on the table
    just read when that has as many columns at the same places (a table across pages), whose
    header row, repeated, is not read again."""
    size = max(line.size for line in grid[0])
    centres = [_centre(line) for line in grid[0]]
    spans = [(line.x0, line.x1) for line in grid[0]]
    same = (tables.open and len(tables.columns) == len(centres)
            and all(a - size <= c <= b + size for (a, b), c in zip(tables.columns, centres)))
    if not same:
        tables.number, tables.row, tables.open, tables.columns = tables.number + 1, 0, True, spans
    for number, band in enumerate(grid):
        wrapped = number > 0 and _wrapped(band, grid[:number], centres)
        if wrapped:
            tables.row -= 1
        for line in band:
            column = min(range(len(centres)), key=lambda k: abs(centres[k] - _centre(line)))
            cell = (tables.number, tables.row, column)
            if not (wrapped and _continue_cell(out, cell, repair(line.text))):
                out.add(repair(line.text), cell)
        tables.row += 1
    tables.reach = tables.widow_reach = max(line.bottom + 1.5 * line.size for line in grid[-1])
    tables.signatures, tables.ends = True, {}


def _flow(lines: list[Line], out: Collector, tables: _TableState, previous: Line | None,
          continued: bool = False) -> Line | None:
    """Lines read as paragraphs and tables by the order they were set in."""
    if not lines:
        return previous
    tables.signatures = False
    rows = _rows(_runs(lines))
    multi = [i for i, row in enumerate(rows) if len(row) > 1]
    in_table = set(multi)
    # a row with one cell filled, between rows of a table and inside one of its columns
    for i, row in enumerate(rows):
        if len(row) == 1 and i - 1 in in_table and i + 1 in multi:
            columns = _columns([rows[i - 1], rows[i + 1]])
            if _column_of(row[0], columns) is not None and row[0].x1 - row[0].x0 < max(b - a for a, b in columns) * 1.2:
                in_table.add(i)
    # the row the page before ended in goes on here in one cell only (the longest: the others
    # ended there), at the top of this page, in a column of the table, where that column's last
    # line was wrapped
    alone = continued or tables.widowed
    if rows and 0 not in in_table and alone and len(rows[0]) == 1 and _goes_on_alone(rows[0][0], tables):
        in_table.add(0)
    first = 0  # the first row of the page, after a header row repeated from the page before
    if 0 in in_table and tables.open and tables.row > 0 and tables.header and _cells(rows[0], tables) == tables.header:
        first = 1
    for i, row in enumerate(rows):
        if i < first:
            continue
        if i in in_table:
            if not tables.open:
                tables.number, tables.row, tables.open = tables.number + 1, 0, True
                table_rows = [rows[j] for j in range(i, len(rows)) if j in in_table]
                tables.columns = _columns(table_rows)
                tables.header = _cells(row, tables)
            if alone and i == first and tables.row > 0:
                row = _carried_over(row, out, tables)
                if not row:
                    continue
            # the row the page before ended in goes on when each of its cells here (but those
            # opening a clause, which start a row of their own) goes on from there
            going = [_cell_goes_on(run, tables) for run in row if not starts_clause(run.lines[0].text)]
            goes_on = continued and i == first and tables.row > 0 and bool(going) and all(going)
            if goes_on:
                tables.row -= 1
            ends: dict[int, Line] = {}
            for run in row:
                column = _column_of(run, tables.columns)
                cell = (tables.number, tables.row, column if column is not None else 0)
                ends[cell[2]] = run.lines[-1]
                width = tables.columns[column][1] - tables.columns[column][0] if column is not None else None
                texts = [text for _, text in _paragraphs(run.lines, None, cell=True, width=width)]
                if goes_on and texts and not starts_clause(texts[0]):
                    texts = texts[1:] if _continue_cell(out, cell, texts[0]) else texts
                for text in texts:
                    out.add(text, cell)
            tables.ends = ends
            tables.row += 1
            tables.reach = max(_next_line_bottom(r) for r in row)
            tables.widow_reach = max(_next_line_bottom(r, 1) for r in row)
            previous = None
            continue
        tables.open = False
        for run in row:
            paragraphs = _paragraphs(run.lines, previous)
            previous = run.lines[-1]
            glue, text = paragraphs[0]
            # the last body paragraph, before the running head of this page
            k = next((k for k in range(len(out.blocks) - 1, -1, -1) if out.blocks[k].story is None), None)
            last = out.blocks[k] if k is not None else None
            if glue is not None and k is not None and last is not None and last.table is None:
                out.blocks[k] = Block(_join(last.text, glue, text), last.index, None,
                                      last.page_break_before)  # goes on from the page before
                paragraphs = paragraphs[1:]
            for _, text in paragraphs:
                out.add(text)
    return previous


def _next_line_bottom(run: Run, further: int = 0) -> float:
    """Where another line of ``run`` would end: a line's pitch below its last (one and a half
    times the font size at least; the pitch of a Thai font, or of double spacing, is more),
    or ``further`` lines below that: a paragraph that would have left one line alone on either
    page moves a line with it (widow and orphan control, Word's default)."""
    last = run.lines[-1]
    steps = [b.top - a.top for a, b in zip(run.lines, run.lines[1:]) if b.top > a.top]
    pitch = min(steps, default=0.0)
    return last.bottom + max(1.5 * last.size, pitch) + further * pitch


def _carried_over(row: list[Run], out: Collector, tables: _TableState) -> list[Run]:
    """The first table row of a page without the end of the row the page before ended in,
    where one cell went on alone (longer than the others): that cell starts higher than the
    others, and its lines above them join it there when its last line was wrapped. The rest
    is the new row (a cell of nothing but such lines is left out of it)."""
    if len(row) < 2:
        return row
    kept = []
    for run in row:
        others = min(r.top for r in row if r is not run)
        size = run.lines[0].size
        cut = next((k for k, line in enumerate(run.lines) if line.bottom > others + 0.2 * size), len(run.lines))
        above = Run(run.lines[:cut])
        column = _column_of(above, tables.columns) if cut else None
        if column is not None and _goes_on_alone(above, tables):
            cell = (tables.number, tables.row - 1, column)
            width = tables.columns[column][1] - tables.columns[column][0]
            texts = [text for _, text in _paragraphs(run.lines[:cut], None, cell=True, width=width)]
            for text in texts[1:] if _continue_cell(out, cell, texts[0]) else texts:
                out.add(text, cell)
            if cut == len(run.lines):
                continue
            run = Run(run.lines[cut:])
        kept.append(run)
    return kept


def _goes_on_alone(run: Run, tables: _TableState) -> bool:
    """``run``, at the top of a page, is the rest of one cell of the row the page before
    ended in (a table of text, not of signatures): it stands inside that cell's column, is
    no clause of its own, and the cell's last line there was wrapped."""
    column = _column_of(run, tables.columns)
    if not tables.open or tables.signatures or tables.row == 0 or column is None:
        return False
    left, right = tables.columns[column]
    size = run.lines[0].size
    return (run.x0 >= left - size and run.x1 <= right + size and not starts_clause(run.lines[0].text)
            and column in tables.ends and _cell_goes_on(run, tables))


def _cell_goes_on(run: Run, tables: _TableState) -> bool:
    """The first line of ``run`` (a cell at the top of a page) may go on from the last line its
    column had on the page before: that line was wrapped, its room too narrow for the first
    word of this one (or the cell was empty there)."""
    column = _column_of(run, tables.columns)
    if column is None:
        return False
    before = tables.ends.get(column)
    if before is None:
        return True
    return tables.columns[column][1] - before.x1 < _first_unit(run.lines[0]) + 0.25 * before.size


def _cells(row: list[Run], tables: _TableState) -> dict[int, str]:
    """The text of a table row by column (to know a header row repeated on the next page)."""
    cells: dict[int, str] = {}
    for run in row:
        column = _column_of(run, tables.columns)
        text = " ".join(text for _, text in _paragraphs(run.lines, None, cell=True))
        cells[column if column is not None else 0] = " ".join(filter(None, (cells.get(column or 0), text)))
    return cells


def _continue_cell(out: Collector, cell: tuple[int, int, int], text: str) -> bool:
    """Join ``text`` to the last paragraph of ``cell`` (a row broken across pages); False when
    the cell has none."""
    index = next((k for k in range(len(out.blocks) - 1, -1, -1) if out.blocks[k].table == cell), None)
    if index is None:
        return False
    last = out.blocks[index]
    glue = joining(last.text, text) or ("" if NO_SPACE.match(last.text[-1:]) and NO_SPACE.match(text[:1]) else " ")
    out.blocks[index] = Block(_join(last.text, glue, text), last.index, cell, last.page_break_before)
    return True


def _paragraphs(lines: list[Line], previous: Line | None, cell: bool = False,
                width: float | None = None) -> list[tuple[str | None, str]]:
    """The paragraphs of a run's lines, each as (glue, text): the glue that joins the first
    one to ``previous`` (the last line of the page before) when it goes on from it, else None.
    ``width``: the width of the table column the lines stand in."""
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    if previous is not None:
        left, right = min(left, previous.x0), max(right, previous.x1)
    steps = [b.top - a.top for a, b in zip(lines, lines[1:]) if b.top > a.top]
    pitch = min(steps) if steps else max(line.size for line in lines) * 1.3
    size = max(line.size for line in lines)
    centres = [line.x0 + line.x1 for line in lines]
    centred = (len(lines) > 1 and max(centres) - min(centres) < size
               and max(line.x0 for line in lines) - left > size)  # a centred block: no line wraps
    paragraphs: list[list] = []  # [glue to the page before, text]
    before = previous
    for line in lines:
        opening = not paragraphs or before is None or paragraphs[-1][1] == before.text
        glue = None if before is None else _glue(before, line, left, right, pitch, opening, cell)
        if centred and glue is not None and glue not in ("-", "="):  # (a word that goes on)
            glue = "\n"
        if glue == "\n" and width and before is not None and before.x1 - before.x0 + _first_unit(line) > width - 0.1 * size:
            glue = _wrap_glue(before, line)  # the next line's first word did not fit: wrapped, not broken
        if glue is None or not paragraphs:
            paragraphs.append([glue, line.text])
        else:
            paragraphs[-1][1] = _join(paragraphs[-1][1], glue, line.text)
        before = line
    return [(glue, repair(text)) for glue, text in paragraphs]


def _glue(before: Line, line: Line, left: float, right: float, pitch: float, opening: bool,
          cell: bool = False) -> str | None:
    """What joins ``line`` to the line before in one paragraph ("" / " " / "\\n"; "-" drops the
    hyphen ending it, "=" keeps it), or None when it starts a new paragraph. ``opening``: the
    line before opens its paragraph (the next one may stand further right: a hanging indent
    after a clause number); ``cell``: in a table cell, where a short line is kept as a line
    break."""
    size = max(before.size, line.size)
    same_page = before.page == line.page
    if same_page and line.top - before.top > pitch * 1.1 + 0.05 * size:
        return None
    if not same_page and before.x1 < right - 2 * size:
        return None
    room = right - before.x1
    full = room < line.first_word + 0.5 * size
    if NO_SPACE.match(line.text[:1]):  # where a Thai or CJK word ends is not known: a line filled
        full = room < max(0.25 * (right - left), 2 * size)  # to three quarters was wrapped
    hyphen = joining(before.text, line.text)
    if full and hyphen:  # a word goes on (even after a hanging indent, which may look centred)
        return hyphen
    centred = ((before.x0 - left > size and right - before.x1 > 0.5 * size  # (flush right: indented)
                and abs((before.x0 - left) - (right - before.x1)) < 2 * size)
               or (abs(before.x0 - line.x0) > size and abs(before.x1 - line.x1) > 0.5 * size
                   and abs((before.x0 + before.x1) - (line.x0 + line.x1)) < 2 * size))
    if full and not centred:
        if (line.x0 - before.x0 > size and not opening) or starts_clause(line.text):
            return None  # a first-line indent or a clause number
        if NO_SPACE.match(before.text[-1:]) and NO_SPACE.match(line.text[:1]) and not before.space_after:
            return ""
        return " "
    if starts_clause(line.text) or not same_page or not (centred or cell):
        return None  # a line ended short ends its paragraph, but in a title or a narrow cell
    return "\n"


NO_LINE_START = "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶー・、。，．）」』】〕〉》！？：；"


def _first_unit(line: Line) -> float:
    """About how wide the line's first unbreakable piece is (with the space before it): its
    first word, in Thai the first word pythainlp finds, in CJK the first letter with the
    small kana and closing marks that cannot begin a line."""
    letters = [c for c in line.text if not _is_mark(c)]
    if not letters:
        return 0.0
    per_letter = (line.x1 - line.x0) / len(letters)
    if CJK.match(line.text[:1]):
        count = 1
        while count < len(line.text) and line.text[count] in NO_LINE_START:
            count += 1
        return count * per_letter
    if NO_SPACE.match(line.text[:1]):
        from pythainlp.tokenize import word_tokenize

        word = (word_tokenize(line.text.split(" ")[0], engine="newmm") or [line.text])[0]
        return sum(1 for c in word if not _is_mark(c)) * per_letter
    return line.first_word + 0.25 * line.size


def _wrap_glue(before: Line, line: Line) -> str:
    """What joins a wrapped line to the next: a hyphenated word joined again
    (:func:`.hyphens.joining`), nothing between Thai or CJK letters, else a space."""
    hyphen = joining(before.text, line.text)
    if hyphen:
        return hyphen
    return "" if NO_SPACE.match(before.text[-1:]) and NO_SPACE.match(line.text[:1]) and not before.space_after else " "


def _join(text: str, glue: str, following: str) -> str:
    """Two lines of one paragraph joined (a hyphen at the end of a wrapped word dropped, or
    kept, "=", where the word is written with it). A hyphen that may be either is marked
    (:data:`.hyphens.MARK`) until the whole document is read (:func:`.hyphens.rejoin`)."""
    if glue == "-":
        return text[:-1] + MARK + following
    if glue == "=":
        return text[:-1] + "-" + following
    return text + glue + following


def repair(text: str) -> str:
    """Thai marks in their order and none doubled (pythainlp), sara am drawn as nikhahit and
    sara aa read as one, NFC (never NFKC); spaces inside a line collapsed; soft hyphens
    dropped, but the one ending the text, a word that goes on where the text does (on the
    next page), which is written as a hyphen for the joining to find.

    >>> repair("คำานึงถึง เพ่ือ"), repair("their re\u00ad")
    ('คำนึงถึง เพื่อ', 'their re-')
    """
    text = unicodedata.normalize("NFC", text).replace("\u0e33\u0e32", "\u0e33")
    text = re.sub("\u00ad$", "-", text).replace("\u00ad", "")
    if re.search("[\u0e00-\u0e7f]", text):
        from pythainlp.util import normalize

        text = "\n".join(normalize(part) for part in text.split("\n"))
    return "\n".join(" ".join(part.split()) for part in text.split("\n"))
