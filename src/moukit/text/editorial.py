"""Editorial variants, read from data: ways of typing the form that say the same thing.

The variants are listed, never guessed: ``forms/editorial.yaml`` (the English form's other
spellings, phrases, formats of the term and the date, the serial comma, capitals, and the
numbering styles all languages share) and each built-in pack's ``editorial.yaml`` (its
numbering words, clause titles and era names). :func:`canonical` folds a text so that every
listed variant reads as the form's own wording; the check folds the draft and the form alike
(:func:`moukit.text.normalize.clean`), so a variant is no change while any other word is.
:func:`changes` names the variants a text shows, for ``moukit check --editorial``.

>>> canonical("Signed on November 22, 2026 in the Thai, Japanese, and English languages")
'Signed on 22 November 2026 in the Thai, Japanese and English language'
>>> canonical("for a period of five (5) years"), canonical("for a five (3)-year period")
('for a five-year period', 'for a five (3)-year period')
>>> changes("MEMORANDUM OF UNDERSTANDING on the programmes")
['capitals', 'spelling: "programmes" read as "programs"']
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import accumulate

from .._yaml import load_yaml
from . import casing, literals, regex_cache

# the built-in packs whose editorial.yaml is read: every shipped pack that has one
LANGS = tuple(sorted(folder.name for folder in (resources.files("moukit") / "packs").iterdir()
                     if (folder / "editorial.yaml").is_file()))
_CHARS = str.maketrans({
    **{chr(0xFF10 + d): str(d) for d in range(10)},  # full-width digits and Latin letters
    **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
    **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",  # ligatures (text copied from a PDF)
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-",  # hyphens and the minus sign
})
_WORD_DASH = re.compile(r"(?<=\w)[\u2013\u2014](?=\w)")  # "five–year": a dash typed for a hyphen
# a word of two letters or more, none of them a-z (then in capitals if str.isupper says so)
_CAPITAL_PIECE = re.compile(r"(?<!\w)[^\W\d_a-z]{2,}(?!\w)")
_WORD_OR_NOT = re.compile(r"\w+|\W+")
# two capitals in a row in Latin script (Vietnamese too): a quick test before _capitals
_LATIN_CAPITALS = re.compile("[A-Z\u00c0-\u00de\u0110\u011e\u0130\u015e\u1ea0-\u1ef8][A-Z\u00c0-\u00de\u0110\u011e\u0130\u015e\u1ea0-\u1ef8]")
_TURKISH_LETTER = re.compile("[\u0130\u0131\u011e\u011f\u015e\u015f]")  # İ ı Ğ ğ Ş ş
_NOT_LATIN = regex_cache.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
         "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15, "xvi": 16, "xvii": 17, "xviii": 18,
         "xix": 19, "xx": 20}
_CJK_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
               "七": 7, "八": 8, "九": 9}
_ROMAN = "|".join(regex_cache.longest_first(ROMAN))
NUMBER = rf"(?P<n>\d{{1,3}}|(?:{_ROMAN})(?![a-z])|[〇零一二两三四五六七八九十]{{1,3}})"
_SEPARATOR = r"[.:：．)）\-–—、,]"


@cache
def form_data() -> dict:
    """The English form's editorial variants (``forms/editorial.yaml``)."""
    path = resources.files("moukit") / "forms" / "editorial.yaml"
    return load_yaml(path.read_text("utf-8")) or {}


@cache
def pack_data(lang: str) -> dict:
    """One built-in pack's editorial variants (``packs/<lang>/editorial.yaml``), or {}."""
    path = resources.files("moukit") / "packs" / lang / "editorial.yaml"
    return (load_yaml(path.read_text("utf-8")) or {}) if path.is_file() else {}


@cache
def _number_words() -> tuple[str, ...]:
    path = resources.files("moukit") / "packs" / "en" / "lexicon.yaml"
    return tuple(load_yaml(path.read_text("utf-8")).get("number_words") or ())


def number_value(text: str) -> int | None:
    """The value of a clause number in figures, roman or Chinese numerals (up to 99).

    >>> number_value("12"), number_value("IV"), number_value("十二"), number_value("二十")
    (12, 4, 12, 20)
    """
    text = text.translate(_CHARS).strip()
    if text.isdigit():
        return int(text)
    if text.lower() in ROMAN:
        return ROMAN[text.lower()]
    if text and all(ch in _CJK_DIGITS or ch == "十" for ch in text):
        if "十" in text:
            tens, _, units = text.partition("十")
            return (_CJK_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CJK_DIGITS.get(units, 0) if units else 0)
        return _CJK_DIGITS.get(text) if len(text) == 1 else None
    return None


# ------------------------------------------------------------------------------ folding


@dataclass(frozen=True)
class Fold:
    """One kind of editorial variant: the note ``--editorial`` shows and how it is folded."""

    note: str
    apply: Callable[..., str]  # (text, record=None) -> text; record gets (as written, as folded)
    detail: bool = False  # the note names what was folded ('spelling: "programmes" read as "programs"')


def _sub(regex: re.Pattern, replace: Callable[[re.Match], str], text: str, record: list | None) -> str:
    """``regex.sub(replace, text)``, noting each (as written, as folded) pair in ``record``
    (no search when ``text`` lacks every word a match needs: :mod:`moukit.text.literals`)."""
    if not literals.may_match(regex, text):
        return text

    def noted(m: re.Match) -> str:
        new = replace(m)
        if record is not None and new != m.group(0):
            record.append((m.group(0), new))
        return new
    return regex.sub(noted, text)


def _dashes(text: str) -> str:
    """An en or em dash between two letters or figures as a hyphen ("five–year")."""
    return _WORD_DASH.sub("-", text) if "\u2013" in text or "\u2014" in text else text


def _keep_case(found: str, new: str) -> str:
    """``new`` with the case of ``found``'s first letter."""
    if found[:1].isupper():
        return new[:1].upper() + new[1:]
    return new[:1].lower() + new[1:] if found[:1].islower() else new


def _phrase_regex(phrase: str) -> str:
    return r"(?<!\w)" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?!\w)"


def _capitals(text: str) -> str:
    """Runs of two or more words in capitals, in ordinary case (first letters kept)."""
    if not _LATIN_CAPITALS.search(text):
        return text
    capitals = [m.start() for m in _CAPITAL_PIECE.finditer(text) if m.group().isupper()]
    if not capitals:
        return text
    pieces = _WORD_OR_NOT.findall(text)
    starts = list(accumulate(map(len, pieces), initial=0))
    upper = {bisect_left(starts, start) for start in capitals}  # the indexes of the pieces in capitals
    # Turkish text (a letter only Turkish writes) puts I as ı and İ as i (moukit.text.casing)
    lang = "tr" if _TURKISH_LETTER.search(text) else None
    out = list(pieces)
    for i in sorted(upper):
        before = next((j in upper for j in range(i - 1, -1, -1) if pieces[j].strip(" ,;:()'\"-")), False)
        after = next((j in upper for j in range(i + 1, len(pieces)) if pieces[j].strip(" ,;:()'\"-")), False)
        if before or after:
            out[i] = pieces[i][:1] + casing.lower(pieces[i][1:], lang)
    return "".join(out)


def _spelling_fold() -> tuple[re.Pattern, dict[str, str]]:
    variants = {v.lower(): form for form, others in (form_data().get("spelling") or {}).items()
                for v in others or ()}
    regex = regex_cache.compile(r"(?<![\w-])(?:" + "|".join(re.escape(v) for v in regex_cache.longest_first(variants))
                       + r")(?![\w-])", re.IGNORECASE)
    return regex, variants


def _phrases() -> list[tuple[re.Pattern, str]]:
    out = []
    for group in form_data().get("phrases") or ():
        first, *others = group["same"]
        for other in others:
            out.append((regex_cache.compile(_phrase_regex(other), re.IGNORECASE), first))
    return out


def _template_regex(template: str, groups: dict[str, str]) -> str:
    out = []
    for piece in re.split(r"(\{\w+\})", template):
        if piece.startswith("{") and piece[1:-1] in groups:
            out.append(groups[piece[1:-1]])
        else:
            out.append(r"\s+".join(re.escape(w) for w in piece.split(" ")).replace(r"\s+\s+", r"\s+"))
    return r"(?<!\w)" + "".join(out) + r"(?!\w)"


def _term_fold() -> Callable[[str], str]:
    term = form_data().get("term") or {}
    words = _number_words()
    if not term or not words:
        return lambda text, record=None: text
    spelled = "|".join(regex_cache.longest_first(words))
    groups = {"w": f"(?P<w>{spelled})", "n": r"(?P<n>\d{1,2})"}
    regexes = [regex_cache.compile(_template_regex(t, groups), re.IGNORECASE) for t in term["same"]]
    lower = [w.lower() for w in words]

    def replace(m: re.Match) -> str:
        found = m.groupdict()
        n = int(found["n"]) if found.get("n") else None
        w = lower.index(found["w"].lower()) if found.get("w") else None
        if n is not None and w is not None and n != w:
            return m.group(0)  # words and figures disagree: not the same term, leave it
        value = n if n is not None else w
        if value is None or value >= len(words):
            return m.group(0)
        return _keep_case(m.group(0), term["form"].format(w=words[value]))

    anchored = all("year" in t for t in term["same"])  # else the whole text is searched
    before = max(_separators(t.split("year")[0], words) for t in term["same"]) if anchored else 0
    after = max(_separators(t.split("year", 1)[1], words) for t in term["same"]) if anchored else 0

    def apply(text: str, record: list | None = None) -> str:
        near = _near(text, _YEAR, before, after) if anchored else [(0, len(text))]
        for regex in regexes if near else ():
            new = _sub_near(regex, replace, text, record, near)
            if new != text:
                text, near = new, _near(new, _YEAR, before, after) if anchored else [(0, len(new))]
        return text
    return apply


def _date_fold() -> Callable[[str], str]:
    data = form_data().get("date") or {}
    if not data:
        return lambda text, record=None: text
    months = data["months"]
    abbreviations = {a.lower(): i + 1 for i, a in enumerate(data["abbreviations"])}
    abbreviations.update({k.lower(): v for k, v in (data.get("other_abbreviations") or {}).items()})
    groups = {
        "d": r"(?P<d>\d{1,2})", "y": r"(?P<y>\d{4})", "mm": r"(?P<mm>\d{1,2})",
        "ord": r"(?:st|nd|rd|th)",
        "month": "(?P<month>" + "|".join(months) + ")",
        "mon": "(?P<mon>" + "|".join(regex_cache.longest_first(abbreviations)) + ")",
    }
    named = [regex_cache.compile(_template_regex(t, groups), re.IGNORECASE) for t in data.get("same") or ()]
    figures = [regex_cache.compile(_template_regex(t, groups)) for t in data.get("figures") or ()]
    month_index = {m.lower(): i + 1 for i, m in enumerate(months)}

    def write(day: int, month: int, year: int, m: re.Match) -> str:
        try:
            dt.date(year, month, day)
        except ValueError:
            return m.group(0)
        return data["form"].format(d=day, month=months[month - 1], y=year)

    def named_date(m: re.Match) -> str:
        month = month_index.get((m.groupdict().get("month") or "").lower()) or \
            abbreviations.get((m.groupdict().get("mon") or "").lower())
        return write(int(m.group("d")), month, int(m.group("y")), m) if month else m.group(0)

    def figure_date(m: re.Match) -> str:
        a, b = int(m.group("d")), int(m.group("mm"))
        if m.re.pattern.index("(?P<y>") < m.re.pattern.index("(?P<d>"):
            return write(a, b, int(m.group("y")), m)  # year first: year-month-day
        if a > 12 >= b or a == b:
            return write(a, b, int(m.group("y")), m)
        if b > 12 >= a:
            return write(b, a, int(m.group("y")), m)  # month first (US)
        return m.group(0)  # 05/11/2026: 5 November or May 11? Left as written.

    any_month = regex_cache.compile("(?<![^\\W\\d_])(?:" + "|".join(regex_cache.longest_first(abbreviations)) + ")",
                           re.IGNORECASE)
    words, templates = [*months, *abbreviations], [*data.get("same", ()), *data.get("figures", ())]
    anchored = all("{y}" in t for t in templates)  # else the whole text is searched
    before = max(_separators(t.split("{y}")[0], words) for t in templates) if anchored else 0
    after = max(_separators(t.split("{y}")[1], words) for t in templates) if anchored else 0

    def spans(text: str) -> list[tuple[int, int]]:
        if anchored:
            return _near(text, _FOUR_DIGITS, before, after)
        return [(0, len(text))] if _FOUR_DIGITS.search(text) else []

    def apply(text: str, record: list | None = None) -> str:
        near = spans(text)
        if not near:  # no four figures: no year, no date
            return text
        with_month = [(a, b) for a, b in near if any_month.search(text, a, b)]  # where a named date can be
        for regex in named if with_month else ():
            new = _sub_near(regex, named_date, text, record, with_month)
            if new != text:
                text, near = new, spans(new)
                with_month = [(a, b) for a, b in near if any_month.search(text, a, b)]
        if not _NOT_LATIN.search(text) and re.search(r"[A-Za-z]", text):
            for regex in figures:  # in figures: English text only, where they are the date blank
                new = _sub_near(regex, figure_date, text, record, near)
                if new != text:
                    text, near = new, spans(new)
        return text
    return apply


# A date holds a year in four figures, a term the word "year". Each template has at most a
# few words before and after it (separated by spaces: "the 22nd day of November, 2026"), so
# a date can only stand near a four-figure number and a term near "year": the templates are
# searched there alone (a whole version searched with every template took most of a
# check's editorial reading).
_FOUR_DIGITS = re.compile(r"\d\d\d\d")  # (a class first: the engine skips ahead to a digit)
_YEAR = re.compile("year", re.IGNORECASE)
_SPACE = re.compile(r"\s")
_WORD = re.compile(r"\S+")
_NOT_SPACE_RUN = re.compile(r"\S*")


def _separators(template: str, words: list[str]) -> int:
    """How many runs of spaces a template's text can hold (its spaces, and at most one
    listed word's spaces for each blank)."""
    most_in_a_word = max((len(w.split()) - 1 for w in words), default=0)
    return len(re.findall(r" +", template)) + most_in_a_word * len(re.findall(r"\{\w+\}", template))


def _near(text: str, anchor: re.Pattern, before: int, after: int) -> list[tuple[int, int]]:
    """Spans of ``text`` a date (or a term) can lie in: from ``before`` words before each word
    where ``anchor`` matches (four figures; "year") to ``after`` words after it (words: runs of
    characters other than spaces), overlapping spans merged. Each span ends at a space or at
    the end of the text."""
    spans: list[tuple[int, int]] = []
    for m in anchor.finditer(text):
        start = _word_start(text, m.start(), before)
        end = _NOT_SPACE_RUN.match(text, m.end()).end()
        for _ in range(after):
            while end < len(text) and _SPACE.match(text, end):
                end += 1
            end = _NOT_SPACE_RUN.match(text, end).end()
        spans.append((start, end))
    return literals.joined(spans)


def _word_start(text: str, at: int, words: int) -> int:
    """Where the word ``words`` words before the one holding ``text[at]`` starts (or 0)."""
    reach = 128
    while True:
        low = max(0, at - reach)
        starts = [m.start() for m in _WORD.finditer(text, low, at + 1)]  # the last holds ``at``
        whole = low == 0 or _SPACE.match(text, low - 1)  # the first word found is not cut
        if len(starts) > words + (0 if whole else 1):
            return starts[-1 - words]
        if low == 0:
            return 0
        reach *= 4


def _sub_near(regex: re.Pattern, replace: Callable[[re.Match], str], text: str, record: list | None,
              near: list[tuple[int, int]]) -> str:
    """:func:`_sub` with ``regex`` searched only in the spans ``near``, where every match of
    it lies (so the result is that of a search of the whole text)."""
    pieces: list[str] = []
    last = 0
    for start, end in near:
        pos = max(start, last)
        while m := regex.search(text, pos, end):  # the end is a space or the text's end: as without it
            new = replace(m)
            if record is not None and new != m.group(0):
                record.append((m.group(0), new))
            pieces += [text[last:m.start()], new]
            last = pos = m.end()
    return "".join([*pieces, text[last:]]) if pieces else text


def _era_fold() -> Callable[[str], str]:
    eras = {word: same for lang in LANGS for word, same in (pack_data(lang).get("era") or {}).items()}
    if not eras:
        return lambda text, record=None: text
    regex = regex_cache.compile("|".join(re.escape(w) for w in regex_cache.longest_first(eras)))

    def apply(text: str, record: list | None = None) -> str:
        return _sub(regex, lambda m: eras[m.group(0)], text, record)
    return apply


@cache
def folds() -> tuple[Fold, ...]:
    """Every fold, in the order they apply."""
    data = form_data()
    spelling, variants = _spelling_fold()
    phrases = _phrases()

    def spell(text: str, record: list | None = None) -> str:
        return _sub(spelling, lambda m: _keep_case(m.group(0), variants[m.group(0).lower()]), text, record)

    screen = [(regex, same, literals.required_literals(regex.pattern, regex.flags)) for regex, same in phrases]

    def phrase(text: str, record: list | None = None) -> str:
        haystack = literals.folded(text)
        for regex, same, needed in screen:  # (most texts hold none of a phrase's words)
            if needed is None or any(word in haystack for word in needed):
                text = _sub(regex, lambda m, same=same: _keep_case(m.group(0), same), text, record)
                haystack = literals.folded(text)
        return text

    out = [
        Fold("full-width letters or digits, ligatures, hyphens typed otherwise",
             lambda text, record=None: _dashes(text.translate(_CHARS) if _FOLDED_CHAR.search(text) else text)),
        Fold("the era written out", _era_fold(), detail=True),
    ]
    if data.get("capitals"):
        out.append(Fold("capitals", lambda text, record=None: _capitals(text)))  # one note
    out += [Fold("spelling", spell, detail=True), Fold("a phrase written otherwise", phrase, detail=True),
            Fold("the term written otherwise", _term_fold(), detail=True),
            Fold("the date written otherwise", _date_fold(), detail=True)]
    if data.get("serial_comma"):
        comma = re.compile(r",(?=\s*and\b)")  # also where a blank stands before it
        out.append(Fold("serial comma", lambda text, record=None: _sub(comma, lambda m: "", text, record)))
    return tuple(out)


def canonical(text: str) -> str:
    """``text`` with every listed editorial variant folded to the form's own wording."""
    return _fold_all(text)[0]


def records(paragraphs: Sequence[str]) -> tuple[tuple[str, str, str], ...]:
    """Every variant folded in ``paragraphs``: (note, as written, as folded), fold by fold,
    each in paragraph order (a note that names nothing once for the whole text, and once for
    each place where the fold counts places)."""
    noted: dict[int, list[tuple[str, str]]] = {}  # fold (its index) -> what it noted, where it changed a text
    for paragraph in paragraphs:
        for index, record in _folded(paragraph):
            noted.setdefault(index, []).extend(record)
    out: list[tuple[str, str, str]] = []
    all_folds = folds()
    for index in sorted(noted):
        f, record = all_folds[index], noted[index]
        if f.detail:
            out.extend((f.note, old, folded) for old, folded in record or [("", "")])
        else:  # one note, counted once for each place
            out.extend((f.note, "", "") for _ in record or [None])
    return tuple(out)


def _folded(paragraph: str) -> tuple[tuple[int, tuple[tuple[str, str], ...]], ...]:
    """The folds that change ``paragraph`` (by their index; each applied to what the folds
    before it made of it), with the (as written, as folded) pairs each noted."""
    return _fold_all(paragraph)[1]


@lru_cache(maxsize=65536)
def _fold_all(text: str) -> tuple[str, tuple[tuple[int, tuple[tuple[str, str], ...]], ...]]:
    """:func:`canonical` and :func:`_folded` of ``text`` in one pass of the folds, kept for the
    texts read last: a batch meets the form's own paragraphs in draft after draft, and the
    editorial notes read a paragraph its cleaning has folded already."""
    out = []
    for index, f in enumerate(folds()):
        record: list = []
        new = f.apply(text, record)
        if new != text:
            out.append((index, tuple(record)))
        text = new
    return text, tuple(out)


def changes(text: str | Sequence[str], standard: str | Sequence[str] | None = None) -> list[str]:
    """The kinds of editorial variant ``text`` shows (what ``--editorial`` lists): those
    the ``standard`` text (the form's rendering, when given) does not show itself, and the
    form's own phrases the text writes another listed way. Each is a text or its paragraphs:
    a variant is read inside a paragraph, as the check folds a draft (a paragraph at a time).

    >>> changes("in the Thai, Korean and English languages", "in the Thai, Korean, and English languages")
    ['serial comma']
    """
    from collections import Counter

    paragraphs = [text] if isinstance(text, str) else list(text)
    mine = Counter(records(paragraphs))
    theirs = Counter(records([standard] if isinstance(standard, str) else standard)) \
        if standard is not None else Counter()
    notes = [_note(*r) for r in mine - theirs]
    written = None  # the text folded, when a variant of the form's own is to be looked for
    for note, old, folded in theirs - mine:
        if not old:
            notes.append(note)
            continue
        written = "\n".join(map(canonical, paragraphs)) if written is None else written
        if folded in written:
            notes.append(f'{note}: "{folded}" where the form writes "{old}"')
    return list(dict.fromkeys(notes))


def _note(note: str, old: str, folded: str) -> str:
    return f'{note}: "{old}" read as "{folded}"' if old else note


# ---------------------------------------------------------------------- numbers and titles


def _numbering_regex(template: str) -> str:
    out = []
    for piece in re.split(r"(\{n\})", template):
        if piece == "{n}":
            out.append(r"\s*" + NUMBER + r"\s*")
        else:
            out.append(r"\s*".join(re.escape(w) for w in piece.split(" ")))
    return "".join(out)


@cache
def numbering() -> re.Pattern:
    """A leading clause number in any listed style, with its separator; group ``n`` the number."""
    templates = list(form_data().get("numbering") or ())
    for lang in LANGS:
        templates += pack_data(lang).get("numbering") or ()
    templates = regex_cache.longest_first(set(templates))
    alternatives = [f"(?:{_numbering_regex(t)})".replace("(?P<n>", f"(?P<n{i}>") for i, t in enumerate(templates)]
    # words that make the number an amount, not a clause number ("1조 원": a trillion won)
    amounts = regex_cache.longest_first({w for lang in LANGS for w in pack_data(lang).get("not_numbering_before") or ()})
    unless = r"(?!\s*(?:" + "|".join(map(re.escape, amounts)) + "))" if amounts else ""
    # a bare number in figures needs punctuation ("1."): "1 The Participants" is not numbered
    return regex_cache.compile(r"^\s*(?:" + "|".join(alternatives) + r")" + unless + r"(?:\s*" + _SEPARATOR + r")?\s*",
                      re.IGNORECASE)


def number_of(m: re.Match) -> str | None:
    """The clause number a :func:`numbering` match read, in Arabic figures."""
    for name, value in m.groupdict().items():
        if name.startswith("n") and value:
            found = number_value(value)
            return str(found) if found is not None else None
    return None


@cache
def titles() -> re.Pattern:
    """Clause titles of every language, a leading match. A title in a script without spaces
    followed by a space (group ``wide``) is one only after a clause number: elsewhere, such a
    match is none (one pattern for both places: it is a large one to compile)."""
    latin, other = [], []
    for lang in LANGS:
        for title in pack_data(lang).get("titles") or ():
            (latin if re.match(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]", title) else other).append(title)
    every = regex_cache.longest_first(latin + other)

    def written(title: str) -> str:  # a title in a script without spaces may be wrapped anywhere
        if title in other:
            return r"\s*".join(re.escape(ch) for ch in title if not ch.isspace())
        return r"\s+".join(re.escape(w) for w in title.split())
    alternation = "|".join(written(t) for t in every)
    ending = r"(?:\s*[:：.．\-–—]+\s*|\s*\n\s*|\s*$)"
    # "(Duration)", "（生效）", "【期間】": a title in brackets needs nothing after it
    bracketed = rf"[(（\[【〈《]\s*(?:{alternation})\s*[)）\]】〉》](?:\s*[:：.．\-–—])?\s*"
    wide = "|".join(written(t) for t in regex_cache.longest_first(other))
    return regex_cache.compile(rf"^(?:(?:{alternation})(?!\w){ending}|{bracketed}|(?P<wide>(?:{wide})\s+))", re.IGNORECASE)


def fold_digits(text: str) -> str:
    """Full-width digits and letters as ASCII, one character for one (offsets are kept)."""
    return text.translate(_CHARS_ONE) if _FOLDED_CHAR.search(text) else text


_CHARS_ONE = str.maketrans({k: v for k, v in _CHARS.items() if len(v) == 1})
_FOLDED_CHAR = re.compile("[" + "".join(re.escape(chr(k)) for k in _CHARS) + "]")
