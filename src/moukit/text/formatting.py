"""Small pure formatters for dates, lists, numbers and digits, driven by a lexicon.

Babel does the work where its data is right; the lexicon overrides it where a language's
official usage differs (Thai lists, the Vietnamese long date and its months 01 and 02). Thai
dates are in the Buddhist Era, which babel's calendar lacks: :func:`buddhist_date` writes them
with babel's Thai month names and the year plus 543, as pythainlp's ``thai_strftime`` does
(a test proves the two agree), without importing pythainlp.

>>> import datetime
>>> format_date(datetime.date(2026, 11, 22), {"locale": "en_GB", "date_pattern": "d MMMM y"})
'22 November 2026'
>>> format_date(datetime.date(2026, 11, 22), {"locale": "th", "calendar": "buddhist"})
'22 พฤศจิกายน พ.ศ. 2569'
>>> buddhist_date(datetime.date(2027, 1, 5), "%d %b %y")
'05 ม.ค. 70'
>>> vi = {"locale": "vi", "date_pattern": "'ngày' dd 'tháng' M 'năm' y", "date_zero_months": [1, 2]}
>>> format_date(datetime.date(2027, 1, 5), vi), format_date(datetime.date(2026, 6, 5), vi)
('ngày 05 tháng 01 năm 2027', 'ngày 05 tháng 6 năm 2026')
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
import re

from . import cldr
from .chars import MYANMAR_DIGITS, THAI_DIGITS


def format_date(date: dt.date, lexicon: dict) -> str:
    """A signing date as the language writes it (Buddhist Era for ``calendar: buddhist``)."""
    if lexicon.get("calendar") == "buddhist":
        return buddhist_date(date, lexicon.get("date_strftime", "%-d %B พ.ศ. %Y"))
    written = cldr.date_format(lexicon)  # a shipped pack's format, compiled from babel's data
    return (written and cldr.write_date(date, written)) or babel_date(date, lexicon)


def babel_date(date: dt.date, lexicon: dict) -> str:
    """A date written by babel with the lexicon's pattern and locale (not the Buddhist Era)."""
    from babel.dates import format_date as babel_format_date

    pattern = lexicon.get("date_pattern", "long")
    if date.month in (lexicon.get("date_zero_months") or ()):
        pattern = _two_digit_month(pattern)
    return babel_format_date(date, pattern, locale=lexicon["locale"])


BE_OFFSET = 543  # Buddhist-Era year = Gregorian year + 543
_DIRECTIVE = re.compile(r"%(-?)(.?)", re.DOTALL)
_BUDDHIST_DIRECTIVES = "dmBbYy%"


def buddhist_date(date: dt.date, pattern: str) -> str:
    """``date`` in Thai with the Buddhist-Era year, written by the ``strftime`` ``pattern`` as
    pythainlp's ``thai_strftime`` writes it: ``%d`` day, ``%m`` month (``%-d``, ``%-m``
    without the leading zero), ``%B`` the month's Thai name, ``%b`` its abbreviation, ``%Y``
    and ``%y`` the B.E. year, ``%%``. A pattern with other directives (weekdays, times) is
    left to ``thai_strftime`` itself.

    >>> buddhist_date(dt.date(2026, 8, 5), "%-d %B พ.ศ. %Y"), buddhist_date(dt.date(2026, 8, 5), "%d/%m/%Y")
    ('5 สิงหาคม พ.ศ. 2569', '05/08/2569')
    """
    if any(m[2] not in _BUDDHIST_DIRECTIVES for m in _DIRECTIVE.finditer(pattern) if m[2]):
        from pythainlp.util import thai_strftime

        return thai_strftime(dt.datetime(date.year, date.month, date.day), pattern)
    wide, abbreviated = cldr.months("th", "wide"), cldr.months("th", "abbreviated")
    year = str(date.year + BE_OFFSET).zfill(4)
    texts = {"d": f"{date.day:02d}", "m": f"{date.month:02d}", "B": wide[date.month],
             "b": abbreviated[date.month], "Y": year, "y": year[-2:], "%": "%"}

    def directive(m: re.Match) -> str:
        flag, char = m.groups()
        if not char:  # "%" or "%-" at the end of the pattern: itself, or the flag
            return flag or "%"
        text = texts[char]
        return text[1:] if flag and text[0] in " 0" else text  # "-": no padding

    return _DIRECTIVE.sub(directive, pattern)


def _two_digit_month(pattern: str) -> str:
    """``pattern`` with its month in figures written with two digits (``M`` -> ``MM``); quoted
    text is left as it is. For the months a language writes with a leading zero and the
    others without (Vietnamese administrative style: tháng 01, tháng 02, tháng 6).

    >>> _two_digit_month("'ngày' dd 'tháng' M 'năm' y")
    "'ngày' dd 'tháng' MM 'năm' y"
    """
    parts = re.split(r"('(?:[^']|'')*')", pattern)
    return "".join(p if p.startswith("'") else re.sub(r"(?<!M)M(?!M)", "MM", p) for p in parts)


def format_list(items: list[str], lexicon: dict) -> str:
    """Join items as the language lists them ("a, b and c"); lexicon ``list`` overrides babel."""
    items = list(items)
    overrides = lexicon.get("list") or {}
    if not overrides:
        return cldr.join_list(items, cldr.list_patterns(lexicon["locale"]))  # babel's patterns
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
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙" "\u1040\u1041\u1042\u1043\u1044\u1045\u1046\u1047\u1048\u1049",
                           "0123456789" "0123456789")
_NATIVE_DIGIT = re.compile(f"[{THAI_DIGITS}{MYANMAR_DIGITS}]")  # the digits _TO_ARABIC replaces


def to_thai_digits(text: str) -> str:
    """Replace Arabic digits with Thai digits."""
    return text.translate(_TO_THAI)


def to_native_digits(text: str, digits: str) -> str:
    """Replace Arabic digits with the ten ``digits`` a language writes (a lexicon's
    ``digits``, e.g. the Myanmar digits); ``text`` as it is when ``digits`` is empty.

    >>> to_native_digits("2026 ခုနှစ်", "၀၁၂၃၄၅၆၇၈၉")
    '၂၀၂၆ ခုနှစ်'
    """
    if not digits:
        return text
    if len(digits) != 10:
        raise ValueError(f"digits must be the ten digits 0 to 9, not {digits!r}")
    return text.translate(str.maketrans("0123456789", digits))


def to_arabic_digits(text: str) -> str:
    """Replace Thai and Myanmar digits with Arabic digits.

    >>> to_arabic_digits("พ.ศ. ๒๕๖๙"), to_arabic_digits("၂၀၂၆")
    ('พ.ศ. 2569', '2026')
    """
    return text.translate(_TO_ARABIC) if _NATIVE_DIGIT.search(text) else text  # (a search in C, not a look-up per letter)
