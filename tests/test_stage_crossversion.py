"""Unit tests of the check's cross-version stage: do the language versions say the same
thing, and what the spec says?"""

from __future__ import annotations

from moukit.checking.crossversion import compare_versions, compare_with_spec
from moukit.checking.match import analyze_version
from moukit.checking.report import Finding, VersionResult
from moukit.checking.rules import load_rules
from moukit.checking.segment import VersionText
from moukit.packs import default_library
from moukit.rendering.build import build_document
from moukit.rendering.writers.text import clause_text
from specdata import spec


def _result(lang: str, values: dict, findings=()) -> VersionResult:
    return VersionResult(lang, "mou", "<t>", {"instrument": "mou", **values}, findings=list(findings))


TERM = {"kind": "fixed", "years": 5, "text": "five-year"}


def test_versions_that_agree_give_no_finding():
    results = [_result("en", {"term": TERM}), _result("th", {"term": {**TERM, "text": "5 ปี"}})]
    assert compare_versions(results) == []


def test_a_term_that_differs_in_one_version_is_a_mismatch_naming_both():
    results = [_result("en", {"term": TERM}), _result("th", {"term": {**TERM, "years": 3}})]
    (finding,) = compare_versions(results)
    assert finding.code == "MK-X001" and "term" in finding.message
    assert finding.values == {"en": "5 years (five-year)", "th": "3 years (five-year)"}


def test_alternatives_agree_when_a_language_words_two_options_alike():
    results = [_result("en", {"parties": {"text": "Participants", "options": ["participants"]}}),
               _result("th", {"parties": {"text": "ทั้งสองฝ่าย",
                                          "options": ["participants", "two_sides"]}})]
    assert compare_versions(results) == []


def test_a_clause_added_in_one_version_only():
    added = Finding("MK-C002", "council_of_state", "added", "text that is not in the form was added")
    results = [_result("en", {}), _result("th", {}, [added])]
    assert [f.code for f in compare_versions(results)] == ["MK-X002"]


def _analysis(s, lang: str):
    version = build_document(s, languages=[lang]).version(lang)
    blocks = [clause_text(c) for c in version.clauses]
    return analyze_version(VersionText(lang, blocks, "<t>"), default_library(), load_rules())


def test_a_value_that_differs_from_the_spec():
    drafted = spec("mou", "zh", term={"years": 3})
    findings = compare_with_spec([_analysis(drafted, "en")], spec("mou", "zh", term={"years": 5}))
    assert [(f.code, f.standard, f.draft) for f in findings] == [("MK-S001", "five-year", "three-year")]


def test_a_draft_of_the_other_instrument():
    findings = compare_with_spec([_analysis(spec("loi", "zh"), "en")], spec("mou", "zh"))
    assert [f.code for f in findings] == ["MK-S002"]
