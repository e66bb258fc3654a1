"""Plain-text drafts: UTF-8 (or UTF-16 with a BOM), a paragraph per line, or per block of
lines when the text was wrapped at a fixed width (e-mail); "> " quoting is removed.

Text comes from Word's "Save as Text", Notepad, e-mail bodies and chat, each with its own
line breaks. Where blank lines separate the paragraphs (as in moukit's own text), a block of
lines is a paragraph (a title typed line by line). Where they do not, a line is a paragraph,
unless the text is hard-wrapped (most lines near one width, which is under 120 characters):
then a line that was wrapped joins the next one.

>>> [b.text for b in read(b"Title\\n\\n1. First clause.\\n", "draft.txt", Limits()).blocks]
['Title', '1. First clause.']
>>> text = "".join(f"{n}. Clause {n}.\\n" for n in range(1, 10)).encode()
>>> [b.text for b in read(text, "d.txt", Limits()).blocks][:2]
['1. Clause 1.', '2. Clause 2.']
"""

from __future__ import annotations

import re

from ...errors import DraftError
from ...i18n import N_
from ...text.normalize import SIGNING_LINE, name_under_signing
from .hyphens import MARK, joining, rejoin, written_with_hyphens
from .model import Block, Collector, Draft, Limits, no_text


def read(data: bytes, name: str, limits: Limits) -> Draft:
    """A text draft: blocks from its paragraphs (moukit's parallel layout read as a table)."""
    return Draft(name, "txt", no_text(text_blocks(decode_text(data, name), name, limits), name),
                 False, None)


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (BOM optional) or UTF-16 with a BOM; newlines normalised to \\n."""
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            text = data[3:].decode("utf-8")
        elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise DraftError(
            name, N_("not UTF-8 text (perhaps a legacy encoding such as TIS-620/Windows-874, "
                     "or a binary file)"),
            hint=N_("save the draft as UTF-8 text, or as .docx")) from None
    if "\x00" in text:
        raise DraftError(name, N_("contains NUL characters: a binary file or UTF-16 without a BOM"),
                         hint=N_("save the draft as UTF-8 text, or as .docx"))
    return text.replace("\r\n", "\n").replace("\r", "\n")


SEPARATOR = re.compile(r"^\s*(?:={3,}|-{3,})\s*$")
LANG_PREFIX = re.compile(r"^\[([a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\] ")


QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
BULLET = re.compile(r"^\s*[-*•]\s")


def starts_clause(line: str) -> bool:
    """A line that starts with a clause number in one of the listed styles ("1.", "ข้อ ๑",
    "第一条", "Article 1", see :mod:`moukit.text.editorial`) or with a bullet."""
    from ...text.editorial import numbering

    return bool(numbering().match(line) or BULLET.match(line))


def unquote(lines: list[str]) -> list[str]:
    """Lines without their e-mail quoting ("> ", ">> "), when every line of text is quoted."""
    texts = [line for line in lines if line.strip()]
    if texts and all(QUOTE.match(line) for line in texts):
        return [QUOTE.sub("", line, count=1) for line in lines]
    return lines


def wrap_width(lines: list[str]) -> int | None:
    """The width the text was hard-wrapped at, or None when its lines are paragraphs: most
    long lines end near one width, which is under 120 characters."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 6:
        return None
    width = lengths[int(len(lengths) * 0.9) - 1]
    near = sum(1 for n in lengths if n >= 0.75 * width)
    if width > 120 or lengths[-1] > width * 1.15 + 2 or near < 0.3 * len(lengths):
        return None
    return width


MEAN_LINES_OF_A_PARAGRAPH = 6  # a title typed line by line has up to seven, a clause one


def _lines_are_paragraphs(lines: list[str]) -> bool:
    """True when single line breaks separate paragraphs: blank lines are rare (between the
    versions only, if anywhere), so that a block of lines between them is longer than a
    paragraph of the form would be. Where blank lines separate the paragraphs (as in moukit's
    own text, or text whose paragraphs were broken anywhere), a block of lines is one."""
    runs, run = [], 0
    for line in lines + [""]:
        if line.strip() and not SEPARATOR.match(line):
            run += 1
        elif run:
            runs.append(run)
            run = 0
    return bool(runs) and (len(runs) < 3 or sum(runs) / len(runs) > MEAN_LINES_OF_A_PARAGRAPH)


def _wrapped(line: str, following: str, width: int) -> bool:
    """The line was broken by wrapping: the next line's first word would not have fitted, and
    the next line does not start a numbered clause."""
    first = following.strip().split(" ", 1)[0]
    return len(line.rstrip()) + 1 + len(first) > width - 2 and not starts_clause(following)


def _paragraphs(lines: list[str], by_line: bool = True) -> list[list[str] | None]:
    """Group lines into paragraphs (lists of lines); ``None`` stands for a separator line.
    ``by_line``: a line is a paragraph unless wrapped; else blank lines separate paragraphs.
    A line that starts with a clause number always starts a paragraph (a clause title typed
    on the line before it stays apart)."""
    width = wrap_width(lines)
    out: list[list[str] | None] = []
    current: list[str] = []
    for i, line in enumerate(lines):
        if not line.strip() or SEPARATOR.match(line):
            if current:
                out.append(current)
                current = []
            if line.strip():
                out.append(None)
            continue
        current.append(line.strip())
        following = lines[i + 1] if i + 1 < len(lines) else ""
        new_clause = starts_clause(following) and not QUOTE.match(following) and not name_under_signing(line, following)
        if following.strip() and (new_clause or by_line and not (width and _wrapped(line, following, width))):
            out.append(current)
            current = []
    if current:
        out.append(current)
    return [piece for para in out for piece in _signature_blocks(para)]


def _dehyphenated(lines: list[str], written: set[str]) -> list[str]:
    """The lines of a paragraph with a word hyphenated at a line end joined again, as text
    pasted from a justified PDF has them: "coop-" / "erate" -> "cooperate", but
    "Jeollanam-" / "do" -> "Jeollanam-do" where the text writes it so (``written``, see
    :mod:`.hyphens`), and "masing-" / "masing" -> "masing-masing"."""
    out: list[str] = []
    for line in lines:
        glue = joining(out[-1], line) if out else None
        if glue:
            out[-1] = rejoin(out[-1][:-1] + ("-" if glue == "=" else MARK) + line, written)
        else:
            out.append(line)
    return out


def _signature_blocks(paragraph: list[str] | None) -> list[list[str] | None]:
    """A paragraph holding two signature blocks or more (a table of them saved as text, its
    cells one after the other), split so that each has its dotted line: the line before
    each dotted line after the first ("For ...") starts a block."""
    if paragraph is None:
        return [paragraph]
    dotted = [i for i, line in enumerate(paragraph) if SIGNING_LINE.match(line)]
    cuts = [i - 1 for i in dotted[1:] if i - 1 > dotted[0]]
    if not cuts:
        return [paragraph]
    edges = [0, *cuts, len(paragraph)]
    return [paragraph[a:b] for a, b in zip(edges, edges[1:])]


def text_blocks(text: str, name: str, limits: Limits) -> list[Block]:
    """Plain text: a line is a paragraph (or a block of wrapped lines), a ``===``/``---`` line
    separates versions.

    moukit's parallel text layout (paragraphs prefixed ``[th] ``, ``[en] ``...) is read as a
    table: a column per language in order of first appearance, a row per separator.
    """
    text = text.replace("\f", "\n\n===\n\n")
    lines = unquote(text.split("\n"))
    written = written_with_hyphens(lines)
    firsts = [line for line in lines if line.strip()]
    if firsts and LANG_PREFIX.match(firsts[0].strip()):
        paragraphs = _paragraphs(lines, by_line=False)  # moukit's parallel layout
    else:
        paragraphs = _paragraphs(lines, by_line=_lines_are_paragraphs(lines))
    firsts = [p for p in paragraphs if p]
    parallel = bool(firsts) and LANG_PREFIX.match(firsts[0][0]) is not None
    out = Collector(name, limits)
    langs: list[str] = []
    row, row_used, col = 0, False, None
    for para in paragraphs:
        if para is None:
            if parallel:
                if row_used:
                    row, row_used, col = row + 1, False, None
            else:
                out.page_break = True
            continue
        body = "\n".join(_dehyphenated(para, written))
        cell = None
        if parallel:
            match = LANG_PREFIX.match(body)
            if match:
                if match.group(1) not in langs:
                    langs.append(match.group(1))
                col = langs.index(match.group(1))
                body = body[match.end():]
            if col is not None:
                cell, row_used = (0, row, col), True
        out.add(body, cell)
    return out.blocks
