"""Editorial tolerance, both ways: each listed variant of typing is standard and listed under
``--editorial``; a real change right next to it is still caught.

The cases are data, one file per language (tests/data/editorial/<lang>.yaml): an example
spec is rendered by moukit as text, the case's edits (regular expressions) are applied to
that language's version only, and the draft is checked. ``verdict`` is the verdict expected
(or a list of those allowed); ``editorial`` lists texts each of which must appear in one of
the version's editorial notes; ``not_editorial`` texts that must not; ``no_findings: true``
that the check has nothing at all to say (not even that a translation is worded otherwise);
``digits`` (of the file or of a case) how the Thai version of the rendering writes numbers
(``thai``, moukit's default, or ``arabic``).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml

import moukit
from moukit.checking.segment import latin_packs, paragraph_language
from moukit.packs import default_library

DATA = Path(__file__).parent / "data" / "editorial"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SEPARATOR = "=" * 72


def _cases():
    for path in sorted(DATA.glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        for case in data["cases"]:
            case = {"example": data["example"], "digits": data.get("digits"), **case}
            yield pytest.param(data["lang"], case, id=f"{path.stem}: {case['name']}")


@cache
def rendered(example: str, digits: str | None = None) -> str:
    """The example's text rendering (Thai, the partner's language, English)."""
    spec = moukit.load_spec(EXAMPLES / f"{example}.yaml")
    return moukit.render(spec, "txt", digits=digits).data.decode("utf-8")


def edited(example: str, lang: str, edits: list[list[str]], digits: str | None = None) -> str:
    """The rendering with ``edits`` applied to the ``lang`` version only (each must apply)."""
    sections = rendered(example, digits).split(SEPARATOR)
    out = []
    for section in sections:
        if paragraph_language(section, latin_packs(default_library())) == lang:
            for pattern, replacement in edits:
                new = re.sub(pattern, replacement, section, flags=re.MULTILINE)
                assert new != section, f"the edit {pattern!r} changes nothing"
                section = new
        out.append(section)
    return SEPARATOR.join(out)


@pytest.mark.parametrize(("lang", "case"), list(_cases()))
def test_editorial_case(lang, case):
    report = moukit.check(edited(case["example"], lang, case.get("edits") or [], case.get("digits")).encode("utf-8"))
    allowed = case["verdict"] if isinstance(case["verdict"], list) else [case["verdict"]]
    messages = [f"{f.code} {f.message}" for f in report.findings]
    assert report.verdict in allowed, messages
    if case.get("no_findings"):
        assert messages == []
    notes = [n for v in report.versions if v.lang == lang for n in v.editorial]
    for expected in case.get("editorial") or ():
        assert any(expected in n for n in notes), (expected, notes)
    for unexpected in case.get("not_editorial") or ():
        assert not any(unexpected in n for n in notes), (unexpected, notes)


def test_every_shipped_language_has_cases():
    """Each shipped pack has an editorial.yaml and a case file here."""
    packs = Path(moukit.__file__).parent / "packs"
    langs = sorted(p.name for p in packs.iterdir() if (p / "lexicon.yaml").is_file())
    assert langs == sorted(p.stem for p in DATA.glob("*.yaml"))
    assert all((packs / lang / "editorial.yaml").is_file() for lang in langs)


def test_every_listed_spelling_folds_and_nothing_near_it_does():
    """Each other spelling in forms/editorial.yaml reads as the form's word; a word one
    letter away from it does not (the list is not fuzzy)."""
    from moukit.text.editorial import canonical, form_data

    for form, others in form_data()["spelling"].items():
        for other in others:
            assert canonical(f"the {other} of") == f"the {form} of"
            assert canonical(f"the {other.capitalize()} of") == f"the {form.capitalize()} of"
            assert canonical(f"the {other}x of") == f"the {other}x of"


def test_folding_is_stable():
    """Folding a folded text changes nothing: the form and the draft meet in one wording."""
    from moukit.text.editorial import canonical

    for example in ("rayong-jeollanam-do", "khon-kaen-da-nang", "chiang-mai-hokkaido"):
        for line in rendered(example).splitlines():
            assert canonical(canonical(line)) == canonical(line)
