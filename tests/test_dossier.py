"""The approval dossier (moukit.dossier, moukit dossier): the spec's dossier sections validated
with located errors, every document rendered from the example (golden texts), the external
letter's parts in order, the checklist following the spec and the check, the CLI."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import moukit
from moukit.dossier import build_dossier, checklist, write_dossier
from moukit.errors import OutputError, SpecError
from moukit.rendering.build import render

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "chiang-mai-chengdu-dossier.yaml"
GOLDEN = Path(__file__).parent / "golden" / "dossier"
# the parts of a Thai external letter, top to bottom (ระเบียบงานสารบรรณ; docs/dossier.md)
LETTER_PARTS = ["emblem", "number_office", "date", "subject", "salutation", "reference", "enclosures",
                "body", "closing", "signature", "contact"]


@pytest.fixture(scope="module")
def spec():
    return moukit.load_spec(EXAMPLE)


@pytest.fixture(scope="module")
def dossier(spec):
    return {e.name: e for e in build_dossier(spec, english=True)}


def _text(entry) -> str:
    return "\n\n====\n\n".join(v.plain_text() for v in entry.document.versions) + "\n"


def test_every_document_matches_its_golden_text(dossier):
    """Golden texts; MOUKIT_UPDATE_GOLDEN=1 rewrites them (review the diff)."""
    names = sorted(dossier)
    assert names == ["00-index", "01-request-mfa", "01-request-moi", "02-plan", "03-submission-mfa",
                     "03-submission-moi", "04-checklist", "05-report-2570"]
    for name in names:
        path = GOLDEN / f"{name}.txt"
        if os.environ.get("MOUKIT_UPDATE_GOLDEN"):
            path.write_text(_text(dossier[name]), encoding="utf-8")
        assert _text(dossier[name]) == path.read_text(encoding="utf-8"), name


def _part(clause) -> str:
    return "body" if clause.kind == "body" else clause.id


@pytest.mark.parametrize("name", ["01-request-moi", "03-submission-moi"])
def test_external_letter_has_its_parts_in_order(dossier, name):
    version = dossier[name].document.version("th")
    parts = list(dict.fromkeys(_part(c) for c in version.clauses if c.kind != "table"))
    assert [p for p in LETTER_PARTS if p in parts] == parts  # in the regulation's order
    assert set(LETTER_PARTS) - {"reference"} <= set(parts)  # all but the optional reference
    kinds = {c.id: c.kind for c in version.clauses}
    assert kinds["emblem"] == "emblem" and kinds["signature"] == "signoff"
    assert version.clause("subject").text.startswith("เรื่อง")
    assert version.clause("salutation").text == "เรียน  ปลัดกระทรวงมหาดไทย"
    assert version.clause("closing").text == "ขอแสดงความนับถือ"
    left, right = version.clause("number_office").rows[0]
    assert left == "ที่ ชม ๐๐๑๗.๓/" and right == "ศาลากลางจังหวัดเชียงใหม่"
    assert "strategy@chiangmai.go.th" in version.clause("contact").text  # e-mail keeps its letters
    assert version.clause("date").text == ("๒ มีนาคม พ.ศ. ๒๕๖๙" if "request" in name else "๑๕ มิถุนายน พ.ศ. ๒๕๖๙")


def test_plan_table_rows_come_from_the_activities(spec, dossier):
    th, en = dossier["02-plan"].document.versions
    rows = th.clause("activities").rows
    assert len(rows) == 1 + len(spec.plan.activities)
    assert [v.lang for v in build_dossier(spec)[3].document.versions] == ["th"]  # English on request
    assert rows[1][4] == "๔๕๐,๐๐๐ (งบประมาณจังหวัดและกลุ่มจังหวัด (Area))" and rows[1][6:] == ["๒๕๗๐", "๒"]
    assert en.clause("budget").rows[-1] == ["Total (over 1,000,000 baht)", "1,730,000"]


def _spec_with(text: str, replace: str, by: str):
    source = EXAMPLE.read_text("utf-8")
    assert replace in source
    return moukit.parse_spec(source.replace(replace, by, 1), file="d.yaml"), source


@pytest.mark.parametrize("replace, by, path, says", [
    ("      fiscal_year: 2570\n      quarter: 2", "      fiscal_year: 2027\n      quarter: 2",
     "plan.activities[0].fiscal_year", "did you mean 2570?"),
    ("  total: 1730000", "  total: 1700000", "plan.total", "1,730,000.00"),
    ("  total_spent: 514500", "  total_spent: 500000", "report.total_spent", "514,500.00"),
    ("      responsible: {th: หอการค้าจังหวัดเชียงใหม่, en: Chiang Mai Chamber of Commerce}\n", "",
     "plan.activities[2].responsible", "add responsible"),
    ("source: private_sector", "source: private", "plan.activities[2].budget.source", "private_sector"),
    ("  status: continuing", "  status: continued", "report.status", "continuing"),
    ("    - activity: a2", "    - activity: a9", "report", "a9"),
])
def test_dossier_errors_are_located(replace, by, path, says):
    source = EXAMPLE.read_text("utf-8")
    with pytest.raises(SpecError) as info:
        moukit.parse_spec(source.replace(replace, by, 1), file="d.yaml")
    assert [p.path for p in info.value.problems] == [path]  # that error only, no echo of it
    problem = info.value.problems[0]
    assert problem.line is not None
    assert f"line {problem.line}" in str(info.value) and "d.yaml" in str(info.value)
    assert says in str(problem.message) + str(problem.hint or "")


def test_the_dossier_sections_leave_the_agreement_unchanged(spec):
    plain = moukit.load_spec(ROOT / "examples" / "chiang-mai-chengdu.yaml")
    assert render(spec, "txt").data == render(plain, "txt").data


def test_checklist_follows_the_spec(spec):
    steps = {s.number: s for s in checklist(spec)}
    assert steps[5].done and steps[8].done and not steps[6].done
    without = spec.model_copy(update={"plan": None, "report": None})
    steps = {s.number: s for s in checklist(without)}
    assert not steps[5].done and "no plan" in str(steps[5].notes[0]) and not steps[8].done
    names = [e.name for e in build_dossier(without)]
    assert "02-plan" not in names and "04-checklist" in names


def _draft(spec, edit: tuple[str, str] | None = None) -> bytes:
    text = render(spec, "txt").data.decode("utf-8")
    if edit:
        assert edit[0] in text
        text = text.replace(*edit)
    return text.encode("utf-8")


def test_the_check_of_the_draft_reaches_the_submission_and_the_checklist(spec):
    standard = moukit.check({"draft.txt": _draft(spec)}, spec)
    steps = {s.number: s for s in checklist(spec, standard)}
    assert steps[6].done and "standard form" in str(steps[6].notes[0])
    entries = {e.name: e for e in build_dossier(spec, standard)}
    assert "03-submission-ocs" not in entries
    letter = entries["03-submission-moi"].document.version("th")
    assert "เป็นไปตามแบบมาตรฐาน" in letter.clause("purpose").text
    assert all(c.id != "adjustments" for c in letter.clauses)

    edited = moukit.check({"draft.txt": _draft(spec, ("will encourage", "will actively encourage"))}, spec)
    assert edited.verdict != "standard"
    steps = {s.number: s for s in checklist(spec, edited)}
    assert steps[6].done and "OCS review" in str(steps[6].notes[-1])
    entries = {e.name: e for e in build_dossier(spec, edited)}
    assert "03-submission-ocs" in entries  # the adjustments also go to the Council of State
    letter = entries["03-submission-moi"].document.version("th")
    rows = letter.clause("adjustments").rows
    assert len(rows) == 1 + sum(f.route != "standard" for f in edited.findings)
    assert "สำนักงานคณะกรรมการกฤษฎีกา" in letter.clause("request").text


def test_write_replaces_its_own_files_only(spec, tmp_path):
    entries = build_dossier(spec)
    written = write_dossier(entries, tmp_path / "out")
    assert [p.name for p in written][0] == "00-index.docx"
    assert write_dossier(entries, tmp_path / "out")  # its own, unchanged: replaced
    person = tmp_path / "out" / "02-plan.docx"
    person.write_bytes(b"a person's file")
    with pytest.raises(OutputError):
        write_dossier(entries, tmp_path / "out")
    assert person.read_bytes() == b"a person's file"
    zipped = write_dossier(entries, tmp_path / "d.zip")[0]
    import zipfile

    assert "02-plan.docx" in zipfile.ZipFile(zipped).namelist()
    assert write_dossier(entries, tmp_path / "d.zip")  # its own zip
    (tmp_path / "other.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    with pytest.raises(OutputError):
        write_dossier(entries, tmp_path / "other.zip")


def test_pdf_lays_out_the_letter(spec, tmp_path):
    from moukit.checking.readers.pdf import fingerprint_of
    from pdfpages import lines, pages

    entry = next(e for e in build_dossier(spec) if e.name == "01-request-moi")
    pdf = write_dossier([entry], tmp_path, format="pdf")[0].read_bytes()
    text = [re.sub("[\u200b\u2060 ]", "", line.text) for page in pages(pdf) for line in lines(page)]
    assert text[0] == "ตราครุฑ" and "ขอแสดงความนับถือ" in text  # the emblem's box first
    assert fingerprint_of(pdf)


def test_cli_exit_codes(tmp_path, capsys):
    from moukit.cli import main

    assert main(["dossier", str(EXAMPLE), "--check"]) == 1  # no draft checked
    assert "step 6" in capsys.readouterr().out
    spec = moukit.load_spec(EXAMPLE)
    draft = tmp_path / "draft.txt"
    draft.write_bytes(_draft(spec))
    assert main(["dossier", str(EXAMPLE), "--check", "--draft", str(draft)]) == 0
    assert main(["dossier", str(tmp_path / "missing.yaml"), "--check"]) == 2
    assert main(["dossier", str(EXAMPLE), "-o", str(tmp_path / "out"), "--draft", str(draft)]) == 0
    assert (tmp_path / "out" / "00-index.docx").is_file()
    import zipfile

    def plan_text(folder: str) -> str:
        return zipfile.ZipFile(tmp_path / folder / "02-plan.docx").read("word/document.xml").decode("utf-8")

    assert "Strategic Plan" not in plan_text("out")
    assert main(["dossier", str(EXAMPLE), "-o", str(tmp_path / "en"), "--english"]) == 0
    assert "Strategic Plan" in plan_text("en")
    assert main(["dossier", str(EXAMPLE), "-o", str(tmp_path / "x"), "--emblem", str(draft)]) == 2


def _png(width: int, height: int) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x80\x20\x20" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_the_offices_emblem_goes_into_the_letters_only(spec, tmp_path):
    import zipfile

    import docx

    image = _png(60, 80)
    entries = {e.name: e for e in build_dossier(spec, emblem=image)}
    assert entries["01-request-moi"].document.emblem == image and not entries["02-plan"].document.emblem
    path = write_dossier([entries["01-request-moi"]], tmp_path)[0]
    assert zipfile.ZipFile(path).read("word/media/emblem.png") == image
    shape = docx.Document(str(path)).inline_shapes[0]
    assert round(shape.height.cm, 1) == 3.0 and round(shape.width.cm, 2) == 2.25  # 3 cm high, its own ratio
    plain = write_dossier([build_dossier(spec)[1]], tmp_path / "plain")[0]
    assert "word/media/emblem.png" not in zipfile.ZipFile(plain).namelist()
    pdf = write_dossier([entries["01-request-moi"]], tmp_path / "pdf", format="pdf")[0].read_bytes()
    assert b"/Subtype /Image" in pdf or b"/Subtype/Image" in pdf


def test_the_english_translation_names_the_texts_given_in_thai_only():
    source = EXAMPLE.read_text("utf-8").replace(
        "    - {th: ขั้นตอนการขอหนังสือเดินทางราชการของนักเรียนใช้เวลานาน, en: official passports for the students took long to obtain}",
        "    - ขั้นตอนการขอหนังสือเดินทางราชการของนักเรียนใช้เวลานาน")
    spec = moukit.parse_spec(source)
    assert build_dossier(spec)  # Thai only: fine
    with pytest.raises(SpecError) as info:
        build_dossier(spec, english=True)
    assert [p.path for p in info.value.problems] == ["report.problems[0]"]
    assert "missing the en text" in str(info.value)


def test_the_plans_activity_table_is_set_on_landscape_pages_in_docx_and_pdf(dossier, tmp_path):
    """The plan (a table of eight columns) is on landscape A4 in the DOCX, its tables as wide
    as the landscape text, and in the PDF; a letter stays portrait."""
    import zipfile

    from docx import Document as Docx

    from moukit.rendering.writers import docx_style
    from pdfpages import pages

    written = {p.stem: p for p in write_dossier([dossier["02-plan"], dossier["01-request-moi"]], tmp_path)}
    plan = Docx(str(written["02-plan"]))
    assert {s.orientation.name for s in plan.sections} == {"LANDSCAPE"}
    assert all(s.page_width > s.page_height for s in plan.sections)
    xml = zipfile.ZipFile(written["02-plan"]).read("word/document.xml").decode()
    widths = [int(w) for w in re.findall(r'<w:tblW w:type="dxa" w:w="(\d+)"/>', xml)]
    assert widths and all(abs(w - docx_style.text_twips(True)) <= 10 for w in widths)
    letter = Docx(str(written["01-request-moi"]))
    assert all(s.page_width < s.page_height for s in letter.sections)
    pdf = write_dossier([dossier["02-plan"]], tmp_path / "pdf", format="pdf")[0].read_bytes()
    assert all(page.width > page.height for page in pages(pdf))


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_dossier_document_given_to_the_check_is_named_for_what_it_is(dossier, tmp_path, fmt):
    """moukit check of a dossier document (its fingerprint names the dossier form): exit 2 and
    what the document is, not a verdict nor "not an LOI or MOU"."""
    from moukit.cli import main

    written = write_dossier([dossier["02-plan"], dossier["01-request-moi"]], tmp_path, format=fmt)
    for path, what in zip(written, ("strategic plan", "request letter")):
        with pytest.raises(moukit.NotTheForm, match=f"this is the .*{what} of an approval dossier"):
            moukit.check(path)
        assert main(["check", str(path)]) == 2
