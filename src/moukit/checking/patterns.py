"""Clause patterns: the form's templates turned into regular expressions for reading drafts.

Each clause of each language is rendered once with *sentinels* in place of the blanks and
alternatives; the literal wording between them becomes a pattern, so the check reads the
very same templates that rendering writes (one source of truth). Patterns match a *key*:
the draft's text with editorial noise removed (see :mod:`moukit.text.normalize`): no whitespace,
line breaks as private-use markers (:data:`BREAK`, :data:`LINE`).

A slot of the form is read by its kind (:data:`moukit.forms.KINDS`): an alternative as one
of its listed wordings (or any text, for the form's "etc."), a date or a term as the language
writes them, a number of years as digits, a language as one name (no list), any other blank (names, place, fields) as free text.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate, compress
from operator import itemgetter, not_

from ..forms import Form, get_form
from ..packs.library import LanguagePack
from ..packs.shipped import shipped_table
from ..text import editorial, regex_cache
from ..text.casing import FIRST_LETTER, fold
from ..text.chars import MYANMAR, THAI, WIDE
from ..text.formatting import format_date
from ..text.markers import BREAK, CHOICE, CHOICE_START, LINE, SENTINEL, sentinel
from ..text.normalize import SIGNING_LINE, clean, name_under_signing, strip_numbering

ANY_BREAK = f"[{BREAK}{LINE}]"
_WIDE = regex_cache.compile(f"[{THAI}{MYANMAR}{WIDE}]")


@dataclass
class Key:
    """A draft text reduced to its comparison key, with a map back to the readable text."""

    text: str  # readable: cleaned, lines joined with "\n"
    key: str
    # each line: (its text, the key index of its first character, the text index of its start)
    lines: list[tuple[str, int, int]] = field(default_factory=list, repr=False)
    marks: dict[int, int] = field(default_factory=dict, repr=False)  # key index of a mark between lines -> text index
    # a line -> (True, where each of its words ends, in its characters but spaces) for a line of
    # words single-spaced (every line :func:`make_key` makes), else (False, each key index's offset)
    _made: dict[int, tuple[bool, list[int]]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def offsets(self) -> list[int]:
        """Each key index -> its index in the text (:meth:`offset` of every index)."""
        return [self.offset(index) for index in range(len(self.key))]

    def offset(self, index: int) -> int:
        """The index in the text of key character ``index``: found in its line, where each
        word ends when first needed (a value is read from a few lines of a long text): in a
        line of single-spaced words, the character's index among those but spaces plus the
        spaces before its word.

        >>> key = make_key(["The two  Sides", "agree"])
        >>> [key.text[key.offset(i)] for i in (0, 3, 6, 10, 12)]
        ['T', 't', 'S', 's', 'a']
        """
        if index in self.marks:
            return self.marks[index]
        line = bisect_right(self.lines, index, key=_KEY_START) - 1
        text, key_start, start = self.lines[line]
        made = self._made.get(line)
        if made is None:
            made = self._made[line] = _line_words(text, start)
        spaced, found = made
        at = index - key_start
        return start + at + bisect_right(found, at) if spaced else found[at]

    def value(self, start: int, end: int) -> str:
        """The readable text behind key span [start, end)."""
        if start >= end:
            return ""
        raw = self.text[self.offset(start): self.offset(end - 1) + 1]
        return " ".join(raw.replace("\n", " ").split())


_KEY_START = itemgetter(1)


def make_key(lines: list[str], *, numbered: bool = True) -> Key:
    """Build the comparison key of ``lines`` (paragraphs of a draft, each maybe with lines).

    Whitespace is dropped; a paragraph boundary becomes :data:`BREAK` and a line break
    inside a paragraph :data:`LINE`; clause numbers at the start of a paragraph and signing lines
    ("........") are removed.
    """
    parts: list[tuple[str, str]] = []  # (text, separator before it)
    before = ""
    for block in lines:
        # the number may stand on a line of its own, or be wrapped; a name in brackets under a
        # signing line is no number
        kept = _key_lines(block, numbered and not name_under_signing(before, block))
        before = block
        if kept:
            parts.append((kept[0], BREAK))
            parts += [(sub, LINE) for sub in kept[1:]]
    return key_of_lines(parts)


def _key_lines(block: str, numbered: bool) -> tuple[str, ...]:
    """The lines of paragraph ``block`` a key reads, cleaned (its number left out when
    ``numbered``; signing lines and empty lines left out)."""
    return _lines_of_key(strip_numbering(block.lstrip())[0] if numbered else block)


@lru_cache(maxsize=16384)
def _lines_of_key(block: str) -> tuple[str, ...]:
    """:func:`_key_lines` of a paragraph without its number, kept for the paragraphs read
    last (a batch meets the form's own paragraphs in draft after draft; the layout reads
    each paragraph's key as it is, the version's key without its number, the same text
    for a paragraph that has none)."""
    block = editorial.canonical(block)  # a phrase may be wrapped: fold across the lines
    kept = []
    for sub in block.split("\n"):
        sub = clean(sub)
        if sub and not SIGNING_LINE.match(sub):
            kept.append(sub)
    return tuple(kept)


def key_of_lines(parts: list[tuple[str, str]]) -> Key:
    """The key of cleaned lines ``(text, BREAK or LINE before it)``: their characters but
    spaces, a mark between lines (one BREAK where a paragraph ends); the lines joined with
    "\\n" (from the first with a character but spaces) are its text. Where each line starts
    in both is kept; a key character's offset in the text is found when asked for
    (:meth:`Key.offset`)."""
    pieces: list[str] = []  # the readable text, joined once (growing a string is quadratic)
    key_chars: list[str] = []  # each line's characters but spaces, and the marks between lines
    lines: list[tuple[str, int, int]] = []
    marks: dict[int, int] = {}
    size = length = 0  # of the key and of the text so far
    for sub, sep in parts:
        if key_chars:
            last = key_chars[-1][-1]
            if last == LINE and sep == BREAK:
                key_chars[-1] = key_chars[-1][:-1] + BREAK
            elif last not in (BREAK, LINE):
                key_chars.append(sep)
                marks[size] = length
                size += 1
            pieces.append("\n")
            length += 1
        lines.append((sub, size, length))
        chars = "".join(sub.split())  # (str.split's spaces are str.isspace's, as \s)
        if chars:
            key_chars.append(chars)
            size += len(chars)
        pieces.append(sub)
        length += len(sub)
    return Key("".join(pieces), "".join(key_chars), lines, marks)


def _line_words(sub: str, start: int) -> tuple[bool, list[int]]:
    """What :meth:`Key.offset` reads of line ``sub`` (which starts at ``start``): for words
    single-spaced, where each word ends among the characters but spaces; else every such
    character's text index."""
    if " ".join(sub.split()) == sub:
        return True, list(accumulate(map(len, sub.split(" "))))
    return False, _line_offsets(sub, start)


def _line_offsets(sub: str, start: int) -> list[int]:
    """The text index of each character but spaces of line ``sub``, which starts at ``start``."""
    if sub.count(" ") * 8 < len(sub):  # long words (Thai, Chinese): a range for each
        return [at for word in _NOT_SPACE.finditer(sub) for at in range(start + word.start(), start + word.end())]
    return list(compress(range(start, start + len(sub)), map(not_, map(str.isspace, sub))))  # short words: in C


_NOT_SPACE = re.compile(r"\S+")  # (\s is what str.isspace says is a space)


def _literal(text: str) -> str:
    """Regex for literal form wording: whitespace may be a line break; first letters any case.

    A choice the template leaves to the value (a Korean particle, see templates.josa) is
    written as a :func:`moukit.text.markers.choice` and accepts either.
    """
    if CHOICE_START in text:
        out, pos = [], 0
        for m in CHOICE.finditer(text):
            out.append(_literal(text[pos:m.start()]))
            out.append("(?:" + "|".join(_literal(c) for c in regex_cache.longest_first(m.group(1).split("|"))) + ")")
            pos = m.end()
        out.append(_literal(text[pos:]))
        return "".join(out)
    out = []
    if text[:1].isspace():
        out.append(ANY_BREAK + "?")  # a break may stand where the template has a space
    word_start = True
    previous = ""
    for ch in clean(text):
        if ch.isspace():
            out.append(ANY_BREAK + "?")
            word_start = True
            previous = ""
            continue
        if previous and _WIDE.match(previous) and _WIDE.match(ch):
            out.append(LINE + "?")  # Thai, Burmese and CJK text may be wrapped between any two letters
        if word_start and ch in FIRST_LETTER:  # Turkish İ/i and I/ı (moukit.text.casing)
            out.append(f"[{FIRST_LETTER[ch]}]")
        elif word_start and ch.lower() != ch.upper():
            out.append(f"[{re.escape(ch.upper())}{re.escape(ch.lower())}]")
        else:
            out.append(re.escape(ch))
        word_start = not (ch.isalnum() or ch in "'-")
        previous = ch
    if text[-1:].isspace() and text.strip():
        out.append(ANY_BREAK + "?")
    return "".join(out)


def _date_lexicon_key(lexicon: dict) -> tuple:
    return tuple(sorted((k, tuple(v) if isinstance(v, (list, tuple)) else str(v)) for k, v in lexicon.items()
                        if k in ("locale", "calendar", "date_pattern", "date_strftime", "date_zero_months")))


@cache
def _date_shape(lexicon_key: tuple) -> tuple[str, str, tuple[str, ...]]:
    """:func:`date_shape`; for a shipped pack's date format, as computed at build time
    (:mod:`moukit.packs.shipped`: it spares loading babel's locale data)."""
    found = (shipped_table("date_shapes") or {}).get(date_shape_id(lexicon_key))
    if found is not None:
        prefix, suffix, months = found
        return prefix, suffix, tuple(months)
    return date_shape(lexicon_key)


def date_shape_id(lexicon_key: tuple) -> str:
    """The text that names a date format (a :func:`_date_lexicon_key`) in ``shipped.json``."""
    return json.dumps(lexicon_key, ensure_ascii=False)


def date_shape(lexicon_key: tuple) -> tuple[str, str, tuple[str, ...]]:
    """(prefix, suffix, month names) of the lexicon's date format, day as \x01, year as \x02."""
    lexicon = dict(lexicon_key)
    year = "2554" if lexicon.get("calendar") == "buddhist" else "2011"
    shapes = [
        make_key([format_date(dt.date(2011, m, 28), lexicon)], numbered=False).key
        .replace("28", "\x01", 1).replace(year, "\x02", 1)
        for m in range(1, 13)
    ]
    prefix = os.path.commonprefix(shapes)
    suffix = os.path.commonprefix([s[::-1] for s in shapes])[::-1]
    months = tuple(s[len(prefix): len(s) - len(suffix)] for s in shapes)
    return prefix, suffix, months


def date_regex(lexicon: dict) -> str:
    """A regex (named groups d, m, y) for dates written as the lexicon writes them."""
    prefix, suffix, months = _date_shape(_date_lexicon_key(lexicon))

    def fixed(part: str) -> str:
        out = []
        for ch in part:
            if ch == "\x01":
                out.append(r"(?P<d>\d{1,2})")
            elif ch == "\x02":
                out.append(r"(?P<y>\d{4})")
            else:
                out.append(_literal(ch))
        return f"{ANY_BREAK}?".join(out)  # a date may be wrapped anywhere

    names = regex_cache.longest_first(set(months))
    if lexicon.get("date_zero_months"):  # a month in figures, with or without its leading zero
        names = regex_cache.longest_first({str(int(n)) if n.isdigit() else n for n in names})
        month = "(?P<m>" + "|".join("0?" + n if n.isdigit() else _literal(n) for n in names) + ")"
    else:
        month = "(?P<m>" + "|".join(_literal(n) for n in names) + ")"
    return f"{ANY_BREAK}?".join(p for p in (fixed(prefix), month, fixed(suffix)) if p)


def parse_date(text: str, lexicon: dict) -> dt.date | None:
    """Read back a date written as the lexicon writes it; None if it is not one.

    >>> vi = {"locale": "vi", "date_pattern": "'ngày' dd 'tháng' M 'năm' y", "date_zero_months": [1, 2]}
    >>> parse_date("ngày 05 tháng 01 năm 2027", vi), parse_date("ngày 5 tháng 1 năm 2027", vi)
    (datetime.date(2027, 1, 5), datetime.date(2027, 1, 5))
    """
    key = _date_lexicon_key(lexicon)
    m = _compiled_date(key).fullmatch(make_key([text], numbered=False).key)
    if not m:
        return None
    months = [name.lower() for name in _date_shape(key)[2]]
    found = m.group("m").lower()
    if found not in months and found.isdigit():  # 1 where the lexicon writes 01, or 01 for 1
        found = next((n for n in months if n.isdigit() and int(n) == int(found)), found)
    month = months.index(found) + 1 if found in months else 0
    year = int(m.group("y")) - (543 if lexicon.get("calendar") == "buddhist" else 0)
    try:
        return dt.date(year, month, int(m.group("d")))
    except ValueError:
        return None


@cache
def _compiled_date(lexicon_key: tuple) -> re.Pattern:
    return regex_cache.compile(date_regex(dict(lexicon_key)))


def term_regex(lexicon: dict) -> str:
    """A regex (group n or words) for the MOU term ("five-year", "5 ปี")."""
    pattern = clean(lexicon.get("term_years", "{n}"))
    out = ""
    for piece in re.split(r"(\{n\}|\{words\})", pattern):
        if piece == "{n}":
            out += r"(?P<n>\d{1,2})"
        elif piece == "{words}":
            out += r"(?P<words>[^\W\d_]+|\d{1,2})"
        else:
            out += _literal(piece)
    return out


def parse_term(text: str, lexicon: dict) -> int | None:
    """Read back the number of years of a term; None if unreadable."""
    m = re.fullmatch(term_regex(lexicon), make_key([text], numbered=False).key)
    if not m:
        return None
    words = [w.lower() for w in lexicon.get("number_words") or []]
    found = m.groupdict()
    if found.get("n"):
        return int(found["n"])
    w = found.get("words") or ""
    if w.isdigit():
        return int(w)
    return words.index(w.lower()) if w.lower() in words else None


@dataclass(frozen=True)
class SlotGroup:
    """Where a clause pattern reads a slot of the form: the slot's name and its regex group."""

    name: str  # the form's slot, e.g. thai_name, parties, thai_signatory.name
    group: str  # regex group name (unique per pattern)


class LazyRegex:
    """A regular expression compiled when it is first used: a check uses few of the form's
    clause patterns (an untouched draft only the variant clauses' and one whole version's)."""

    __slots__ = ("pattern", "_regex")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._regex: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        """The compiled expression (compiled once, shared by equal patterns)."""
        if self._regex is None:
            self._regex = _compiled(self.pattern)
        return self._regex

    def search(self, text: str, pos: int = 0) -> re.Match | None:
        """As :meth:`re.Pattern.search`."""
        return self.compiled().search(text, pos)

    def fullmatch(self, text: str) -> re.Match | None:
        """As :meth:`re.Pattern.fullmatch`."""
        return self.compiled().fullmatch(text)


@dataclass
class ClausePattern:
    """One way a clause can be worded: a regex and its slots."""

    clause_id: str
    variant: dict  # the form's structural variants this rendering assumes
    regex: re.Pattern | LazyRegex
    source: str
    slots: list[SlotGroup]
    literal: str  # the longest literal piece, for a fast pre-filter
    search: re.Pattern | LazyRegex | None = None  # the same, anchored at a paragraph start, for search()


@dataclass
class FormPatterns:
    """All clause patterns of one form in one language."""

    form: Form
    lang: str
    clauses: dict[str, list[ClausePattern]]
    alternatives: dict[str, dict[str, str]]  # slot -> option -> wording (normalised key)
    versions: list[tuple[dict, str, dict[str, str]]]  # variant, whole-version regex, group -> slot
    _compiled: dict[int, re.Pattern] = field(default_factory=dict)
    _option_keys: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict, repr=False, compare=False)

    def to_data(self) -> dict:
        """The patterns as JSON data, for :meth:`from_data`."""
        return {"clauses": {clause_id: [{"variant": p.variant, "source": p.source, "literal": p.literal,
                                         "slots": [[s.name, s.group] for s in p.slots]} for p in found]
                            for clause_id, found in self.clauses.items()},
                "alternatives": self.alternatives,
                "versions": [[variant, regex, groups] for variant, regex, groups in self.versions]}

    @classmethod
    def from_data(cls, form: Form, lang: str, data: dict) -> FormPatterns:
        """The patterns :meth:`to_data` wrote."""
        clauses = {clause_id: [_clause_pattern(clause_id, p["variant"], p["source"],
                                               [SlotGroup(name, group) for name, group in p["slots"]],
                                               p["literal"]) for p in found]
                   for clause_id, found in data["clauses"].items()}
        return cls(form, lang, clauses, data["alternatives"],
                   [(variant, regex, groups) for variant, regex, groups in data["versions"]])

    def match_version(self, key: Key) -> tuple[dict, list[tuple[str, str, str]]] | None:
        """Match a whole version at once: ``(variant, [(slot, clause id, value)...])``, or
        None unless it is the form (editorial noise aside).

        The structural variants (languages named in the signing clause, MOU fields and term)
        are read from their clauses first, so only one whole-version pattern is compiled and
        tried.
        """
        dims: dict[str, str] = {}
        flat = None  # the key without breaks, to skip a wording whose longest literal it lacks
        for dim, variant in self.form.variants.items():
            candidates = self.clauses.get(variant.clause, [])
            if len({p.variant[dim] for p in candidates}) < 2:
                continue
            flat = flat_key(key.key) if flat is None else flat
            # the wording with the fewest blanks first: "in various fields" is not a list of
            # fields reading "various"
            hit = next((p for p in sorted(candidates, key=lambda p: len(p.slots))
                        if not (p.literal and p.literal not in flat) and p.search.search(key.key)), None)
            if hit is None:
                return None  # that clause is not the form: no whole-version match is possible
            dims[dim] = hit.variant[dim]
        for index, (variant, _, groups) in enumerate(self.versions):
            if any(variant[d] != v for d, v in dims.items()):
                continue
            m = self.version_regex(index).fullmatch(key.key)
            if m:
                found = []
                for group, slot in groups.items():
                    start, end = m.span(group)
                    if start >= 0:
                        found.append((slot, group.split("__")[0], key.value(start, end)))
                return variant, found
        return None

    def search_clauses(self, key: Key) -> tuple[list[tuple[str, str, str]], dict[str, Counter]]:
        """Each clause's first pattern found in the text, in form order (each after the one
        before where it can be): the ``(slot, clause id, value)`` they read, and for each
        variant how many of its clause's patterns voted for each of its values."""
        found: list[tuple[str, str, str]] = []
        votes: dict[str, Counter] = {dim: Counter() for dim in self.form.variants}
        flat = flat_key(key.key)
        position = 0
        for clause_id, clause_patterns in self.clauses.items():
            for p in clause_patterns:
                if p.literal and p.literal not in flat:
                    continue
                m = p.search.search(key.key, position) or p.search.search(key.key)
                if m:
                    position = max(position, m.end()) if m.start() >= position else position
                    found.extend((slot.name, clause_id, key.value(*m.span(slot.group)))
                                 for slot in p.slots if m.span(slot.group)[0] >= 0)
                    for dim, variant in self.form.variants.items():
                        if clause_id == variant.clause:
                            votes[dim][p.variant[dim]] += 1
                    break
        return found, votes

    def options_of(self, slot: str, value: str) -> tuple[str, ...]:
        """The listed options whose wording is ``value`` (several where a language words two
        options alike); empty for another wording (a variant)."""
        target = fold(key_of(value))
        found: list[str] = []
        for option, key in self._keys_of_options(slot):
            if key == target and option not in found:
                found.append(option)
        return tuple(found)

    def _keys_of_options(self, slot: str) -> tuple[tuple[str, str], ...]:
        """Each listed option of ``slot`` (its name before any "@") and its wording's key,
        folded; made once (a report describes each version's alternatives)."""
        known = self._option_keys.get(slot)
        if known is None:
            known = self._option_keys[slot] = tuple(
                (option.split("@")[0], fold(key_of(word))) for option, word in self.alternatives.get(slot, {}).items())
        return known

    def first_clause_with(self, slot: str) -> str | None:
        """The first clause of the form whose wording holds ``slot``."""
        return next((clause_id for clause_id, found in self.clauses.items()
                     if any(s.name == slot for p in found for s in p.slots)), None)

    def version_regex(self, index: int) -> re.Pattern:
        """The whole-version regex of variant ``index``, compiled on first use."""
        if index not in self._compiled:
            self._compiled[index] = regex_cache.compile(self.versions[index][1])
        return self._compiled[index]


def _sentinel_context(form: Form, variant: dict) -> dict:
    return form.context(lambda slot: sentinel(slot.name), variant)


def _alternative_words(pack: LanguagePack, form: Form) -> dict[str, dict[str, str]]:
    words: dict[str, dict[str, str]] = {}
    for name, alt in form.alternatives.items():
        options = {o: pack.word(name, o) for o in alt.options}
        provincial = (pack.lexicon.get("provincial_alternatives") or {}).get(name) or {}
        for o, w in provincial.items():
            options[f"{o}@provincial"] = w
        words[name] = options
    return words


def _slot_regex(name: str, form: Form, pack: LanguagePack, words: dict, in_line: bool) -> str:
    free = f"[^{BREAK}{LINE}]+?" if in_line else f"[^{BREAK}]+?"  # a blank never spans a paragraph
    kind = form.slot(name).kind
    if kind == "alternative":
        options = regex_cache.longest_first(set(words[name].values()))
        alternation = "|".join(_literal(w) for w in options)
        if form.alternatives[name].tolerates_other:
            return f"(?:{alternation}|{free})"
        return f"(?:{alternation})"
    if kind == "date":
        return "(?:" + re.sub(r"\(\?P<\w+>", "(?:", date_regex(pack.lexicon)) + ")"
    if kind == "term":
        return "(?:" + re.sub(r"\(\?P<\w+>", "(?:", term_regex(pack.lexicon)) + ")"
    if kind == "years":
        return r"\d{1,2}"
    if kind == "language":  # one language's name: never a list ("Chinese, Korean")
        return f"[^{BREAK}{LINE},，、]+?"
    return free


def _compile_clause(form: Form, clause_id: str, text: str, pack: LanguagePack, words: dict,
                    variant: dict) -> ClausePattern:
    kind = form.clause(clause_id).kind
    regex = ""
    slots: list[SlotGroup] = []
    literals: list[str] = []
    pos = 0
    lines_sep = ANY_BREAK if kind == "signature" else ANY_BREAK + "?"
    for m in SENTINEL.finditer(text):
        literal = text[pos:m.start()]
        regex += lines_sep.join(_literal(part) for part in literal.split("\n"))
        literals.append(clean(literal).replace(" ", ""))
        name = m.group(1)
        group = f"s{len(slots)}"
        slots.append(SlotGroup(name, group))
        slot_regex = _slot_regex(name, form, pack, words, kind in ("title", "signature"))
        regex += f"(?P<{group}>{slot_regex})"
        pos = m.end()
    tail = text[pos:]
    regex += lines_sep.join(_literal(part) for part in tail.split("\n"))
    regex = f"(?:{regex})(?={BREAK}|$)"  # a clause ends a paragraph
    literals.append(clean(tail).replace(" ", ""))
    # (a choice the template leaves to the value, a Korean particle, is not literal text)
    longest = max((p for lit in literals for p in CHOICE.sub("\n", lit).split("\n")), key=len, default="")
    return _clause_pattern(clause_id, variant, regex, slots, fold(longest.replace(BREAK, "")))


def _clause_pattern(clause_id: str, variant: dict, regex: str, slots: list[SlotGroup],
                    literal: str) -> ClausePattern:
    return ClausePattern(clause_id, variant, LazyRegex(regex), regex, slots, literal,
                         LazyRegex(f"(?:^|(?<={BREAK}))" + regex))


@lru_cache(maxsize=4096)
def _compiled(regex: str) -> re.Pattern:
    return regex_cache.compile(regex)


@cache
def form_patterns(pack: LanguagePack, instrument: str) -> FormPatterns:
    """Every clause pattern of ``instrument`` in ``pack``'s language (cached): for a shipped
    pack, as built at build time (:func:`moukit.packs.shipped.shipped_pack_data`), so that a
    check renders no template."""
    from ..packs.shipped import shipped_pack_data

    data = shipped_pack_data(pack, "patterns")
    if data is not None and instrument in data:
        return FormPatterns.from_data(get_form(instrument), pack.lang, data[instrument])
    return computed_form_patterns(pack, instrument)


def computed_form_patterns(pack: LanguagePack, instrument: str) -> FormPatterns:
    """Every clause pattern of ``instrument`` in ``pack``'s language, built from its template."""
    form = get_form(instrument)
    words = _alternative_words(pack, form)
    clauses: dict[str, list[ClausePattern]] = {c: [] for c in form.clause_ids}
    seen: dict[str, set[str]] = {c: set() for c in form.clause_ids}
    version_regexes = []
    built: dict[tuple[str, str], ClausePattern] = {}  # a clause worded alike in several variants: built once
    for variant in form.variant_combinations():
        rendered = pack.render_clauses(form, _sentinel_context(form, variant))
        parts = []
        group_slots: dict[str, str] = {}
        for clause_id, text in rendered:
            pattern = built.get((clause_id, text))
            if pattern is None:
                pattern = built[clause_id, text] = _compile_clause(form, clause_id, text, pack, words, variant)
            if pattern.source not in seen[clause_id]:
                seen[clause_id].add(pattern.source)
                clauses[clause_id].append(pattern)
            # the whole version: clause patterns in form order, each atomic
            renamed = pattern.source
            for slot in pattern.slots:
                new = f"{clause_id}__{slot.group}"
                renamed = renamed.replace(f"(?P<{slot.group}>", f"(?P<{new}>", 1)
                group_slots[new] = slot.name
            parts.append(f"(?P<{clause_id}>(?>{renamed}))")
        version_regexes.append((variant, f"{BREAK}?".join(parts), group_slots))
    return FormPatterns(form, pack.lang, clauses, words, version_regexes)


@lru_cache(maxsize=8192)
def key_of(text: str) -> str:
    """The comparison key of a short text (a value or a wording), cached."""
    return make_key([text], numbered=False).key


@lru_cache(maxsize=2048)
def flat_key(key: str) -> str:
    """A key without breaks, lower-cased: for the literal pre-filter of the patterns (kept
    for the keys read last: a version's key is screened for its instrument, its variants and
    each clause, and the form's clauses are met in draft after draft)."""
    return fold(key.replace(BREAK, "").replace(LINE, ""))
