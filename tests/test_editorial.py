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

import datetime as dt
import re
from functools import cache
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

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


# ---------------------------------------------------------------- the date fold, near years only

def _whole_text_date_fold(text: str) -> tuple[str, list]:
    """The date fold as the data defines it: every template substituted over the whole text,
    in order (the oracle the fold searched near four-figure numbers must equal)."""
    from moukit.text import editorial

    record: list = []
    data = editorial.form_data()["date"]
    months = data["months"]
    abbreviations = [a.lower() for a in data["abbreviations"]] + [k.lower() for k in data["other_abbreviations"]]
    groups = {"d": r"(?P<d>\d{1,2})", "y": r"(?P<y>\d{4})", "mm": r"(?P<mm>\d{1,2})", "ord": r"(?:st|nd|rd|th)",
              "month": "(?P<month>" + "|".join(months) + ")",
              "mon": "(?P<mon>" + "|".join(sorted(abbreviations, key=lambda a: (-len(a), a))) + ")"}
    named = [re.compile(editorial._template_regex(t, groups), re.IGNORECASE) for t in data["same"]]
    figures = [re.compile(editorial._template_regex(t, groups)) for t in data["figures"]]
    month_of = {m.lower(): i + 1 for i, m in enumerate(months)}
    month_of.update({a.lower(): i + 1 for i, a in enumerate(data["abbreviations"])})
    month_of.update({k.lower(): v for k, v in data["other_abbreviations"].items()})

    def date(day, month, year, m):
        try:
            dt.date(year, month, day)
        except ValueError:
            return m.group(0)
        return f"{day} {months[month - 1]} {year}"

    def written(m):
        found = m.groupdict()
        if found.get("mm") is None:
            new = date(int(found["d"]), month_of[(found.get("month") or found.get("mon")).lower()], int(found["y"]), m)
        else:
            a, b, y = int(found["d"]), int(found["mm"]), int(found["y"])
            year_first = m.re.pattern.index("(?P<y>") < m.re.pattern.index("(?P<d>")
            new = date(a, b, y, m) if year_first or a > 12 >= b or a == b else \
                date(b, a, y, m) if b > 12 >= a else m.group(0)
        if new != m.group(0):
            record.append((m.group(0), new))
        return new

    if re.search(r"\d{4}", text) and re.search(r"(?i)(?<![^\W\d_])(?:" + "|".join(abbreviations) + ")", text):
        for regex in named:
            text = regex.sub(written, text)
    if not re.search("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", text) and re.search("[A-Za-z]", text):
        for regex in figures:
            text = regex.sub(written, text)
    return text, record


_DATE_PIECES = ["22", "3", "2026", "2569", "11", "November", "Nov", "Nov.", "Sept.", "MAY", "may", "the", "day",
                "of", "22nd", "3rd", ",", ".", "/", "-", "(", ")", "signed", "on", "in", "Chiang Mai", "ปี", "年",
                "22/11/2026", "2026-11-22", "05/11/2026", "31/02/2026", "12.3.2025", "twenty", "20261"]


@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=24),
       st.lists(st.sampled_from([" ", " ", " ", "  ", "\n", "", " \n "]), min_size=24, max_size=24))
@settings(max_examples=1500, deadline=None)
def test_the_date_fold_near_years_is_the_whole_text_fold(pieces, gaps):
    from moukit.text import editorial

    text = "".join(p + g for p, g in zip(pieces, gaps))
    fold = next(f for f in editorial.folds() if f.note == "the date written otherwise")
    record: list = []
    assert (fold.apply(text, record), record) == _whole_text_date_fold(text)


@pytest.mark.parametrize("text", [
    "Signed on the 22nd day of November, 2026 and on November 22, 2026 in Chiang Mai.",
    "Done on 22 Nov. 2026, 3rd of May 2025, May 3 2025 and 2026-11-22 (22/11/2026).",
    "the 22nd\nday of\nNovember,\n2026", "2026 2026 2026", "", "no year here",
])
def test_the_date_fold_near_years_on_sentences(text):
    from moukit.text import editorial

    fold = next(f for f in editorial.folds() if f.note == "the date written otherwise")
    record: list = []
    assert (fold.apply(text, record), record) == _whole_text_date_fold(text)
