"""Property tests (hypothesis): valid specs always render and check as the standard form;
any input to ``check`` or ``parse_spec`` gives a result or a MoukitError, never a crash.

Runs are derandomized (the same examples every run) and kept small (25 examples), so the
suite stays quick and a failure is reproducible from its printed example.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import moukit
from moukit.checking.report import Report
from moukit.forms import get_form, vocabulary
from moukit.spec.models import SPEC_ADAPTER
from moukit.spec.provinces import all_provinces
from specdata import spec_data

pytestmark = pytest.mark.slow  # property tests over generated input: pytest -m "not slow" leaves it out

FORMATS = ("docx", "html", "md", "txt", "json")
LAYOUTS = ("separate", "parallel")
PARTNER_LANGUAGES = ("en", "zh", "ja", "ko", "vi", "id", "my", "tr")  # the shipped packs other than Thai

SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Letters of each language's script, to write names as a person of that language would.
LETTERS = {
    "th": "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศสหอฮ",
    "en": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "vi": "ABCDĐEGHIKLMNOPQRSTUVXYabcdđeghiklmnopqrstuvxyăâêôơưáàảãạếờ",
    "tr": "ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZabcçdefgğhıijklmnoöprsştuüvyz",
    "zh": "上海北京市长府尹清迈省人民政府成都广州",
    "ja": "東京都知事県市長北海道ちぇんまいチェンマイサッポロ",
    "ko": "서울특별시장도지사치앙마이전라남",
    "id": "ABCDEFGHIJKLMNOPRSTUWYabcdefghijklmnoprstuwy",
    "my": "ကခဂငစဆဇညတထဒနပဖဗဘမယရလဝသဟအ",
}


def script_name(lang: str):
    """One to four words of 2-10 letters of ``lang``'s script, joined by spaces."""
    word = st.text(st.sampled_from(LETTERS[lang]), min_size=2, max_size=10)
    return st.lists(word, min_size=1, max_size=4).map(" ".join)


PRINTABLE = st.characters(codec="utf-8", categories=("L", "M", "N", "P", "S", "Zs"))


def printable_name(lang: str):
    """Any printable text (letters, marks, digits, punctuation, symbols, spaces)."""
    return st.text(PRINTABLE, min_size=1, max_size=30).map(str.strip).filter(bool)


@st.composite
def specs(draw, name=script_name):
    """A valid spec: any province, partner language, alternative, fields, term, date, names."""
    instrument = draw(st.sampled_from(["loi", "mou"]))
    lang = draw(st.sampled_from(PARTNER_LANGUAGES))
    langs = list(dict.fromkeys(["th", lang, "en"]))

    def texts() -> dict:
        return {code: draw(name(code)) for code in langs}

    fields = list(vocabulary()["fields"])
    data = {
        "instrument": instrument,
        "thai_party": {"province": draw(st.sampled_from([p.name_en for p in all_provinces()]))},
        "partner": {"name": texts(), "country": draw(st.sampled_from(["JP", "CN", "KR", "VN", "IT", "TR"])),
                    "level": draw(st.sampled_from(sorted(vocabulary()["partner_levels"]))),
                    "language": lang},
        "fields": draw(st.lists(st.sampled_from(fields), unique=True, min_size=1, max_size=6)),
        "signing": {"place": texts(),
                    "date": draw(st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))).isoformat()},
        "signatories": {side: {"name": texts(), "position": texts()} for side in ("thai", "partner")},
        "draft": draw(st.booleans()),
    }
    if lang not in ("th", "en"):
        data["thai_party"]["name"] = {lang: draw(name(lang))}
    for alternative in get_form(instrument).alternatives.values():
        data[alternative.name] = draw(st.sampled_from(list(alternative.options)))
    if instrument == "mou":
        data["term"] = draw(st.one_of(st.just("open"),
                                      st.builds(lambda n: {"years": n}, st.integers(1, 99))))
    return SPEC_ADAPTER.validate_python(data)


def renders_and_checks_as_standard(spec) -> None:
    """Every format and layout renders; the text and DOCX renderings check as standard. The
    generated names are arbitrary strings, so a Thai name that is no transliteration of the
    English one is rightly a disagreement between the versions (MK-X001 on a name): that one
    finding is set aside here, and tested in tests/test_names_across_versions.py."""
    for fmt in FORMATS:
        for layout in LAYOUTS:
            result = moukit.render(spec, fmt, layout=layout)
            assert result.data and result.format == fmt
            if fmt in ("txt", "docx"):
                report = moukit.check(result.data)
                findings = [f for f in report.findings if not _arbitrary_name(f)]
                assert not [f for f in findings if f.route != "standard"], (
                    fmt, layout, report.reason,
                    [(f.code, f.clause_id, f.draft, f.standard) for f in findings[:3]])


def _arbitrary_name(finding) -> bool:
    """A disagreement between two names the generator drew independently."""
    return finding.code == "MK-X001" and " name the " in finding.message


@SETTINGS
@given(specs())
def test_any_valid_spec_renders_everywhere_and_checks_as_standard(spec):
    renders_and_checks_as_standard(spec)


@settings(SETTINGS, phases=[Phase.explicit, Phase.generate])  # generation only: shrinking is slow here
@given(specs(name=printable_name))
def test_any_printable_names_render_and_check_as_standard(spec):
    renders_and_checks_as_standard(spec)


def _spec_with(path: tuple, value: str):
    data = spec_data("mou", "en")
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return SPEC_ADAPTER.validate_python(data)


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_pilcrow_in_a_name_checks_as_standard(fmt):
    spec = _spec_with(("signatories", "partner", "position", "en"), "Mayor ¶ of Shanghai")
    assert moukit.check(moukit.render(spec, fmt).data).verdict == "standard"


def test_one_letter_latin_name_in_thai_version_checks_as_standard():
    spec = _spec_with(("signatories", "partner", "name", "th"), "X")
    report = moukit.check(moukit.render(spec, "docx").data)
    assert [f.code for f in report.findings if f.route != "standard"] == ["MK-X001"]  # X is not Li Ming


# --------------------------------------------------------------------------- any input


def _check_never_crashes(data: bytes) -> None:
    try:
        report = moukit.check(data)
    except moukit.MoukitError as exc:
        assert str(exc)
    else:
        assert isinstance(report, Report)
        assert report.verdict in ("standard", "ministries", "council_of_state", "not_permitted")


FORM_WORDS = ["The two cities", "Letter of Intent", "Memorandum of Understanding", "[en] ", "[th] ",
              "===", "-----", "\n\n", "\n", "# ", "1. ", "| a | b |", "¶", "…", "\u202e", "\u200b",
              "หนังสือแสดงเจตจำนง", "สองเมือง", "<!-- moukit:form_id: mfa-sister-city-loi -->",
              "budget", "will", "shall", "Participants", "\x1b[2J", "\f"]


@SETTINGS
@given(st.one_of(
    st.binary(max_size=4000),
    st.text(max_size=4000).map(lambda t: t.encode("utf-8")),
    st.lists(st.sampled_from(FORM_WORDS), max_size=80).map(lambda w: "".join(w).encode("utf-8")),
))
def test_any_bytes_or_text_give_a_report_or_a_moukit_error(data):
    _check_never_crashes(data)


@SETTINGS
@given(specs(), st.integers(0, 10_000), st.binary(min_size=1, max_size=8))
def test_a_damaged_render_gives_a_report_or_a_moukit_error(spec, where, junk):
    data = moukit.render(spec, "docx").data
    cut = where % len(data)
    _check_never_crashes(data[:cut] + junk + data[cut + len(junk):])


@SETTINGS
@given(st.one_of(st.text(max_size=2000), st.binary(max_size=2000)))
def test_any_spec_text_gives_a_spec_or_a_spec_error(text):
    try:
        spec = moukit.parse_spec(text)
    except moukit.SpecError as exc:
        assert exc.problems
    else:
        assert spec.instrument in ("loi", "mou")
