"""The CLDR data compiled at build time (``packs/compiled/cldr.json``, :mod:`moukit.text.cldr`)
gives babel's own answers, is ignored when made by another babel, and spares a render
importing babel."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from babel import Locale
from babel.lists import format_list as babel_format_list

from moukit.packs import default_library
from moukit.text import cldr
from moukit.text.formatting import babel_date, format_date, format_list

LEXICONS = [default_library().pack(lang).lexicon for lang in default_library().available()]
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _dates() -> list[dt.date]:
    every_day = [dt.date(2024, 1, 1) + dt.timedelta(days=n) for n in range(4 * 366)]
    return every_day + [dt.date(year, month, day) for year in range(1900, 2101, 7)
                        for month in range(1, 13) for day in (1, 9, 10, 28)]


@pytest.mark.parametrize("lexicon", [lx for lx in LEXICONS if lx.get("calendar") != "buddhist"],
                         ids=lambda lx: str(lx["locale"]))
def test_a_date_is_written_as_babel_writes_it(lexicon):
    written = cldr.date_format(lexicon)
    assert written is not None  # every shipped pack's format is compiled
    for date in _dates():
        assert cldr.write_date(date, written) == babel_date(date, lexicon), date
    assert cldr.write_date(dt.date(999, 1, 1), written) is None  # babel writes such years
    assert format_date(dt.date(999, 1, 1), lexicon) == babel_date(dt.date(999, 1, 1), lexicon)


@pytest.mark.parametrize("locale", sorted({str(lx["locale"]) for lx in LEXICONS}))
def test_a_list_is_joined_as_babel_joins_it(locale):
    patterns = cldr.list_patterns(locale)
    assert patterns is not None
    words = ["economy", "trade", "tourism", "culture", "health", "sport", "youth"]
    for n in range(len(words) + 1):
        assert cldr.join_list(words[:n], patterns) == (babel_format_list(words[:n], locale=locale)
                                                       if n else "")
        assert format_list(words[:n], {"locale": locale}) == cldr.join_list(words[:n], patterns)


def test_names_months_and_codes_are_babel_s():
    for locale in ("en", "th"):
        for width in ("wide", "abbreviated"):
            assert cldr.months(locale, width) == dict(Locale.parse(locale).months["format"][width])
    assert cldr.codes("territories") == sorted(Locale("en").territories)
    assert cldr.codes("languages") == sorted(Locale("en").languages)
    langs = list(default_library().available())
    for locale in sorted({str(lx["locale"]) for lx in LEXICONS}):
        babel_locale = Locale.parse(locale)
        assert cldr.own_language_name(locale) == babel_locale.get_language_name(locale)
        for code, name in babel_locale.territories.items():
            if len(code) == 2 and code.isalpha():
                assert cldr.country_name(code, locale) == name
        for lang in langs:
            assert cldr.language_name(lang, locale) == babel_locale.languages.get(lang)
    for locale in cldr.MESSAGE_LANGUAGES:  # every language, named in a report's languages
        assert "all_languages" in cldr._data() and cldr.language_names(locale) == dict(Locale.parse(locale).languages)
        assert cldr.language_name("ain", locale) == Locale.parse(locale).languages["ain"]
    # what the file lacks is babel's answer all the same: another locale, a code it has no name for
    assert "fr_FR" not in cldr._table("lists")
    assert cldr.list_patterns("fr_FR") == dict(Locale.parse("fr_FR").list_patterns["standard"])
    assert format_list(["a", "b", "c"], {"locale": "fr_FR"}) == babel_format_list(["a", "b", "c"], locale="fr_FR")
    assert cldr.months("fr", "wide") == dict(Locale("fr").months["format"]["wide"])
    assert cldr.language_name("it", "en_GB") == "Italian" and cldr.country_name("XX", "en_GB") is None


def test_the_file_is_read_only_with_the_babel_it_was_made_from(monkeypatch):
    import babel

    assert cldr.babel_version() == babel.__version__
    lexicon = next(lx for lx in LEXICONS if lx["locale"] == "zh_Hans_CN")
    date = dt.date(2026, 11, 22)
    expected = format_date(date, lexicon), format_list(["a", "b", "c"], {"locale": "zh_Hans_CN"})
    monkeypatch.setattr(cldr, "babel_version", lambda: "0.0-another")
    cldr._data.cache_clear()
    try:
        assert cldr._data() == {} and cldr.date_format(lexicon) is None  # babel is asked
        assert (format_date(date, lexicon), format_list(["a", "b", "c"], {"locale": "zh_Hans_CN"})) == expected
        assert cldr.months("th", "wide")[1] == "มกราคม" and cldr.codes("territories") == sorted(Locale("en").territories)
    finally:
        monkeypatch.undo()
        cldr._data.cache_clear()
    assert cldr.date_format(lexicon) is not None


@pytest.mark.parametrize("example", ["chiang-mai-chengdu", "chiang-mai-hokkaido", "chiang-mai-kengtung",
                                     "khon-kaen-da-nang"])
def test_a_render_of_a_shipped_pack_imports_no_babel(example, tmp_path):
    """What babel's locale data gives a render is compiled: ``moukit render`` spares the
    import of babel and the loading of its locale data (about 40 ms)."""
    probe = ("import sys, moukit\n"
             f"moukit.render(moukit.load_spec({str(EXAMPLES / (example + '.yaml'))!r}), 'docx')\n"
             "print(sorted(m for m in sys.modules if m == 'babel' or m.startswith('babel.')))\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
