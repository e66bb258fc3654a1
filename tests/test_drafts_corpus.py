"""The realistic-drafts corpus (tests/data/drafts, issue 10) through both readers.

Every case is checked as the text a person saves or pastes and as the DOCX Word writes
(tests/wordlike.py). A case judged wrong must be listed in ``known-misses.yaml``; a listed case
that is now judged right must come off the list (regenerate it with
``python tests/drafts_corpus.py --write-known-misses``), so the list stays true. The figures
(false alarms, recall, right route) are printed by ``python tests/drafts_corpus.py``.
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache

import docx
import pytest

from drafts_corpus import (
    DRAFTS,
    KNOWN_MISSES,
    Case,
    CaseError,
    Outcome,
    docx_bytes,
    figures,
    known_misses,
    load_cases,
    misses_yaml,
    parse_body,
    parse_case,
    run,
    text_of,
)

CASES = {case.id: case for case in load_cases()}
KNOWN = known_misses()
PARAMS = [(case_id, reader) for case_id, case in CASES.items() for reader in case.readers]


@lru_cache(maxsize=None)
def outcome(case_id: str, reader: str) -> Outcome:
    return run(CASES[case_id], reader)


@pytest.mark.slow
@pytest.mark.parametrize(("case_id", "reader"), PARAMS, ids=[f"{c}[{r}]" for c, r in PARAMS])
def test_case(case_id: str, reader: str) -> None:
    got = outcome(case_id, reader)
    known = KNOWN.get((case_id, reader))
    if known is None:
        assert got.right, (f"{case_id} read as {reader}: expected {got.case.expect}, got {got.summary} "
                           f"({got.reason[:200]}); fix it, or record it with --write-known-misses")
    else:
        assert not got.right, (f"{case_id} read as {reader} is now judged right ({got.summary}): take it off "
                               f"{KNOWN_MISSES.name} (python tests/drafts_corpus.py --write-known-misses)")


def test_known_misses_name_real_cases() -> None:
    for case_id, reader in KNOWN:
        assert case_id in CASES, f"{KNOWN_MISSES.name} lists {case_id}, which is not a case"
        assert reader in CASES[case_id].readers, f"{case_id} is not read as {reader}"


def test_corpus_size_and_spread() -> None:
    cases = list(CASES.values())
    assert len(cases) >= 120
    for lang in ("en", "th", "zh", "ja", "ko", "vi"):
        assert sum(lang in case.langs for case in cases) >= 10, lang
    for form in ("loi", "mou"):
        assert sum(case.form == form for case in cases) >= 20, form
    for expect in ("standard", "ministries", "council_of_state", "not_permitted", "not_the_form"):
        assert any(case.expect == expect for case in cases), expect


# -- the runner itself ---------------------------------------------------------------------

SAMPLE = """\
# a sample
# expect: not_permitted
# category: stories
# langs: en
# readers: docx
# findings: MK-P001 @footer "binding"
---
[header] Chiang Mai Provincial Office
[footer] This Memorandum is legally binding. Page {PAGE} of {NUMPAGES}
Memorandum of Understanding

1. The Participants will cooperate.
[footnote] Disputes shall be settled by arbitration in Singapore.
[endnote] An endnote.
[comment] A reviewer's comment.
2. The Participants will encourage visits.
[textbox] DRAFT
[page]
| For Chiang Mai Province<br>Governor | For Hokkaido Prefecture<br>Governor |
"""


@pytest.fixture
def sample(tmp_path) -> Case:
    path = tmp_path / "sample.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return parse_case(path)


def parts(case: Case) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(docx_bytes(case))) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def test_header_parsed(sample: Case) -> None:
    assert sample.expect == "not_permitted" and sample.readers == ("docx",) and sample.langs == ("en",)
    assert sample.findings[0].code == "MK-P001" and sample.findings[0].story == "footer"
    assert sample.findings[0].word == "binding"
    assert sample.title == "a sample"


def test_header_and_footer_reach_their_parts(sample: Case) -> None:
    xml = parts(sample)
    assert "Chiang Mai Provincial Office" in "".join(_texts(xml["word/header1.xml"]))
    assert "legally binding" in "".join(_texts(xml["word/footer1.xml"]))
    assert 'w:instr=" PAGE ' in xml["word/footer1.xml"] and "NUMPAGES" in xml["word/footer1.xml"]
    assert "headerReference" in xml["word/document.xml"] and "footerReference" in xml["word/document.xml"]
    assert "Provincial Office" not in "".join(_texts(xml["word/document.xml"]))
    rels = xml["word/_rels/document.xml.rels"]
    assert 'Target="header1.xml"' in rels and 'Target="footer1.xml"' in rels


def test_notes_comments_and_text_boxes_in_their_parts(sample: Case) -> None:
    xml = parts(sample)
    assert "arbitration in Singapore" in "".join(_texts(xml["word/footnotes.xml"]))
    assert 'w:type="separator"' in xml["word/footnotes.xml"]
    assert '<w:footnoteReference w:id="1"/>' in xml["word/document.xml"]
    assert "An endnote." in "".join(_texts(xml["word/endnotes.xml"]))
    assert "reviewer's comment" in "".join(_texts(xml["word/comments.xml"]))
    assert "commentRangeStart" in xml["word/document.xml"]
    body = xml["word/document.xml"]
    assert body.count("<w:txbxContent>") == 2  # DrawingML and its VML fallback, as Word writes
    assert '<w:br w:type="page"/>' in body and "<w:tbl>" in body
    assert "Singapore" not in "".join(_texts(body))


def test_clause_numbers_are_word_numbering(sample: Case) -> None:
    xml = parts(sample)
    assert "<w:numPr>" in xml["word/document.xml"] and 'w:lvlText w:val="%1."' in xml["word/numbering.xml"]
    document = docx.Document(io.BytesIO(docx_bytes(sample)))
    texts = [p.text for p in document.paragraphs]
    assert "The Participants will cooperate." in texts and not any(t.startswith("1.") for t in texts)
    assert document.tables[0].rows[0].cells[1].paragraphs[0].text == "For Hokkaido Prefecture"


def test_runs_are_split_and_deterministic(sample: Case) -> None:
    document = docx.Document(io.BytesIO(docx_bytes(sample)))
    assert any(len(p.runs) > 1 for p in document.paragraphs)
    assert 'w:rsidR="' in parts(sample)["word/document.xml"]
    assert docx_bytes(sample) == docx_bytes(sample)


def test_text_as_saved(sample: Case) -> None:
    text = text_of(sample)
    assert "Provincial Office" not in text and "legally binding" not in text and "reviewer" not in text
    lines = text.splitlines()
    assert lines[-2:] == ["1 Disputes shall be settled by arbitration in Singapore.", "i An endnote."]
    assert "1. The Participants will cooperate." in lines and "DRAFT" in lines
    assert "For Hokkaido Prefecture" in lines


def test_bad_cases_are_refused(tmp_path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("# expect: maybe\n# category: stories\n# langs: en\n---\nx\n", encoding="utf-8")
    with pytest.raises(CaseError, match="expect"):
        parse_case(path)
    with pytest.raises(CaseError, match="footnote"):
        parse_body("[footnote] no paragraph before it\n")


def test_figures_and_known_misses_file(sample: Case) -> None:
    standard = Case(**{**sample.__dict__, "id": "s", "expect": "standard"})
    outcomes = [Outcome(standard, "docx", "council_of_state"), Outcome(sample, "docx", "not_permitted"),
                Outcome(standard, "text", "standard")]
    table = figures(outcomes)
    assert table["all"] == {"false alarms": (1, 2), "recall": (1, 1), "right route": (2, 3)}
    assert table["docx/stories"]["right route"] == (1, 2)
    missing = Outcome(sample, "text", "not_permitted", missing=("MK-P001 @footer",))
    assert not missing.right and missing.caught and missing.summary == "not_permitted, without MK-P001 @footer"
    text = misses_yaml([*outcomes, missing])
    assert "case: s\n  reader: docx" in text and "case: sample\n  reader: text" in text
    assert "case: sample\n  reader: docx" not in text
    assert DRAFTS.is_dir()


def _texts(xml: str) -> list[str]:
    import re

    return re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)
