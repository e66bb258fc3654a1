"""Plain-text drafts: UTF-8 (or UTF-16 with a BOM), one paragraph per blank-line-separated block.

>>> [b.text for b in read(b"Title\\n\\n1. First clause.\\n", "draft.txt", Limits()).blocks]
['Title', '1. First clause.']
"""

from __future__ import annotations

import re

from ...errors import DraftError
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
            name, "not UTF-8 text (perhaps a legacy encoding such as TIS-620/Windows-874, "
                  "or a binary file)",
            hint="save the draft as UTF-8 text, or as .docx") from None
    if "\x00" in text:
        raise DraftError(name, "contains NUL characters: a binary file or UTF-16 without a BOM",
                         hint="save the draft as UTF-8 text, or as .docx")
    return text.replace("\r\n", "\n").replace("\r", "\n")


SEPARATOR = re.compile(r"^\s*(?:={3,}|-{3,})\s*$")
LANG_PREFIX = re.compile(r"^\[([a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\] ")


def _paragraphs(lines: list[str]) -> list[list[str] | None]:
    """Group lines into paragraphs (lists of lines); ``None`` stands for a separator line."""
    out: list[list[str] | None] = []
    current: list[str] = []
    for line in lines:
        if not line.strip() or SEPARATOR.match(line):
            if current:
                out.append(current)
                current = []
            if line.strip():
                out.append(None)
        else:
            current.append(line.strip())
    if current:
        out.append(current)
    return out


def text_blocks(text: str, name: str, limits: Limits) -> list[Block]:
    """Plain text: blank lines separate paragraphs, a ``===``/``---`` line separates versions.

    moukit's parallel text layout (paragraphs prefixed ``[th] ``, ``[en] ``...) is read as a
    table: a column per language in order of first appearance, a row per separator.
    """
    text = text.replace("\f", "\n\n===\n\n")
    paragraphs = _paragraphs(text.split("\n"))
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
        body = "\n".join(para)
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
