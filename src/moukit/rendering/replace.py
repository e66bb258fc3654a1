"""May a new rendering replace the file already at its path? Only when no one's work is lost.

A file may be replaced when it is not there, when it already holds exactly the new bytes, or
when it is a moukit rendering of the same spec that nobody changed since: its fingerprint
(DOCX custom properties, the Markdown comment, the HTML ``<meta>`` tags, the JSON
``fingerprint``, the PDF's attached ``moukit-fingerprint.json``) names the same spec, and

- a DOCX's body still has the SHA-256 the fingerprint recorded when it was written;
- a text format (or a PDF) rendered the same way (languages, layout, texts, moukit version and the
  text's hash all the same) is byte for byte the new rendering, so any other difference is
  a person's edit. (Rendered another way, a text format cannot prove it was not edited; it
  is replaced.)

Anything else (a file moukit did not write, a rendering of another spec or of an earlier
version of this one, a rendering edited by hand) is refused unless the caller forces it.
Plain text carries no fingerprint: only an identical file may be replaced.
"""

from __future__ import annotations

import hashlib
import json
import re
from html import unescape
from pathlib import Path

from ..i18n import N_, Message

# the fingerprint keys that say how a rendering was made (the hashes say what it holds)
_HOW = ("generator", "moukit_version", "form_id", "form_version", "languages", "texts", "layout",
        "text_sha256")
_HTML_META = re.compile(r'<meta name="moukit:([\w.-]+)" content="([^"]*)">')
_MAX_READ = 64 * 1024 * 1024  # a larger file is no rendering of moukit's


def refusal(path: str | Path, data: bytes, stamp: dict) -> Message | None:
    """Why the file at ``path`` must not be replaced by ``data``, a rendering whose
    fingerprint is ``stamp``; None when it may be (or when there is no file).

    >>> refusal("no/such/file.docx", b"", {}) is None
    True
    """
    path = Path(path)
    if not path.is_file():
        return None
    try:
        if path.stat().st_size > _MAX_READ:
            return N_("{path} exists and is not a moukit rendering", path=str(path))
        old = path.read_bytes()
    except OSError:
        return None  # the write itself reports what is wrong with the path
    if old == data:
        return None
    found, untouched = _provenance(path.name, old)
    if not found and path.suffix.lower() == ".txt":
        return N_("{path} exists, and a text file cannot show that it is an unchanged moukit "
                  "rendering", path=str(path))
    if not found or found.get("generator", "moukit") != "moukit" or "form_id" not in found:
        return N_("{path} exists and is not a moukit rendering", path=str(path))
    if found.get("spec_sha256") != stamp.get("spec_sha256"):
        return N_("{path} is a moukit rendering of another spec (or of an earlier version of "
                  "this one)", path=str(path))
    if untouched is None:  # a text format: made the same way, an untouched file is identical
        untouched = any(str(found[k]) != str(stamp[k]) for k in _HOW if k in found and k in stamp)
    if not untouched:
        return N_("{path} was changed after moukit wrote it", path=str(path))
    return None


def _provenance(name: str, data: bytes) -> tuple[dict | None, bool | None]:
    """The fingerprint in ``data`` (None if none) and whether the file is untouched since
    moukit wrote it: True/False for a DOCX, None where the format cannot tell by itself."""
    if data.startswith(b"PK"):
        return _docx_provenance(name, data)
    if data.startswith(b"%PDF"):  # the fingerprint is an attached file; only identical bytes prove
        return _pdf_fingerprint(data), None  # a PDF untouched
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, None
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            found = json.loads(text).get("fingerprint")
        except (ValueError, AttributeError):
            return None, None
        return (found if isinstance(found, dict) else None), None
    if stripped.lower().startswith(("<!doctype html", "<html")):
        found = {key: unescape(value) for key, value in _HTML_META.findall(text)}
        return (found or None), None
    from ..checking.readers.markdown import _md_fingerprint

    return _md_fingerprint(text)[1], None


def _pdf_fingerprint(data: bytes) -> dict | None:
    from ..checking.readers.pdf import fingerprint_of

    return fingerprint_of(data)


def _docx_provenance(name: str, data: bytes) -> tuple[dict | None, bool | None]:
    from ..checking.readers import read_draft
    from ..errors import MoukitError

    try:
        draft = read_draft(data, name=name)
    except MoukitError:
        return None, None
    found = draft.fingerprint
    package = draft.package
    if not found or package is None or not found.get("document_sha256"):
        return found, False
    body = package.parts.get(package.document_part, b"")
    return found, (hashlib.sha256(body).hexdigest() == found["document_sha256"]
                   and not draft.pending_changes)
