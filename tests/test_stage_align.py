"""Unit tests of the check's alignment stage, given the values of a version: each phase
(moved clauses, added paragraphs, the walk, the judgement of each clause) on small drafts,
and the tokens it works with."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moukit.checking.align import (
    Analysis,
    align,
    join_tokens,
    locate_tokens,
    tokens_of_draft,
)
from moukit.checking.patterns import form_patterns, make_key
from moukit.checking.segment import VersionText
from moukit.checking.values import consensus
from moukit.packs import default_library
from moukit.rendering.build import build_document
from moukit.rendering.writers.text import clause_text
from specdata import spec


def _standard(lang: str = "en", s=None) -> list[str]:
    s = s or spec("mou", "zh")
    return [clause_text(c) for c in build_document(s, languages=[lang]).version(lang).clauses]


def _align(blocks: list[str], lang: str = "en", s=None):
    """Align ``blocks`` with the values and variant of the unchanged rendering of ``s``."""
    s = s or spec("mou", "zh")
    pack = default_library().pack(lang)
    patterns = form_patterns(pack, s.instrument)
    variant, found = patterns.match_version(make_key(_standard(lang, s)))
    values, _ = consensus(found)
    analysis = Analysis(VersionText(lang, list(blocks), "<test>"), pack, patterns, values, variant,
                        exact=False)
    return analysis, align(analysis)


def _index(blocks: list[str], start: str) -> int:
    return next(i for i, b in enumerate(blocks) if b.startswith(start))


def test_the_standard_text_aligns_with_no_finding():
    analysis, findings = _align(_standard())
    assert findings == []
    assert set(analysis.clause_status.values()) == {"equal"}


def test_a_changed_word_is_a_change_of_its_clause_with_a_word_diff():
    blocks = _standard()
    blocks = [b.replace("maintain direct contact", "maintain regular contact") for b in blocks]
    analysis, findings = _align(blocks)
    assert [(f.code, f.clause_id) for f in findings] == [("MK-C001", "c3")]
    assert [(op.op, op.text) for op in findings[0].diff if op.op != "equal"] == [
        ("delete", "direct"), ("insert", "regular")]
    assert analysis.clause_status["c3"] == "changed"
    assert "regular" in analysis.novel  # the rules read the words the draft adds


def test_a_removed_clause():
    blocks = _standard()
    del blocks[_index(blocks, "4. ")]
    analysis, findings = _align(blocks)
    assert [(f.code, f.clause_id) for f in findings] == [("MK-C003", "c4")]
    assert analysis.clause_status["c4"] == "removed"


def test_an_added_paragraph():
    blocks = _standard()
    blocks.insert(_index(blocks, "Signed in duplicate"), "6. Each city will host a festival week.")
    analysis, findings = _align(blocks)
    assert [(f.code, f.clause_number) for f in findings] == [("MK-C002", "6")]
    assert analysis.added_blocks == [_index(blocks, "6. ")]


def test_a_clause_replaced_by_other_wording_is_a_changed_clause():
    blocks = _standard()
    blocks[_index(blocks, "4. ")] = "4. The Participants will exchange information on festivals."
    _, findings = _align(blocks)
    assert [(f.code, f.clause_id) for f in findings] == [("MK-C001", "c4")]


def test_a_clause_out_of_the_forms_order_is_moved():
    blocks = _standard()
    c3 = blocks.pop(_index(blocks, "3. "))
    blocks.insert(_index(blocks, "5. ") + 1, c3)
    analysis, findings = _align(blocks)
    assert [(f.code, f.clause_id) for f in findings] == [("MK-C004", "c3")]
    assert analysis.clause_status["c3"] == "moved"


def test_a_paragraph_that_barely_matches_the_form_is_added_text_not_part_of_a_clause():
    blocks = _standard()
    blocks.insert(_index(blocks, "2. "), "The budget of the Participants is 5,000,000 baht per year.")
    _, findings = _align(blocks)
    assert [(f.code, f.draft) for f in findings] == [
        ("MK-C002", "The budget of the Participants is 5,000,000 baht per year.")]


def test_a_thai_signature_with_names_in_no_dictionary_aligns():
    # Names are not words of the form: they are cut into character clusters the same way
    # whether the signature's lines are one paragraph or several.
    s = spec("mou", "zh")
    blocks = _standard("th", s)
    sign = _index(blocks, "สำหรับ")
    blocks[sign:sign + 1] = blocks[sign].split("\n")
    _, findings = _align(blocks, "th", s)
    assert findings == []


def test_tokens_are_located_in_their_text_and_quoted_as_written():
    assert locate_tokens("a  b,c", ["a", "b", ",", "c"]) == [("a", 0, 1), ("b", 3, 4), (",", 4, 5),
                                                             ("c", 5, 6)]
    version = VersionText("en", ["3. A budget of 5,000,000 baht"], "<t>")
    tokens, numbers = tokens_of_draft(version, "en", frozenset())
    assert numbers == {0: "3"}
    assert join_tokens(tokens, "en") == "A budget of 5,000,000 baht"


@pytest.mark.parametrize("lang", ["th", "zh", "ja", "ko", "vi", "tr"])
def test_every_language_aligns_its_own_standard_text(lang):
    s = spec("mou", lang if lang != "th" else "zh")
    _, findings = _align(_standard(lang, s), lang, s)
    assert findings == []


def _fields(tokens) -> list[tuple]:
    return [(t.text, t.key, t.clause, t.slot, t.block, t.source, t.start, t.end, t.index) for t in tokens]


def test_the_tokens_of_a_standard_clause_kept_between_checks_are_never_changed():
    """The tokens of a standard clause are made once per process and given to every check:
    after checks that change, add, move and remove words, each kept clause's tokens are still
    what a fresh tokenization gives (a check that changed a kept token would change the next)."""
    from moukit.checking.align import _standard_tokens, form_terms, marked_context, standard_tokens

    _standard_tokens.cache_clear()
    blocks = _standard()
    c3 = _index(blocks, "3. ")
    drafts = [
        [b.replace("maintain direct contact", "maintain regular contact") for b in blocks],
        blocks[:c3] + ["The budget of the Participants is 5,000,000 baht per year."] + blocks[c3:],
        [b for i, b in enumerate(blocks) if i != c3],
        blocks[:c3] + blocks[c3 + 1:c3 + 3] + [blocks[c3]] + blocks[c3 + 3:],
    ]
    for draft in drafts * 2:
        analysis, findings = _align(draft)
        assert findings
    form, pack = analysis.patterns.form, analysis.pack
    rendered = pack.render_clauses(form, marked_context(analysis.values, analysis.variant, form))
    assert _standard_tokens.cache_info().hits >= len(rendered)  # kept, and given again
    for index, (_, marked) in enumerate(rendered):
        kept = standard_tokens(index, marked, "en", form_terms(pack))
        fresh = _standard_tokens.__wrapped__(index, marked, "en", form_terms(pack), False)
        assert _fields(kept) == _fields(fresh)
    # a caller may change the list it is given, never the kept one
    standard_tokens(0, rendered[0][1], "en", form_terms(pack)).clear()
    assert standard_tokens(0, rendered[0][1], "en", form_terms(pack))


def test_a_kept_clause_matcher_gives_what_a_new_one_gives():
    """:func:`_contained` compares a paragraph with copies of matchers made once per clause
    text, the likeliest clause first, stopping early: the same answer as every clause
    compared by matchers made afresh, for every share, call after call (a copy changing the
    kept matcher would change the next call)."""
    import difflib

    from moukit.checking import align as align_module
    from moukit.checking.patterns import flat_key, key_of

    blocks = _standard()
    analysis, _ = _align(blocks)
    paragraphs = [
        "The Participants will maintain regular contact and exchange delegations every year.",
        "Each city will host a festival week of the other city's food and music.",
        "Nothing in this Memorandum creates obligations under international law.",
        blocks[_index(blocks, "3. ")],
    ]

    def fresh(run) -> float:
        text = flat_key("".join(t.key for t in run))
        best = 0
        for clause in analysis.standard.values():
            matcher = difflib.SequenceMatcher(None, text, flat_key(key_of(clause)), autojunk=False)
            best = max(best, sum(m.size for m in matcher.get_matching_blocks() if m.size >= 3))
        return best / len(text)

    answers = set()
    for _ in range(2):
        for paragraph in paragraphs:
            run = tokens_of_draft(VersionText("en", [paragraph], "<test>"), "en", frozenset())[0]
            for share in (0.2, 0.34, 0.5, 0.7, 0.9, 1.0):
                answers.add(align_module._contained(run, [], analysis.standard, share))
                assert align_module._contained(run, [], analysis.standard, share) == (fresh(run) >= share)
    assert answers == {True, False}


def test_the_words_of_a_paragraph_read_again_are_those_of_its_first_reading():
    """A paragraph's words are kept once cut (a batch meets the same paragraphs): read again,
    they are what a first reading gives, in another paragraph of another draft too, and Thai
    cut with terms that are complete is not given the words cut with an equal set that is not."""
    from moukit.checking import align as align_module
    from moukit.checking.align import form_terms
    from moukit.text.normalize import Terms

    def words(version, lang, terms):
        tokens, numbers = tokens_of_draft(version, lang, terms)
        return [(t.text, t.key, t.block, t.source, t.start, t.end, t.index) for t in tokens], numbers

    thai = _standard("th") + ["ลงนาม ....................", "(นายสมชาย ใจดี)", "1. ภาษาไทย"]
    version = VersionText("th", thai, "<a>")
    terms = form_terms(default_library().pack("th"))
    align_module._block_words.cache_clear()
    first = words(version, "th", terms)
    assert words(version, "th", terms) == first
    moved = VersionText("th", ["ข้อความที่เพิ่ม", *thai], "<b>")
    tokens, numbers = words(moved, "th", terms)
    assert [t for t in tokens if t[2] >= 1] == [(t, k, b + 1, s, a, e, n) for t, k, b, s, a, e, n in first[0]]
    assert numbers == {block + 1: number for block, number in first[1].items()}
    other = Terms(terms)
    other.complete = not getattr(terms, "complete", False)
    kept = words(version, "th", other)
    align_module._block_words.cache_clear()
    assert words(version, "th", other) == kept


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abcde", min_size=1, max_size=60), st.text(alphabet="abcdef", max_size=120),
       st.sampled_from([0.1, 0.34, 0.5, 0.8, 1.0]))
def test_a_paragraph_is_held_as_difflibs_matching_blocks_say(a, b, share):
    """:func:`_holds` stops finding blocks once those found cover ``share``: the same answer as
    the sum of every block of three characters or more that difflib's matcher gives."""
    import difflib

    from moukit.checking.align import _holds
    from moukit.text.matcher import RangeMatcher

    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    assert _holds(RangeMatcher(None, a, b, autojunk=False), share) == (
        sum(m.size for m in blocks if m.size >= 3) / len(a) >= share)
