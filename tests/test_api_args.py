"""The arguments of the public API: what a Python developer passes by habit is accepted where
it is unambiguous, and anything else is a clear ``UsageError`` (a ``ValueError``) that names
the argument, never a ``TypeError``, ``AttributeError`` or ``OSError`` from deep inside."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import moukit
from moukit.i18n import translate
from specdata import spec_data

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "chiang-mai-hokkaido.yaml"


class FsPath(os.PathLike):
    """An ``os.PathLike`` that is not a ``pathlib.Path`` (as other libraries make them)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __fspath__(self) -> str:
        return str(self.path)


@pytest.fixture(scope="module")
def spec():
    return moukit.load_spec(EXAMPLE)


@pytest.fixture(scope="module")
def text(spec) -> str:
    return moukit.render(spec, "txt").data.decode("utf-8")


@pytest.fixture()
def draft(tmp_path, text) -> Path:
    path = tmp_path / "mou.txt"
    path.write_text(text, "utf-8")
    return path


def usage_error(call, *fragments: str) -> moukit.UsageError:
    """``call()`` raises a UsageError (also a ValueError) whose message holds every fragment,
    with a Thai translation of its own."""
    with pytest.raises(moukit.UsageError) as info:
        call()
    error = info.value
    assert isinstance(error, ValueError)
    for fragment in fragments:
        assert fragment in str(error), str(error)
    assert error.code is not None  # made with N_: the catalog has it in Thai
    assert error.in_language("th") != str(error)
    return error


# ---------------------------------------------------------------- drafts: paths, bytes, text


def test_a_draft_as_text_is_refused_with_the_function_for_text(text):
    error = usage_error(lambda: moukit.check(text), "sources:", "looks like the text of a draft",
                        "moukit.check_text(text)")
    assert "File name too long" not in str(error)
    assert len(str(error)) < 300  # not the whole document
    assert "moukit.check_text(text)" in error.in_language("th")


def test_a_long_string_without_a_line_break_is_not_a_file_name():
    usage_error(lambda: moukit.check("x" * 5000), "looks like the text of a draft")


def test_check_text_checks_the_text_and_names_it(text, spec):
    report = moukit.check_text(text, spec=spec, name="from-the-web.txt")
    assert report.verdict == "standard"
    assert report.sources == ["from-the-web.txt"]
    assert moukit.check_text(text).sources == ["<text>"]


def test_check_text_refuses_bytes_and_points_to_check():
    usage_error(lambda: moukit.check_text(b"1. A clause."), "text:", "bytes", "moukit.check(")


def test_every_kind_of_path_is_a_draft(draft):
    for source in (str(draft), draft, FsPath(draft)):
        assert moukit.check(source).sources == [str(draft)]


def test_bytes_are_a_draft_and_may_be_given_a_name(draft):
    data = draft.read_bytes()
    assert moukit.check(data).sources == ["<bytes>"]
    assert moukit.check(bytearray(data)).verdict == "standard"
    assert moukit.check({"chiang-mai.txt": data}).sources == ["chiang-mai.txt"]
    batch = moukit.check_all({"one.txt": data, "two.txt": draft}, separately=True)
    assert [r.sources for r in batch.reports] == [["one.txt"], ["two.txt"]]


def test_any_iterable_of_drafts(draft):
    assert moukit.check_all(p for p in [draft]).verdict == "standard"
    assert moukit.check((draft,)).verdict == "standard"


@pytest.mark.parametrize("make, kind", [(lambda d: 123, "int"), (lambda d: None, "NoneType"),
                                        (lambda d: 1.5, "float"), (lambda d: [d, 3], "int")],
                         ids=["int", "None", "float", "a-list-holding-an-int"])
def test_a_draft_of_another_type_is_a_usage_error(make, kind, draft):
    bad = make(draft)
    usage_error(lambda: moukit.check(bad), "sources:", f"not {kind}")
    usage_error(lambda: moukit.check_all(bad), "sources:", f"not {kind}")


def test_the_names_of_drafts_must_be_strings(draft):
    usage_error(lambda: moukit.check({1: draft}), "names of the drafts", "not int")


def test_nothing_to_check_is_still_a_usage_error():
    usage_error(lambda: moukit.check([]), "nothing to check")


# ---------------------------------------------------------------- rules, templates, accept


def test_a_single_rule_pack_is_one_path_not_its_characters(draft, tmp_path):
    pack = tmp_path / "extra.yaml"
    pack.write_text("rules:\n  - {code: MK-X900, name: vetted, route: ministries, "
                    "patterns: {en: [\"regular contact\"]}}\n", "utf-8")
    edited = tmp_path / "edited.txt"
    edited.write_text(draft.read_text("utf-8").replace("direct contact", "regular contact"), "utf-8")
    for rules in (str(pack), pack, FsPath(pack), [pack]):
        codes = {f.code for f in moukit.check(edited, rules=rules).findings}
        assert "MK-X900" in codes, rules
    with pytest.raises(moukit.RulePackError, match="missing.yaml"):
        moukit.check(draft, rules=str(tmp_path / "missing.yaml"))


@pytest.mark.parametrize("argument", ["rules", "templates", "accept"])
def test_paths_of_another_type_are_a_usage_error(argument, draft):
    usage_error(lambda: moukit.check(draft, **{argument: 3}), f"{argument}:", "not int")
    usage_error(lambda: moukit.check(draft, **{argument: "a\nb"}), f"{argument}:", "looks like text")


# ---------------------------------------------------------------- the spec: model, mapping, path


def test_render_takes_a_path_or_a_mapping(spec):
    expected = moukit.render(spec, "txt").data
    data = spec.model_dump(mode="json")
    for given in (str(EXAMPLE), EXAMPLE, FsPath(EXAMPLE), data):
        assert moukit.render(given, "txt").data == expected, type(given)


def test_check_takes_the_spec_as_a_mapping(draft, spec):
    report = moukit.check(draft, spec=spec.model_dump(mode="json"))
    assert report.verdict == "standard"
    assert moukit.check_all([draft], spec=str(EXAMPLE)).verdict == "standard"


@pytest.mark.parametrize("call", [lambda: moukit.render(None), lambda: moukit.render(3, "txt")],
                         ids=["None", "int"])
def test_render_without_a_spec_is_a_usage_error(call):
    usage_error(call, "spec:", "LoiSpec or MouSpec")


def test_a_spec_of_another_type_is_a_usage_error(draft):
    usage_error(lambda: moukit.check(draft, spec=[1, 2]), "spec:", "not list")


def test_parse_spec_validates_a_mapping_with_located_problems():
    data = spec_data("mou", "zh")
    assert moukit.parse_spec(data) == moukit.parse_spec(moukit.parse_spec(data).model_dump_json())
    data["partner"]["country"] = "XX"
    data["feilds"] = data.pop("fields")
    with pytest.raises(moukit.SpecError) as info:
        moukit.parse_spec(data, file="from-the-database")
    problems = {p.path: p for p in info.value.problems}
    assert set(problems) >= {"partner.country", "feilds"}
    assert all(p.line is None for p in problems.values())  # a mapping has no lines
    assert problems["feilds"].hint == "did you mean 'fields'?"
    assert str(info.value).startswith("from-the-database: ")


def test_parse_spec_and_load_spec_point_to_each_other(tmp_path):
    usage_error(lambda: moukit.parse_spec(EXAMPLE), "parse_spec:", "not PosixPath", "moukit.load_spec(path)")
    usage_error(lambda: moukit.load_spec("instrument: mou\nterm: open\n"), "load_spec:",
                "looks like the text of a spec", "moukit.parse_spec(text)")
    usage_error(lambda: moukit.load_spec({"instrument": "mou"}), "load_spec:", "not dict",
                "moukit.parse_spec(data)")
    usage_error(lambda: moukit.load_spec(3), "load_spec:", "not int")
    assert moukit.load_spec(FsPath(EXAMPLE)) == moukit.load_spec(EXAMPLE)


# ---------------------------------------------------------------- languages, forms


@pytest.mark.parametrize("languages", ["th,en", "th, en", " en th ", ["th", "en"], ("en", "th"),
                                       iter(["th", " en "])])
def test_languages_as_a_comma_string_or_a_sequence(spec, languages):
    assert moukit.render(spec, "txt", languages=languages).document.languages == ("th", "en")


def test_an_unknown_language_is_named_and_the_fix_names_no_command_line_option(spec):
    error = usage_error(lambda: moukit.render(spec, "txt", languages="th,xx"), "language(s) xx",
                        "th, ja, en")
    assert "--" not in str(error) and "--" not in error.in_language("th")
    usage_error(lambda: moukit.render(spec, "txt", languages=5), "languages:", "not int")
    usage_error(lambda: moukit.render(spec, "txt", languages=["th", 5]), "languages:", "holding int")


def test_get_form_ignores_case():
    assert moukit.get_form("MOU") == moukit.get_form(" mou ") == moukit.get_form("mou")
    assert moukit.get_form("Loi").instrument == "loi"


def test_limits_is_public_and_applies(draft):
    assert moukit.Limits is moukit.checking.readers.Limits
    with pytest.raises(moukit.DraftError, match="max_text_bytes"):
        moukit.check(draft, limits=moukit.Limits(max_text_bytes=100))


def test_usage_error_in_thai_keeps_the_argument_and_the_values(text):
    error = usage_error(lambda: moukit.check(123), "sources:")
    thai = error.in_language("th")
    assert "sources" in thai and "int" in thai
    assert translate(error.hint, "th") in thai
