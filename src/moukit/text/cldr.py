"""The little of babel's locale data (CLDR) that writing an agreement needs, compiled at
build time.

A rendered agreement uses a few facts from CLDR: how each shipped pack's locale joins a list
("A, B and C"), how it writes a date, the Thai and English month names, each locale's own
name for its language, the names of the countries and of the shipped packs' languages (of
every language in English and Thai, which a report names them in), and which codes are
countries and languages. Babel holds them, but
asking it loads the locale's whole data file (everything CLDR knows about the locale): 20 to
30 ms of a ``moukit render``, and importing babel 15 ms more, for the same answers in every
process. ``python -m moukit.reference`` writes the answers the shipped packs need into
``packs/compiled/cldr.json`` (:func:`compiled_json`; its check and the tests keep the file
current).

The file is used only when the installed babel is the version it was made from (read from
babel's ``__init__.py`` without importing it); what it lacks (another locale, a stale file)
each function asks babel, as moukit always did. The writers below give babel's
results exactly (a test compares them for every shipped locale, every day of several years
and lists of every length).

>>> join_list(["economy", "trade", "tourism"], {"start": "{0}, {1}", "middle": "{0}, {1}",
...                                             "end": "{0} and {1}", "2": "{0} and {1}"})
'economy, trade and tourism'
>>> import datetime
>>> write_date(datetime.date(2026, 8, 5), {"months": ["\\x01 August \\x02"] * 12, "padded_day": False})
'5 August 2026'
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path

FILE = Path(__file__).resolve().parent.parent / "packs" / "compiled" / "cldr.json"
DATE_SETTINGS = ("locale", "calendar", "date_pattern", "date_strftime", "date_zero_months")
DAY, YEAR = "\x01", "\x02"  # where a date template has the day and the year
MESSAGE_LANGUAGES = ("en", "th")  # a report names any language in these: every name compiled


def date_key(lexicon: dict) -> str:
    """The text that names a pack's way of writing dates: its lexicon's date settings."""
    return json.dumps(sorted((k, list(v) if isinstance(v, (list, tuple)) else str(v))
                             for k, v in lexicon.items() if k in DATE_SETTINGS), ensure_ascii=False)


def list_patterns(locale: str) -> dict[str, str]:
    """Babel's standard list patterns of ``locale`` (``start``, ``middle``, ``end``, ``2``)."""
    found = _table("lists").get(locale)
    return found if found is not None else dict(_babel(locale).list_patterns["standard"])


def date_format(lexicon: dict) -> dict | None:
    """How the lexicon's date settings write a date, for :func:`write_date`; None for a
    format not compiled (babel then writes the date)."""
    return _table("dates").get(date_key(lexicon))


def months(locale: str, width: str) -> dict[int, str]:
    """Babel's month names of ``locale`` (format context; ``wide`` or ``abbreviated``), by number."""
    names = _table("months").get(locale, {}).get(width)
    if names:
        return {n: name for n, name in enumerate(names, start=1)}
    return dict(_babel(locale).months["format"][width])


def own_language_name(locale: str) -> str | None:
    """The locale's name for its own language (ไทย, 中文, English), as babel gives it."""
    found = _table("own_names").get(locale)
    return found if found is not None else _babel(locale).get_language_name(locale)


def country_name(code: str, locale: str) -> str | None:
    """The name of country ``code`` (ISO 3166-1 alpha-2) in ``locale`` as babel gives it, or None."""
    found = _table("countries").get(locale, {}).get(code)
    return found if found is not None else _babel(locale).territories.get(code)


def language_name(code: str, locale: str) -> str | None:
    """The name of language ``code`` in ``locale`` as babel gives it, or None."""
    found = (_table("all_languages").get(locale) or _table("languages").get(locale) or {}).get(code)
    return found if found is not None else _babel(locale).languages.get(code)


def language_names(locale: str) -> dict[str, str]:
    """Every name of a language babel has in ``locale`` (compiled for the languages moukit's
    messages are written in, :data:`MESSAGE_LANGUAGES`), by code."""
    found = _table("all_languages").get(locale)
    return found if found is not None else dict(_babel(locale).languages)


def codes(kind: str) -> list[str]:
    """The ``territories`` or ``languages`` codes babel names in English, sorted."""
    found = _table("codes").get(kind)
    return found if found is not None else sorted(getattr(_babel("en"), kind))


def _babel(locale: str):
    """babel's data of ``locale`` (imported and loaded only for what the file lacks)."""
    from babel import Locale

    return Locale.parse(locale)


def join_list(items: list[str], patterns: dict[str, str]) -> str:
    """Items joined with ``patterns`` as babel's ``format_list`` joins them."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if len(items) == 2 and "2" in patterns:
        return patterns["2"].format(*items)
    result = patterns["start"].format(items[0], items[1])
    for item in items[2:-1]:
        result = patterns["middle"].format(result, item)
    return patterns["end"].format(result, items[-1])


def write_date(date: dt.date, written: dict) -> str | None:
    """``date`` written with a :func:`date_format`; None for a year not of four figures
    (then babel writes it)."""
    if not 1000 <= date.year <= 9999:
        return None
    day = f"{date.day:02d}" if written["padded_day"] else str(date.day)
    return written["months"][date.month - 1].replace(DAY, day).replace(YEAR, str(date.year))


def babel_version() -> str | None:
    """The installed babel's version, read from its ``__init__.py`` (importing babel takes
    15 ms); None when it cannot be told."""
    from .._installed import version_of

    return version_of("babel")


@cache
def _data() -> dict:
    try:
        data = json.loads(FILE.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if data.get("babel") is not None and data.get("babel") == babel_version() else {}


def _table(name: str) -> dict:
    return _data().get(name) or {}


# ----------------------------------------------------------------------------- build time


def compiled_json(lexicons: list[dict], langs: list[str]) -> str:
    """The text of ``packs/compiled/cldr.json`` for the packs of these lexicons and languages
    (babel asked)."""
    from babel import Locale

    locales = sorted({str(lx["locale"]) for lx in lexicons})
    english = Locale("en")

    def countries(locale: str) -> dict[str, str]:
        return {c: n for c, n in sorted(Locale.parse(locale).territories.items()) if re.fullmatch("[A-Z]{2}", c)}

    data = {
        "note": "Generated by python -m moukit.reference; do not edit (see moukit.text.cldr).",
        "babel": babel_version(),
        "lists": {locale: dict(sorted(Locale.parse(locale).list_patterns["standard"].items()))
                  for locale in locales},
        "dates": {key: found for key, found in sorted(
            (date_key(lx), _derived_date_format(lx)) for lx in lexicons
            if lx.get("calendar") != "buddhist") if found is not None},
        "months": {locale: {width: [Locale.parse(locale).months["format"][width][n] for n in range(1, 13)]
                            for width in ("wide", "abbreviated")} for locale in ("en", "th")},
        "own_names": {locale: Locale.parse(locale).get_language_name(locale) for locale in locales},
        "countries": {locale: countries(locale) for locale in locales},
        "languages": {locale: {lang: name for lang in sorted(langs)
                               if (name := Locale.parse(locale).languages.get(lang)) is not None}
                      for locale in locales},
        "all_languages": {locale: dict(sorted(Locale.parse(locale).languages.items()))
                          for locale in MESSAGE_LANGUAGES},
        "codes": {"territories": sorted(english.territories), "languages": sorted(english.languages)},
    }
    return json.dumps(data, ensure_ascii=False, indent=0) + "\n"


def _derived_date_format(lexicon: dict) -> dict | None:
    """The lexicon's way of writing dates as a template per month (the day and the year
    marked), read from what babel writes; None when the templates do not give babel's text
    back for every probe date (a year in two figures, a day in words)."""
    from .formatting import babel_date

    templates = []
    for month in range(1, 13):
        text = babel_date(dt.date(2011, month, 28), lexicon)
        if text.count("28") != 1 or text.count("2011") != 1:
            return None
        templates.append(text.replace("28", DAY).replace("2011", YEAR))
    short = babel_date(dt.date(2011, 1, 5), lexicon)
    written = {"months": templates, "padded_day": "05" in short}
    probes = [dt.date(year, month, day) for year in (1999, 2011, 2026, 2100)
              for month in range(1, 13) for day in (1, 5, 9, 10, 28)]
    if any(write_date(d, written) != babel_date(d, lexicon) for d in probes):
        return None
    return written
