"""HTML and Markdown writers: structure, languages, escaping, completeness, determinism."""

from __future__ import annotations

import re

import lxml.html
import pytest

import moukit
from moukit.errors import MoukitError
from moukit.packs.library import TemplateLibrary
from moukit.rendering.build import render
from moukit.rendering.document import Clause, Document, Version
from moukit.rendering.writers import docx as docx_writer
from moukit.rendering.writers import html as html_writer
from moukit.rendering.writers import markdown as md_writer
from moukit.rendering.writers import text as text_writer
from moukit.rendering.writers.text import SIGN_LINE, clause_text

HOSTILE = ["<script>alert(1)</script>", "a|b", "*x*", "# x", "1. y", "---", "[l](http://e.x)",
           "a_b_c", "`code`", "x\\y", "&amp;"]

# lang -> (language name, locale, expected HTML lang, words to build clauses from)
LANGS = {
    "th": ("ไทย", "th", "th", {
        "title": "บันทึกความเข้าใจ\nว่าด้วยการสถาปนาความสัมพันธ์เมืองพี่เมืองน้อง\nระหว่าง\nจังหวัดเชียงใหม่\nกับ\n{p}",
        "parties": "จังหวัดเชียงใหม่และ{p} (ซึ่งต่อไปนี้เรียกว่า \"ผู้เข้าร่วม\")",
        "c1": "ผู้เข้าร่วมจะร่วมมือกันเพื่อส่งเสริมความเจริญรุ่งเรือง",
        "c2": "ผู้เข้าร่วมจะร่วมมือกันในด้านเศรษฐกิจ การท่องเที่ยว และการศึกษา",
        "signing": "ลงนาม ณ {p} เมื่อวันที่ 22 พฤศจิกายน พ.ศ. 2569",
        "sign_thai": "ในนามจังหวัดเชียงใหม่\n(นายสมชาย ใจดี)\nผู้ว่าราชการจังหวัดเชียงใหม่",
        "sign_partner": "ในนาม{p}\n{p}\nนายกเทศมนตรี",
    }),
    "en": ("English", "en_GB", "en", {
        "title": "Memorandum of Understanding\non the Establishment of Sister Cities\nbetween\n"
                 "Chiang Mai Province\nand\n{p}",
        "parties": "{p} and Chiang Mai Province (the \"Participants\");",
        "c1": "The Participants will cooperate to promote mutual prosperity.",
        "c2": "The Participants will cooperate in the fields of economy, tourism and education.",
        "signing": "Signed at Chiang Mai on 22 November 2026.\n{p} keeps one original.",
        "sign_thai": "For Chiang Mai Province\nMr. Somchai Jaidee\nGovernor of Chiang Mai Province",
        "sign_partner": "For {p}\n{p}\nMayor",
    }),
    "zh": ("中文", "zh_Hans_CN", "zh-Hans", {
        "title": "谅解备忘录\n关于建立友好城市关系\n清迈府\n与\n{p}",
        "parties": "清迈府与{p}（以下简称“双方”）",
        "c1": "双方将相互合作，促进共同繁荣。",
        "c2": "双方将在经济、旅游和教育领域开展合作。",
        "signing": "于2026年11月22日在{p}签署。",
        "sign_thai": "清迈府代表\n颂猜·再迪\n清迈府府尹",
        "sign_partner": "{p}代表\n{p}\n市长",
    }),
    "ja": ("日本語", "ja", "ja", {
        "title": "チェンマイ県と\n{p}\nとの姉妹都市提携に関する覚書",
        "parties": "{p}及びチェンマイ県（以下「双方」という。）は、",
        "c1": "双方は、共通の繁栄のために協力する。",
        "c2": "双方は、経済、観光及び教育の分野において協力する。\n{p}",
        "signing": "2026年11月22日に{p}で署名した。",
        "sign_thai": "チェンマイ県を代表して\nソムチャイ・ジャイディー\nチェンマイ県知事",
        "sign_partner": "{p}を代表して\n{p}\n市長",
    }),
}
KINDS = [("title", "title", None), ("parties", "paragraph", None), ("c1", "numbered", "1"),
         ("c2", "numbered", "2"), ("signing", "paragraph", None),
         ("sign_thai", "signature", None), ("sign_partner", "signature", None)]


def make_document(partner: str = "Hokkaido", langs=("th", "en", "zh", "ja"), draft: bool = False,
                  fingerprint: dict | None = None) -> Document:
    """A document built by hand, with ``partner`` in every version's text."""
    versions = []
    for lang in langs:
        name, locale, _, words = LANGS[lang]
        clauses = tuple(Clause(cid, kind, number, words[cid].replace("{p}", partner))
                        for cid, kind, number in KINDS)
        versions.append(Version(lang, name, locale, clauses, f"({lang} draft)" if draft else None))
    return Document(
        form_id="mfa-sister-city-mou", form_version="1.0", instrument="mou",
        versions=tuple(versions),
        fingerprint=fingerprint if fingerprint is not None else
        {"generator": "moukit", "form_id": "mfa-sister-city-mou", "text_sha256": "ab" * 32},
        signing_date="2026-11-22",
    )


def parse(data: bytes):
    return lxml.html.document_fromstring(data.decode("utf-8"))


def element_text(element) -> str:
    return "".join(element.itertext()).strip()


# ----------------------------------------------------------------------------------- HTML

def test_html_separate_has_one_section_per_version_with_lang():
    doc = make_document()
    root = parse(html_writer.write(doc, layout="separate"))
    assert root.get("lang") == "th"
    sections = root.findall(".//section")
    assert [s.get("lang") for s in sections] == [LANGS[lang][2] for lang in doc.languages]
    assert root.xpath("//table[@class='parallel']") == []
    for section in sections:
        # each version is complete: every clause, and both signatures side by side in one row
        assert len(section.xpath(".//*[@data-clause]")) == len(KINDS)
        rows = section.xpath(".//table[@class='signatures']/tr")
        assert len(rows) == 1 and len(rows[0].findall("td")) == 2
        assert [element_text(p) for p in section.xpath(".//p[@class='sign-line']")] == [SIGN_LINE] * 2
        assert element_text(section.xpath(".//h1[@class='title']")[0])


def test_html_parallel_has_a_row_per_clause_and_a_column_per_language():
    doc = make_document()
    root = parse(html_writer.write(doc, layout="parallel"))
    assert root.findall(".//section") == []
    tables = root.xpath("//table[@class='parallel']")
    assert len(tables) == 1
    header = tables[0].xpath("./thead/tr/th")
    assert [th.text for th in header] == [v.language_name for v in doc.versions]
    rows = tables[0].xpath("./tbody/tr")
    assert len(rows) == len(doc.versions[0].clauses)
    for row, clause in zip(rows, doc.versions[0].clauses):
        assert row.get("data-clause") == clause.id
        assert [td.get("lang") for td in row.findall("td")] == ["th", "en", "zh-Hans", "ja"]


def assert_html_has_every_clause(root, doc: Document, layout: str) -> None:
    """Each clause of each version is in its own element, reading exactly as in text."""
    for col, version in enumerate(doc.versions, start=1):
        for clause in version.clauses:
            if layout == "separate":
                path = f"//section[@data-lang='{version.lang}']//*[@data-clause='{clause.id}']"
            else:
                path = f"//tbody/tr[@data-clause='{clause.id}']/td[{col}]"
            assert [element_text(e) for e in root.xpath(path)] == [clause_text(clause)]


@pytest.mark.parametrize("layout", ["separate", "parallel"])
def test_html_contains_every_clause_of_every_version(layout):
    doc = make_document(partner="清迈 & <Hokkaido> \"ほっかいどう\"")
    assert_html_has_every_clause(parse(html_writer.write(doc, layout=layout)), doc, layout)


@pytest.mark.parametrize("layout", ["separate", "parallel"])
@pytest.mark.parametrize("name", HOSTILE)
def test_html_escapes_hostile_names(layout, name):
    doc = make_document(partner=name, fingerprint={"form_id": f'x"><script>{name}'})
    data = html_writer.write(doc, layout=layout)
    root = parse(data)
    assert b"<script" not in data.lower()
    assert root.xpath("//script") == []
    assert root.xpath("//a") == []
    assert name in element_text(root.xpath("//body")[0])
    assert root.xpath("//meta[@name='moukit:form_id']/@content") == [f'x"><script>{name}']


def test_html_fingerprint_and_generator_meta():
    doc = make_document(fingerprint={"generator": "moukit", "form_id": "f", "spec_sha256": "12ab",
                                     "languages": "th,en,zh,ja"})
    root = parse(html_writer.write(doc, layout="separate"))
    assert root.xpath("//meta[@name='generator']/@content") == [f"moukit {moukit.__version__}"]
    for key, value in doc.fingerprint.items():
        assert root.xpath(f"//meta[@name='moukit:{key}']/@content") == [value]
    assert root.xpath("//meta[@charset]/@charset") == ["utf-8"]


def test_html_is_standalone_and_printable():
    data = html_writer.write(make_document(), layout="separate").decode("utf-8")
    assert data.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)\s*=|@import|url\(""", data), "no external resources"
    page = re.search(r"@page\s*{([^}]*)}", data).group(1)
    assert "A4" in page
    top, right, bottom, left = re.search(r"margin:\s*([^;]+);", page).group(1).split()
    assert (left, right) == ("3cm", "2cm")
    thai = re.search(r":lang\(th\)\s*{([^}]*)}", data).group(1)
    assert '"TH Sarabun New", "Sarabun", sans-serif' in thai and "16pt" in thai
    for lang in ("zh", "ja", "ko"):
        rule = re.search(rf":lang\({lang}\)\s*{{([^}}]*)}}", data).group(1)
        assert "CJK" in rule, lang
    assert re.search(r"section\.version \+ section\.version\s*{[^}]*page-break-before:\s*always", data)


def test_html_lang_tags():
    version = make_document().versions[0]
    assert html_writer.html_lang(version) == "th"
    assert html_writer.html_lang(Version("zh", "中文", "zh", ())) == "zh-Hans"
    assert html_writer.html_lang(Version("zh", "中文", "zh_Hant_TW", ())) == "zh-Hant"
    assert html_writer.html_lang(Version("ko", "한국어", "ko", ())) == "ko"
    assert html_writer.html_lang(Version("vi", "Tiếng Việt", "vi", ())) == "vi"


@pytest.mark.parametrize("writer", [html_writer, md_writer])
@pytest.mark.parametrize("layout", ["separate", "parallel"])
def test_draft_marker(writer, layout):
    plain = writer.write(make_document(), layout=layout).decode("utf-8")
    draft = writer.write(make_document(draft=True), layout=layout).decode("utf-8")
    for lang in ("th", "en", "zh", "ja"):
        assert f"({lang} draft)" in draft and f"({lang} draft)" not in plain


@pytest.mark.parametrize("writer", [html_writer, md_writer])
@pytest.mark.parametrize("layout", ["separate", "parallel"])
def test_output_is_deterministic(writer, layout):
    first = writer.write(make_document(partner="*x* <y>"), layout=layout)
    assert first == writer.write(make_document(partner="*x* <y>"), layout=layout)
    assert first != writer.write(make_document(partner="*x* <z>"), layout=layout)


@pytest.mark.parametrize("writer", [html_writer, md_writer, text_writer, docx_writer])
def test_bad_input_raises_moukit_errors(writer):
    # Every writer refuses the same things the same way (a parallel layout of versions with
    # different clauses once gave an IndexError in text and a silent union in DOCX).
    with pytest.raises(MoukitError, match="unknown layout"):
        writer.write(make_document(), layout="sideways")
    doc = make_document()
    shorter = Version("en", "English", "en_GB", doc.versions[1].clauses[:-1])
    with pytest.raises(MoukitError, match="same clauses"):
        writer.write(Document("f", "1", "mou", (doc.versions[0], shorter)), layout="parallel")
    assert writer.write(Document("f", "1", "mou", (doc.versions[0], shorter)), layout="separate")
    with pytest.raises(MoukitError, match="no language version"):
        writer.write(Document("f", "1", "mou", ()), layout="separate")


# ------------------------------------------------------------------------------- Markdown

_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape_md(text: str) -> str:
    """Undo the writer's escaping: hard breaks and <br> to newlines, no bold markers."""
    text = re.sub(r"\\\n *", "\n", text).replace("<br>", "\n")
    text = re.sub(r"(?<!\\)\*\*", "", text)
    return _UNESCAPE.sub(r"\1", text)


def table_rows(block: str) -> list[list[str]]:
    """The cells of a GFM table block, split on unescaped pipes."""
    rows = []
    for line in block.splitlines():
        assert line.startswith("| ") and line.endswith(" |"), line
        rows.append([c.strip() for c in re.split(r"(?<!\\)\|", line[2:-2])])
    return rows


def test_markdown_separate_sections_and_numbered_clauses():
    doc = make_document()
    text = md_writer.write(doc, layout="separate").decode("utf-8")
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings == [v.language_name for v in doc.versions]
    for section, version in zip(re.split(r"^## .+$", text, flags=re.M)[1:], doc.versions):
        blocks = section.strip().split("\n\n")
        prose = [c for c in version.clauses if c.kind != "signature"]
        assert len(blocks) == len(prose) + 1  # and one signature table
        for block, clause in zip(blocks, prose):
            assert unescape_md(block) == clause_text(clause)
            if clause.kind == "numbered":
                assert block.startswith(f"{clause.number}. ")
            if clause.kind == "title":
                assert block == "\\\n".join(f"**{line}**" for line in clause.lines)
        signatures = table_rows(blocks[-1])
        assert len(signatures) == 5 and all(len(row) == 2 for row in signatures)
        thai, partner = version.clause("sign_thai"), version.clause("sign_partner")
        assert signatures[0] == [thai.lines[0], partner.lines[0]]
        assert signatures[2] == [SIGN_LINE, SIGN_LINE]
        assert [row[1] for row in signatures[3:]] == partner.lines[1:]


def test_markdown_parallel_one_row_per_clause():
    doc = make_document(partner="a|b")
    text = md_writer.write(doc, layout="parallel").decode("utf-8")
    assert "## " not in text
    table = text.split("\n\n")[-1].strip()
    rows = table_rows(table)
    assert rows[0] == [v.language_name for v in doc.versions]
    assert rows[1] == ["---"] * len(doc.versions)
    assert len(rows) - 2 == len(doc.versions[0].clauses)
    for i, row in enumerate(rows[2:]):
        assert len(row) == len(doc.versions)
        assert [unescape_md(cell) for cell in row] == [clause_text(v.clauses[i]) for v in doc.versions]


@pytest.mark.parametrize("name", HOSTILE)
def test_markdown_every_clause_text_survives_unescaping(name):
    doc = make_document(partner=name)
    text = unescape_md(md_writer.write(doc, layout="separate").decode("utf-8"))
    for version in doc.versions:
        for clause in version.clauses:
            for line in clause.lines:
                assert line in text


@pytest.mark.parametrize("layout", ["separate", "parallel"])
@pytest.mark.parametrize("name", HOSTILE)
def test_markdown_hostile_names_cannot_change_structure(layout, name):
    markdown_it = pytest.importorskip("markdown_it")
    doc = make_document(partner=name)
    source = md_writer.write(doc, layout=layout).decode("utf-8")
    reference = md_writer.write(make_document(partner="Hokkaido"), layout=layout).decode("utf-8")
    parser = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])

    def shape(src):
        return [t.type for t in parser.parse(src) if t.type != "inline"], \
               [c.type for t in parser.parse(src) if t.children for c in t.children
                if c.type not in ("text", "softbreak")]

    assert shape(source) == shape(reference)
    rendered = parser.render(source)
    assert "<script" not in rendered and "<a " not in rendered
    assert name in unescape_md(source)


def test_markdown_fingerprint_comment_cannot_be_closed_early():
    doc = make_document(fingerprint={"form_id": "f--><h1>x</h1>", "text_sha256": "cd" * 32})
    text = md_writer.write(doc, layout="separate").decode("utf-8")
    assert text.startswith("<!--\n")
    assert text.count("-->") == 1
    assert f"generator: moukit {moukit.__version__}" in text
    assert "moukit:text_sha256: " + "cd" * 32 in text


def test_escape_md_leaves_plain_text_alone():
    for plain in ("Chiang Mai Province", "จังหวัดเชียงใหม่", "北海道知事", "Mr. Li Ming (Mayor)"):
        assert md_writer.escape_md(plain) == plain


# ---------------------------------------------------------------------- whole pipeline

AVAILABLE = TemplateLibrary().available()


@pytest.mark.parametrize("languages", [
    ["en"],
    pytest.param(["th", "en"], marks=pytest.mark.skipif("th" not in AVAILABLE, reason="no th pack")),
    pytest.param(None, marks=pytest.mark.skipif(not {"th", "ja"} <= set(AVAILABLE),
                                                reason="no th or ja pack")),
])
@pytest.mark.parametrize("layout", ["separate", "parallel"])
def test_render_example_spec(load_example, languages, layout):
    spec = load_example("chiang-mai-hokkaido")
    html = render(spec, "html", languages=languages, layout=layout)
    md = render(spec, "md", languages=languages, layout=layout)
    assert html.suffix == ".html" and md.suffix == ".md"
    assert html.data == render(spec, "html", languages=languages, layout=layout).data
    assert md.data == render(spec, "md", languages=languages, layout=layout).data
    root = parse(html.data)
    langs = list(html.document.languages)
    assert langs == (languages or list(spec.languages))
    assert root.get("lang") == langs[0]
    assert sorted(set(root.xpath("//section/@lang | //td/@lang"))) == sorted(langs)
    assert root.xpath("//meta[@name='moukit:spec_sha256']/@content") == [
        html.document.fingerprint["spec_sha256"]]
    assert_html_has_every_clause(root, html.document, layout)
    md_text = unescape_md(md.data.decode("utf-8"))
    for version in md.document.versions:
        for clause in version.clauses:
            assert all(line in md_text for line in clause.lines)
    if layout == "separate":
        assert len(root.findall(".//section")) == len(langs)
    else:
        assert len(root.xpath("//tbody/tr")) == len(html.document.versions[0].clauses)
