"""Words hyphenated at a line end, joined again with their hyphen or without it.

A line of a PDF, or of text pasted from one, that ends with a hyphen inside a word is one of
two things: a hyphen the typesetter put in to break the word ("coop-" / "eration"), to be
dropped, or a hyphen the word is written with ("Jeollanam-do", "Min-soo", "masing-masing"),
where a line may end too, to be kept. Nothing on the page tells them apart, so the reader
looks at the words: a hyphen joining a word to itself is written (:func:`reduplicated`), and
so is one the document writes inside a line elsewhere (an agreement names its parties more
than once: :func:`written_with_hyphens`). Any other is dropped.

>>> written = written_with_hyphens(["Rayong Province and Jeollanam-do Province"])
>>> rejoin(f"Jeollanam{MARK}do and co{MARK}operation", written)
'Jeollanam-do and cooperation'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MARK = "\ufdd0"  # (a noncharacter) a line-end hyphen in a word, until the whole document is read
HYPHENS = "-\u00ad\u2010\u2011"  # hyphen-minus, soft hyphen (PDFium's line-end hyphen), hyphen, non-breaking

_HYPHEN = "[-\u2010\u2011]"
_HYPHENATED = re.compile(rf"\w+(?:{_HYPHEN}\w+)+")
_MARKED = re.compile(r"(\w+)" + MARK + r"(\w+)")


def joining(before: str, after: str) -> str | None:
    """How a line that ends with a hyphen inside a word joins the next one: "=" keeps the
    hyphen (:func:`reduplicated`), "-" leaves it to :func:`rejoin`; None when ``before`` does
    not end so or ``after`` does not go on with the word (a capital, a number, a bracket).

    >>> joining("will coop-", "erate with"), joining("bersama-", "sama"), joining("Article 2-", "A")
    ('-', '=', None)
    """
    if before[-1:] in HYPHENS and before[-2:-1].isalpha() and after[:1].islower():
        return "=" if reduplicated(before, after) else "-"
    return None


def reduplicated(before: str, after: str) -> bool:
    """The hyphen ending ``before`` (a line) joins a word to itself in ``after`` (the next
    line): Indonesian and Malay "masing-masing", "sama-sama", and with affixes "bersama-sama",
    "perundang-undangan" (the word before ends with four or more letters the word after
    begins with). Such a hyphen is written, not put in by a line break.

    >>> [reduplicated(a, b) for a, b in [("secara bersama-", "sama disebut"), ("peraturan perundang-",
    ...  "undangan yang"), ("masing-", "masing."), ("co-", "operation"), ("imple-", "menting this")]]
    [True, True, True, False, False]
    """
    word = re.findall(r"\w+$", before[:-1].lower())
    following = re.findall(r"^\w+", after.lower())
    if not word or not following:
        return False
    first, second = word[0], following[0]
    return second == first or any(first.endswith(second[:n]) for n in range(4, len(second) + 1))


def written_with_hyphens(lines: Iterable[str]) -> set[str]:
    """Each two parts ``lines`` join with a hyphen inside a line, casefolded: "jeollanam-do";
    "saint-jean" and "jean-de" for Saint-Jean-de-Luz."""
    pairs: set[str] = set()
    for line in lines:
        for m in _HYPHENATED.finditer(line):
            parts = re.split(_HYPHEN, m.group().casefold())
            pairs.update(f"{a}-{b}" for a, b in zip(parts, parts[1:]))
    return pairs


def rejoin(text: str, written: set[str]) -> str:
    """``text`` with each word marked as hyphenated at a line end (:data:`MARK`) joined again:
    with its hyphen where ``written`` (:func:`written_with_hyphens`) has the two parts so,
    else without."""
    def joined(m: re.Match) -> str:
        with_hyphen = f"{m.group(1)}-{m.group(2)}"
        return with_hyphen if with_hyphen.casefold() in written else m.group(1) + m.group(2)

    return _MARKED.sub(joined, text).replace(MARK, "")
