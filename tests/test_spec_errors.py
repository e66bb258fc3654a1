"""Spec errors: every problem is named by its YAML path and line, with a hint where one helps.

The specs are YAML text built from a valid spec (``specdata``) with one or more lines
changed; the expected line is found in the text itself, never hard-coded.
"""

from __future__ import annotations

import pytest
import yaml

import moukit
from moukit import SpecError
from specdata import spec_data


def base_text(instrument: str = "mou", lang: str = "zh") -> str:
    return yaml.safe_dump(spec_data(instrument, lang), allow_unicode=True, sort_keys=False)


def line_of(text: str, fragment: str, after: str | None = None) -> int:
    """1-based number of the first line containing ``fragment`` (after line ``after``)."""
    lines = text.splitlines()
    start = 0 if after is None else next(i for i, x in enumerate(lines) if after in x)
    return next(i for i, x in enumerate(lines) if i >= start and fragment in x) + 1


def problems(text: str, file: str = "spec.yaml") -> list[moukit.Problem]:
    with pytest.raises(SpecError) as info:
        moukit.parse_spec(text, file=file)
    error = info.value
    assert error.problems
    assert str(error).startswith(f"{file}: {len(error.problems)} problem")
    return error.problems


def only(text: str) -> moukit.Problem:
    found = problems(text)
    assert len(found) == 1, [p.describe() for p in found]
    return found[0]


def changed(old: str, new: str, text: str | None = None) -> str:
    text = text or base_text()
    assert old in text, old
    return text.replace(old, new, 1)


def test_the_base_spec_is_valid():
    assert moukit.parse_spec(base_text()).partner.name["zh"] == "上海市"


def test_missing_translation_is_named_by_path_and_line_never_silent_english():
    text = changed("    zh: 上海市\n", "")
    p = only(text)
    assert p.path == "partner.name.zh"
    assert p.line == line_of(text, "name:", after="partner:")
    assert "zh" in p.message and "partner.name.zh" in p.hint
    assert f"line {p.line} at partner.name.zh" in p.describe("spec.yaml")


def test_every_missing_translation_is_reported_at_once():
    data = spec_data("mou", "zh")
    del data["signing"]["place"]["zh"]
    del data["signatories"]["partner"]["position"]["en"]
    del data["thai_party"]["name"]
    paths = {p.path for p in problems(yaml.safe_dump(data, allow_unicode=True))}
    assert paths == {"signing.place.zh", "signatories.partner.position.en", "thai_party.name.zh"}


def test_custom_wording_needs_every_language():
    text = changed("term: open", "relationship: {custom: {th: เมืองมิตร, en: Friendly Cities}}\nterm: open")
    p = only(text)
    assert p.path == "relationship.custom.zh"
    assert p.line == line_of(text, "relationship:")


def test_misspelt_province_gets_did_you_mean():
    text = changed("province: Chiang Mai", "province: Chang Mai")
    p = only(text)
    assert p.path == "thai_party.province"
    assert p.line == line_of(text, "Chang Mai")
    assert "did you mean" in p.message and "Chiang Mai" in p.message


def test_unknown_key_gets_a_suggestion():
    text = changed("instrument: mou", "instrument: mou\ntittle: agreement")
    p = only(text)
    assert p.path == "tittle"
    assert p.line == 2
    assert "unknown key" in p.message and "'title'" in (p.hint or "")


def test_unknown_nested_key_gets_a_suggestion():
    text = changed("  country: CN", "  contry: CN")
    found = {p.path: p for p in problems(text)}
    assert found["partner.contry"].line == line_of(text, "contry")
    assert "'country'" in (found["partner.contry"].hint or "")


@pytest.mark.parametrize("text", ["", "\n\n", "# nothing but a comment\n"])
def test_empty_file(text):
    p = only(text)
    assert "empty" in p.message


@pytest.mark.parametrize("text", ["- mou\n- loi\n", "just a sentence\n", "42\n"])
def test_not_a_mapping(text):
    p = only(text)
    assert "mapping" in p.message


def test_invalid_yaml_gives_the_line():
    text = changed("  level: municipality_under_central_government",
                   "  level: [municipality_under_central_government")
    p = only(text)
    assert "not valid YAML" in p.message
    assert p.line is not None and p.line >= line_of(text, "level: [")


def test_duplicate_keys_are_refused():
    text = base_text() + "instrument: loi\n"
    p = only(text)
    assert "duplicate key 'instrument'" in p.message
    assert p.line == len(text.splitlines())


def test_duplicate_nested_key():
    text = changed("  country: CN", "  country: CN\n  country: JP")
    p = only(text)
    assert p.path == "partner.country" and p.line == line_of(text, "country: JP")


def test_yaml_aliases_are_refused():
    text = changed("  place:\n", "  place: &where\n")
    text = text.replace("\nterm: open", "\nterm: open\nfields_clause: *where")
    p = only(text)
    assert "alias" in p.message
    assert p.path == "fields_clause"


@pytest.mark.parametrize("tagged", [
    "term: !!python/name:os.system open",
    "term: !!python/object/apply:os.system ['true']",
    "term: !!python/object:moukit.spec.models.FixedTerm {years: 3}",
    "fields: !!python/tuple [economy]",
    "term: !custom {years: 3}",
])
def test_tags_are_refused(tagged):
    text = changed("term: open", tagged) if tagged.startswith("term") else base_text().replace(
        "fields:\n- economy\n- trade\n- tourism", tagged)
    p = only(text)
    assert "tag" in p.message
    assert p.line == line_of(text, tagged.split()[0])


@pytest.mark.parametrize("date", ["2026-13-01", "'22.11.2026'", "2026-02-30", "tomorrow",
                                  "2026-11-22 10:00:00", "2569-11-22", "20261122"])
def test_wrong_date(date):
    text = changed("date: '2026-11-22'", f"date: {date}")
    p = only(text)
    assert p.path == "signing.date"
    assert p.line == line_of(text, "date:")


@pytest.mark.parametrize("code", ["XX", "THA", "Japn", "zz", "C1", "EU"])
def test_unknown_country_code(code):
    text = changed("country: CN", f"country: {code}")
    p = only(text)
    assert p.path == "partner.country" and p.line == line_of(text, "country:")
    assert f"'{code}' is not a country code or name" in p.message


def test_country_code_is_normalised():
    assert moukit.parse_spec(changed("country: CN", "country: cn")).partner.country == "CN"


def test_unknown_level():
    text = changed("level: municipality_under_central_government", "level: village")
    p = only(text)
    assert p.path == "partner.level" and p.line == line_of(text, "level:")
    assert "prefecture" in p.message  # the allowed levels are listed


def test_unknown_partner_language():
    text = changed("  language: zh", "  language: xq")
    assert any(p.path == "partner.language" for p in problems(text))


@pytest.mark.parametrize("years", ["0", "100", "-5", "5.5", "yes", "five"])
def test_years_out_of_range_or_not_a_number(years):
    text = changed("term: open", f"term:\n  years: {years}")
    found = problems(text)
    assert [p.path for p in found] == ["term.years"], [p.describe() for p in found]
    assert found[0].line == line_of(text, "years:")


@pytest.mark.parametrize("years", [1, 5, 99])
def test_years_in_range(years):
    spec = moukit.parse_spec(changed("term: open", f"term: {{years: {years}}}"))
    assert spec.term.years == years


def test_unknown_instrument():
    p = only(changed("instrument: mou", "instrument: treaty"))
    assert "'loi' or 'mou'" in p.message


def test_missing_instrument():
    p = only(changed("instrument: mou\n", ""))
    assert "instrument" in (p.hint or "") + p.message


def test_missing_required_key():
    text = base_text()
    start = text.index("signing:")
    end = text.index("signatories:")
    p = only(text[:start] + text[end:])
    assert p.path == "signing" and "signing" in (p.hint or "")


def test_unknown_field_of_cooperation():
    text = changed("- trade\n", "- trading\n")
    found = problems(text)
    assert {p.path for p in found} == {"fields[1]"}
    assert all(p.line == line_of(text, "- trading") for p in found)


def test_alternative_outside_the_list():
    text = changed("instrument: mou", "instrument: mou\nparties: the_parties")
    p = only(text)
    assert p.path == "parties" and p.line == 2
    assert "participants" in p.message


def test_multiple_problems_reported_at_once_in_file_order():
    text = changed("country: CN", "country: XX")
    text = changed("level: municipality_under_central_government", "level: village", text)
    text = changed("instrument: mou", "instrument: mou\ncolour: red", text)
    found = problems(text)
    assert {"partner.country", "partner.level", "colour"} <= {p.path for p in found}
    lines = {p.path: p.line for p in found}
    assert lines["colour"] == 2
    assert lines["partner.country"] == line_of(text, "country: XX")
    assert lines["partner.level"] == line_of(text, "level: village")


def test_load_spec_names_the_file(tmp_path):
    path = tmp_path / "draft.yaml"
    path.write_text(changed("level: municipality_under_central_government", "level: village"), "utf-8")
    with pytest.raises(SpecError) as info:
        moukit.load_spec(path)
    assert str(info.value).startswith(f"{path}: 1 problem")
    assert f"{path}, line " in str(info.value)


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(base_text().replace("上海市", "Genova").encode("utf-8") + "città: x\n".encode("latin-1"))
    with pytest.raises(SpecError, match="UTF-8"):
        moukit.load_spec(path)


def test_spec_error_is_a_moukit_error_with_exit_code_2():
    with pytest.raises(moukit.MoukitError) as info:
        moukit.parse_spec("")
    assert info.value.exit_code == 2
