"""Writers: each lays out a :class:`moukit.rendering.document.Document` as one file format.

Every writer module has ``write(document, *, layout) -> bytes`` and is deterministic: the
same document gives the same bytes. :data:`WRITERS` is the one table of formats: its name
(``--format``), the file suffixes it is known by (the first is the one moukit writes), its
media type and its module, imported only when that format is written. Adding a format is
one module and one row. What the writers share is in :mod:`moukit.rendering.writers._common`.

>>> FORMATS["md"].suffix, format_of_suffix(".htm")
('.md', 'html')
"""

from __future__ import annotations

from collections import namedtuple
from importlib import import_module

LAYOUTS = ("separate", "parallel")  # each language version in turn, or side by side


# a named tuple from collections, not a dataclass nor typing.NamedTuple: `moukit --help`
# reads this table, and starts faster without importing dataclasses or typing
class Writer(namedtuple("Writer", ("name", "suffixes", "media_type", "module"))):
    """One output format (``name``: str, ``suffixes``: tuple of str, ``media_type``: str) and
    the ``module`` (its dotted name) that writes it."""

    __slots__ = ()

    @property
    def suffix(self) -> str:
        """The suffix moukit gives the files it writes, e.g. ``.docx``."""
        return self.suffixes[0]

    def write(self, document, *, layout: str) -> bytes:
        """The document in this format and ``layout``."""
        return import_module(self.module).write(document, layout=layout)


WRITERS = (
    Writer("docx", (".docx",),
           "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
           "moukit.rendering.writers.docx"),
    Writer("html", (".html", ".htm"), "text/html; charset=utf-8", "moukit.rendering.writers.html"),
    Writer("md", (".md", ".markdown"), "text/markdown; charset=utf-8", "moukit.rendering.writers.markdown"),
    Writer("txt", (".txt", ".text"), "text/plain; charset=utf-8", "moukit.rendering.writers.text"),
    Writer("json", (".json",), "application/json", "moukit.rendering.writers.jsonout"),
    Writer("pdf", (".pdf",), "application/pdf", "moukit.rendering.writers.pdf"),
)
FORMATS = {w.name: w for w in WRITERS}


def format_of_suffix(suffix: str) -> str | None:
    """The format a file suffix names (``.htm`` is ``html``), None when no writer has it."""
    return next((w.name for w in WRITERS if suffix.lower() in w.suffixes), None)
