"""Every language pack with a data file tests/data/packs/<lang>.yaml (every shipped translation): full
texts, dates, lists of fields, terms, the signing clause, alternatives, provincial wording,
non-binding wording.

The tests are the same for every language; what each language must write is in its data
file, so a new pack is covered by adding one file. Golden files (tests/golden/<lang>-
<instrument>.txt) hold the complete reviewed texts of the specs a data file defines under
``golden``; after a deliberate change of the templates, regenerate them with
MOUKIT_REGEN_GOLDEN=1 and review the diff. The other tests check properties that must hold
for every combination of alternatives. What is particular to Thai (Buddhist-Era dates, Thai
digits, its list rule and word list) is in test_thai_text.py; a Thai version is tested here
like any other, beside the partner language its data file names (``partner_language``).
"""

from __future__ import annotations

import itertools
import re
import unicodedata

import pytest

import moukit
from langcases import (
    LANGS,
    assert_golden,
    check,
    clauses,
    full_text,
    golden_spec,
    make_spec,
    pack_data,
)
from moukit.packs.library import TemplateLibrary
from moukit.rendering.context import build_context

INSTRUMENTS = ("loi", "mou")
# The sections of a data file (see tests/data/packs/zh.yaml for what each holds).
SECTIONS = {
    "partners", "default_partner", "thai", "golden", "draft_start", "signing_date", "long_date",
    "field_lists", "field_list_in", "custom_field", "further_fields", "fixed_term", "open_term",
    "various_fields", "signing_three_languages", "signing_two_languages", "loi_nonbinding",
    "binding_patterns", "duty", "international_obligations", "provincial_wording", "will",
    "aim_to",
}
OPTIONAL_SECTIONS = {"indistinct", "partner_language"}
# Where a list of fields appears (data: field_list_in): instrument, spec values, clause.
FIELD_LIST_PLACES = {
    "loi_c1_on": ("loi", {"preposition": "on"}, "c1"),
    "loi_c1_in": ("loi", {"preposition": "in"}, "c1"),
    "mou_c2": ("mou", {}, "c2"),
}
# Where the form names the relationship again after the title (the forms' descriptions).
RELATIONSHIP_CLAUSE = {"loi": "c4", "mou": "c5"}
# Only the LOI's non-binding sentence and the MOU's reference to the parties' existing
# international obligations (clause 2) may name a duty.
DUTY_ALLOWED = {("loi", "nonbinding"), ("mou", "c2")}


def params(rows) -> list:
    """Parameter sets from tuples of values, each named by its values ("zh-loi")."""
    return [pytest.param(*row, id="-".join(str(v) for v in row)) for row in rows]


def options(instrument: str) -> dict[str, list[str]]:
    """The form's alternatives and their options."""
    return {name: list(alt.options) for name, alt in moukit.get_form(instrument).alternatives.items()}


def all_combinations(instrument: str):
    """Every combination of the form's alternatives (and of the MOU's term and fields)."""
    choices = dict(options(instrument))
    if instrument == "mou":
        choices.update(term=["open", {"years": 5}], fields_clause=["various", "named"])
    for combo in itertools.product(*choices.values()):
        yield dict(zip(choices, combo))


LANG_INSTRUMENTS = params((lang, instrument) for lang in LANGS for instrument in INSTRUMENTS)
FIELD_LIST_CASES = [pytest.param(lang, i, id=f"{lang}-{len(case['fields'])}")
                    for lang in LANGS for i, case in enumerate(pack_data(lang)["field_lists"])]
FIXED_TERM_CASES = params((lang, years) for lang in LANGS
                          for years in pack_data(lang)["fixed_term"]["texts"])
ALTERNATIVE_CASES = params((lang, partner, instrument, name) for lang in LANGS
                           for partner in pack_data(lang)["partners"]
                           for instrument in INSTRUMENTS for name in options(instrument))
PROVINCIAL_CASES = [pytest.param(lang, i, id=f"{lang}-{case['partner']}-{case['relationship']}")
                    for lang in LANGS for i, case in enumerate(pack_data(lang)["provincial_wording"])]


# --- the data files -----------------------------------------------------------------------

def test_every_data_file_names_a_language_pack():
    assert LANGS and set(LANGS) <= set(TemplateLibrary().available())


@pytest.mark.parametrize("lang", LANGS)
def test_data_file_is_complete(lang):
    data = pack_data(lang)
    assert SECTIONS <= set(data) <= SECTIONS | OPTIONAL_SECTIONS
    assert set(data["golden"]) == set(INSTRUMENTS)
    assert set(data["field_list_in"]) == set(FIELD_LIST_PLACES)
    assert set(data["partners"]) == {"city", "province"}
    for role in data["partners"]:
        assert make_spec(lang, "mou", role).partner_is_provincial == (role == "province"), role


# --- golden full texts --------------------------------------------------------------------

@pytest.mark.parametrize("lang,instrument", LANG_INSTRUMENTS)
def test_full_text_matches_golden(lang, instrument):
    assert_golden(f"{lang}-{instrument}", golden_spec(lang, instrument))


@pytest.mark.parametrize("lang,instrument", LANG_INSTRUMENTS)
def test_rendering_is_deterministic(lang, instrument):
    assert full_text(golden_spec(lang, instrument), lang) == full_text(golden_spec(lang, instrument), lang)


@pytest.mark.parametrize("lang,instrument", LANG_INSTRUMENTS)
def test_text_is_nfc(lang, instrument):
    assert unicodedata.is_normalized("NFC", full_text(golden_spec(lang, instrument), lang))


@pytest.mark.parametrize("lang", LANGS)
def test_draft_marker(lang):
    start = pack_data(lang)["draft_start"]
    assert full_text(make_spec(lang, "mou", draft=True), lang).startswith(start)
    assert not full_text(make_spec(lang, "mou"), lang).startswith(start)


# --- dates, lists, terms ------------------------------------------------------------------

def _signed_on(lang: str, instrument: str, date: str):
    data = pack_data(lang)
    place = data["partners"][data["default_partner"]]["place"]
    return make_spec(lang, instrument, signing={"place": place, "date": date})


@pytest.mark.parametrize("lang,instrument", LANG_INSTRUMENTS)
def test_signing_date(lang, instrument):
    signing = clauses(_signed_on(lang, instrument, "2027-01-05"), lang)["signing"]
    check(signing, {"startswith": pack_data(lang)["signing_date"][instrument]})


@pytest.mark.parametrize("lang", LANGS)
def test_long_date(lang):
    check(full_text(_signed_on(lang, "mou", "2026-12-31"), lang), pack_data(lang)["long_date"])


@pytest.mark.parametrize("lang,index", FIELD_LIST_CASES)
def test_fields_are_joined_formally(lang, index):
    data = pack_data(lang)
    case = data["field_lists"][index]
    for place, (instrument, top, clause_id) in FIELD_LIST_PLACES.items():
        text = clauses(make_spec(lang, instrument, fields=case["fields"], **top), lang)[clause_id]
        check(text, data["field_list_in"][place], place, list=case["text"])


@pytest.mark.parametrize("lang", LANGS)
def test_custom_field_is_listed_with_the_others(lang):
    custom = pack_data(lang)["custom_field"]
    field = {"custom": {"th": "ชา", "en": "tea", lang: custom["name"], **custom.get("also", {})}}
    check(clauses(make_spec(lang, "loi", fields=["economy", field]), lang)["c1"], custom["loi_c1"])


@pytest.mark.parametrize("lang", LANGS)
def test_further_fields_word_clause_2(lang):
    expected = pack_data(lang)["further_fields"]
    texts = clauses(make_spec(lang, "loi", further_fields=["environment", "youth"]), lang)
    check(texts["c1"], expected["c1"], "c1")
    check(texts["c2"], expected["c2"], "c2")


@pytest.mark.parametrize("lang,years", FIXED_TERM_CASES)
def test_fixed_term(lang, years):
    term = pack_data(lang)["fixed_term"]
    c5 = clauses(make_spec(lang, "mou", term={"years": years}), lang)["c5"]
    check(c5, {"contains": [term["texts"][years], term["renewal"]]})


@pytest.mark.parametrize("lang", LANGS)
def test_open_term_ends_by_written_notice(lang):
    check(clauses(make_spec(lang, "mou"), lang)["c5"], pack_data(lang)["open_term"])


@pytest.mark.parametrize("lang", LANGS)
def test_various_fields_when_none_are_named(lang):
    c2 = clauses(make_spec(lang, "mou", fields_clause="various"), lang)["c2"]
    check(c2, pack_data(lang)["various_fields"])


# --- signing clause -----------------------------------------------------------------------

@pytest.mark.parametrize("lang,instrument", LANG_INSTRUMENTS)
def test_signing_names_three_languages_in_duplicate(lang, instrument):
    signing = clauses(make_spec(lang, instrument), lang)["signing"]
    check(signing, pack_data(lang)["signing_three_languages"][instrument])


@pytest.mark.parametrize("lang,instrument", LANG_INSTRUMENTS)
def test_signing_names_two_languages_when_partner_language_is_english(lang, instrument):
    # A version in this language is only rendered for a partner who speaks it, but the
    # template must also word the clause for an English-speaking partner: render it directly
    # for a spec whose partner speaks English (the form then hides partner_language).
    spec = make_spec(lang, instrument, partner_language="en")
    pack = TemplateLibrary().pack(lang)
    context = build_context(spec, pack)
    assert context["partner_language"] == ""
    signing = dict(pack.render_clauses(spec.form, context))["signing"]
    check(signing, pack_data(lang)["signing_two_languages"][instrument])


# --- alternatives -------------------------------------------------------------------------

@pytest.mark.parametrize("lang,partner,instrument,name", ALTERNATIVE_CASES)
def test_distinct_alternatives_give_distinct_texts(lang, partner, instrument, name):
    pack = TemplateLibrary().pack(lang)
    texts = {}
    for option in options(instrument)[name]:
        spec = make_spec(lang, instrument, partner, **{name: option})
        text = full_text(spec, lang)
        word = pack.word(name, option, provincial=spec.partner_is_provincial)
        # A word that opens a sentence may be written with a capital (Vietnamese).
        assert word in text or word[:1].upper() + word[1:] in text, option
        texts[option] = text
    merged = {o: group[0] for group in indistinct(lang, name) for o in group}
    told_apart = {merged.get(o, o) for o in texts}
    assert len(set(texts.values())) == len(told_apart), f"{name}: two options give the same text"


def indistinct(lang: str, name: str) -> list[list[str]]:
    """The groups of options of alternative ``name`` that ``lang`` words alike, as its data
    file declares them (a review found the language has one idiom for them)."""
    return (pack_data(lang).get("indistinct") or {}).get(name, [])


@pytest.mark.parametrize("lang", LANGS)
def test_lexicon_words_every_option_distinctly(lang):
    lexicon = TemplateLibrary().pack(lang).lexicon
    for instrument in INSTRUMENTS:
        for name, choices in options(instrument).items():
            words = {o: lexicon["alternatives"][name][o] for o in choices}
            alike = [g for g in indistinct(lang, name) if set(g) <= set(choices)]
            for group in alike:
                assert len({words[o] for o in group}) == 1, (instrument, name, group)
            merged = {o: group[0] for group in alike for o in group}
            told_apart = {merged.get(o, o) for o in choices}
            assert len({words[o] for o in told_apart}) == len(told_apart), (instrument, name)


@pytest.mark.parametrize("lang,index", PROVINCIAL_CASES)
def test_provincial_wording_for_a_province_level_partner(lang, index):
    case = pack_data(lang)["provincial_wording"][index]
    pack = TemplateLibrary().pack(lang)
    for instrument in INSTRUMENTS:
        spec = make_spec(lang, instrument, case["partner"], relationship=case["relationship"],
                         **({"term": {"years": 5}} if instrument == "mou" else {}))
        texts = clauses(spec, lang)
        assert case["title"] in texts["title"], instrument
        assert case["not_in_text"] not in full_text(spec, lang), instrument
        # The same name is used in the body.
        word = pack.word("relationship", case["relationship"], provincial=spec.partner_is_provincial)
        assert word in case["title"]
        assert word in texts[RELATIONSHIP_CLAUSE[instrument]], instrument


@pytest.mark.parametrize("lang", LANGS)
def test_provincial_wording_leaves_english_as_the_form(lang):
    sister = next(case for case in pack_data(lang)["provincial_wording"]
                  if case["partner"] == "province" and case["relationship"] == "sister")
    spec = make_spec(lang, "mou", "province")
    assert "Sister Cities" in clauses(spec, "en")["title"]
    assert sister["title"] in clauses(spec, lang)["title"]


# --- non-binding wording ------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_no_binding_words_in_any_combination(lang):
    data = pack_data(lang)
    duty, international = data["duty"], data["international_obligations"]
    count = 0
    for instrument in INSTRUMENTS:
        for partner in data["partners"]:
            for combo in all_combinations(instrument):
                count += 1
                texts = clauses(make_spec(lang, instrument, partner, **combo), lang)
                if instrument == "loi":
                    assert texts["nonbinding"] == data["loi_nonbinding"], (partner, combo)
                for clause_id, text in texts.items():
                    where = (instrument, partner, clause_id, combo)
                    for pattern in data["binding_patterns"]:
                        assert not re.search(pattern, text), (where, pattern)
                    if duty in text:
                        assert (instrument, clause_id) in DUTY_ALLOWED, (where, text)
                        if clause_id == "c2":
                            assert text.count(duty) == text.count(international) == 1, where
    assert count == 2 * (64 + 192)  # two partners, 64 LOI and 192 MOU combinations


@pytest.mark.parametrize("lang", LANGS)
def test_will_keeps_the_non_binding_future(lang):
    data = pack_data(lang)
    specs = {"loi": make_spec(lang, "loi", intent="will"),
             "mou": make_spec(lang, "mou", term={"years": 5})}
    for instrument, spec in specs.items():
        numbered = [c.id for c in spec.form.clauses if c.kind == "numbered"]
        assert set(data["will"][instrument]) == set(numbered), instrument
        texts = clauses(spec, lang)
        for clause_id in numbered:
            check(texts[clause_id], data["will"][instrument][clause_id], f"{instrument} {clause_id}")
    aim = clauses(make_spec(lang, "loi", intent="aim_to"), lang)["c4"]
    check(aim, data["aim_to"], "loi c4 (aim to)")


def test_no_word_list_of_a_shipped_pack_holds_a_yaml_boolean_or_null():
    """A word written bare that YAML reads as a boolean or null (on, off, yes, no, null) is
    lost from a word list (en layout.yaml once read "on" as True): such words are quoted."""
    from pathlib import Path

    import yaml

    found = []

    def walk(value, where):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{where}.{key}")
        elif isinstance(value, list):
            for n, item in enumerate(value):
                if isinstance(item, bool) or item is None:
                    found.append(f"{where}[{n}] = {item!r}")
                walk(item, where)

    packs = Path(moukit.__file__).parent / "packs"
    for path in sorted(packs.glob("*/*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")), str(path.relative_to(packs)))
    assert not found, found
