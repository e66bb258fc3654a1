"""The hand-written translation corpora: faithful re-translations of every clause of both forms
in every shipped language, each with a meaning dropped, a content phrase added and a red flag
added (tests/data/translations/ and the held-out tests/data/translations-heldout/).

A case is one clause of one translation in one of four kinds; :func:`draft_of` puts it into
the agreement rendered from the corpus's spec, in place of moukit's own translation of that
clause (the other versions, English included, stay as moukit renders them), and
:func:`judge` says whether the check's report is the right one:

- faithful: the standard form (exit 0);
- drop: the versions disagree (review by the ministries, a finding of the translation check
  or of the comparison of values), nothing reported as not permitted unless the rule packs
  see a red flag;
- add: review (any route but standard);
- flag: not permitted.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

import moukit

DATA = Path(__file__).resolve().parent / "data"
CORPORA = {"corpus": DATA / "translations", "heldout": DATA / "translations-heldout"}
SPECS = DATA / "translations" / "specs"
LANGS = ("th", "zh", "ja", "ko", "vi")
FORMS = ("loi", "mou")
KINDS = ("faithful", "drop", "add", "flag")
SEPARATOR = "\n\n" + "=" * 72 + "\n\n"  # between the versions of moukit's text output
DISAGREE = {"MK-T001", "MK-T002", "MK-T004", "MK-T005", "MK-X001", "MK-X002"}


@dataclass(frozen=True)
class Case:
    """One clause translation of the corpus, in one kind."""

    corpus: str
    lang: str
    form: str
    clause_id: str
    index: int
    kind: str
    text: str  # the clause as the case writes it

    @property
    def id(self) -> str:
        return f"{self.corpus}/{self.lang}/{self.form}/{self.clause_id}/{self.index}/{self.kind}"


def corpus_file(corpus: str, lang: str, form: str) -> Path:
    return CORPORA[corpus] / lang / f"{form}.yaml"


@cache
def entries(corpus: str, lang: str, form: str) -> tuple[str, dict]:
    """(spec name, clause id -> translations) of one corpus file."""
    data = yaml.safe_load(corpus_file(corpus, lang, form).read_text("utf-8"))
    return data["spec"], data["clauses"]


def variant_text(entry: dict, kind: str) -> str:
    """The clause of ``entry`` as ``kind`` makes it."""
    text = entry["text"]
    if kind == "faithful":
        return text
    if kind == "drop":
        assert entry["drop"] in text, entry
        return text.replace(entry["drop"], "", 1)
    phrase, after = (entry["add"], entry["add_after"]) if kind == "add" else (entry["flag"], entry["flag_after"])
    assert after in text, entry
    at = text.index(after) + len(after)
    return text[:at] + phrase + text[at:]


def cases(corpus: str, lang: str, form: str, kind: str) -> list[Case]:
    """Every case of one corpus file in one kind."""
    _, clauses = entries(corpus, lang, form)
    return [Case(corpus, lang, form, clause_id, i, kind, variant_text(entry, kind))
            for clause_id, found in clauses.items() for i, entry in enumerate(found)]


@cache
def rendering(spec_name: str):
    """moukit's text rendering of a corpus spec: (versions' texts, versions)."""
    spec = moukit.load_spec(SPECS / f"{spec_name}.yaml")
    rendered = moukit.render(spec, "txt")
    return tuple(rendered.data.decode("utf-8").split(SEPARATOR)), rendered.document.versions


def draft_of(lang: str, form: str, corpus: str, replacements: dict[str, str]) -> bytes:
    """The corpus's agreement with the ``lang`` clauses ``replacements`` (clause id -> text)
    in place of moukit's translation."""
    spec_name, _ = entries(corpus, lang, form)
    texts, versions = rendering(spec_name)
    index = [v.lang for v in versions].index(lang)
    version = versions[index]
    text = texts[index]
    for clause_id, new in replacements.items():
        old = version.clause(clause_id).text
        assert old in text, (clause_id, old)
        text = text.replace(old, new, 1)
    return SEPARATOR.join(texts[:index] + (text,) + texts[index + 1:]).encode("utf-8")


def judge(case: Case, report) -> bool:
    """Whether ``report`` is the right verdict for ``case`` (see the module doc)."""
    if case.kind == "faithful":
        return report.verdict == "standard"
    if case.kind == "flag":
        return report.verdict == "not_permitted"
    if case.kind == "drop":
        return report.verdict != "standard" and any(f.code in DISAGREE for f in report.findings)
    return report.verdict != "standard"
