"""Unit tests of the check's segment stage: a draft split into its language versions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import moukit
from moukit.checking.readers import read_draft
from moukit.checking.segment import block_text, latin_packs, paragraph_language, segment
from moukit.packs import default_library
from specdata import spec


def _langs(data: bytes, name: str) -> list[str]:
    return [v.lang for v in segment(read_draft(data, name=name), default_library())]


@pytest.mark.parametrize("fmt, name", [("txt", "d.txt"), ("md", "d.md"), ("docx", "d.docx")])
def test_separate_versions_are_found_in_document_order(fmt, name):
    data = moukit.render(spec("mou", "zh"), fmt).data
    assert _langs(data, name) == ["th", "zh", "en"]


@pytest.mark.parametrize("fmt, name", [("txt", "d.txt"), ("md", "d.md"), ("docx", "d.docx")])
def test_parallel_versions_are_read_column_by_column(fmt, name):
    data = moukit.render(spec("mou", "ja"), fmt, layout="parallel").data
    versions = segment(read_draft(data, name=name), default_library())
    assert [v.lang for v in versions] == ["th", "ja", "en"]
    assert len({len(v.blocks) for v in versions}) == 1  # a row per clause in every column


def test_language_headings_are_layout_not_wording():
    text = moukit.render(spec("mou", "zh"), "txt").data.decode()
    text = "ไทย\n\n" + text  # the heading moukit's Markdown gives the Thai version
    versions = segment(read_draft(text.encode(), name="d.txt"), default_library())
    assert versions[0].lang == "th"
    assert any("heading" in note for note in versions[0].editorial)


@pytest.mark.parametrize("text, lang", [
    ("ทั้งสองฝ่ายจะร่วมมือกันในด้านต่าง ๆ", "th"),
    ("The Participants will cooperate with each other.", "en"),
    ("双方将在各个领域开展合作。", "zh"),
    ("双方は、相互に協力する。", "ja"),
    ("양측은 서로 협력할 것이다.", "ko"),
    ("Hai Bên sẽ hợp tác với nhau trong nhiều lĩnh vực.", "vi"),
    ("12345 ....", None),
])
def test_the_language_of_a_paragraph(text, lang):
    assert paragraph_language(text, latin_packs(default_library())) == lang


def test_running_text_in_a_language_without_a_pack_is_unknown():
    italian = ("Le Parti coopereranno tra loro nei settori di comune interesse compatibilmente "
               "con le politiche dei rispettivi governi")
    assert paragraph_language(italian, latin_packs(default_library())) == "und"


def test_a_draft_cannot_forge_the_check_markers():
    assert block_text("ab\ue000c\ue010") == "ab\ufffdc\ufffd"


@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=200)
       | st.text(alphabet="abcXYZ ก๑成日ひ한ကăđ 12,.", max_size=60))
@settings(max_examples=300, deadline=None)
def test_script_counts_of_ascii_text_are_the_scripts_character_classes(text):
    """The count of letters of each script, whether the text is all ASCII (counted without
    the character classes) or not, is what each script's character class finds."""
    from moukit.text.normalize import _SCRIPT_RANGES, script_counts

    assert script_counts(text) == {name: len(rx.findall(text)) for name, rx in _SCRIPT_RANGES}


def test_the_language_kept_for_a_paragraph_is_the_language_found_afresh():
    """The language of each paragraph text is kept with the library's vocabularies (a batch
    meets the same paragraphs in every draft): the examples' paragraphs, in every language,
    asked twice, give what the plain reading gives; a full memo starts again."""
    from pathlib import Path

    latin = latin_packs(default_library())
    plain = dict(latin)  # no memo
    texts = []
    for path in sorted(Path(__file__).parent.parent.joinpath("examples").glob("*.yaml")):
        loaded = moukit.load_spec(path)
        if loaded.partner.language not in default_library().available():
            continue
        document = moukit.render(loaded, "md").data.decode("utf-8")
        texts += [line for line in document.splitlines() if line.strip()]
    texts += ["Il presente memorandum entra in vigore alla data della firma da parte di entrambe le parti."]
    for _ in range(2):
        for text in texts:
            assert paragraph_language(text, latin) == paragraph_language(text, plain), text
    assert all(text in latin.languages for text in texts)
    latin.languages.update({str(n): None for n in range(latin.languages.limit)})
    paragraph_language("A new paragraph in English, after the memo is full.", latin)
    assert len(latin.languages) == 1


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc ÀĐ9 กข中あ한ကぁ\u1e00\u3130\uf900\u0e50")), max_size=40))
def test_script_counts_count_each_letter_of_each_script(text):
    """The letters of a script are counted by runs (one match for a word, not one per letter):
    the same counts as one match per letter of each script's character class."""
    from moukit.text import normalize

    assert all(rx.pattern.count("[") == 1 and rx.pattern.endswith("]") for _, rx in normalize._SCRIPT_RANGES)
    assert normalize.script_counts(text) == {name: len(rx.findall(text)) for name, rx in normalize._SCRIPT_RANGES}


def test_a_layout_keeps_its_answers_for_the_lines_it_met_within_a_bound():
    from moukit.checking.layout import layout

    lines = layout(default_library())
    assert all(lines.kind(f"Page {n} of 20000") == "page furniture" for n in range(1, 20001))
    assert len(lines._kinds) <= 16384
    assert lines.kind("Page 7 of 20000") == "page furniture"  # (met before the last clearing)
    assert lines.kind("The Participants will cooperate.") is None
    assert lines.kind("The Participants will cooperate.") is None
