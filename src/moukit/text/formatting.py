"""Small pure formatters for dates, lists, numbers and digits, driven by a lexicon.

Babel does the work where its data is right; the lexicon overrides it where a language's
official usage differs (Thai lists, the Vietnamese long date), and Thai dates use the
Buddhist Era through pythainlp, since babel has no Buddhist calendar.

>>> import datetime
>>> format_date(datetime.date(2026, 11, 22), {"locale": "en_GB", "date_pattern": "d MMMM y"})
'22 November 2026'
>>> format_date(datetime.date(2026, 11, 22), {"locale": "th", "calendar": "buddhist"})
'22 พฤศจิกายน พ.ศ. 2569'
>>> format_list(["economy", "trade", "tourism"], {"locale": "en_GB"})
'economy, trade and tourism'
>>> format_list(["เศรษฐกิจ", "การค้า", "การท่องเที่ยว"], {"locale": "th", "list": {"end": "{0} และ{1}", "middle": "{0} {1}", "start": "{0} {1}", "2": "{0}และ{1}"}})
'เศรษฐกิจ การค้า และการท่องเที่ยว'
>>> thai = {"locale": "th", "list": {"end": "{0} และ{1}", "middle": "{0} {1}", "start": "{0} {1}", "2": "{0}และ{1}", "pair_as_end_if_item_has": ["และ"]}}
>>> format_list(["การค้า", "การลงทุน"], thai), format_list(["การค้า", "วิทยาศาสตร์และเทคโนโลยี"], thai)
('การค้าและการลงทุน', 'การค้า และวิทยาศาสตร์และเทคโนโลยี')
>>> to_thai_digits("พ.ศ. 2569")
'พ.ศ. ๒๕๖๙'
>>> term_text(5, {"term_years": "{words}-year", "number_words": ["zero", "one", "two", "three", "four", "five"]})
'five-year'
>>> term_text(12, {"term_years": "{n} ปี"})
'12 ปี'
"""

from __future__ import annotations

import datetime as dt


def format_date(date: dt.date, lexicon: dict) -> str:
    """A signing date as the language writes it (Buddhist Era for ``calendar: buddhist``)."""
    if lexicon.get("calendar") == "buddhist":
        from pythainlp.util import thai_strftime

        pattern = lexicon.get("date_strftime", "%-d %B พ.ศ. %Y")
        return thai_strftime(dt.datetime(date.year, date.month, date.day), pattern)
    from babel.dates import format_date as babel_format_date

    pattern = lexicon.get("date_pattern", "long")
    return babel_format_date(date, pattern, locale=lexicon["locale"])


def format_list(items: list[str], lexicon: dict) -> str:
    """Join items as the language lists them ("a, b and c"); lexicon ``list`` overrides babel."""
    items = list(items)
    overrides = lexicon.get("list") or {}
    if not overrides:
        from babel.lists import format_list as babel_format_list

        return babel_format_list(items, locale=lexicon["locale"]) if items else ""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        # a pair whose item itself holds the list's word for "and" is joined as the end of a
        # longer list, so that the grouping shows: "การท่องเที่ยว และวิทยาศาสตร์และเทคโนโลยี"
        joined = [str(w) for w in overrides.get("pair_as_end_if_item_has") or ()]
        if any(w and w in item for w in joined for item in items):
            return overrides["end"].format(items[0], items[1])
        return overrides["2"].format(items[0], items[1])
    result = overrides["end"].format(items[-2], items[-1])
    for item in reversed(items[1:-2]):
        result = overrides["middle"].format(item, result)
    return overrides["start"].format(items[0], result)


def term_text(years: int, lexicon: dict) -> str:
    """The MOU term ("five-year" period) from the lexicon's ``term_years`` pattern."""
    words = lexicon.get("number_words") or []
    spelled = words[years] if years < len(words) else str(years)
    return lexicon.get("term_years", "{n}").format(n=years, words=spelled)


_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def to_thai_digits(text: str) -> str:
    """Replace Arabic digits with Thai digits."""
    return text.translate(_TO_THAI)


def to_arabic_digits(text: str) -> str:
    """Replace Thai digits with Arabic digits.

    >>> to_arabic_digits("พ.ศ. ๒๕๖๙")
    'พ.ศ. 2569'
    """
    return text.translate(_TO_ARABIC)
