"""The meaning units and values of a clause, found in a text of any language.

A language pack says, in its ``units.yaml``, how its language may express each meaning unit
of the forms (``forms/units.yaml``), the other wordings it accepts for the listed
alternatives, the fields of cooperation and the names of languages, and its function words.
This module reads that file into a :class:`UnitLexicon` and finds units and values in a
clause's *matchable* text: normalised as the check normalises, without spaces in the
languages written without them (Thai, Chinese, Japanese), lower-case elsewhere.

Every find returns the spans it covers, so that what is left of a clause once its units and
values are found can be weighed as possibly added meaning.

>>> from moukit.packs import default_library
>>> lex = unit_lexicon(default_library().pack("en"))
>>> text = matchable("The Participants will also encourage the exchange of visits.", "en")
>>> [unit for unit in ("encourage", "exchange_of_visits", "officials") if lex.find(unit, text)]
['encourage', 'exchange_of_visits']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .._kept import Kept
from ..errors import TemplateError
from ..i18n import N_
from ..text import literals, regex_cache
from ..text.casing import dotted_i, lower
from ..text.normalize import clean
from .positions import cjk_number

NO_SPACE = ("th", "zh", "ja", "my")  # spaces are not between words (Burmese: between phrases): removed
GAP = ".{0,20}?"  # what "…" stands for in an expression
Span = tuple[int, int]


@lru_cache(maxsize=4096)
def matchable(text: str, lang: str) -> str:
    """``text`` as expressions are matched against: normalised, and without spaces in th, zh,
    ja and my (where spaces are editorial), lower-case with single spaces elsewhere.

    >>> matchable("ทั้ง  สองฝ่าย จะ", "th"), matchable("The  Two Sides", "en"), matchable("İKİ TARAF", "tr")
    ('ทั้งสองฝ่ายจะ', 'the two sides', 'iki taraf')
    """
    if dotted_i(lang):  # Turkish small letters first: the folding of words in capitals is not Turkish
        text = lower(text, lang)
    text = clean(text)
    return re.sub(r"\s+", "", text) if lang in NO_SPACE else lower(text, lang)  # Turkish I -> ı


# A gap in an expression: "…", or any character class repeated ("[^，。]{0,8}?", ".{0,30}", "\w+")
_GAP_SYNTAX = re.compile(r"(?<!\\)(?:\.|\[(?:\\.|[^\]])*\]|\\[wWsSdD])(?:\{\d*,?\d*\}|\*|\+)\??")


def _gapped(source: str) -> str:
    """``source`` with every gap in a group of its own (``gap0``, ``gap1``…), so that what a
    match covers can be told from what it merely skips (see :func:`covered`).

    >>> _gapped("保持[^，。]{0,8}?直接")
    '保持(?P<gap0>[^，。]{0,8}?)直接'
    """
    source = source.replace("…", GAP)
    count = iter(range(1000))
    return _GAP_SYNTAX.sub(lambda m: f"(?P<gap{next(count)}>{m.group(0)})", source)


def covered(match: re.Match) -> list[Span]:
    """The parts of ``match`` its expression's words cover: the match without its gaps."""
    pieces = [match.span()]
    for name, value in match.groupdict().items():
        if value is None or not name.startswith("gap"):
            continue
        start, end = match.span(name)
        out = []
        for a, b in pieces:
            out += [(a, min(b, start)), (max(a, end), b)] if a < end and start < b else [(a, b)]
        pieces = [(a, b) for a, b in out if b > a]
    return pieces


def _compile(expressions, lang: str, where: str) -> tuple[re.Pattern, ...]:
    out = []
    for expression in expressions or ():
        text = str(expression)
        if lang in NO_SPACE:
            text = re.sub(r"\s+", "", text)
        try:
            out.append(regex_cache.compile(_gapped(text), re.IGNORECASE | re.MULTILINE))
        except re.error as exc:
            raise TemplateError(N_("units.yaml: bad expression {text!r} for {where}: {error}",
                                   text=text, where=where, error=str(exc))) from None
    return tuple(out)


def _literal(words, lang: str) -> tuple[re.Pattern, ...]:
    """Patterns for plain words (the lexicon's), matched as they are normalised."""
    return tuple(regex_cache.compile(re.escape(matchable(str(w), lang)), re.IGNORECASE)
                 for w in words if str(w).strip())


class Compiled(Mapping):
    """Expressions by unit, and the words each needs (:mod:`moukit.text.literals`; found at
    build time for a shipped pack, else when first asked). An expression whose words and width
    are known is compiled when a text first holds its words (a check searches about a third
    of the form's expressions); the others with all of their unit's, when it is first looked
    for (so that a pack's bad expression is reported then)."""

    def __init__(self, sources: dict, lang: str, needed: dict | None = None, widths: dict | None = None) -> None:
        self._sources, self._lang = sources, lang
        self._compiled: dict[str, tuple[re.Pattern, ...]] = {}
        self._one: dict[tuple[str, int], re.Pattern] = {}  # (unit, index) -> an expression compiled alone
        self._needed: dict[str, tuple] = {name: tuple(None if words is None else tuple(words) for words in found)
                                          for name, found in (needed or {}).items()}
        self._widths: dict[str, tuple] = {name: tuple(found) for name, found in (widths or {}).items()}

    def __getitem__(self, name: str) -> tuple[re.Pattern, ...]:
        if name not in self._compiled:
            self._compiled[name] = _compile(self._sources[name], self._lang, name)
        return self._compiled[name]

    def __contains__(self, name: object) -> bool:
        return name in self._sources  # (Mapping's would compile the unit's expressions)

    def _known(self, name: str) -> bool:
        """Whether the words and width of each expression of unit ``name`` came with it."""
        count = len(self._sources[name] or ())
        return len(self._needed.get(name, ())) == count and len(self._widths.get(name, ())) == count

    def expression(self, name: str, index: int) -> re.Pattern:
        """Expression ``index`` of unit ``name``, compiled."""
        if name in self._compiled or not self._known(name):
            return self[name][index]
        found = self._one.get((name, index))
        if found is None:
            found = self._one[(name, index)] = _compile([self._sources[name][index]], self._lang, name)[0]
        return found

    def needed(self, name: str) -> tuple[tuple[str, ...] | None, ...]:
        """For each expression of unit ``name``: the words one of which its every match holds,
        or None (no such words)."""
        if name not in self._needed or len(self._needed[name]) != len(self._sources[name] or ()):
            self._needed[name] = tuple(literals.required_literals(p.pattern, p.flags) for p in self[name])
        return self._needed[name]

    def widths(self, name: str) -> tuple[int | None, ...]:
        """For each expression of unit ``name``: how far from its words its matches, and what
        they look at past their end, can reach, when they can be sought near its words
        (:func:`moukit.text.literals.match_width`)."""
        if name not in self._widths or len(self._widths[name]) != len(self._sources[name] or ()):
            self._widths[name] = tuple(literals.match_width(p.pattern, p.flags) for p in self[name])
        return self._widths[name]

    def matches(self, name: str, text: str) -> Iterator[re.Match]:
        """Every match of each expression of unit ``name`` in ``text``, one expression after
        the other: none sought in a text without its words, and a narrow one sought only
        near them (:func:`moukit.text.literals.near`; the same matches)."""
        folded = None
        for index, (words, width) in enumerate(zip(self.needed(name), self.widths(name))):
            if words is None:
                yield from self.expression(name, index).finditer(text)
            elif width is None:
                folded = literals.folded(text) if folded is None else folded
                if any(word in folded for word in words):
                    yield from self.expression(name, index).finditer(text)
            else:
                for start, end in literals.near(text, words, width):
                    yield from self.expression(name, index).finditer(text, start, end)

    def in_text(self, name: str, text: str) -> list[re.Pattern]:
        """The expressions of unit ``name`` that may match ``text`` (the others need a word it
        does not hold)."""
        folded = None
        out = []
        for index, words in enumerate(self.needed(name)):
            if words is not None:
                folded = literals.folded(text) if folded is None else folded
                if not any(word in folded for word in words):
                    continue
            out.append(self.expression(name, index))
        return out

    def __iter__(self):
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


@dataclass
class UnitLexicon:
    """How one language expresses the units and values of the forms (see the module doc)."""

    lang: str
    units: Mapping[str, tuple[re.Pattern, ...]]
    alternatives: dict[str, dict[str, tuple[re.Pattern, ...]]]  # name -> option -> patterns
    parties: tuple[re.Pattern, ...]
    fields: dict[str, tuple[re.Pattern, ...]]  # field id -> patterns
    languages: dict[str, tuple[re.Pattern, ...]]  # language code -> patterns
    numbers: dict[int, tuple[re.Pattern, ...]]  # number -> patterns of its words
    function_words: tuple[str, ...]  # longest first
    countries: tuple[re.Pattern, ...] = field(default_factory=tuple)
    locale: str = "en"  # the pack's locale (month names of its dates)
    year_words: tuple[str, ...] = ()  # how a term's number of years is followed (年, ปี, năm)
    # answers about the texts read last (moukit.checking.translation keeps the units each
    # clause expresses: a batch meets the same clauses draft after draft)
    kept: Kept = field(default_factory=lambda: Kept(8192), repr=False, compare=False)

    def to_data(self) -> dict:
        """The lexicon as JSON data (each pattern as its source and flags), for :meth:`from_data`."""
        def sources(patterns) -> list:  # (with the words each needs: a line is screened by them)
            return [[p.pattern, p.flags, _listed(literals.required_literals(p.pattern, p.flags))] for p in patterns]

        assert isinstance(self.units, Compiled), "a lexicon's units are the expressions of its units.yaml"
        return {"units": {name: list(exprs) for name, exprs in self.units._sources.items()},
                "needed": {name: [_listed(words) for words in self.units.needed(name)]
                           for name in self.units._sources},
                "widths": {name: list(self.units.widths(name)) for name in self.units._sources},
                "alternatives": {name: {option: sources(ps) for option, ps in options.items()}
                                 for name, options in self.alternatives.items()},
                "parties": sources(self.parties),
                "fields": {key: sources(ps) for key, ps in self.fields.items()},
                "languages": {key: sources(ps) for key, ps in self.languages.items()},
                "numbers": {str(n): sources(ps) for n, ps in self.numbers.items()},
                "function_words": list(self.function_words), "countries": sources(self.countries),
                "locale": self.locale, "year_words": list(self.year_words)}

    @classmethod
    def from_data(cls, lang: str, data: dict) -> UnitLexicon:
        """The lexicon :meth:`to_data` wrote (its patterns from the compiled-pattern cache)."""
        def compiled(entries) -> tuple[re.Pattern, ...]:  # [source, flags, the words it needs]
            for source, flags, *words in entries:
                if words:  # (data written before the words were kept has none)
                    literals.given_literals(source, flags, words[0])
            return tuple(regex_cache.compile(entry[0], entry[1]) for entry in entries)

        return cls(lang, Compiled(data["units"], lang, data.get("needed"), data.get("widths")),
                   {name: {option: compiled(ps) for option, ps in options.items()}
                    for name, options in data["alternatives"].items()},
                   compiled(data["parties"]),
                   {key: compiled(ps) for key, ps in data["fields"].items()},
                   {key: compiled(ps) for key, ps in data["languages"].items()},
                   {int(n): compiled(ps) for n, ps in data["numbers"].items()},
                   tuple(data["function_words"]), compiled(data["countries"]), data["locale"],
                   tuple(data["year_words"]))

    def options_of(self, names) -> tuple[re.Pattern, ...]:
        """The patterns of every option of the listed alternatives ``names``."""
        return tuple(p for name in names for ps in (self.alternatives.get(name) or {}).values() for p in ps)

    @cached_property
    def long_function_words_by_start(self) -> dict[str, tuple[int, ...]]:
        """Where the function words of two characters or more are in :attr:`function_words`,
        by their first character (a text holds only those that start with one of its own)."""
        out: dict[str, list[int]] = {}
        for index, word in enumerate(self.function_words):
            if len(word) > 1:
                out.setdefault(word[0], []).append(index)
        return {start: tuple(indices) for start, indices in out.items()}

    @cached_property
    def function_word_set(self) -> frozenset[str]:
        """The function words as a set (for the languages written with spaces)."""
        return frozenset(self.function_words)

    def find(self, unit: str, text: str, taken: list[Span] | None = None) -> list[Span]:
        """The span of the first find of ``unit`` in matchable ``text`` outside the spans
        already ``taken`` (an empty list when there is none)."""
        return first_spans(self.expressions_in(unit, text), text, 1, taken or [])

    def matches(self, unit: str, text: str) -> Iterator[re.Match]:
        """Every match of the expressions of ``unit`` in ``text`` (:meth:`Compiled.matches`)."""
        if isinstance(self.units, Compiled):
            return self.units.matches(unit, text) if unit in self.units else iter(())
        return (m for p in self.units.get(unit, ()) for m in p.finditer(text))

    def expressions_in(self, unit: str, text: str) -> tuple[re.Pattern, ...] | list[re.Pattern]:
        """The expressions of ``unit`` that may match ``text`` (:meth:`Compiled.in_text`)."""
        if isinstance(self.units, Compiled):
            return self.units.in_text(unit, text) if unit in self.units else ()
        return self.units.get(unit, ())


def _listed(words: tuple[str, ...] | None) -> list[str] | None:
    return None if words is None else list(words)


def first_spans(patterns, text: str, count: int, taken: list[Span]) -> list[Span]:
    """Up to ``count`` non-overlapping spans where one of ``patterns`` matches, leftmost first,
    none overlapping ``taken``."""
    found: list[Span] = []
    candidates = sorted(((m.start(), m.end()) for p in patterns for m in p.finditer(text)
                         if m.end() > m.start()), key=lambda s: (s[0], -s[1]))
    for start, end in candidates:
        if len(found) >= count:
            break
        if any(start < e and s < end for s, e in taken + found):
            continue
        found.append((start, end))
    return found


def all_spans(patterns, text: str, taken: list[Span]) -> list[Span]:
    """Every non-overlapping span where one of ``patterns`` matches, outside ``taken`` (a
    pattern that needs a word ``text`` lacks is not searched: a line of a title or signing
    clause is read for every country and party name of its pack)."""
    return first_spans(literals.those_that_may_match(patterns, text), text, 10_000, taken)


@lru_cache(maxsize=64)
def unit_lexicon(pack) -> UnitLexicon | None:
    """The unit lexicon of a language pack; None when the pack has no ``units.yaml`` (its
    versions are then compared word by word with its own wording, as the English form is).
    For a shipped pack, as read at build time (:func:`moukit.packs.shipped.shipped_pack_data`:
    no YAML to parse, no word to normalise)."""
    from ..packs.shipped import shipped_pack_data

    found = shipped_pack_data(pack, "units")
    if found is not None:
        for locale, names in (found.get("months") or {}).items():
            _BUILT_MONTHS.setdefault((locale, pack.lang), tuple((name, number) for name, number in names))
        return UnitLexicon.from_data(pack.lang, found["lexicon"]) if found["lexicon"] is not None else None
    return computed_unit_lexicon(pack)


def computed_unit_lexicon(pack) -> UnitLexicon | None:
    """What :func:`unit_lexicon` is, read from the pack's ``units.yaml`` and lexicon."""
    data = pack.units_data()
    if data is None:
        return None
    lang, lexicon = pack.lang, pack.lexicon
    units = Compiled({name: exprs for name, exprs in (data.get("units") or {}).items()}, lang)
    extra = data.get("alternatives") or {}
    alternatives: dict[str, dict[str, tuple[re.Pattern, ...]]] = {}
    for name, options in (lexicon.get("alternatives") or {}).items():
        provincial = (lexicon.get("provincial_alternatives") or {}).get(name) or {}
        alternatives[name] = {
            option: _literal([word, provincial.get(option, "")], lang)
            + _compile((extra.get(name) or {}).get(option) if isinstance(extra.get(name), dict) else (),
                       lang, f"alternatives.{name}.{option}")
            for option, word in (options or {}).items()}
    parties = tuple(p for patterns in alternatives.get("parties", {}).values() for p in patterns)
    parties += _compile(extra.get("parties") if isinstance(extra.get("parties"), list) else (),
                        lang, "alternatives.parties")
    fields = {fid: _literal([word], lang) + _compile((data.get("fields") or {}).get(fid), lang, fid)
              for fid, word in (lexicon.get("fields") or {}).items()}
    names = dict(lexicon.get("languages") or {})
    languages = {code: _literal([names.get(code, "")], lang)
                 + _compile((data.get("languages") or {}).get(code), lang, code)
                 for code in sorted(set(names) | set(data.get("languages") or {}))}
    numbers: dict[int, tuple[re.Pattern, ...]] = {}
    for n, word in enumerate(lexicon.get("number_words") or []):
        numbers[n] = _literal([word], lang)
    for n, words in (data.get("numbers") or {}).items():
        numbers[int(n)] = numbers.get(int(n), ()) + _compile(words, lang, f"numbers.{n}")
    countries = _literal((lexicon.get("countries") or {}).values(), lang)
    function_words = tuple(regex_cache.longest_first({matchable(str(w), lang) for w in data.get("function_words") or ()
                                   if str(w).strip()}))
    year_words = tuple(regex_cache.longest_first({w for w in re.split(r"\{\w+\}|\s+|-", matchable(
        str(lexicon.get("term_years", "")), lang)) if re.search(r"\w", w)}
        | {matchable(str(w), lang) for w in data.get("years") or ()}))
    return UnitLexicon(lang, units, alternatives, parties, fields, languages, numbers,
                       function_words, countries, str(lexicon.get("locale") or lang), year_words)


# ----------------------------------------------------------------------------- dates

_ERA = {"令和": 2018, "平成": 1988}
_NUMERIC = [
    # 2026-11-22, 2026/11/22, 2026.11.22, 2026. 11. 22. (Korean)
    (regex_cache.compile(r"(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})(?!\d)\.?"), None),
    # 22/11/2026, 22.11.2026, 22-11-2569
    (regex_cache.compile(r"(?<!\d)(?P<d>\d{1,2})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<y>\d{4})"), None),
    # 2026年11月22日, 令和8年11月22日, 2026년 11월 22일
    (regex_cache.compile(r"(?:(?P<era>令和|平成)(?P<ey>\d{1,2})\s*年\s*[（(]\s*(?:西暦)?\s*\d{4}\s*年?\s*[)）]|"
                          r"(?P<y>\d{4})\s*[年년]\s*(?:[（(]\s*(?:令和|平成)\s*\d{1,2}\s*年?\s*[)）])?|"
                          r"(?P<era2>令和|平成)(?P<ey2>\d{1,2})\s*年)"
                          r"\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]?"), None),
    # ngày 22 tháng 11 năm 2026
    (regex_cache.compile(r"(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*(?:năm|,)?\s*(?P<y>\d{4})"), None),
]


_CJK_DIGIT = {ch: n for n, ch in enumerate("〇一二三四五六七八九")} | {"零": 0}
_CJK_DATE = regex_cache.compile(r"(?P<era>令和|平成)?(?P<y>[〇零一二三四五六七八九十]{1,4})\s*年"
                                r"\s*(?P<m>[一二三四五六七八九十]{1,3})\s*月\s*(?P<d>[一二三四五六七八九十]{1,3})\s*[日号]")


# Vietnamese months written in words, as official documents may: tháng Sáu, tháng Mười Hai
_VI_MONTHS = ["giêng", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một", "chạp"]
_VI_MONTH_WORDS = {**{w: w for w in _VI_MONTHS}, "một": "giêng", "bốn": "tư", "mười hai": "chạp"}
_VI_DATE = re.compile(r"(?P<d>\d{1,2})\s*tháng\s*(?P<m>" + "|".join(
    regex_cache.longest_first(_VI_MONTH_WORDS)) + r")\s*(?:năm|,)?\s*(?P<y>\d{4})", re.IGNORECASE)


# month names computed at build time, by (locale, language): a shipped pack's unit lexicon
# brings those of its language (units-<lang>.json), so that a date is read without babel's
# locale data (20 ms to load)
_BUILT_MONTHS: dict[tuple[str, str], tuple[tuple[str, int], ...]] = {}


@lru_cache(maxsize=16)
def _month_names(locale: str, lang: str) -> tuple[tuple[str, int], ...]:
    """(matchable month name, month number) of a locale, longest first: wide and abbreviated."""
    built = _BUILT_MONTHS.get((locale, lang))
    if built is not None:
        return built
    return computed_month_names(locale, lang)


def computed_month_names(locale: str, lang: str) -> tuple[tuple[str, int], ...]:
    """What :func:`_month_names` is, read from babel's locale data."""
    from babel import Locale

    names: dict[str, int] = {}
    loc = Locale.parse(locale)
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in loc.months[context][width].items():
                key = matchable(name, lang)
                if len(key.strip(".")) >= 3:
                    names.setdefault(key, number)
    if lang == "th":
        from pythainlp.util import thai_strftime

        for number in range(1, 13):
            day = dt.datetime(2020, number, 1)
            for pattern in ("%B", "%b"):
                names.setdefault(matchable(thai_strftime(day, pattern), lang), number)
    return tuple(sorted(names.items(), key=lambda kv: -len(kv[0])))


def find_dates(text: str, lang: str, locale: str) -> list[tuple[dt.date, Span]]:
    """Every date written in matchable ``text`` (numeric forms, CJK and Korean forms,
    Vietnamese "ngày .. tháng .. năm ..", day-month-year and (Burmese) year-month-day with month
    names; Buddhist-Era and Japanese-era years are converted), with its span.

    >>> [d.isoformat() for d, _ in find_dates(matchable("เมื่อวันที่ 15 กันยายน พ.ศ. 2569", "th"), "th", "th")]
    ['2026-09-15']
    >>> [d.isoformat() for d, _ in find_dates("二〇二六年九月十五日订于清迈", "zh", "zh")]
    ['2026-09-15']
    >>> [d.isoformat() for d, _ in find_dates("令和八年十一月二十二日に", "ja", "ja")]
    ['2026-11-22']
    >>> [d.isoformat() for d, _ in find_dates(matchable("၂၀၂၇ ခုနှစ်၊ မတ်လ ၁၈ ရက်နေ့တွင်", "my"), "my", "my_MM")]
    ['2027-03-18']
    """
    found: list[tuple[dt.date, Span]] = []
    taken: list[Span] = []
    if "年" not in text and not _FOUR_DIGITS.search(text):
        return found  # every form below has a year of four digits, or 年

    def add(year: int, month: int, day: int, span: Span, era: str | None = None) -> None:
        if era:
            year += _ERA[era]
        elif year > 2400:
            year -= 543  # Buddhist Era
        try:
            date = dt.date(year, month, day)
        except ValueError:
            return
        if not any(span[0] < e and s < span[1] for s, e in taken):
            found.append((date, span))
            taken.append(span)

    for pattern, _ in _NUMERIC:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            era = groups.get("era") or groups.get("era2")
            year = groups.get("y") or groups.get("ey") or groups.get("ey2")
            add(int(year), int(groups["m"]), int(groups["d"]), m.span(), era if not groups.get("y") else None)
    for m in _VI_DATE.finditer(text):  # ngày 10 tháng Sáu năm 2026
        month = _VI_MONTH_WORDS[" ".join(m.group("m").lower().split())]
        add(int(m.group("y")), _VI_MONTHS.index(month) + 1, int(m.group("d")), m.span())
    for m in _CJK_DATE.finditer(text):
        y = m.group("y")
        if m.group("era"):  # 令和八年
            add(cjk_number(y), cjk_number(m.group("m")), cjk_number(m.group("d")), m.span(), m.group("era"))
        elif len(y) == 4:  # 二〇二六年
            add(int("".join(str(_CJK_DIGIT[ch]) for ch in y)), cjk_number(m.group("m")),
                cjk_number(m.group("d")), m.span())
    # the locale's months, and the English ones the editorial folding writes a date in figures
    # with (15.10.2026 is read as 15 October 2026 in every language)
    months, patterns = _month_patterns(lang, locale)
    if months:
        number = {name.lower(): n for name, n in months}

        def month(matched: str) -> int:
            """The number of the month name matched case-insensitively (by the regex's own case
            rules: HAZİRAN matches haziran, though str.lower() makes İ two characters)."""
            found = number.get(matched.lower())
            return found if found is not None else next(
                n for name, n in months if re.fullmatch(re.escape(name), matched, re.IGNORECASE))

        for pattern in patterns:
            for m in pattern.finditer(text):
                add(int(m.group("y")), month(m.group("m")), int(m.group("d")), m.span())
    return sorted(found, key=lambda f: f[1])


_FOUR_DIGITS = re.compile(r"\d{4}")


@lru_cache(maxsize=64)
def _month_patterns(lang: str, locale: str) -> tuple[tuple[tuple[str, int], ...], tuple[re.Pattern, ...]]:
    """The month names :func:`find_dates` reads in ``lang`` (the locale's and English, longest
    first) and its three patterns of a date with a month name (built once, not at each call)."""
    months = tuple(dict(_month_names("en_GB", lang) + _month_names(locale, lang)).items())
    months = tuple(sorted(months, key=lambda kv: -len(kv[0])))
    if not months:
        return months, ()
    names = "|".join(re.escape(name) for name, _ in months)
    year = r"(?:พ\.?ศ\.?|ค\.?ศ\.?|พุทธศักราช|คริสต์ศักราช|b\.?e\.?|c\.?e\.?)?\s*(?P<y>\d{4})"
    sources = (rf"(?P<d>\d{{1,2}})\s*(?:de\s*|เดือน)?(?P<m>{names})\.?\s*,?\s*{year}",
               rf"(?P<m>{names})\.?\s*(?P<d>\d{{1,2}})\s*,?\s*{year}",
               # the year first, as Burmese writes a date: ၂၀၂၇ ခုနှစ်၊ မတ်လ ၁၈ ရက်
               rf"(?<!\d)(?P<y>\d{{4}})\s*(?:ခုနှစ်)?\s*[၊,]?\s*(?P<m>{names})\s*(?:လ)?\s*(?P<d>\d{{1,2}})(?!\d)")
    return months, tuple(regex_cache.compile(source, re.IGNORECASE) for source in sources)
