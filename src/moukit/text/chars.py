"""Character classes moukit relies on, each defined once.

>>> has_thai("Chiang Mai เชียงใหม่")
True
>>> ZERO_WIDTH_CHAR.sub("", "ทั้ง\u200bสอง")
'ทั้งสอง'
>>> bool(UNSAFE_CHAR.search("a\u202eb"))
True
"""

from __future__ import annotations

import re

THAI = "\u0e00-\u0e7f"  # the Thai block, for use inside a regex character class
THAI_CHAR = re.compile(f"[{THAI}]")
THAI_DIGITS = "\u0e50-\u0e59"
# The Myanmar block and its extensions (Burmese, Shan, Mon...), and the Myanmar digits ၀-၉
MYANMAR = "\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff"
MYANMAR_CHAR = re.compile(f"[{MYANMAR}]")
MYANMAR_DIGITS = "\u1040-\u1049"
# CJK ideographs, kana, hangul and full-width forms: scripts written without spaces
WIDE = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef\u3000-\u303f"
# Invisible characters that only hint where a word may break (or hyphenate)
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
ZERO_WIDTH_CHAR = re.compile(f"[{ZERO_WIDTH}]")
# Control characters and bidirectional overrides: they make a text print or read differently
# from what it holds (an ANSI escape in a terminal, a reversed name on paper)
CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
BIDI = "\u202a-\u202e\u2066-\u2069"
UNSAFE_CHAR = re.compile(f"[{CONTROL}{BIDI}]")


def has_myanmar(text: str) -> bool:
    """True if ``text`` contains a character of the Myanmar script (Burmese).

    >>> has_myanmar("Kengtung ကျိုင်းတုံ")
    True
    """
    return MYANMAR_CHAR.search(text) is not None


def has_thai(text: str) -> bool:
    """True if ``text`` contains a Thai character."""
    return THAI_CHAR.search(text) is not None


# Where pythainlp's ``normalize`` (5.x: ``pythainlp/util/normalize.py``) may change a text
# without spaces at its ends, for each of its steps: zero-width characters; spaces doubled or
# beside a line break; a mark (vowel above or below, tone mark, sign) that starts the text
# or follows a space; lakkhangyao; a tone mark or thanthakhat before another mark; nikhahit
# before sara aa; a following vowel before a tone mark; a vowel or sign repeated, spaces
# between or not (two sara e among them, which it writes as sara ae). The classes are wider
# than pythainlp's: tests/test_thai_normalize.py compares them with its own, and the results
# on random Thai text; each alternative is needed there.
_THAI_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_NORMALIZE_MAY_CHANGE = re.compile(
    "[\u200b\u200c]|  | \n|\n[ \n]"
    f"|^[{_THAI_MARKS}]| [{_THAI_MARKS}]"
    "|\u0e45"
    f"|[\u0e48-\u0e4c][{_THAI_MARKS}]|\u0e4d[\u0e48-\u0e4b]*\u0e32|[\u0e30\u0e32\u0e33][\u0e48-\u0e4b]"
    "|([\u0e30-\u0e3a\u0e40-\u0e44\u0e47\u0e4c-\u0e4e]) *\\1"
)


def normalize_may_change(text: str) -> bool:
    """Whether pythainlp's ``normalize`` may change ``text`` beyond the spaces at its ends
    (which it strips): Thai marks out of order or repeated, spaces doubled, zero-width
    characters. Nearly no paragraph of a draft needs it, and it runs some thirty
    substitutions (about 0.1 ms a paragraph).

    >>> normalize_may_change(" ที่นี่ "), normalize_may_change("ที่  นี่"), normalize_may_change("ท\u0e48\u0e35")
    (False, True, True)
    """
    return _NORMALIZE_MAY_CHANGE.search(text.strip()) is not None
