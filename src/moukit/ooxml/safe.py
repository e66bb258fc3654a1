"""Parsing XML that may come from outside: no DTD, no entities, no network, no huge trees.

Word never writes a DOCTYPE; a part that has one (in any of the encodings XML allows) is
refused before it is parsed, as a possible XML external entity (XXE) attack.

>>> parse(b"<a><b/></a>").tag
'a'
>>> parse(b'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')
Traceback (most recent call last):
...
moukit.ooxml.safe.UnsafeXML: has a DOCTYPE (possible XXE)
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ..i18n import N_

DOCTYPE_MARKS = tuple(
    mark.encode(encoding) for mark in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)


class UnsafeXML(ValueError):
    """The XML is refused (a DOCTYPE) or cannot be parsed; the message (``args[0]``, made with
    ``N_``) says which."""


def parser() -> etree.XMLParser:
    """A safe lxml parser: no DTD, no entities, no network access, no huge trees."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, dtd_validation=False)


_ONE_BYTE_MARKS = tuple(mark for mark in DOCTYPE_MARKS if b"\x00" not in mark)


def has_doctype(blob: bytes) -> bool:
    """True when ``blob`` declares a DOCTYPE or an entity, in any encoding XML allows (the
    marks in UTF-16 and UTF-32 hold zero bytes: a part without one, any part Word writes in
    UTF-8, is searched for the other two only).

    >>> has_doctype('<!DOCTYPE a>'.encode("utf-32-be")), has_doctype(b"<a>&amp;</a>")
    (True, False)
    """
    return any(mark in blob for mark in (DOCTYPE_MARKS if b"\x00" in blob else _ONE_BYTE_MARKS))


def parse(blob: bytes) -> Any:
    """The root element of ``blob``; :class:`UnsafeXML` for a DOCTYPE or broken XML."""
    if has_doctype(blob):
        raise UnsafeXML(N_("has a DOCTYPE (possible XXE)"))
    try:
        root = etree.fromstring(blob, parser())
    except (etree.LxmlError, ValueError) as exc:
        raise UnsafeXML(N_("broken XML: {error}", error=exc)) from None
    if root is None:
        raise UnsafeXML(N_("empty XML"))
    if root.getroottree().docinfo.doctype:
        raise UnsafeXML(N_("has a DOCTYPE (possible XXE)"))
    return root
