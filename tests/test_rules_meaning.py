"""Rules by meaning, in every shipped language: forbidden content in other words is not
permitted, and the form's own words, safeguards and look-alike words are not.

The cases are data (tests/data/rules/<lang>.yaml, format in tests/rules_meaning.py), written
for their meaning by the language, not from the patterns: a ``fire`` case is a sentence
added to a realistic draft (the example rendered in three languages, one version changed)
that must be reported with its code; a ``quiet`` case must fire no rule. ``python
tests/rules_meaning.py -v`` prints the figures per language.
"""

from __future__ import annotations

import pytest

from moukit.checking.match import analyze_version
from moukit.checking.report import Finding
from moukit.checking.rules import _parse_pack, default_rules, load_rules
from moukit.errors import RulePackError
from moukit.packs.library import default_library
from mutations import base_spec, blocks_of, marked_clauses, version_text
from rules_meaning import LANGS, cases, draft, outcome

CASES = [pytest.param(lang, code, case, id=case_id) for lang in LANGS for case_id, code, case in cases(lang)]


@pytest.mark.parametrize(("lang", "code", "case"), CASES)
def test_rule_by_meaning(lang, code, case):
    ok, report = outcome(lang, code, case)
    found = sorted({(f.code, f.lang) for f in report.findings})
    if code is None:
        assert ok, f"a rule fired on wording that is not forbidden: {found}"
    else:
        assert ok, f"{code} not reported in the {lang} version ({report.verdict}): {found}"


def test_every_category_is_covered_in_every_language():
    """Each language's file has cases for every pattern rule of the default pack (the LOI's
    non-binding sentence where the example is an LOI or names one)."""
    codes = {r.code for r in default_rules() if r.patterns}
    for lang in LANGS:
        have = {code for _, code, _ in cases(lang) if code}
        assert codes - {"MK-P012"} <= have, (lang, sorted(codes - have))
        assert any(code is None for _, code, _ in cases(lang)), lang


def test_a_safeguard_added_to_the_form_is_still_added_text():
    """No rule fires, but the sentence is a change of the form (Council of State)."""
    report = _check("en", "This Memorandum of Understanding is not legally binding.")
    assert not [f for f in report.findings if f.code.startswith("MK-P")]
    assert "MK-C002" in [f.code for f in report.findings]
    assert report.verdict == "council_of_state"


def test_the_form_own_words_do_not_count_but_more_of_them_do():
    """MOU clause 2 says "international obligations": the clause changed elsewhere is read
    whole and the form's word is not reported; "the obligations of the two Sides" is."""
    changed = {"replace": ["in the fields of trade,", "in the fields of trade, sport,"]}
    report = _check("en", changed)
    assert not [f for f in report.findings if f.code.startswith("MK-P")]
    added = {"replace": ["and international obligations.",
                         "and international obligations. The obligations of the two Sides are listed in the annex."]}
    report = _check("en", added)
    [binding] = [f for f in report.findings if f.code == "MK-P001"]
    assert binding.clause_id == "c2"
    assert "'obligations'" in binding.message and "international" not in binding.message.split(":")[1].split(" in ")[0]


# The word-for-word comparison (the English version, and every version of a language without
# meaning units): one clause of the MOU changed, the rules read the clause whole and count only
# matches beyond the form's own (MOU clause 2 says "international obligations" in every language).
WORD_FOR_WORD = [
    ("ja", "発展を促進するため、相互に協力する。", "発展を促進するため、相互に協力するものとする。", "MK-P001"),  # after the form's する
    ("en", "international obligations.",
     "international obligations. The obligations of the Participants are listed in the annex.", "MK-P001"),
    ("en", "international obligations.",
     "international obligations. This Memorandum of Understanding is not legally binding.", None),
    ("en", "will encourage their concerned", "will ensure that their concerned", "MK-P001"),
    ("zh", "国际义务的相互合作。", "国际义务的相互合作，并承担相应义务。", "MK-P001"),
    ("zh", "国际义务的相互合作。", "国际义务的相互合作。本谅解备忘录不具有法律约束力。", None),
    ("th", "พันธกรณีระหว่างประเทศของแต่ละฝ่าย", "พันธกรณีระหว่างประเทศของแต่ละฝ่าย โดยมีผลผูกพันทางกฎหมาย", "MK-P001"),
    ("th", "พันธกรณีระหว่างประเทศของแต่ละฝ่าย", "พันธกรณีระหว่างประเทศของแต่ละฝ่าย ทั้งนี้ บันทึกความเข้าใจฉบับนี้ไม่มีผลผูกพันทางกฎหมาย", None),
    ("ko", "관광 분야에서 서로 협력할 것이다.", "관광 분야에서 서로 협력하여야 한다.", "MK-P001"),
    ("ko", "관광 분야에서 서로 협력할 것이다.", "관광 분야에서 서로 협력할 것이다. 이 양해각서는 법적 구속력이 없다.", None),
    ("vi", "Các Bên tham gia sẽ hợp tác với nhau trong", "Các Bên tham gia có nghĩa vụ hợp tác với nhau trong", "MK-P001"),
    ("vi", "các nghĩa vụ quốc tế của mỗi nước.",
     "các nghĩa vụ quốc tế của mỗi nước. Bản ghi nhớ này không có giá trị ràng buộc pháp lý.", None),
]


@pytest.mark.parametrize(("lang", "old", "new", "code"), WORD_FOR_WORD,
                         ids=[f"{c[0]}-{n}-{c[3] or 'quiet'}" for n, c in enumerate(WORD_FOR_WORD)])
def test_rules_read_the_whole_changed_clause_word_for_word(lang, old, new, code):
    blocks = blocks_of(marked_clauses(base_spec("mou", lang), lang))
    [index] = [i for i, b in enumerate(blocks) if old in b]
    blocks[index] = blocks[index].replace(old, new, 1)
    result = analyze_version(version_text(lang, blocks), default_library(), load_rules()).result
    rules = [(f.code, f.clause_id) for f in result.findings if f.code.startswith("MK-P")]
    assert {f.route for f in result.findings} - {"standard"}, "the change itself is reported"
    assert rules == ([(code, "c%d" % int(blocks[index][0]))] if code else []), rules


def test_a_negation_applies_to_the_codes_it_names():
    pack = {"rules": [
        {"code": "X-1", "route": "not_permitted", "patterns": {"en": [r"\bvisas?\b"]}},
        {"code": "X-2", "route": "not_permitted", "patterns": {"en": [r"\bbinding\b"]}}],
        "negation": [{"name": "status", "codes": ["X-2"], "patterns": {"en": [r"\bnot\s+binding\b"]}},
                     {"name": "scope", "patterns": {"en": [r"\bdoes\s+not\s+cover\b[^.]*"]}}]}
    visa, binding = _parse_pack(pack, "test")
    assert not binding.find("en", "It is not binding.")
    assert binding.find("en", "It is binding.")
    assert visa.find("en", "It is not binding on visas.")
    assert not visa.find("en", "It does not cover visas.") and not binding.find("en", "It does not cover binding rules.")
    assert visa.denied("en", "It does not cover visas.") == [(3, 23)]


@pytest.mark.parametrize("negation", [
    "not a list",
    [{"name": "no patterns"}],
    [{"patterns": {"en": ["("]}}],
    [{"codes": "X-1", "patterns": {"en": ["x"]}}],
])
def test_a_bad_negation_is_refused(negation):
    pack = {"rules": [{"code": "X-1", "route": "not_permitted", "patterns": {"en": ["x"]}}],
            "negation": negation}
    with pytest.raises(RulePackError):
        _parse_pack(pack, "test")


def test_the_default_pack_compiles_and_every_rule_explains_itself_in_thai():
    for rule in load_rules():
        for lang in rule.patterns:
            assert rule.patterns[lang]
        for lang in rule.negations:
            assert rule.negations[lang]
        assert rule.rationale and rule.rationale_th, rule.code
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in rule.rationale_th), rule.code


def _check(lang, case):
    import moukit

    report = moukit.check([draft(lang, case).encode("utf-8")])
    assert all(isinstance(f, Finding) for f in report.findings)
    return report
