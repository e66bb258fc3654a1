"""moukit's fingerprint in a DOCX: custom document properties named ``moukit.<key>``.

The writer stores the fingerprint (form, versions, hashes of the spec, the text and the
body) and the reader gets it back, through the package relationship that names the custom
properties part, as the OPC rules say.

>>> from moukit.ooxml.safe import parse
>>> read_properties(parse(custom_properties_xml({"form_id": "f", "moukit_version": "1"})))
{'moukit_version': '1', 'form_id': 'f'}
"""

from __future__ import annotations

import html
from typing import Any

from .package import PKG_REL_NS, XML_DECL, attr

CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CUSTOM_PROPERTIES = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                     "custom-properties")
CUSTOM_PART = "docProps/custom.xml"  # where Office keeps them
CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # Office's id for user-defined properties
PREFIX = "moukit."
# fingerprint key -> property name, in the order written; other keys follow as moukit.<key>
NAMES = {
    "generator": "moukit.generator",
    "moukit_version": "moukit.version",
    "form_id": "moukit.form_id",
    "form_version": "moukit.form_version",
    "spec_sha256": "moukit.spec_sha256",
    "text_sha256": "moukit.text_sha256",
    "languages": "moukit.languages",
    "texts": "moukit.texts",
    "layout": "moukit.layout",
}
KEYS = {name: key for key, name in NAMES.items()}


def custom_properties_xml(fingerprint: dict) -> bytes:
    """``docProps/custom.xml`` holding ``fingerprint`` as ``moukit.*`` string properties."""
    known = [k for k in NAMES if k in fingerprint]
    extra = sorted(k for k in fingerprint if k not in NAMES)
    props = []
    for pid, key in enumerate(known + extra, 2):  # property ids start at 2
        name = NAMES.get(key, PREFIX + key)
        props.append(f'<property fmtid="{CUSTOM_FMTID}" pid="{pid}" name={attr(name)}>'
                     f"<vt:lpwstr>{html.escape(str(fingerprint[key]), quote=False)}</vt:lpwstr></property>")
    xml = f'<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}">{"".join(props)}</Properties>'
    return (XML_DECL + xml).encode("utf-8")


def custom_part_name(package_rels: Any) -> str | None:
    """The custom properties part named by the parsed package relationships, if any."""
    for rel in package_rels.iter(f"{{{PKG_REL_NS}}}Relationship"):
        if rel.get("Type") == CUSTOM_PROPERTIES and rel.get("TargetMode") != "External":
            return rel.get("Target", "").lstrip("/")
    return None


def read_properties(root: Any) -> dict[str, str]:
    """The ``moukit.*`` properties of a parsed custom properties part, keyed as the
    document's fingerprint is (``moukit.version`` is ``moukit_version``), values as text."""
    found: dict[str, str] = {}
    for prop in root:
        if not isinstance(prop.tag, str) or not prop.tag.endswith("}property"):
            continue
        name = prop.get("name") or ""
        if name.startswith(PREFIX):
            found[KEYS.get(name, name[len(PREFIX):])] = "".join(prop.itertext())
    return found
