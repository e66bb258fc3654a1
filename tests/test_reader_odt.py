"""ODT drafts: a minimal .odt made by hand (always), moukit's DOCX converted by LibreOffice
(when installed), hostile files refused; other zip formats named and refused."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from moukit import DraftError, Limits
from moukit.checking.readers import read_draft

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "examples" / "chiang-mai-hokkaido.yaml"
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')


def make_odt(body: str, *, styles: str = "", head: str = "", extra: dict[str, bytes] | None = None,
             mimetype: str = "application/vnd.oasis.opendocument.text", content: str = "") -> bytes:
    content = content or (f'<?xml version="1.0" encoding="UTF-8"?>{head}<office:document-content {NS}>'
               f"<office:automatic-styles>{styles}</office:automatic-styles>"
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), mimetype)  # first and stored, as ODF wants
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        for part, blob in (extra or {}).items():
            z.writestr(part, blob, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def refused(data: bytes, *words: str, limits: Limits | None = None) -> DraftError:
    with pytest.raises(DraftError) as info:
        read_draft(data, name="draft.odt", limits=limits)
    for word in words:
        assert word in str(info.value) or word in str(info.value.hint), str(info.value)
    return info.value


def test_paragraphs_headings_lists_tables_and_notes():
    body = (
        '<text:h text:outline-level="1">บันทึกความเข้าใจ</text:h>'
        '<text:p>ผู้เข้าร่วม<text:s text:c="2"/>จะร่วมมือ<text:line-break/>กัน'
        '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body><text:p>เชิงอรรถ</text:p></text:note-body></text:note></text:p>"
        '<text:list text:style-name="L1"><text:list-item><text:p>First clause.</text:p></text:list-item>'
        "<text:list-item><text:p>Second clause.</text:p></text:list-item></text:list>"
        '<text:p text:style-name="P1">English version</text:p>'
        "<table:table><table:table-row><table:table-cell><text:p>ไทย</text:p></table:table-cell>"
        '<table:covered-table-cell/><table:table-cell><text:p>English</text:p></table:table-cell>'
        "</table:table-row></table:table>"
    )
    styles = ('<style:style style:name="P1" style:family="paragraph"><style:paragraph-properties '
              'fo:break-before="page"/></style:style><text:list-style style:name="L1">'
              '<text:list-level-style-number text:level="1"/></text:list-style>')
    draft = read_draft(make_odt(body, styles=styles), name="mou.odt")
    assert draft.format == "odt" and draft.pending_changes is False and draft.fingerprint is None
    assert [(b.text, b.table, b.story, b.page_break_before, b.auto_number) for b in draft.blocks] == [
        ("บันทึกความเข้าใจ", None, None, False, False),
        ("ผู้เข้าร่วม  จะร่วมมือ\nกัน", None, None, False, False),
        ("เชิงอรรถ", None, "footnote 1", False, False),
        ("First clause.", None, None, False, True),
        ("Second clause.", None, None, False, True),
        ("English version", None, None, True, False),
        ("ไทย", (0, 0, 0), None, False, False),
        ("English", (0, 0, 2), None, False, False),
    ]


def test_tracked_changes_are_read_as_accepted():
    body = ("<text:tracked-changes><text:changed-region text:id='c1'><text:deletion>"
            "<text:p>deleted words</text:p></text:deletion></text:changed-region>"
            "<text:changed-region text:id='c2'><text:insertion/></text:changed-region></text:tracked-changes>"
            "<text:p>kept <text:change text:change-id='c1'/><text:change-start text:change-id='c2'/>"
            "inserted<text:change-end text:change-id='c2'/> text</text:p>")
    draft = read_draft(make_odt(body), name="mou.odt")
    assert [b.text for b in draft.blocks] == ["kept inserted text"]
    assert draft.pending_changes is True


def test_hostile_odt_is_refused():
    refused(make_odt("<text:p>x</text:p>", head='<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'),
            "DOCTYPE")
    bomb = make_odt("<text:p>x</text:p>", extra={"Pictures/big.xml": b"\0" * (3 * 1024 * 1024)})
    refused(bomb, "compression ratio", limits=Limits(max_ratio=50))
    refused(make_odt("<text:p>x</text:p>"), "max_entries", limits=Limits(max_entries=1))
    good = make_odt("<text:p>x</text:p>")
    refused(good[: len(good) - 30], ".odt")  # truncated: the central directory is gone
    refused(make_odt("", content=f"<office:document-content {NS}><office:body><office:spreadsheet/>"
                                 "</office:body></office:document-content>"), "no text document body")


@pytest.mark.parametrize("mimetype,parts,word", [
    ("application/vnd.oasis.opendocument.spreadsheet", {}, ".ods"),
    ("application/epub+zip", {}, ".epub"),
    ("", {"xl/workbook.xml": b"<workbook/>"}, ".xlsx"),
    ("", {"ppt/presentation.xml": b"<presentation/>"}, ".pptx"),
])
def test_other_zip_formats_are_named_and_refused(mimetype, parts, word):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        if mimetype:
            z.writestr("mimetype", mimetype)
        z.writestr("[Content_Types].xml", "<Types/>")
        for part, blob in parts.items():
            z.writestr(part, blob)
    error = refused(out.getvalue(), word)
    assert "save as .docx" in error.hint


def test_libreoffice_odt_of_a_rendering_is_the_standard_form(tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: the DOCX -> ODT round trip needs it")
    import moukit

    moukit.render(SPEC, "docx", layout="parallel").save(tmp_path / "mou.docx")
    subprocess.run([soffice, "--headless", "--convert-to", "odt", "--outdir", str(tmp_path),
                    str(tmp_path / "mou.docx")], env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
                   capture_output=True, timeout=300, check=True)
    report = moukit.check(tmp_path / "mou.odt", spec=SPEC)
    assert (report.verdict, report.exit_code) == ("standard", 0), report.reason
    assert read_draft(tmp_path / "mou.odt").format == "odt"
