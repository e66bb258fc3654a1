"""Trust suite: every edit of the form's wording is caught, and editorial noise never is.

Mutants are generated from the form definitions and templates (tests/mutations.py): for
every clause of both forms in every shipped language, each word of the form's own wording
is deleted, replaced and followed by an inserted word; a foreign clause is added after each
clause; each clause is removed; a clause on a prohibited topic is added. Recall must be
100%. Then every combination of alternatives is rendered, retyped with editorial noise, and
must check as the standard form: 0% false alarms. The figures are printed at the end of the
run (see conftest.py).

These mutants measure the word-for-word comparison, run on every version of every language:
it is what the check does for the English version (the form) and for a language whose pack
has no meaning units. How versions in other languages are judged as translations is
measured by tests/test_translation_corpus.py.
"""

from __future__ import annotations

import pytest

from moukit.checking.match import analyze_version
from moukit.checking.pipeline import check
from moukit.checking.rules import load_rules
from moukit.packs.library import default_library
from moukit.rendering.build import build_document
from moukit.rendering.writers.text import clause_text
from mutations import (
    LANGS,
    base_spec,
    combinations,
    editorial_noise,
    mutants,
    record,
    version_text,
)

pytestmark = pytest.mark.slow  # the trust suite: ten thousand mutants, minutes: pytest -m "not slow" leaves it out

RULES = load_rules()
FULL_MOU = {"fields_clause": "named", "term": {"years": 5}}
OPEN_MOU = {"fields_clause": "various", "term": "open"}


def _run_mutants(instrument: str, lang: str, changes: dict, only=None):
    library = default_library()
    missed = []
    for mutant, expected in mutants(instrument, lang, **changes):
        if expected == "skip" or (only and mutant.clause_id not in only):
            continue
        result = analyze_version(version_text(lang, mutant.blocks), library, RULES).result
        routes = {f.route for f in result.findings}
        caught = bool(routes - {"standard"})
        if expected == "not_permitted":
            caught = "not_permitted" in routes
        record("recall", lang, instrument, caught)
        if not caught:
            missed.append((mutant.clause_id, mutant.kind, mutant.detail))
    return missed


@pytest.mark.parametrize("lang", LANGS)
def test_every_edit_of_the_loi_is_caught(lang):
    assert _run_mutants("loi", lang, {}) == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_edit_of_the_mou_is_caught(lang):
    assert _run_mutants("mou", lang, FULL_MOU) == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_edit_of_the_mou_open_term_and_various_fields_is_caught(lang):
    assert _run_mutants("mou", lang, OPEN_MOU, only=("c2", "c5")) == []


def _noise_cases(instrument: str, lang: str):
    library = default_library()
    alarms = []
    for seed, changes in enumerate(combinations(instrument)):
        s = base_spec(instrument, lang, **changes)
        version = build_document(s, languages=[lang]).version(lang)
        blocks = editorial_noise([clause_text(c) for c in version.clauses], lang, seed)
        result = analyze_version(version_text(lang, blocks), library, RULES).result
        ok = not result.findings
        record("false-alarm", lang, instrument, ok)
        if not ok:
            alarms.append((changes, [f.message for f in result.findings]))
    return alarms


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("instrument", ["loi", "mou"])
def test_editorial_noise_is_never_a_deviation(instrument, lang):
    alarms = _noise_cases(instrument, lang)
    assert alarms == [], alarms[:3]


@pytest.mark.parametrize("lang", ["zh", "ja", "ko", "vi", "id", "tr"])
def test_a_whole_retyped_trilingual_draft_is_standard(lang):
    s = base_spec("mou", lang, **FULL_MOU)
    document = build_document(s)
    blocks = []
    for n, version in enumerate(document.versions):
        blocks += editorial_noise([clause_text(c) for c in version.clauses], version.lang, n)
        blocks.append("=" * 30)
    report = check(["\n\n".join(blocks).encode("utf-8")])
    assert [v.lang for v in report.versions] == list(document.languages)
    assert report.verdict == "standard", [f.message for f in report.findings]
    thai = report.versions[0]
    # the editorial differences are ignored, but listed on request (--editorial)
    assert {"curly quotes", "Thai digits", "numbering style", "spacing and line breaks",
            "Thai marks typed in another order (normalised)"} <= set(thai.editorial)


# A value changed in one language only: the versions must be compared with each other.
ONE_LANGUAGE_CHANGES = {
    "date": ({"signing": None}, "date"),
    "term": ({"term": {"years": 3}}, "term"),
    "fields": ({"fields": ["economy", "trade", "tourism", "sport"]}, "fields"),
    "relationship": ({"relationship": "friendship"}, "relationship"),
}
# A choice of words the form lists, not of meaning: a translation may choose otherwise.
WORDING_CHANGES = {
    "parties": {"parties": "two_sides"},
    "opening": {"opening": "following_understanding"},
}


def _changed_spec(partner: str, name: str):
    from moukit.spec.models import SPEC_ADAPTER
    from specdata import spec_data

    data = spec_data("mou", partner)
    data["term"] = {"years": 5}
    changes = ONE_LANGUAGE_CHANGES[name][0] if name in ONE_LANGUAGE_CHANGES else WORDING_CHANGES[name]
    if name == "date":
        data["signing"]["date"] = "2026-12-01"
    else:
        data.update(changes)
    return SPEC_ADAPTER.validate_python(data)


def _one_language_changed(lang: str, name: str) -> bytes:
    """The MOU in every language, with ``name`` changed in the ``lang`` version only."""
    from moukit.spec.models import SPEC_ADAPTER
    from specdata import spec_data

    partner = lang if lang not in ("th", "en") else "zh"
    data = spec_data("mou", partner)
    data["term"] = {"years": 5}
    base = build_document(SPEC_ADAPTER.validate_python(data))
    changed = build_document(_changed_spec(partner, name))
    blocks = []
    for version in base.versions:
        source = changed.version(lang) if version.lang == lang else version
        blocks += [clause_text(c) for c in source.clauses] + ["=" * 30]
    return "\n\n".join(blocks).encode("utf-8")


@pytest.mark.parametrize("name", sorted(WORDING_CHANGES))
@pytest.mark.parametrize("lang", LANGS)
def test_another_listed_wording_in_one_language_is_no_disagreement(lang, name):
    """"Participants" in English and "two Sides" in a translation say the same thing."""
    report = check([_one_language_changed(lang, name)])
    assert report.verdict == "standard", [f.message for f in report.findings]


@pytest.mark.parametrize("name", sorted(ONE_LANGUAGE_CHANGES))
@pytest.mark.parametrize("lang", LANGS)
def test_a_value_changed_in_one_language_only_is_caught(lang, name):
    report = check([_one_language_changed(lang, name)])
    hits = [f for f in report.findings if f.code == "MK-X001" and ONE_LANGUAGE_CHANGES[name][1] in f.message]
    record("recall-cross-version", lang, "mou", bool(hits))
    assert hits, [f.message for f in report.findings]
    assert not [f for f in report.findings if f.route in ("council_of_state", "not_permitted")]


def test_the_suite_notices_a_clause_pattern_that_accepts_anything(monkeypatch):
    """The mutants are judged by the test's own renderings, never by the check's patterns:
    a clause 2 pattern that takes any text must make the suite miss its mutants."""
    import re

    from moukit.checking import patterns

    original = patterns._compile_clause

    def loose(form, clause_id, text, pack, words, variant):
        found = original(form, clause_id, text, pack, words, variant)
        if clause_id != "c2":
            return found
        anything = f"(?:[^{patterns.BREAK}]+)(?={patterns.BREAK}|$)"
        return patterns.ClausePattern(clause_id, variant, re.compile(anything), anything, [], "",
                                      re.compile(f"(?:^|(?<={patterns.BREAK}))" + anything))

    monkeypatch.setattr(patterns, "_compile_clause", loose)
    # the patterns are built from the templates here, not read from the build's data
    monkeypatch.setattr("moukit.packs.shipped.shipped_pack_data", lambda pack, name: None)
    patterns.form_patterns.cache_clear()
    try:
        library = default_library()
        missed = 0
        for mutant, expected in mutants("mou", "en", **FULL_MOU):
            if expected == "skip" or mutant.clause_id != "c2" or mutant.kind not in ("delete", "replace"):
                continue
            result = analyze_version(version_text("en", mutant.blocks), library, RULES).result
            missed += not {f.route for f in result.findings} - {"standard"}
        assert missed > 0
    finally:
        monkeypatch.undo()
        patterns.form_patterns.cache_clear()
