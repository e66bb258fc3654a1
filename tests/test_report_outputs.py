"""The outputs of a check: terminal text, HTML, the JSON schema and the DOCX redline."""

from __future__ import annotations

import copy
import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

import moukit
from moukit.checking.codes import ROUTE_TITLES, ROUTE_TITLES_TH, ROUTES
from moukit.checking.output.html import format_html
from moukit.checking.output.redline import write_redline
from moukit.checking.output.terminal import format_terminal
from moukit.checking.pipeline import check, check_detailed
from moukit.checking.readers import read_draft
from moukit.checking.report import Finding, Report, VersionResult
from moukit.errors import MoukitError

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs" / "check-report.schema.json").read_text("utf-8"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SHALL = (b"will encourage their concerned", b"shall encourage their concerned")


@pytest.fixture(scope="module")
def spec():
    return moukit.load_spec(ROOT / "examples" / "chiang-mai-hokkaido.yaml")


@pytest.fixture(scope="module")
def text_draft(spec):
    return moukit.render(spec, "txt").data


@pytest.fixture(scope="module")
def standard_report(text_draft):
    return check([text_draft])


@pytest.fixture(scope="module")
def deviating(text_draft):
    return check_detailed([text_draft.replace(*SHALL)])


# --------------------------------------------------------------------------- terminal


def test_terminal_standard_report(standard_report):
    assert standard_report.verdict == "standard"
    out = format_terminal(standard_report, color=False)
    lines = out.splitlines()
    assert ROUTE_TITLES["standard"] in lines[0]
    assert lines[1].strip() == ROUTE_TITLES_TH["standard"]
    assert "\x1b" not in out
    assert "MK-" not in out
    assert lines[-1].startswith("0 findings")


def test_terminal_deviating_report_without_colour(deviating):
    report, _ = deviating
    out = format_terminal(report, color=False)
    lines = out.splitlines()
    assert ROUTE_TITLES[report.verdict] in lines[0] and str(report.exit_code) in lines[0]
    assert lines[1].strip() == ROUTE_TITLES_TH[report.verdict]
    assert report.reason in out
    assert "\x1b" not in out
    for f in report.findings:
        assert f.code in out
    assert "clause 3 (c3)" in out
    assert "[-will-]" in out and "{+shall+}" in out
    assert "Findings: English (en) version" in out
    counts = report.to_dict()["counts"]
    assert lines[-1] == (f"{len(report.findings)} findings: "
                         + ", ".join(f"{r} {counts[r]}" for r in ROUTES))
    # values per version, compact
    assert "partner_name=Hokkaido Prefecture" in out
    assert "date=22 November 2026 (2026-11-22)" in out


def test_terminal_colour_only_when_asked(deviating):
    report, _ = deviating
    coloured = format_terminal(report, color=True)
    assert "\x1b[31m[-will-]\x1b[0m" in coloured
    assert "\x1b[32m{+shall+}\x1b[0m" in coloured
    plain = format_terminal(report, color=False)
    assert "\x1b" not in plain
    assert len(coloured) > len(plain)


def test_terminal_thai_rationale(deviating):
    report, _ = deviating
    changed = next(f for f in report.findings if f.code == "MK-C001")
    assert changed.rationale_th
    assert changed.rationale_th in format_terminal(report, color=False, lang="th")
    assert changed.rationale_th not in format_terminal(report, color=False, lang="en")


def _odd_report() -> Report:
    """A report with every optional field empty and hostile text."""
    bare = Finding(code="MK-Z999", route="ministries", kind="notice", message=None, lang=None,
                   clause_id=None, clause_number=None, standard=None, draft=None)
    hostile = Finding(code="MK-C002", route="council_of_state", kind="added", lang="en",
                      message="text \x1b[2J<script>alert(1)</script> added", draft="<b>x</b>",
                      rationale="<i>why</i>")
    version = VersionResult(lang="en", instrument=None, source="<x>.txt", values={},
                            editorial=["draft marker '(Draft)' ignored"], findings=[hostile])
    return Report(versions=[version], findings=[hostile, bare], sources=["<x>.txt"])


def test_terminal_never_crashes_and_neutralises_escapes():
    report = _odd_report()
    out = format_terminal(report, color=False)
    assert "MK-Z999" in out and "MK-C002" in out
    assert "\x1b" not in out  # the draft's escape sequence is replaced
    assert "Findings: all versions" in out
    assert "draft marker" not in out
    assert "draft marker '(Draft)' ignored" in format_terminal(report, color=False, show_editorial=True)


# --------------------------------------------------------------------------- HTML


def test_html_escapes_hostile_draft_and_shows_differences(text_draft):
    hostile = text_draft.replace(*SHALL).replace(
        b"The Participants will also encourage",
        b"The Participants <script>alert('x')</script> will also encourage")
    report, analyses = check_detailed([hostile])
    assert report.verdict != "standard"
    page = format_html(report, analyses)
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower()
    assert "alert" in page and "&lt;" in page and "&gt;" in page
    assert "<del>will</del>" in page
    assert "<ins>shall</ins>" in page
    assert 'lang="th"' in page and 'lang="ja"' in page
    assert ROUTE_TITLES_TH[report.verdict] in page
    for f in report.findings:
        assert f.code in page
    changed = next(f for f in report.findings if f.code == "MK-C001")
    assert changed.rationale_th in page


def test_html_shows_removed_and_added_clauses(text_draft):
    draft = text_draft.decode("utf-8")
    start = draft.index("4. The Participants will consult")
    end = draft.index("\n\n", start) + 2
    after5 = draft.index("\n\n", draft.index("5. This Memorandum"))
    edited = (draft[:start] + draft[end:after5] + "\n\n6. Rice tariffs abolished"
              + draft[after5:])
    report, analyses = check_detailed([edited.encode("utf-8")])
    assert {"MK-C002", "MK-C003", "MK-P002"} <= {f.code for f in report.findings}
    page = format_html(report, analyses)
    assert '<tr class="added">' in page
    assert "<ins>6. Rice tariffs abolished</ins>" in page
    removed_row = next(line for line in page.splitlines() if '<tr class="removed">' in line)
    assert "<del>The Participants will consult" in removed_row and "(missing)" in removed_row
    # rows follow the draft: clause 3, the removed clause 4, clause 5, then the added paragraph
    english = page[page.index("English (en) version"):]
    order = [english.index(mark) for mark in ("c3</span>", "c4 · removed", "c5</span>",
                                              '<tr class="added">')]
    assert order == sorted(order)


def test_html_of_odd_report_without_analyses():
    page = format_html(_odd_report(), [])
    assert "MK-Z999" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<i>why</i>" not in page


# --------------------------------------------------------------------------- JSON schema


def _validator():
    try:
        import jsonschema
    except ImportError:  # a small structural check when jsonschema is not installed
        return _MiniValidator(SCHEMA)
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


class _MiniValidator:
    """The subset of JSON Schema the report schema uses."""

    TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}

    def __init__(self, schema: dict) -> None:
        self.schema = schema

    def iter_errors(self, data):
        yield from self._check(data, self.schema, "$")

    def _check(self, data, schema, where):
        if "$ref" in schema:
            schema = self.schema["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
        if "const" in schema and data != schema["const"]:
            yield f"{where}: not {schema['const']!r}"
        if "enum" in schema and data not in schema["enum"]:
            yield f"{where}: {data!r} not in {schema['enum']}"
        types = schema.get("type")
        if types:
            types = [types] if isinstance(types, str) else types
            ok = any((t == "integer" and isinstance(data, int) and not isinstance(data, bool))
                     or (t != "integer" and isinstance(data, self.TYPES[t])
                         and not (t != "boolean" and isinstance(data, bool)))
                     for t in types)
            if not ok:
                yield f"{where}: {type(data).__name__} is not {types}"
                return
        if isinstance(data, dict):
            for key in schema.get("required", []):
                if key not in data:
                    yield f"{where}: {key} missing"
            props = schema.get("properties", {})
            for key, value in data.items():
                if key in props:
                    yield from self._check(value, props[key], f"{where}.{key}")
                elif schema.get("additionalProperties") is False:
                    yield f"{where}: unexpected {key}"
                elif isinstance(schema.get("additionalProperties"), dict):
                    yield from self._check(value, schema["additionalProperties"], f"{where}.{key}")
        if isinstance(data, list) and "items" in schema:
            for n, item in enumerate(data):
                yield from self._check(item, schema["items"], f"{where}[{n}]")


def _reports(spec, text_draft):
    """A variety of reports: standard, deviating, against a spec that differs, an LOI, two drafts."""
    yield check([text_draft])
    yield check([text_draft.replace(*SHALL)
                 + b"\n\nThe Participants will settle disputes by arbitration.\n"])
    other = spec.model_copy(update={"partner": spec.partner.model_copy(update={"level": "city"})})
    yield check([text_draft], spec=other)
    loi = moukit.load_spec(ROOT / "examples" / "khon-kaen-fujian-loi.yaml")
    yield check([moukit.render(loi, "docx").data])
    yield check([text_draft, moukit.render(spec, "md").data])


def test_reports_validate_against_the_schema(spec, text_draft):
    validator = _validator()
    codes = set()
    for report in _reports(spec, text_draft):
        data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
        errors = [str(e) for e in validator.iter_errors(data)]
        assert errors == [], errors
        codes.update(f["code"] for f in data["findings"])
    assert {"MK-C001", "MK-P001", "MK-P009"} <= codes


def test_schema_rejects_a_broken_report(standard_report):
    validator = _validator()
    good = standard_report.to_dict()
    assert not list(validator.iter_errors(good))
    for broken in ({**good, "verdict": "maybe"}, {**good, "schema_version": 1},
                   {**good, "extra": 1}, {k: v for k, v in good.items() if k != "findings"},
                   {**good, "findings": [{"code": "MK-C001"}]}):
        assert list(validator.iter_errors(broken))


def test_docs_list_every_default_rule_code():
    import yaml

    page = (ROOT / "docs" / "check-report.md").read_text("utf-8")
    rules = yaml.safe_load((ROOT / "src" / "moukit" / "checking" / "rules" / "default.yaml").read_text("utf-8"))
    for rule in rules["rules"]:
        assert f"| {rule['code']} | {rule['route']} |" in page
    for route in ROUTES:
        assert f"`{route}`" in page


# --------------------------------------------------------------------------- redline


def _paragraph(document, start: str):
    return next(p for p in document.paragraphs if p.text.startswith(start))


def _docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def english_docx(spec) -> bytes:
    return moukit.render(spec, "docx", languages=["en"]).data


@pytest.fixture(scope="module")
def edited_docx(english_docx) -> bytes:
    """'will encourage' -> 'shall encourage' in clause 3, and an arbitration paragraph added."""
    document = docx.Document(io.BytesIO(english_docx))
    clause3 = _paragraph(document, "3. The Participants")
    for run in clause3.runs:
        run.text = run.text.replace("will encourage", "shall encourage")
    added = copy.deepcopy(_paragraph(document, "5. This Memorandum")._p)
    _paragraph(document, "5. This Memorandum")._p.addnext(added)
    runs = added.findall(f"{W}r")
    for run in runs[1:]:
        added.remove(run)
    runs[0].find(f"{W}t").text = "6. The Participants shall settle disputes by arbitration."
    return _docx_bytes(document)


def _reject_all(data: bytes) -> bytes:
    """The DOCX with every tracked change rejected (insertions dropped, deletions kept)."""
    parts = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            parts[name] = zf.read(name)
    root = etree.fromstring(parts["word/document.xml"])
    for p in list(root.iter(f"{W}p")):
        mark = p.find(f"{W}pPr/{W}rPr/{W}ins")
        if mark is not None:
            p.getparent().remove(p)
    for ins in list(root.iter(f"{W}ins")):
        ins.getparent().remove(ins)
    for deleted in list(root.iter(f"{W}del")):
        parent = deleted.getparent()
        if etree.QName(parent).localname == "rPr":
            parent.remove(deleted)
            continue
        for child in list(deleted):
            deleted.addprevious(child)
        parent.remove(deleted)
    for text in root.iter(f"{W}delText"):
        text.tag = f"{W}t"
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, blob in parts.items():
            zf.writestr(name, blob)
    return out.getvalue()


def _revisions(data: bytes) -> list:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    return [el for el in root.iter(f"{W}ins", f"{W}del")]


def test_redline_round_trip(edited_docx):
    report, analyses = check_detailed([edited_docx])
    assert report.verdict == "not_permitted"
    assert {"MK-C001", "MK-C002", "MK-P001", "MK-P009"} <= {f.code for f in report.findings}
    redline = write_redline(edited_docx, analyses, None)

    document = docx.Document(io.BytesIO(redline))  # python-docx opens it
    assert document.paragraphs
    revisions = _revisions(redline)
    kinds = {etree.QName(el).localname for el in revisions}
    assert kinds == {"ins", "del"}
    assert all(el.get(f"{W}author") == "moukit" for el in revisions)
    assert all(el.get(f"{W}date") == "2026-11-22T00:00:00Z" for el in revisions)
    ids = [el.get(f"{W}id") for el in revisions]
    assert len(ids) == len(set(ids))
    xml = zipfile.ZipFile(io.BytesIO(redline)).read("word/document.xml").decode("utf-8")
    assert ">shall</w:delText>" in xml.replace("> shall<", ">shall<")
    assert "arbitration.</w:delText>" in xml

    # Accepting every change gives the standard form: the reader reads as if accepted.
    again = check([redline])
    assert again.verdict == "standard", [f.message for f in again.findings]
    assert again.pending_changes is True

    # Rejecting every change gives the draft back.
    rejected = read_draft(_reject_all(redline))
    assert [b.text for b in rejected.blocks] == [b.text for b in read_draft(edited_docx).blocks]


def test_redline_is_deterministic_and_keeps_the_package(edited_docx, tmp_path):
    _, analyses = check_detailed([edited_docx])
    first = write_redline(edited_docx, analyses, None)
    target = tmp_path / "redline.docx"
    second = write_redline(edited_docx, analyses, target)
    assert first == second == target.read_bytes()
    with zipfile.ZipFile(io.BytesIO(first)) as out, zipfile.ZipFile(io.BytesIO(edited_docx)) as src:
        assert out.namelist() == src.namelist()
        assert {i.date_time for i in out.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        for name in src.namelist():
            if name != "word/document.xml":
                assert out.read(name) == src.read(name)


def test_redline_does_not_touch_the_draft(edited_docx):
    draft = read_draft(edited_docx)
    before = etree.tostring(draft.package.document)
    report, analyses = check_detailed([draft])
    write_redline(draft, analyses, None)
    assert etree.tostring(draft.package.document) == before


def test_redline_inserts_a_removed_clause(english_docx):
    document = docx.Document(io.BytesIO(english_docx))
    clause4 = _paragraph(document, "4. The Participants")
    clause4._p.getparent().remove(clause4._p)
    data = _docx_bytes(document)
    report, analyses = check_detailed([data])
    assert "MK-C003" in {f.code for f in report.findings}
    redline = write_redline(data, analyses, None)
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(redline)).read("word/document.xml"))
    inserted = [p for p in root.iter(f"{W}p") if p.find(f"{W}pPr/{W}rPr/{W}ins") is not None]
    assert len(inserted) == 1
    assert "".join(inserted[0].itertext()).startswith("4. The Participants will consult")
    previous = "".join(inserted[0].getprevious().itertext())
    assert previous.startswith("3. The Participants")
    assert check([redline]).verdict == "standard"


def _clause3_edited(spec, start: str, old: str, new: str):
    """The th+en DOCX with ``old`` replaced by ``new`` in the clause 3 paragraph starting
    with ``start``: (the document, the paragraph, the DOCX bytes)."""
    document = docx.Document(io.BytesIO(moukit.render(spec, "docx", languages=["th", "en"]).data))
    clause3 = _paragraph(document, start)
    for run in clause3.runs:
        run.text = run.text.replace(old, new, 1)
    return document, clause3, _docx_bytes(document)


def test_redline_leaves_a_translation_as_the_translator_wrote_it(spec):
    """A Thai clause that adds "must" is reported, not rewritten: a translation has no
    wording of the form to restore (the English version is the form)."""
    _, _, data = _clause3_edited(spec, "๓. ผู้เข้าร่วม", "จะส่งเสริม", "จะต้องส่งเสริม")
    report, analyses = check_detailed([data])
    assert report.verdict == "not_permitted"
    assert {(f.code, f.lang) for f in report.findings} >= {("MK-P001", "th")}
    redline = write_redline(data, analyses, None)
    assert _revisions(redline) == []
    assert zipfile.ZipFile(io.BytesIO(redline)).read("word/document.xml") == \
        zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def test_redline_keeps_the_run_properties_of_the_english_clause(spec):
    _, clause3, data = _clause3_edited(spec, "3. The Participants", "will encourage", "must encourage")
    report, analyses = check_detailed([data])
    assert report.verdict == "not_permitted"
    redline = write_redline(data, analyses, None)
    deleted = [el for el in _revisions(redline) if etree.QName(el).localname == "del"]
    assert deleted
    original = clause3.runs[0]._r.find(f"{W}rPr")
    for el in deleted:
        assert etree.tostring(el.find(f"{W}r/{W}rPr")) == etree.tostring(original)
    assert check([redline]).verdict == "standard"


def test_redline_of_a_standard_draft_changes_nothing(english_docx):
    _, analyses = check_detailed([english_docx])
    redline = write_redline(english_docx, analyses, None)
    assert _revisions(redline) == []
    assert [b.text for b in read_draft(redline).blocks] == [b.text for b in read_draft(english_docx).blocks]


def test_redline_refuses_text_drafts(text_draft):
    _, analyses = check_detailed([text_draft])
    with pytest.raises(MoukitError, match=r"\.docx"):
        write_redline(text_draft, analyses, None)


def test_redline_refuses_analyses_of_another_draft(edited_docx, english_docx):
    _, analyses = check_detailed([edited_docx])
    with pytest.raises(MoukitError, match="do not belong"):
        write_redline(english_docx, analyses, None)
