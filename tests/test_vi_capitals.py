"""Vietnamese capitals: every sentence and every line of the Vietnamese version starts with a
capital letter (the lexicon's words are lower case; the templates capitalise a word that opens
a sentence), while the same word stays lower case mid-sentence.

The Vietnamese pack's other expectations are data (tests/data/packs/vi.yaml, run by
test_packs.py), whose city-level partner is used here.
"""

from __future__ import annotations

import pytest

from langcases import clauses, make_spec

# Title lines that continue the title stay lower case.
TITLE_CONTINUATIONS = ("giữa", "và")


@pytest.mark.parametrize("instrument,parties", [
    ("loi", "both_sides"), ("mou", "participants"), ("mou", "two_sides"),
])
def test_sentences_and_lines_start_with_a_capital(instrument, parties):
    texts = clauses(make_spec("vi", instrument, "city", parties=parties), "vi")
    for clause_id, text in texts.items():
        for line in text.split("\n"):
            if line not in TITLE_CONTINUATIONS and not line.startswith("về việc "):
                assert line[0].isupper() or line[0].isdigit(), (clause_id, line)


def test_a_word_is_capitalised_only_where_it_opens_a_sentence():
    loi = clauses(make_spec("vi", "loi", "city", parties="both_sides"), "vi")
    assert loi["c1"].startswith("Cả hai bên sẽ ")
    assert ", cả hai bên đã cùng bày tỏ các ý định sau đây:" in loi["preamble"]
    # MOU clause 1 opens with its limits: the defined term keeps only its capital B
    mou = clauses(make_spec("vi", "mou", "city", parties="participants"), "vi")
    assert mou["c1"].startswith("Trong phạm vi thẩm quyền của mình ")
    assert ", các Bên tham gia sẽ hợp tác với nhau " in mou["c1"]


@pytest.mark.parametrize("instrument", ["loi", "mou"])
def test_names_of_administrative_units_are_lower_case_mid_sentence(instrument):
    # tỉnh Khon Kaen, thành phố Đà Nẵng (Nghị định 30/2020): a capital only where the name
    # opens a line (the title) or a sentence (the MOU's parties paragraph)
    texts = clauses(make_spec("vi", instrument, "city"), "vi")
    assert texts["title"].endswith("\nTỉnh Khon Kaen\nvà\nThành phố Đà Nẵng")
    middle = texts["preamble" if instrument == "loi" else "guided"]
    assert "giữa tỉnh Khon Kaen và thành phố Đà Nẵng" in middle
    assert texts["sign_thai"].startswith("Thay mặt tỉnh Khon Kaen\n")
    assert texts["sign_partner"].startswith("Thay mặt thành phố Đà Nẵng\n")
    if instrument == "mou":
        assert texts["parties"].startswith("Tỉnh Khon Kaen và thành phố Đà Nẵng (")
