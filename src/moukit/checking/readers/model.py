"""What a reader makes of a draft: its paragraphs (blocks) in reading order, what the file says
about itself, and the limits every reader applies to input that may be hostile."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO, Any

from ...errors import DraftError
from ...i18n import N_

MiB = 1024 * 1024
CHUNK = 256 * 1024  # what a bounded read asks for at a time beyond the expected size


@dataclass(frozen=True)
class Limits:
    """Bounds applied while reading a draft; exceeding one raises :class:`DraftError`.

    - ``max_entries``: files inside a DOCX (or ODT) zip (default 2000).
    - ``max_part_bytes``: uncompressed size of one DOCX (or ODT) part (default 50 MiB).
    - ``max_total_bytes``: uncompressed size of all DOCX (or ODT) parts together (default 200 MiB).
    - ``max_ratio``: uncompressed / compressed size of one part (default 200); checked for
      parts larger than ``ratio_min_bytes`` (default 1 MiB), as small XML compresses very well.
    - ``max_text_bytes``: size of a text or Markdown draft (default 20 MiB).
    - ``max_blocks``: paragraphs in a draft (default 20000).
    - ``max_pages``: pages of a PDF draft (default 500). A PDF file may be as large as
      ``max_total_bytes``; the text read from it as ``max_text_bytes`` (characters).

    Raise one with e.g. ``read_draft(path, limits=Limits(max_part_bytes=100 * 1024 * 1024))``.
    """

    max_entries: int = 2000
    max_part_bytes: int = 50 * MiB
    max_total_bytes: int = 200 * MiB
    max_ratio: float = 200.0
    ratio_min_bytes: int = 1 * MiB
    max_text_bytes: int = 20 * MiB
    max_blocks: int = 20000
    max_pages: int = 500


@dataclass(frozen=True)
class Block:
    """One paragraph of the draft, in reading order, as it reads with tracked changes accepted."""

    text: str
    index: int
    table: tuple[int, int, int] | None = None  # (table, row, column) inside a table cell
    page_break_before: bool = False
    ref: Any = None  # DOCX: the lxml w:p element; None for text
    story: str | None = None  # where it stands outside the body ("footer of section 1"); None: body
    auto_number: bool = False  # DOCX: Word numbers the paragraph (its number is not in the text)


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
    format: str  # docx | odt | pdf | txt | md
    blocks: tuple[Block, ...]
    pending_changes: bool
    fingerprint: dict | None
    package: Any = None


def read_at_most(fh: IO[bytes], limit: int, expected: int = 0) -> bytes:
    """Up to ``limit`` bytes of ``fh`` (a buffered binary file), read in chunks: memory grows
    with what the file holds, never with the limit (``fh.read(limit)`` allocates all of it up
    front). ``expected``, the size the file says it has, is asked for in one read.

    >>> import io
    >>> read_at_most(io.BytesIO(b"x" * 10), 4), len(read_at_most(io.BytesIO(b"x" * 10), 100, expected=3))
    (b'xxxx', 10)
    """
    chunks, size = [], 0
    want = expected + 1 if expected > 0 else CHUNK  # one more: a short read is the end
    while size < limit:
        ask = min(want, limit - size)
        chunk = fh.read(ask)
        chunks.append(chunk)
        size += len(chunk)
        if len(chunk) < ask:  # a buffered read returns less only at the end of the file
            break
        want = CHUNK
    return b"".join(chunks)


def limit_error(file: str, what: str, field: str, value: int | float) -> DraftError:
    """The error of a draft beyond one of :class:`Limits`; ``what`` (made with ``N_``) says
    what is too large."""
    return DraftError(
        file, N_("{what} exceeds the limit {field}={value}; refused", what=what, field=field,
                 value=value),
        hint=N_("if the file is genuine, raise the limit: in Python, "
                "moukit.check(..., limits=moukit.Limits({field}=...))",
                field=field),
    )


def no_text(blocks: list[Block], name: str) -> tuple[Block, ...]:
    """The blocks; a draft without any text cannot be checked."""
    if not blocks:
        raise DraftError(name, N_("no text found in the draft"),
                         hint=N_("check that this is the right file; a document holding only "
                                 "images (a scan) cannot be checked"))
    return tuple(blocks)


class Collector:
    """Collects text blocks, tracking page breaks and the block limit."""

    def __init__(self, name: str, limits: Limits) -> None:
        self.name = name
        self.limits = limits
        self.blocks: list[Block] = []
        self.page_break = False

    def add(self, text: str, table: tuple[int, int, int] | None = None, ref: Any = None,
            story: str | None = None, auto_number: bool = False) -> None:
        """Add a block unless it is blank; a blank one only passes its page break on (a block
        of another story, such as a footnote, neither takes nor passes one)."""
        if not text.strip():
            return
        if len(self.blocks) >= self.limits.max_blocks:
            raise limit_error(self.name, N_("the number of paragraphs"), "max_blocks",
                               self.limits.max_blocks)
        if story is not None:
            self.blocks.append(Block(text, len(self.blocks), table, False, ref, story))
            return
        self.blocks.append(Block(text, len(self.blocks), table, self.page_break, ref, None, auto_number))
        self.page_break = False
