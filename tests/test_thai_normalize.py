"""moukit's Thai normalisation is pythainlp's ``normalize``, which it skips for a text holding
nothing ``normalize`` could change beyond the spaces at its ends
(:func:`moukit.text.chars.normalize_may_change`).
These tests hold the skip to that promise: on random Thai text built from the characters
``normalize`` rewrites, on texts that need each of its rules, and on pythainlp's own
character classes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pythainlp import (
    thai_above_vowels,
    thai_below_vowels,
    thai_follow_vowels,
    thai_lead_vowels,
    thai_tonemarks,
)
from pythainlp.util import normalize

from moukit.spec import provinces
from moukit.text import chars
from moukit.text import normalize as moukit_normalize

MAY_CHANGE = chars._NORMALIZE_MAY_CHANGE

# every Thai letter, and what pythainlp's rules look at more often: marks, vowels, spaces
LETTERS = [chr(c) for c in range(0x0E01, 0x0E5C) if chr(c).isprintable()]
MARKS = list(thai_above_vowels + thai_below_vowels + thai_tonemarks) + ["\u0e3a", "\u0e4c", "\u0e4d", "\u0e4e"]
OTHERS = [" ", " ", "\n", "\t", "\u200b", "\u200c", "a", "1", "\u00a0"]
ALPHABET = st.sampled_from(LETTERS + MARKS * 3 + list(thai_follow_vowels + thai_lead_vowels) * 2 + OTHERS * 2)


def _normalized(text: str) -> str:
    return moukit_normalize._thai_normalized.__wrapped__(text)


@settings(max_examples=3000, deadline=None)
@given(st.lists(ALPHABET, max_size=14).map("".join))
def test_the_skip_gives_what_pythainlp_gives(text):
    assert _normalized(text) == normalize(text)


@settings(max_examples=3000, deadline=None)
@given(st.lists(ALPHABET, max_size=14).map("".join))
def test_a_text_pythainlp_changes_is_never_skipped(text):
    if normalize(text) != text.strip():
        assert chars.normalize_may_change(text), text


@pytest.mark.parametrize("text", [
    "ก\u200bข",            # a zero-width space
    "ก  ข",                # spaces doubled
    "ก \nข", "ก\n\nข",     # spaces and line breaks
    "\u0e48ก",             # a tone mark that starts the text
    "ก \u0e48ข",           # ... or follows a space
    "\u0e40\u0e40ก",        # two sara e: sara ae
    "ก\u0e49\u0e31น",       # a tone mark before a vowel above
    "ก\u0e4d\u0e32",        # nikhahit and sara aa: sara am
    "ก\u0e32\u0e48",        # sara aa before a tone mark
    "ก\u0e45",              # lakkhangyao
    "ก\u0e34\u0e34",        # a vowel repeated
    "ก\u0e48\u0e48",        # a tone mark repeated
    "เ เก",                 # a vowel repeated with a space between
])
def test_each_rule_of_pythainlp_is_seen(text):
    assert normalize(text) != text, "pythainlp changed a rule: the test text needs changing"
    assert chars.normalize_may_change(text) and chars.normalize_may_change(f" {text}\t")
    assert _normalized(text) == normalize(text)


def test_the_skip_knows_every_character_pythainlp_treats_as_a_mark_or_vowel():
    """pythainlp's classes (tone marks, vowels above, below, following, leading) are inside
    the skip's: a future pythainlp that adds one fails here, not silently."""
    for char in thai_above_vowels + thai_below_vowels + thai_tonemarks + "\u0e3a\u0e4c\u0e4d\u0e4e":
        assert MAY_CHANGE.search(" " + char), hex(ord(char))
    for char in thai_follow_vowels + thai_lead_vowels + thai_above_vowels + thai_below_vowels:
        assert MAY_CHANGE.search(f"ก{char}{char}"), hex(ord(char))
    for char in thai_follow_vowels:
        assert MAY_CHANGE.search(f"ก{char}\u0e48"), hex(ord(char))


def test_the_thai_of_every_shipped_form_needs_no_normalising():
    """The form's own Thai wording (what nearly every draft is made of) is skipped."""
    import moukit

    text = moukit.render(moukit.load_spec(Path(__file__).resolve().parent.parent / "examples" / "chiang-mai-chengdu.yaml"), "txt").data.decode("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and any("\u0e01" <= c <= "\u0e5b" for c in line)]
    assert len(lines) > 10
    assert [line for line in lines if chars.normalize_may_change(line) and normalize(line) == line.strip()] == []


@settings(max_examples=1000, deadline=None)
@given(st.lists(ALPHABET, max_size=10).map("".join))
def test_a_province_is_found_as_before(text):
    """A province's name is put in normal form only where that may change it: the lookup keys
    are pythainlp's."""
    for name in (text, f"จังหวัด{text}", f"เชียงใหม{text}"):
        assert provinces._key(name, normalized=True) == provinces._key(normalize(name))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(sorted({chr(c) for c in moukit_normalize._FOLD} | set("ab 1ก中\u101d\u1041-]^\\"))),
               max_size=30))
def test_fold_replaces_each_listed_character_as_its_table_says(text):
    """fold replaces only the characters that need it (a search, not a look-up of every
    character): the same as translating by the table, with ဝ in a number read as zero."""
    translated = text.translate(moukit_normalize._FOLD)
    expected = moukit_normalize._WA_IN_NUMBER.sub(lambda m: re.sub(moukit_normalize._WA, "0", m.group()), translated)
    assert moukit_normalize.fold(text) == expected


def test_thai_and_myanmar_digits_are_written_in_arabic_figures_and_a_text_without_them_is_left_alone():
    """``to_arabic_digits`` replaces the ten Thai and the ten Myanmar digits and nothing else;
    it looks for them before it replaces (the replacement looks up every letter of a text):
    the digits it looks for are exactly those it replaces (every code point tried)."""
    from moukit.text.formatting import _NATIVE_DIGIT, _TO_ARABIC, to_arabic_digits

    assert to_arabic_digits("พ.ศ. ๒๕๖๙, ၂၀၂၆ and 2026") == "พ.ศ. 2569, 2026 and 2026"
    assert {chr(code) for code in _TO_ARABIC} == {chr(code) for code in range(0x110000)
                                                  if _NATIVE_DIGIT.match(chr(code))}
    text = "ทั้งสองฝ่าย (the Parties) 双方"
    assert to_arabic_digits(text) == text


def test_clean_drops_the_zero_width_characters_it_looks_for_first():
    """``clean`` drops zero-width spaces, joiners, the BOM and soft hyphens, and looks for them
    before it drops them: the characters it looks for are exactly those it drops."""
    from moukit.text.chars import ZERO_WIDTH_CHAR
    from moukit.text.normalize import _ZERO_WIDTH, clean

    assert clean("ความ\u200bร่วม\u00ad" + "มือ\ufeff", variants=False) == "ความร่วมมือ"
    assert {chr(code) for code in _ZERO_WIDTH} == {chr(code) for code in range(0x110000)
                                                   if ZERO_WIDTH_CHAR.match(chr(code))}
