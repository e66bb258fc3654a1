"""Unit tests of the check's values stage: the values a version fills in, agreed across
clauses, parsed and described for the report."""

from __future__ import annotations

import pytest

from moukit.checking.patterns import form_patterns, make_key
from moukit.checking.values import (
    consensus,
    describe_value,
    describe_values,
    parse_fields,
)
from moukit.packs import default_library
from moukit.rendering.build import build_document
from moukit.rendering.writers.text import clause_text
from specdata import spec


def test_the_value_most_clauses_agree_on_wins_and_the_others_are_odd():
    found = [("place", "signing", "Shanghai"), ("thai_name", "title", "Chiang Mai Province"),
             ("thai_name", "parties", "Chiang Mai Province"), ("thai_name", "guided", "Chiangmai")]
    values, odd = consensus(found)
    assert values == {"place": "Shanghai", "thai_name": "Chiang Mai Province"}
    assert odd == [("thai_name", "guided", "Chiangmai")]


def test_spacing_and_first_letters_do_not_make_a_value_differ():
    values, odd = consensus([("parties", "c1", "Participants"), ("parties", "c2", "participants")])
    assert odd == []


def test_a_tie_goes_to_the_value_written_first_and_the_rest_are_odd_in_order():
    found = [("place", "title", "Kunming"), ("place", "signing", "Shanghai"), ("place", "witness", "Shanghai"),
             ("place", "parties", "kunming"), ("place", "guided", "Xiamen"), ("date", "signing", "1 May 2026")]
    values, odd = consensus(found)
    assert values == {"place": "Kunming", "date": "1 May 2026"}  # two each: the first written wins
    assert odd == [("place", "signing", "Shanghai"), ("place", "witness", "Shanghai"), ("place", "guided", "Xiamen")]
    values, odd = consensus(found[1:])  # Shanghai now has more votes than any other
    assert values["place"] == "Shanghai"
    assert odd == [("place", "parties", "kunming"), ("place", "guided", "Xiamen")]


@pytest.mark.parametrize("lang, text, ids, other", [
    ("en", "economy, trade and tourism", ["economy", "tourism", "trade"], []),
    ("en", "economy, space exploration and tourism", ["economy", "tourism"], ["space exploration"]),
    ("th", "เศรษฐกิจ การค้า และการท่องเที่ยว", ["economy", "tourism", "trade"], []),
    ("zh", "经济、贸易和旅游", ["economy", "tourism", "trade"], []),
])
def test_fields_are_read_as_vocabulary_ids_and_other_wording(lang, text, ids, other):
    parsed = parse_fields(text, default_library().pack(lang))
    assert parsed == {"ids": ids, "other": other}


def _described(s, lang: str) -> dict:
    pack = default_library().pack(lang)
    version = build_document(s, languages=[lang]).version(lang)
    patterns = form_patterns(pack, s.instrument)
    variant, found = patterns.match_version(make_key([clause_text(c) for c in version.clauses]))
    values, _ = consensus(found)
    return describe_values(values, variant, patterns, pack)


def test_a_version_is_described_with_options_dates_terms_and_fields():
    described = _described(spec("mou", "zh", fields_clause="named", term={"years": 5}), "zh")
    assert described["instrument"] == "mou"
    assert described["parties"]["options"] == ["participants"]
    assert described["date"]["iso"] == "2026-11-22"
    assert described["term"] == {"kind": "fixed", "years": 5, "text": described["term"]["text"]}
    assert described["fields"]["ids"] == ["economy", "tourism", "trade"]
    assert described["partner_language"]["code"] == "zh"


def test_what_a_variant_leaves_out_is_described_too():
    described = _described(spec("mou", "en", fields_clause="various", term="open"), "en")
    assert described["term"] == {"kind": "open"}
    assert described["fields"]["various"] is True
    assert described["partner_language"] == {"text": "", "code": "en"}


@pytest.mark.parametrize("value, text", [
    ({"text": "22 November 2026", "iso": "2026-11-22"}, "22 November 2026 (2026-11-22)"),
    ({"kind": "fixed", "years": 5, "text": "five-year"}, "5 years (five-year)"),
    ({"kind": "open"}, "open"),
    ({"text": "", "ids": [], "other": [], "various": True}, "various fields"),
    ({"text": "x", "ids": ["trade"], "other": ["space"]}, "trade, 'space'"),
    ({"text": "two Sides", "options": ["two_sides"]}, "two_sides"),
    ({"text": "the friends", "options": []}, "'the friends' (not listed)"),
    ("Shanghai", "Shanghai"),
])
def test_a_value_is_described_in_a_few_words(value, text):
    assert describe_value(value) == text


@pytest.mark.parametrize("text, lang, locale", [
    ("15 HAZİRAN 2026", "tr", "tr_TR"),  # İ: str.lower() gives two characters, the regex one
    ("ngày 15 JUNE 2026", "vi", "vi_VN"),  # an English month in capitals in another version
    ("JUNE 15, 2026", "en", "en_GB"),
])
def test_a_date_whose_month_is_in_capitals_is_read(text, lang, locale):
    import datetime

    from moukit.checking.units import find_dates

    assert [d for d, _ in find_dates(text, lang, locale)] == [datetime.date(2026, 6, 15)]


def test_the_fields_are_read_as_a_look_through_the_wordings_longest_first_reads_them(monkeypatch):
    """parse_fields finds the listed wordings with one pattern; the fields it reads are those a
    look through the wordings at each place, longest first, finds (the plain way), in every
    shipped language, for lists of listed, unlisted and run-together wordings."""
    import random

    from moukit.checking import values as values_module
    from moukit.checking.patterns import key_of

    class LookThrough:
        def __init__(self, pack):
            self.known = sorted(((key_of(w).lower(), fid) for fid, w in pack.lexicon["fields"].items()),
                                key=lambda kv: -len(kv[0]))

        def match(self, key, pos):
            hit = next((k for k, _ in self.known if k and key.startswith(k, pos)), None)
            return None if hit is None else type("Hit", (), {"group": lambda _: hit, "end": lambda _: pos + len(hit)})()

    rng = random.Random(11)
    library = default_library()
    for lang in library.available():
        pack = library.pack(lang)
        wordings = list(pack.lexicon.get("fields", {}).values())
        if not wordings:
            continue
        extra = ["space exploration", "การประมง", "渔业", "수산업", "thủy sản", "balıkçılık"]
        for _ in range(25):
            items = rng.sample(wordings + extra, rng.randint(1, 5))
            text = rng.choice([", ", "、", " และ", " and ", ""]).join(items)
            fast = values_module.parse_fields(text, pack)
            _, field_of = values_module._field_keys(pack)
            with monkeypatch.context() as patched:
                patched.setattr(values_module, "_field_keys", lambda p, field_of=field_of: (LookThrough(p), field_of))
                plain = values_module.parse_fields(text, pack)
            assert fast == plain, (lang, text)


def test_a_wording_that_begins_another_gives_way_to_the_longer_one():
    from moukit.checking.values import _field_keys

    class Pack:
        lexicon = {"fields": {"science": "Science", "science_technology": "Science and Technology",
                              "sport": "sport", "sports": "Sport"}}

    known, field_of = _field_keys(Pack())
    assert known.match("scienceandtechnology,sport", 0).group() == "scienceandtechnology"
    assert known.match("science,sport", 0).group() == "science"
    assert field_of == {"scienceandtechnology": "science_technology", "science": "science", "sport": "sport"}
