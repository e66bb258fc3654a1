"""The DOCX writer: Thai and CJK markup, A4 page, both layouts, determinism, fingerprint."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import zipfile
from dataclasses import replace

import docx
import pytest
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Cm
from docx.table import Table
from lxml import etree

import moukit
from moukit.checking.readers import read_draft
from moukit.rendering.build import build_document
from moukit.rendering.document import Clause, Document, Version
from moukit.rendering.writers import docx as docx_writer
from moukit.rendering.writers._common import grouped
from moukit.rendering.writers.docx_style import LANG_STYLES

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
SIGN_LINE = "...................."


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def xml_part(data: bytes, name: str):
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read(name))


def run_text(r) -> str:
    return "".join(t.text or "" for t in r.iter(w("t")))


def lang_of(r) -> dict:
    lang = r.find("w:rPr/w:lang", NS)
    return {k.split("}")[1]: v for k, v in lang.attrib.items()} if lang is not None else {}


# --- documents -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def thai_english() -> Document:
    """Chiang Mai - Hokkaido MOU from the example spec, Thai and English versions."""
    spec = moukit.load_spec(os.path.join(os.path.dirname(__file__), "..", "examples",
                                         "chiang-mai-hokkaido.yaml"))
    return build_document(spec, languages=["th", "en"])


def _version(lang, name, locale, title, parties, c1, signing, sign_a, sign_b, draft):
    return Version(lang, name, locale, (
        Clause("title", "title", None, title),
        Clause("parties", "paragraph", None, parties),
        Clause("c1", "numbered", "1", c1),
        Clause("signing", "paragraph", None, signing),
        Clause("sign_thai", "signature", None, sign_a),
        Clause("sign_partner", "signature", None, sign_b),
    ), draft)


@pytest.fixture(scope="module")
def six_languages() -> Document:
    """A hand-made draft MOU in Thai, Chinese, Japanese, Korean, Vietnamese and English."""
    versions = (
        _version("th", "ไทย", "th_TH", "บันทึกความเข้าใจ\nระหว่าง\nจังหวัดเชียงใหม่\nกับ\nนครเซี่ยงไฮ้",
                 "จังหวัดเชียงใหม่และนครเซี่ยงไฮ้",
                 "ผู้เข้าร่วมจะร่วมมือกันเพื่อส่งเสริมความเจริญรุ่งเรืองร่วมกัน",
                 "ลงนาม ณ เซี่ยงไฮ้ เมื่อวันที่ 22 พฤศจิกายน พ.ศ. 2569",
                 "สำหรับจังหวัดเชียงใหม่\nนายสมชาย ใจดี\nผู้ว่าราชการจังหวัดเชียงใหม่",
                 "สำหรับนครเซี่ยงไฮ้\nนายหลี่ หมิง\nนายกเทศมนตรีนครเซี่ยงไฮ้", "(ร่าง)"),
        _version("zh", "中文", "zh_Hans_CN", "清迈府\n与\n上海市\n缔结友好城市关系谅解备忘录",
                 "清迈府与上海市（以下合称“双方”）", "双方将在各自职权范围内开展合作，促进共同繁荣。",
                 "2026年11月22日在上海签署。", "清迈府代表\n颂猜·猜迪\n清迈府府尹",
                 "上海市代表\n李明\n上海市市长", "（草案）"),
        _version("ja", "日本語", "ja_JP", "チェンマイ県\nと\n上海市\nとの間の了解覚書",
                 "チェンマイ県及び上海市（以下「双方」という。）",
                 "双方は、それぞれの権限の範囲内で協力する。", "2026年11月22日に上海で署名した。",
                 "チェンマイ県のために\nソムチャイ・ジャイディー\nチェンマイ県知事",
                 "上海市のために\n李明\n上海市長", "（案）"),
        _version("ko", "한국어", "ko_KR", "치앙마이주와 상하이시 간의\n양해각서",
                 "치앙마이주와 상하이시(이하 \"참가자\")", "참가자는 각자의 권한 범위 내에서 협력한다.",
                 "2026년 11월 22일 상하이에서 서명하였다.", "치앙마이주를 대표하여\n솜차이 자이디\n치앙마이주지사",
                 "상하이시를 대표하여\n리밍\n상하이시장", "(초안)"),
        _version("vi", "Tiếng Việt", "vi_VN", "Bản ghi nhớ\ngiữa\nTỉnh Chiang Mai\nvà\nThành phố Thượng Hải",
                 "Tỉnh Chiang Mai và thành phố Thượng Hải", "Các Bên sẽ hợp tác trong phạm vi thẩm quyền.",
                 "Ký tại Thượng Hải, ngày 22 tháng 11 năm 2026.",
                 "Thay mặt tỉnh Chiang Mai\nSomchai Jaidee\nTỉnh trưởng tỉnh Chiang Mai",
                 "Thay mặt thành phố Thượng Hải\nLý Minh\nThị trưởng Thượng Hải", "(Dự thảo)"),
        _version("en", "English", "en_GB", "Memorandum of Understanding\nbetween\nChiang Mai Province\n"
                 "and\nShanghai Municipality",
                 "Chiang Mai Province (จังหวัดเชียงใหม่) and Shanghai Municipality",
                 "The Participants will cooperate within their authority.",
                 "Signed at Shanghai on 22 November 2026.",
                 "For Chiang Mai Province\nMr. Somchai Jaidee\nGovernor of Chiang Mai Province",
                 "For Shanghai Municipality\nMr. Li Ming\nMayor of Shanghai", "(Draft)"),
    )
    return Document("mfa-sister-city-mou", "1.0", "mou", versions, signing_date="2026-11-22")


@pytest.fixture(scope="module")
def rendered(thai_english, six_languages) -> dict:
    """Every test document in both layouts."""
    return {(name, layout): docx_writer.write(doc, layout=layout)
            for name, doc in (("th-en", thai_english), ("six", six_languages))
            for layout in ("separate", "parallel")}


def runs_by_version(data: bytes, document: Document) -> dict[str, list]:
    """Runs of each version, in separate layout: the body split at section breaks."""
    body = xml_part(data, "word/document.xml").find("w:body", NS)
    out, index = {v.lang: [] for v in document.versions}, 0
    for child in body:
        if child.tag == w("sectPr"):
            break
        out[document.versions[index].lang] += child.iter(w("r"))
        if child.find("w:pPr/w:sectPr", NS) is not None:
            index += 1
    return out


# --- Thai complex-script markup --------------------------------------------------------

@pytest.mark.parametrize("name", ["th-en", "six"])
@pytest.mark.parametrize("layout", ["separate", "parallel"])
def test_every_run_names_four_fonts_and_both_sizes(rendered, name, layout):
    runs = list(xml_part(rendered[name, layout], "word/document.xml").iter(w("r")))
    assert runs
    for r in runs:
        fonts = r.find("w:rPr/w:rFonts", NS)
        assert fonts is not None, run_text(r)
        assert all(fonts.get(w(slot)) for slot in SLOTS), etree.tostring(fonts)
        assert not any(fonts.get(w(a)) for a in THEME_ATTRS)
        assert r.find("w:rPr/w:sz", NS) is not None and r.find("w:rPr/w:szCs", NS) is not None


def test_styles_have_no_theme_fonts_and_default_to_sarabun(rendered):
    styles = xml_part(rendered["th-en", "separate"], "word/styles.xml")
    for fonts in styles.iter(w("rFonts")):
        assert not any(fonts.get(w(a)) for a in THEME_ATTRS)
    for where in ("w:docDefaults/w:rPrDefault/w:rPr", "w:style[@w:styleId='Normal']/w:rPr"):
        rpr = styles.find(where, NS)
        fonts = rpr.find("w:rFonts", NS)
        assert [fonts.get(w(s)) for s in SLOTS] == ["TH Sarabun New"] * 4
        assert rpr.find("w:sz", NS).get(w("val")) == "32"  # 16 pt
        assert rpr.find("w:szCs", NS).get(w("val")) == "32"


def test_thai_runs_are_marked_complex_script(rendered, thai_english):
    runs = runs_by_version(rendered["th-en", "separate"], thai_english)
    thai = [r for r in runs["th"] if any("\u0e00" <= ch <= "\u0e7f" for ch in run_text(r))]
    assert len(thai) > 10
    for r in thai:
        assert r.find("w:rPr/w:cs", NS) is not None, run_text(r)
        assert lang_of(r) == {"val": "th-TH", "bidi": "th-TH"}
        fonts = r.find("w:rPr/w:rFonts", NS)
        assert fonts.get(w("cs")) == "TH Sarabun New"
        assert r.find("w:rPr/w:sz", NS).get(w("val")) == "32"
    for r in runs["en"]:
        assert r.find("w:rPr/w:cs", NS) is None
        assert lang_of(r) == {"val": "en-GB"}


def test_thai_words_inside_english_get_their_own_complex_script_run(rendered, six_languages):
    runs = runs_by_version(rendered["six", "separate"], six_languages)["en"]
    thai = [r for r in runs if run_text(r) == "จังหวัดเชียงใหม่"]
    assert len(thai) == 1
    assert thai[0].find("w:rPr/w:cs", NS) is not None
    assert lang_of(thai[0]) == {"val": "en-GB", "bidi": "th-TH"}
    neighbours = [r for r in runs if run_text(r).startswith("Chiang Mai Province (")]
    assert neighbours and neighbours[0].find("w:rPr/w:cs", NS) is None


def _paragraph_jc(data: bytes, text: str) -> str | None:
    body = xml_part(data, "word/document.xml")
    for p in body.iter(w("p")):
        if text in "".join(t.text or "" for t in p.iter(w("t"))):
            jc = p.find("w:pPr/w:jc", NS)
            return jc.get(w("val")) if jc is not None else None
    raise AssertionError(f"no paragraph with {text!r}")


@pytest.mark.parametrize("layout", ["separate", "parallel"])
def test_justification_per_language(rendered, thai_english, six_languages, layout):
    for name, doc in (("th-en", thai_english), ("six", six_languages)):
        data = rendered[name, layout]
        for version in doc.versions:
            # side by side the columns are narrow: left-aligned, Thai distributed
            want = {"th": "thaiDistribute"}.get(version.lang, "both" if layout == "separate" else "left")
            for clause in version.clauses:
                if clause.kind in ("paragraph", "numbered"):
                    assert _paragraph_jc(data, clause.text) == want, (version.lang, clause.id)
            title = version.clause("title").lines[0]
            assert _paragraph_jc(data, title) == "center"


def test_title_runs_are_bold_and_body_runs_are_not(rendered, thai_english):
    body = xml_part(rendered["th-en", "separate"], "word/document.xml")
    for p in body.iter(w("p")):
        text = "".join(t.text or "" for t in p.iter(w("t")))
        for version in thai_english.versions:
            is_title = text == version.clause("title").text.replace("\n", "")
            if is_title or text == version.clause("c1").text:
                for r in p.iter(w("r")):
                    assert (r.find("w:rPr/w:b", NS) is not None) is is_title
                    assert (r.find("w:rPr/w:bCs", NS) is not None) is is_title


def test_compatibility_mode_15(rendered):
    settings = xml_part(rendered["th-en", "separate"], "word/settings.xml")
    modes = [s for s in settings.iterfind("w:compat/w:compatSetting", NS)
             if s.get(w("name")) == "compatibilityMode"]
    assert len(modes) == 1
    assert modes[0].get(w("uri")) == "http://schemas.microsoft.com/office/word"
    assert modes[0].get(w("val")) == "15"
    assert settings.find("w:rsids", NS) is None


# --- CJK and Latin languages -----------------------------------------------------------

@pytest.mark.parametrize("lang, font, tag", [
    ("zh", "SimSun", "zh-CN"), ("ja", "MS Mincho", "ja-JP"), ("ko", "Batang", "ko-KR"),
])
def test_cjk_runs_have_east_asian_font_and_language(rendered, six_languages, lang, font, tag):
    assert LANG_STYLES[lang].fonts.eastAsia == font
    runs = runs_by_version(rendered["six", "separate"], six_languages)[lang]
    assert len(runs) >= 10
    for r in runs:
        fonts = r.find("w:rPr/w:rFonts", NS)
        assert fonts.get(w("eastAsia")) == font
        assert fonts.get(w("hint")) == "eastAsia"
        assert lang_of(r) == {"val": tag, "eastAsia": tag}
        assert r.find("w:rPr/w:cs", NS) is None


def test_latin_runs_have_their_language(rendered, six_languages):
    runs = runs_by_version(rendered["six", "separate"], six_languages)
    assert {lang_of(r)["val"] for r in runs["vi"]} == {"vi-VN"}
    assert {lang_of(r)["val"] for r in runs["en"]} == {"en-GB"}


# --- page ------------------------------------------------------------------------------

@pytest.mark.parametrize("name, layout, landscape", [
    ("six", "separate", False), ("six", "parallel", True), ("th-en", "parallel", False)])
def test_every_section_is_a4_with_thai_government_margins(rendered, name, layout, landscape):
    """Portrait A4; the parallel layout of three versions or more on landscape A4, with the
    same margins (the binding margin on the left)."""
    doc = docx.Document(io.BytesIO(rendered[name, layout]))
    assert len(doc.sections) == (6 if layout == "separate" else 1)
    width, height = (29.7, 21.0) if landscape else (21.0, 29.7)
    for section in doc.sections:
        assert section.orientation == (WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT)
        for got, want in ((section.page_width, width), (section.page_height, height),
                          (section.left_margin, 3.0), (section.right_margin, 2.0),
                          (section.top_margin, 2.5), (section.bottom_margin, 2.0)):
            assert abs(got - Cm(want)) < Cm(0.01), (got.cm, want)
    body = xml_part(rendered[name, layout], "word/document.xml")
    for sect in body.iter(w("sectPr")):
        assert sect.find("w:pgSz", NS).get(w("w")) == ("16838" if landscape else "11906")
        assert sect.find("w:pgMar", NS).get(w("left")) == "1701"


def _headers(data: bytes) -> dict[str, str]:
    """The header parts' text by relationship id."""
    rels = xml_part(data, "word/_rels/document.xml.rels")
    out = {}
    for rel in rels:
        if rel.get("Type").endswith("/header"):
            part = xml_part(data, "word/" + rel.get("Target"))
            out[rel.get("Id")] = "".join(t.text or "" for t in part.iter(w("t")))
    return out


@pytest.mark.parametrize("name", ["th-en", "six"])
def test_page_numbers_from_page_two_thai_style_in_the_thai_version(rendered, thai_english, six_languages, name):
    """Each version's section numbers its pages from 1 in the header, top centre, with none on
    its first page; the Thai version between dashes ("- ๒ -"), in Thai digits when its text has
    them (the example; the hand-made six-language one is written in Arabic digits), the others
    plain."""
    document = {"th-en": thai_english, "six": six_languages}[name]
    data = rendered[name, "separate"]
    headers = _headers(data)
    sections = list(xml_part(data, "word/document.xml").iter(w("sectPr")))
    assert len(sections) == len(document.versions)
    for sect, version in zip(sections, document.versions):
        refs = {r.get(w("type")): r.get(f"{{{docx.oxml.ns.nsmap['r']}}}id") for r in sect.findall("w:headerReference", NS)}
        assert headers[refs["first"]] == ""  # the title page has no number
        thai, digits = version.lang == "th", version.lang == "th" and name == "th-en"
        assert headers[refs["default"]] == ("- ๑ -" if digits else "- 1 -" if thai else "1")
        number = sect.find("w:pgNumType", NS)
        assert number.get(w("start")) == "1"
        assert number.get(w("fmt")) == ("thaiNumbers" if digits else "decimal")
        assert sect.find("w:titlePg", NS) is not None
    for rid, text in headers.items():
        part = xml_part(data, "word/" + {r.get("Id"): r.get("Target") for r in
                                         xml_part(data, "word/_rels/document.xml.rels")}[rid])
        if text:
            assert part.find(".//w:jc", NS).get(w("val")) == "center"
            assert [f.get(w("instr")) for f in part.iter(w("fldSimple"))] == [" PAGE "]


def test_arabic_digits_give_arabic_page_numbers(thai_english):
    spec = moukit.load_spec(os.path.join(os.path.dirname(__file__), "..", "examples",
                                         "chiang-mai-hokkaido.yaml"))
    document = build_document(spec, languages=["th", "en"], digits="arabic")
    data = docx_writer.write(document)
    first = next(xml_part(data, "word/document.xml").iter(w("sectPr")))
    assert first.find("w:pgNumType", NS).get(w("fmt")) == "decimal"
    assert "- 1 -" in _headers(data).values()


def test_a_parallel_layout_is_numbered_in_the_style_of_its_first_version(rendered):
    data = rendered["th-en", "parallel"]
    (sect,) = xml_part(data, "word/document.xml").iter(w("sectPr"))
    assert sect.find("w:pgNumType", NS).get(w("fmt")) == "thaiNumbers"  # Thai first
    assert sorted(_headers(data).values()) == ["", "- ๑ -"]


# --- layouts ---------------------------------------------------------------------------

def block_text(block) -> str:
    if isinstance(block, Table):
        return "\n".join(cell.text for row in block.rows for cell in row.cells)
    return block.text


def all_text(data: bytes) -> str:
    doc = docx.Document(io.BytesIO(data))
    return "\n".join(block_text(b) for b in doc.iter_inner_content())


def signature_rows(clauses: list[Clause]) -> list[list[str]]:
    """A signature block's rows: the "For ..." lines, the signing lines, then the names,
    positions and any further lines, a column per clause ("" where a block has no such line)."""
    lines = [c.lines for c in clauses]
    depth = max(map(len, lines))
    return ([[block[0] for block in lines], [SIGN_LINE] * len(lines)]
            + [[block[i] if i < len(block) else "" for block in lines] for i in range(1, depth)])


@pytest.mark.parametrize("name", ["th-en", "six"])
def test_separate_layout_one_section_per_version(rendered, thai_english, six_languages, name):
    document = {"th-en": thai_english, "six": six_languages}[name]
    doc = docx.Document(io.BytesIO(rendered[name, "separate"]))
    assert len(doc.sections) == len(document.versions)
    assert all(s.start_type == WD_SECTION.NEW_PAGE for s in doc.sections)
    blocks = list(doc.iter_inner_content())
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == len(document.versions)
    for table, version in zip(tables, document.versions):
        signatures = [c for c in version.clauses if c.kind == "signature"]
        assert len(table.columns) == len(signatures) == 2
        assert [[cell.text for cell in row.cells] for row in table.rows] == signature_rows(signatures)
        borders = table._tbl.find("w:tblPr/w:tblBorders", NS)
        assert {b.get(w("val")) for b in borders} == {"nil"}
    # each version in order: draft marker, title, ..., its signature table, then the next
    texts = [block_text(b) for b in blocks]
    position = -1
    for version in document.versions:
        start = texts.index(version.clause("title").text)
        assert start > position
        if version.draft_marker:
            assert texts[start - 1] == version.draft_marker
            marker = blocks[start - 1]
            assert marker.paragraph_format.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
        position = start


def test_separate_layout_numbered_clause_reads_number_then_text(rendered, thai_english):
    doc = docx.Document(io.BytesIO(rendered["th-en", "separate"]))
    texts = [p.text for p in doc.paragraphs]
    for version in thai_english.versions:
        for clause in version.clauses:
            if clause.kind == "numbered":
                assert f"{clause.number}. {clause.text}" in texts
    assert any(t.startswith("1. The Participants will") for t in texts)


@pytest.mark.parametrize("name", ["th-en", "six"])
def test_parallel_layout_one_table_clause_by_clause(rendered, thai_english, six_languages, name):
    """A header row naming each language (repeated on every page), the draft markers, a row
    per clause, then the signature blocks a row per line kind."""
    document = {"th-en": thai_english, "six": six_languages}[name]
    doc = docx.Document(io.BytesIO(rendered[name, "parallel"]))
    blocks = list(doc.iter_inner_content())
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    table = tables[0]
    versions = document.versions
    clauses = versions[0].clauses
    assert [[c.text for c in row.cells] for row in table.rows] == parallel_rows(document)
    assert len(table.columns) == len(versions)
    header = table.rows[0]._tr
    assert header.find("w:trPr/w:tblHeader", NS) is not None
    assert all(r._tr.find("w:trPr/w:tblHeader", NS) is None for r in table.rows[1:])
    signature_rows = sum(len(signature_column(c)) for c in clauses if c.kind == "signature")
    for row in table.rows[-signature_rows:]:
        assert row._tr.find("w:trPr/w:cantSplit", NS) is not None
    assert [c.kind for c in clauses[-2:]] == ["signature", "signature"]


def parallel_rows(document: Document) -> list[list[str]]:
    """The text of the parallel table's cells, row by row."""
    versions = document.versions
    rows = [[v.language_name for v in versions]]
    if any(v.draft_marker for v in versions):
        rows.append([v.draft_marker or "" for v in versions])
    for i, clause in enumerate(versions[0].clauses):
        if clause.kind == "signature":
            rows += [list(r) for r in zip(*(signature_column(v.clauses[i]) for v in versions))]
        else:
            rows.append([paragraph_text(v.clauses[i]) for v in versions])
    return rows


def paragraph_text(clause: Clause) -> str:
    """A clause's paragraph as python-docx reads it: its number first; a carriage return
    reads as a line break."""
    text = clause.text.replace("\r", "\n")
    return f"{clause.number}. {text}" if clause.number else text


def signature_column(clause: Clause) -> list[str]:
    """A signature block's lines in one column: "For ...", the signing line, the rest."""
    first, *rest = clause.lines
    return [first, SIGN_LINE, *rest]


@pytest.mark.parametrize("layout", ["separate", "parallel"])
def test_text_read_back_has_every_clause_of_every_version(rendered, thai_english,
                                                          six_languages, layout):
    for name, document in (("th-en", thai_english), ("six", six_languages)):
        text = all_text(rendered[name, layout])
        for version in document.versions:
            for clause in version.clauses:
                for line in clause.lines:
                    assert line in text, (name, version.lang, clause.id, line)


def test_render_path_uses_the_docx_writer(thai_english):
    spec = moukit.load_spec(os.path.join(os.path.dirname(__file__), "..", "examples",
                                         "chiang-mai-hokkaido.yaml"))
    for layout in ("separate", "parallel"):
        result = moukit.render(spec, "docx", languages=["th", "en"], layout=layout)
        assert result.data[:2] == b"PK"
        assert result.data == docx_writer.write(result.document, layout=layout)
        assert result.document.versions == thai_english.versions


# --- determinism, properties, fingerprint ----------------------------------------------

def test_same_document_gives_identical_bytes(thai_english, rendered):
    copy = replace(thai_english, versions=tuple(replace(v) for v in thai_english.versions))
    for layout in ("separate", "parallel"):
        first = docx_writer.write(thai_english, layout=layout)
        assert hashlib.sha256(first).digest() == \
            hashlib.sha256(docx_writer.write(copy, layout=layout)).digest()
    assert rendered["th-en", "separate"] != rendered["th-en", "parallel"]
    with zipfile.ZipFile(io.BytesIO(rendered["th-en", "separate"])) as zf:
        infos = zf.infolist()
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert [i.filename for i in infos][:2] == ["[Content_Types].xml", "_rels/.rels"]


def test_identical_bytes_across_processes(rendered):
    """Hash seeds and clocks differ between processes; the bytes must not."""
    code = (
        "import hashlib, moukit\n"
        "from moukit.rendering.build import build_document\n"
        "from moukit.rendering.writers import docx\n"
        "spec = moukit.load_spec('examples/chiang-mai-hokkaido.yaml')\n"
        "doc = build_document(spec, languages=['th', 'en'])\n"
        "print(hashlib.sha256(docx.write(doc, layout='separate')).hexdigest())\n"
    )
    root = os.path.join(os.path.dirname(__file__), "..")
    env = dict(os.environ, PYTHONHASHSEED="12345", PYTHAINLP_OFFLINE="1", PYTHAINLP_READ_ONLY="1")
    out = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True,
                         text=True, check=True).stdout.strip()
    assert out == hashlib.sha256(rendered["th-en", "separate"]).hexdigest()


def test_core_properties_come_from_the_document(rendered, thai_english):
    props = docx.Document(io.BytesIO(rendered["th-en", "separate"])).core_properties
    assert props.title == thai_english.version("en").title
    assert props.author == "moukit"
    assert props.created.date().isoformat() == thai_english.signing_date == "2026-11-22"
    assert props.modified == props.created


def test_fingerprint_round_trip(rendered, thai_english):
    stored = dict(read_draft(rendered["th-en", "separate"]).fingerprint)
    with zipfile.ZipFile(io.BytesIO(rendered["th-en", "separate"])) as zf:
        body = zf.read("word/document.xml")
    assert stored.pop("document_sha256") == hashlib.sha256(body).hexdigest()
    assert stored == thai_english.fingerprint
    assert set(stored) >= {"generator", "moukit_version", "form_id", "form_version",
                           "spec_sha256", "text_sha256", "languages", "layout"}
    custom = xml_part(rendered["th-en", "separate"], "docProps/custom.xml")
    names = [p.get("name") for p in custom]
    assert names == ["moukit.generator", "moukit.version", "moukit.form_id", "moukit.form_version",
                     "moukit.spec_sha256", "moukit.text_sha256", "moukit.languages",
                     "moukit.texts", "moukit.layout", "moukit.document_sha256"]
    # which text of each language: English the form, Thai moukit's translation
    assert stored["texts"].startswith("th 0.") and stored["texts"].endswith(",en 1.0 official")
    assert read_draft(rendered["th-en", "parallel"]).fingerprint["layout"] == "parallel"


def test_fingerprint_of_a_hand_made_document_is_derived(rendered, six_languages):
    stored = read_draft(rendered["six", "separate"]).fingerprint
    assert stored["form_id"] == "mfa-sister-city-mou"
    assert stored["languages"] == "th,zh,ja,ko,vi,en"
    text = "\n\n".join(v.plain_text() for v in six_languages.versions)
    assert stored["text_sha256"] == hashlib.sha256(text.encode()).hexdigest()


def _rezip(docx_bytes: bytes, changes: dict[str, bytes | None]) -> bytes:
    """The DOCX with parts replaced, added or (``None``) removed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename not in changes:
                dst.writestr(info, src.read(info))
        for name, blob in changes.items():
            if blob is not None:
                dst.writestr(name, blob)
    return out.getvalue()


def test_a_fingerprint_with_a_dtd_is_refused(rendered):
    evil = (b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            b'custom-properties"><property name="moukit.form_id"><lpwstr>&x;</lpwstr>'
            b'</property></Properties>')
    with pytest.raises(moukit.DraftError, match="DOCTYPE"):
        read_draft(_rezip(rendered["th-en", "separate"], {"docProps/custom.xml": evil}))


def test_the_fingerprint_is_found_through_the_package_relationships(rendered):
    data = rendered["th-en", "separate"]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        custom, rels = zf.read("docProps/custom.xml"), zf.read("_rels/.rels")
    assert read_draft(_rezip(data, {"docProps/custom.xml": None})).fingerprint is None
    moved = _rezip(data, {"docProps/custom.xml": None, "docProps/moukit.xml": custom,
                          "_rels/.rels": rels.replace(b"docProps/custom.xml", b"docProps/moukit.xml")})
    assert read_draft(moved).fingerprint == read_draft(data).fingerprint
    unlinked = _rezip(data, {"docProps/custom.xml": None, "docProps/moukit.xml": custom})
    assert read_draft(unlinked).fingerprint is None  # a part no relationship names is not read


# --- errors ----------------------------------------------------------------------------

def test_unknown_layout_and_control_characters_are_errors(six_languages):
    with pytest.raises(moukit.MoukitError, match="layout"):
        docx_writer.write(six_languages, layout="columns")
    en = six_languages.version("en")
    bad = replace(en, clauses=(Clause("title", "title", None, "Bad\x0btitle"),))
    with pytest.raises(moukit.MoukitError, match="U\\+000B"):
        docx_writer.write(replace(six_languages, versions=(bad,)))


# --- printing: signature blocks, parallel columns, rows, draft marker ----------------------

def _tables(data: bytes):
    return list(xml_part(data, "word/document.xml").iter(w("tbl")))


def _row_text(tr) -> list[str]:
    return ["\n".join("".join(t.text or "" for t in p.iter(w("t"))) for p in tc.iter(w("p")))
            for tc in tr.iterfind("w:tc", NS)]


def test_a_signature_block_is_a_row_per_line_kind_kept_on_one_page(six_languages):
    """Whatever wraps, the "For ..." lines, signing lines, names and positions stand level:
    one row each; no row splits and every paragraph but the last row's keeps with the next;
    a block with a line more than the other gets an empty cell beside it."""
    en = six_languages.version("en")
    longer = replace(en.clause("sign_partner"), text=en.clause("sign_partner").text + "\nShanghai, China")
    version = replace(en, clauses=tuple(longer if c.id == longer.id else c for c in en.clauses))
    data = docx_writer.write(replace(six_languages, versions=(version,)))
    (table,) = _tables(data)
    rows = table.findall("w:tr", NS)
    assert [_row_text(tr) for tr in rows] == [
        ["For Chiang Mai Province", "For Shanghai Municipality"], [SIGN_LINE, SIGN_LINE],
        ["Mr. Somchai Jaidee", "Mr. Li Ming"], ["Governor of Chiang Mai Province", "Mayor of Shanghai"],
        ["", "Shanghai, China"]]
    for i, tr in enumerate(rows):
        assert tr.find("w:trPr/w:cantSplit", NS) is not None
        keeps = {p.find("w:pPr/w:keepNext", NS) is not None for p in tr.iter(w("p"))}
        assert keeps == {i < len(rows) - 1}, i
        assert {v.get(w("val")) for v in tr.iter(w("vAlign"))} == {"top"}
    signing = next(p for p in xml_part(data, "word/document.xml").iter(w("p"))
                   if "".join(t.text or "" for t in p.iter(w("t"))) == en.clause("signing").text)
    assert signing.find("w:pPr/w:keepNext", NS) is not None  # the signing clause stays with them


def _widths(data: bytes) -> list[int]:
    return [int(g.get(w("w"))) for g in _tables(data)[0].iter(w("gridCol"))]


def test_parallel_columns_are_weighted_by_the_room_each_text_takes(six_languages):
    """The columns fill the width between the margins, in proportion to the room each
    version's text takes, between 0.8 and 1.3 of an equal share: a version made three times
    as long gets a wider column, the others narrower."""
    landscape_text = 16838 - 1701 - 1134
    widths = _widths(docx_writer.write(six_languages, layout="parallel"))
    assert sum(widths) == landscape_text
    share = landscape_text / len(widths)
    assert all(0.8 * share - 1 <= wd <= 1.3 * share + 1 for wd in widths), widths
    vi = six_languages.version("vi")
    long_vi = replace(vi, clauses=tuple(replace(c, text=" ".join([c.text] * 3)) if c.kind == "numbered" else c
                                        for c in vi.clauses))
    longer = replace(six_languages, versions=tuple(long_vi if v.lang == "vi" else v for v in six_languages.versions))
    wider = _widths(docx_writer.write(longer, layout="parallel"))
    column = [v.lang for v in six_languages.versions].index("vi")
    assert wider[column] > widths[column]
    assert all(b <= a for i, (a, b) in enumerate(zip(widths, wider)) if i != column)


def test_parallel_rows_split_only_when_long(thai_english):
    """A clause row of a few lines is never split across pages; a long one may be (kept whole
    it would leave most of a page blank, or not fit at all)."""
    th, en = thai_english.versions
    long_text = " ".join(["The Participants will cooperate within their authority."] * 30)
    en_long = replace(en, clauses=tuple(replace(c, text=long_text) if c.id == "c1" else c for c in en.clauses))
    data = docx_writer.write(replace(thai_english, versions=(th, en_long)), layout="parallel")
    rows = {_row_text(tr)[1]: tr for tr in _tables(data)[0].iterfind("w:tr", NS)}
    assert rows[f"{en.clause('c1').number}. {long_text}"].find("w:trPr/w:cantSplit", NS) is None
    shortest = min((c for c in en.clauses if c.kind == "paragraph"), key=lambda c: len(c.text))
    assert len(th.clause(shortest.id).text) < 60 and len(shortest.text) < 60, shortest
    assert rows[shortest.text].find("w:trPr/w:cantSplit", NS) is not None


def test_the_draft_marker_of_a_spec_reaches_the_docx():
    """``draft: true`` in the spec (``moukit init --draft``) prints the form's marker in each
    language, flush right above the title."""
    spec = moukit.load_spec(os.path.join(os.path.dirname(__file__), "..", "examples", "chiang-mai-hokkaido.yaml"))
    result = moukit.render(spec.model_copy(update={"draft": True}), "docx", languages=["th", "en"])
    paragraphs = list(xml_part(result.data, "word/document.xml").iter(w("p")))
    for marker in ("(ร่าง)", "(Draft)"):
        (p,) = [p for p in paragraphs if "".join(t.text or "" for t in p.iter(w("t"))) == marker]
        assert p.find("w:pPr/w:jc", NS).get(w("val")) == "right"


def test_cjk_punctuation_does_not_hang_into_the_margin(rendered):
    styles = xml_part(rendered["six", "separate"], "word/styles.xml")
    assert styles.find("w:docDefaults/w:pPrDefault/w:pPr/w:overflowPunct", NS).get(w("val")) == "0"


# --- documents hard to mark up, read back by python-docx ----------------------------------

def hard_documents() -> list[Document]:
    """Rendered examples (Thai, Chinese, Burmese, Japanese...) and hand-made documents with
    text that is hard to mark up: breaks, tabs, spaces at the ends, XML's special characters,
    Thai and Burmese words inside other text, an empty signing date."""
    root = os.path.join(os.path.dirname(__file__), "..", "examples")
    docs = [build_document(moukit.load_spec(os.path.join(root, f"{name}.yaml")))
            for name in ("chiang-mai-chengdu", "chiang-mai-kengtung", "khon-kaen-fujian-loi")]
    texts = ["Title & <Co> \"quoted\" 'single'\nline two\n\nafter a blank line",
             "  spaces before and after  ", "tab\there\tand\rcarriage ]]> end",
             "Thai ไทย ภาษา inside, and မြန်မာ too\u00a0", "For A\n\nName\nPosition\n", "For B\nName"]
    kinds = ["title", "paragraph", "numbered", "paragraph", "signature", "signature"]
    ids = ["title", "parties", "c1", "signing", "sign_thai", "sign_partner"]

    def version(lang, locale, draft):
        return Version(lang, lang, locale, tuple(
            Clause(cid, kind, "1" if kind == "numbered" else None, text)
            for cid, kind, text in zip(ids, kinds, texts)), draft)

    docs.append(Document("form & <id>", "1.0", "mou", (version("en", "en_GB", "(Draft) & <x>"),
                                                        version("fr", "fr_FR", None),
                                                        version("my", "my_MM", None)),
                         signing_date="2026-11-22"))
    docs.append(Document("f", "1", "loi", (version("th", "th", None),), signing_date=""))
    return docs


@pytest.mark.parametrize("layout", ["separate", "parallel"])
def test_python_docx_reads_back_what_the_writer_wrote(layout):
    """python-docx opens every part and reads each paragraph and cell back as the document has
    it: every part the relationships name is in the package with its content type.

    (This replaces a byte-for-byte comparison with a python-docx build of the same document,
    which held while the writer wrote what python-docx wrote: headers, page numbering and the
    signature rows now go beyond what that build made.)"""
    for document in hard_documents():
        data = docx_writer.write(document, layout=layout)
        doc = docx.Document(io.BytesIO(data))
        tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
        if layout == "parallel":
            assert tables == [parallel_rows(document)]
            continue
        paragraphs = [p.text for p in doc.paragraphs if p.text]
        want, signatures = [], []
        for version in document.versions:
            want += [version.draft_marker] if version.draft_marker else []
            for item in grouped(version.clauses):
                if isinstance(item, list):
                    signatures.append(signature_rows(item))
                elif paragraph_text(item):
                    want.append(paragraph_text(item))
        assert paragraphs == want
        assert tables == signatures
        assert len(doc.sections) == len(document.versions)
        for section in doc.sections:
            assert section.different_first_page_header_footer
            assert section.first_page_header.paragraphs[0].text == ""
            number = "".join(t.text for t in section.header._element.iter(w("t")))  # in a w:fldSimple
            assert number.strip(" -") in ("1", "\u0e51")
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            types = zf.read("[Content_Types].xml").decode()
            for name in zf.namelist():
                if name.endswith(".xml") and name != "[Content_Types].xml":
                    assert f'PartName="/{name}"' in types, name
