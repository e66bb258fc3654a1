"""PDF drafts: real PDFs made with typst (always) and with LibreOffice from moukit's DOCX
(when installed), read back, checked, and refused when they cannot be read."""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import sys
import unicodedata
import zlib
from pathlib import Path

import pytest

from moukit import DraftError, Limits
from moukit.checking.readers import read_draft
from moukit.checking.readers.pdf import repair

typst = pytest.importorskip("typst")
sarabun = pytest.importorskip("fontpkg_sarabun")
pypdf = pytest.importorskip("pypdf")

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "examples" / "chiang-mai-hokkaido.yaml"
FONTS = [str(sarabun.ROOT / "files"), "/usr/share/fonts/opentype/noto"]
SOFFICE = shutil.which("soffice")

PAGES = r"""
#set page(paper: "a4", margin: 2.5cm,
  header: context if counter(page).get().first() > 1 [#align(center)[\- #("๐๑๒๓๔๕๖๗๘๙".clusters().at(counter(page).get().first())) \-]],
  footer: context align(center)[Page #counter(page).display() of #counter(page).final().first()])
#set text(font: ("Sarabun", "Noto Sans CJK JP"), size: 16pt)
#set par(justify: true, spacing: 1.4em)

บันทึกความเข้าใจ

ผู้เข้าร่วมจะร่วมมือกันในกิจกรรมด้านการบริหารจัดการน้ำ การท่องเที่ยว การศึกษา และวัฒนธรรม เพื่อส่งเสริมความเจริญรุ่งเรืองและการพัฒนาร่วมกันบนพื้นฐานของความเสมอภาคและผลประโยชน์ร่วมกันของสองจังหวัด

双方将在各自职权范围内相互合作，以促进共同繁荣与发展，并在平等互利的基础上开展交流活动，加强双方人民之间的友谊。

#pagebreak()
The Participants will cooperate with each other in the fields of economy, tourism, education and culture.

#table(columns: (1fr, 1fr), column-gutter: 4em, stroke: none, inset: 0pt, row-gutter: 1.5em,
  [ข้อ ๑ ผู้เข้าร่วมจะร่วมมือกันในกิจกรรมด้านน้ำ], [1. The Participants will cooperate on water.],
  [ข้อ ๒ ผู้เข้าร่วมจะแลกเปลี่ยนการเยือน], [2. The Participants will exchange visits.])
"""


def compile_pdf(source: str) -> bytes:
    return typst.compile(source.encode("utf-8"), format="pdf", font_paths=FONTS)


def png(width: int = 40, height: int = 20) -> bytes:
    """A grey PNG made by hand (the page of a scan)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    rows = b"".join(b"\0" + bytes([128]) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture(scope="session")
def typst_pdf() -> bytes:
    return compile_pdf(PAGES)


@pytest.fixture(scope="session")
def scan_pdf(tmp_path_factory) -> bytes:
    folder = tmp_path_factory.mktemp("scan")
    (folder / "page.png").write_bytes(png())
    return typst.compile(b'#image("page.png", width: 15cm)', format="pdf", root=str(folder))


def refused(data: bytes, *words: str, limits: Limits | None = None) -> DraftError:
    with pytest.raises(DraftError) as info:
        read_draft(data, name="draft.pdf", limits=limits)
    for word in words:
        assert word in str(info.value), str(info.value)
    return info.value


# --------------------------------------------------------------------------- reading

def test_thai_marks_paragraphs_and_cjk_come_back_as_typeset(typst_pdf):
    draft = read_draft(typst_pdf, name="mou.pdf")
    body = [b for b in draft.blocks if b.story is None and b.table is None]
    assert draft.format == "pdf" and draft.pending_changes is False
    assert body[0].text == "บันทึกความเข้าใจ"
    thai = body[1].text
    assert thai == unicodedata.normalize("NFC", thai)
    for word in ("ผู้เข้าร่วม", "กิจกรรม", "น้ำ", "เพื่อ"):
        assert word in thai
    # wrapped lines joined: no line break, no space inside a Thai word (a space typst did not
    # set at a line end is not there to read: a line break inside Thai text is no space)
    assert "\n" not in thai and "  " not in thai
    source = next(line for line in PAGES.splitlines() if line.startswith("ผู้เข้าร่วม"))
    assert thai.replace(" ", "") == source.replace(" ", "")
    assert thai.startswith("ผู้เข้าร่วมจะร่วมมือกันในกิจกรรมด้านการบริหารจัดการน้ำ การท่องเที่ยว")
    if not any(Path(FONTS[1]).glob("NotoSansCJK*")):
        pytest.skip(f"no Noto Sans CJK font in {FONTS[1]} (.ci/run installs fonts-noto-cjk): "
                    "the Chinese paragraph has no glyphs to read back")
    assert body[2].text.startswith("双方将在各自职权范围内相互合作，以促进共同繁荣与发展")
    assert " " not in body[2].text  # CJK lines joined without a space


def test_page_furniture_is_another_story_and_page_breaks_are_kept(typst_pdf):
    draft = read_draft(typst_pdf, name="mou.pdf")
    stories = [(b.story, b.text) for b in draft.blocks if b.story]
    assert ("header of page 2", "- ๒ -") in stories
    assert ("footer of page 1", "Page 1 of 2") in stories and ("footer of page 2", "Page 2 of 2") in stories
    english = next(b for b in draft.blocks if b.text.startswith("The Participants"))
    assert english.page_break_before  # the first page ended early: an explicit page break
    assert not any(b.page_break_before for b in draft.blocks if b is not english)


def test_text_side_by_side_is_read_as_a_table_cell_by_cell(typst_pdf):
    cells = [(b.table, b.text) for b in read_draft(typst_pdf, name="mou.pdf").blocks if b.table]
    assert cells == [
        ((0, 0, 0), "ข้อ ๑ ผู้เข้าร่วมจะร่วมมือกันในกิจกรรมด้านน้ำ"),
        ((0, 0, 1), "1. The Participants will cooperate on water."),
        ((0, 1, 0), "ข้อ ๒ ผู้เข้าร่วมจะแลกเปลี่ยนการเยือน"),
        ((0, 1, 1), "2. The Participants will exchange visits."),
    ]


def test_repair_orders_thai_marks_and_joins_sara_am():
    assert repair("คำานึงถึง เพ่ือ  น้ํา") == "คำนึงถึง เพื่อ น้ำ"
    assert repair("ＡＢＣ") == "ＡＢＣ"  # NFC, never NFKC


def test_fingerprint_is_read_from_the_attached_json(typst_pdf):
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(typst_pdf)))
    writer.add_attachment("moukit-fingerprint.json", b'{"form_id": "mfa-sister-city-mou", "layout": "separate"}')
    out = io.BytesIO()
    writer.write(out)
    draft = read_draft(out.getvalue(), name="mou.pdf")
    assert draft.fingerprint == {"form_id": "mfa-sister-city-mou", "layout": "separate"}
    assert read_draft(typst_pdf, name="mou.pdf").fingerprint is None


# --------------------------------------------------------------------------- refused

def test_a_scan_is_refused_with_what_to_do(scan_pdf):
    error = refused(scan_pdf, "scanned PDF", "images")
    assert ".docx" in error.hint and "OCR" in error.hint


def test_encrypted_truncated_and_garbage_pdfs_are_refused(typst_pdf):
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(typst_pdf)))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    refused(out.getvalue(), "password-protected")
    refused(typst_pdf[: len(typst_pdf) // 2], "not a readable PDF")
    refused(b"%PDF-1.7\n" + os.urandom(2000), "not a readable PDF")
    refused(b"%PDF", "not a readable PDF")


def test_page_limit(typst_pdf):
    refused(typst_pdf, "max_pages=1", limits=Limits(max_pages=1))
    assert read_draft(typst_pdf, name="x.pdf", limits=Limits(max_pages=2)).blocks


@pytest.mark.parametrize("kind", ["scan", "garbage"])
def test_command_line_exits_2_without_a_traceback(kind, scan_pdf, tmp_path):
    path = tmp_path / "draft.pdf"
    path.write_bytes(scan_pdf if kind == "scan" else b"%PDF-1.4\n" + b"\xff" * 300)
    done = subprocess.run([sys.executable, "-m", "moukit", "check", str(path)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "draft.pdf" in done.stderr


# --------------------------------------------------------------------------- LibreOffice round trip

@pytest.fixture(scope="session")
def office_pdfs(tmp_path_factory) -> dict[str, Path]:
    """moukit's DOCX of an example, and the same with one word edited, printed to PDF by
    LibreOffice with Sarabun standing in for TH Sarabun New."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: the DOCX -> PDF round trip needs it")
    import moukit

    folder = tmp_path_factory.mktemp("office")
    moukit.render(SPEC, "docx", languages=["th", "en"]).save(folder / "mou.docx")
    moukit.render(SPEC, "docx").save(folder / "trilingual.docx")  # th, ja, en
    edited = _edit_docx((folder / "mou.docx").read_bytes(), "goodwill", "good faith")
    (folder / "edited.docx").write_bytes(edited)
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f'<dir>{FONTS[0]}</dir><alias binding="same"><family>TH Sarabun New</family>'
        "<prefer><family>Sarabun</family></prefer></alias></fontconfig>")
    env = dict(os.environ, FONTCONFIG_FILE=str(config), HOME=str(folder))
    subprocess.run([SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                    str(folder / "mou.docx"), str(folder / "edited.docx"), str(folder / "trilingual.docx")],
                   env=env, capture_output=True, timeout=300, check=True)
    return {"mou": folder / "mou.pdf", "edited": folder / "edited.pdf", "docx": folder / "mou.docx",
            "trilingual": folder / "trilingual.pdf"}


def _edit_docx(data: bytes, old: str, new: str) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "word/document.xml":
                assert old.encode() in blob
                blob = blob.replace(old.encode(), new.encode(), 1)
            dst.writestr(info, blob)
    return out.getvalue()


@pytest.mark.parametrize("which", ["mou", "trilingual"])
def test_libreoffice_pdf_of_a_rendering_is_the_standard_form(office_pdfs, which):
    import moukit

    report = moukit.check(office_pdfs[which], spec=SPEC)
    assert (report.verdict, report.exit_code) == ("standard", 0), report.reason
    assert all(f.route == "standard" for f in report.findings), [f.message for f in report.findings]


def test_libreoffice_pdf_with_one_word_edited_gives_that_finding(office_pdfs):
    import moukit

    report = moukit.check(office_pdfs["edited"], spec=SPEC)
    assert report.exit_code != 0
    serious = [f for f in report.findings if f.route != "standard"]
    edited = [f for f in serious if "good faith" in (f.draft or "") + "".join(op.text for op in f.diff)]
    assert len(edited) == 1 and edited[0].lang == "en", [(f.code, f.message) for f in serious]
    assert "goodwill" in (edited[0].standard or "") + "".join(op.text for op in edited[0].diff)
    # the Thai version, untouched, is said to no longer match the English there, nothing else
    assert all(f is edited[0] or f.lang == "th" for f in serious), [(f.code, f.message) for f in serious]


def test_thai_text_of_the_pdf_equals_the_rendered_text(office_pdfs):
    from moukit.text.normalize import clean

    docx = [clean(b.text) for b in read_draft(office_pdfs["docx"]).blocks if b.text.strip()]
    pdf_text = " ".join(clean(b.text) for b in read_draft(office_pdfs["mou"]).blocks)
    thai = [t for t in docx if any("\u0e00" <= c <= "\u0e7f" for c in t) and len(t) > 20]
    assert thai
    squeezed = pdf_text.replace(" ", "").replace("\n", "")
    for paragraph in thai:
        assert paragraph.replace(" ", "").replace("\n", "") in squeezed, paragraph


# --------------------------------------------------------------------------- signature tables, page breaks

SIGNATURES = r"""
#set page(paper: "a4", margin: 2.5cm)
#set text(font: ("Sarabun", "Noto Sans CJK JP"), size: 14pt)
#set par(justify: true)

Signed in duplicate at Sapporo on 22 November 2026 in the Thai, Japanese and English languages.

#table(columns: (1fr, 1fr), stroke: none, align: center, row-gutter: (2.5em, 0.4em, 0.4em),
  [For Chiang Mai Province], [For Hokkaido Prefecture],
  [#"...................."], [#"...................."],
  [Mr. Nirat Pongsitthaworn], [Mr. Naomichi Suzuki],
  [Governor of Chiang Mai Province], [Governor of Hokkaido])
"""


def test_a_table_of_short_centred_lines_is_read_row_by_row():
    blocks = read_draft(compile_pdf(SIGNATURES), name="sig.pdf").blocks
    assert [b.text[:6] for b in blocks if b.table is None] == ["Signed"]
    assert [(b.table, b.text) for b in blocks[1:]] == [
        ((0, 0, 0), "For Chiang Mai Province"), ((0, 0, 1), "For Hokkaido Prefecture"),
        ((0, 1, 0), "...................."), ((0, 1, 1), "...................."),
        ((0, 2, 0), "Mr. Nirat Pongsitthaworn"), ((0, 2, 1), "Mr. Naomichi Suzuki"),
        ((0, 3, 0), "Governor of Chiang Mai Province"), ((0, 3, 1), "Governor of Hokkaido"),
    ]


def test_left_aligned_lines_side_by_side_are_not_a_centred_table(typst_pdf):
    # the two-column table of PAGES is left-aligned: read cell by cell as before, two rows
    cells = [b.table for b in read_draft(typst_pdf, name="mou.pdf").blocks if b.table]
    assert sorted({row for _, row, _ in cells}) == [0, 1]


def test_a_thai_paragraph_broken_across_pages_is_one_paragraph():
    sentence = "ผู้เข้าร่วมจะร่วมมือกันในกิจกรรมด้านการบริหารจัดการน้ำ การท่องเที่ยว การศึกษา และวัฒนธรรม "
    source = (r"""
#set page(width: 21cm, height: 9cm, margin: (x: 2.5cm, y: 2cm), header: context if counter(page).get().first() > 1 [#align(center)[\- ๒ \-]])
#set text(font: "Sarabun", size: 14pt)
#set par(justify: true)

""" + "ข้อ ๑ " + sentence * 9 + "\n\nข้อ ๒ ผู้เข้าร่วมจะแลกเปลี่ยนการเยือน\n")
    data = compile_pdf(source)
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) == 2
    blocks = read_draft(data, name="a6.pdf").blocks
    assert ("header of page 2", "- ๒ -") in [(b.story, b.text) for b in blocks]
    body = [b.text.replace(" ", "") for b in blocks if b.story is None]  # a space at a line end is not set
    assert body == [("ข้อ ๑ " + sentence * 9).replace(" ", ""), "ข้อ๒ผู้เข้าร่วมจะแลกเปลี่ยนการเยือน"]


# --------------------------------------------------------------------------- what PDF makers draw out of order

def two_pass_pdf(lines: list[str], later: set[tuple[int, int]], size: float = 12) -> bytes:
    """A PDF in Courier whose letters at (line, position) in ``later`` are left as holes in the
    line and drawn after it, one by one (as LibreOffice draws the letters its font lacks from
    another font)."""
    ops = []
    for row, text in enumerate(lines):
        y = 720 - row * 16
        parts = "".join(") -600 (" if (row, k) in later else ch for k, ch in enumerate(text))
        ops.append(f"BT /F1 {size} Tf 72 {y} Td [({parts})] TJ ET")
        ops += [f"BT /F1 {size} Tf {72 + k * 0.6 * size:.2f} {y} Td ({ch}) Tj ET"
                for k, ch in enumerate(text) if (row, k) in later]
    return courier_pdf(ops)


def courier_pdf(ops: list[str]) -> bytes:
    """A one-page PDF drawing the text operators ``ops`` in Courier (font /F1)."""
    stream = "\n".join(ops).encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>"
               b" /Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_letters_drawn_after_their_line_go_into_their_holes():
    lines = ["The Participants will encourage their agencies", "to maintain regular contacts with each other."]
    data = two_pass_pdf(lines, {(0, 2), (0, 5), (0, 6), (0, 30), (1, 4), (1, 20)})
    assert [b.text for b in read_draft(data, name="two-pass.pdf").blocks] == [" ".join(lines)]


def test_table_cells_set_closer_than_a_wide_gap_are_apart_where_no_space_is_drawn():
    # two columns 16 pt apart on the lines the first column fills (1.3 em, closer than text
    # side by side usually is); the PDF draws its spaces, none in the gap
    rows = [("Telah mencapai kesepahaman:", "Have reached the understanding:"),
            ("Dengan mempertimbangkan kontak;", "Taking into consideration the contacts;"),
            ("Berpedoman pada aspirasi bersama;", "Guided by mutual aspiration;")]
    width = max(len(a) for a, _ in rows) * 7.2 + 16
    ops = [f"BT /F1 12 Tf {x:.2f} {700 - 40 * k} Td ({text}) Tj ET"
           for k, row in enumerate(rows) for x, text in zip((72, 72 + width), row)]
    cells = [(b.table, b.text) for b in read_draft(courier_pdf(ops), name="cells.pdf").blocks]
    assert cells == [((0, k, column), text) for k, row in enumerate(rows) for column, text in enumerate(row)]


def test_a_word_written_with_a_hyphen_keeps_it_when_a_line_ends_there():
    sentence = ("Para Peserta akan bekerja sama satu sama lain sejalan dengan kebijakan pemerintah, hukum "
                "nasional dan kewajiban internasional masing-masing dan akan bekerja sama satu sama lain.")
    source = r"""#set page(width: 90mm, height: 8cm, margin: 1cm)
#set text(font: "Sarabun", size: 12pt, hyphenate: false)
#set par(justify: true)
""" + sentence
    data = compile_pdf(source)
    assert "masing-\nmasing" in pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()  # a line ends there
    assert [b.text for b in read_draft(data, name="id.pdf").blocks] == [sentence]


def _narrow_page(width: str, text: str, hyphenate: bool = False, lang: str = "en") -> bytes:
    return compile_pdf(f"""#set page(width: {width}, height: 10cm, margin: 1cm)
#set text(font: "Sarabun", size: 12pt, hyphenate: {str(hyphenate).lower()}, lang: "{lang}")
#set par(justify: true)
""" + text)


def test_a_word_written_with_a_prefix_and_a_hyphen_keeps_it_when_a_line_ends_there():
    sentence = 'Provinsi Chiang Mai dan Daerah Istimewa Yogyakarta (selanjutnya secara bersama-sama disebut "Para Peserta");'
    data = _narrow_page("80mm", sentence, lang="id")
    assert "bersama-\nsama" in pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()  # a line ends there
    assert [b.text for b in read_draft(data, name="id.pdf").blocks] == [sentence.replace('"Para Peserta"', "“Para Peserta”")]


def test_a_name_broken_at_its_own_hyphen_keeps_it_where_the_document_writes_it_so():
    # LibreOffice without Liberation Serif (wider letters) broke "Jeollanam-do" at its hyphen in a
    # column of the parallel layout: the name read "Jeollanamdo", a false alarm (MK-M001)
    title = "Rayong Province and Jeollanam-do Province"
    parties = ("Rayong Province of the Kingdom of Thailand and Jeollanam-do Province of the Republic of "
               "Korea (hereinafter referred to as the Participants);")
    data = _narrow_page("82mm", title + "\n\n" + parties)
    assert "Jeollanam-\ndo Province" in pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert [b.text for b in read_draft(data, name="ko.pdf").blocks] == [title, parties]


@pytest.mark.parametrize("width", ["70mm", "74mm"])
def test_a_justified_line_of_three_words_stretched_across_its_measure_is_one_line(width):
    # "Rayong    Province    and" above a short last line: no line crosses its last gap, which
    # looked like the gutter between two columns
    title = "Rayong Province and Jeollanam-do Province"
    parties = ("Rayong Province of the Kingdom of Thailand and Jeollanam-do Province of the Republic of "
               "Korea (hereinafter referred to as the Participants);")
    data = _narrow_page(width, title + "\n\n" + parties)
    assert pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text().startswith("Rayong Province and \nJeollanam-do")
    assert [b.text for b in read_draft(data, name="ko.pdf").blocks] == [title, parties]


def test_a_hyphen_the_typesetter_put_in_at_a_line_end_is_dropped():
    sentence = ("The Participants will consult each other regarding the modalities and programs of cooperation "
                "in implementing this Memorandum of Understanding by convening annual meetings.")
    data = _narrow_page("66mm", sentence, hyphenate=True)
    assert "Mem\xad\norandum" in pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()  # hyphenated
    assert [b.text for b in read_draft(data, name="en.pdf").blocks] == [sentence]


PARALLEL_ROWS = [
    ("Rayong Province and Jeollanam-do Province have reached the following understanding:",
     "Les Participants sont convenus de ce qui suit :", "Have reached the following understanding:"),
    ("1. The Participants will, within their authority and to the extent permitted by the laws and regulations "
     "in force in their respective countries, cooperate with each other to promote mutual prosperity and "
     "development on the basis of equality and mutual benefits, and will consult each other regularly.",
     "1. Les Participants coopereront dans la limite de leurs competences.",
     "1. The Participants will cooperate within their authority."),
    ("2. The Participants will encourage the exchange of visits between their officials.",
     "2. Les Participants encourageront les visites.", "2. The Participants will encourage visits."),
]


@pytest.mark.parametrize(("height", "leading"), [
    ("6.2cm", "0.65em"), ("7.3cm", "0.65em"), ("7.6cm", "0.65em"), ("9cm", "0.65em"), ("7.3cm", "1.2em"),
    ("10cm", "1.2em")])
def test_a_cell_longer_than_the_others_goes_on_alone_on_the_next_page(height, leading):
    # the row of clause 1 breaks across a page: in two columns (7.3 cm, a word hyphenated at the
    # foot of the page), or in its first column only, whose last lines stand alone on the next
    # page (6.2 cm) or above the next row (7.6 and 9 cm), as LibreOffice printed moukit's
    # parallel layout in a Thai font taller than Laksaman; words hyphenated at a line end, in
    # lines under a clause number's hanging indent, are whole. Double spaced (leading 1.2em),
    # a justified line of two words in a narrow cell is one line, and a row that stopped a line
    # short of the foot of the page (widow control) goes on
    cells = ",\n".join(f"[{cell}]" for row in PARALLEL_ROWS for cell in row)
    data = compile_pdf(f"""#set page(width: 21cm, height: {height}, margin: 1.5cm)
#set text(font: "Sarabun", size: 12pt)
#set par(justify: true, leading: {leading})
#table(columns: (2fr, 1fr, 1fr), stroke: none, column-gutter: 1.5em, row-gutter: 1em,
{cells})
""")
    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]
    assert not any("1. The Participants will, within" in page and "regularly." in page for page in pages)
    blocks = read_draft(data, name="parallel.pdf").blocks
    assert [(b.table, " ".join(b.text.split())) for b in blocks] == [
        ((0, r, c), text) for r, row in enumerate(PARALLEL_ROWS) for c, text in enumerate(row)]


def test_thai_marks_drawn_after_the_line_go_on_the_letter_under_them():
    # a stacked mark (thanthakhat over sara i, mai tho over ho hip) drawn after the line, as
    # LibreOffice draws them
    before_first, before_second = "ผู้เข้าร่วมจะติดตามและประเมินผลสัมฤทธิ", "ของโครงการร่วม ตลอดจนเพื่อให"
    source = (r'''#set page(width: 16cm, height: 8cm, margin: 1.5cm)
#set text(font: "Sarabun", size: 16pt)
#block(context [''' + before_first + '#place(top + left, dx: measure("' + before_first + '").width)[์]'
              + before_second + '#place(top + left, dx: measure("' + before_first + "์" + before_second
              + '").width)[้]เกิดผล])')
    blocks = read_draft(compile_pdf(source), name="marks.pdf").blocks
    assert [b.text for b in blocks] == ["ผู้เข้าร่วมจะติดตามและประเมินผลสัมฤทธิ์ของโครงการร่วม ตลอดจนเพื่อให้เกิดผล"]


def test_a_signature_cell_wrapped_onto_a_second_line_stays_one_cell():
    source = r"""#set page(paper: "a4", margin: 2.5cm)
#set text(font: "Sarabun", size: 14pt)
Signed in duplicate at Khon Kaen on 10 June 2026 in the Thai, Vietnamese and English languages.

#table(columns: (1fr, 1fr), stroke: none, align: center, row-gutter: (2.5em, 0.4em, 0.4em),
  [For Khon Kaen Province], [For Da Nang City],
  [#"...................."], [#"...................."],
  [Mr. Prasert Boonmee], [Mr. Nguyen Van Minh],
  [Governor of Khon Kaen Province], [Chairman of the People's Committee of Da Nang City])"""
    blocks = read_draft(compile_pdf(source), name="sig.pdf").blocks
    assert [b.text for b in blocks if b.table is None] == [blocks[0].text]  # no line left outside
    assert (blocks[-1].table, blocks[-1].text) == ((0, 3, 1), "Chairman of the People’s Committee of Da Nang City")


def test_the_room_typesetters_add_between_cjk_and_figures_is_no_space():
    source = r'''#set page(width: 12cm, height: 6cm, margin: 1cm)
#set text(font: ("Sarabun", "Noto Sans CJK SC"), size: 12pt, lang: "zh")
本意向书于2026年8月20日在福州签署，一式两份。'''
    assert [b.text for b in read_draft(compile_pdf(source), name="zh.pdf").blocks] == [
        "本意向书于2026年8月20日在福州签署，一式两份。"]


# --------------------------------------------------------------------------- every example through LibreOffice

EXAMPLES = sorted(p.stem for p in (ROOT / "examples").glob("*.yaml") if p.stem != "chiang-mai-genoa")  # no Italian pack
AMBIGUOUS_PAGE_END = {
    # the Thai version's page 1 ends a line early because the last clause is kept with the
    # signature table (keep-with-next); a paragraph going on with widow control leaves the
    # same page, so the reader joins the two clauses across the page. The translation check
    # cuts them apart again (the verdict is the DOCX's), but the joined title row still costs a
    # finding code or two (MK-T003, MK-X001)
    "khon-kaen-fujian-loi": "a page that ends one line early: a kept-together block or a widow moved "
                            "(same verdict, other finding codes)",
}


@pytest.fixture(scope="session")
def office_examples(tmp_path_factory) -> Path:
    """Every example rendered to DOCX by moukit in both layouts (``NAME.docx``,
    ``NAME-parallel.docx``), printed to PDF by LibreOffice in one call, with the fonts the
    machine has."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: the DOCX -> PDF round trip needs it")
    import moukit

    folder = tmp_path_factory.mktemp("examples")
    for name in EXAMPLES:
        moukit.render(ROOT / "examples" / f"{name}.yaml", "docx").save(folder / f"{name}.docx")
        moukit.render(ROOT / "examples" / f"{name}.yaml", "docx", layout="parallel").save(
            folder / f"{name}-parallel.docx")
    env = dict(os.environ, HOME=str(folder))
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), *sorted(str(p) for p in folder.glob("*.docx"))],
                   env=env, capture_output=True, timeout=600, check=True)
    return folder


@pytest.mark.parametrize("layout", ["separate", "parallel"])
@pytest.mark.parametrize("name", EXAMPLES)
def test_libreoffice_pdf_of_every_example_checks_as_its_docx(office_examples, name, layout, request):
    import moukit

    if layout == "separate" and name in AMBIGUOUS_PAGE_END:
        request.applymarker(pytest.mark.xfail(reason=AMBIGUOUS_PAGE_END[name], strict=True))
    stem = name if layout == "separate" else f"{name}-parallel"
    spec = ROOT / "examples" / f"{name}.yaml"
    docx = moukit.check(office_examples / f"{stem}.docx", spec=spec)
    pdf = moukit.check(office_examples / f"{stem}.pdf", spec=spec)
    assert pdf.verdict == docx.verdict, [(f.code, f.message) for f in pdf.findings]
    assert sorted(f.code for f in pdf.findings) == sorted(f.code for f in docx.findings), [
        (f.code, f.message) for f in pdf.findings]


def test_the_header_row_repeated_on_every_page_is_read_once(office_examples):
    path = office_examples / "chiang-mai-hokkaido-parallel.pdf"
    assert sum("日本語" in page.extract_text() for page in pypdf.PdfReader(path).pages) > 1  # repeated
    cells = [b for b in read_draft(path).blocks if b.table]
    header = [b.text for b in cells if b.table[1] == 0]
    assert header == ["ไทย", "日本語", "English"]
    assert sum(b.text == "日本語" for b in cells) == 1
    # the header row repeated at the top of every page is read once, never appended to a cell
    assert not [b.text for b in cells if b.table[1] > 0 and any(b.text.endswith(h) for h in header)]


def test_libreoffice_draws_vietnamese_letters_and_thai_marks_out_of_order(office_examples):
    docx = read_draft(office_examples / "khon-kaen-da-nang.docx").blocks
    pdf = read_draft(office_examples / "khon-kaen-da-nang.pdf").blocks
    body = [b.text for b in docx if b.story is None and b.text.strip()]
    read = [b.text for b in pdf if b.story is None and b.text.strip()]
    title = next(text for text in body if text.startswith("Thư ý định"))
    assert title in read  # the letters Liberation Serif lacks, drawn from DejaVu after the line
    assert any("มีความถูกต้องเท่าเทียมกัน" in text for text in read)  # sara uu below the line
    # a signature cell wrapped onto a second line is one cell
    assert [b.text for b in pdf if b.table and b.text.startswith("ประธานคณะกรรมการประชาชน")] == [
        "ประธานคณะกรรมการประชาชนนครดานัง"]


def test_a_title_after_signatures_at_the_foot_of_a_full_page_starts_a_new_page():
    # nothing on the page shows the page break: the signatures end the page at its foot
    source = SIGNATURES.replace("#table(", "#v(1fr)\n#table(") + r"""
#pagebreak()
#align(center)[*タイ王国チェンマイ県と日本国北海道との間の* \ *友好提携関係の樹立に関する了解覚書*]

両者は、それぞれの権限の範囲内で相互に協力する。
"""
    blocks = read_draft(compile_pdf(source), name="sig.pdf").blocks
    title = next(b for b in blocks if b.text.startswith("タイ王国"))
    assert title.page_break_before and title.table is None
    assert [b for b in blocks if b.page_break_before] == [title]
