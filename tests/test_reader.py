"""The draft reader: DOCX, text and Markdown drafts, accepted tracked changes, hostile files."""

from __future__ import annotations

import importlib.util
import io
import struct
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import moukit
from moukit import DraftError, Limits
from moukit.checking.readers import read_draft
from moukit.errors import MoukitError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="{main}"/>'
    "</Types>"
)
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def document_xml(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        f"<w:body>{body}</w:body></w:document>"
    )


def make_docx(body: str = "", *, document: str | None = None, extra: dict | None = None,
              main_type: str = MAIN_TYPE, skip: tuple = ()) -> bytes:
    """A minimal DOCX written by hand, so every XML construct is under the test's control."""
    parts = {
        "[Content_Types].xml": CONTENT_TYPES.format(main=main_type),
        "_rels/.rels": RELS,
        "word/document.xml": document if document is not None else document_xml(body),
        **(extra or {}),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            if name not in skip:
                zf.writestr(name, data)
    return buf.getvalue()


def p(*runs: str, ppr: str = "") -> str:
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def texts(draft) -> list[str]:
    return [b.text for b in draft.blocks]


def refused(data: bytes, *words: str, **kwargs) -> DraftError:
    with pytest.raises(DraftError) as info:
        read_draft(data, **kwargs)
    message = str(info.value)
    for word in words:
        assert word.lower() in message.lower(), message
    return info.value


# --------------------------------------------------------------------------- DOCX text

def test_tracked_changes_are_read_accepted():
    body = p(
        r("The Participants "),
        '<w:del w:id="1" w:author="x" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>will</w:delText></w:r></w:del>',
        '<w:ins w:id="2" w:author="x" w:date="2026-01-01T00:00:00Z">' + r("shall") + "</w:ins>",
        r(" cooperate."),
    )
    draft = read_draft(make_docx(body), name="d.docx")
    assert draft.format == "docx"
    assert texts(draft) == ["The Participants shall cooperate."]
    assert draft.pending_changes is True
    assert draft.blocks[0].ref.tag == f"{{{W_NS}}}p"


def test_no_tracked_changes_means_nothing_pending():
    draft = read_draft(make_docx(p(r("Plain."))))
    assert draft.pending_changes is False
    assert texts(draft) == ["Plain."]


def test_moved_text_appears_once_at_its_new_place():
    body = (
        p('<w:moveFrom w:id="1" w:author="x">' + r("moved ") + "</w:moveFrom>", r("stays"))
        + p(r("here: "), '<w:moveTo w:id="2" w:author="x">' + r("moved") + "</w:moveTo>")
    )
    draft = read_draft(make_docx(body))
    assert texts(draft) == ["stays", "here: moved"]
    assert draft.pending_changes


def test_formatting_change_alone_is_pending_but_text_unchanged():
    body = p('<w:r><w:rPr><w:b/><w:rPrChange w:id="1" w:author="x"><w:rPr/></w:rPrChange>'
             "</w:rPr><w:t>Bold now</w:t></w:r>")
    draft = read_draft(make_docx(body))
    assert texts(draft) == ["Bold now"] and draft.pending_changes


def test_deleted_paragraph_mark_joins_the_next_paragraph():
    mark_deleted = '<w:pPr><w:rPr><w:del w:id="3" w:author="x"/></w:rPr></w:pPr>'
    body = p(r("first half, "), ppr=mark_deleted) + p(r("second half"))
    draft = read_draft(make_docx(body))
    assert texts(draft) == ["first half, second half"]


def test_deleted_table_row_is_dropped():
    def row(text, trpr=""):
        return f"<w:tr>{trpr}<w:tc>{p(r(text))}</w:tc></w:tr>"

    body = ("<w:tbl>" + row("keep 0") + row("gone", '<w:trPr><w:del w:id="1" w:author="x"/></w:trPr>')
            + row("keep 1") + "</w:tbl>")
    draft = read_draft(make_docx(body))
    assert [(b.text, b.table) for b in draft.blocks] == [("keep 0", (0, 0, 0)), ("keep 1", (0, 1, 0))]


def test_run_content_tabs_breaks_hyphens():
    body = p(
        '<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t>'
        '<w:noBreakHyphen/><w:t>e</w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:softHyphen/></w:r>'
    )
    assert texts(read_draft(make_docx(body))) == ["a\tb\nc\nd-e"]


def test_fields_keep_only_their_displayed_result():
    body = p(
        r("Page "),
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        r("3"),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        r(" of "),
        '<w:fldSimple w:instr=" NUMPAGES ">' + r("9") + "</w:fldSimple>",
    )
    assert texts(read_draft(make_docx(body))) == ["Page 3 of 9"]


def test_tables_give_coordinates_in_reading_order():
    def cell(text, tcpr=""):
        return f"<w:tc>{tcpr}{p(r(text))}</w:tc>"

    nested = "<w:tbl><w:tr>" + cell("inner") + "</w:tr></w:tbl>"
    table1 = (
        "<w:tbl><w:tr>" + cell("th title") + cell("en title") + "</w:tr>"
        "<w:tr>" + cell("spans both", '<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>') + "</w:tr>"
        "<w:tr>" + cell("left") + f"<w:tc>{p(r('outer'))}{nested}</w:tc>" + "</w:tr></w:tbl>"
    )
    table2 = "<w:tbl><w:tr><w:sdt><w:sdtContent>" + cell("in control") + "</w:sdtContent></w:sdt>" \
             + cell("") + cell("third") + "</w:tr></w:tbl>"
    draft = read_draft(make_docx(p(r("before")) + table1 + p(r("between")) + table2))
    assert [(b.text, b.table) for b in draft.blocks] == [
        ("before", None),
        ("th title", (0, 0, 0)), ("en title", (0, 0, 1)),
        ("spans both", (0, 1, 0)),
        ("left", (0, 2, 0)), ("outer", (0, 2, 1)), ("inner", (0, 2, 1)),
        ("between", None),
        ("in control", (1, 0, 0)), ("third", (1, 0, 2)),
    ]
    assert [b.index for b in draft.blocks] == list(range(10))


def test_page_breaks_mark_the_following_paragraph():
    body = (
        p(r("one"))
        + p(r("two"), '<w:r><w:br w:type="page"/></w:r>')
        + p(r("three"))
        + p(r("four"), ppr="<w:pPr><w:pageBreakBefore/></w:pPr>")
        + p(r("five"), ppr='<w:pPr><w:pageBreakBefore w:val="false"/></w:pPr>')
        + p('<w:r><w:br w:type="page"/></w:r>')  # an empty paragraph holding only a break
        + p(r("six"))
        + p('<w:r><w:br w:type="page"/><w:t>seven</w:t></w:r>')
    )
    draft = read_draft(make_docx(body))
    assert [(b.text, b.page_break_before) for b in draft.blocks] == [
        ("one", False), ("two", False), ("three", True), ("four", True), ("five", False),
        ("six", True), ("seven", True),
    ]


def test_section_breaks_are_page_breaks_unless_continuous():
    # a section's w:type says how it starts; its w:sectPr closes it (the last one is the body's)
    next_page = "<w:pPr><w:sectPr/></w:pPr>"
    continuous = '<w:pPr><w:sectPr><w:type w:val="continuous"/></w:sectPr></w:pPr>'
    body = (p(r("a"), ppr=continuous) + p(r("b"), ppr=next_page) + p(r("c")) + p(r("d"), ppr=continuous)
            + p(r("e")) + '<w:sectPr><w:type w:val="continuous"/></w:sectPr>')
    draft = read_draft(make_docx(body))
    assert [(b.text, b.page_break_before) for b in draft.blocks] == [
        ("a", False), ("b", True), ("c", False), ("d", False), ("e", False)]


def test_text_boxes_follow_their_paragraph_once():
    box = f"<w:txbxContent>{p(r('in the box'))}</w:txbxContent>"
    drawing = (
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>"
        f"{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>"
        f"<v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    draft = read_draft(make_docx(p(r("anchor "), drawing, r("text")) + p(r("next"))))
    assert texts(draft) == ["anchor text", "in the box", "next"]


def test_python_docx_document_is_read():
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Letter of Intent", 1)
    document.add_paragraph("Clause\tone")
    document.add_page_break()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "ไทย"
    table.cell(1, 1).text = "English"
    buf = io.BytesIO()
    document.save(buf)
    draft = read_draft(buf.getvalue(), name="letter.txt")  # told by content, not suffix
    assert draft.format == "docx"
    assert [(b.text, b.table, b.page_break_before) for b in draft.blocks] == [
        ("Letter of Intent", None, False), ("Clause\tone", None, False),
        ("ไทย", (0, 0, 0), True), ("English", (0, 1, 1), False)]
    assert "word/styles.xml" in draft.package.parts
    assert draft.blocks[0].ref.getroottree().getroot() is draft.package.document


def test_fingerprint_from_custom_properties():
    custom = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="moukit.form_id">'
        "<vt:lpwstr>mfa-sister-city-mou</vt:lpwstr></property>"
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="moukit.languages">'
        "<vt:lpwstr>th,en</vt:lpwstr></property>"
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="Client">'
        "<vt:lpwstr>not ours</vt:lpwstr></property>"
        "</Properties>"
    )
    draft = read_draft(make_docx(p(r("x")), extra={"docProps/custom.xml": custom}))
    assert draft.fingerprint == {"form_id": "mfa-sister-city-mou", "languages": "th,en"}
    assert read_draft(make_docx(p(r("x")))).fingerprint is None


def test_reading_is_deterministic(tmp_path):
    data = make_docx(p(r("same")) + p(r("again")))
    path = tmp_path / "draft.docx"
    path.write_bytes(data)
    first, second = read_draft(path), read_draft(data)
    assert first.name == str(path) and second.name == "<bytes>"
    assert texts(first) == texts(second) == ["same", "again"]


# --------------------------------------------------------------------------- DOCX refusals

def test_zip_bomb_is_refused():
    bomb = make_docx(p(r("x")), extra={"word/media/zeros.bin": b"\0" * (60 * 1024 * 1024)})
    assert len(bomb) < 200_000
    err = refused(bomb, "max_part_bytes", "Limits(")
    assert isinstance(err, MoukitError)


def test_compression_ratio_limit():
    packed = make_docx(p(r("x")), extra={"word/media/zeros.bin": b"\0" * (4 * 1024 * 1024)})
    refused(packed, "compression ratio", "max_ratio")
    assert texts(read_draft(packed, limits=Limits(max_ratio=5000))) == ["x"]


def test_headers_that_lie_about_sizes_do_not_fool_the_reader():
    data = bytearray(make_docx(p(r("x")), extra={"word/media/a.bin": b"\0" * 3_000_000}))
    name = b"word/media/a.bin"
    # claim 100 bytes unpacked in both the local and the central header
    local = data.index(b"PK\x03\x04")
    while data[local + 30: local + 30 + len(name)] != name:
        local = data.index(b"PK\x03\x04", local + 4)
    struct.pack_into("<I", data, local + 22, 100)
    central = data.index(b"PK\x01\x02")
    while data[central + 46: central + 46 + len(name)] != name:
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, central + 24, 100)
    refused(bytes(data), "a.bin")


def test_total_and_entry_limits_are_configurable():
    data = make_docx(p(r("x")), extra={f"word/media/{i}.bin": b"data" for i in range(10)})
    refused(data, "max_entries", limits=Limits(max_entries=5))
    refused(data, "max_total_bytes", limits=Limits(max_total_bytes=100))
    refused(data, "max_part_bytes", limits=Limits(max_part_bytes=50))
    assert texts(read_draft(data)) == ["x"]


def test_xxe_is_refused_before_anything_is_read():
    evil = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'
    )
    refused(make_docx(document=evil), "DOCTYPE", "XXE", "word/document.xml")
    billion = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    refused(make_docx(p(r("ok")), extra={"docProps/custom.xml": billion}), "DOCTYPE", "custom.xml")
    utf16 = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'
             ).encode("utf-16")
    refused(make_docx(p(r("ok")), extra={"word/settings.xml": utf16}), "DOCTYPE")


def test_macro_enabled_documents_are_refused():
    refused(make_docx(p(r("x")), extra={"word/vbaProject.bin": b"\1\2\3"}), "macro-enabled")
    refused(make_docx(p(r("x")), main_type=MACRO_TYPE), "macro-enabled")


def test_ole_files_are_refused_with_the_probable_reason():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    refused(ole + "WordDocument".encode("utf-16-le"), ".doc", "save it as .docx")
    refused(ole + "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le"),
            "password")


def test_broken_and_incomplete_zips_are_refused():
    good = make_docx(p(r("x")))
    refused(good[: len(good) // 2], "damaged or truncated")
    refused(make_docx(p(r("x")), skip=("word/document.xml",)), "word/document.xml")
    refused(make_docx(p(r("x")), skip=("[Content_Types].xml",)), "[Content_Types].xml")
    refused(make_docx(document="<w:document"), "broken XML")
    refused(make_docx(document="<root/>"), "not a WordprocessingML")


def test_empty_missing_and_folder_sources(tmp_path):
    refused(b"", "empty")
    refused(tmp_path / "nope.docx", "no such file", str(tmp_path / "nope.docx"))
    with pytest.raises(DraftError, match="folder"):
        read_draft(tmp_path)


def test_drafts_without_text_are_refused():
    refused(b" \n\n\t\n", "no text")
    refused(b"<!-- only a comment -->\n", "no text", name="x.md")
    refused(make_docx(p() + p('<w:r><w:br w:type="page"/></w:r>')), "no text")


def test_other_binary_formats_are_refused():
    refused(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "not a readable PDF")  # read as a PDF draft: damaged
    refused(b"{\\rtf1\\ansi hello}", "rtf", "save as .docx")


# --------------------------------------------------------------------------- text drafts

def test_text_paragraphs_and_version_separators():
    text = ("Title line\nsecond title line\n\nClause one\ncontinues.\n\n"
            + "=" * 72 + "\n\nชื่อเรื่อง\n\n---\n\nlast\n")
    draft = read_draft(text.encode(), name="draft.txt")
    assert draft.format == "txt" and draft.pending_changes is False and draft.fingerprint is None
    assert [(b.text, b.page_break_before, b.table) for b in draft.blocks] == [
        ("Title line\nsecond title line", False, None),
        ("Clause one\ncontinues.", False, None),
        ("ชื่อเรื่อง", True, None),
        ("last", True, None),
    ]


def test_parallel_text_layout_becomes_a_table():
    sep = "\n\n" + "-" * 72 + "\n\n"
    text = sep.join([
        "[th] บันทึกความเข้าใจ\n\n[ja] 覚書\n\n[en] Memorandum",
        "[th] 1. ข้อหนึ่ง\n\n[ja] 1. 第一条\n\n[en] 1. Clause one",
        "[th] สำหรับจังหวัด\n....................\nนาย ก\n\n[en] For the Province",
    ])
    draft = read_draft(("\ufeff" + text + "\n").encode("utf-8"), name="x.txt")
    assert [(b.text, b.table) for b in draft.blocks] == [
        ("บันทึกความเข้าใจ", (0, 0, 0)), ("覚書", (0, 0, 1)), ("Memorandum", (0, 0, 2)),
        ("1. ข้อหนึ่ง", (0, 1, 0)), ("1. 第一条", (0, 1, 1)), ("1. Clause one", (0, 1, 2)),
        ("สำหรับจังหวัด\n....................\nนาย ก", (0, 2, 0)), ("For the Province", (0, 2, 2)),
    ]
    assert not any(b.page_break_before for b in draft.blocks)


def clause_as_text(clause) -> str:
    """A clause as moukit's text writer lays it out (numbered, signing line in signatures)."""
    if clause.kind == "signature":
        first, *rest = clause.lines
        return "\n".join([first, "....................", *rest])
    return f"{clause.number}. {clause.text}" if clause.number else clause.text


@pytest.mark.parametrize("languages", [["en"], ["th", "en"]])
def test_moukit_separate_text_round_trips(languages):
    spec = moukit.load_spec("examples/chiang-mai-hokkaido.yaml")
    rendering = moukit.render(spec, "txt", layout="separate", languages=languages)
    draft = read_draft(rendering.data, name="mou.txt")
    expected, breaks = [], []
    for n, version in enumerate(rendering.document.versions):
        texts_ = ([version.draft_marker] if version.draft_marker else []) + [
            clause_as_text(c) for c in version.clauses]
        expected += texts_
        breaks += [n > 0] + [False] * (len(texts_) - 1)
    assert texts(draft) == expected
    assert [b.page_break_before for b in draft.blocks] == breaks
    assert all(b.table is None for b in draft.blocks)


@pytest.mark.parametrize("languages", [["en"], ["th", "en"]])
def test_moukit_parallel_text_round_trips(languages):
    spec = moukit.load_spec("examples/chiang-mai-hokkaido.yaml")
    rendering = moukit.render(spec, "txt", layout="parallel", languages=languages)
    draft = read_draft(rendering.data, name="mou.txt")
    versions = rendering.document.versions
    expected = [(clause_as_text(v.clauses[row]), (0, row, col))
                for row in range(len(versions[0].clauses)) for col, v in enumerate(versions)]
    assert [(b.text, b.table) for b in draft.blocks] == expected


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le"])
def test_utf16_text_with_bom(encoding):
    text = "บันทึกความเข้าใจ\r\n\r\nข้อ 1"
    data = text.encode(encoding)
    if encoding != "utf-16":  # explicit byte order: add the BOM by hand
        data = "\ufeff".encode(encoding) + data
    assert texts(read_draft(data, name="d.txt")) == ["บันทึกความเข้าใจ", "ข้อ 1"]


def test_undecodable_text_is_refused():
    refused("บันทึก".encode("tis-620"), "not UTF-8", "save the draft as UTF-8")
    refused("no BOM".encode("utf-16-le"), "NUL")


def test_text_limits_are_configurable():
    data = b"a\n\nb\n\nc\n"
    refused(data, "max_blocks", limits=Limits(max_blocks=2))
    refused(data, "max_text_bytes", limits=Limits(max_text_bytes=4))
    assert len(read_draft(data, limits=Limits(max_blocks=3)).blocks) == 3


# --------------------------------------------------------------------------- Markdown

def test_markdown_headings_emphasis_tables():
    md = (
        "# Memorandum *of* Understanding #\n\n"
        "**Chiang Mai** and __Hokkaido__ agree\\*:\n"
        "second line\\\n\n"
        "1. First clause with a\\_b and snake_case_name.\n\n"
        "| ภาษาไทย | English |\n| :--- | ---: |\n"
        "| **ชื่อ**<br>บรรทัดสอง | Title<br/>line \\| two |\n"
        "| | only right |\n\n"
        "---\n\n"
        "After the break\n"
    )
    draft = read_draft(md.encode(), name="draft.md")
    assert draft.format == "md"
    assert [(b.text, b.table, b.page_break_before) for b in draft.blocks] == [
        ("Memorandum of Understanding", None, False),
        ("Chiang Mai and Hokkaido agree*:\nsecond line", None, False),
        ("1. First clause with a_b and snake_case_name.", None, False),
        ("ภาษาไทย", (0, 0, 0), False), ("English", (0, 0, 1), False),
        ("ชื่อ\nบรรทัดสอง", (0, 1, 0), False), ("Title\nline | two", (0, 1, 1), False),
        ("only right", (0, 2, 1), False),
        ("After the break", None, True),
    ]


def test_markdown_setext_heading_and_comments():
    md = "<!--\nmoukit:form_id: mfa-sister-city-loi\nmoukit:layout: separate\n-->\n\nTitle\n=====\n\nBody\n"
    draft = read_draft(md.encode(), name="x.MD")
    assert texts(draft) == ["Title", "Body"]
    assert not any(b.page_break_before for b in draft.blocks)
    assert draft.fingerprint == {"form_id": "mfa-sister-city-loi", "layout": "separate"}


@pytest.mark.parametrize("layout", ["separate", "parallel"])
def test_moukit_markdown_output_round_trips(layout):
    spec = moukit.load_spec("examples/chiang-mai-hokkaido.yaml")
    rendering = moukit.render(spec, "md", layout=layout, languages=["th", "en"])
    draft = read_draft(rendering.data, name="mou.md")
    assert draft.fingerprint["form_id"] == rendering.document.form_id
    by_text = {b.text: b for b in draft.blocks}
    lines = {line for b in draft.blocks for line in b.text.split("\n")}
    for col, version in enumerate(rendering.document.versions):
        for row, clause in enumerate(version.clauses):
            if clause.kind == "signature":
                assert set(clause.lines) <= lines
                continue
            block = by_text[clause_as_text(clause)]
            # the parallel table's first row holds the language names
            assert block.table == ((0, row + 1, col) if layout == "parallel" else None)


# --------------------------------------------------------------------------- DOCX from moukit

@pytest.mark.skipif(importlib.util.find_spec("moukit.rendering.writers.docx") is None,
                    reason="the DOCX writer is not there yet")
@pytest.mark.parametrize("layout", ["separate", "parallel"])
def test_moukit_docx_output_round_trips(layout):
    spec = moukit.load_spec("examples/chiang-mai-hokkaido.yaml")
    rendering = moukit.render(spec, "docx", layout=layout, languages=["th", "en"])
    draft = read_draft(rendering.data, name="mou.docx")
    assert draft.pending_changes is False
    assert draft.fingerprint["form_id"] == rendering.document.form_id
    assert draft.fingerprint["languages"] == "th,en"
    by_text = {b.text: b for b in draft.blocks}
    for col, version in enumerate(rendering.document.versions):
        for row, clause in enumerate(version.clauses):
            if clause.kind == "signature":
                continue
            block = by_text[clause_as_text(clause)]
            if layout == "parallel":
                assert block.table == (0, row + 1, col)  # after the row naming the languages
            else:
                assert block.table is None
                assert block.page_break_before == (col > 0 and row == 0)


# --------------------------------------------------------------------------- hostile bytes

def read_or_refuse(data: bytes, name: str = "<bytes>") -> None:
    try:
        draft = read_draft(data, name=name)
    except DraftError as err:
        assert str(err)
    else:
        assert all(isinstance(b.text, str) for b in draft.blocks)


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(st.binary(max_size=2048), st.sampled_from(["d.txt", "d.md", "d.docx"]))
def test_random_bytes_never_crash(data, name):
    read_or_refuse(data, name)


ZIP_NAMES = st.sampled_from(["[Content_Types].xml", "word/document.xml", "docProps/custom.xml",
                             "_rels/.rels", "word/vbaProject.bin", "word/x.xml", "a/"])
XML_BITS = st.lists(st.sampled_from([
    "<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "text", "<w:tbl>", "</w:tbl>",
    "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>", '<w:br w:type="page"/>', "<w:tab/>", "<w:del>",
    "</w:del>", "<w:ins>", "</w:ins>", '<w:fldChar w:fldCharType="begin"/>', "<w:sectPr/>",
    "<w:txbxContent>", "</w:txbxContent>", "<!DOCTYPE x>", "&amp;", "&x;", "<w:body>", "</w:body>",
]), max_size=40).map("".join)


@settings(max_examples=200, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(ZIP_NAMES, st.one_of(XML_BITS.map(document_xml), XML_BITS, st.binary(max_size=64)),
                       max_size=6),
       st.booleans())
def test_random_zips_never_crash(parts, compress):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    read_or_refuse(buf.getvalue())


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(st.data())
def test_damaged_docx_never_crashes(data):
    good = bytearray(make_docx(p(r("Clause")) + "<w:tbl><w:tr><w:tc>" + p(r("cell")) + "</w:tc></w:tr></w:tbl>"))
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(good) - 1))
        good[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(1, len(good)))
    read_or_refuse(bytes(good[:cut]))


def test_one_table_of_formats_each_with_a_reader_module():
    from importlib import import_module

    from moukit.checking.readers import READERS

    names = [r.name for r in READERS]
    suffixes = [s for r in READERS for s in r.suffixes]
    assert len(set(names)) == len(names) and len(set(suffixes)) == len(suffixes)
    for reader in READERS:
        assert callable(import_module(reader.module).read), reader.name
    assert [r.name for r in READERS if not r.magic][-1] == "txt"  # plain text is the fallback


def test_the_names_of_the_last_zip_are_kept_for_that_zip_only():
    from moukit.checking.readers._zip import zip_names

    def zipped(**parts: bytes) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
        return out.getvalue()

    odt = zipped(mimetype=b"application/vnd.oasis.opendocument.text", a=b"1")
    other = zipped(b=b"2")
    names, mimetype = zip_names(odt)
    names.append("changed by the caller")
    assert zip_names(odt) == (["mimetype", "a"], "application/vnd.oasis.opendocument.text")
    assert zip_names(other) == (["b"], "")
    assert zip_names(bytes(odt)) == (["mimetype", "a"], "application/vnd.oasis.opendocument.text")
