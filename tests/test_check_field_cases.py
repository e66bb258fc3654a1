"""Field cases: drafts as provinces really send them, checked against the standard form.

Each draft is a moukit rendering of an example spec, edited the way a province edits a
draft: an added clause, "shall" for "will", a Thai term that disagrees with the English,
a moved or dropped clause, tracked changes in Word, a text retyped from a printout. Each
test states the verdict, the exit code, and the findings (code, kind, route, language,
clause) a reviewer must see.
"""

from __future__ import annotations

import copy
import io
import re
import textwrap
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

import moukit

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ITALIAN = [str(EXAMPLES / "templates-it")]
SEPARATOR = "=" * 72  # between the language versions of a text rendering
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

# The documented route and kind of every finding code (docs/check-report.md).
CODES = {
    "MK-C001": ("council_of_state", "changed"),
    "MK-C002": ("council_of_state", "added"),
    "MK-C003": ("council_of_state", "removed"),
    "MK-C004": ("council_of_state", "moved"),
    "MK-M001": ("ministries", "value_mismatch"),
    "MK-V001": ("ministries", "variant"),
    "MK-X001": ("ministries", "value_mismatch"),
    "MK-X002": ("council_of_state", "value_mismatch"),
    "MK-S001": ("ministries", "value_mismatch"),
    "MK-W001": ("ministries", "notice"),
    "MK-W002": ("ministries", "notice"),
    "MK-T001": ("ministries", "translation"),
    "MK-T002": ("ministries", "translation"),
    "MK-T003": ("standard", "translation"),
    "MK-T004": ("ministries", "translation"),
    "MK-T005": ("ministries", "translation"),
    **{f"MK-P{n:03d}": ("not_permitted", "rule") for n in range(1, 13)},
}

# Anchors: the last words of clause 5 of the Chiang Mai - Chengdu MOU in each language.
CLAUSE5_END = {
    "th": "โดยแจ้งเป็นลายลักษณ์อักษรให้อีกฝ่ายหนึ่งทราบ\n",
    "zh": "书面通知另一方终止本谅解备忘录。\n",
    "en": "by written notice to the other.\n",
}
BUDGET = {
    "en": "The Participants will implement the Chiang Mai-Chengdu Creative City Project with a "
          "budget of 5,000,000 baht.",
    "th": "ฝ่ายทั้งสองจะดำเนินโครงการเมืองสร้างสรรค์เชียงใหม่-เฉิงตู ด้วยงบประมาณ 5,000,000 บาท",
    "zh": "双方将实施清迈—成都创意城市项目，预算为5,000,000泰铢。",
}


# ----------------------------------------------------------------------------- helpers


def example_data(name: str) -> dict:
    """The YAML data of example spec ``name``."""
    return yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text("utf-8"))


def spec_of(name: str, **changes):
    """The example spec ``name``, with top-level keys replaced by ``changes``."""
    data = example_data(name)
    data.update(changes)
    return moukit.parse_spec(yaml.safe_dump(data, allow_unicode=True))


def render_text(spec, **options) -> str:
    return moukit.render(spec, "txt", **options).data.decode("utf-8")


def render_docx(spec, **options) -> bytes:
    return moukit.render(spec, "docx", **options).data


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def add_clause_6(text: str, sentences: dict[str, str]) -> str:
    """Add a clause numbered 6 after clause 5 in the versions named in ``sentences``."""
    for lang, sentence in sentences.items():
        anchor = CLAUSE5_END[lang]
        text = replace_once(text, anchor, f"{anchor}\n6. {sentence}\n")
    return text


def check_text(text: str, spec=None, **kw):
    return moukit.check([text.encode("utf-8")], spec, **kw)


def codes(report) -> list[str]:
    return [f.code for f in report.findings]


def findings(report, code: str, **where) -> list:
    """The findings with ``code`` whose attributes equal ``where``; each checked for its
    documented route and kind."""
    hits = [f for f in report.findings if f.code == code
            and all(getattr(f, k) == v for k, v in where.items())]
    for f in hits:
        assert (f.route, f.kind) == CODES[code], f
    return hits


def assert_verdict(report, verdict: str) -> None:
    exit_code = {"standard": 0, "ministries": 1, "council_of_state": 1, "not_permitted": 3}[verdict]
    assert report.verdict == verdict, [f.message for f in report.findings]
    assert report.exit_code == exit_code
    assert report.to_dict()["exit_code"] == exit_code


def paragraphs(document):
    """Every paragraph of a python-docx document, body and table cells."""
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def insert_paragraph_after(paragraph, text: str) -> None:
    """A new paragraph after ``paragraph``, formatted like it, holding ``text``."""
    new = copy.deepcopy(paragraph._p)
    for run in list(new.iter(qn("w:r"))):
        run.getparent().remove(run)
    paragraph._p.addnext(new)
    para = docx.text.paragraph.Paragraph(new, paragraph._parent)
    para.add_run(text)


def replace_in_runs(document, old: str, new: str) -> int:
    n = 0
    for p in paragraphs(document):
        for run in p.runs:
            if old in run.text:
                n += run.text.count(old)
                run.text = run.text.replace(old, new)
    return n


@pytest.fixture(scope="module")
def chengdu():
    return spec_of("chiang-mai-chengdu")


@pytest.fixture(scope="module")
def chengdu_text(chengdu):
    return render_text(chengdu)


@pytest.fixture(scope="module")
def chengdu_docx(chengdu):
    return render_docx(chengdu)


def test_the_renders_edited_below_check_as_standard(chengdu_text, chengdu_docx):
    """The starting points: every case below is a departure from these."""
    for data in (chengdu_text.encode("utf-8"), chengdu_docx):
        report = moukit.check([data])
        assert_verdict(report, "standard")
        assert report.findings == []
        assert [v.lang for v in report.versions] == ["th", "zh", "en"]


# ----------------------------------------------------------------------------- added content


def test_a_named_project_with_a_budget_in_every_version_is_not_permitted(chengdu_text):
    report = check_text(add_clause_6(chengdu_text, BUDGET))
    assert_verdict(report, "not_permitted")
    # the form is adjusted in English; the translations say what the English says
    added = findings(report, "MK-C002", lang="en")
    assert len(added) == 1, codes(report)
    assert added[0].clause_number == "6"
    for lang in ("th", "zh", "en"):
        assert findings(report, "MK-P008", lang=lang), (lang, codes(report))
    # nothing else of the form was touched, and the versions agree
    assert set(codes(report)) <= {"MK-C002", "MK-P008"}


def test_a_budget_clause_added_in_word_is_not_permitted(chengdu_docx):
    document = docx.Document(io.BytesIO(chengdu_docx))
    clause5 = [p for p in paragraphs(document) if p.text.startswith(("5. ", "๕. "))]  # (Thai digits in Thai)
    assert len(clause5) == 3
    english = next(p for p in clause5 if "Memorandum of Understanding will come" in p.text)
    insert_paragraph_after(english, "6. " + BUDGET["en"])
    report = moukit.check([save(document)])
    assert_verdict(report, "not_permitted")
    added = findings(report, "MK-C002", lang="en")
    assert len(added) == 1 and added[0].clause_number == "6"
    assert findings(report, "MK-P008", lang="en")
    # the other versions do not carry the clause: they differ from the English
    assert findings(report, "MK-X002")
    assert not [f for f in report.findings if f.lang in ("th", "zh")]
    assert report.untouched_render is False


def added_code(lang: str) -> str:
    """An added clause: in English an adjustment of the form, in a translation a paragraph
    the English version does not have."""
    return "MK-C002" if lang == "en" else "MK-T005"


@pytest.mark.parametrize("lang", ["en", "th", "zh"])
def test_the_added_clause_is_quoted_as_the_draft_wrote_it(chengdu_text, lang):
    report = check_text(add_clause_6(chengdu_text, {lang: BUDGET[lang]}))
    added = findings(report, added_code(lang), lang=lang)
    assert len(added) == 1
    assert " ".join(added[0].draft.split()) == " ".join(BUDGET[lang].split())


def _en_clauses_1_to_4(text: str, old: str, new: str) -> str:
    start = text.index("1. The two Sides will")
    end = text.index("5. This Memorandum of Understanding")
    assert text[start:end].count(old) == 5
    return text[:start] + text[start:end].replace(old, new) + text[end:]


def test_shall_for_will_in_clauses_1_to_4_is_binding_language(chengdu_text):
    report = check_text(_en_clauses_1_to_4(chengdu_text, "The two Sides will", "The two Sides shall"))
    assert_verdict(report, "not_permitted")
    changed = findings(report, "MK-C001", lang="en")
    assert sorted((f.clause_id, f.clause_number) for f in changed) == [
        ("c1", "1"), ("c2", "2"), ("c3", "3"), ("c4", "4")]
    for f in changed:
        assert {"op": "insert", "text": "shall"} in [{"op": d.op, "text": d.text} for d in f.diff]
    binding = findings(report, "MK-P001", lang="en")
    assert binding and {f.clause_id for f in binding} <= {"c1", "c2", "c3", "c4"}
    assert set(codes(report)) == {"MK-C001", "MK-P001"}


def test_shall_typed_into_the_word_file_is_binding_language(chengdu_docx):
    document = docx.Document(io.BytesIO(chengdu_docx))
    assert replace_in_runs(document, "The two Sides will encourage their concerned",
                           "The two Sides shall encourage their concerned") == 1
    report = moukit.check([save(document)])
    assert_verdict(report, "not_permitted")
    assert [f.clause_id for f in findings(report, "MK-C001", lang="en")] == ["c3"]
    assert [f.clause_id for f in findings(report, "MK-P001", lang="en")] == ["c3"]


PROHIBITED = [
    ("en", "The two Sides will reduce the tariffs on agricultural goods traded between them.", "MK-P002"),
    ("en", "The two Sides will facilitate the issuance of visas to officials and residents of "
           "both cities.", "MK-P003"),
    ("en", "Any dispute arising under this Memorandum of Understanding will be settled by "
           "arbitration in Singapore.", "MK-P009"),
    ("en", "This Memorandum of Understanding will be governed by the laws of the Kingdom of "
           "Thailand.", "MK-P010"),
    ("th", "ฝ่ายทั้งสองจะอำนวยความสะดวกในการตรวจลงตราให้แก่เจ้าหน้าที่และประชาชนของทั้งสองเมือง", "MK-P003"),
    ("th", "ข้อพิพาทใด ๆ ที่เกิดจากบันทึกความเข้าใจฉบับนี้ให้ระงับโดยอนุญาโตตุลาการ", "MK-P009"),
    ("zh", "双方将降低彼此间农产品贸易的关税。", "MK-P002"),
    ("zh", "本谅解备忘录引起的任何争议应提交仲裁解决。", "MK-P009"),
    ("zh", "本谅解备忘录受泰王国法律管辖。", "MK-P010"),
]
PROHIBITED_IDS = [f"{lang}-{code}" for lang, _, code in PROHIBITED]


@pytest.mark.parametrize(("lang", "sentence", "code"), PROHIBITED, ids=PROHIBITED_IDS)
def test_a_clause_beyond_a_provinces_authority_is_not_permitted(chengdu_text, lang, sentence, code):
    report = check_text(add_clause_6(chengdu_text, {lang: sentence}))
    assert_verdict(report, "not_permitted")
    assert findings(report, code, lang=lang), codes(report)
    # only the version that carries the clause has findings of its own
    assert {f.lang for f in report.findings} <= {lang, None}


ADDED_CLAUSE_CASES = [pytest.param(lang, sentence, id=case_id)
                      for (lang, sentence, _), case_id in zip(PROHIBITED, PROHIBITED_IDS)]


@pytest.mark.parametrize(("lang", "sentence"), ADDED_CLAUSE_CASES)
def test_the_prohibited_clause_is_reported_as_added_clause_6(chengdu_text, lang, sentence):
    report = check_text(add_clause_6(chengdu_text, {lang: sentence}))
    added = findings(report, added_code(lang), lang=lang)
    assert [f.clause_number for f in added] == ["6"], codes(report)
    assert not findings(report, "MK-C001"), "no clause of the form was changed"


# ----------------------------------------------------------------------------- values


def test_thai_three_years_against_english_five_is_a_cross_version_mismatch():
    spec = spec_of("rayong-jeollanam-do")
    assert spec.term.years == 5
    text = replace_once(render_text(spec), "ระยะเวลา ๕ ปี", "ระยะเวลา ๓ ปี")
    report = check_text(text)
    assert_verdict(report, "ministries")
    (mismatch,) = report.findings
    assert mismatch.code == "MK-X001" and mismatch.lang is None
    assert (mismatch.route, mismatch.kind) == CODES["MK-X001"]
    assert "term" in mismatch.message
    assert set(mismatch.values) == {"th", "ko", "en"}
    assert "3" in mismatch.values["th"] and "5" not in mismatch.values["th"]
    assert "five" in mismatch.values["en"] and "5" in mismatch.values["ko"]
    years = {v.lang: v.values["term"]["years"] for v in report.versions}
    assert years == {"th": 3, "ko": 5, "en": 5}


def test_a_date_changed_in_the_chinese_version_only(chengdu_text):
    report = check_text(replace_once(chengdu_text, "2026年9月15日", "2026年9月16日"))
    assert_verdict(report, "ministries")
    (mismatch,) = report.findings
    assert mismatch.code == "MK-X001" and "date" in mismatch.message
    assert "2026-09-16" in mismatch.values["zh"]
    assert "2026-09-15" in mismatch.values["th"] and "2026-09-15" in mismatch.values["en"]
    dates = {v.lang: v.values["date"]["iso"] for v in report.versions}
    assert dates == {"th": "2026-09-15", "zh": "2026-09-16", "en": "2026-09-15"}


# ----------------------------------------------------------------------------- the LOI and signing clause

NONBINDING_EN = "This Letter of Intent does not intend to create rights or obligations under international law.\n"


@pytest.fixture(scope="module")
def da_nang_text():
    spec = spec_of("khon-kaen-da-nang")
    assert spec.instrument == "loi"
    return render_text(spec)


def test_the_loi_non_binding_sentence_removed(da_nang_text):
    report = check_text(replace_once(da_nang_text, NONBINDING_EN, ""))
    assert_verdict(report, "not_permitted")
    (rule,) = findings(report, "MK-P011")
    assert (rule.lang, rule.clause_id) == ("en", "nonbinding")
    assert [f.clause_id for f in findings(report, "MK-C003", lang="en")] == ["nonbinding"]
    assert findings(report, "MK-X002")


@pytest.mark.parametrize("weakened", [
    "This Letter of Intent does not intend to create rights under international law.\n",
    "This Letter of Intent does not, as a rule, intend to create rights or obligations under "
    "international law.\n",
], ids=["obligations-dropped", "qualified"])
def test_the_loi_non_binding_sentence_weakened(da_nang_text, weakened):
    report = check_text(replace_once(da_nang_text, NONBINDING_EN, weakened))
    assert_verdict(report, "not_permitted")
    (rule,) = findings(report, "MK-P011")
    assert (rule.lang, rule.clause_id) == ("en", "nonbinding")
    assert [f.clause_id for f in findings(report, "MK-C001", lang="en")] == ["nonbinding"]


def test_the_thai_non_binding_sentence_deleted_in_word():
    document = docx.Document(io.BytesIO(render_docx(spec_of("khon-kaen-da-nang"))))
    (thai,) = [p for p in paragraphs(document) if p.text.startswith("หนังสือแสดงเจตจำนงฉบับนี้ไม่มีเจตนา")]
    thai._p.getparent().remove(thai._p)
    report = moukit.check([save(document)])
    assert_verdict(report, "not_permitted")
    (rule,) = findings(report, "MK-P011")
    assert (rule.lang, rule.clause_id) == ("th", "nonbinding")


@pytest.mark.parametrize(("lang", "old", "new", "changed"), [
    ("en", "the English text will be used.", "the Chinese text will be used.", "MK-C001"),
    # a translation no longer says what the English says
    ("zh", "以英文文本为准", "以中文文本为准", "MK-T001"),
])
def test_chinese_made_the_prevailing_language(chengdu_text, lang, old, new, changed):
    report = check_text(replace_once(chengdu_text, old, new))
    assert_verdict(report, "not_permitted")
    (rule,) = findings(report, "MK-P012")
    assert (rule.lang, rule.clause_id) == (lang, "signing")
    assert [f.clause_id for f in findings(report, changed, lang=lang)] == ["signing"]


# ----------------------------------------------------------------------------- editorial noise


def _retyped(text: str) -> str:
    """The rendering as a clerk types it from a printout: Thai digits and "ข้อ ๑" in the Thai
    version, "(1)" numbering, curly quotes and short lines in the English version, straight
    quotes in the Chinese and Thai versions, a row of dashes between versions."""
    th, zh, en = text.split(SEPARATOR)
    th = re.sub(r"(?m)^(\d)\. ", lambda m: "ข้อ " + m.group(1).translate(THAI_DIGITS) + " ", th)
    th = re.sub(r"\d+", lambda m: m.group(0).translate(THAI_DIGITS), th)
    th = th.replace("“", '"').replace("”", '"')
    zh = zh.replace("“", '"').replace("”", '"')
    en = re.sub(r"(?m)^(\d)\. ", r"(\1) ", en)
    en = en.replace('"two Sides"', "“two Sides”").replace("government's", "government’s")
    en = "\n\n".join("\n".join(textwrap.wrap(p, 58)) if "\n" not in p.strip() and len(p) > 58 else p
                     for p in en.split("\n\n"))
    return th + "\n" + "-" * 30 + "\n" + zh + "\n\n\n" + en


def test_a_draft_retyped_from_a_printout_is_standard(chengdu_text):
    retyped = _retyped(chengdu_text)
    assert "ข้อ ๓" in retyped and "(3) The two Sides" in retyped and "๒๕๖๙" in retyped
    assert "“two Sides”" in retyped and '"双方"' in retyped
    report = check_text(retyped)
    assert_verdict(report, "standard")
    assert report.findings == []
    assert [v.lang for v in report.versions] == ["th", "zh", "en"]
    assert all(v.values["date"]["iso"] == "2026-09-15" for v in report.versions)


# ----------------------------------------------------------------------------- with --spec


def test_a_partner_below_province_level_genoa_italian_pack():
    spec = spec_of("chiang-mai-genoa")
    text = moukit.render(spec, "txt", templates=ITALIAN).data
    alone = moukit.check([text], templates=ITALIAN)
    assert_verdict(alone, "standard")
    assert any("--spec" in note for note in alone.notes)
    report = moukit.check([text], spec, templates=ITALIAN)
    assert_verdict(report, "ministries")
    assert codes(report) == ["MK-W002"]
    assert [v.lang for v in report.versions] == ["th", "it", "en"]


def test_a_partner_at_city_level_given_with_spec(chengdu_text):
    partner = example_data("chiang-mai-chengdu")["partner"]
    spec = spec_of("chiang-mai-chengdu", partner={**partner, "level": "city"})
    report = check_text(chengdu_text, spec)
    assert_verdict(report, "ministries")
    assert codes(report) == ["MK-W002"]


def test_bangkok_is_not_a_province():
    spec = spec_of("bangkok-shanghai")
    text = render_text(spec)
    assert_verdict(check_text(text), "standard")
    report = check_text(text, spec)
    assert_verdict(report, "ministries")
    assert codes(report) == ["MK-W001"]
    assert findings(report, "MK-W001")


def test_a_partner_name_that_differs_from_the_spec(chengdu, chengdu_text):
    text = chengdu_text.replace("Chengdu City", "Chengdu Municipality")
    report = check_text(text, chengdu)
    assert_verdict(report, "ministries")
    (diff,) = findings(report, "MK-S001", lang="en")
    assert diff.values == {"spec": "Chengdu City", "draft": "Chengdu Municipality"}
    assert codes(report) == ["MK-S001"]
    # the same draft without the spec: the name is just a filled blank
    assert_verdict(check_text(text), "standard")


def test_a_custom_relationship_name_is_a_variant():
    text = render_text(spec_of("khon-kaen-fujian-loi"))
    _, _, english = text.split(SEPARATOR)
    assert english.count("Friendly Provinces") == 2
    text = text.replace("Friendly Provinces", "Friendly Cities")
    report = check_text(text)
    assert_verdict(report, "ministries")
    variants = findings(report, "MK-V001")
    assert sorted(f.lang for f in variants) == ["en", "th", "zh"]
    assert next(f for f in variants if f.lang == "en").draft == "Friendly Cities"
    assert all(f.route == "ministries" for f in report.findings)


def test_a_custom_relationship_from_the_spec_is_not_a_cross_version_mismatch():
    report = check_text(render_text(spec_of("khon-kaen-fujian-loi")))
    assert codes(report) == ["MK-V001"] * 3


# ----------------------------------------------------------------------------- structure


def _swap_paragraphs(version: str, first: str, second: str, keep_numbers: bool) -> str:
    paras = version.split("\n\n")
    i = next(n for n, p in enumerate(paras) if p.startswith(first))
    j = next(n for n, p in enumerate(paras) if p.startswith(second))
    a, b = paras[i], paras[j]
    if keep_numbers:  # the clerk renumbers after moving
        a, b = first + b[len(second):], second + a[len(first):]
        paras[i], paras[j] = a, b
    else:
        paras[i], paras[j] = b, a
    return "\n\n".join(paras)


@pytest.mark.parametrize("renumbered", [False, True], ids=["numbers-moved", "renumbered"])
def test_clauses_3_and_4_swapped_in_english(chengdu_text, renumbered):
    th, zh, en = chengdu_text.split(SEPARATOR)
    en = _swap_paragraphs(en, "3. ", "4. ", renumbered)
    report = check_text(SEPARATOR.join([th, zh, en]))
    assert_verdict(report, "council_of_state")
    moved = findings(report, "MK-C004", lang="en")
    assert moved and {f.clause_id for f in moved} <= {"c3", "c4"}
    assert not findings(report, "MK-C002"), "nothing was added"
    assert not findings(report, "MK-C001"), "no wording was changed"


@pytest.mark.parametrize("renumbered", [False, True], ids=["gap", "renumbered"])
def test_clause_4_removed_from_the_thai_version(chengdu_text, renumbered):
    th, zh, en = chengdu_text.split(SEPARATOR)
    paras = th.split("\n\n")
    i = next(n for n, p in enumerate(paras) if p.startswith("๔. "))  # the Thai version's digits
    if renumbered:
        paras[i + 1] = replace_once(paras[i + 1], "๕. ", "๔. ")
    del paras[i]
    report = check_text(SEPARATOR.join(["\n\n".join(paras), zh, en]))
    # the English follows the form: the Thai translation must be corrected
    assert_verdict(report, "ministries")
    (removed,) = findings(report, "MK-T004")
    assert (removed.lang, removed.clause_id, removed.clause_number) == ("th", "c4", "4")
    assert sorted(codes(report)) == ["MK-T004"]


def test_clause_4_deleted_from_the_thai_version_in_word(chengdu_docx):
    document = docx.Document(io.BytesIO(chengdu_docx))
    (thai4,) = [p for p in paragraphs(document) if p.text.startswith("๔. ฝ่ายทั้งสอง")]
    thai4._p.getparent().remove(thai4._p)
    report = moukit.check([save(document)])
    assert_verdict(report, "ministries")
    assert [(f.lang, f.clause_id) for f in findings(report, "MK-T004")] == [("th", "c4")]
    assert sorted(codes(report)) == ["MK-T004"]


# ----------------------------------------------------------------------------- Word files

W_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _tracked(data: bytes, find: str, inserted: str, deleted: str | None = None) -> bytes:
    """The English clause 3 with ``find`` taken out of its run and put back as a pending
    insertion of ``inserted`` (and, if given, a pending deletion of ``deleted``)."""
    document = docx.Document(io.BytesIO(data))
    p = next(p for p in document.paragraphs if "will encourage their concerned agencies" in p.text)
    run = next(r for r in p.runs if find in r.text)
    before, after = run.text.split(find, 1)
    run.text = before

    def copy_run(text: str, tag: str = "w:t"):
        r = copy.deepcopy(run._r)
        for t in list(r.iter(qn("w:t"))):
            t.getparent().remove(t)
        t = OxmlElement(tag)
        t.text = text
        t.set(W_SPACE, "preserve")
        r.append(t)
        return r

    ins = OxmlElement("w:ins")
    for key, value in (("w:id", "901"), ("w:author", "Province"), ("w:date", "2026-05-01T00:00:00Z")):
        ins.set(qn(key), value)
    ins.append(copy_run(inserted))
    run._r.addnext(ins)
    tail = copy_run(after)
    ins.addnext(tail)
    if deleted:
        dele = OxmlElement("w:del")
        dele.set(qn("w:id"), "902")
        dele.set(qn("w:author"), "Province")
        dele.append(copy_run(deleted, "w:delText"))
        ins.addprevious(dele)
    return save(document)


def test_pending_insertion_is_checked_as_accepted(chengdu_docx):
    data = _tracked(chengdu_docx, "concerned ", "concerned ")
    assert b"<w:ins " in _document_xml(data)
    report = moukit.check([data])
    assert report.pending_changes is True
    assert report.to_dict()["pending_changes"] is True
    assert_verdict(report, "standard")
    assert any("tracked changes" in n for n in report.notes)


def test_pending_changes_that_introduce_shall_are_read_as_accepted(chengdu_docx):
    """A deletion of 'will' and an insertion of 'shall': accepted, the clause says 'shall'."""
    data = _tracked(chengdu_docx, "will encourage their", "shall encourage their",
                    deleted="will encourage their")
    report = moukit.check([data])
    assert report.pending_changes is True
    assert_verdict(report, "not_permitted")
    assert [f.clause_id for f in findings(report, "MK-P001", lang="en")] == ["c3"]


def test_pending_deletion_of_added_words_is_read_as_accepted(chengdu_docx):
    data = _tracked(chengdu_docx, "concerned ", "concerned ", deleted="shall ")
    report = moukit.check([data])
    assert report.pending_changes is True
    assert_verdict(report, "standard")


def _document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml")


def test_an_untouched_render_and_a_resaved_one(chengdu_docx):
    report = moukit.check([chengdu_docx])
    assert report.untouched_render is True
    assert_verdict(report, "standard")
    assert report.fingerprint["form_id"] == "mfa-sister-city-mou"
    resaved = save(docx.Document(io.BytesIO(chengdu_docx)))
    assert resaved != chengdu_docx
    assert moukit.check([resaved]).untouched_render is True


def test_a_changed_word_is_no_longer_an_untouched_render(chengdu_docx):
    document = docx.Document(io.BytesIO(chengdu_docx))
    assert replace_in_runs(document, "their concerned agencies", "their relevant agencies") == 1
    report = moukit.check([save(document)])
    assert report.untouched_render is False
    assert report.fingerprint is not None  # still a moukit file, but edited
    assert_verdict(report, "council_of_state")
    assert [(f.lang, f.clause_id) for f in findings(report, "MK-C001")] == [("en", "c3")]


def test_an_edited_name_is_no_longer_an_untouched_render(chengdu_docx):
    document = docx.Document(io.BytesIO(chengdu_docx))
    assert replace_in_runs(document, "Mr. Zhang Wei", "Mr. Zhang Wen") == 1
    report = moukit.check([save(document)])
    assert_verdict(report, "standard")  # a signatory's name is a filled blank
    assert report.untouched_render is False


# ----------------------------------------------------------------------------- one file per language


@pytest.fixture(scope="module")
def chengdu_fixed():
    return spec_of("chiang-mai-chengdu", term={"years": 5})


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_one_file_per_language_is_standard(chengdu_fixed, fmt):
    files = [moukit.render(chengdu_fixed, fmt, languages=[lang]).data for lang in ("th", "zh", "en")]
    report = moukit.check(files)
    assert_verdict(report, "standard")
    assert report.findings == []
    assert [v.lang for v in report.versions] == ["th", "zh", "en"]
    assert [v.values["term"]["years"] for v in report.versions] == [5, 5, 5]


def test_one_file_per_language_with_a_term_mismatch(chengdu_fixed, tmp_path):
    paths = []
    for lang in ("th", "zh", "en"):
        text = render_text(chengdu_fixed, languages=[lang])
        if lang == "th":
            text = replace_once(text, "ระยะเวลา ๕ ปี", "ระยะเวลา ๓ ปี")
        path = tmp_path / f"mou-{lang}.txt"
        path.write_text(text, "utf-8")
        paths.append(path)
    report = moukit.check(paths)
    assert_verdict(report, "ministries")
    (mismatch,) = findings(report, "MK-X001")
    assert "term" in mismatch.message
    assert "3" in mismatch.values["th"] and "5" in mismatch.values["zh"]
    assert codes(report) == ["MK-X001"]
    assert [v.source for v in report.versions] == [str(p) for p in paths]
