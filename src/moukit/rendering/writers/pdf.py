"""PDF: the document typeset by Typst (the ``typst`` package ships the compiler), as PDF/A-3b.

The layout is ``pdf.typ`` beside this module; the document comes to it as JSON data, so no
text of a spec is ever read as Typst markup. What this module decides:

- fonts (:mod:`moukit.rendering.writers.pdf_fonts`): Sarabun for Thai, Noto Serif for Latin
  scripts, the system's CJK and Myanmar fonts, every character checked to have a glyph;
- line breaks in Thai at pythainlp's word boundaries, never inside a word
  (:mod:`moukit.text.linebreak`);
- page numbers: "- ๒ -" in Thai digits on the Thai version and on a parallel document with a
  Thai column, plain numbers otherwise, top centre, from the second page of each version;
- the parallel layout: landscape A4 from three columns; each column as wide as its text needs
  (:func:`column_widths`); the row of language names repeated on each page; Latin text
  left-aligned there (justified Thai and CJK keep even edges in narrow columns, Latin does not);
- the fingerprint, as in the DOCX: an attached file ``moukit-fingerprint.json``, which the
  check reads back. The PDF's date is the signing date, so the same spec and version give
  the same bytes.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path

from ...errors import OutputError
from ...i18n import N_
from ...text.linebreak import breakable
from ..document import Clause, Document, Version
from ._common import SIGN_LINE, column_shares, grouped, needs_landscape, require_layout
from .pdf_fonts import fonts_for, typeset_fonts

TEMPLATE = Path(__file__).with_name("pdf.typ")
FINGERPRINT_FILE = "moukit-fingerprint.json"
_REGIONS = {"zh": "cn", "th": "th", "ja": "jp", "ko": "kr", "vi": "vn", "id": "id", "tr": "tr",
            "en": "gb", "my": "mm"}
# how tall a line of a language prints (a key of _common.LINE_HEIGHT); Latin scripts: "other"
_KIND = {"th": "complex", "my": "complex", "zh": "cjk", "ja": "cjk", "ko": "cjk"}
# Thai is justified by spreading the letters a little as well as the spaces (as Word's
# thaiDistribute does), as Thai lines have few spaces
TRACKING = {"th": (-0.01, 0.2)}  # (least, most) added between letters, in ems
# the line's height: Thai needs room for its marks above and below (a line from the font's
# ascender to its descender, as Word's single spacing gives); others from cap height to baseline
_EDGES = {"th": ("ascender", "descender"), "my": ("ascender", "descender")}
_LEADING = {"th": 0.05, "my": 0.1, "zh": 0.6, "ja": 0.6, "ko": 0.6}  # between lines, in ems
LATIN_LEADING = 0.5


@lru_cache(maxsize=1)
def _template() -> bytes:
    return TEMPLATE.read_bytes()


def _clause(clause: Clause) -> dict:
    out: dict = {"kind": clause.kind, "number": clause.number, "text": breakable(clause.text)}
    if clause.kind in ("table", "columns"):  # the dossier's tables: cells made breakable one by one
        out["rows"] = [[breakable(cell) for cell in row] for row in clause.rows]
    return out


def _version(version: Version, fonts) -> dict:
    """One version as ``pdf.typ`` lays it out: its clauses (signature blocks grouped), fonts,
    size, justification, line height and page-number style."""
    lang = version.lang
    latin = lang not in _KIND
    items = [[_clause(c) for c in item] if isinstance(item, list) else _clause(item)
             for item in grouped(version.clauses)]
    return {
        "lang": lang, "region": _REGIONS.get(lang), "language_name": version.language_name,
        "fonts": list(fonts.families), "size": fonts.size,
        "draft_marker": version.draft_marker, "justify": True,
        "justify_parallel": not latin,  # Latin text in a narrow column: left-aligned
        "tracking": list(TRACKING.get(lang, (0, 0))),
        "edges": list(_EDGES.get(lang, ("cap-height", "baseline"))),
        "leading": _LEADING.get(lang, LATIN_LEADING),
        "page_numbers": "thai" if lang == "th" else "plain",
        "items": items, "clauses": [_clause(c) for c in version.clauses],
        "landscape": needs_landscape(version),
    }


def column_widths(document: Document) -> list[float]:
    """The share of the width each version's column gets in the parallel layout: the rule of
    the DOCX (:func:`._common.column_shares`) at the PDF's sizes."""
    from .pdf_fonts import _table

    sizes = _table()["languages"]
    return column_shares([v.plain_text() for v in document.versions],
                         [sizes.get(v.lang, sizes["default"])["size"] for v in document.versions],
                         [_KIND.get(v.lang, "other") for v in document.versions])


def document_data(document: Document, layout: str) -> dict:
    """What ``pdf.typ`` lays out: the versions' clauses (Thai made breakable), fonts and sizes,
    page numbering, the parallel layout's column widths and orientation, the metadata and the
    fingerprint."""
    require_layout(document, layout)
    versions = document.versions
    texts = {v.lang: "\n".join([v.draft_marker or "", v.language_name] + [c.text for c in v.clauses])
             for v in versions}
    fonts = {v.lang: fonts_for(v.lang, texts[v.lang] + SIGN_LINE) for v in versions}
    titled = next((v for v in versions if v.lang == "en"), versions[0])
    day = _signing_date(document)
    return {
        "layout": layout,
        "title": titled.title,
        "keywords": [document.form_id, document.form_version, document.instrument, "moukit"],
        "date": [day.year, day.month, day.day],
        "fingerprint": json.dumps(document.stamp(layout), ensure_ascii=False, sort_keys=True),
        "sign_line": SIGN_LINE,
        "versions": [_version(v, fonts[v.lang]) for v in versions],
        "landscape": len(versions) >= 3,
        "widths": column_widths(document),
        "page_numbers": "thai" if any(v.lang == "th" for v in versions) else "plain",
        "fonts": list(dict.fromkeys(family for f in fonts.values() for family in f.families)),
        "emblem": list(document.emblem),  # the office's Garuda for an "emblem" clause (bytes)
    }


def _signing_date(document: Document) -> date:
    try:
        return date.fromisoformat(document.signing_date) if document.signing_date else date(1980, 1, 1)
    except ValueError:
        raise OutputError(N_("signing date {date} is not an ISO date", date=repr(document.signing_date)),
                          hint=N_("use YYYY-MM-DD")) from None


def write(document: Document, *, layout: str = "separate") -> bytes:
    """The document as PDF/A-3b bytes in ``layout`` (``separate`` or ``parallel``)."""
    data = document_data(document, layout)
    return _compile(json.dumps(data, ensure_ascii=False, sort_keys=True), tuple(data["date"]))


def _compile(data: str, day: tuple[int, int, int]) -> bytes:
    """Typeset ``pdf.typ`` with ``data``; a Typst error becomes an :class:`OutputError`."""
    import datetime

    import typst

    try:
        pdf = typst.compile(_template(), format="pdf", font_paths=typeset_fonts(),
                            sys_inputs={"data": data},
                            pdf_standards=["a-3b"],  # PDF/A-3: archivable, and it may carry the fingerprint
                            timestamp=datetime.datetime(*day, tzinfo=datetime.timezone.utc))
    except typst.TypstError as exc:
        raise OutputError(N_("the PDF could not be typeset: {error}", error=exc.message),
                          hint=N_("render the DOCX instead, and report this to moukit's developers")) from None
    if not isinstance(pdf, bytes):  # pragma: no cover - a compiler that returns pages
        raise OutputError(N_("the PDF could not be typeset: {error}", error=type(pdf).__name__))
    return pdf
