"""Hostile and broken drafts for ``moukit check``: made by code, large ones straight to disk."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

MiB = 1024 * 1024
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def content_types(main_type: str = MAIN_TYPE) -> str:
    """A minimal ``[Content_Types].xml``."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{main_type}"/></Types>'
    )


def document(*paragraphs: str, doctype: str = "") -> str:
    """``word/document.xml`` with one paragraph per string (text inserted as given)."""
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{p}</w:t></w:r></w:p>' for p in paragraphs)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')


def docx(*paragraphs: str, parts: dict | None = None, main_type: str = MAIN_TYPE,
         document_xml: str | bytes | None = None) -> bytes:
    """A small DOCX written by hand; ``parts`` adds or replaces parts."""
    files = {
        "[Content_Types].xml": content_types(main_type),
        "_rels/.rels": RELS,
        "word/document.xml": document_xml if document_xml is not None else document(*paragraphs),
        **(parts or {}),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buf.getvalue()


def write_zeros_part(path: Path, size: int, *, part: str = "word/media/image1.bin") -> Path:
    """A DOCX with one part of ``size`` zero bytes, streamed to disk (never held in memory)."""
    chunk = b"\0" * MiB
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", content_types())
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document("The two cities"))
        with archive.open(part, "w", force_zip64=True) as fh:
            left = size
            while left > 0:
                fh.write(chunk[: min(left, MiB)])
                left -= MiB
    return path


def xxe_documents(secret: Path) -> dict[str, bytes]:
    """DOCXs whose XML tries to make the reader read ``secret`` (or declares a DOCTYPE)."""
    url = secret.resolve().as_uri()
    entity = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{url}">]>'
    in_document = document("&xxe;", doctype=entity)
    parameter = document("x", doctype=f'<!DOCTYPE w:document [<!ENTITY % p SYSTEM "{url}"> %p;]>')
    external = document("x", doctype=f'<!DOCTYPE w:document SYSTEM "{url}">')
    laughs = ('<!DOCTYPE w:document [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
              '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>')
    bomb = document("&d;", doctype=laughs)
    settings = f'<?xml version="1.0"?>{entity}<w:settings xmlns:w="{W_NS}">&xxe;</w:settings>'
    custom = ('<?xml version="1.0"?>' + entity.replace("w:document", "Properties") +
              '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
              'custom-properties"><property name="moukit.form_id">&xxe;</property></Properties>')
    utf16 = settings.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')
    return {
        "entity-in-document": docx(document_xml=in_document),
        "parameter-entity": docx(document_xml=parameter),
        "external-dtd": docx(document_xml=external),
        "entity-expansion-bomb": docx(document_xml=bomb),
        "entity-in-settings-part": docx("The two cities", parts={"word/settings.xml": settings}),
        "entity-in-custom-properties": docx("The two cities", parts={"docProps/custom.xml": custom}),
        "utf16-settings-part": docx("The two cities", parts={"word/settings.xml": utf16.encode("utf-16")}),
        "doctype-in-content-types": docx("x", parts={
            "[Content_Types].xml": content_types().replace("?>", "?><!DOCTYPE Types>", 1)}),
    }


def utf32_doctype_part(secret: Path) -> bytes:
    """A DOCX whose word/styles.xml, encoded in UTF-32, declares an external entity."""
    url = secret.resolve().as_uri()
    styles = (f'<?xml version="1.0" encoding="UTF-32"?><!DOCTYPE w:styles [<!ENTITY xxe SYSTEM '
              f'"{url}">]><w:styles xmlns:w="{W_NS}">&xxe;</w:styles>')
    return docx("The two cities", parts={"word/styles.xml": styles.encode("utf-32")})


def xinclude_document(secret: Path) -> bytes:
    """A DOCX whose body asks for an XInclude of ``secret`` (no DOCTYPE needed)."""
    body = (f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}" '
            'xmlns:xi="http://www.w3.org/2001/XInclude"><w:body><w:p><w:r><w:t>'
            f'<xi:include href="{secret.resolve().as_uri()}" parse="text"/>'
            '</w:t></w:r></w:p></w:body></w:document>')
    return docx(document_xml=body)


def nesting_bomb(depth: int = 20_000) -> bytes:
    """A DOCX whose body nests ``depth`` content controls inside each other."""
    opening = "<w:sdt><w:sdtContent>" * depth
    closing = "</w:sdtContent></w:sdt>" * depth
    body = f"{opening}<w:p><w:r><w:t>x</w:t></w:r></w:p>{closing}"
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    return docx(document_xml=xml)


def many_entries(count: int = 3000) -> bytes:
    """A DOCX with ``count`` tiny extra parts."""
    return docx("x", parts={f"word/media/{i}.bin": b"x" for i in range(count)})


def macro_enabled() -> dict[str, bytes]:
    """A .docm: with a VBA project part, and with the macro-enabled content type."""
    return {
        "vba-project": docx("The two cities", parts={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0vba"}),
        "macro-content-type": docx("The two cities", main_type=MACRO_TYPE),
    }


def ole(kind: str) -> bytes:
    """An OLE compound file: ``encrypted`` (EncryptionInfo stream) or ``doc`` (old Word)."""
    header = OLE_MAGIC + b"\0" * 504
    if kind == "encrypted":
        return header + "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
    return header + "WordDocument".encode("utf-16-le") + b"\0" * 512


def truncated(data: bytes) -> bytes:
    """The first half of ``data``."""
    return data[: len(data) // 2]


def write_huge_text(path: Path, size: int = 100 * MiB) -> Path:
    """``size`` bytes of agreement-like English text, written in chunks."""
    paragraph = ("The two cities will cooperate with each other in the fields of economy, trade and "
                 "tourism on the basis of equality and mutual benefits.\n\n").encode("ascii")
    chunk = paragraph * (MiB // len(paragraph) + 1)
    with open(path, "wb") as fh:
        left = size
        while left > 0:
            fh.write(chunk[:left])
            left -= len(chunk)
    return path


NEWS_ARTICLE = """\
River bridges to close for repairs

The city council voted on Tuesday to close the two old bridges over the river for repairs
that will take most of next year, the transport office said.

Engineers found cracks in the supports during an inspection in the spring. Buses will be
diverted over the new ring road while the work goes on.

Shop owners near the bridges said they feared losing customers and asked the council for
help with parking during the closure.
"""

GERMAN_LOI = """\
Absichtserklärung über die Errichtung einer Städtepartnerschaft zwischen der Provinz Chiang Mai
und der Stadt Freiburg

Auf der Grundlage der Gleichberechtigung und des gegenseitigen Nutzens und in dem Wunsch, die
freundschaftlichen Beziehungen zwischen den beiden Städten zu vertiefen, erklären die beiden
Städte ihre gemeinsame Absicht wie folgt:

1. Die beiden Städte werden die bestehende Zusammenarbeit in den Bereichen Wirtschaft, Handel
und Tourismus ausbauen.

2. Die beiden Städte werden neue Formen der Zusammenarbeit in den Bereichen Bildung und Kultur
prüfen.

3. Die beiden Städte werden den Austausch von Besuchen ihrer Beamten fördern.

4. Die beiden Städte beabsichtigen, förmlich eine Städtepartnerschaft zu begründen.

Unterzeichnet in Freiburg am 22. November 2026 in deutscher und thailändischer Sprache.
"""

GERMAN_SHORT = """\
Die beiden Partner werden im Rahmen ihrer Befugnisse zusammenarbeiten.

Die beiden Partner werden den Austausch von Besuchen ihrer Beamten fördern.
"""
