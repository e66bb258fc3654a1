"""Languages and countries by code or by name, in English or Thai.

A spec (and ``moukit init``) asks for the partner's language and country as codes (ISO 639,
ISO 3166-1 alpha-2), but a person writes "Turkish", "ภาษาตุรกี", "Türkiye" or "USA". The names
are babel's CLDR data (``Locale("en")`` and ``Locale("th")``), plus the common names listed in
``aliases.yaml``; they are compared case-insensitively, without accents, Thai-normalised, and
without a leading ภาษา (language) or ประเทศ (country).

>>> language_code("Turkish"), language_code("ภาษาตุรกี"), language_code("ja")
('tr', 'tr', 'ja')
>>> country_code("Türkiye"), country_code("turkey"), country_code("USA"), country_code("ญี่ปุ่น")
('TR', 'TR', 'US', 'JP')
>>> country_code("Atlantis")
Traceback (most recent call last):
...
moukit.spec.names.NameNotFound: 'Atlantis' is not a country code or name moukit knows
>>> language_name("tr", "th"), country_name("TR", "en")
('ภาษาตุรกี', 'Türkiye')
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache

from ..i18n import N_, Message
from ..text import cldr

NOT_COUNTRIES = frozenset({"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"})  # regions, groups, test codes
NOT_LANGUAGES = frozenset({"und", "zxx", "mul", "mis"})  # undetermined, none, multiple, uncoded
_LANGUAGE_WORDS = ("ภาษา", "language")
_COUNTRY_WORDS = ("ประเทศ", "country")


class NameNotFound(ValueError):
    """A name that is neither a code nor a known name; ``message`` and ``hint`` are catalog
    messages (the hint suggests close names)."""

    def __init__(self, message: Message, hint: Message | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def name_key(text: str, words: tuple[str, ...] = ()) -> str:
    """``text`` as names are compared: NFC, Thai-normalised, without accents on Latin letters,
    case-folded, single spaces, without one of ``words`` (e.g. ภาษา, language) at the start
    or the end.

    >>> name_key("  Türkiye "), name_key("ภาษา ญี่ปุ่น", ("ภาษา",)), name_key("Thai Language", ("language",))
    ('turkiye', 'ญี่ปุ่น', 'thai')
    """
    text = unicodedata.normalize("NFC", text)
    if any("\u0e00" <= ch <= "\u0e7f" for ch in text):
        from pythainlp.util import normalize

        text = normalize(text)
    else:  # accents off: Türkiye, Viet Nam, Côte d'Ivoire
        text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
        text = unicodedata.normalize("NFC", text)
    text = " ".join(text.replace("’", "'").split()).casefold()
    for word in words:
        if text.startswith(word) and text != word:
            text = text[len(word):].strip()
        if text.endswith(" " + word):
            text = text[: -len(word)].strip()
    return text


@cache
def aliases() -> dict[str, dict[str, str]]:
    """The common names of ``aliases.yaml``: ``languages``, ``countries``, ``provinces``."""
    from importlib import resources

    from .._yaml import load_yaml

    text = resources.files(__package__).joinpath("aliases.yaml").read_text("utf-8")
    data = load_yaml(text) or {}
    return {group: {str(k): str(v) for k, v in (names or {}).items()} for group, names in data.items()}


def _names(codes: list[str], kind: str, group: str, words: tuple[str, ...]) -> dict[str, str]:
    """Name key -> code, for babel's ``kind`` (languages, territories) and the ``group`` of
    aliases."""
    from babel import Locale

    locales = (Locale("en"), Locale("th"))
    index: dict[str, str] = {}
    for code in codes:  # shortest codes first: a name shared by two codes is the ISO 639-1 one
        index.setdefault(name_key(code), code)
        for locale in locales:
            name = getattr(locale, kind).get(code)
            if not name:
                continue
            spellings = [name]
            both = re.fullmatch(r"(.*?) \((.*)\)", name)  # Myanmar (Burma): both names
            if both:
                spellings += [both[1], both[2]]
            for spelling in spellings:
                index.setdefault(name_key(spelling, words), code)
    for alias, code in aliases()[group].items():
        index.setdefault(name_key(alias, words), code)
    return index


@cache
def _language_codes() -> dict[str, None]:
    """The ISO 639 codes babel names, shortest first (a dict: in order, quick to look up)."""
    return dict.fromkeys(sorted((c for c in cldr.codes("languages")
                                 if re.fullmatch(r"[a-z]{2,3}", c) and c not in NOT_LANGUAGES),
                                key=lambda c: (len(c), c)))


@cache
def _country_codes() -> dict[str, None]:
    """The ISO 3166-1 alpha-2 codes of the countries babel names, in order."""
    return dict.fromkeys(sorted(c for c in cldr.codes("territories")
                                if re.fullmatch(r"[A-Z]{2}", c) and c not in NOT_COUNTRIES))


@cache
def _languages() -> dict[str, str]:
    return _names(list(_language_codes()), "languages", "languages", _LANGUAGE_WORDS)


@cache
def _countries() -> dict[str, str]:
    return _names(list(_country_codes()), "territories", "countries", _COUNTRY_WORDS)


def _close(key: str, index: dict[str, str]) -> list[str]:
    """The codes of up to three names close to ``key`` (none for a code: two or three letters
    are close to too many)."""
    if len(key) <= 3:
        return []
    close = difflib.get_close_matches(key, list(index), n=3, cutoff=0.75)
    return list(dict.fromkeys(index[c] for c in close))


def language_code(text: str) -> str:
    """The ISO 639 code of the language ``text`` names (a code, an English or Thai name).

    Raises :class:`NameNotFound` (with close names) when it names none.
    """
    if isinstance(text, str) and text in _language_codes():  # a code as it is: no index of names
        return text
    key = name_key(str(text), _LANGUAGE_WORDS)
    code = _languages().get(key)
    if code is None:
        close = [LanguageName(c) for c in _close(key, _languages())]
        raise NameNotFound(N_("'{value}' is not a language code or name moukit knows", value=text),
                           _did_you_mean(close, N_("write its ISO 639-1 code (e.g. ja, zh, ko, vi, tr) "
                                                   "or its name in English or Thai")))
    return code


def country_code(text: str) -> str:
    """The ISO 3166-1 alpha-2 code of the country ``text`` names (a code, an English or Thai
    name). Raises :class:`NameNotFound` (with close names) when it names none."""
    if isinstance(text, str) and text in _country_codes():  # a code as it is: no index of names
        return text
    key = name_key(str(text), _COUNTRY_WORDS)
    code = _countries().get(key)
    if code is None:
        close = [CountryName(c) for c in _close(key, _countries())]
        raise NameNotFound(N_("'{value}' is not a country code or name moukit knows", value=text),
                           _did_you_mean(close, N_("write its ISO 3166-1 code (e.g. JP, CN, KR, VN, TR) "
                                                   "or its name in English or Thai")))
    return code


def _did_you_mean(close: list, otherwise: Message) -> Message:
    return N_("did you mean {names}?", names=OneOf(close)) if close else otherwise


class OneOf(tuple):
    """Names joined with "or" in the language of the message they are part of (each name
    shown in that language too when it can be).

    >>> str(OneOf(["Trat", "Krabi"])), OneOf(["Trat", "Krabi"]).in_language("th")
    ('Trat or Krabi', 'Trat หรือ Krabi')
    """

    def in_language(self, lang: str) -> str:
        """The names joined in ``lang``."""
        from ..i18n import translate

        return translate(N_(" or "), lang).join(translate(name, lang) for name in self)

    def __str__(self) -> str:
        return self.in_language("en")


def language_name(code: str, lang: str) -> str:
    """The name of language ``code`` in ``lang`` (``en`` or ``th``; Thai names start with ภาษา)."""
    name = cldr.language_name(code, lang) or code
    if lang == "th" and not name.startswith("ภาษา"):
        name = "ภาษา" + name
    return name


def country_name(code: str, lang: str) -> str:
    """The name of country ``code`` in ``lang`` (``en`` or ``th``)."""
    return cldr.country_name(code, lang) or code


class LanguageName:
    """A language's name, shown in the language of the message it is part of."""

    def __init__(self, code: str) -> None:
        self.code = code

    def in_language(self, lang: str) -> str:
        """The name in ``lang``."""
        return language_name(self.code, lang)

    def __str__(self) -> str:
        return language_name(self.code, "en")


class CountryName(LanguageName):
    """A country's name, shown in the language of the message it is part of."""

    def in_language(self, lang: str) -> str:
        """The name in ``lang``."""
        return country_name(self.code, lang)

    def __str__(self) -> str:
        return country_name(self.code, "en")
