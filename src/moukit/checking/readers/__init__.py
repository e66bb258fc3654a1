"""Read a draft agreement into paragraphs for the deviation check: one table of formats.

:data:`READERS` lists the formats moukit reads: the name, the suffixes, the media type, how
the content is recognised and the module whose ``read(data, name, limits) -> Draft`` reads
it (imported when a draft of that format comes). The format is told by the content (a PDF
by its start, a zip is an ODT when its ``mimetype`` entry says so, else a DOCX), text by the
name and then the content (Markdown or plain text). Formats moukit cannot read are refused
by their content with a message that says what to send instead (:data:`REFUSED`,
:data:`REFUSED_ZIPS`).
Adding a format is one module and one row.

A draft comes from outside and may be hostile: every reader applies :class:`Limits`, and
every failure is a :class:`moukit.DraftError` that names the file, says what is wrong and
how to fix it.

>>> draft = read_draft(b"Title\\n\\n1. First clause.\\n", name="draft.txt")
>>> draft.format, [b.text for b in draft.blocks]
('txt', ['Title', '1. First clause.'])
"""

from __future__ import annotations

import os
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import NamedTuple

from ...errors import DraftError
from ...i18n import N_
from .model import Block, Draft, Limits, MiB, limit_error, read_at_most

__all__ = ["READERS", "Block", "Draft", "Limits", "Reader", "read_draft"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


class Reader(NamedTuple):
    """One format moukit reads: how it is recognised and the module that reads it."""

    name: str
    suffixes: tuple[str, ...]
    media_type: str
    module: str
    magic: tuple[bytes, ...] = ()  # how the content starts; none: a text format
    # a text format without a suffix of its own; a format sharing its magic with another
    sniff: Callable[[bytes], bool] | None = None

    def read(self, data: bytes, name: str, limits: Limits) -> Draft:
        """The draft in ``data``, read by this format's module."""
        return import_module(self.module).read(data, name, limits)


def _markdown(data: bytes) -> bool:
    from .markdown import looks_like_markdown

    return looks_like_markdown(data)


ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"


def _odt(data: bytes) -> bool:
    from ._zip import zip_names

    return zip_names(data)[1].startswith(ODT_MIMETYPE)  # also -template, -master


READERS = (
    Reader("pdf", (".pdf",), "application/pdf", "moukit.checking.readers.pdf", magic=(b"%PDF",)),
    Reader("odt", (".odt",), ODT_MIMETYPE, "moukit.checking.readers.odt", magic=ZIP_MAGICS, sniff=_odt),
    Reader("docx", (".docx",),
           "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
           "moukit.checking.readers.docx", magic=ZIP_MAGICS),
    Reader("md", (".md", ".markdown"), "text/markdown", "moukit.checking.readers.markdown", sniff=_markdown),
    Reader("txt", (".txt", ".text"), "text/plain", "moukit.checking.readers.text"),
)
# Formats recognised by their content and refused: (magic, what it is, how to fix it).
REFUSED = (
    ((b"{\\rtf",), N_("a Rich Text (.rtf) file, which is not supported"),
     N_("open it in Word and save as .docx")),
)

# Zips that are no draft, by their ``mimetype`` entry or a part they hold: what they are.
REFUSED_ZIPS = (
    ("mimetype", "application/vnd.oasis.opendocument.spreadsheet", N_("an OpenDocument spreadsheet (.ods)")),
    ("mimetype", "application/vnd.oasis.opendocument.presentation", N_("an OpenDocument presentation (.odp)")),
    ("mimetype", "application/vnd.oasis.opendocument.graphics", N_("an OpenDocument drawing (.odg)")),
    ("mimetype", "application/epub+zip", N_("an e-book (.epub)")),
    ("part", "xl/workbook.xml", N_("an Excel workbook (.xlsx)")),
    ("part", "ppt/presentation.xml", N_("a PowerPoint presentation (.pptx)")),
    ("part", "visio/document.xml", N_("a Visio drawing (.vsdx)")),
)


def read_draft(source: str | Path | bytes, *, name: str | None = None,
               limits: Limits | None = None) -> Draft:
    """Read a draft from a path or bytes; the format is told by the content (see :data:`READERS`).

    A text draft is Markdown when its name ends in ``.md`` (or ``.markdown``), or when it has
    no text suffix and reads as Markdown; else plain text.
    """
    limits = limits or Limits()
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        name = name or "<bytes>"
    else:
        name = name or str(source)
        data = _read_file(Path(source), name, limits)
    return reader_for(data, name, limits).read(data, name, limits)


def reader_for(data: bytes, name: str, limits: Limits) -> Reader:
    """The reader of a draft's bytes; :class:`DraftError` for a format moukit refuses."""
    if not data:
        raise DraftError(name, N_("the file is empty"), hint=N_("save the draft again and check the file"))
    if data.startswith(OLE_MAGIC):
        raise _ole_error(name, data)
    if data.startswith(ZIP_MAGICS):
        _refuse_other_zips(data, name)
    for reader in READERS:
        if reader.magic and data.startswith(reader.magic) and (reader.sniff is None or reader.sniff(data)):
            return reader
    for magic, what, hint in REFUSED:
        if data.startswith(magic):
            raise DraftError(name, what, hint=hint)
    if len(data) > limits.max_text_bytes:
        raise limit_error(name, N_("the text file ({size} bytes)", size=len(data)), "max_text_bytes",
                          limits.max_text_bytes)
    texts = [r for r in READERS if not r.magic]
    suffix = Path(name).suffix.lower()
    named = next((r for r in texts if suffix in r.suffixes), None)
    if named is not None:
        return named
    return next((r for r in texts if r.sniff is not None and r.sniff(data)), texts[-1])


def _refuse_other_zips(data: bytes, name: str) -> None:
    """:class:`DraftError` naming the format of a zip that is no draft (:data:`REFUSED_ZIPS`)."""
    from ._zip import zip_names

    names, mimetype = zip_names(data)
    lower = {n.lower() for n in names}
    for kind, value, what in REFUSED_ZIPS:
        if (mimetype == value) if kind == "mimetype" else (value in lower):
            raise DraftError(name, N_("{what}, not a draft moukit can read", what=what),
                             hint=N_("put the agreement's text in a word-processing document and "
                                     "save as .docx (or .odt)"))


def _read_file(path: Path, name: str, limits: Limits) -> bytes:
    """The file's bytes, read no further than the largest size its kind (zip, PDF or text) may
    have."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
            if head.startswith((*ZIP_MAGICS, b"%PDF")):
                cap, field = limits.max_total_bytes + 16 * MiB, "max_total_bytes"
            else:
                cap, field = limits.max_text_bytes, "max_text_bytes"
            size = os.fstat(fh.fileno()).st_size
            data = head + read_at_most(fh, cap + 1 - len(head), expected=size - len(head))
    except FileNotFoundError:
        raise DraftError(name, N_("no such file"), hint=N_("check the path and the file name")) from None
    except IsADirectoryError:
        raise DraftError(name, N_("a folder, not a file"), hint=N_("give the path of the draft file")) from None
    except OSError as exc:
        raise DraftError(name, N_("cannot be read ({error})", error=exc.strerror or exc),
                         hint=N_("check that the file exists and that you may read it")) from None
    if len(data) > cap:
        raise limit_error(name, N_("the file size"), field, getattr(limits, field))
    return data


def _ole_error(name: str, data: bytes) -> DraftError:
    """An OLE compound file is either an encrypted Office file or an old binary .doc."""
    if "EncryptionInfo".encode("utf-16-le") in data or b"EncryptionInfo" in data:
        return DraftError(name, N_("a password-protected (encrypted) document, which cannot be read"),
                          hint=N_("open it in Word, remove the password (File > Info > Protect "
                                  "Document) and save it again as .docx"))
    return DraftError(name, N_("the old binary Word format (.doc), which is not supported"),
                      hint=N_("open it in Word and save it as .docx"))
