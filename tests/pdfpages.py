"""For the tests: the characters of a PDF's pages, as the page shows them: text, position,
font and size (pdfminer.six, with /ActualText applied). moukit's reader of PDF drafts is
moukit.checking.readers.pdf (PDFium); this module reads fonts and positions for the page tests.

A PDF holds glyphs, not letters. A glyph's letters come from the font's ToUnicode map, which
can give only one text per glyph: a Thai letter with its vowel and tone mark is several glyphs
for one cluster (ทั้), and the map gives the whole cluster to one glyph and nothing to the
others, or the first cluster a glyph was seen in to every later use of it. PDF writers that
care (Typst, Word, LibreOffice) therefore wrap such glyphs in a marked-content span with an
``/ActualText`` entry, the text they stand for. pdfminer.six reads the glyphs but not that
entry; :class:`ActualTextAggregator` applies it: the first glyph of a span takes the span's
text, the others none. Everything else is pdfminer's layout analysis.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PageChar:
    """One character (or cluster) on a page: text, box in points from the page's top left,
    font name (without the subset prefix), size, and the baseline it stands on."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    font: str
    size: float
    baseline: float


@dataclass(frozen=True)
class Page:
    """A page's size in points and its characters in content order."""

    number: int
    width: float
    height: float
    chars: tuple[PageChar, ...]


def _aggregator_class():
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.psparser import PSLiteral

    class ActualTextAggregator(PDFPageAggregator):
        """pdfminer's page aggregator, with ``/ActualText`` spans applied to their glyphs."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._spans: list[str | None] = []  # the ActualText of each open span (None: none)
            self._span_started: list[bool] = []

        def begin_tag(self, tag: PSLiteral, props: Any = None) -> None:
            text = None
            if isinstance(props, dict) and "ActualText" in props:
                raw = props["ActualText"]
                text = _decode(raw) if isinstance(raw, bytes) else str(raw)
            self._spans.append(text)
            self._span_started.append(False)

        def end_tag(self) -> None:
            if self._spans:
                self._spans.pop()
                self._span_started.pop()

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            advance = super().render_char(*args, **kwargs)
            depth = next((i for i in range(len(self._spans) - 1, -1, -1) if self._spans[i] is not None), None)
            if depth is not None:
                item: Any = self.cur_item._objs[-1]  # the LTChar just made
                item._text = "" if self._span_started[depth] else self._spans[depth]
                self._span_started[depth] = True
            return advance

    return ActualTextAggregator


def _decode(raw: bytes) -> str:
    """A PDF text string: UTF-16 with a byte-order mark, else PDFDocEncoding (Latin-1 here)."""
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", errors="replace")
    if raw.startswith(b"\xff\xfe"):
        return raw[2:].decode("utf-16-le", errors="replace")
    return raw.decode("latin-1")


def pages(data: bytes, max_pages: int | None = None) -> Iterator[Page]:
    """The pages of the PDF ``data`` with their characters (ActualText applied), in order."""
    import io

    from pdfminer.layout import LAParams, LTChar, LTContainer
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    manager = PDFResourceManager()
    device = _aggregator_class()(manager, laparams=LAParams())
    interpreter = PDFPageInterpreter(manager, device)

    def chars(item, height: float) -> Iterator[PageChar]:
        if isinstance(item, LTChar):
            yield PageChar(item.get_text(), item.x0, height - item.y1, item.x1, height - item.y0,
                           item.fontname.split("+", 1)[-1], round(item.size, 2), height - item.matrix[5])
        elif isinstance(item, LTContainer):
            for child in item:
                yield from chars(child, height)

    for number, page in enumerate(PDFPage.get_pages(io.BytesIO(data), maxpages=max_pages or 0), 1):
        interpreter.process_page(page)
        layout = device.get_result()
        yield Page(number, layout.width, layout.height, tuple(chars(layout, layout.height)))


@dataclass(frozen=True)
class Line:
    """The characters of a page that share a baseline, left to right, joined as text."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    chars: tuple[PageChar, ...]


def lines(page: Page, tolerance: float = 2.0) -> list[Line]:
    """The page's lines from top to bottom, each read left to right.

    A PDF need not draw a line's glyphs in order (Typst draws a justified line in pieces), so
    characters are grouped by their baseline (within ``tolerance`` points; not by their boxes,
    which differ between the fonts of one line) and sorted by position. A combining mark that stands alone (a Thai vowel or tone mark the font's map
    gives on its own) stays after the character drawn before it, where it belongs, whatever
    its box says. A glyph that takes no room and is not a mark is invisible (the glyph of a
    word joiner, say) and its text is left out: a writer may map it to a neighbour's letters.
    """
    import unicodedata

    clusters: list[list[PageChar]] = []
    for char in page.chars:
        if char.text and char.x1 - char.x0 < 0.01 and unicodedata.category(char.text[0]) != "Mn":
            continue
        if clusters and char.text and unicodedata.category(char.text[0]) == "Mn":
            clusters[-1].append(char)
        elif not char.text and clusters:  # a glyph whose text its ActualText span gave to another
            clusters[-1].append(char)
        else:
            clusters.append([char])
    rows: list[list[list[PageChar]]] = []
    for cluster in sorted(clusters, key=lambda c: c[0].baseline):
        if rows and abs(rows[-1][0][0].baseline - cluster[0].baseline) <= tolerance:
            rows[-1].append(cluster)
        else:
            rows.append([cluster])
    out = []
    for row in rows:
        row.sort(key=lambda c: c[0].x0)
        chars = tuple(ch for cluster in row for ch in cluster)
        out.append(Line("".join(ch.text for ch in chars), min(ch.x0 for ch in chars),
                        max(ch.x1 for ch in chars), min(ch.top for ch in chars),
                        max(ch.bottom for ch in chars), chars))
    return out



MISSING_FONT = ("no font on this machine has the character {character} ({code}) of the {lang} version: "
                "moukit looked for {fonts}")


def or_skip_without_fonts(make):
    """``make()``, or the test skipped, saying why, when the machine lacks a system font the
    PDF needs (CJK and Burmese fonts come from the system; .ci/run installs them)."""
    import pytest

    from moukit.errors import OutputError

    try:
        return make()
    except OutputError as exc:
        if getattr(exc._detail, "template", None) == MISSING_FONT:
            pytest.skip(str(exc))
        raise
