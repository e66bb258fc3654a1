"""Markdown drafts: headings, paragraphs and table cells as blocks, the markup removed; the
fingerprint moukit writes in an HTML comment is read back."""

from __future__ import annotations

import html
import re

from ...text.markers import PARKED, scrub
from .model import Block, Collector, Draft, Limits, no_text
from .text import LANG_PREFIX, SEPARATOR, decode_text, text_blocks

SIGNS = re.compile(r"^(?:#{1,6} \S|\*\*\S|\|.*\|\s*$|<!--)", re.M)


def looks_like_markdown(data: bytes) -> bool:
    """A text of unknown name is Markdown when several lines use Markdown structure."""
    head = data[:200_000].decode("utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8",
                                 "ignore")
    return len(SIGNS.findall(head)) >= 3


def read(data: bytes, name: str, limits: Limits) -> Draft:
    """A Markdown draft: its blocks and the fingerprint moukit wrote in it, if any."""
    blocks, fingerprint = markdown_blocks(decode_text(data, name), name, limits)
    return Draft(name, "md", no_text(blocks, name), False, fingerprint)


MD_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
MD_FINGERPRINT = re.compile(r"^\s*moukit:([\w.-]+):\s?(.*?)\s*$", re.M)
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$")
MD_BREAK = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
MD_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
MD_BR = re.compile(r"<br\s*/?>", re.I)
MD_EMPHASIS = (
    re.compile(r"\*\*([^\s*](?:.*?[^\s*])?)\*\*"),
    re.compile(r"__([^\s_](?:.*?[^\s_])?)__"),
    re.compile(r"(?<![\w*])\*([^\s*](?:.*?[^\s*])?)\*(?![\w*])"),
    re.compile(r"(?<![\w_])_([^\s_](?:.*?[^\s_])?)_(?![\w_])"),
    re.compile(r"~~([^\s~](?:.*?[^\s~])?)~~"),
)
MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
MD_CODE = re.compile(r"`([^`]*)`")
def _md_protect(text: str) -> str:
    """Escaped characters parked in moukit's reserved range while markup is removed (the
    draft's own characters of that range are scrubbed first, so none is taken for one)."""
    return MD_ESCAPE.sub(lambda m: chr(PARKED + ord(m.group(1))), scrub(text))


def _md_restore(text: str) -> str:
    return "".join(chr(ord(c) - PARKED) if PARKED < ord(c) < PARKED + 128 else c for c in text)


def _md_inline(text: str) -> str:
    """Inline Markdown (already escape-protected) to plain text."""
    text = MD_BR.sub("\n", text)
    text = MD_CODE.sub(r"\1", text)
    text = MD_LINK.sub(r"\1", text)
    for pattern in MD_EMPHASIS:
        previous = None
        while previous != text:
            previous, text = text, pattern.sub(r"\1", text)
    return _md_restore(html.unescape(text))


def _md_line(line: str) -> str:
    """One protected paragraph line: quote marks and a hard-break backslash removed."""
    line = re.sub(r"^\s*(?:>\s?)+", "", line).strip()
    if line.endswith("\\"):
        line = line[:-1].rstrip()
    return line


def _md_cells(line: str) -> list[str]:
    """The cells of a protected table row."""
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|"):
        line = line[:-1]
    return [c.strip() for c in line.split("|")]


def _md_fingerprint(text: str) -> tuple[str, dict | None]:
    """Remove HTML comments; read the ``moukit:key: value`` lines moukit writes in one."""
    found: dict[str, str] = {}
    for comment in MD_COMMENT.findall(text):
        found.update(dict(MD_FINGERPRINT.findall(comment)))
    return MD_COMMENT.sub("", text), (found or None)


def markdown_blocks(text: str, name: str, limits: Limits) -> tuple[list[Block], dict | None]:
    """Markdown: headings, paragraphs and table cells as blocks, markup removed."""
    text, fingerprint = _md_fingerprint(text)
    out = Collector(name, limits)
    tables = -1
    row = 0
    in_table = False
    fence: str | None = None
    para: list[str] = []

    def flush() -> None:
        if para:
            out.add("\n".join(_md_inline(line) for line in para))
            para.clear()

    for raw in _md_protect(text).split("\n"):
        line = raw.rstrip()
        if fence:
            if line.strip().startswith(fence):
                fence = None
                flush()
            else:
                para.append(line.strip())
            continue
        is_row = line.strip().startswith("|")
        if in_table and not is_row:
            in_table = False
        if is_row:
            flush()
            if not in_table:
                in_table, tables, row = True, tables + 1, 0
            if MD_TABLE_RULE.match(line):
                continue
            for col, cell in enumerate(_md_cells(line)):
                out.add(_md_inline(cell), (tables, row, col))
            row += 1
            continue
        fence_match = MD_FENCE.match(line)
        if fence_match:
            flush()
            fence = fence_match.group(1)
            continue
        if not line.strip():
            flush()
            continue
        if para and re.match(r"^\s{0,3}(=+|-+)\s*$", line):
            flush()  # a setext heading underline
            continue
        if MD_BREAK.match(line) or SEPARATOR.match(line):
            flush()
            out.page_break = True
            continue
        heading = MD_HEADING.match(line)
        if heading:
            flush()
            out.add(_md_inline(heading.group(1) or ""))
            continue
        para.append(_md_line(line))
    flush()
    blocks = out.blocks
    if blocks and all(b.table is None for b in blocks) and LANG_PREFIX.match(blocks[0].text):
        # moukit's parallel text layout saved as .md: read it as that layout
        chunks: list[str] = []
        for block in blocks:
            if block.page_break_before and chunks:
                chunks.append("-----")
            chunks.append(block.text)
        blocks = text_blocks("\n\n".join(chunks), name, limits)
    return blocks, fingerprint
