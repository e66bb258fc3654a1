"""Opening a zip that may be hostile: every limit applied while reading, nothing trusted from
the headers (sizes, counts, the compression ratio are measured)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable

from ...errors import DraftError
from ...i18n import N_
from .model import Limits, limit_error, read_at_most

# Not MemoryError: running out of memory is no damage of the file (the command line says so).
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
              NotImplementedError, RuntimeError, struct.error, zlib.error, KeyError,
              IndexError, OverflowError, UnicodeDecodeError)


def damaged(name: str, detail: str) -> DraftError:
    """The error of a damaged .docx; ``detail`` (a message made with ``N_``) says what is wrong."""
    return DraftError(name, N_("not a readable .docx ({detail})", detail=detail),
                      hint=N_("the file is damaged or truncated; open it in Word and save it again "
                              "as .docx, or send the original file"))


def zip_names(data: bytes) -> tuple[list[str], str]:
    """The names of the files in a zip (its central directory, nothing unpacked) and its
    ``mimetype`` entry (OpenDocument, EPUB) when it has a short one; ``([], "")`` when the zip
    cannot be read (the reader then says it is damaged)."""
    try:
        archive = _archive(data)
        names = archive.namelist()
        info = next((i for i in archive.infolist() if i.filename == "mimetype"), None)
        mimetype = ""
        if info is not None and info.file_size <= 200 and not info.flag_bits & 0x1:
            mimetype = archive.read(info).decode("ascii", "replace").strip()
        return names, mimetype
    except ZIP_ERRORS:
        return [], ""


def _archive(data: bytes) -> zipfile.ZipFile:
    """The zip of ``data``, its central directory read. The last one is kept: telling a
    draft's format (:func:`zip_names`) and reading it (:func:`open_zip`) open the same bytes."""
    global _LAST
    last = _LAST
    if last[0] is data:  # (the same object, kept alive here: the same bytes)
        return last[1]
    _LAST = (None, None)  # (nothing kept of a zip that cannot be read)
    archive = zipfile.ZipFile(io.BytesIO(data))
    _LAST = (data, archive)
    return archive


_LAST: tuple = (None, None)  # (the zip's bytes, its zipfile.ZipFile)


def open_zip(data: bytes, name: str, limits: Limits,
             required: tuple[str, ...] = ("[Content_Types].xml", "word/document.xml"),
             error: Callable[[str, str], DraftError] = damaged) -> dict[str, bytes]:
    """Every part of the zip, read with all limits applied; nothing is trusted from the headers.
    ``required``: the parts the format must have; ``error``: the error of a damaged file of
    the format (default: a damaged .docx)."""
    try:
        archive = _archive(data)
        infos = archive.infolist()
    except zipfile.BadZipFile:  # the usual damage: Python's own words would stay English
        raise error(name, N_("broken zip: {error}", error=N_("not a zip file"))) from None
    except ZIP_ERRORS as exc:
        raise error(name, N_("broken zip: {error}", error=exc)) from None
    if len(infos) > limits.max_entries:
        raise limit_error(name, N_("the number of files in the zip ({count})", count=len(infos)), "max_entries",
                           limits.max_entries)
    names = [i.filename for i in infos]
    if len(set(n.lower() for n in names)) != len(names):
        raise error(name, N_("the zip holds two files with the same name"))
    total = 0
    for info in infos:
        if info.file_size > limits.max_part_bytes:
            raise limit_error(name, N_("the part {part} ({size} bytes)", part=info.filename, size=info.file_size),
                               "max_part_bytes", limits.max_part_bytes)
        total += info.file_size
        if total > limits.max_total_bytes:
            raise limit_error(name, N_("the unpacked size of the parts"), "max_total_bytes",
                               limits.max_total_bytes)
        if info.file_size > limits.ratio_min_bytes:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise limit_error(name, N_("the compression ratio of {part} ({ratio})", part=info.filename,
                                                    ratio=f"{ratio:.0f}"),
                                   "max_ratio", limits.max_ratio)
        if info.flag_bits & 0x1:
            raise DraftError(name, N_("an encrypted zip, which cannot be read"),
                             hint=N_("save the draft again as an ordinary .docx without a password"))
    lower = {n.lower(): n for n in names}
    for part in required:
        if part.lower() not in lower:
            raise error(name, N_("no {part} part: not a Word document", part=part)
                          if part in ("[Content_Types].xml", "word/document.xml") else
                          N_("no {part} part", part=part))
    if any(n.lower().rsplit("/", 1)[-1] in ("vbaproject.bin", "vbadata.xml") for n in names):
        raise macro_error(name)
    parts: dict[str, bytes] = {}
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        cap = min(limits.max_part_bytes, limits.max_total_bytes - total)
        try:
            with archive.open(info) as fh:
                blob = read_at_most(fh, cap + 1, expected=info.file_size)
        except ZIP_ERRORS as exc:
            raise error(name, N_("cannot unpack {part}: {error}", part=info.filename, error=exc)) from None
        if len(blob) > limits.max_part_bytes:
            raise limit_error(name, N_("the part {part}", part=info.filename), "max_part_bytes",
                               limits.max_part_bytes)
        total += len(blob)
        if total > limits.max_total_bytes:
            raise limit_error(name, N_("the unpacked size of the parts"), "max_total_bytes",
                               limits.max_total_bytes)
        parts[info.filename] = blob
    return parts


def macro_error(name: str) -> DraftError:
    """The error of a document with macros (refused)."""
    return DraftError(name, N_("macro-enabled document, refused"),
                      hint=N_("save it in Word as an ordinary Word Document (.docx) without macros"))
