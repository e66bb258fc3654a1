"""The translation check against hand-written corpora of re-translations (tests/translation_corpus.py).

Every clause of both forms, three independent faithful translations per language, each also
with a meaning dropped, a content phrase added and a red flag added: the faithful ones must
be the standard form, the others must be flagged with the right route. The cases the check
does not yet judge right are listed, with a diagnosis, in ``known-misses.yaml`` beside each
corpus: a listed case that becomes right must be taken off the list (the figures printed at
the end of the run count every case). The held-out corpus was written after the language
packs were tuned on the first one, by other translators, and is never tuned on: its figures
say how the check does on translations it has not seen.
"""

from __future__ import annotations

import pytest
import yaml

import moukit
from mutations import record
from translation_corpus import CORPORA, FORMS, KINDS, LANGS, cases, corpus_file, draft_of, entries, judge

pytestmark = pytest.mark.slow  # about two thousand checks

GROUPS = [(corpus, lang, form) for corpus in CORPORA for lang in LANGS for form in FORMS
          if corpus_file(corpus, lang, form).is_file()]


def known_misses(corpus: str) -> dict[str, str]:
    """The cases of ``corpus`` the check does not yet judge right: case id -> diagnosis."""
    path = CORPORA[corpus] / "known-misses.yaml"
    return (yaml.safe_load(path.read_text("utf-8")) or {}) if path.is_file() else {}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("corpus", "lang", "form"), GROUPS)
def test_each_clause_translation_is_judged_right(corpus, lang, form, kind):
    wrong = []
    for case in cases(corpus, lang, form, kind):
        report = moukit.check([draft_of(lang, form, corpus, {case.clause_id: case.text})])
        right = judge(case, report)
        record(f"corpus-{kind}", lang, f"{form} ({corpus})", right)
        if not right:
            wrong.append(case.id)
    expected = sorted(i for i in known_misses(corpus) if i.startswith(f"{corpus}/{lang}/{form}/")
                      and i.endswith(f"/{kind}"))
    assert sorted(wrong) == expected, "update known-misses.yaml only with a diagnosis"


@pytest.mark.parametrize(("corpus", "lang", "form"), GROUPS)
def test_a_whole_version_in_one_translators_words_is_the_standard_form(corpus, lang, form):
    """Every clause replaced at once by the same translator's wording: the paragraphs are
    still matched to the English clauses by position, and nothing is reported."""
    _, clauses = entries(corpus, lang, form)
    wrong = []
    for k in range(3):
        replacements = {clause_id: found[k]["text"] for clause_id, found in clauses.items()
                        if len(found) > k}
        report = moukit.check([draft_of(lang, form, corpus, replacements)])
        record("corpus-whole", lang, f"{form} ({corpus})", report.verdict == "standard")
        if report.verdict != "standard":
            wrong.append(f"{corpus}/{lang}/{form}/whole/{k}")
    expected = sorted(i for i in known_misses(corpus) if i.startswith(f"{corpus}/{lang}/{form}/whole/"))
    assert wrong == expected, "update known-misses.yaml only with a diagnosis"


def test_the_corpus_is_complete():
    """Three translations of every clause but the signature blocks, in every language."""
    for lang in LANGS:
        for form in FORMS:
            _, clauses = entries("corpus", lang, form)
            expected = {c.id for c in moukit.get_form(form).clauses if c.kind != "signature"}
            assert set(clauses) == expected, (lang, form)
            assert all(len(found) >= 3 for found in clauses.values()), (lang, form)
