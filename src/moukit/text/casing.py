"""Upper and lower case where a language's letters differ from Python's default mapping.

Turkish and Azerbaijani write two letters i: dotted ``i``/``İ`` and dotless ``ı``/``I``.
Python's ``str.upper`` and ``str.lower`` follow the default Unicode mapping, which turns
``i`` into ``I`` and ``İ`` into ``i`` with a combining dot, so ``"iki".capitalize()`` gives
"Iki" (a misspelling) and ``"İKİ".lower()`` gives a text no pattern written as "iki" finds.
Every place where moukit changes the case of text in such a language goes through here.

>>> upper_first("iki şehir", "tr"), upper_first("iki şehir", "en")
('İki şehir', 'Iki şehir')
>>> lower("MUTABAKAT ZAPTI İLE", "tr")
'mutabakat zaptı ile'
>>> lower("İKİ TARAF", "en") == "İKİ TARAF".lower()
True
"""

from __future__ import annotations

# the languages whose i has a dotted and a dotless form
DOTTED_I = frozenset({"tr", "az"})
_TO_UPPER = str.maketrans({"i": "İ", "ı": "I"})
_TO_LOWER = str.maketrans({"İ": "i", "I": "ı"})


def dotted_i(lang: str | None) -> bool:
    """True when ``lang`` writes a dotted and a dotless i (Turkish, Azerbaijani)."""
    return (lang or "").split("-")[0].split("_")[0].lower() in DOTTED_I


def upper(text: str, lang: str | None = None) -> str:
    """``text`` in capitals as ``lang`` writes them (Turkish ``i`` -> ``İ``, ``ı`` -> ``I``)."""
    return (text.translate(_TO_UPPER) if dotted_i(lang) else text).upper()


def lower(text: str, lang: str | None = None) -> str:
    """``text`` in small letters as ``lang`` writes them (Turkish ``I`` -> ``ı``, ``İ`` -> ``i``)."""
    return (text.translate(_TO_LOWER) if dotted_i(lang) else text).lower()


def upper_first(text: str, lang: str | None = None) -> str:
    """``text`` with its first character in capitals as ``lang`` writes it."""
    return upper(text[:1], lang) + text[1:]


def fold(text: str) -> str:
    """Small letters for comparing, in any language, one character for one: ``İ`` is ``i``
    (``str.lower`` would add a combining dot), the rest as ``str.lower``.

    >>> fold("İKİ Taraf"), len(fold("İ"))
    ('iki taraf', 1)
    """
    return text.replace("İ", "i").lower()


# the letters a first letter may be written as, where the dotted and the dotless i differ:
# Turkish i/İ and ı/I, and the English capital I of a word typed without Turkish letters
FIRST_LETTER = {"i": "iİI", "İ": "İiI", "ı": "ıI", "I": "Iiıİ"}
