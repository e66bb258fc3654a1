"""Signing dates as Thai officials write them, read so that they cannot be misread.

A year above 2400 is a Buddhist-Era (B.E.) year: the Gregorian (C.E.) year plus 543. Written
in a Thai form (day/month/year, or a month's name in Thai) it is unambiguous and converted;
written ``YYYY-MM-DD`` or with an English month it looks like a Gregorian date with a wrong
year, and is refused with the date meant. Every conversion is reported (``converted``), so
that what was read can be shown before it is used.

The month names are babel's CLDR data (Thai and English, full and abbreviated), the library
moukit already uses for names of languages and countries; pythainlp's ``thai_strptime`` is
not used, since it reads the month "11" as January (it matches "1" inside "11").

>>> read_date("2026-08-20")
ReadDate(date=datetime.date(2026, 8, 20), converted=False)
>>> read_date("20/08/2569").date, read_date("๒๐/๐๘/๒๕๖๙").date
(datetime.date(2026, 8, 20), datetime.date(2026, 8, 20))
>>> read_date("22 พฤศจิกายน 2569").date, read_date("22 พ.ย. 69").date
(datetime.date(2026, 11, 22), datetime.date(2026, 11, 22))
>>> read_date("วันที่ 22 พฤศจิกายน พ.ศ. 2569").date, read_date("November 22, 2026").date
(datetime.date(2026, 11, 22), datetime.date(2026, 11, 22))
>>> read_date("2569-08-20")
Traceback (most recent call last):
...
moukit.spec.dates.DateError: 2569 looks like a Buddhist-Era year: did you mean 2026-08-20?
>>> thai_date(datetime.date(2026, 8, 20))
'20 สิงหาคม พ.ศ. 2569'
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from ..i18n import N_, Message
from ..text import cldr
from ..text.formatting import BE_OFFSET, to_arabic_digits
from ..text.regex_cache import longest_first

BE_FROM = 2400             # a year above this is a Buddhist-Era year
FAR_AHEAD_DAYS = 3 * 366   # a signing more than about three years ahead is worth a warning
FAR_PAST_DAYS = 366        # and one more than about a year ago
EXAMPLE = "2026-11-22"

_ERA = r"(?P<era>พ\.?\s?ศ\.?|ค\.?\s?ศ\.?|b\.?\s?e\.?|c\.?\s?e\.?|a\.?\s?d\.?)"
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")
_ISO_TIME = re.compile(r"\d{4}-\d{1,2}-\d{1,2}[ tT]\d")
_NUMERIC = re.compile(rf"(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})\s*/\s*(?:{_ERA}\s*)?(?P<y>\d{{2}}|\d{{4}})")


class DateError(ValueError):
    """A date that cannot be read, or that would be misread; ``message`` and ``hint`` are
    catalog messages."""

    def __init__(self, message: Message, hint: Message | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class ReadDate:
    """A date read from text: the date, and whether it was written in another form than
    ``YYYY-MM-DD`` (a Thai form, a month's name, Thai digits), so converted."""

    date: datetime.date
    converted: bool


@cache
def _months() -> dict[str, tuple[int, bool]]:
    """Every month name, folded, -> (month, is Thai): babel's Thai and English names, and the
    Thai names as they are spoken (สิงหา for สิงหาคม)."""
    names: dict[str, tuple[int, bool]] = {}
    for locale, thai in (("th", True), ("en", False)):
        for width in ("wide", "abbreviated"):
            for number, name in cldr.months(locale, width).items():
                short = re.sub("(คม|ยน|พันธ์)$", "", name) if thai else name  # สิงหา, กุมภา
                for spelling in (name, name.replace(".", ""), short):
                    names[_fold(spelling)] = (number, thai)
    names["sept"] = (9, False)
    return names


@cache
def _named() -> tuple[re.Pattern, re.Pattern]:
    month = "(?P<month>" + "|".join(re.escape(n) for n in longest_first(_months())) + ")"
    day_first = re.compile(rf"(?P<d>\d{{1,2}})\s*(?:เดือน\s*)?{month}\.?,?\s*(?:{_ERA}\s*)?(?P<y>\d{{2}}|\d{{4}})")
    month_first = re.compile(rf"{month}\.?\s*(?P<d>\d{{1,2}}),?\s*(?:{_ERA}\s*)?(?P<y>\d{{4}})")
    return day_first, month_first


def _fold(text: str) -> str:
    return " ".join(to_arabic_digits(unicodedata.normalize("NFC", text)).split()).casefold()


def read_date(value: object) -> ReadDate:
    """The date ``value`` (a date, or text in one of the forms above) means.

    Raises :class:`DateError` when it is not a date, or when its year looks like a B.E. year
    in a form that does not say so (``YYYY-MM-DD``, an English month).
    """
    if isinstance(value, datetime.datetime):
        if value.time() != datetime.time(0):
            raise DateError(N_("a signing date has no time of day: write {date}",
                               date=value.date().isoformat()))
        value = value.date()
    if isinstance(value, datetime.date):
        return ReadDate(check_era(value), False)
    if not isinstance(value, str):
        raise _unreadable(value)
    text = _fold(value).removeprefix("วันที่").strip()
    m = _ISO.fullmatch(text)
    if m:
        return ReadDate(_ymd(value, int(m["y"]), int(m["m"]), int(m["d"]), be=False),
                        converted=text != value.strip())
    if _ISO_TIME.match(text):
        raise DateError(N_("a signing date has no time of day: write {date}",
                           date=text.split()[0].split("t")[0]))
    m = _NUMERIC.fullmatch(text)
    if m:
        year = _year(value, m["y"], m["era"], two_digits=False)
        return ReadDate(_ymd(value, year, int(m["m"]), int(m["d"]), be=year > BE_FROM), True)
    for pattern in _named():
        m = pattern.fullmatch(text)
        if m:
            month, thai = _months()[m["month"]]
            year = _year(value, m["y"], m["era"], two_digits=thai)
            return ReadDate(_ymd(value, year, month, int(m["d"]), be=thai and year > BE_FROM), True)
    raise _unreadable(value)


def _unreadable(value: object) -> DateError:
    return DateError(N_("'{value}' is not a date moukit can read", value=value),
                     hint=N_("write it as YYYY-MM-DD ({example}), or as Thai documents do: "
                             "22/11/2569 or 22 พฤศจิกายน 2569", example=EXAMPLE))


def _year(value: str, digits: str, era: str | None, *, two_digits: bool) -> int:
    """The year written ``digits`` (B.E. when ``era`` says so or a Thai form writes two digits)."""
    year = int(digits)
    be = era is not None and era.replace(".", "").replace(" ", "") in ("พศ", "be")
    ce = era is not None and not be
    if len(digits) == 2:
        if not (two_digits or be):
            raise DateError(N_("'{value}': write the year in full, e.g. 2569 or 2026", value=value))
        return 2500 + year
    if be and year <= BE_FROM:
        raise DateError(N_("'{value}': B.E. {year} is not a Buddhist-Era year of our time "
                           "(B.E. is the Gregorian year plus 543: 2026 is B.E. 2569)",
                           value=value, year=year))
    if ce and year > BE_FROM:
        raise be_year_error(year, None)
    return year


def _ymd(value: str, year: int, month: int, day: int, *, be: bool) -> datetime.date:
    """The date of ``year`` (converted from B.E. when ``be``), ``month`` and ``day``."""
    if be:
        year -= BE_OFFSET
    if not 1 <= month <= 12:
        raise DateError(N_("'{value}' is not a date: there is no month {month}", value=value, month=month),
                        hint=N_("write the day first, then the month: 22/11/2569, or YYYY-MM-DD"))
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        if year > BE_FROM:
            raise be_year_error(year, None) from None
        raise DateError(N_("'{value}' is not a date: month {month} of that year has no day {day}",
                           value=value, month=month, day=day)) from None
    return check_era(date)


def check_era(date: datetime.date) -> datetime.date:
    """``date`` itself, unless its year looks like a B.E. year (:class:`DateError` then)."""
    if date.year > BE_FROM:
        raise be_year_error(date.year, date)
    return date


def be_year_error(year: int, date: datetime.date | None) -> DateError:
    """The error for a year that looks like B.E., with the Gregorian date meant when known.

    >>> str(be_year_error(2569, None))
    '2569 looks like a Buddhist-Era year: the Gregorian year is 2026'
    """
    try:
        meant = date.replace(year=year - BE_OFFSET) if date else None
    except ValueError:  # 29 February of a year that is not a leap year in C.E.
        meant = None
    hint = N_("write the Gregorian date (the B.E. year minus 543), or the Thai date in full, "
              "e.g. 22/11/2569, to have it converted")
    if meant is None:
        return DateError(N_("{year} looks like a Buddhist-Era year: the Gregorian year is {gregorian}",
                            year=year, gregorian=year - BE_OFFSET), hint=hint)
    return DateError(N_("{year} looks like a Buddhist-Era year: did you mean {date}?",
                        year=year, date=meant.isoformat()), hint=hint)


def thai_date(date: datetime.date) -> str:
    """``date`` as a Thai document writes it, in the Buddhist Era."""
    from ..text.formatting import format_date

    return format_date(date, {"locale": "th", "calendar": "buddhist"})


def shown(date: datetime.date) -> Message:
    """``date`` in ISO form and in Thai, as a conversion is shown: ``2026-08-20 (20 สิงหาคม
    พ.ศ. 2569)``."""
    return N_("{date} ({thai})", date=date.isoformat(), thai=thai_date(date))


def far_from_today(date: datetime.date, today: datetime.date) -> Message | None:
    """A warning when a signing ``date`` is far from ``today`` (more than about three years
    ahead, or more than about a year ago), else None.

    >>> far_from_today(datetime.date(2030, 1, 1), datetime.date(2026, 11, 30))
    'the signing date 2030-01-01 is more than three years ahead: check the year'
    >>> far_from_today(datetime.date(2026, 12, 1), datetime.date(2026, 11, 30)) is None
    True
    """
    days = (date - today).days
    if days > FAR_AHEAD_DAYS:
        return N_("the signing date {date} is more than three years ahead: check the year",
                  date=date.isoformat())
    if -days > FAR_PAST_DAYS:
        return N_("the signing date {date} is more than a year ago: check the year",
                  date=date.isoformat())
    return None
