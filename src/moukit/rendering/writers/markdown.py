r"""Markdown (GitHub-flavoured): readable plain text that renders as a tidy document.

``separate`` gives one section per language version (a heading with the language's name),
the title as bold lines, numbered clauses as ``1. ...`` and the signature blocks as a
two-column table; ``parallel`` gives one table with a column per language and a row per
clause. Every value is escaped, so a name such as ``*Foo*`` or ``# x`` cannot change the
document's structure.

>>> print(escape_md("# *Foo* | a_b <b>"))
\# \*Foo\* \| a\_b \<b\>
"""

from __future__ import annotations

import re

from ..._version import __version__
from ..document import Clause, Document, Version
from ._common import SIGN_LINE, grouped, require_layout

# Characters that are Markdown syntax anywhere in a line (GFM adds | for tables, ~ for strikes).
_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
# "&name;" or "&#123;" would be read as an HTML entity.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What starts a block at the beginning of a line: headings, quotes, lists, setext underlines.
_BLOCK_START = re.compile(r"^([#>+=-])")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])")


def escape_md(text: str) -> str:
    """One line of text with every Markdown special character backslash-escaped."""
    line = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", text.strip()))
    line = _BLOCK_START.sub(r"\\\1", line)
    return _ORDERED_START.sub(r"\1\\\2", line)


def _escaped_lines(text: str) -> list[str]:
    """The non-empty lines of ``text``, escaped."""
    return [escape_md(line) for line in text.split("\n") if line.strip()]


def _bold(lines: list[str]) -> list[str]:
    return [f"**{line}**" for line in lines]


def _signature_lines(clause: Clause) -> list[str]:
    """A signature block's lines, escaped, with the dotted signing line after the first."""
    first, *rest = _escaped_lines(clause.text) or [""]
    return [first, SIGN_LINE, *rest]


def clause_md(clause: Clause) -> str:
    """One clause as a Markdown block: bold title lines, ``N. text``, or a paragraph."""
    lines = _escaped_lines(clause.text)
    if clause.kind == "title":
        lines = _bold(lines)
    elif clause.kind == "signature":
        lines = _signature_lines(clause)
    if clause.number and clause.kind != "signature":
        marker = f"{escape_md(clause.number)}. "
        return marker + ("\\\n" + " " * len(marker)).join(lines)
    return "\\\n".join(lines)


def clause_cell(clause: Clause) -> str:
    """One clause as the content of a table cell (lines joined with ``<br>``)."""
    if clause.kind == "title":
        lines = _bold(_escaped_lines(clause.text))
    elif clause.kind == "signature":
        lines = _signature_lines(clause)
    else:
        lines = _escaped_lines(clause.text)
        if clause.number and lines:
            lines[0] = f"{escape_md(clause.number)}. {lines[0]}"
    return "<br>".join(lines)


def _table(header: list[str], rows: list[list[str]]) -> str:
    """A GFM table; cells must already be escaped and on one line."""
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |"
    return "\n".join([row(header), row(["---"] * len(header)), *(row(r) for r in rows)])


def signature_table(clauses: list[Clause]) -> str:
    """Signature blocks side by side: the party lines as header, then one row per line."""
    tables = []
    for i in range(0, len(clauses), 2):
        blocks = [_signature_lines(c) for c in clauses[i:i + 2]]
        blocks += [[""]] * (2 - len(blocks))
        height = max(len(b) for b in blocks)
        rows = [[b[n] if n < len(b) else "" for b in blocks] for n in range(1, height)]
        tables.append(_table([b[0] for b in blocks], rows))
    return "\n\n".join(tables)


def version_md(version: Version) -> str:
    """One complete language version: heading, draft marker, clauses, signature table."""
    blocks = [f"## {escape_md(version.language_name)}"]
    if version.draft_marker:
        blocks.append(f"**{escape_md(version.draft_marker)}**")
    for item in grouped(version.clauses):
        blocks.append(signature_table(item) if isinstance(item, list) else clause_md(item))
    return "\n\n".join(blocks)


def parallel_md(document: Document) -> str:
    """All versions in one table: a column per language, a row per clause."""
    versions = document.versions
    first = [c.id for c in versions[0].clauses]
    blocks = []
    markers = [escape_md(v.draft_marker) for v in versions if v.draft_marker]
    if markers:
        blocks.append("**" + " / ".join(markers) + "**")
    header = [escape_md(v.language_name) for v in versions]
    rows = [[clause_cell(v.clauses[i]) for v in versions] for i in range(len(first))]
    blocks.append(_table(header, rows))
    return "\n\n".join(blocks)


def _comment_safe(value: object) -> str:
    text = " ".join(str(value).split())
    while "--" in text:
        text = text.replace("--", "- -")
    return text.replace(">", "&gt;")


def _fingerprint(document: Document, layout: str) -> str:
    """The fingerprint as an HTML comment: invisible when rendered, kept in the file."""
    lines = [f"generator: moukit {__version__}"]
    lines += [f"moukit:{_comment_safe(k)}: {_comment_safe(v)}" for k, v in document.stamp(layout).items()]
    return "<!--\n" + "\n".join(lines) + "\n-->"


def write(document: Document, *, layout: str = "separate") -> bytes:
    """The document as UTF-8 GitHub-flavoured Markdown, in the ``separate`` or ``parallel`` layout."""
    require_layout(document, layout)
    body = "\n\n".join(version_md(v) for v in document.versions) if layout == "separate" else parallel_md(document)
    return f"{_fingerprint(document, layout)}\n\n{body}\n".encode("utf-8")
