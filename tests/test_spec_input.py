"""Input that cannot silently go wrong: dates (Buddhist Era), names where codes are asked,
labels where ids are asked, on every entry path: a YAML spec, ``moukit init`` (options and
questions), the Python API.

The cases are tables of what people write (Thai officials' dates, languages and countries
by name, the labels ``init`` shows); the expected line of an error is found in the text.
"""

from __future__ import annotations

import builtins
import datetime as dt

import pydantic
import pytest
import yaml

import moukit
from moukit import cli, i18n
from moukit.spec.notices import spec_notices
from specdata import spec_data

AUG_20 = dt.date(2026, 8, 20)
NOV_22 = dt.date(2026, 11, 22)
BE_2569 = "2569 looks like a Buddhist-Era year: did you mean 2026-08-20?"

# (as written in the YAML after "date: ", the date read, whether it was converted)
DATES_READ = [
    ("2026-08-20", AUG_20, False),                     # YAML's own date
    ("'2026-08-20'", AUG_20, False),                   # the same, quoted: the same reader
    ("20/08/2569", AUG_20, True),                      # day/month/B.E. year
    ("20/08/2026", AUG_20, True),                      # day/month/C.E. year
    ("๒๐/๐๘/๒๕๖๙", AUG_20, True),                     # Thai digits
    ("22 พฤศจิกายน 2569", NOV_22, True),
    ("22 พ.ย. 69", NOV_22, True),                      # two-digit B.E. year
    ("วันที่ 22 พฤศจิกายน พ.ศ. 2569", NOV_22, True),
    ("๒๒ พฤศจิกายน พ.ศ. ๒๕๖๙", NOV_22, True),
    ("22 November 2026", NOV_22, True),
    ("November 22, 2026", NOV_22, True),
    ("22 Nov ค.ศ. 2026", NOV_22, True),
]

# (as written, the message of the refusal)
DATES_REFUSED = [
    ("2569-08-20", BE_2569),                           # YAML's own date, with a B.E. year
    ("'2569-08-20'", BE_2569),
    ("๒๕๖๙-๐๘-๒๐", BE_2569),                           # ISO form, Thai digits: still ambiguous-looking
    ("20 August 2569", BE_2569),                       # an English month says C.E.
    ("20/08/69", "write the year in full"),
    ("30/02/2569", "month 2 of that year has no day 30"),
    ("08/20/2026", "there is no month 20"),
    ("2026-11-22 10:00:00", "a signing date has no time of day: write 2026-11-22"),
    ("next Tuesday", "is not a date moukit can read"),
    ("22 พฤศจิกายน ค.ศ. 2569", "2569 looks like a Buddhist-Era year"),
    ("1 ม.ค. พ.ศ. 2026", "B.E. 2026 is not a Buddhist-Era year of our time"),
]


def yaml_text(**changes) -> str:
    """A valid MOU spec (Japanese partner) with top-level or dotted ``changes``, as YAML text."""
    data = spec_data("mou", "ja")
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    for dotted, value in changes.items():
        key = dotted.split("__")[-1]
        old = next(line for line in text.splitlines() if line.strip().startswith(f"{key}:"))
        text = text.replace(old, old.split(":")[0] + ": " + value, 1)
    return text


def line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if fragment in line)


def refused(text: str) -> moukit.Problem:
    with pytest.raises(moukit.SpecError) as info:
        moukit.parse_spec(text, file="spec.yaml")
    (problem,) = info.value.problems
    return problem


def read_as(spec) -> dict[str, str]:
    return {n.path: n.message for n in spec_notices(spec, today=dt.date(2026, 11, 30))
            if n.code == "MK-W005"}


# ---------------------------------------------------------------- dates in a YAML spec


@pytest.mark.parametrize(("written", "date", "converted"), DATES_READ)
def test_yaml_dates_thai_officials_write_are_read_and_said(written, date, converted):
    spec = moukit.parse_spec(yaml_text(date=written))
    assert spec.signing.date == date
    notes = read_as(spec)
    if converted:
        assert notes == {"signing.date": f"'{written}' was read as {date.isoformat()} "
                                         f"({moukit.spec.dates.thai_date(date)})"}
    else:
        assert notes == {}


@pytest.mark.parametrize(("written", "message"), DATES_REFUSED)
def test_yaml_dates_that_would_be_misread_are_refused_where_they_are(written, message):
    text = yaml_text(date=written)
    problem = refused(text)
    assert problem.path == "signing.date" and problem.line == line_of(text, "date:")
    assert message in problem.message


def test_the_buddhist_era_refusal_says_how_to_fix_it():
    problem = refused(yaml_text(date="2569-08-20"))
    assert problem.message == BE_2569
    assert "543" in problem.hint and "22/11/2569" in problem.hint


@pytest.mark.parametrize(("date", "today", "code"), [
    ("2026-12-01", "2026-11-30", None),
    ("2029-11-01", "2026-11-30", None),           # within three years
    ("2030-01-01", "2026-11-30", "ahead"),
    ("2025-12-01", "2026-11-30", None),           # within a year
    ("2025-06-01", "2026-11-30", "ago"),
    ("2026-08-20", "2031-01-01", "ago"),          # the same spec, read later
])
def test_a_signing_date_far_from_today_is_a_warning(date, today, code):
    spec = moukit.parse_spec(yaml_text(date=date))
    far = [n for n in spec_notices(spec, today=dt.date.fromisoformat(today)) if n.code == "MK-W006"]
    if code is None:
        assert far == []
    else:
        (notice,) = far
        assert notice.path == "signing.date" and code in notice.message and date in notice.message


def test_far_date_warning_on_the_command_line(tmp_path, capsys):
    path = tmp_path / "far.yaml"
    path.write_text(yaml_text(date="2031-08-20"), "utf-8")  # the tests' today is 2026-11-30
    assert cli.main(["render", str(path), "--lang", "th,en", "-o", str(tmp_path / "far.txt")]) == 0
    err = capsys.readouterr().err
    assert "warning: MK-W006 signing.date: the signing date 2031-08-20 is more than three years ahead" in err


# ---------------------------------------------------------------- names and labels in a YAML spec

# (YAML key, as written, the value read, whether a notice says what it was read as)
NAMES_READ = [
    ("language", "ja", "ja", False),
    ("language", "Japanese", "ja", True),
    ("language", "ภาษาญี่ปุ่น", "ja", True),
    ("language", "ญี่ปุ่น", "ja", True),
    ("country", "jp", "JP", False),
    ("country", "Japan", "JP", True),
    ("country", "ญี่ปุ่น", "JP", True),
    ("country", "ประเทศญี่ปุ่น", "JP", True),
    ("country", "Türkiye", "TR", True),
    ("country", "Turkey", "TR", True),
    ("country", "ตุรกี", "TR", True),
    ("country", "USA", "US", True),
    ("country", "United States", "US", True),
    ("country", "South Korea", "KR", True),
    ("country", "Korea", "KR", True),
    ("country", "Vietnam", "VN", True),
    ("country", "UK", "GB", True),
    ("level", "Prefecture", "prefecture", False),
    ("level", "autonomous region", "autonomous_region", False),
    ("level", "จังหวัด", "prefecture", True),
    ("relationship", "Sister Cities", "sister", True),
    ("relationship", "เมืองพี่เมืองน้อง", "sister", True),
    ("relationship", "Friendship", "friendship", False),
    ("title", "บันทึกความเข้าใจ", "memorandum_of_understanding", True),
    ("parties", "ผู้เข้าร่วม", "participants", True),
    ("term", "Open", "open", False),
    ("term", "ไม่กำหนดระยะเวลา", "open", True),
    ("instrument", "MOU", "mou", False),
    ("instrument", "บันทึกความเข้าใจ", "mou", True),
    ("province", "โคราช", "Nakhon Ratchasima", True),
    ("province", "Korat", "Nakhon Ratchasima", True),
    ("province", "Ayutthaya", "Phra Nakhon Si Ayutthaya", True),
    ("province", "เชียงใหม่", "Chiang Mai", False),  # the official Thai name
]

PATHS = {"language": "partner.language", "country": "partner.country", "level": "partner.level",
         "province": "thai_party.province"}


def _value(spec, key):
    obj = spec
    for part in PATHS.get(key, key).split("."):
        obj = getattr(obj, part)
    return obj


@pytest.mark.parametrize(("key", "written", "value", "noticed"), NAMES_READ)
def test_yaml_names_and_labels_are_read_as_codes_and_ids(key, written, value, noticed):
    if key in ("title", "relationship", "parties"):  # not in the base spec: added
        text = yaml_text().replace("term: open", f"term: open\n{key}: {written}")
    else:
        text = yaml_text(**{key: written})
    spec = moukit.parse_spec(text)
    assert _value(spec, key) == value
    notes = read_as(spec)
    path = PATHS.get(key, key)
    assert (path in notes) == noticed, notes
    if noticed:
        assert notes[path].startswith(f"'{written}' was read as {value}")


def test_yaml_fields_given_by_their_thai_and_english_labels():
    text = yaml_text().replace("- economy\n- trade\n- tourism", "- เศรษฐกิจ\n- trade\n- การท่องเที่ยว")
    spec = moukit.parse_spec(text)
    assert spec.fields == ["economy", "trade", "tourism"]
    assert read_as(spec) == {"fields[0]": "'เศรษฐกิจ' was read as economy",
                             "fields[2]": "'การท่องเที่ยว' was read as tourism"}


@pytest.mark.parametrize(("key", "written", "message", "hint"), [
    ("country", "Atlantis", "'Atlantis' is not a country code or name", "ISO 3166-1"),
    ("country", "Japn", "'Japn' is not a country code or name", "did you mean Japan?"),
    ("language", "Japanes", "'Japanes' is not a language code or name", "did you mean Japanese"),
    ("province", "Chiang Mia", "'Chiang Mia' is not a Thai province: did you mean Chiang Mai", None),
    ("level", "village", "'village' is not one of: state, province", None),
])
def test_yaml_unknown_names_are_located_with_a_suggestion(key, written, message, hint):
    text = yaml_text(**{key: written})
    problem = refused(text)
    assert problem.path == PATHS.get(key, key) and problem.line == line_of(text, f"{key}: {written}")
    assert message in problem.message
    if hint:
        assert hint in problem.hint


@pytest.mark.parametrize(("written", "years"), [
    ("5 years", 5), ("5 ปี", 5), ("five years", 5), ("'10'", 10), ("3", 3), ("๕ ปี", 5)])
def test_yaml_term_written_as_a_number_of_years_says_how_to_write_it(written, years):
    text = yaml_text(term=written)
    problem = refused(text)
    assert problem.path == "term" and problem.line == line_of(text, "term:")
    assert problem.hint.startswith(f"write term: {{years: {years}}} for a fixed term")


# ---------------------------------------------------------------- the Python API


def test_api_refuses_a_buddhist_era_year_as_a_validation_error():
    for date in ("2569-08-20", dt.date(2569, 8, 20)):
        with pytest.raises(pydantic.ValidationError) as info:
            moukit.Signing(place={"th": "ซัปโปโร", "en": "Sapporo"}, date=date)
        assert BE_2569 in str(info.value)


def test_api_converts_thai_dates_and_names_and_says_so():
    signing = moukit.Signing(place={"th": "ซัปโปโร", "en": "Sapporo"}, date="22 พ.ย. 69")
    assert signing.date == NOV_22
    data = spec_data("mou", "ja")
    data["signing"]["date"] = "20/08/2569"
    data["partner"]["country"] = "ญี่ปุ่น"
    spec = moukit.MouSpec(**data)
    assert spec.signing.date == AUG_20 and spec.partner.country == "JP"
    codes = {(n.code, n.path) for n in moukit.render(spec, "txt", languages=["th", "en"]).notices}
    assert {("MK-W005", "signing.date"), ("MK-W005", "partner.country")} <= codes


def test_api_error_messages_are_moukits_own():
    data = spec_data("mou", "ja")
    data["partner"]["language"] = "Atlantean"
    with pytest.raises(pydantic.ValidationError) as info:
        moukit.MouSpec(**data)
    assert "'Atlantean' is not a language code or name moukit knows" in str(info.value)


# ---------------------------------------------------------------- Thai from end to end


def test_thai_render_error_shows_problems_and_fixes_in_thai(tmp_path, capsys):
    path = tmp_path / "bad.yaml"
    text = yaml_text(date="2569-08-20", term="5 ปี")
    path.write_text(text, "utf-8")
    try:
        code = cli.main(["--ui-lang", "th", "render", str(path), "-o", str(tmp_path / "x.txt")])
    finally:
        i18n.set_language(None)
    err = capsys.readouterr().err
    assert code == 2 and not (tmp_path / "x.txt").exists()
    assert "2569 น่าจะเป็นปีพุทธศักราช หมายถึง 2026-08-20 หรือไม่" in err
    assert f"บรรทัดที่ {line_of(text, 'date:')} ที่ signing.date" in err
    assert "'5 ปี' ไม่ใช่ระยะเวลาที่โปรแกรมอ่านได้" in err
    assert err.count("วิธีแก้:") == 2 and "how to fix" not in err
    assert "looks like" not in err and "Input should" not in err


def test_a_notice_is_shown_in_thai(tmp_path, capsys):
    path = tmp_path / "thai.yaml"
    path.write_text(yaml_text(date="20/08/2569"), "utf-8")
    try:
        code = cli.main(["--ui-lang", "th", "render", str(path), "-o", str(tmp_path / "x.txt")])
    finally:
        i18n.set_language(None)
    assert code == 0
    assert "MK-W005 signing.date: อ่าน '20/08/2569' เป็น 2026-08-20 (20 สิงหาคม พ.ศ. 2569)" \
        in capsys.readouterr().err


# ---------------------------------------------------------------- moukit init

OPTIONS = {
    "--instrument": "mou", "--province": "Chiang Mai", "--partner-lang": "ja", "--country": "JP",
    "--level": "prefecture", "--partner-en": "Hokkaido Prefecture", "--partner-th": "จังหวัดฮอกไกโด",
    "--partner-name-other": "北海道", "--thai-name-other": "チェンマイ県",
    "--fields": "economy,tourism", "--term": "open",
    "--place-en": "Sapporo", "--place-th": "ซัปโปโร", "--place-other": "札幌市", "--date": "2026-11-22",
    "--thai-signatory-en": "Mr. A", "--thai-signatory-th": "นาย ก", "--thai-signatory-other": "A",
    "--thai-position-other": "チェンマイ県知事", "--partner-signatory-en": "Mr. B",
    "--partner-signatory-th": "นาย ข", "--partner-signatory-other": "B",
    "--partner-position-en": "Governor of Hokkaido", "--partner-position-th": "ผู้ว่าราชการจังหวัดฮอกไกโด",
    "--partner-position-other": "北海道知事",
}


def init_options(tmp_path, capsys, **changes):
    options = {**OPTIONS, **{f"--{k.replace('_', '-')}": v for k, v in changes.items()}}
    out = tmp_path / "spec.yaml"
    args = ["init", "--non-interactive", "-o", str(out)]
    for name, value in options.items():
        args += [name, value]
    code = cli.main(args)
    return code, capsys.readouterr().err, out


@pytest.mark.parametrize(("option", "written", "value", "echo"), [
    ("date", "20/08/2569", AUG_20, "--date: 20/08/2569 → 2026-08-20 (20 สิงหาคม พ.ศ. 2569)"),
    ("date", "22 พฤศจิกายน 2569", NOV_22, "--date: 22 พฤศจิกายน 2569 → 2026-11-22"),
    ("date", "22 พ.ย. 69", NOV_22, "→ 2026-11-22"),
    ("date", "๒๒/๑๑/๒๕๖๙", NOV_22, "→ 2026-11-22"),
    ("country", "USA", "US", "--country: USA → US (United States)"),
    ("country", "ญี่ปุ่น", "JP", "--country: ญี่ปุ่น → JP (Japan)"),
    ("partner_lang", "Japanese", "ja", "--partner-lang: Japanese → ja (Japanese)"),
    ("partner_lang", "ภาษาญี่ปุ่น", "ja", "--partner-lang: ภาษาญี่ปุ่น → ja (Japanese)"),
    ("level", "จังหวัด", "prefecture", "--level: จังหวัด → prefecture"),
    ("level", "Prefecture", "prefecture", None),
    ("relationship", "เมืองพี่เมืองน้อง", "sister", "--relationship: เมืองพี่เมืองน้อง → sister"),
    ("relationship", "Friendship Cities", "friendship", "→ friendship"),
    ("instrument", "บันทึกความเข้าใจ", "mou", "--instrument: บันทึกความเข้าใจ → mou"),
    ("fields", "เศรษฐกิจ, การท่องเที่ยว", ["economy", "tourism"], "→ economy, tourism"),
    ("term", "5 ปี", 5, "--term: 5 ปี → 5 years"),
    ("term", "five years", 5, "→ 5 years"),
    ("term", "๕", 5, None),
    ("province", "โคราช", "Nakhon Ratchasima", "--province: โคราช → Nakhon Ratchasima (นครราชสีมา)"),
])
def test_init_options_accept_what_people_write_and_echo_it(tmp_path, capsys, option, written, value, echo):
    code, err, out = init_options(tmp_path, capsys, **{option: written})
    assert code == 0, err
    spec = moukit.load_spec(out)
    got = {"date": spec.signing.date, "country": spec.partner.country, "partner_lang": spec.partner.language,
           "level": spec.partner.level, "relationship": spec.relationship, "instrument": spec.instrument,
           "fields": spec.fields, "term": getattr(spec.term, "years", spec.term),
           "province": spec.thai_party.province}[option]
    assert got == value
    if echo:
        assert echo in err
    else:
        assert "→" not in err


@pytest.mark.parametrize(("option", "written", "message"), [
    ("date", "2569-08-20", BE_2569),
    ("date", "20/08/69", "write the year in full"),
    ("country", "Atlantis", "'Atlantis' is not a country code or name moukit knows"),
    ("partner_lang", "Atlantean", "'Atlantean' is not a language code or name moukit knows"),
    ("term", "forever", "the term is 'open' or a number of years from 1 to 99"),
])
def test_init_options_refused_say_why_not_missing(tmp_path, capsys, option, written, message):
    code, err, out = init_options(tmp_path, capsys, **{option: written})
    assert code == 2 and not out.exists()
    assert message in err
    assert "missing answers" not in err  # given but invalid is not missing


def feed(monkeypatch, answers: list[str]) -> list[str]:
    """Answer input() from ``answers`` (then end the input); return the answers left."""
    queue = list(answers)

    def fake_input(prompt=""):
        if not queue:
            raise EOFError
        return queue.pop(0)

    monkeypatch.setattr(builtins, "input", fake_input)
    return queue


def test_init_interactive_in_thai_words(tmp_path, capsys, monkeypatch):
    answers = ["บันทึกความเข้าใจ", "โคราช", "ภาษาญี่ปุ่น", "ญี่ปุ่น", "จังหวัด",
               "Hokkaido Prefecture", "จังหวัดฮอกไกโด", "北海道", "ナコンラーチャシーマー県",
               "", "เมืองพี่เมืองน้อง", "", "",
               "เศรษฐกิจ, 6", "5 ปี",
               "Sapporo", "ซัปโปโร", "札幌市", "2569-11-22", "22 พฤศจิกายน 2569",
               "Mr. A", "นาย ก", "A", "", "", "知事", "Mr. B", "นาย ข", "B",
               "Governor of Hokkaido", "ผู้ว่าราชการจังหวัดฮอกไกโด", "北海道知事"]
    queue = feed(monkeypatch, answers)
    out = tmp_path / "korat.yaml"
    code = cli.main(["init", "-o", str(out)])
    stdout, err = capsys.readouterr()
    assert code == 0, err
    assert queue == []
    assert BE_2569.replace("08-20", "11-22") in stdout            # refused, asked again
    assert "22 พฤศจิกายน 2569 → 2026-11-22 (22 พฤศจิกายน พ.ศ. 2569)" in stdout
    assert "ญี่ปุ่น → JP (Japan)" in stdout and "5 ปี → 5 years" in stdout
    spec = moukit.load_spec(out)
    assert (spec.instrument, spec.thai_party.province, spec.partner.language, spec.partner.country,
            spec.partner.level, spec.relationship, spec.fields, spec.term.years, spec.signing.date) == \
        ("mou", "Nakhon Ratchasima", "ja", "JP", "prefecture", "sister", ["economy", "tourism"], 5, NOV_22)


def test_init_shows_a_problem_and_its_fix_as_one_sentence(tmp_path, capsys, monkeypatch):
    feed(monkeypatch, ["mou", "Chiang Mia"])
    cli.main(["init", "-o", str(tmp_path / "s.yaml")])
    stdout = capsys.readouterr().out
    assert "'Chiang Mia' is not a Thai province: did you mean Chiang Mai or Chiang Rai?" in stdout


def test_init_shows_level_labels_in_english_and_thai():
    from moukit.spec import interview

    listed = dict(interview.choices("level", {}))
    assert listed["prefecture"].startswith("prefecture / จังหวัด: ")
    assert listed["city"].startswith("city / นคร: below a Thai province")
