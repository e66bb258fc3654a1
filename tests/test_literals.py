"""The words a pattern cannot match without (moukit.text.literals), the rule packs' use of
them, and the range-bound sequence matcher (moukit.text.matcher).

The filter may skip a search only when the search could not have matched: every test here
compares with the regex engine itself (or difflib), never with moukit's own reasoning.
"""

from __future__ import annotations

import _sre
import difflib
import json
import re
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moukit.checking import rules as rules_module
from moukit.checking.rules import default_rules, rule_literals_json
from moukit.text.literals import fold, match_width, near, required_literals
from moukit.text.matcher import RangeMatcher

DATA = Path(__file__).parent / "data"


def _engine_extra_cases() -> set[int]:
    if sys.version_info >= (3, 11):
        from re._casefix import _EXTRA_CASES
    else:  # pragma: no cover
        from sre_compile import _ignorecase_fixes as _EXTRA_CASES
    return {c for k, v in _EXTRA_CASES.items() for c in (k, *v)}


def _code_points():
    return (c for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_fold_is_the_engines_equality_without_case():
    """Two letters fold alike exactly when the regex engine, ignoring case, matches one
    with the other: each cased letter searched for in a text of every cased letter."""
    letters = sorted({c for c in _code_points() if _sre.unicode_iscased(c)} | _engine_extra_cases())
    haystack = "".join(chr(c) for c in letters)
    by_fold: dict[str, set[str]] = {}
    for c in letters:
        by_fold.setdefault(fold(chr(c)), set()).add(chr(c))
    for c in letters:
        matched = {m.group() for m in re.finditer(re.escape(chr(c)), haystack, re.IGNORECASE)}
        assert matched == by_fold[fold(chr(c))], hex(c)


def test_fold_keeps_every_other_character():
    extra = _engine_extra_cases()
    for c in _code_points():
        if not _sre.unicode_iscased(c) and c not in extra:
            assert fold(chr(c)) == chr(c), hex(c)


@pytest.mark.parametrize("text", [
    "ΟΔΟΣ ΣΟΦΟΣ σοφός", "İSTANBUL İzmir ıspanak", "ſtraße STRASSE ẞ", "Kelvin \u212a \u212b",
    "MOU ระหว่าง 成都市 和 清迈府", "ᲀᲁᲂ вдо", "",
])
def test_fold_of_a_text_is_the_fold_of_each_character(text):
    assert fold(text) == "".join(fold(c) for c in text)
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bshall\b", ("shall",)),
    (r"\b(?:shall|will)\s+(?:also\s+)?ensure\b", ("ensure",)),  # the optional word is not needed
    (r"\bno\s+(?:legal\s+)?(?:force|effect)\b", ("effect", "force")),
    (r"(?<!local )customs\b", ("customs",)),  # what a look-behind names is not in the match
    (r"\bcross[- ]border\b", ("border",)),
    (r"(?:JPY|USD|[¥$])\d", ("$", "jpy", "usd", "¥")),  # a class of listed characters
    (r"[^a-z]+tax", ("tax",)),
    (r"(?:a|)tax", ("tax",)),
    (r"(?:tax|)", None),  # one branch needs nothing: nor does the choice
    (r"(?:tax)?duty", ("duty",)),
    (r"(?:tax){0,3}", None),
    (r"(?:tax){2}", ("tax",)),
    (r"\w+", None),
    (r"(a)\1", ("a",)),
    (r"(?-i:Tax)es", ("tax",)),  # folded all the same: a case-sensitive match folds alike
    (r"İSTANBUL", ("istanbul",)),
    (r"ΣΟΣ", ("ςος",)),
    (r"กฎหมาย(?:ที่)?ใช้บังคับ", ("ใช้บังคับ",)),
    (r"以(?:中|泰)文为准", ("文为准",)),
    (r"(", None),  # not a pattern: no filter (the pack's own check reports it)
])
def test_required_literals(pattern, expected):
    assert required_literals(pattern, re.IGNORECASE) == expected


# Patterns over a small alphabet with letters that fold alike (İ i ı I, ſ s S, Σ σ ς), and
# the parts the analysis must see through or stop at.
_ATOMS = ["a", "b", "s", "i", "A", "S", "İ", "ı", "ſ", "σ", "Σ", "ς", "ab", "sa", " ", "."]
_PARTS = [r"\b", r"\B", r"\s", r"\w", "[ab]", "[^a]", "[sS]", r"(?<=a)", r"(?!b)", r"(?<!s)", "$", "^",
          r"(?=a\b)", r"(?!ab|s\s)", r"(?<=a\b)", r"(?<!\Bs)", r"(?=(?:ab)?\B)"]


@st.composite
def _patterns(draw, depth=0):
    items = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["atom", "atom", "part", "group", "option", "repeat"] if depth < 2
                                    else ["atom", "part"]))
        if kind == "atom":
            items.append(re.escape(draw(st.sampled_from(_ATOMS))))
        elif kind == "part":
            items.append(draw(st.sampled_from(_PARTS)))
        elif kind == "group":
            branches = draw(st.lists(_patterns(depth + 1), min_size=1, max_size=3))
            items.append("(?:" + "|".join(branches) + ")")
        elif kind == "option":
            items.append("(?:" + draw(_patterns(depth + 1)) + ")" + draw(st.sampled_from(["?", "*", "??"])))
        else:
            low = draw(st.integers(0, 2))
            items.append("(?:" + draw(_patterns(depth + 1)) + "){" + f"{low},{low + 2}" + "}")
    return "".join(items)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_patterns(), st.lists(st.text(alphabet="abisAISİıſσΣς .x", max_size=30), min_size=1, max_size=8),
       st.booleans())
def test_every_match_holds_a_required_literal(pattern, texts, ignore_case):
    flags = re.IGNORECASE if ignore_case else 0
    needed = required_literals(pattern, flags)
    if needed is None:
        return
    assert needed and all(needed)
    for text in texts:
        for m in re.finditer(pattern, text, flags):
            assert any(w in fold(m.group()) for w in needed), (pattern, text, m.group(), needed)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_patterns(), st.text(alphabet="abisAISİıſσΣς .x\n", max_size=80), st.booleans())
def test_a_narrow_pattern_sought_near_its_words_finds_every_match(pattern, text, ignore_case):
    """Where a pattern's words and width are known, its matches sought in the windows around
    its words are its matches in the whole text."""
    flags = re.IGNORECASE if ignore_case else 0
    words, width = required_literals(pattern, flags), match_width(pattern, flags)
    if words is None or width is None:
        return
    compiled = re.compile(pattern, flags)
    windowed = [m.span() for start, end in near(text, words, width) for m in compiled.finditer(text, start, end)]
    assert windowed == [m.span() for m in compiled.finditer(text)], (pattern, text)


@pytest.mark.parametrize("pattern", [r"ab$", r"ab\Z", r"(?m)ab$", r"(?:ab$)?c", r"a+b", r"ab(?=c+)",
                                     r"(a)?(?(1)b|c)", "a{401}"])
def test_a_pattern_with_an_end_anchor_or_no_bound_is_sought_everywhere(pattern):
    assert match_width(pattern) is None


@pytest.mark.parametrize(("pattern", "width"), [
    (r"ab", 2), (r"ab\b", 3), (r"\bab", 3), (r"ab(?=c)", 3), (r"ab(?!cd|e)", 4), (r"(?:ab\B)?c", 4),
    (r"(?<=a\b)c", 2), (r"(?<!xyz)ab", 2), (r"ab(?=c\b)", 4), (r"ab(?!c(?=de))", 5),
])
def test_a_window_reaches_what_a_pattern_looks_at_past_its_match(pattern, width):
    """The widest match, and the characters looked at after it: one for a word boundary, a
    look-ahead's widest match (a look-behind looks back, which a window never hides)."""
    assert match_width(pattern) == width


def _rule_sentences() -> dict[str, list[str]]:
    """The rules-by-meaning sentences by language (fire and quiet, every round)."""
    out: dict[str, list[str]] = {}

    def walk(node, lang):
        if isinstance(node, str):
            out.setdefault(lang, []).append(node)
        elif isinstance(node, dict):
            for key in ("text", "replace"):
                if key in node:
                    walk(node[key], lang)
            for key, value in node.items():
                if key not in ("text", "replace", "example", "append", "unchanged"):
                    walk(value, lang)
        elif isinstance(node, list):
            for item in node:
                walk(item, lang)

    for path in sorted((DATA / "rules").glob("*.yaml")):
        walk(yaml.safe_load(path.read_text("utf-8")), path.stem)
    return out


def test_the_filter_changes_no_match_of_the_shipped_rules():
    """Each rule's matches on the rules-by-meaning sentences (in their language and in
    English, as the check reads them, also upper-cased) are those of every pattern searched."""
    sentences = _rule_sentences()
    matched = 0
    for rule in default_rules():
        for lang in rule.patterns:
            for text in sentences.get(lang, []) + sentences["en"]:
                for variant in (text, text.upper()):
                    every = [m.span() for rx in rule.patterns[lang] for m in rx.finditer(variant)]
                    denied = rule.denied(lang, variant) if every else []
                    every = [s for s in every if not any(a <= s[0] and s[1] <= b for a, b in denied)]
                    assert sorted(m.span() for m in rule.find(lang, variant)) == sorted(every), \
                        (rule.code, lang, variant)
                    matched += bool(every)
    assert matched > 500  # the comparison saw matches, not only silence


def test_the_build_holds_the_words_of_every_shipped_pattern(tmp_path, monkeypatch):
    """rule-literals.json is what the code finds now; without it (or made from another pack
    text) the words are found when first needed, and the matches are the same."""
    assert rules_module.LITERALS_FILE.read_text("utf-8") == rule_literals_json()
    data = json.loads(rule_literals_json())
    for rule in default_rules():
        for lang in rule.patterns:
            assert rule.patterns.known[lang] == data["rules"][rule.code][lang]
    assert rules_module._shipped_literals("another pack") == {}
    monkeypatch.setattr(rules_module, "LITERALS_FILE", tmp_path / "missing.json")
    assert rules_module._shipped_literals(rules_module._default_text()) == {}


def test_a_users_pack_is_filtered_with_words_found_when_needed(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text("rules:\n- code: X-001\n  route: ministries\n  patterns:\n"
                    "    en: ['\\bvending\\s+machines?\\b', '\\d+\\s*kiosks?']\n", "utf-8")
    rule = rules_module.load_rules([pack])[-1]
    assert rule.patterns.candidates("en", "The two Sides will visit each other.") == ()
    assert rule.patterns.candidates("en", "VENDING MACHINES and 3 KIOSKS") == (0, 1)
    assert [m.group() for m in rule.find("en", "Two VENDING MACHINES and 3 KIOSKS")] == ["VENDING MACHINES", "3 KIOSKS"]


def _sentences(node) -> list[str]:
    """Every sentence of a rules-by-meaning data file (cases, replacements, nested rounds)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _sentences(value)]
    if isinstance(node, list):
        return [s for item in node for s in _sentences(item)]
    return []


def test_the_rule_screen_keeps_every_rule_that_finds_something():
    """may_match, which spares a rule the texts it cannot match, keeps every rule that finds
    anything, in every language and in English, on the sentences of the rules-by-meaning
    cases (which fire every rule) and on the same sentences folded to lower or upper case."""
    rules = default_rules()
    data = Path(__file__).parent / "data" / "rules"
    texts = [s for f in sorted(data.glob("*.yaml")) for s in _sentences(yaml.safe_load(f.read_text("utf-8")))]
    texts += [t.upper() for t in texts] + [t.lower() for t in texts]
    langs = sorted({lang for rule in rules for lang in rule.patterns})
    kept = 0
    for lang in langs:
        for text, codes in zip(texts, rules_module.may_match(rules, lang, texts)):
            finding = {rule.code for rule in rules if rule.patterns and rule.find(lang, text)}
            assert finding <= codes, (lang, text)
            kept += len(finding)
    assert kept > 300  # (the sentences do fire the rules)
    assert rules_module.may_match(rules, "en", ["Both cities met."]) == [set()]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from("abcde"), max_size=40), st.lists(st.sampled_from("abcdef"), max_size=80),
       st.data())
def test_the_range_matcher_finds_what_difflib_finds(a, b, data):
    ours = RangeMatcher(None, a, b, autojunk=False)
    theirs = difflib.SequenceMatcher(None, a, b, autojunk=False)
    assert ours.get_opcodes() == theirs.get_opcodes()
    alo = data.draw(st.integers(0, len(a)))
    ahi = data.draw(st.integers(alo, len(a)))
    blo = data.draw(st.integers(0, len(b)))
    bhi = data.draw(st.integers(blo, len(b)))
    assert ours.find_longest_match(alo, ahi, blo, bhi) == theirs.find_longest_match(alo, ahi, blo, bhi)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from("abcde"), max_size=30), st.lists(st.sampled_from("abcde"), max_size=30),
       st.lists(st.sampled_from("abcdef"), max_size=60))
def test_the_range_matcher_given_another_first_sequence_finds_what_difflib_finds(a, other, b):
    """The places of pairs of words are found for the first sequence it has: another first
    sequence (set_seq1), or the same list changed in place, is searched as difflib does."""
    ours = RangeMatcher(None, a, b, autojunk=False)
    ours.get_opcodes()
    ours.set_seq1(other)
    assert ours.get_opcodes() == difflib.SequenceMatcher(None, other, b, autojunk=False).get_opcodes()
    other[:] = other[::-1]  # in place: the same list, other pairs
    ours.matching_blocks = ours.opcodes = None
    assert ours.get_opcodes() == difflib.SequenceMatcher(None, other, b, autojunk=False).get_opcodes()


def test_the_range_matcher_with_junk_is_difflibs():
    a, b = list("abcabc" * 40), list("cbacba" * 40)
    assert RangeMatcher(None, a, b).get_opcodes() == difflib.SequenceMatcher(None, a, b).get_opcodes()


def test_the_unit_expressions_left_out_of_a_text_cannot_match_it():
    """For every unit of every shipped lexicon, on the translation corpora's texts (their
    language's and the English, as written and in capitals), each expression that matches a
    text is among those :meth:`UnitLexicon.expressions_in` keeps for it, and the matches of a
    unit in the whole corpus, each expression sought only near its words, are those of every
    expression searched everywhere; the words and widths the build wrote are those found now.
    (The English lexicon is read on the English lines of every corpus.)"""
    from moukit.checking.units import Compiled, unit_lexicon
    from moukit.packs.library import default_library

    library = default_library()
    corpus = _translation_corpus()
    matched = 0
    for lang in library.available():
        lex = unit_lexicon(library.pack(lang))
        if lex is None:
            continue
        assert isinstance(lex.units, Compiled)
        texts = corpus.get(lang, [])
        texts = texts + [t.upper() for t in texts]
        whole = "\n".join(texts)
        for unit in lex.units:
            built = lex.units.needed(unit)
            assert built == tuple(required_literals(p.pattern, p.flags) for p in lex.units[unit])
            assert lex.units.widths(unit) == tuple(match_width(p.pattern, p.flags) for p in lex.units[unit])
            for text in texts:
                kept = lex.expressions_in(unit, text)
                for pattern in lex.units[unit]:
                    if pattern.search(text):
                        matched += 1
                        assert pattern in kept, (lang, unit, pattern.pattern, text)
            every = sorted(m.span() for p in lex.units[unit] for m in p.finditer(whole))
            assert sorted(m.span() for m in lex.matches(unit, whole)) == every, (lang, unit)
    assert matched > 1000


def _translation_corpus() -> dict[str, list[str]]:
    """The lines of the translation corpora by language (ASCII lines as English)."""
    corpus: dict[str, list[str]] = {}
    for path in sorted((DATA / "translations").glob("*/*.yaml")):
        lines = [line.strip(" -'\"") for line in path.read_text("utf-8").splitlines() if line.strip()]
        corpus.setdefault(path.parent.name, []).extend(line for line in lines if not line.isascii())
        corpus.setdefault("en", []).extend(line for line in lines if line.isascii())
    return corpus


def test_a_line_is_searched_for_the_lexicon_names_it_may_hold_and_finds_every_one():
    """The words the build wrote for the other patterns of every shipped lexicon (parties,
    countries, listed wordings, fields, languages, numbers) are those found now; on the
    translation corpora's lines, as written and in capitals, :func:`all_spans`, which searches
    only the patterns whose words a line holds, finds what every pattern searched finds."""
    from moukit.checking.units import all_spans, first_spans, unit_lexicon
    from moukit.packs.library import default_library
    from moukit.packs.shipped import shipped_pack_data

    def entries(node):
        if isinstance(node, dict):
            return [e for value in node.values() for e in entries(value)]
        return [node] if node and isinstance(node[0], str) else [e for item in node for e in entries(item)]

    library = default_library()
    corpus = _translation_corpus()
    found = 0
    for lang in library.available():
        pack = library.pack(lang)
        lex = unit_lexicon(pack)
        if lex is None:
            continue
        data = shipped_pack_data(pack, "units")["lexicon"]
        built = [e for key in ("parties", "countries", "alternatives", "fields", "languages", "numbers")
                 for e in entries(data[key])]
        for source, flags, words in built:
            expected = required_literals(source, flags)
            assert words == (None if expected is None else list(expected)), (lang, source)
        groups = [lex.parties, lex.countries, lex.options_of(lex.alternatives),
                  *lex.fields.values(), *lex.languages.values(), *lex.numbers.values()]
        everything = [p for group in groups for p in group]
        for text in corpus.get(lang, []) + [t.upper() for t in corpus.get(lang, [])]:
            for patterns in groups + [everything]:
                every = first_spans(patterns, text, 10_000, [])
                assert all_spans(patterns, text, []) == every, (lang, text)
                found += len(every)
    assert found > 1000  # (the lines do name parties, countries and values)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["ab", "sa", "İ", "ſ", "ญา", "文", "a文", "x"]), min_size=1, max_size=4),
       st.text(alphabet="abisAISİıſσΣς .x文ญา", max_size=30), st.booleans())
def test_the_screen_by_script_never_hides_a_match(words, text, ignore_case):
    """A pattern whose words are all beyond ASCII, or all hold an ASCII letter, is told it
    cannot match an ASCII text, or a text without such a letter, only when it cannot."""
    from moukit.text.literals import may_match

    regex = re.compile("|".join(map(re.escape, words)), re.IGNORECASE if ignore_case else 0)
    if regex.search(text):
        assert may_match(regex, text), (regex.pattern, text)
