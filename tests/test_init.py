"""``moukit init``: a valid, commented spec from options or from answers typed on stdin."""

from __future__ import annotations

import builtins
import datetime as dt
import io
import sys

import pytest
import yaml

import moukit
from moukit import cli, i18n
from moukit.rendering.build import render
from moukit.spec import interview as init

THAI_PROVINCE_PROMPT = "Thai province (Thai or English name)"

# Chiang Mai - Hokkaido (Japanese partner), every answer as an option.
OPTIONS = {
    "--instrument": "mou", "--province": "Chiang Mai", "--partner-lang": "ja", "--country": "JP",
    "--level": "prefecture", "--partner-en": "Hokkaido Prefecture", "--partner-th": "จังหวัดฮอกไกโด",
    "--partner-name-other": "北海道", "--thai-name-other": "タイ王国チェンマイ県",
    "--fields": "economy,tourism", "--term": "open",
    "--place-en": "Sapporo", "--place-th": "ซัปโปโร", "--place-other": "札幌市", "--date": "2026-11-22",
    "--thai-signatory-en": "Mr. Nirat Pongsitthaworn", "--thai-signatory-th": "นายนิรัตน์ พงษ์สิทธิถาวร",
    "--thai-signatory-other": "ニラット・ポンシッティターウォン", "--thai-position-other": "チェンマイ県知事",
    "--partner-signatory-en": "Mr. Naomichi Suzuki", "--partner-signatory-th": "นายนาโอมิจิ ซูซูกิ",
    "--partner-signatory-other": "鈴木直道", "--partner-position-en": "Governor of Hokkaido",
    "--partner-position-th": "ผู้ว่าราชการจังหวัดฮอกไกโด", "--partner-position-other": "北海道知事",
}

# A Letter of Intent with an English-writing partner, answered question by question. The
# province is first misspelt, the last four alternatives take their defaults (Enter), and the
# date is first written YYYY-MM-DD with a Buddhist-Era year (refused), then as a Thai date.
LOI_ANSWERS = [
    "loi", "Chiang Mia", "Chiang Mai", "en", "cn", "2",
    "Shanghai Municipality", "นครเซี่ยงไฮ้",
    "", "3", "", "",          # relationship (default sister), parties 3 = the_two_sides, ...
    "economy, 2",             # a field by id and one by its number in the list (trade)
    "Shanghai", "เซี่ยงไฮ้", "2569-11-22", "22/11/2569",
    "Mr. Somchai Jaidee", "นายสมชาย ใจดี", "", "",
    "Mr. Li Ming", "นายหลี่ หมิง", "Mayor of Shanghai", "นายกเทศมนตรีนครเซี่ยงไฮ้",
]


@pytest.fixture(autouse=True)
def _reset_language():
    yield
    i18n.set_language(None)


def option_args(**changes) -> list[str]:
    options = dict(OPTIONS)
    options.update(changes)
    args = []
    for name, value in options.items():
        if value is not None:
            args += [name, value]
    return args


def run(capsys, *args):
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def feed_input(monkeypatch, answers):
    """Answer input() from ``answers``; return the list of prompts asked."""
    queue = list(answers)
    prompts = []

    def fake_input(prompt=""):
        prompts.append(prompt)
        if not queue:
            raise EOFError
        return queue.pop(0)

    monkeypatch.setattr(builtins, "input", fake_input)
    return prompts


# ---------------------------------------------------------------- non-interactive


@pytest.mark.parametrize("ui_lang", ["en", "th"])
def test_non_interactive_writes_a_spec_that_loads_and_renders(tmp_path, capsys, ui_lang):
    out = tmp_path / "cm-hokkaido.yaml"
    code, _, err = run(capsys, "init", "--ui-lang", ui_lang, "--non-interactive", "-o", out,
                       *option_args())
    assert code == 0, err
    spec = moukit.load_spec(out)
    assert spec.instrument == "mou" and spec.term == "open"
    assert spec.partner.name["ja"] == "北海道" and spec.partner.country == "JP"
    assert spec.thai_party.name == {"ja": "タイ王国チェンマイ県"}
    assert spec.fields == ["economy", "tourism"]
    assert spec.signing.date == dt.date(2026, 11, 22)
    # Defaults: the form's alternatives and the governor's title from the province.
    assert spec.relationship == moukit.get_form("mou").alternatives["relationship"].default
    assert spec.signatories.thai.position["en"] == "Governor of Chiang Mai Province"
    assert spec.signatories.thai.position["th"] == "ผู้ว่าราชการจังหวัดเชียงใหม่"
    text = render(spec, "txt").data.decode("utf-8")
    assert "Hokkaido Prefecture" in text and "北海道" in text
    assert str(out) in err


def test_written_file_is_commented_in_the_ui_language(tmp_path, capsys):
    for lang in ("en", "th"):
        out = tmp_path / f"{lang}.yaml"
        assert run(capsys, "init", "--ui-lang", lang, "--non-interactive", "-o", out,
                   *option_args())[0] == 0
        text = out.read_text("utf-8")
        comments = [line.strip() for line in text.splitlines() if line.strip().startswith("#")]
        assert len(comments) >= 20
        expected = i18n.translation(lang).gettext(init.COMMENTS["signing.date"])
        assert f"# {expected}" in comments
    assert (tmp_path / "en.yaml").read_text("utf-8") != (tmp_path / "th.yaml").read_text("utf-8")
    # Comments aside, both files hold the same values.
    assert yaml.safe_load((tmp_path / "en.yaml").read_text("utf-8")) == \
        yaml.safe_load((tmp_path / "th.yaml").read_text("utf-8"))


def test_fixed_term_alternatives_and_draft(tmp_path, capsys):
    out = tmp_path / "spec.yaml"
    code, _, err = run(capsys, "init", "--non-interactive", "-o", out, "--draft",
                       *option_args(**{"--term": "5", "--parties": "two_sides",
                                       "--relationship": "Friendship"}))
    assert code == 0, err
    spec = moukit.load_spec(out)
    assert spec.term.years == 5 and spec.parties == "two_sides"
    assert spec.relationship == "friendship" and spec.draft is True


def test_missing_options_exit_2_with_their_list(tmp_path, capsys):
    out = tmp_path / "spec.yaml"
    code, _, err = run(capsys, "init", "--non-interactive", "-o", out,
                       *option_args(**{"--date": None, "--partner-en": None,
                                       "--partner-position-other": None}))
    assert code == 2
    assert err.startswith("moukit: error:")
    for option in ("--date", "--partner-en", "--partner-position-other"):
        assert option in err
    assert "--place-en" not in err and "--title" not in err  # given / has a default
    assert not out.exists()


def test_missing_instrument_does_not_list_questions_that_depend_on_it(tmp_path, capsys):
    code, _, err = run(capsys, "init", "--non-interactive", "-o", tmp_path / "s.yaml",
                       *option_args(**{"--instrument": None}))
    assert code == 2 and "--instrument" in err and "--term" not in err
    code, _, err = run(capsys, "init", "--non-interactive", "-o", tmp_path / "s.yaml",
                       *option_args(**{"--province": None}))
    assert code == 2 and "--province" in err and "--thai-position-en" not in err


def test_invalid_options_exit_2_with_did_you_mean(tmp_path, capsys):
    out = tmp_path / "spec.yaml"
    code, _, err = run(capsys, "init", "--non-interactive", "-o", out,
                       *option_args(**{"--province": "Chiang Mia", "--country": "XX",
                                       "--fields": "economy,weather", "--date": "22.11.2026"}))
    assert code == 2
    assert "Chiang Mai" in err and "did you mean" in err
    assert "'XX'" in err and "weather" in err and "22.11.2026" in err
    assert not out.exists()


def test_refuses_to_overwrite_unless_forced(tmp_path, capsys):
    out = tmp_path / "spec.yaml"
    out.write_text("keep me\n", "utf-8")
    code, _, err = run(capsys, "init", "--non-interactive", "-o", out, *option_args())
    assert code == 2 and "--force" in err
    assert out.read_text("utf-8") == "keep me\n"
    code, _, err = run(capsys, "init", "--non-interactive", "--force", "-o", out, *option_args())
    assert code == 0, err
    assert moukit.load_spec(out).partner.country == "JP"


def test_refusal_comes_before_any_question(tmp_path, capsys, monkeypatch):
    out = tmp_path / "spec.yaml"
    out.write_text("keep me\n", "utf-8")
    prompts = feed_input(monkeypatch, LOI_ANSWERS)
    assert run(capsys, "init", "-o", out)[0] == 2
    assert prompts == []


# ---------------------------------------------------------------- interactive


def test_interactive_english_with_a_misspelt_province(tmp_path, capsys, monkeypatch):
    prompts = feed_input(monkeypatch, LOI_ANSWERS)
    out = tmp_path / "loi.yaml"
    code, stdout, err = run(capsys, "init", "-o", out)
    assert code == 0, err
    province_prompts = [p for p in prompts if p.startswith(THAI_PROVINCE_PROMPT)]
    assert len(province_prompts) == 2  # asked again after the misspelling
    assert "'Chiang Mia' is not a Thai province" in stdout and "did you mean Chiang Mai" in stdout
    assert "2569 looks like a Buddhist-Era year: did you mean 2026-11-22?" in stdout  # re-asked
    assert "22/11/2569 → 2026-11-22 (22 พฤศจิกายน พ.ศ. 2569)" in stdout  # the conversion, shown
    assert "Governor of Chiang Mai Province" in " ".join(prompts)  # offered as the default
    spec = moukit.load_spec(out)
    assert spec.instrument == "loi" and spec.languages == ("th", "en")
    assert spec.thai_party.province == "Chiang Mai" and spec.partner.country == "CN"
    assert spec.partner.level == "province" and spec.signing.date == dt.date(2026, 11, 22)
    assert spec.relationship == "sister" and spec.parties == "the_two_sides"
    assert spec.fields == ["economy", "trade"]
    assert spec.signatories.thai.position["th"] == "ผู้ว่าราชการจังหวัดเชียงใหม่"
    assert render(spec, "md").data  # it renders


def test_interactive_thai_through_stdin(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(LOI_ANSWERS) + "\n"))
    out = tmp_path / "loi-th.yaml"
    code, stdout, err = run(capsys, "--ui-lang", "th", "init", "-o", out)
    assert code == 0, err
    t = i18n.translation("th").gettext
    assert t(THAI_PROVINCE_PROMPT) in stdout
    assert stdout.count(t(THAI_PROVINCE_PROMPT)) == 2
    assert t("'{value}' is not a Thai province").format(value="Chiang Mia") in stdout
    assert t("Partner's name in {language}").format(language="ภาษาอังกฤษ") in stdout
    assert t("wrote {path}").format(path=out) in err
    spec = moukit.load_spec(out)
    assert spec.thai_party.province == "Chiang Mai" and spec.fields == ["economy", "trade"]
    assert t(init.COMMENTS["fields"]).split()[0] in out.read_text("utf-8")


def test_interactive_asks_only_what_options_leave_open(tmp_path, capsys, monkeypatch):
    given = option_args(**{"--date": None, "--place-other": None, "--title": "agreement",
                           "--relationship": "sister", "--parties": "participants",
                           "--opening": "common_understandings",
                           "--thai-position-en": "Governor of Chiang Mai Province",
                           "--thai-position-th": "ผู้ว่าราชการจังหวัดเชียงใหม่"})
    prompts = feed_input(monkeypatch, ["", "札幌", "2026-12-01"])  # Enter is not a place
    code, _, err = run(capsys, "init", "-o", tmp_path / "s.yaml", *given)
    assert code == 0, err
    assert len(prompts) == 3
    assert prompts[0].startswith("Place of signing in Japanese") and prompts[1] == prompts[0]
    assert prompts[2].startswith("Date of signing")
    assert moukit.load_spec(tmp_path / "s.yaml").signing.place["ja"] == "札幌"


def test_input_ending_early_is_an_error_and_writes_nothing(tmp_path, capsys, monkeypatch):
    feed_input(monkeypatch, ["mou", "Chiang Mai"])
    out = tmp_path / "s.yaml"
    code, _, err = run(capsys, "init", "-o", out)
    assert code == 2 and "ended" in err
    assert not out.exists()


# ---------------------------------------------------------------- the pure functions


@pytest.mark.parametrize("tricky", ["on", "no", "yes", "null", "123", "2026-11-22", "a: b",
                                    "# not a comment", "'quoted'", "- dash", "ข้อความ: ไทย"])
def test_values_read_back_exactly(tricky):
    answers, errors = init.parse_given({k.lstrip("-").replace("-", "_"): v
                                        for k, v in OPTIONS.items()})
    assert not errors
    answers["partner_en"] = tricky
    answers["place_other"] = tricky
    spec = init.build_spec(answers)
    text = init.spec_yaml(spec, "en")
    assert yaml.safe_load(text) == spec
    assert moukit.parse_spec(text).partner.name["en"] == tricky


def test_a_key_yaml_would_read_as_false_is_quoted():
    assert init.yaml_scalar("no") in ("'no'", '"no"')
    assert yaml.safe_load(f"{init.yaml_scalar('no')}: x") == {"no": "x"}


def test_choices_accept_ids_numbers_and_case():
    answers = {"instrument": "loi"}
    assert init.parse_answer("preposition", "2", answers) == "in"
    assert init.parse_answer("relationship", "Twin", answers) == "twin"
    assert init.parse_answer("level", "autonomous region", answers) == "autonomous_region"
    with pytest.raises(moukit.AnswerError) as info:
        init.parse_answer("intent", "maybe", answers)
    assert "aim_to" in str(info.value)


def test_questions_depend_on_instrument_and_language():
    mou = init.needed({"instrument": "mou", "partner_lang": "en"})
    loi = init.needed({"instrument": "loi", "partner_lang": "ko"})
    assert "term" in mou and "title" in mou and "preposition" not in mou
    assert "term" not in loi and "intent" in loi
    assert "place_other" not in mou and "place_other" in loi and "thai_name_other" in loi
    assert init.missing({"instrument": "mou"})[0] == "province"


def test_mou_without_fields_means_various_fields(tmp_path, capsys):
    out = tmp_path / "s.yaml"
    code, _, err = run(capsys, "init", "--non-interactive", "-o", out,
                       *option_args(**{"--fields": None}))
    assert code == 0, err
    spec = moukit.load_spec(out)
    assert spec.fields == [] and not spec.names_fields


def test_loi_needs_fields(tmp_path, capsys):
    code, _, err = run(capsys, "init", "--non-interactive", "-o", tmp_path / "s.yaml",
                       *option_args(**{"--instrument": "loi", "--term": None, "--fields": None}))
    assert code == 2 and "--fields" in err


def test_output_is_deterministic(tmp_path, capsys):
    for name in ("a.yaml", "b.yaml"):
        assert run(capsys, "init", "--non-interactive", "-o", tmp_path / name, *option_args())[0] == 0
    assert (tmp_path / "a.yaml").read_bytes() == (tmp_path / "b.yaml").read_bytes()
