"""The form's vocabulary in one language: the words a translation may use without adding
meaning.

Once a translated clause's meaning units, values and names are found, what is left is glue
(particles, connectives, the light verbs and nouns a language needs to say the same thing)
or added meaning. The glue is told apart by where it comes from: a word of moukit's own
translation of the same clause, of its units' expressions or a function word restates the
clause; a word the form uses only in other clauses may (it weighs half: "exchange" belongs to
clause 3, added to clause 1 it may be new); any other word may say something the English
does not.

Chinese and Japanese (written without spaces), Korean (whose words carry their particles),
Vietnamese (whose words are made of syllables) and Burmese (whose spaces fall between phrases,
not words) are not segmented into words: a stretch is the
form's language when it is made of pieces of two or more characters (Vietnamese: syllables)
found in that vocabulary (Burmese syllables are cut by a regular expression over the script,
:func:`moukit.text.normalize.myanmar_syllables`). No dictionary is needed, and a translator's re-ordering of the
form's words is still recognised; a one-character (one-syllable) function word weighs nothing
at the edge of a stretch (的 in 所承担的) but does inside one (特 in 特别). Thai is cut into
words with pythainlp, other languages read word by word.

>>> from moukit.packs import default_library
>>> vocabulary = form_vocabulary(default_library().pack("zh"), "mou")
>>> vocabulary.unknown("双方将鼓励专家参与合作", [(0, 2)], clause="mou.c3")
(['专家'], ['参与'])
>>> vocabulary.unknown("双方将鼓励专家参与合作", [(0, 2)], clause="mou.c1")
(['专家'], ['将鼓励', '参与'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .._kept import Kept
from ..forms import get_form
from ..packs.library import LanguagePack
from ..text import regex_cache
from ..text.regex_cache import longest_first
from .units import matchable, unit_lexicon

PIECES = ("zh", "ja", "ko", "vi", "my")  # read by pieces of characters (vi, my: syllables), not words
JOINED = ("zh", "ja", "ko", "th", "my")  # pieces joined without a space (matchable text has none)
# read word by word, a word by its first letters: the suffixes of an agglutinative language
# written with spaces change a word's end, not its stem (Turkish işbirliğini, işbirliğinin)
STEM = {"tr": 5}
SUBSTRING = ("zh", "ja", "ko")  # their pieces are characters
LONGEST = 8  # the longest piece looked up
THAI_WORD = 5  # letters of a Thai word, to weigh a stretch the segmenter does not know
# what counts as content in a stretch the vocabulary does not cover
_CONTENT = {"zh": regex_cache.compile(r"[\u3400-\u9fff]"),
            "ja": regex_cache.compile(r"[\u3400-\u9fff\u30a0-\u30ff]"),  # kana endings carry none
            "ko": regex_cache.compile(r"[\uac00-\ud7a3]"),
            "th": re.compile(r"[\u0e01-\u0e4e]"),  # Thai letters, vowels and marks (a run keeps its ์)
            "my": re.compile(r"[\u1000-\u103f\u1050-\u109f]")}  # Burmese letters and signs, not ၀-၉ ၊ ။
_LETTERS = re.compile(r"[^\W\d_]")
_REGEX_SYNTAX = re.compile(r"\(\?<?[!=][^)]*\)|\(\?P<\w+>|\(\?:|\\[a-zA-Z]|[()|?*+{}\[\]^$\\.…,\d]")
Token = tuple[str, int, int]  # text, start, end


def tokens_of(text: str, lang: str, terms: frozenset[str] = frozenset()) -> list[Token]:
    """The pieces a text is read in: characters (zh, ja, ko), syllables (vi, my), words (th: the
    words of ``terms``, the form's, and character clusters for any other; others at spaces),
    each with its place; spaces are not pieces.

    >>> [t for t, _, _ in tokens_of("hợp tác kinh tế", "vi")]
    ['hợp', 'tác', 'kinh', 'tế']
    """
    if lang in SUBSTRING:
        return [(ch, i, i + 1) for i, ch in enumerate(text) if not ch.isspace()]
    if lang == "my":  # Burmese: syllables (a regular expression over the script)
        from ..text.normalize import myanmar_syllables

        return [(s, a, b) for s, a, b in myanmar_syllables(text)]
    if lang == "th":
        from ..text.normalize import tokenize

        out, pos = [], 0
        for token in tokenize(text, "th", terms):
            start = text.find(token, pos)
            start = pos if start < 0 else start
            pos = start + len(token)
            out.append((token, start, pos))
        return out
    return [(m.group().lower(), m.start(), m.end()) for m in re.finditer(r"[^\W\d_]+|[^\w\s]", text)]


def _key(tokens: list[str], lang: str) -> str:
    return "".join(tokens) if lang in JOINED else " ".join(tokens)


@dataclass(frozen=True)
class Vocabulary:
    """The words of the form in a language (in zh, ja, ko and vi its pieces of two to eight
    characters or syllables): those at home in every clause (function words), each clause's
    own, and all of them. The values (names, fields, languages, the listed alternatives) are
    not words of the form: the check finds them as values, where the form has them."""

    lang: str
    common: frozenset[str]
    clauses: dict[str, frozenset[str]]  # "mou.c3" -> the words of that clause
    everywhere: frozenset[str]  # the words of every clause
    function_words: tuple[str, ...] = ()  # longest first
    terms: frozenset[str] = frozenset()  # Thai: the words the segmenter knows (the form's)
    _answers: Kept = field(default_factory=lambda: Kept(4096), compare=False, repr=False)  # unknown's

    def unknown(self, text: str, spans=(), clause: str = "") -> tuple[list[str], list[str]]:
        """The stretches of matchable ``text`` outside ``spans`` that carry content and are not
        words of ``clause`` (``"mou.c3"``): those the form never uses, and those it uses in other
        clauses. Words are looked up in the whole text, so that one is recognised even where a
        part of it belongs to a span. (The answers for the texts met last are kept: a batch
        meets the same clauses in draft after draft.)"""
        question = (text, tuple((a, b) for a, b in spans), clause)
        unknown, elsewhere = self._answers.answer(question, lambda: self._unknown(*question))
        return list(unknown), list(elsewhere)

    def _unknown(self, text: str, spans: tuple, clause: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        tokens = tokens_of(text, self.lang, self.terms)
        level = [2 if any(s <= a and b <= e for s, e in spans) else 0 for _, a, b in tokens]
        self._cover(tokens, level, self.clauses.get(clause, frozenset()) | self.common, 2)
        self._cover(tokens, level, self.everywhere, 1)
        return tuple(self._runs(tokens, level, 0)), tuple(self._runs(tokens, level, 1))

    def weight(self, stretch: str) -> int:
        """How much content a stretch holds: its pieces (characters, syllables or words; in
        Thai, words of about five letters) but, in a stretch of three or more, the function
        words at its ends (所 and 的 in 所承担的: particles attach to words; 特 in 特别 and 会 in
        商会 are not one); nothing when it is made of function words only."""
        pieces = [t for t, _, _ in tokens_of(stretch, self.lang, self.terms)]
        singles = self.common
        while len(pieces) > 2 and pieces[0] in singles:  # 商会 keeps its 会
            pieces.pop(0)
        while len(pieces) > 2 and pieces[-1] in singles:
            pieces.pop()
        if all(p in singles for p in pieces):  # function words only (在与, 三种)
            return 0
        if self.lang == "th":  # a word the form does not know is cut into clusters: ~5 letters a word
            return -(-len("".join(pieces)) // THAI_WORD) if pieces else 0
        return len(pieces)

    def _cover(self, tokens: list[Token], level: list[int], words: frozenset[str], value: int) -> None:
        """Raise to ``value`` the tokens that words of ``words`` (pieces of two or more, in
        the languages read by pieces) or function words of two pieces or more cover."""
        texts = [t for t, _, _ in tokens]
        shortest = 2 if self.lang in PIECES else 1
        i = 0
        for i in range(len(tokens)):
            if not _LETTERS.search(texts[i]):
                level[i] = 2
                continue
            for size in range(min(LONGEST, len(tokens) - i), shortest - 1, -1):
                key = _key(texts[i:i + size], self.lang)
                if key in words or (size > 1 and key in self.function_word_set) \
                        or (self.lang in STEM and _key(stems(texts[i:i + size], self.lang), self.lang) in words):
                    level[i:i + size] = [max(v, value) for v in level[i:i + size]]
                    break

    @cached_property
    def function_word_set(self) -> frozenset[str]:
        """The function words as a set: :meth:`_cover` asks about every stretch of up to
        eight pieces of a clause (in the tuple, a look through some 300 words each time)."""
        return frozenset(self.function_words)

    def _runs(self, tokens: list[Token], level: list[int], wanted: int) -> list[str]:
        """The runs of content tokens at level ``wanted``, as text."""
        content = _CONTENT.get(self.lang, _LETTERS)
        out, run = [], []
        for (text, _, _), value in zip(tokens + [("", 0, 0)], level + [-1]):
            if value == wanted and content.search(text):
                run.append(text)
            elif run:
                out.append(_key(run, self.lang))
                run = []
        return [r for r in out if r not in self.common]


    def to_data(self) -> dict:
        """The vocabulary as JSON data (sorted lists), for :meth:`from_data`."""
        return {"common": sorted(self.common), "function_words": list(self.function_words),
                "terms": sorted(self.terms) if self.terms else None,
                "clauses": {key: sorted(words) for key, words in self.clauses.items()}}

    @classmethod
    def from_data(cls, lang: str, data: dict) -> Vocabulary:
        """The vocabulary :meth:`to_data` wrote."""
        from ..text.normalize import Terms

        clauses = {key: frozenset(words) for key, words in data["clauses"].items()}
        terms: frozenset[str] = frozenset()
        if data["terms"] is not None:
            terms = Terms(data["terms"])
            terms.complete = True
        return cls(lang, frozenset(data["common"]), clauses, frozenset().union(*clauses.values()),
                   tuple(data["function_words"]), terms)


@lru_cache(maxsize=32)
def form_vocabulary(pack: LanguagePack, instrument: str) -> Vocabulary:
    """The vocabulary of ``instrument`` in ``pack``'s language (see the module doc): for a
    shipped pack, as computed at build time (:func:`moukit.packs.shipped.shipped_pack_data`)."""
    from ..packs.shipped import shipped_pack_data

    data = shipped_pack_data(pack, "vocabulary")
    if data is not None and instrument in data:
        return Vocabulary.from_data(pack.lang, data[instrument])
    return computed_vocabulary(pack, instrument)


def computed_vocabulary(pack: LanguagePack, instrument: str) -> Vocabulary:
    """The vocabulary of ``instrument`` in ``pack``'s language, computed from the pack."""
    lang = pack.lang
    data = pack.units_data() or {}
    unit_expressions = data.get("units") or {}
    form = get_form(instrument)
    clause_texts: dict[str, dict[str, None]] = {f"{instrument}.{c}": {} for c in form.clause_ids}
    for variant in form.variant_combinations():
        context = form.context(lambda slot: " ", variant)
        for clause_id, text in pack.render_clauses(form, context):
            clause_texts[f"{instrument}.{clause_id}"][text] = None  # each text once
    for clause in form.clauses:
        clause_texts[f"{instrument}.{clause.id}"].update(dict.fromkeys(
            _pieces(_expressions([unit_expressions.get(u.id) for u in clause.units]))))
    lex = unit_lexicon(pack)
    function_words = tuple(longest_first({" ".join(w.split()) for w in (lex.function_words if lex else ())}))
    common = set(function_words) | (set(stems(list(function_words), lang)) if lang in STEM else set())
    terms = _thai_terms(pack, function_words, clause_texts) if lang == "th" else frozenset()
    clauses = {key: frozenset(_words(list(texts), lang, terms)) for key, texts in clause_texts.items()}
    everywhere = frozenset().union(*clauses.values())
    return Vocabulary(lang, frozenset(common), clauses, everywhere, function_words, terms)


def _thai_terms(pack: LanguagePack, function_words, clause_texts: dict[str, dict]) -> frozenset[str]:
    """The words the Thai segmenter knows: the pack's own (words.txt), its function words and
    the words of its units' expressions. Any other Thai is cut into character clusters (and
    weighed by its length), so pythainlp's full dictionary is never loaded."""
    from ..text.normalize import Terms
    from .align import form_terms

    pieces = {p for texts in clause_texts.values() for text in texts for p in re.split(r"\s+", text)
              if p and not re.search(r"[\s\d]", p) and len(p) <= 12}
    terms = Terms(set(form_terms(pack)) | set(function_words) | {p for p in pieces if re.fullmatch(r"[\u0e01-\u0e4e]+", p)})
    terms.complete = True
    return terms


def _pieces(expressions: list[str]) -> list[str]:
    """The words of regular expressions: what is left without their syntax."""
    return [piece for expression in expressions for piece in _REGEX_SYNTAX.split(expression)]


def _expressions(data) -> list[str]:
    """Every expression of a ``units.yaml`` mapping, however deep."""
    if isinstance(data, dict):
        return [e for value in data.values() for e in _expressions(value)]
    if isinstance(data, list):
        return [e for value in data for e in _expressions(value)]
    return [str(data)] if data is not None else []


def _words(texts: list[str], lang: str, terms: frozenset[str] = frozenset()) -> set[str]:
    """The words of ``texts`` (in the languages read by pieces, every piece of two to
    :data:`LONGEST` characters or syllables)."""
    out: set[str] = set()
    for text in texts:
        pieces = [t for t, _, _ in tokens_of(matchable(text, lang), lang, terms) if _LETTERS.search(t)]
        if lang in PIECES:
            for i in range(len(pieces)):
                for size in range(2, min(LONGEST, len(pieces) - i) + 1):
                    out.add(_key(pieces[i:i + size], lang))
        else:  # Thai: the words the segmenter knows, not the clusters of the others
            out.update(p for p in pieces if lang != "th" or p in terms)
            if lang in STEM:
                out.update(stems(pieces, lang))
    return out


def stems(words: list[str], lang: str) -> list[str]:
    """The words of ``words`` by their first letters (:data:`STEM`), marked as stems.

    >>> stems(["işbirliğini", "ve", "teşvik"], "tr")
    ['işbir~', 've', 'teşvi~']
    """
    size = STEM[lang]
    return [w[:size] + "~" if len(w) > size else w for w in words]
