"""The DOCX looked at as printed pages: every example rendered in both layouts, converted to
PDF by LibreOffice headless (all files in one call), then read with pdfplumber.

What these tests assume of the machine (see docs/printing.md): LibreOffice Writer
(``soffice``; poppler's pdftoppm only to save page images); Thai text is printed in the font fontconfig gives for
"TH Sarabun New" (Laksaman from fonts-tlwg-laksaman, metric-compatible with TH Sarabun PSK,
where TH Sarabun New itself is not installed), Latin text in the one it gives for "Times New
Roman" (Liberation Serif, from fonts-liberation), CJK text in a Noto CJK font (fonts-noto-cjk).
Without soffice, pdfplumber or Liberation Serif the tests are skipped, saying why.

Text extracted from a PDF loses the order of Thai marks ("นี้จะ" comes out as "นีจ้ะ") and
its spaces, SARA AM (ำ) reads as "ำา" and, in bold Laksaman, SARA AA (า) as "(cid:14)": so
text is compared by its base characters (:func:`key`): whitespace, combining marks, SARA AA
and SARA AM and unmapped glyphs left out.

LibreOffice 7 lets CJK punctuation hang into the right margin (it ignores the
``w:overflowPunct`` off that the writer gives, which Word honours): such a character may
stand in the margin by its own width.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import unicodedata
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from lxml import etree

import moukit
from moukit.rendering.build import build_document
from moukit.rendering.document import Document
from moukit.rendering.writers import docx as docx_writer
from moukit.rendering.writers._common import SIGN_LINE, grouped
from moukit.rendering.writers.docx_style import MARGIN_TWIPS

pdfplumber = pytest.importorskip("pdfplumber", reason="pdfplumber reads the pages (pip install pdfplumber)")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ITALIAN = EXAMPLES / "templates-it"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PT = {side: twips / 20 for side, twips in MARGIN_TWIPS.items()}  # margins in points
TOLERANCE = 1.5  # points: glyph outlines may overhang their advance a little
HEADER_BAND = PT["top"] - 8  # above this, the header (the page number)


UNMAPPED = re.compile(r"\(cid:\d+\)")
SARA_A = str.maketrans("", "", "\u0e32\u0e33")


def key(text: str) -> str:
    """``text`` as compared with extracted text: no whitespace, no combining marks, no SARA AA
    or SARA AM, no unmapped glyph."""
    text = unicodedata.normalize("NFKD", UNMAPPED.sub("", text)).translate(SARA_A)
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Mn")


@dataclass
class Page:
    """A printed page: its size and characters (pdfplumber's, with positions in points)."""

    width: float
    height: float
    chars: list[dict]


@dataclass
class Rendered:
    """One rendering: the document, its layout, the DOCX and its PDF with the PDF's pages."""

    document: Document
    layout: str
    docx: bytes
    pdf: Path
    printed: list[Page] = field(default_factory=list)

    def pages(self) -> list[Page]:
        """The PDF's pages, read once."""
        if not self.printed:
            with pdfplumber.open(self.pdf) as pdf:
                self.printed = [Page(p.width, p.height, list(p.chars)) for p in pdf.pages]
        return self.printed

    def table_widths(self) -> list[list[float]]:
        """The column widths (points) of each table of the DOCX, in order."""
        with zipfile.ZipFile(io.BytesIO(self.docx)) as zf:
            body = etree.fromstring(zf.read("word/document.xml"))
        return [[int(g.get(W + "w")) / 20 for g in tbl.iter(W + "gridCol")] for tbl in body.iter(W + "tbl")]


SHIFTS = (4, 9, 14, 21)  # lines added to a clause: without keep-with-next, LibreOffice split them


def _documents() -> dict[str, Document]:
    """Every example in its languages, a long one (clauses four times as long), some whose
    signature blocks fall at the foot of a page, a draft and a two-version one."""
    docs = {}
    for path in sorted(EXAMPLES.glob("*.yaml")):
        templates = [ITALIAN] if path.stem == "chiang-mai-genoa" else []
        docs[path.stem] = build_document(moukit.load_spec(path), templates=templates)
    hokkaido = docs["chiang-mai-hokkaido"]
    docs["long"] = replace(hokkaido, versions=tuple(
        replace(v, clauses=tuple(replace(c, text=" ".join([c.text] * 4))
                                 if c.kind in ("paragraph", "numbered") else c for c in v.clauses))
        for v in hokkaido.versions))
    for lines in SHIFTS:  # the signature blocks pushed towards the foot of a page
        docs[f"shift-{lines}"] = replace(hokkaido, versions=tuple(
            replace(v, clauses=tuple(replace(c, text=c.text + "\nFiller" * lines) if c.id == v.clauses[1].id
                                     else c for c in v.clauses)) for v in hokkaido.versions))
    spec = moukit.load_spec(EXAMPLES / "chiang-mai-hokkaido.yaml")
    docs["draft"] = build_document(spec.model_copy(update={"draft": True}))
    docs["th-en"] = build_document(spec, languages=["th", "en"])
    return docs


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> dict[tuple[str, str], Rendered]:
    """Every document in both layouts, as DOCX and as the PDF LibreOffice prints of it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    if _fc_family("Times New Roman") != "LiberationSerif":
        pytest.skip("Times New Roman is printed in another font than Liberation Serif, whose metrics it "
                    "has: lines and pages would break elsewhere than in Word (apt-get install fonts-liberation)")
    folder = tmp_path_factory.mktemp("pages")
    out = {}
    for name, document in _documents().items():
        for layout in ("separate", "parallel"):
            data = docx_writer.write(document, layout=layout)
            path = folder / f"{name}.{layout}.docx"
            path.write_bytes(data)
            out[name, layout] = Rendered(document, layout, data, path.with_suffix(".pdf"))
    profile = (folder / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), *sorted(str(p) for p in folder.glob("*.docx"))],
                   check=True, capture_output=True, timeout=600)
    missing = [r.pdf.name for r in out.values() if not r.pdf.exists()]
    assert not missing, f"LibreOffice did not convert {missing}"
    return out


ALL = [(name, layout) for name in (*sorted(p.stem for p in EXAMPLES.glob("*.yaml")), "long", "draft", "th-en",
                                   *(f"shift-{n}" for n in SHIFTS))
       for layout in ("separate", "parallel")]


def _words_text(words) -> str:
    return "".join(w["text"] for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])))


def _region_text(page, x0: float, x1: float, below: float) -> str:
    """The text of the page between x0 and x1, under ``below`` (points from the top), as
    lines from the top."""
    chars = [c for c in page.chars if x0 - TOLERANCE <= (c["x0"] + c["x1"]) / 2 <= x1 + TOLERANCE
             and c["top"] >= below]
    lines: dict[int, list] = {}
    for c in chars:
        lines.setdefault(round(c["top"] / 3), []).append(c)
    return "".join("".join(c["text"] for c in sorted(line, key=lambda c: c["x0"]))
                   for _, line in sorted(lines.items()))


def _columns(r: Rendered, width: float) -> list[tuple[float, float]]:
    """The x ranges (points) of the parallel table's columns on a page ``width`` wide."""
    x, out = PT["left"], []
    for w in r.table_widths()[0]:
        out.append((x, x + w))
        x += w
    assert abs(x - (width - PT["right"])) < 1
    return out


def readable(version) -> bool:
    """Whether a version's text can be read back from LibreOffice's PDF: not Burmese, whose
    shaped glyphs (Padauk) come out without their Unicode text."""
    return version.lang != "my"


def _header_row_bottom(r: Rendered, page: Page) -> float:
    """Where the header row naming the languages ends on a page of the parallel layout; each
    column's cell of it must read the version's language name."""
    lines = [c for c in page.chars if c["top"] >= HEADER_BAND]
    first = min(c["top"] for c in lines)
    row = [c for c in lines if c["top"] < first + 20]
    for version, (x0, x1) in zip(r.document.versions, _columns(r, page.width)):
        cell = [c for c in row if x0 <= (c["x0"] + c["x1"]) / 2 <= x1]
        text = key("".join(c["text"] for c in sorted(cell, key=lambda c: c["x0"])))
        assert cell and (text == key(version.language_name) or not readable(version)), \
            f"the header row reads {text!r} for {version.language_name!r}"
    return max(c["bottom"] for c in row)


def _in_order(text: str, pieces: list[str], what: str) -> None:
    position = 0
    for piece in pieces:
        found = text.find(key(piece), position)
        assert found >= 0, f"{what}: {piece[:60]!r} not found in order"
        position = found + len(key(piece))


@pytest.mark.parametrize("name, layout", ALL)
def test_every_clause_is_on_the_pages_in_order(rendered, name, layout):
    r = rendered[name, layout]
    pages = r.pages()
    if layout == "separate":
        text = "".join(_region_text(p, 0, p.width, HEADER_BAND) for p in pages)
        pieces = []
        for version in filter(readable, r.document.versions):
            pieces += [version.draft_marker] if version.draft_marker else []
            for item in grouped(version.clauses):
                if isinstance(item, list):  # side by side: each party's lines in its half
                    continue
                pieces.append(f"{item.number}. {item.text}" if item.number else item.text)
        _in_order(key(text), pieces, name)
        return
    for column, version in enumerate(r.document.versions):
        if not readable(version):
            continue
        text = ""
        for page in pages:
            x0, x1 = _columns(r, page.width)[column]
            text += _region_text(page, x0, x1, _header_row_bottom(r, page))
        pieces = [version.draft_marker] if version.draft_marker else []
        for clause in version.clauses:
            number = f"{clause.number}. " if clause.number else ""
            pieces += [number + line for line in clause.lines]
            if clause.kind == "signature":
                pieces.insert(len(pieces) - len(clause.lines) + 1, SIGN_LINE)
        _in_order(key(text), pieces, f"{name} {version.lang}")


@pytest.mark.parametrize("name, layout", ALL)
def test_every_character_is_within_the_margins(rendered, name, layout):
    for number, page in enumerate(rendered[name, layout].pages(), 1):
        for c in page.chars:
            where = f"page {number}: {c['text']!r} at ({c['x0']:.1f}, {c['top']:.1f})"
            assert c["x0"] >= PT["left"] - TOLERANCE, where
            hanging = c["x1"] - c["x0"] if unicodedata.category(c["text"][0]) == "Po" else 0
            assert c["x1"] <= page.width - PT["right"] + TOLERANCE + hanging, where
            assert c["bottom"] <= page.height - PT["bottom"] + TOLERANCE, where
            if c["top"] < HEADER_BAND:  # the page number, in the header, below the page's edge
                assert c["top"] > 20, where


def _version_pages(r: Rendered) -> list[list]:
    """The pages of each version of the separate layout (a version starts on a new page with
    its title: found by its first line)."""
    pages = r.pages()
    starts = []
    for version in r.document.versions:
        first = key(version.draft_marker or version.clause("title").lines[0])
        starts.append(next(i for i, p in enumerate(pages)
                           if i not in starts and key(_region_text(p, 0, p.width, HEADER_BAND)).startswith(first)))
    assert starts == sorted(starts)
    return [pages[a:b] for a, b in zip(starts, [*starts[1:], len(pages)])]


def _page_number(page) -> str:
    return key("".join(c["text"] for c in sorted(page.chars, key=lambda c: c["x0"]) if c["top"] < HEADER_BAND))


THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@pytest.mark.parametrize("name", ["chiang-mai-hokkaido", "long", "bangkok-shanghai", "draft"])
def test_page_numbers_from_page_two_restarting_in_each_version(rendered, name):
    """The first page of each version has no number; the next ones are numbered from 2, top
    centre; in the Thai version "- 2 -" (in Thai digits where the renderer knows Word's
    ``thaiNumbers`` format: LibreOffice 7 prints Arabic digits, Word "- ๒ -")."""
    r = rendered[name, "separate"]
    numbered = 0
    for version, pages in zip(r.document.versions, _version_pages(r)):
        assert _page_number(pages[0]) == "", (version.lang, "a title page has no number")
        for n, page in enumerate(pages[1:], 2):
            number = _page_number(page).translate(THAI_DIGITS)
            assert number == (f"-{n}-" if version.lang == "th" else f"{n}"), (version.lang, n, number)
            marks = [c for c in page.chars if c["top"] < HEADER_BAND]
            middle = (min(c["x0"] for c in marks) + max(c["x1"] for c in marks)) / 2
            assert abs(middle - (PT["left"] + page.width - PT["right"]) / 2) < 3, "centred on the text"
            numbered += 1
    assert numbered, "no version ran onto a second page"


@pytest.mark.parametrize("name, layout", ALL)
def test_a_parallel_layout_of_three_versions_is_landscape(rendered, name, layout):
    r = rendered[name, layout]
    landscape = layout == "parallel" and len(r.document.versions) >= 3
    for page in r.pages():
        assert (page.width > page.height) is landscape
        assert sorted((round(page.width), round(page.height))) == [595, 842]  # A4


@pytest.mark.parametrize("name, layout", ALL)
def test_no_page_ends_inside_a_signature_block(rendered, name, layout):
    r = rendered[name, layout]
    pages = r.pages()
    for column, version in enumerate(r.document.versions):
        if not readable(version):
            continue
        if layout == "parallel":  # lines wrap in narrow columns: read the version's column
            texts = [key(_region_text(p, *_columns(r, p.width)[column], HEADER_BAND)) for p in pages]
        else:
            texts = [key(_region_text(p, 0, p.width, HEADER_BAND)) for p in pages]
        block = [c for c in version.clauses if c.kind == "signature"]
        where = [i for i, t in enumerate(texts) if key(block[0].lines[0]) in t]
        assert where, (version.lang, "no page has the signature block")
        for line in (line for c in block for line in c.lines):
            assert key(line) in texts[where[-1]], (version.lang, f"page {where[-1] + 1} lacks {line!r}")


def test_the_header_row_repeats_on_every_page_of_a_long_parallel_table(rendered):
    r = rendered["long", "parallel"]
    pages = r.pages()
    assert len(pages) >= 3
    for page in pages:
        _header_row_bottom(r, page)


def test_the_draft_marker_is_top_right(rendered):
    r = rendered["draft", "separate"]
    for version, pages in zip(r.document.versions, _version_pages(r)):
        marker = key(version.draft_marker)
        body = [c for c in pages[0].chars if c["top"] >= HEADER_BAND]
        top = min(c["top"] for c in body)
        line = sorted((c for c in body if c["top"] < top + 5), key=lambda c: c["x0"])
        assert key("".join(c["text"] for c in line)) == marker
        assert abs(line[-1]["x1"] - (pages[0].width - PT["right"])) < 3, "flush right"


def _fc_family(name: str) -> str:
    """The family fontconfig gives for ``name`` (what LibreOffice prints it in), no spaces."""
    fc = shutil.which("fc-match")
    if fc is None:
        pytest.skip("fc-match (fontconfig) is not installed")
    out = subprocess.run([fc, "-f", "%{family[0]}", name], capture_output=True, text=True, check=True)
    return out.stdout.replace(" ", "")


def _fonts(page, test) -> set[str]:
    """The font names (subset prefix removed) of the characters ``test`` accepts."""
    return {c["fontname"].split("+")[-1].split("-")[0] for c in page.chars if test(c["text"])}


@pytest.mark.parametrize("layout", ["separate", "parallel"])
def test_thai_latin_and_cjk_text_is_in_the_expected_fonts(rendered, layout):
    thai, latin = _fc_family("TH Sarabun New"), _fc_family("Times New Roman")
    for name in ("chiang-mai-hokkaido", "bangkok-shanghai", "rayong-jeollanam-do"):
        pages = rendered[name, layout].pages()
        found = {"thai": set(), "latin": set(), "cjk": set()}
        for page in pages:
            found["thai"] |= _fonts(page, lambda t: "\u0e01" <= t <= "\u0e2e")
            found["latin"] |= _fonts(page, lambda t: t.isascii() and t.isalpha())
            found["cjk"] |= _fonts(page, lambda t: len(t) == 1 and unicodedata.east_asian_width(t) == "W"
                                   and t.isalpha())  # (a ligature, "fi", is one glyph of two letters)
        assert found["thai"] == {thai}, (name, found["thai"])
        assert latin in found["latin"], (name, found["latin"])
        assert found["cjk"] and all("CJK" in f for f in found["cjk"]), (name, found["cjk"])


@pytest.mark.skipif(not os.environ.get("MOUKIT_PAGE_IMAGES"), reason="set MOUKIT_PAGE_IMAGES=DIR to save page images")
def test_save_page_images(rendered):
    """The page images of docs/printing.md (50 dpi, 8 greys):
    MOUKIT_PAGE_IMAGES=docs/images pytest tests/test_docx_pages.py -k page_images"""
    from PIL import Image  # pdfplumber's dependency

    folder = Path(os.environ["MOUKIT_PAGE_IMAGES"])
    for name, layout, page in (("chiang-mai-hokkaido", "separate", 1), ("chiang-mai-hokkaido", "separate", 2),
                               ("chiang-mai-hokkaido", "parallel", 1), ("chiang-mai-hokkaido", "parallel", 4),
                               ("th-en", "parallel", 1)):
        stem = folder / f"docx-{name}-{layout}-{page}"
        subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                        str(rendered[name, layout].pdf), str(stem)], check=True)
        path = stem.with_suffix(".png")
        Image.open(path).convert("L").quantize(8).save(path, optimize=True)
