"""Text normalisation for comparing drafts with the form: editorial noise is removed here.

What is editorial (never a deviation): whitespace and line breaks, straight or curly quotes,
Thai or Arabic digits, the order of Thai marks (fixed by pythainlp's ``normalize``), the
numbering style of clauses and the titles added before them, the case of a word's first
letter, and the variants listed as data (:mod:`moukit.text.editorial`: other spellings,
phrases, term and date formats, the serial comma, capitals, full-width digits and letters,
the era written out). Everything else is wording. Text is NFC-normalised, never NFKC (NFKC
would fold full-width punctuation and other distinctions a reviewer must see).

>>> clean("“Participants”  and\\n‘two Sides’")
'"Participants" and \\'two Sides\\''
>>> strip_numbering("๑. ทั้งสองฝ่าย")
('ทั้งสองฝ่าย', '1')
>>> detect_language("ทั้งสองฝ่ายจะร่วมมือกัน")
'th'
>>> detect_language("双方将相互合作")
'zh'
>>> detect_language("Hai Bên sẽ hợp tác với nhau")
'vi'
>>> detect_language("İki Taraf birbirleriyle işbirliği yapacaktır")
'tr'
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from . import editorial, regex_cache
from .chars import MYANMAR, THAI, THAI_CHAR, ZERO_WIDTH, ZERO_WIDTH_CHAR, has_thai, normalize_may_change
from .formatting import to_arabic_digits

# One character for one: curly and other quotes to straight ones, Thai digits to Arabic.
_FOLD = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\uff02": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\uff07": "'",
    **{chr(0x0E50 + d): str(d) for d in range(10)},
    **{chr(0x1040 + d): str(d) for d in range(10)},  # Myanmar digits
})
_TO_FOLD = re.compile("[" + "".join(re.escape(chr(c)) for c in _FOLD) + "]")
_ZERO_WIDTH = dict.fromkeys(map(ord, ZERO_WIDTH), None)


def _folded_character(match: re.Match) -> str:
    return _FOLD[ord(match.group())]

# A line that is only a signing line ("....", "____") is layout, not wording.
SIGNING_LINE = re.compile(r"^[\s._\-…‥·]{3,}$")


_BRACKETED_LINE = re.compile(r"^\s*[(（][^()（）\n]+[)）]\s*$")


def ends_signing(text: str) -> bool:
    r"""True when the last line of ``text`` that holds anything is a signing line.

    >>> ends_signing("สำหรับจังหวัดเชียงใหม่\n....................\n"), ends_signing("1. ข้อความ")
    (True, False)
    """
    last = next((line for line in reversed(text.split("\n")) if line.strip()), "")
    return bool(SIGNING_LINE.match(last))


def name_under_signing(before: str, text: str) -> bool:
    r"""True when the first line of ``text`` is all in brackets and ``before`` (the line or
    paragraph before it) ends with a signing line: a signatory's name as a Thai signature block
    writes it, never a clause number, even when it reads like one ("(X)", "(V)").

    >>> name_under_signing("....................", "(X)"), name_under_signing("....", "(2) both")
    (True, False)
    """
    if "(" not in text and "\uff08" not in text:  # (no bracket: no name in brackets, told in C)
        return False
    first = text.lstrip().split("\n", 1)[0]
    return bool(_BRACKETED_LINE.match(first)) and ends_signing(before)


def fold(text: str) -> str:
    """Straight quotes and Arabic digits, one character for one (offsets are kept).

    >>> fold("“๑๒”"), fold("၂ဝ၂၆")
    ('"12"', '2026')
    """
    text = _TO_FOLD.sub(_folded_character, text)  # (str.translate looks up every character)
    if "\u101d" in text:  # ဝ (the letter wa) typed for the Myanmar digit zero, inside a number
        text = _WA_IN_NUMBER.sub(lambda m: re.sub(_WA, "0", m.group()), text)
    return text


# a number written with ဝ (wa) for ၀ (zero), as Burmese is often typed: "၂ဝ၂၆"
_WA = "\u101d(?![\u102b-\u103e]|[\u1000-\u1021]\u1037?[\u103a\u1039])"  # ဝ as no syllable's first letter
_WA_IN_NUMBER = re.compile(f"(?<![\u1000-\u103f])(?:\\d|{_WA})*\\d(?:\\d|{_WA})*")


@lru_cache(maxsize=16384)
def clean(text: str, *, variants: bool = True) -> str:
    """NFC, Thai normalisation, unified quotes, Arabic digits, single spaces, and the listed
    editorial variants folded to the form's wording (:func:`moukit.text.editorial.canonical`)
    unless ``variants`` is false."""
    text = unicodedata.normalize("NFC", text)
    if ZERO_WIDTH_CHAR.search(text):  # (str.translate looks up every letter; the search is in C)
        text = text.translate(_ZERO_WIDTH)
    if has_thai(text):
        text = _thai_normalized(text)
    text = fold(text)
    text = " ".join(text.split())
    return " ".join(editorial.canonical(text).split()) if variants else text


@lru_cache(maxsize=8192)
def _thai_normalized(text: str) -> str:
    """pythainlp's normalisation of Thai text (marks in their order, none repeated), cached:
    a check cleans the same lines and clause texts many times. A text holding nothing it
    could change (:func:`moukit.text.chars.normalize_may_change`), nearly every paragraph of
    a draft, is only stripped, as pythainlp would."""
    if not normalize_may_change(text):
        return text.strip()
    from pythainlp.util import normalize

    return normalize(text)


def strip_numbering(text: str) -> tuple[str, str | None]:
    """Remove a leading clause number ("1.", "(1)", "๑.", "IV.", "ข้อ 1", "第一条", "제1조",
    "Điều 1", any style listed as data) and a clause title added before the clause ("Clause 5:
    Duration", "5. DURATION" on its own line); return the number too, in Arabic figures.

    A line that is only a number or a title gives an empty text (the clause follows on the
    next line).

    >>> strip_numbering("Article V – Duration: This Memorandum")
    ('This Memorandum', '5')
    >>> strip_numbering("第二条 双方")
    ('双方', '2')
    """
    rest, number, _ = split_numbering(text)
    return rest, number


@lru_cache(maxsize=16384)
def split_numbering(text: str) -> tuple[str, str | None, str | None]:
    """Like :func:`strip_numbering`, also giving the clause title it removed (or None).

    >>> split_numbering("5. DURATION\\nThis Memorandum")
    ('This Memorandum', '5', 'DURATION')
    """
    text = editorial.fold_digits(to_arabic_digits(unicodedata.normalize("NFC", text)))
    number = title = None
    titles = editorial.titles()
    for _ in range(2):  # a title may stand before the number or after it
        m = editorial.numbering().match(text)
        if m and number is None:
            number = editorial.number_of(m)
            text = text[m.end():]
        found = titles.match(text)
        if not found or (found.group("wide") is not None and not (m or number)):
            break
        title = title or found.group(0).strip(" \n:：.．-–—()（）[]【】〈〉《》")
        text = text[found.end():]
    return text, number, title


_SCRIPT_RANGES = (
    ("th", THAI_CHAR),
    ("my", re.compile(f"[{MYANMAR}]")),
    ("ko", regex_cache.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")),
    ("kana", regex_cache.compile(r"[\u3040-\u30ff\u31f0-\u31ff]")),
    ("han", regex_cache.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]")),
    ("latin", re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")),
)
_SCRIPT_RUNS = tuple((name, regex_cache.compile(rx.pattern + "+")) for name, rx in _SCRIPT_RANGES)  # (runs, not letters: fewer)
_VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")
_TURKISH = re.compile("[ıİşŞğĞ]")  # letters only Turkish (and Azerbaijani) write


def script_counts(text: str) -> dict[str, int]:
    """How many characters of each script (th, my, ko, kana, han, latin) the text has.

    >>> script_counts("MOU ของ 成都")
    {'th': 3, 'my': 0, 'ko': 0, 'kana': 0, 'han': 2, 'latin': 3}
    """
    if text.isascii():  # (most paragraphs of a long English draft): letters alone, counted in C
        letters = len(text) - len(text.encode("ascii").translate(None, _ASCII_LETTERS))
        return {name: letters if name == "latin" else 0 for name, _ in _SCRIPT_RANGES}
    return dict(zip(_SCRIPT_NAMES, _counted(text)))


_SCRIPT_NAMES = tuple(name for name, _ in _SCRIPT_RANGES)


@lru_cache(maxsize=4096)
def _counted(text: str) -> tuple[int, ...]:
    """The counts of :func:`script_counts` of a text beyond ASCII, in the order of
    :data:`_SCRIPT_NAMES`, kept for the texts read last (a paragraph's language and its length
    in letters both count its scripts)."""
    return tuple(sum(map(len, rx.findall(text))) for _, rx in _SCRIPT_RUNS)


_ASCII_LETTERS = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))


def detect_language(text: str, latin_languages: tuple[str, ...] = ("en", "vi", "tr")) -> str | None:
    """The language a paragraph is written in, by script; None when there is no letter."""
    counts = script_counts(text)
    if not any(counts.values()):
        return None
    if counts["kana"]:
        counts["kana"] += counts["han"]
        counts["han"] = 0
    best = max(counts, key=counts.__getitem__)
    if best == "kana":
        return "ja"
    if best == "han":
        return "zh"
    if best == "latin":
        vietnamese = len(_VIETNAMESE.findall(text))
        if vietnamese >= 2 and vietnamese * 12 >= counts["latin"] and "vi" in latin_languages:
            return "vi"
        turkish = len(_TURKISH.findall(text))
        if turkish >= 2 and turkish * 40 >= counts["latin"] and "tr" in latin_languages:
            return "tr"
        others = [lang for lang in latin_languages if lang not in ("en", "vi", "tr")]
        if others and "en" not in latin_languages:
            return others[0]
        return "en"
    return best


_WORD = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)
_CJK = regex_cache.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\uac00-\ud7af]")


@cache
def _thai_trie(extra: frozenset[str], common: bool):
    from pythainlp.util import dict_trie

    words = set(extra)
    if common:  # pythainlp's full word list: about half a second to load
        from pythainlp.corpus.common import thai_words

        words |= set(thai_words())
    return dict_trie(words)


class Terms(frozenset):
    """Dictionary words for segmenting Thai; ``complete`` when they cover the form's text
    (a language pack's words.txt), so pythainlp's full word list need not be loaded."""

    complete = False


def tokenize(text: str, lang: str, terms: frozenset[str] = frozenset()) -> list[str]:
    """Split text into word tokens for a word-level diff.

    Thai is segmented with pythainlp (newmm) using the form's own terms as dictionary words,
    plus pythainlp's common word list unless the terms are ``complete`` (a language pack that
    ships the words of its own text needs no more); Thai that is in neither (a name, text a
    draft adds) is cut into character clusters, which do not depend on the text around them,
    so that a name segments the same whether its line is joined to the next or not. Chinese
    and Japanese are split by character, Burmese by syllable (:func:`myanmar_syllables`); other
    languages by words and punctuation. Spaces are dropped (they are editorial).

    >>> form_words = Terms({"สำหรับ", "จังหวัด"})
    >>> form_words.complete = True
    >>> tokenize("สำหรับจังหวัดพะเยา", "th", form_words)
    ['สำหรับ', 'จังหวัด', 'พะ', 'เยา']
    """
    if lang == "th" and has_thai(text):
        from pythainlp.tokenize import tcc, word_tokenize

        # Spaces between Thai characters are editorial: join before segmenting.
        joined = re.sub(f"(?<=[{THAI}])\\s+(?=[{THAI}])", "", text)
        tokens: list[str] = []
        trie = _thai_trie(frozenset(terms), not getattr(terms, "complete", False))
        for piece in word_tokenize(joined, custom_dict=trie, engine="newmm", keep_whitespace=False):
            if not has_thai(piece):
                tokens.extend(_WORD.findall(piece))
            else:
                tokens.extend([piece] if piece in trie else tcc.segment(piece))
        return [t for t in tokens if t.strip()]
    if lang == "my":  # Burmese is read syllable by syllable (spaces there are phrasing)
        return [s for s, _, _ in myanmar_syllables(text)]
    out: list[str] = []
    for word in _WORD.findall(text):
        if lang in ("zh", "ja") and _CJK.search(word):
            out.extend(word)
        else:
            out.append(word)
    return out


# Burmese syllables: a break before every consonant that is not the final of a syllable (no
# asat ် or virama ္ after it) nor the lower of a stacked pair (a virama before it), and before
# every independent vowel, digit, symbol or Latin letter: the well-known rule of Burmese
# syllable segmentation (as in Ye Kyaw Thu's sylbreak), a regular expression over the script.
_MY_BREAK = re.compile(
    "(?<!\u1039)[\u1000-\u1021\u103f](?!\u1037?[\u103a\u1039])"  # a consonant that opens a syllable
    "|[\u1023-\u102a\u104c-\u104f]"  # independent vowels ဣ ဤ ဥ ဦ ဧ ဩ ဪ and ၌ ၍ ၎ ၏
    "|[\u1040-\u104b]"  # digits and the punctuation ၊ ။
    "|[^\u1000-\u109f\\s]+")  # a run of anything else: Latin, figures, punctuation


def myanmar_syllables(text: str) -> list[tuple[str, int, int]]:
    """The Burmese syllables of ``text`` with their places (spaces are not syllables; a run of
    other characters is one piece).

    >>> [s for s, _, _ in myanmar_syllables("ပူးပေါင်းဆောင်ရွက်ကြမည်")]
    ['ပူး', 'ပေါင်း', 'ဆောင်', 'ရွက်', 'ကြ', 'မည်']
    >>> [s for s, _, _ in myanmar_syllables("နိုင်ငံတကာဥပဒေ ၎င်း ၂၀၂၆")]
    ['နိုင်', 'ငံ', 'တ', 'ကာ', 'ဥ', 'ပ', 'ဒေ', '၎င်း', '၂', '၀', '၂', '၆']
    """
    out: list[tuple[str, int, int]] = []
    starts = sorted({m.start() for m in _MY_BREAK.finditer(text)}
                    | {m.end() for m in _MY_BREAK.finditer(text) if not MYANMAR_CHAR_RE.match(m.group())})
    for word in re.finditer(r"\S+", text):
        cuts = [word.start()] + [s for s in starts if word.start() < s < word.end()] + [word.end()]
        out += [(text[a:b], a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
    return out


MYANMAR_CHAR_RE = re.compile(f"[{MYANMAR}]")


def token_key(token: str) -> str:
    """The comparison form of a token: the case of its first letter is editorial."""
    return token[:1].lower() + token[1:]
