"""Words a regular expression cannot match without: a fast test before a slow search.

The rule packs' English patterns start with ``\\b`` and are searched without regard to case,
so the regex engine can skip nothing: it tries every pattern at every position of a text
(about 100 microseconds for a paragraph, a third of the check of a long draft). Most texts
hold none of the words a rule is about. :func:`required_literals` reads a pattern's syntax
tree (the regex engine's own parser) and returns strings of which every match must contain
one; when a text contains none of them (compared through :func:`fold`), the pattern cannot
match it and is not searched. Tools such as RE2 and Hyperscan filter the same way.

The test must never hide a match, so:

- :func:`fold` maps two characters to the same character whenever the regex engine's
  case-insensitive matching takes one for the other: the engine's own lower-case mapping
  for each code point (``İ`` is ``i``; ``str.lower`` makes it two characters) and its table
  of further equal letters (long ``ſ`` and ``s``, dotless ``ı`` and ``i``, the Greek and
  Cyrillic variants). A match with or without case, ASCII-only or not, always matches the
  folded strings.
- Zero-width parts (``\\b``, look-arounds) keep literals adjacent; a class of listed
  characters is a choice of one-letter strings; anything optional, a wider class, a
  back-reference or a part the parser names in a way not listed here ends a run
  of literals and adds nothing. A pattern with no required literal gives ``None``: always
  searched.

>>> required_literals(r"\\b(?:shall|will)\\s+(?:also\\s+)?ensure\\b")
('ensure',)
>>> required_literals(r"\\bno\\s+(?:binding\\s+)?(?:force|effect)\\b", re.IGNORECASE)
('effect', 'force')
>>> required_literals(r"\\w+") is None
True
>>> fold("İSTANBUL ſtreet")
'istanbul street'
"""

from __future__ import annotations

import _sre
import importlib
import re
import sys
from collections.abc import Iterable
from functools import lru_cache

from . import casing

# the regex engine's parser (its modules were renamed in Python 3.11)
_NEW = sys.version_info >= (3, 11)
_sre_parse = importlib.import_module("re._parser" if _NEW else "sre_parse")
_sre_constants = importlib.import_module("re._constants" if _NEW else "sre_constants")

_LITERAL = _sre_constants.LITERAL
_ZERO_WIDTH = {_sre_constants.AT, _sre_constants.ASSERT, _sre_constants.ASSERT_NOT}
_REPEATS = {_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT,
            getattr(_sre_constants, "POSSESSIVE_REPEAT", _sre_constants.MAX_REPEAT)}
_ATOMIC = getattr(_sre_constants, "ATOMIC_GROUP", None)


def _extra_cases() -> dict[int, tuple[int, ...]]:
    """The regex engine's letters that match without regard to case beyond the lower-case
    mapping (lower-case code point -> the others), or {} when this interpreter hides them."""
    try:
        if _NEW:
            return dict(importlib.import_module("re._casefix")._EXTRA_CASES)
        return dict(importlib.import_module("sre_compile")._ignorecase_fixes)  # pragma: no cover
    except (ImportError, AttributeError):  # pragma: no cover - another interpreter
        return {}


def _canonical_table() -> dict[int, str]:
    """Each letter of a class of equal letters -> the class's smallest member."""
    classes: dict[int, set[int]] = {}
    for lower, others in _extra_cases().items():
        group = {lower, *others}
        for code in list(group):
            group |= classes.get(code, set())
        for code in group:
            classes[code] = group
    return {code: chr(min(group)) for code, group in classes.items() if min(group) != code}


_CANONICAL = _canonical_table()
_NEEDS_CANONICAL = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CANONICAL)) + "]") \
    if _CANONICAL else None
_SUPPORTED = bool(_CANONICAL)  # without the engine's table, no test is safe: search everything


def fold(text: str) -> str:
    """``text`` with each character replaced by one that stands for every character the
    regex engine matches it to when case is ignored (same length as ``text``).

    >>> fold("ΣΊΣΥΦΟΣ \u212aelvin")  # σ and final ς are one letter to the engine; the Kelvin sign is k
    'ςίςυφος kelvin'
    """
    lowered = casing.fold(text)  # İ is i to the engine too
    if len(lowered) != len(text):  # another letter lower-cased to two: the engine's mapping
        lowered = "".join(chr(_sre.unicode_tolower(ord(c))) for c in text)
    text = lowered
    if _NEEDS_CANONICAL is not None and _NEEDS_CANONICAL.search(text):
        text = text.translate(_CANONICAL)
    return text


@lru_cache(maxsize=4096)
def folded(text: str) -> str:
    """:func:`fold` of ``text``, kept for the texts read last (each is read by every rule)."""
    return fold(text)


@lru_cache(maxsize=4096)
def required_literals(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Folded strings (sorted) of which every match of ``pattern`` contains at least one, or
    ``None`` when the pattern has no such set (or cannot be read)."""
    if not _SUPPORTED:
        return None
    try:
        tree = _sre_parse.parse(pattern, flags)
        found = _sequence(list(tree))
    except Exception:  # noqa: BLE001 - any surprise in the parser's tree: no filter, search
        return None
    return tuple(sorted(found)) if found else None


_GIVEN: dict[tuple[str, int], tuple[str, ...] | None] = {}  # (pattern, flags) -> its words, found at build time


def given_literals(pattern: str, flags: int, words: Iterable[str] | None) -> None:
    """Screen ``pattern`` by ``words``, its :func:`required_literals` found at build time
    (kept with a shipped pack's data: a check need not read the pattern again)."""
    _GIVEN[(pattern, flags)] = None if words is None else tuple(words)


def may_match(regex: re.Pattern, text: str) -> bool:
    """False when ``regex`` cannot match ``text``: it needs a word ``text`` does not hold.

    >>> may_match(re.compile(r"(?<![\\w-])(?:programme|centre)s?\\b", re.IGNORECASE), "The PROGRAMMES")
    True
    >>> may_match(re.compile(r"(?<![\\w-])(?:programme|centre)s?\\b", re.IGNORECASE), "The programs")
    False
    """
    screen = _screen(regex.pattern, regex.flags) if isinstance(regex.pattern, str) else None
    if screen is None:
        return True
    needed, script = screen
    text = folded(text)
    if script == _NOT_ASCII and text.isascii():  # (told without reading the text)
        return False
    if script == _LATIN and not _has_latin_letter(text):
        return False
    for word in needed:  # (a loop: no generator to resume for each word)
        if word in text:
            return True
    return False


def those_that_may_match(patterns: Iterable[re.Pattern], text: str) -> list[re.Pattern]:
    """The ``patterns`` that may match ``text``: :func:`may_match` of each, with the text
    folded and its scripts told once for all (a line is screened for a pack's hundred names).

    >>> those_that_may_match([re.compile("centre"), re.compile(r"\\d+"), re.compile("ไทย")], "the centre")
    [re.compile('centre'), re.compile('\\\\d+')]
    """
    out = []
    folded_text = ""
    ascii_text = latin = None
    for regex in patterns:
        pattern = regex.pattern
        screen = _screen(pattern, regex.flags) if isinstance(pattern, str) else None
        if screen is None:
            out.append(regex)
            continue
        needed, script = screen
        if ascii_text is None:
            folded_text = folded(text)
            ascii_text = folded_text.isascii()
        if script == _NOT_ASCII and ascii_text:
            continue
        if script == _LATIN:
            latin = _has_latin_letter(folded_text) if latin is None else latin
            if not latin:
                continue
        for word in needed:
            if word in folded_text:
                out.append(regex)
                break
    return out


_NOT_ASCII, _LATIN = "not ascii", "latin"  # every needed word has a character beyond ASCII; an ASCII letter
_LATIN_LETTER = re.compile("[a-z]")  # (in a folded text, letters are lower-case)


@lru_cache(maxsize=4096)
def _screen(pattern: str, flags: int) -> tuple[tuple[str, ...], str | None] | None:
    """:func:`required_literals` of a pattern, and what every one of them holds that a text
    can be seen to lack at little cost: a character beyond ASCII (an ASCII text), or an
    ASCII letter (a Thai or Chinese paragraph); None (neither), or no required literal."""
    key = (pattern, flags)
    needed = _GIVEN[key] if key in _GIVEN else required_literals(pattern, flags)
    if needed is None:
        return None
    if not any(word.isascii() for word in needed):
        return needed, _NOT_ASCII
    if all(_LATIN_LETTER.search(word) for word in needed):
        return needed, _LATIN
    return needed, None


@lru_cache(maxsize=4096)
def _has_latin_letter(folded_text: str) -> bool:
    """Whether a folded text holds an ASCII letter (kept for the texts read last)."""
    return _LATIN_LETTER.search(folded_text) is not None


# A match is found the same in a window of the text as in the whole text when the window
# holds the match and every character the pattern looks at beyond it: a word boundary (\b,
# \B) looks at one character after the place it stands, a look-ahead at as many as it can
# match; a look-behind, or \b at the match's start, looks before it, which a window never
# hides (``finditer(text, start)`` reads the characters before ``start``). An end anchor ($,
# \Z) takes the window's end for the text's: a pattern with one is searched everywhere.
_ONE_AHEAD = {getattr(_sre_constants, name) for name in (
    "AT_BOUNDARY", "AT_NON_BOUNDARY", "AT_LOC_BOUNDARY", "AT_LOC_NON_BOUNDARY", "AT_UNI_BOUNDARY",
    "AT_UNI_NON_BOUNDARY") if hasattr(_sre_constants, name)}
_AT_END = {getattr(_sre_constants, name) for name in ("AT_END", "AT_END_LINE", "AT_END_STRING")
           if hasattr(_sre_constants, name)}
WIDEST = 400  # a pattern whose match may be wider is searched in the whole text


@lru_cache(maxsize=4096)
def match_width(pattern: str, flags: int = 0) -> int | None:
    """How far from each of its words a match of ``pattern``, and every character it looks at,
    can reach (:func:`near`): its widest match and the characters it looks at past its end
    (one for ``\\b``, a look-ahead's widest match); None when that may be more than
    :data:`WIDEST`, or when the pattern has an end anchor (``$``) or cannot be read.

    >>> match_width(r"(?<!ไม่)(?:ส่งเสริม|สนับสนุน)(?:ความ)?ร่วมมือ"), match_width(r"visits?\\b")
    (19, 7)
    >>> match_width(r"แน่นแฟ้น(?!ยิ่งขึ้น)"), match_width(r"ab$"), match_width(r"a+b")
    (16, None, None)
    """
    try:
        tree = _sre_parse.parse(pattern, flags)
        ahead = _ahead(list(tree))
        widest = tree.getwidth()[1]
    except Exception:  # noqa: BLE001 - any surprise in the parser's tree: search the whole text
        return None
    if ahead is None or not 0 < widest <= WIDEST - ahead:
        return None
    return widest + ahead


def near(text: str, words: tuple[str, ...], width: int) -> list[tuple[int, int]]:
    """The spans of ``text`` (merged, in order) within ``width`` characters of each place
    where it holds one of ``words`` (compared folded): a match of a pattern that needs one of
    ``words`` and is at most ``width`` wide lies wholly inside one of them.

    >>> near("the two cities and the two provinces", ("cit",), 6)
    [(5, 14)]
    """
    haystack = folded(text)
    spans = []
    for word in words:
        at = haystack.find(word)
        while at >= 0:
            spans.append((max(0, at + len(word) - width), min(len(text), at + width)))
            at = haystack.find(word, at + 1)
    return joined(spans)


def joined(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` in order, those that overlap or touch made one.

    >>> joined([(5, 9), (0, 2), (2, 4), (8, 12)])
    [(0, 4), (5, 12)]
    """
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _ahead(items: list) -> int | None:
    """The most characters parsed items look at past the farthest place they reach (0: none);
    None for an end anchor, a conditional or a look-ahead of no bound."""
    most = 0
    for op, av in items:
        if op == _sre_constants.AT:
            if av in _AT_END:
                return None
            found: int | None = 1 if av in _ONE_AHEAD else 0
        elif op in (_sre_constants.ASSERT, _sre_constants.ASSERT_NOT):
            direction, inner = av
            found = _ahead(list(inner))  # (a look-behind ends where it stands)
            if found is not None and direction >= 0:
                found += inner.getwidth()[1]  # a look-ahead starts where it stands
        elif op == _sre_constants.BRANCH:
            reaches = [_ahead(list(branch)) for branch in av[1]]
            found = None if None in reaches else max((r for r in reaches if r is not None), default=0)
        elif op == _sre_constants.SUBPATTERN:
            found = _ahead(list(av[-1]))
        elif op in _REPEATS:
            found = _ahead(list(av[2]))
        elif op == _ATOMIC:
            found = _ahead(list(av))
        elif op == _sre_constants.GROUPREF_EXISTS:
            return None  # a conditional: not read further
        else:
            continue
        if found is None or found > WIDEST:
            return None
        most = max(most, found)
    return most


def _sequence(items: list) -> frozenset[str] | None:
    """The best required set of a sequence of parsed items: each run of adjacent literals is
    one candidate, each required group another; the most selective one wins."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op == _LITERAL:
            run.append(fold(chr(av)))
            continue
        if op in _ZERO_WIDTH:
            continue  # takes no characters: the literals around it stay adjacent
        if run:
            candidates.append(frozenset(["".join(run)]))
            run = []
        found = _item(op, av)
        if found:
            candidates.append(found)
    if run:
        candidates.append(frozenset(["".join(run)]))
    return max(candidates, key=_selectivity, default=None)


def _item(op, av) -> frozenset[str] | None:
    """The required set of one parsed item that is not a literal, or None."""
    if op == _sre_constants.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op == _ATOMIC:
        return _sequence(list(av))
    if op == _sre_constants.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _sequence(list(branch))
            if not found:
                return None  # one branch needs no literal: neither does the choice
            union |= found
        return frozenset(union)
    if op in _REPEATS:
        low, _, body = av
        return _sequence(list(body)) if low >= 1 else None
    if op == _sre_constants.IN and av and all(kind == _LITERAL for kind, _ in av):
        return frozenset(fold(chr(code)) for _, code in av)  # a class of listed characters
    return None  # any character, a wider class, a back-reference, a conditional: no literal


def _selectivity(found: frozenset[str]) -> tuple[int, int]:
    """Longer shortest strings first, then fewer strings."""
    return min(len(s) for s in found), -len(found)
