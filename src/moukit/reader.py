"""Read a draft agreement (DOCX, plain text or Markdown) into paragraphs for the deviation check.

A draft comes from outside and may be hostile: a DOCX is a zip of XML parts, so it is opened
with fixed limits (entries, part sizes, compression ratio), XML with a DOCTYPE is refused and
no entity or external resource is ever resolved. Every failure is a :class:`DraftError` that
names the file, says what is wrong and how to fix it.

>>> draft = read_draft(b"Title\\n\\n1. First clause.\\n", name="draft.txt")
>>> [b.text for b in draft.blocks]
['Title', '1. First clause.']
"""

from __future__ import annotations

import html
import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from .errors import DraftError
from .ooxml import properties, safe
from .text.markers import PARKED, scrub

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Bounds applied while reading a draft; exceeding one raises :class:`DraftError`.

    - ``max_entries``: files inside a DOCX zip (default 2000).
    - ``max_part_bytes``: uncompressed size of one DOCX part (default 50 MiB).
    - ``max_total_bytes``: uncompressed size of all DOCX parts together (default 200 MiB).
    - ``max_ratio``: uncompressed / compressed size of one part (default 200); checked for
      parts larger than ``ratio_min_bytes`` (default 1 MiB), as small XML compresses very well.
    - ``max_text_bytes``: size of a text or Markdown draft (default 20 MiB).
    - ``max_blocks``: paragraphs in a draft (default 20000).

    Raise one with e.g. ``read_draft(path, limits=Limits(max_part_bytes=100 * 1024 * 1024))``.
    """

    max_entries: int = 2000
    max_part_bytes: int = 50 * MiB
    max_total_bytes: int = 200 * MiB
    max_ratio: float = 200.0
    ratio_min_bytes: int = 1 * MiB
    max_text_bytes: int = 20 * MiB
    max_blocks: int = 20000


@dataclass(frozen=True)
class Block:
    """One paragraph of the draft, in reading order, as it reads with tracked changes accepted."""

    text: str
    index: int
    table: tuple[int, int, int] | None = None  # (table, row, column) inside a table cell
    page_break_before: bool = False
    ref: Any = None  # DOCX: the lxml w:p element; None for text


@dataclass(frozen=True)
class DocxPackage:
    """What is needed to write a DOCX back: every part's bytes (zip order) and the parsed body."""

    parts: dict[str, bytes]
    document: Any  # lxml root element of word/document.xml; Block.ref elements live in it
    document_part: str = "word/document.xml"


@dataclass(frozen=True)
class Draft:
    """A draft read for checking: its paragraphs and what the file says about itself."""

    name: str
    format: str  # docx | txt | md
    blocks: tuple[Block, ...]
    pending_changes: bool
    fingerprint: dict | None
    package: Any = None


def _limit_error(file: str, what: str, field: str, value: int | float) -> DraftError:
    return DraftError(
        file, f"{what} exceeds the limit {field}={value}; refused",
        hint=f"if the file is genuine, raise it: read_draft(..., limits=Limits({field}=...))",
    )


# --------------------------------------------------------------------------- entry point

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def read_draft(source: str | Path | bytes, *, name: str | None = None,
               limits: Limits | None = None) -> Draft:
    """Read a draft from a path or bytes; the format is told by content (zip -> DOCX, else text).

    A text draft is Markdown when its name ends in ``.md`` (or ``.markdown``), else plain text.
    """
    limits = limits or Limits()
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        name = name or "<bytes>"
    else:
        path = Path(source)
        name = name or str(source)
        data = _read_file(path, name, limits)
    if not data:
        raise DraftError(name, "the file is empty", hint="save the draft again and check the file")
    if data.startswith(OLE_MAGIC):
        raise _ole_error(name, data)
    if data.startswith(ZIP_MAGICS):
        return _read_docx(data, name, limits)
    if data.startswith(b"%PDF"):
        raise DraftError(name, "a PDF file, not an editable draft",
                         hint="check the .docx (or text) the PDF was made from")
    if data.startswith(b"{\\rtf"):
        raise DraftError(name, "a Rich Text (.rtf) file, which is not supported",
                         hint="open it in Word and save as .docx")
    if len(data) > limits.max_text_bytes:
        raise _limit_error(name, f"the text file ({len(data)} bytes)", "max_text_bytes",
                           limits.max_text_bytes)
    text = _decode_text(data, name)
    suffix = Path(name).suffix.lower()
    fmt = "md" if suffix in (".md", ".markdown") or (suffix not in (".txt", ".text") and _looks_like_markdown(text)) else "txt"
    if fmt == "md":
        blocks, fingerprint = _markdown_blocks(text, name, limits)
    else:
        blocks, fingerprint = _text_blocks(text, name, limits), None
    return Draft(name, fmt, _some(blocks, name), False, fingerprint)


_MARKDOWN_SIGNS = re.compile(r"^(?:#{1,6} \S|\*\*\S|\|.*\|\s*$|<!--)", re.M)


def _looks_like_markdown(text: str) -> bool:
    """A text of unknown name is Markdown when several lines use Markdown structure."""
    return len(_MARKDOWN_SIGNS.findall(text[:200_000])) >= 3


def _some(blocks: list[Block], name: str) -> tuple[Block, ...]:
    """The blocks; a draft without any text cannot be checked."""
    if not blocks:
        raise DraftError(name, "no text found in the draft",
                         hint="check that this is the right file; a document holding only "
                              "images (a scan) cannot be checked")
    return tuple(blocks)


def _read_file(path: Path, name: str, limits: Limits) -> bytes:
    """The file's bytes, read no further than the largest size its kind (zip or text) may have."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
            if head.startswith(ZIP_MAGICS):
                cap, field = limits.max_total_bytes + 16 * MiB, "max_total_bytes"
            else:
                cap, field = limits.max_text_bytes, "max_text_bytes"
            data = head + fh.read(cap + 1 - len(head))
    except FileNotFoundError:
        raise DraftError(name, "no such file", hint="check the path and the file name") from None
    except IsADirectoryError:
        raise DraftError(name, "a folder, not a file", hint="give the path of the draft file") from None
    except OSError as exc:
        raise DraftError(name, f"cannot be read ({exc.strerror or exc})",
                         hint="check that the file exists and that you may read it") from None
    if len(data) > cap:
        raise _limit_error(name, "the file size", field, getattr(limits, field))
    return data


def _ole_error(name: str, data: bytes) -> DraftError:
    """An OLE compound file is either an encrypted Office file or an old binary .doc."""
    if "EncryptionInfo".encode("utf-16-le") in data or b"EncryptionInfo" in data:
        return DraftError(name, "a password-protected (encrypted) document, which cannot be read",
                          hint="open it in Word, remove the password (File > Info > Protect "
                               "Document) and save it again as .docx")
    return DraftError(name, "the old binary Word format (.doc), which is not supported",
                      hint="open it in Word and save it as .docx")


# --------------------------------------------------------------------------- text drafts

def _decode_text(data: bytes, name: str) -> str:
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


class _Collector:
    """Collects text blocks, tracking page breaks and the block limit."""

    def __init__(self, name: str, limits: Limits) -> None:
        self.name = name
        self.limits = limits
        self.blocks: list[Block] = []
        self.page_break = False

    def add(self, text: str, table: tuple[int, int, int] | None = None, ref: Any = None) -> None:
        """Add a block unless it is blank; a blank one only passes its page break on."""
        if not text.strip():
            return
        if len(self.blocks) >= self.limits.max_blocks:
            raise _limit_error(self.name, "the number of paragraphs", "max_blocks",
                               self.limits.max_blocks)
        self.blocks.append(Block(text, len(self.blocks), table, self.page_break, ref))
        self.page_break = False


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


def _text_blocks(text: str, name: str, limits: Limits) -> list[Block]:
    """Plain text: blank lines separate paragraphs, a ``===``/``---`` line separates versions.

    moukit's parallel text layout (paragraphs prefixed ``[th] ``, ``[en] ``...) is read as a
    table: a column per language in order of first appearance, a row per separator.
    """
    text = text.replace("\f", "\n\n===\n\n")
    paragraphs = _paragraphs(text.split("\n"))
    firsts = [p for p in paragraphs if p]
    parallel = bool(firsts) and LANG_PREFIX.match(firsts[0][0]) is not None
    out = _Collector(name, limits)
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


# --------------------------------------------------------------------------- Markdown

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


def _markdown_blocks(text: str, name: str, limits: Limits) -> tuple[list[Block], dict | None]:
    """Markdown: headings, paragraphs and table cells as blocks, markup removed."""
    text, fingerprint = _md_fingerprint(text)
    out = _Collector(name, limits)
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
        blocks = _text_blocks("\n\n".join(chunks), name, limits)
    return blocks, fingerprint


# --------------------------------------------------------------------------- DOCX: the zip

ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
              NotImplementedError, RuntimeError, struct.error, zlib.error, KeyError,
              IndexError, OverflowError, UnicodeDecodeError, MemoryError)


def _damaged(name: str, detail: str) -> DraftError:
    return DraftError(name, f"not a readable .docx ({detail})",
                      hint="the file is damaged or truncated; open it in Word and save it again "
                           "as .docx, or send the original file")


def _open_zip(data: bytes, name: str, limits: Limits) -> dict[str, bytes]:
    """Every part of the zip, read with all limits applied; nothing is trusted from the headers."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except ZIP_ERRORS as exc:
        raise _damaged(name, f"broken zip: {exc}") from None
    if len(infos) > limits.max_entries:
        raise _limit_error(name, f"the number of files in the zip ({len(infos)})", "max_entries",
                           limits.max_entries)
    names = [i.filename for i in infos]
    if len(set(n.lower() for n in names)) != len(names):
        raise _damaged(name, "the zip holds two files with the same name")
    total = 0
    for info in infos:
        if info.file_size > limits.max_part_bytes:
            raise _limit_error(name, f"the part {info.filename} ({info.file_size} bytes)",
                               "max_part_bytes", limits.max_part_bytes)
        total += info.file_size
        if total > limits.max_total_bytes:
            raise _limit_error(name, "the unpacked size of the parts", "max_total_bytes",
                               limits.max_total_bytes)
        if info.file_size > limits.ratio_min_bytes:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise _limit_error(name, f"the compression ratio of {info.filename} ({ratio:.0f})",
                                   "max_ratio", limits.max_ratio)
        if info.flag_bits & 0x1:
            raise DraftError(name, "an encrypted zip, which cannot be read",
                             hint="save the draft again as an ordinary .docx without a password")
    lower = {n.lower(): n for n in names}
    for required in ("[Content_Types].xml", "word/document.xml"):
        if required.lower() not in lower:
            raise _damaged(name, f"no {required} part: not a Word document")
    if any(n.lower().rsplit("/", 1)[-1] in ("vbaproject.bin", "vbadata.xml") for n in names):
        raise _macro_error(name)
    parts: dict[str, bytes] = {}
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        cap = min(limits.max_part_bytes, limits.max_total_bytes - total)
        try:
            with archive.open(info) as fh:
                blob = fh.read(cap + 1)
        except ZIP_ERRORS as exc:
            raise _damaged(name, f"cannot unpack {info.filename}: {exc}") from None
        if len(blob) > limits.max_part_bytes:
            raise _limit_error(name, f"the part {info.filename}", "max_part_bytes",
                               limits.max_part_bytes)
        total += len(blob)
        if total > limits.max_total_bytes:
            raise _limit_error(name, "the unpacked size of the parts", "max_total_bytes",
                               limits.max_total_bytes)
        parts[info.filename] = blob
    return parts


def _macro_error(name: str) -> DraftError:
    return DraftError(name, "macro-enabled document, refused",
                      hint="save it in Word as an ordinary Word Document (.docx) without macros")


def _is_xml_part(part: str, blob: bytes) -> bool:
    head = blob[:16].lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n\x00")
    return part.lower().endswith((".xml", ".rels", ".vml")) or head.startswith(b"<")


def _parse_xml(name: str, part: str, blob: bytes) -> Any:
    """Parse one part safely (:mod:`moukit.ooxml.safe`); a DOCTYPE is refused."""
    try:
        return safe.parse(blob)
    except safe.UnsafeXML as exc:
        if "DOCTYPE" in str(exc):
            raise _doctype_error(name, part) from None
        raise _damaged(name, f"{exc} in {part}") from None


def _doctype_error(name: str, part: str) -> DraftError:
    return DraftError(name, f"refused: XML with a DOCTYPE (possible XXE) in {part}",
                      hint="Word never writes a DOCTYPE; the file was made or altered by another "
                           "tool: open it in Word and save it again as .docx")


# --------------------------------------------------------------------------- DOCX: the body

W_NAMESPACES = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                "http://purl.oclc.org/ooxml/wordprocessingml/main")
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
CHANGE_TAGS = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange",
               "tblPrChange", "trPrChange", "tcPrChange", "tblGridChange", "numberingChange",
               "cellIns", "cellDel", "cellMerge", "tblPrExChange")
OFF = ("false", "0", "off")


def _read_docx(data: bytes, name: str, limits: Limits) -> Draft:
    parts = _open_zip(data, name, limits)
    lower = {n.lower(): n for n in parts}
    if b"macroenabled" in parts[lower["[content_types].xml"]].lower():
        raise _macro_error(name)
    for part, blob in parts.items():
        if _is_xml_part(part, blob) and safe.has_doctype(blob):
            raise _doctype_error(name, part)
    doc_part = lower["word/document.xml"]
    root = _parse_xml(name, doc_part, parts[doc_part])
    ns = etree.QName(root).namespace
    body = root.find(f"{{{ns}}}body") if ns in W_NAMESPACES else None
    if etree.QName(root).localname != "document" or body is None:
        raise _damaged(name, f"{doc_part} is not a WordprocessingML document body")
    walker = _BodyWalker(ns, name, limits)
    try:
        walker.walk(body)
    except RecursionError:
        raise _damaged(name, "the document is nested too deeply") from None
    pending = any(True for _ in root.iter(*(f"{{{ns}}}{t}" for t in CHANGE_TAGS)))
    fingerprint = _fingerprint(name, parts, lower)
    package = DocxPackage(parts, root, doc_part)
    return Draft(name, "docx", _some(walker.out.blocks, name), pending, fingerprint, package)


def _fingerprint(name: str, parts: dict[str, bytes], lower: dict[str, str]) -> dict | None:
    """moukit's fingerprint, from the custom properties part the package relationships name
    (else the part where Office keeps it)."""
    rels = lower.get("_rels/.rels")
    custom = properties.custom_part_name(_parse_xml(name, rels, parts[rels])) if rels else None
    custom = lower.get((custom or properties.CUSTOM_PART).lower())
    if custom is None:
        return None
    return properties.read_properties(_parse_xml(name, custom, parts[custom])) or None


class _BodyWalker:
    """Walks the body in reading order, collecting paragraphs with tracked changes accepted."""

    def __init__(self, ns: str, name: str, limits: Limits) -> None:
        self.w = f"{{{ns}}}"
        self.out = _Collector(name, limits)
        self.tables = 0
        self.fields: list[str] = []  # complex field stack: "code" then "result"
        self.section_ends: set = set()
        self.carry = ""  # text of a paragraph whose mark was deleted: joins the next one
        self.carry_table: tuple[int, int, int] | None = None
        self.carry_ref: Any = None
        self.break_after = False  # a page break after text in the current paragraph

    def tag(self, el: Any) -> str:
        """Local name of a WordprocessingML element, "mc:..." for compatibility markup, else ""."""
        tag = el.tag
        if not isinstance(tag, str):
            return ""
        if tag.startswith(self.w):
            return tag[len(self.w):]
        if tag.startswith(MC):
            return "mc:" + tag[len(MC):]
        return ""

    def on(self, el: Any) -> bool:
        """A toggle property (e.g. w:pageBreakBefore) that is present and not switched off."""
        return el is not None and (el.get(self.w + "val") or "true").lower() not in OFF

    def walk(self, body: Any) -> None:
        """Collect every paragraph of ``body``."""
        sections = [s for s in body.iter(self.w + "sectPr")
                    if self.tag(s.getparent()) in ("pPr", "body")]
        for this, following in zip(sections, sections[1:]):
            kind = following.find(self.w + "type")
            if kind is None or kind.get(self.w + "val") != "continuous":
                self.section_ends.add(this.getparent().getparent())
        self.blocks(body, None)
        self.flush_carry()

    # ----- block level

    def block_children(self, el: Any):
        """Children of a block container, with content controls and revision wrappers opened."""
        for child in el:
            tag = self.tag(child)
            if tag in ("sdt",):
                content = child.find(self.w + "sdtContent")
                if content is not None:
                    yield from self.block_children(content)
            elif tag in ("customXml", "ins", "moveTo", "sdtContent", "smartTag"):
                yield from self.block_children(child)
            elif tag == "mc:AlternateContent":
                branch = self.choice(child)
                if branch is not None:
                    yield from self.block_children(branch)
            elif tag in ("del", "moveFrom"):
                continue
            else:
                yield child

    def choice(self, alternate: Any) -> Any:
        """The branch of mc:AlternateContent to read: the first mc:Choice, else mc:Fallback."""
        for tag in ("mc:Choice", "mc:Fallback"):
            for child in alternate:
                if self.tag(child) == tag:
                    return child
        return None

    def blocks(self, container: Any, cell: tuple[int, int, int] | None) -> None:
        """Paragraphs and tables of a body, cell, content control or text box."""
        for child in self.block_children(container):
            tag = self.tag(child)
            if tag == "p":
                self.paragraph(child, cell)
            elif tag == "tbl":
                self.table(child, cell)

    def table(self, tbl: Any, cell: tuple[int, int, int] | None) -> None:
        """A table: each cell's paragraphs get (table, row, column); nested ones stay in the cell."""
        number = None
        if cell is None:
            number = self.tables
            self.tables += 1
        row = 0
        for tr in self.block_children(tbl):
            if self.tag(tr) != "tr":
                continue
            props = tr.find(self.w + "trPr")
            if props is not None and props.find(self.w + "del") is not None:
                continue  # a deleted row disappears when changes are accepted
            column = 0
            before = props.find(self.w + "gridBefore") if props is not None else None
            column += self.number(before)
            for tc in self.block_children(tr):
                if self.tag(tc) != "tc":
                    continue
                tc_props = tc.find(self.w + "tcPr")
                span = tc_props.find(self.w + "gridSpan") if tc_props is not None else None
                if tc_props is None or tc_props.find(self.w + "cellDel") is None:
                    self.blocks(tc, cell or (number, row, column))
                column += max(1, self.number(span))
            row += 1

    def number(self, el: Any) -> int:
        """The integer w:val of an element, 0 when absent or not a small number."""
        value = el.get(self.w + "val") if el is not None else None
        return int(value) if value and value.isdigit() and len(value) < 4 else 0

    # ----- paragraphs

    def paragraph(self, p: Any, cell: tuple[int, int, int] | None) -> None:
        """One w:p: its accepted text becomes a block; its text boxes follow it."""
        props = p.find(self.w + "pPr")
        mark_deleted = False
        if props is not None:
            if self.on(props.find(self.w + "pageBreakBefore")):
                self.out.page_break = True
            mark = props.find(self.w + "rPr")
            if mark is not None:
                mark_deleted = (mark.find(self.w + "del") is not None
                                or mark.find(self.w + "moveFrom") is not None)
        pieces: list[str] = []
        boxes: list[Any] = []
        self.break_after = False
        self.inline(p, pieces, boxes)
        text = "".join(pieces)
        if self.carry and self.carry_table != cell:
            self.flush_carry()
        if mark_deleted:
            self.carry, self.carry_table, self.carry_ref = self.carry + text, cell, p
        else:
            self.out.add(self.carry + text, cell, p)
            self.carry = ""
        if self.break_after or p in self.section_ends:
            self.out.page_break = True
        for box in boxes:
            self.blocks(box, cell)

    def flush_carry(self) -> None:
        """A paragraph whose mark was deleted but nothing followed it: it stands alone."""
        if self.carry:
            self.out.add(self.carry, self.carry_table, self.carry_ref)
            self.carry = ""

    def inline(self, el: Any, pieces: list[str], boxes: list[Any]) -> None:
        """Runs of a paragraph (or of a hyperlink, insertion, field...) in order."""
        for child in el:
            tag = self.tag(child)
            if tag == "r":
                self.run(child, pieces, boxes)
            elif tag in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple",
                         "sdtContent", "dir", "bdo"):
                self.inline(child, pieces, boxes)
            elif tag == "sdt":
                content = child.find(self.w + "sdtContent")
                if content is not None:
                    self.inline(content, pieces, boxes)
            elif tag == "mc:AlternateContent":
                branch = self.choice(child)
                if branch is not None:
                    self.inline(branch, pieces, boxes)

    def run(self, r: Any, pieces: list[str], boxes: list[Any]) -> None:
        """One w:r: text, tabs, breaks and field characters; deleted text never reaches here."""
        for child in r:
            tag = self.tag(child)
            if tag == "fldChar":
                kind = child.get(self.w + "fldCharType")
                if kind == "begin":
                    self.fields.append("code")
                elif kind == "separate" and self.fields:
                    self.fields[-1] = "result"
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if tag in ("drawing", "pict", "object", "mc:AlternateContent"):
                self.find_boxes(child, boxes)
                continue
            if "code" in self.fields:
                continue
            if tag == "t":
                pieces.append(child.text or "")
            elif tag in ("tab", "ptab"):
                pieces.append("\t")
            elif tag == "br":
                if child.get(self.w + "type") == "page":
                    if "".join(pieces).strip():
                        self.break_after = True
                    else:
                        self.out.page_break = True
                else:
                    pieces.append("\n")
            elif tag == "cr":
                pieces.append("\n")
            elif tag == "noBreakHyphen":
                pieces.append("-")

    def find_boxes(self, el: Any, boxes: list[Any]) -> None:
        """Text-box contents inside a drawing, once (the mc:Fallback copy is skipped)."""
        tag = self.tag(el)
        if tag == "txbxContent":
            boxes.append(el)
        elif tag == "mc:AlternateContent":
            branch = self.choice(el)
            if branch is not None:
                self.find_boxes(branch, boxes)
        else:
            for child in el:
                if isinstance(child.tag, str):
                    self.find_boxes(child, boxes)
