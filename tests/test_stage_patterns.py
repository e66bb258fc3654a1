"""Unit tests of the check's patterns stage: keys, clause patterns, whole-version matching,
the clause search, dates, terms and the options of an alternative.

A failure here says which stage of the check broke, where the trust suite only says which
mutant was missed.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moukit.checking.patterns import (
    flat_key,
    form_patterns,
    make_key,
    parse_date,
    parse_term,
)
from moukit.packs import default_library
from moukit.rendering.build import build_document
from moukit.rendering.writers.text import clause_text
from moukit.text.markers import BREAK, LINE
from specdata import spec


def _blocks(s, lang: str) -> list[str]:
    version = build_document(s, languages=[lang]).version(lang)
    return [clause_text(c) for c in version.clauses]


def _patterns(lang: str, instrument: str = "mou"):
    return form_patterns(default_library().pack(lang), instrument)


def test_a_key_drops_spacing_numbers_and_signing_lines_and_marks_breaks():
    key = make_key(["1.  The  Participants\nwill", "....................", "(2) both"])
    assert key.key == f"TheParticipants{LINE}will{BREAK}both"  # spaces are editorial
    assert key.value(0, 3) == "The"
    assert key.value(key.key.index("Participants"), key.key.index("will") + 4) == "Participants will"


def test_every_key_character_maps_back_to_its_character_in_the_text():
    """The key is the text without its spaces, a break for each paragraph and line break
    between words; ``offsets`` gives each key character's place in the readable text."""
    import random

    rng = random.Random(7)
    alphabet = ["a", "b", " ", "  ", "\n", "ก", "\u0e31", "中", ".", "Ö"]
    for _ in range(400):
        lines = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25))) for _ in range(rng.randint(1, 5))]
        key = make_key(lines, numbered=rng.random() < 0.5)
        assert len(key.offsets) == len(key.key)
        for i, ch in enumerate(key.key):
            if ch in (BREAK, LINE):
                assert key.text[key.offsets[i]] == "\n" or key.offsets[i] == len(key.text), lines
            else:
                assert key.text[key.offsets[i]] == ch, lines
        assert key.key.replace(BREAK, "").replace(LINE, "") == "".join(key.text.split())


def test_a_key_folds_quotes_and_thai_digits():
    assert make_key(["“ข้อ” ๕"], numbered=False).key == '"ข้อ"5'
    assert flat_key(f"A{BREAK}b{LINE}C") == "abc"


def test_the_form_as_rendered_matches_as_a_whole_and_yields_every_value():
    s = spec("mou", "zh", fields_clause="named", term={"years": 5})
    key = make_key(_blocks(s, "en"))
    variant, found = _patterns("en").match_version(key)
    assert variant == {"partner_language": "named", "fields": "named", "term": "fixed"}
    values = {slot: value for slot, _, value in found}
    assert values["place"] == "Shanghai"
    assert values["term_text"] == "five-year"
    assert values["parties"] == "Participants"
    assert values["date"] == "22 November 2026"


@pytest.mark.parametrize("changes, variant", [
    ({"fields_clause": "various", "term": "open"}, {"fields": "various", "term": "open"}),
    ({"fields_clause": "named", "term": "open"}, {"fields": "named", "term": "open"}),
])
def test_the_variant_is_read_from_its_clause(changes, variant):
    key = make_key(_blocks(spec("mou", "zh", **changes), "en"))
    found_variant, _ = _patterns("en").match_version(key)
    assert {k: found_variant[k] for k in variant} == variant


def test_a_changed_word_is_no_whole_version_match_but_the_other_clauses_are_found():
    blocks = _blocks(spec("mou", "zh"), "en")
    blocks = [b.replace("maintain direct contact", "maintain regular contact") for b in blocks]
    key = make_key(blocks)
    patterns = _patterns("en")
    assert patterns.match_version(key) is None
    found, votes = patterns.search_clauses(key)
    clauses = {clause for _, clause, _ in found}
    assert "c3" not in clauses and {"c1", "c2", "c4", "signing"} <= clauses
    assert votes["term"]["open"] >= 1


def test_the_options_of_a_wording_and_another_wording():
    patterns = _patterns("en")
    assert patterns.options_of("parties", "two Sides") == ("two_sides",)
    assert patterns.options_of("parties", "the friends") == ()
    assert patterns.options_of("relationship", "sister cities") == ("sister",)  # any case
    loi = _patterns("en", "loi")
    assert loi.first_clause_with("further_fields") == "c2"


@pytest.mark.parametrize("lang, text, iso", [
    ("en", "22 November 2026", "2026-11-22"),
    ("th", "22 พฤศจิกายน พ.ศ. 2569", "2026-11-22"),
    ("th", "๒๒ พฤศจิกายน พ.ศ. ๒๕๖๙", "2026-11-22"),
    ("zh", "2026年11月22日", "2026-11-22"),
    ("en", "31 February 2026", None),
])
def test_dates_are_read_back_as_each_language_writes_them(lang, text, iso):
    parsed = parse_date(text, default_library().pack(lang).lexicon)
    assert (parsed.isoformat() if parsed else None) == iso


@pytest.mark.parametrize("lang, text, years", [
    ("en", "five-year", 5), ("en", "12-year", 12), ("th", "5 ปี", 5), ("en", "many-year", None),
])
def test_terms_are_read_back(lang, text, years):
    assert parse_term(text, default_library().pack(lang).lexicon) == years


def test_patterns_are_built_once_per_pack_and_form():
    pack = default_library().pack("en")
    assert form_patterns(pack, "mou") is form_patterns(pack, "mou")


def _key_char_by_char(parts):
    """The key of cleaned lines built one character at a time (the oracle of the key builder,
    which copies runs of characters)."""
    from moukit.checking.patterns import BREAK, LINE

    text, key, offsets = "", [], []
    for sub, sep in parts:
        if key:
            if key[-1] == LINE and sep == BREAK:
                key[-1] = BREAK
            elif key[-1] not in (BREAK, LINE):
                key.append(sep)
                offsets.append(len(text))
            text += "\n"
        for n, ch in enumerate(sub, len(text)):
            if not ch.isspace():
                key.append(ch)
                offsets.append(n)
        text += sub
    return text, "".join(key), offsets


@given(st.lists(st.tuples(st.text(alphabet="ab ก\u3000\u00a0\u2028\ue010\ue011x", max_size=8),
                          st.sampled_from(["\ue010", "\ue011"])), max_size=8))
@settings(max_examples=500, deadline=None)
def test_the_key_of_lines_is_built_as_character_by_character(parts):
    from moukit.checking.patterns import key_of_lines

    key = key_of_lines(parts)
    assert (key.text, key.key, key.offsets) == _key_char_by_char(parts)
    # each offset as a value is read: found in its line, a mark between lines on its own
    assert [key.offset(index) for index in reversed(range(len(key.key)))] == key.offsets[::-1]


def test_the_regex_engine_and_str_agree_on_spaces():
    import re
    import sys

    space = re.compile(r"\s")
    assert [c for c in range(sys.maxunicode + 1) if bool(space.match(chr(c))) != chr(c).isspace()] == []
