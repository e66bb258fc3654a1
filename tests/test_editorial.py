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


def _whole_text_term_fold(text: str) -> tuple[str, list]:
    """The term fold as the data defines it: every template substituted over the whole text,
    in order (the oracle the fold searched near "year" must equal)."""
    from moukit.text import editorial

    record: list = []
    term = editorial.form_data()["term"]
    words = list(editorial._number_words())
    spelled = "|".join(sorted(words, key=lambda w: (-len(w), w)))
    groups = {"w": f"(?P<w>{spelled})", "n": r"(?P<n>\d{1,2})"}
    regexes = [re.compile(editorial._template_regex(t, groups), re.IGNORECASE) for t in term["same"]]

    def written(m):
        found = m.groupdict()
        n = int(found["n"]) if found.get("n") else None
        w = [x.lower() for x in words].index(found["w"].lower()) if found.get("w") else None
        value = n if w is None else w
        if (n is not None and w is not None and n != w) or value >= len(words):
            return m.group(0)
        new = term["form"].format(w=words[value])
        new = new[:1].upper() + new[1:] if m.group(0)[:1].isupper() else new
        if new != m.group(0):
            record.append((m.group(0), new))
        return new

    for regex in regexes:
        text = regex.sub(written, text)
    return text, record


_TERM_PIECES = ["for", "For", "a", "five", "Five", "(5)", "5", "(3)", "-year", "year", "years", "Years", "period",
                "of", "the", "two", "(2)", "twenty", "99", "(5)-year", "five-year", "YEAR", ",", "."]


def _folded(note: str, text: str) -> tuple[str, list]:
    """What the fold named ``note`` makes of ``text``, and what it records."""
    from moukit.text import editorial

    record: list = []
    return next(f for f in editorial.folds() if f.note == note).apply(text, record), record


_NEAR = [("the date written otherwise", _whole_text_date_fold, _DATE_PIECES),
         ("the term written otherwise", _whole_text_term_fold, _TERM_PIECES)]


@pytest.mark.parametrize(("note", "oracle", "pieces"), _NEAR, ids=["date", "term"])
@settings(max_examples=1500, deadline=None)
@given(data=st.data())
def test_a_fold_searched_near_its_anchor_is_the_whole_text_fold(note, oracle, pieces, data):
    """The date fold (searched near four figures) and the term fold (near "year") give
    what every template substituted over the whole text gives."""
    words = data.draw(st.lists(st.sampled_from(pieces), max_size=24))
    gaps = data.draw(st.lists(st.sampled_from([" ", " ", " ", "  ", "\n", "", " \n "]), min_size=24, max_size=24))
    text = "".join(p + g for p, g in zip(words, gaps))
    assert _folded(note, text) == oracle(text)


@pytest.mark.parametrize(("note", "oracle", "text"), [
    *[(_NEAR[0][0], _whole_text_date_fold, text) for text in [
        "Signed on the 22nd day of November, 2026 and on November 22, 2026 in Chiang Mai.",
        "Done on 22 Nov. 2026, 3rd of May 2025, May 3 2025 and 2026-11-22 (22/11/2026).",
        "the 22nd\nday of\nNovember,\n2026", "2026 2026 2026", "", "no year here"]],
    *[(_NEAR[1][0], _whole_text_term_fold, text) for text in [
        "for a period of five (5) years and for a five (5)-year period, for 5 years.",
        "For a period of\nfive\n(5)\nyears", "for a five (3)-year period", "year year year", ""]],
])
def test_a_fold_searched_near_its_anchor_on_sentences(note, oracle, text):
    assert _folded(note, text) == oracle(text)


def _capitals_piece_by_piece(text: str) -> str:
    """Runs of two or more words in capitals in ordinary case, read piece by piece (the
    oracle of the fold, which looks only at the words in capitals and their neighbours)."""
    from moukit.text import casing

    pieces = re.findall(r"\w+|\W+", text)
    upper = [bool(re.fullmatch(r"[^\W\d_a-z]{2,}", p)) and p.isupper() for p in pieces]
    lang = "tr" if re.search("[İıĞğŞş]", text) else None
    out = []
    for i, piece in enumerate(pieces):
        if upper[i]:
            before = next((upper[j] for j in range(i - 1, -1, -1) if pieces[j].strip(" ,;:()'\"-")), False)
            after = next((upper[j] for j in range(i + 1, len(pieces)) if pieces[j].strip(" ,;:()'\"-")), False)
            if before or after:
                piece = piece[:1] + casing.lower(piece[1:], lang)
        out.append(piece)
    return "".join(out)


@given(st.lists(st.sampled_from(["MEMORANDUM", "OF", "UNDERSTANDING", "Memorandum", "of", "MOU", "A", "I", "IV",
                                 "ÇANAKKALE", "İZMİR", "ĐÀ", "NẴNG", "AB1CD", "X_Y", "ก", "จังหวัด", "成都", "Chiang",
                                 "THE", "two", "(", ")", ",", " - ", " — ", ";", "'", '"']), max_size=20),
       st.lists(st.sampled_from([" ", "", "\n", "  "]), min_size=20, max_size=20))
@settings(max_examples=1000, deadline=None)
def test_capitals_fold_is_the_piece_by_piece_reading(words, gaps):
    from moukit.text.editorial import _capitals

    text = "".join(w + g for w, g in zip(words, gaps))
    assert _capitals(text) == _capitals_piece_by_piece(text)


def test_a_variant_the_form_writes_is_named_when_the_draft_writes_the_usual_way():
    """changes() against the form's own text: a variant only the form shows, written the usual
    way in the draft, is named as the form's; one the draft lacks altogether is not."""
    from moukit.text.editorial import changes

    form = "The Parties will agree on programmes of cooperation."
    assert changes("The Parties will agree on programs of cooperation.", form) == [
        'spelling: "programs" where the form writes "programmes"']
    assert changes("The Parties will agree on plans of cooperation.", form) == []
    assert changes("The Parties will agree on programmes of cooperation.", form) == []


def test_variants_are_read_paragraph_by_paragraph_as_the_check_folds_them():
    """changes() given a text's paragraphs names what the whole text read at once names when
    no variant straddles two paragraphs, in the same order, with the same counts against the
    form's; a listed phrase cut by a paragraph break is no variant (the check folds each
    paragraph alone, so it would not fold that one), while a line break inside a paragraph
    leaves it one."""
    from moukit.text.editorial import changes

    draft = ["MEMORANDUM OF UNDERSTANDING", "The Participants will organise programmes of cooperation.",
             "Signed on November 22, 2026 in the Thai, Japanese, and English languages.",
             "WITNESS WHEREOF the organisations will meet."]
    form = ["Memorandum of Understanding", "The Participants will organize programs of cooperation.",
            "Signed on 22 November 2026 in the Thai, Japanese and English language."]
    assert changes(draft) == changes("\n".join(draft))
    assert changes(draft, form) == changes("\n".join(draft), "\n".join(form))
    assert changes(draft, form) == [  # fold by fold, each in paragraph order
        "capitals", 'spelling: "organise" read as "organize"', 'spelling: "programmes" read as "programs"',
        'spelling: "organisations" read as "organizations"',
        'a phrase written otherwise: "English languages" read as "English language"',
        'the date written otherwise: "November 22, 2026" read as "22 November 2026"', "serial comma"]
    cut = ["Signed in the Thai and English", "languages."]
    assert changes(cut, ["Signed in the Thai and English language."]) == []
    assert changes(["\n".join(cut)], ["Signed in the Thai and English language."]) == [
        'a phrase written otherwise: "English\nlanguages" read as "English language"']
