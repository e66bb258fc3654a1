"""Every example spec, rendered by moukit, checks as the standard form.

Each example in examples/*.yaml is rendered in both layouts (separate, parallel) as DOCX,
text and Markdown, and checked: no finding, verdict ``standard``, exit code 0; the
Khon Kaen - Fujian LOI, whose relationship name is not one the form lists, gives exactly
one MK-V001 variant per language version and verdict ``ministries``. DOCX and Markdown
renders carry moukit's fingerprint and are recognised as untouched renderings.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

import moukit

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ITALIAN = (str(EXAMPLES / "templates-it"),)
NAMES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))
CUSTOM_RELATIONSHIP = "khon-kaen-fujian-loi"
STANDARD = [n for n in NAMES if n != CUSTOM_RELATIONSHIP]
FORMATS = ("docx", "txt", "md")
LAYOUTS = ("separate", "parallel")


def templates_for(name: str) -> tuple[str, ...]:
    return ITALIAN if name == "chiang-mai-genoa" else ()


@lru_cache(maxsize=None)
def spec(name: str):
    return moukit.load_spec(EXAMPLES / f"{name}.yaml")


@lru_cache(maxsize=None)
def checked(name: str, layout: str, fmt: str):
    """(rendering, report) of example ``name`` rendered as ``fmt`` in ``layout``."""
    rendering = moukit.render(spec(name), fmt, layout=layout, templates=templates_for(name))
    report = moukit.check([rendering.data], templates=templates_for(name))
    return rendering, report


def test_the_examples_are_all_here():
    assert len(NAMES) >= 7
    assert CUSTOM_RELATIONSHIP in NAMES and "chiang-mai-genoa" in NAMES


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", STANDARD)
def test_an_example_render_is_the_standard_form(name, layout, fmt):
    rendering, report = checked(name, layout, fmt)
    assert report.findings == [], [f.message for f in report.findings]
    assert report.verdict == "standard"
    assert report.exit_code == 0
    assert [v.lang for v in report.versions] == list(rendering.document.languages)
    assert all(v.exact for v in report.versions)
    assert all(v.instrument == spec(name).instrument for v in report.versions)
    assert report.form_id == rendering.document.form_id
    dates = {v.values["date"]["iso"] for v in report.versions}
    assert dates == {spec(name).signing.date.isoformat()}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_custom_relationship_is_a_variant_in_every_version(layout, fmt):
    rendering, report = checked(CUSTOM_RELATIONSHIP, layout, fmt)
    assert report.verdict == "ministries"
    assert report.exit_code == 1
    variants = [f for f in report.findings if f.code == "MK-V001"]
    assert sorted(f.lang for f in variants) == sorted(rendering.document.languages)
    assert all((f.route, f.kind) == ("ministries", "variant") for f in variants)
    wanted = spec(CUSTOM_RELATIONSHIP).relationship.custom
    for f in variants:
        assert f.draft == wanted[f.lang]
    assert all(f.route == "ministries" for f in report.findings)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_custom_relationship_gives_exactly_the_variant_findings(layout, fmt):
    rendering, report = checked(CUSTOM_RELATIONSHIP, layout, fmt)
    assert [f.code for f in report.findings] == ["MK-V001"] * len(rendering.document.languages)


@pytest.mark.parametrize("fmt", ["docx", "md"])
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", STANDARD)
def test_an_example_render_is_recognised_as_untouched(name, layout, fmt):
    # A DOCX carries the hash of its body, so an untouched render is proven; Markdown carries
    # the fingerprint only, which cannot prove that the text was not edited.
    rendering, report = checked(name, layout, fmt)
    assert report.untouched_render is (fmt == "docx")
    assert report.fingerprint is not None
    assert report.fingerprint["form_id"] == rendering.document.form_id
    assert report.fingerprint["layout"] == layout


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_text_render_has_no_fingerprint(layout):
    _, report = checked("chiang-mai-chengdu", layout, "txt")
    assert report.fingerprint is None
    assert report.untouched_render is False


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_custom_relationship_docx_is_recognised_as_untouched(layout):
    _, report = checked(CUSTOM_RELATIONSHIP, layout, "docx")
    assert report.untouched_render is True
