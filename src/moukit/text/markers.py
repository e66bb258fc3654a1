"""The private-use characters moukit writes into its own texts, in one place.

The check renders the form's templates with markers in the values' places and reads drafts
through keys that mark line and paragraph breaks; the Markdown reader parks escaped
characters while it removes markup. All of them live in the reserved range U+E000 to
U+E0FF, which no text from outside may bring in: :func:`scrub` replaces it in every draft,
and a spec refuses private-use characters altogether.

- a *sentinel* stands for a blank in a pattern: ``\\ue000name\\ue001``;
- a *marked value* is a value that knows its slot: ``\\ue002slot\\ue003value\\ue004``;
- a *choice* lets a pattern accept either wording: ``\\ue005a|b\\ue006`` (a Korean particle);
- :data:`BREAK` and :data:`LINE` are a paragraph boundary and a line break inside a key.

>>> sentinel("place")
'\\ue000place\\ue001'
>>> unmark(mark("date", "22 November 2026") + " in " + mark("place", "Chiang Mai"))
'22 November 2026 in Chiang Mai'
>>> split_mark(mark("parties", "two Sides"))
('\\ue002parties\\ue003', 'two Sides', '\\ue004')
>>> scrub("a\\ue010b")
'a\\ufffdb'
"""

from __future__ import annotations

import re
from operator import itemgetter

SENTINEL_START, SENTINEL_END = "\ue000", "\ue001"
MARK_START, MARK_VALUE, MARK_END = "\ue002", "\ue003", "\ue004"
CHOICE_START, CHOICE_END = "\ue005", "\ue006"
BREAK = "\ue010"  # a paragraph boundary in a key
LINE = "\ue011"  # a line break inside a paragraph, in a key
PARKED = 0xE000  # the Markdown reader parks an escaped ASCII character c at PARKED + ord(c)

SENTINEL = re.compile(f"{SENTINEL_START}([a-z_.]+){SENTINEL_END}")
MARK = re.compile(f"{MARK_START}([^{MARK_VALUE}]*){MARK_VALUE}(.*?){MARK_END}", re.S)
CHOICE = re.compile(f"{CHOICE_START}([^{CHOICE_END}]*){CHOICE_END}")
RESERVED = re.compile("[\ue000-\ue0ff]")


def sentinel(name: str) -> str:
    """The sentinel standing for slot ``name`` in a pattern."""
    return f"{SENTINEL_START}{name}{SENTINEL_END}"


def is_sentinel(text: str) -> bool:
    """True when ``text`` is (starts with) a sentinel."""
    return text.startswith(SENTINEL_START)


def mark(slot: str, value: str) -> str:
    """``value`` wrapped so that the text rendered from it still knows its slot."""
    return f"{MARK_START}{slot}{MARK_VALUE}{value}{MARK_END}"


def split_mark(text: str) -> tuple[str, str, str]:
    """(opening marker, value, closing marker) of a marked value; ``("", text, "")`` otherwise."""
    if not text.startswith(MARK_START) or MARK_VALUE not in text:
        return "", text, ""
    start = text.index(MARK_VALUE) + 1
    end = len(text) - 1 if text.endswith(MARK_END) else len(text)
    return text[:start], text[start:end], text[end:]


def unmark(text: str) -> str:
    """The text without the markers of :func:`mark`."""
    return MARK.sub(_value, text) if MARK_START in text else text


_value = itemgetter(2)  # a marker's value (group 2 of MARK), without a Python function per marker


def choice(*options: str) -> str:
    """A wording a pattern accepts in any of ``options``."""
    return f"{CHOICE_START}{'|'.join(options)}{CHOICE_END}"


def scrub(text: str) -> str:
    """``text`` with every character of the reserved range replaced by U+FFFD, so that text
    from outside cannot forge a marker."""
    return RESERVED.sub("\ufffd", text)
