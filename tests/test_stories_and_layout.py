"""Every story of a DOCX is read (headers, footers, footnotes, endnotes, comments, text boxes),
layout lines are editorial in every language, plain text is read whatever its line breaks,
and a version's title typed line by line stays with its version."""

from __future__ import annotations

import io
import re
import textwrap
import zipfile
from pathlib import Path

import pytest

import moukit
from moukit.checking.layout import layout
from moukit.checking.readers import read_draft
from moukit.packs.library import default_library
from moukit.spec.models import SPEC_ADAPTER
from specdata import spec_data

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
BINDING = "This Memorandum is legally binding and disputes shall be settled by arbitration in Singapore."


def _mou(partner: str = "ja", languages=None) -> bytes:
    data = spec_data("mou", partner)
    spec = SPEC_ADAPTER.validate_python(data)
    return moukit.render(spec, "docx", languages=languages).data


def _para(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _with_parts(docx: bytes, parts: dict[str, str], rels: list[tuple[str, str, str]],
                body_edit=None, content_types: dict[str, str] = ()) -> bytes:
    """``docx`` with extra parts, document relationships (id, type, target) and a body edit."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/_rels/document.xml.rels":
                extra = "".join(f'<Relationship Id="{i}" Type="{REL}/{t}" Target="{target}"/>'
                                for i, t, target in rels)
                data = data.replace(b"</Relationships>", extra.encode() + b"</Relationships>")
            elif info.filename == "word/document.xml" and body_edit:
                data = body_edit(data.decode("utf-8")).encode("utf-8")
            elif info.filename == "[Content_Types].xml":
                extra = "".join(f'<Override PartName="/{n}" ContentType="{c}"/>'
                                for n, c in dict(content_types).items())
                data = data.replace(b"</Types>", extra.encode() + b"</Types>")
            dst.writestr(info, data)
        for name, xml in parts.items():
            dst.writestr(name, xml)
    return out.getvalue()


def _story_part(tag: str, paragraphs: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:{tag} xmlns:w="{W}" xmlns:r="{R}">{paragraphs}</w:{tag}>'


def _with_running(kind: str, docx: bytes, *lines: str) -> bytes:
    """A header part on the first section, or a footer part on the last."""
    tag = {"header": "hdr", "footer": "ftr"}[kind]

    def edit(xml: str) -> str:
        at = xml.index("<w:sectPr") if kind == "header" else xml.rindex("<w:sectPr")
        end = xml.index(">", at) + 1
        return xml[:end] + f'<w:{kind}Reference w:type="default" r:id="rId{kind}9"/>' + xml[end:]
    return _with_parts(docx, {f"word/{kind}9.xml": _story_part(tag, "".join(map(_para, lines)))},
                       [(f"rId{kind}9", kind, f"{kind}9.xml")], edit)


def _with_footer(docx: bytes, *lines: str) -> bytes:
    return _with_running("footer", docx, *lines)


def _with_header(docx: bytes, *lines: str) -> bytes:
    return _with_running("header", docx, *lines)


def _with_note(docx: bytes, kind: str, text: str) -> bytes:
    """A footnote, endnote or comment on the English clause starting with ``after``."""
    tag = {"footnotes": "footnote", "endnotes": "endnote", "comments": "comment"}[kind]
    ref = {"footnotes": "footnoteReference", "endnotes": "endnoteReference",
           "comments": "commentReference"}[kind]
    author = ' w:author="Partner"' if kind == "comments" else ""
    part = _story_part(kind, f'<w:{tag} w:id="5"{author}>{_para(text)}</w:{tag}>')

    def edit(xml: str) -> str:
        at = xml.index("The Participants will encourage")
        end = xml.index("</w:p>", at)
        return xml[:end] + f'<w:r><w:{ref} w:id="5"/></w:r>' + xml[end:]
    return _with_parts(docx, {f"word/{kind}.xml": part}, [("rIdNote9", kind, f"{kind}.xml")], edit)


def test_a_footer_is_read_and_said_where_it_stands():
    draft = _with_footer(_mou(), BINDING)
    report = moukit.check(draft)
    assert report.verdict == "not_permitted"
    binding = [f for f in report.findings if f.code == "MK-P001"]
    assert binding and binding[0].where.startswith("footer of section")
    assert "(in the footer of section" in binding[0].message
    assert binding[0].lang == "en"  # an English footer is judged with the English version


def test_a_header_with_a_visa_waiver_is_not_permitted():
    draft = _with_header(_mou(), "The Participants shall waive visa requirements for each other's citizens.")
    report = moukit.check(draft)
    assert report.verdict == "not_permitted"
    assert {"MK-P003"} <= {f.code for f in report.findings}


@pytest.mark.parametrize("kind", ["footnotes", "endnotes"])
def test_a_note_is_read_after_its_paragraph(kind):
    draft = _with_note(_mou(), kind, BINDING)
    blocks = read_draft(draft).blocks
    note = next(b for b in blocks if b.story and not b.story.startswith("header"))  # not a page number
    assert note.story == f"{kind[:-1]} 1" and note.text == BINDING
    if kind == "footnotes":
        assert "The Participants will encourage" in blocks[note.index - 1].text
    report = moukit.check(draft)
    assert report.verdict == "not_permitted"
    assert any(f.where == f"{kind[:-1]} 1" for f in report.findings if f.code == "MK-P009")


def test_a_comment_is_read_by_the_rules_only():
    proposal = "Proposal: the Participants shall provide an annual budget of USD 50,000."
    report = moukit.check(_with_note(_mou(), "comments", proposal))
    assert report.verdict == "not_permitted"
    rules = [f for f in report.findings if f.where == "comment 1 (Partner)"]
    assert {"MK-P001", "MK-P008"} <= {f.code for f in rules}
    assert not [f for f in report.findings if f.code.startswith("MK-C")]  # not added wording
    assert any("1 comment" in n for n in report.notes)


def test_a_harmless_comment_is_only_a_note():
    report = moukit.check(_with_note(_mou(), "comments", "Please check the spelling of the name."))
    assert report.verdict == "standard"
    assert any("comment" in n for n in report.notes)


@pytest.mark.parametrize("furniture", ["Page 2 of 6", "- 2 -", "Draft 3, 2 October 2026",
                                       "Chiang Mai Provincial Office", "Tel. +66 53 112 000"])
def test_page_furniture_and_letterhead_in_a_footer_are_layout(furniture):
    report = moukit.check(_with_footer(_mou(), furniture))
    assert report.verdict == "standard", [f.message for f in report.findings]
    editorial = [e for v in report.versions for e in v.editorial]
    assert any(furniture in e for e in editorial)


def test_an_unchanged_form_with_headers_and_footers_is_standard():
    draft = _with_header(_with_footer(_mou(), "Page 1 of 7"), "Chiang Mai Province",
                         "Memorandum of Understanding between Chiang Mai and Hokkaido")
    assert moukit.check(draft).verdict == "standard"


# ----------------------------------------------------------------------------- layout lines

LAYOUT_LINES = [
    ("Page 2 of 6", "page furniture"), ("page 3", "page furniture"), ("- 4 -", "page furniture"),
    ("หน้า ๒ จาก ๖", "page furniture"), ("第 2 页，共 6 页", "page furniture"),
    ("2 ページ", "page furniture"), ("2 / 6 페이지", "page furniture"), ("Trang 2/6", "page furniture"),
    ("Draft 3, 2 October 2026", "revision label"), ("REVISED DRAFT", "revision label"),
    ("ร่างที่ 3", "revision label"), ("（征求意见稿）", "revision label"), ("（案）", "revision label"),
    ("초안", "revision label"), ("Dự thảo lần 2", "revision label"),
    ("Tel. +66 53 112 000", "letterhead contact line"), ("โทร. ๐ ๕๓๑๑ ๒๐๐๐", "letterhead contact line"),
    ("E-mail: foreign@chiangmai.go.th", "letterhead contact line"),
    ("Date: ____________", "blank field"), ("วันที่ ......................", "blank field"),
    ("日期：________", "blank field"), ("Ngày: ..........", "blank field"),
]


@pytest.mark.parametrize(("line", "kind"), LAYOUT_LINES)
def test_layout_lines_in_every_language(line, kind):
    assert layout(default_library()).kind(line) == kind


@pytest.mark.parametrize("line", [
    "The Participants will encourage exchange of visits.", "2. The Participants will cooperate",
    "Draft agreements shall be binding on both Parties.", "ผู้เข้าร่วมจะร่วมมือกัน", "双方将鼓励交流。",
    # a Japanese letterhead's "TEL ..." never takes a sentence of a Latin-script language
    "Telah mencapai kesepahaman berikut:", "Television and film cooperation between the cities"])
def test_wording_is_not_layout(line):
    assert layout(default_library()).kind(line) is None


@pytest.mark.parametrize(("heading", "lang"), [
    ("English Version", "en"), ("ENGLISH TEXT", "en"), ("ฉบับภาษาไทย", "th"), ("ฉบับภาษาอังกฤษ", "en"),
    ("中文文本", "zh"), ("中文版", "zh"), ("日本語版", "ja"), ("日本語文", "ja"), ("한국어본", "ko"),
    ("영문", "en"), ("Bản tiếng Việt", "vi"), ("Văn bản tiếng Anh", "en")])
def test_language_headings_in_every_language(heading, lang):
    assert layout(default_library()).heading(heading) == lang


# ----------------------------------------------------------------------------- plain text

def _text(partner: str = "ja", languages=None) -> str:
    data = spec_data("mou", partner)
    return moukit.render(SPEC_ADAPTER.validate_python(data), "txt", languages=languages).data.decode("utf-8")


def _variants(text: str) -> dict[str, str]:
    plain = text.replace("\f", "\n")
    lines = [line for line in plain.split("\n") if line.strip() and not re.fullmatch(r"=+", line)]
    wrapped = []  # as `fold -s -w 72` wraps each line
    for line in plain.split("\n"):
        wrapped += textwrap.wrap(line, 72, break_long_words=False, break_on_hyphens=False) or [""]
    return {
        "one paragraph per line": "\n".join(lines),
        "a blank line after every line": "\n\n".join(lines),
        "e-mail quoting": "\n".join(f"> {line}" for line in lines),
        "CRLF line ends": "\r\n".join(lines),
        "hard-wrapped at 72": "\n".join(wrapped),
        "hard-wrapped, no blank lines": "\n".join(x for x in wrapped if x),
    }


@pytest.mark.parametrize("shape", sorted(_variants("x\n\ny")))
@pytest.mark.parametrize("languages", [["en"], ["th", "en"], ["th", "ja", "en"]])
def test_the_unchanged_form_as_plain_text_is_standard_whatever_the_line_breaks(shape, languages):
    text = _variants(_text("ja", languages))[shape]
    report = moukit.check(text.encode("utf-8"))
    assert report.verdict == "standard", [f.message for f in report.findings]
    assert [v.lang for v in report.versions] == languages


def test_an_edit_in_plain_text_one_paragraph_per_line_is_still_found():
    text = _variants(_text("ja", ["en"]))["one paragraph per line"]
    text = text.replace("maintain direct contact", "maintain regular contact")
    report = moukit.check(text.encode("utf-8"))
    assert report.verdict == "council_of_state"
    assert [f.clause_id for f in report.findings if f.code == "MK-C001"] == ["c3"]


def test_versions_split_by_language_headings_without_page_breaks():
    text = _text("zh", ["th", "zh", "en"]).replace("\f", "")
    parts = re.split(r"\n=+\n", text)
    headed = "\n\n".join(f"{h}\n\n{p}" for h, p in zip(["ฉบับภาษาไทย", "中文文本", "English Version"], parts))
    report = moukit.check(headed.encode("utf-8"))
    assert report.verdict == "standard", [f.message for f in report.findings]
    assert [v.lang for v in report.versions] == ["th", "zh", "en"]
    assert any("English Version" in e for e in report.versions[2].editorial)


def test_a_parallel_table_saved_as_text_is_read_as_two_versions():
    """Word saves a two-column table as its cells one after the other: Thai, English, Thai..."""
    from moukit.rendering.build import build_document
    from moukit.rendering.writers.text import clause_text

    document = build_document(SPEC_ADAPTER.validate_python(spec_data("loi", "zh")), languages=["th", "en"])
    thai, english = (document.version(lang) for lang in ("th", "en"))
    lines = []
    for a, b in zip(thai.clauses, english.clauses):
        lines += [clause_text(a), clause_text(b)]
    report = moukit.check("\n".join(lines).encode("utf-8"))
    assert [v.lang for v in report.versions] == ["th", "en"]
    assert report.verdict == "standard", [f.message for f in report.findings]
    edited = "\n".join(lines).replace("will encourage", "shall encourage")
    assert moukit.check(edited.encode("utf-8")).verdict == "not_permitted"


def _english_text() -> str:
    return _text("ja", ["en"]).replace("\f", "")


def test_a_draft_marker_typed_above_the_title_in_the_same_paragraph_is_editorial():
    report = moukit.check(("(Draft)\n" + _english_text()).encode("utf-8"))
    assert report.verdict == "standard", [f.message for f in report.findings]
    assert any("(Draft)" in e for e in report.versions[0].editorial)


def test_a_letterhead_typed_as_one_paragraph_above_the_title_is_editorial():
    letterhead = "Chiang Mai Provincial Office\nChotana Road, Mueang, Chiang Mai 50300\nTel. 053 112 000\n\n"
    report = moukit.check((letterhead + _english_text()).encode("utf-8"))
    assert report.verdict == "standard", [f.message for f in report.findings]


def test_a_numbered_clause_title_on_its_own_line_is_editorial_and_read_by_the_rules():
    text = _english_text()
    titled = re.sub(r"(?m)^([1-5])\. ", lambda m: f"Clause {m.group(1)}: Our Shared Goals\n{m.group(1)}. ", text)
    report = moukit.check(titled.encode("utf-8"))
    assert report.verdict == "standard", [f.message for f in report.findings]
    binding = titled.replace("Clause 2: Our Shared Goals", "Clause 2: Binding Obligations")
    assert moukit.check(binding.encode("utf-8")).verdict == "not_permitted"
    unnumbered = re.sub(r"(?m)^Clause 3: Our Shared Goals\n3\. ", "Clause 3: Our Shared Goals\n", titled)
    assert moukit.check(unnumbered.encode("utf-8")).verdict != "standard"  # a title of nothing


def test_a_signature_table_saved_as_text_gives_one_block_per_signatory():
    """Word's "Save as Text" writes a table's cells one after the other, with no blank line."""
    text = _english_text()
    head, _, signatures = text.rpartition("\n\nFor ")
    cells = ("For " + signatures).replace("\n\nFor ", "\nFor ")
    report = moukit.check(f"{head}\n\n{cells}".encode("utf-8"))
    assert report.verdict == "standard", [f.message for f in report.findings]


def test_text_pasted_from_a_pdf_keeps_its_words_and_drops_its_page_furniture():
    """Words hyphenated at a line end are joined again; a page header repeated with each page
    is a running head (editorial, read by the rules); a real change is still found."""
    paragraphs = _english_text().split("\n\n")
    for at in (9, 5):
        paragraphs.insert(at, "- 2 -\nMOU Shanghai – Chiang Mai")
    text = "\n\n".join(paragraphs).replace("cooperate with each other", "coop-\nerate with each other")
    report = moukit.check(text.encode("utf-8"))
    assert report.verdict == "standard", [f.message for f in report.findings]
    assert any("running head" in e for e in report.versions[0].editorial)
    binding = text.replace("MOU Shanghai – Chiang Mai", "Legally binding MOU")
    assert moukit.check(binding.encode("utf-8")).verdict == "not_permitted"
    changed = text.replace("coop-\nerate", "coop-\nerating")
    assert moukit.check(changed.encode("utf-8")).verdict == "council_of_state"


def test_text_pasted_from_a_pdf_keeps_a_hyphen_a_line_ended_at_where_the_word_is_written_with_it():
    """A name broken at its own hyphen ("Jeollanam-" / "do", written whole elsewhere in the text)
    and a reduplicated word ("masing-" / "masing") keep their hyphen; "coop-" / "erate" does not
    (the test above)."""
    spec = EXAMPLES / "rayong-jeollanam-do.yaml"
    text = moukit.render(spec, "txt", languages=["en"]).data.decode("utf-8")
    broken = text.replace("and Jeollanam-do Province (hereinafter", "and Jeollanam-\ndo Province (hereinafter", 1)
    assert broken != text
    report = moukit.check(broken.encode("utf-8"), spec=spec)
    assert report.verdict == "standard" and not report.findings, [f.message for f in report.findings]
    spec = EXAMPLES / "chiang-mai-yogyakarta.yaml"
    text = moukit.render(spec, "txt", languages=["id", "en"]).data.decode("utf-8")
    broken = text.replace("masing-masing", "masing-\nmasing", 1)
    assert broken != text
    report = moukit.check(broken.encode("utf-8"), spec=spec)
    assert report.verdict == "standard" and not report.findings, [f.message for f in report.findings]


def test_a_blank_date_line_typed_into_a_signature_block_is_editorial():
    text = _english_text().replace("Mayor of Shanghai", "Mayor of Shanghai\nDate: ____________")
    report = moukit.check(text.encode("utf-8"))
    assert report.verdict == "standard", [f.message for f in report.findings]
    filled = _english_text().replace("Mayor of Shanghai", "Mayor of Shanghai\nDate: to be agreed later")
    assert moukit.check(filled.encode("utf-8")).verdict != "standard"


def test_the_one_search_for_any_layout_line_changes_no_line_kind():
    """Every line of the drafts corpus (and a few layout lines) is of the same kind with the
    quick test that no layout line matches as when each layout line is tried in turn."""
    import dataclasses
    from pathlib import Path

    lines = layout(default_library())
    assert lines.any_line is not None
    one_by_one = dataclasses.replace(lines, any_line=None)
    texts = ["Page 2 of 6", "- 3 -", "Draft 3, 2 October 2026", "TEL: 03-1234-5678", "Date: ________",
             "Television and film: cooperation between the cities", "หน้า ๒", "第2页", "ページ 2"]
    for path in sorted((Path(__file__).parent / "data" / "drafts").glob("*.txt")):
        texts += path.read_text("utf-8").splitlines()
    kinds = [lines.kind(t) for t in texts]
    assert kinds == [one_by_one.kind(t) for t in texts]
    assert sum(k is not None for k in kinds) >= 10  # the corpus has layout lines to tell
