"""Deterministic OPC packaging: the same parts give the same bytes.

Every zip entry gets a fixed time and fixed attributes, so that a document rendered twice
from the same spec, or a redline written twice from the same draft, is byte-identical.

>>> zip_parts([("a.xml", b"<a/>")]) == zip_parts([("a.xml", b"<a/>")])
True
"""

from __future__ import annotations

import html
import io
import zipfile
from collections.abc import Iterable


def attr(value: str) -> str:
    """An XML attribute value, quoted and escaped (``xml.sax.saxutils`` would import the
    whole of urllib and http for this).

    >>> attr('a & "b"')
    '"a &amp; &quot;b&quot;"'
    """
    return '"' + html.escape(value, quote=True).replace("&#x27;", "'") + '"'


def xml_text(text: str) -> str:
    """``text`` escaped as XML element content (``&``, ``<`` and ``>``, as lxml writes it).

    >>> print(xml_text('a < b & c > d, "quoted"'))
    a &lt; b &amp; c &gt; d, "quoted"
    """
    return html.escape(text, quote=False)


XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
LXML_DECL = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"  # as lxml (python-docx) writes it
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
FIRST = {"[Content_Types].xml": 0, "_rels/.rels": 1}  # where Word puts them


def zip_parts(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip of ``(name, bytes)`` entries, in the order given, with fixed times and attributes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            zf.writestr(info, blob)
    return buffer.getvalue()


def in_package_order(entries: Iterable[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The entries sorted by name, the content types and the package relationships first."""
    return sorted(entries, key=lambda e: (FIRST.get(e[0], 2), e[0]))


def rels_xml(rels: list[tuple[str, str]]) -> str:
    """A relationships part holding ``(type, target)`` pairs, numbered rId1, rId2..."""
    items = "".join(f'<Relationship Id="rId{i}" Type="{reltype}" Target="{target}"/>'
                    for i, (reltype, target) in enumerate(rels, 1))
    return f'<Relationships xmlns="{PKG_REL_NS}">{items}</Relationships>'


def content_types_xml(parts: list[tuple[str, str]]) -> bytes:
    """``[Content_Types].xml`` for ``(part name, content type)`` pairs."""
    overrides = "".join(f'<Override PartName={attr(name)} ContentType={attr(ct)}/>'
                        for name, ct in sorted(parts))
    return (XML_DECL + f'<Types xmlns="{CONTENT_TYPES_NS}"><Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>'
            ).encode("utf-8")
