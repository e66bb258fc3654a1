"""Every error has the narrowest class that says what went wrong, under MoukitError."""

from __future__ import annotations

import pytest

import moukit
from moukit.checking.rules import load_rules
from specdata import spec


def test_asking_for_what_does_not_exist_is_a_usage_error():
    s = spec("mou", "zh")
    for call in (lambda: moukit.render(s, "odt"), lambda: moukit.render(s, "txt", layout="sideways"),
                 lambda: moukit.render(s, "txt", languages=["fr"]), lambda: moukit.check([])):
        with pytest.raises(moukit.UsageError) as info:
            call()
        assert isinstance(info.value, ValueError) and info.value.exit_code == 2


def test_a_bad_rule_pack_is_a_rule_pack_error(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text("rules:\n  - {code: MK-C001, route: ministries, patterns: {en: ['x']}}\n", "utf-8")
    with pytest.raises(moukit.RulePackError, match="MK-C001"):
        load_rules([path])
    with pytest.raises(moukit.RulePackError, match="MK-C001"):
        load_rules(path)  # one path is one pack, not a string of characters


def test_a_draft_in_a_language_without_templates_names_the_missing_pack():
    italian = ("Le Parti coopereranno tra loro nei settori di comune interesse, compatibilmente "
               "con le politiche dei rispettivi governi e con le leggi nazionali vigenti.\n")
    with pytest.raises(moukit.LanguageNotAvailable, match="no templates for"):
        moukit.check(italian.encode("utf-8"))


def test_a_redline_of_a_text_draft_is_a_usage_error():
    from moukit.checking.output.redline import write_redline
    from moukit.checking.pipeline import check_detailed

    text = moukit.render(spec("mou", "zh"), "txt").data
    _, analyses = check_detailed([text])
    with pytest.raises(moukit.UsageError, match="only be written for a .docx"):
        write_redline(text, analyses)
