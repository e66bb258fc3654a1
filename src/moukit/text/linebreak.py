"""Where a line may break in Thai text, for typesetting (the PDF writer).

Thai is written without spaces between words, so a typesetter must find the word boundaries
itself; its own dictionary does not know every compound and breaks inside some of them
(ผู้เข้า|ร่วม). moukit decides instead: pythainlp's segmentation gives the words, a ZERO
WIDTH SPACE (U+200B) allows a break between two of them, and a WORD JOINER (U+2060) between
the letters of one word forbids a break inside it. Both are invisible and carry no text:
moukit's own check, and any reader that normalizes, drops them.

>>> [word.replace(WORD_JOINER, "") for word in breakable("ผู้เข้าร่วมกิจกรรม").split(ZWSP)]
['ผู้เข้าร่วม', 'กิจกรรม']
>>> breakable("กิจ") == "กิ" + WORD_JOINER + "จ"
True
>>> breakable("Chiang Mai")
'Chiang Mai'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .chars import THAI

ZWSP, WORD_JOINER = "\u200b", "\u2060"
_THAI_RUN = re.compile(f"[{THAI}]+")


def breakable(text: str) -> str:
    """``text`` with every run of Thai letters cut into words: a break allowed between words,
    none inside one. Other text is returned as it is."""
    return _THAI_RUN.sub(lambda m: _words(m.group()), text)


@lru_cache(maxsize=4096)
def _words(run: str) -> str:
    from pythainlp.tokenize import word_tokenize

    words = word_tokenize(run, engine="newmm", custom_dict=_trie_for(run), keep_whitespace=True)
    return ZWSP.join(_glued(word) for word in words)


def _trie_for(run: str):
    """pythainlp's dictionary cut down to the words found in ``run``. newmm only ever matches
    words that occur in its text, so it cuts ``run`` exactly as with the whole dictionary, but
    the trie of the whole dictionary takes half a second to build and this one a millisecond."""
    from pythainlp.util import Trie

    words, longest = _dictionary()
    found = {run[i:j] for i in range(len(run)) for j in range(i + 1, min(len(run), i + longest) + 1)}
    # never empty: pythainlp takes an empty dictionary for none and builds the whole one
    return Trie((found & words) | {"\x00"})


@lru_cache(maxsize=1)
def _dictionary() -> tuple[frozenset[str], int]:
    from pythainlp.corpus import thai_words

    words = thai_words()
    return words, max(map(len, words))


def _glued(word: str) -> str:
    """A word whose letters may not be split across lines: a word joiner before each letter
    that starts a new cluster (never before a vowel or tone mark, which stays with its letter)."""
    out = []
    for i, char in enumerate(word):
        if i and unicodedata.category(char) != "Mn" and char != "\u0e33":  # ำ belongs to its letter
            out.append(WORD_JOINER)
        out.append(char)
    return "".join(out)
