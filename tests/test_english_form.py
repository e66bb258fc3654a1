"""The English rendering equals the MFA form word for word, for every combination of alternatives.

The oracle is tests/data/form-en.txt, typed from the published form; it does not use moukit's
lexicon or templates, so a change of one word in templates/en/ fails here.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from moukit.rendering.build import build_document
from specdata import spec

FORM_TEXT = Path(__file__).parent / "data" / "form-en.txt"

# The form's own words for each listed alternative.
RELATIONSHIP = {"twin": "Twin Cities", "sister": "Sister Cities",
                "friendship": "Friendship Cities", "partnership": "Partnership Cities"}
LOI_PARTIES = {"the_two_cities": "the two cities", "both_cities": "both cities",
               "the_two_sides": "the two sides", "both_sides": "both sides"}
MOU_PARTIES = {"participants": "Participants", "two_sides": "two Sides"}
TITLE = {"memorandum_of_understanding": "Memorandum of Understanding", "agreement": "Agreement",
         "memorandum_of_agreement": "Memorandum of Agreement"}
OPENING = {"common_understandings": "Have reached the common understandings as follows",
           "following_understanding": "Have reached the following understanding"}
INTENT = {"aim_to": "aim to", "will": "will"}
PREPOSITION = {"on": "on", "in": "in"}

BLANKS = {
    "thai": "Chiang Mai Province", "partner": "Shanghai Municipality", "place": "Shanghai",
    "date": "22 November 2026", "fields": "economy, trade and tourism", "language": "Chinese",
    "years": "five-year", "thai_name": "Mr. Somchai Jaidee",
    "thai_position": "Governor of Chiang Mai Province", "partner_name": "Mr. Li Ming",
    "partner_position": "Mayor of Shanghai",
}


def oracle() -> dict[str, dict[str, str]]:
    forms: dict[str, dict[str, str]] = {}
    current = None
    for line in FORM_TEXT.read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith("== "):
            current = forms.setdefault(line[3:].strip(), {})
            continue
        key, _, text = line.partition(": ")
        current[key] = text.replace("|", "\n")
    return forms


def expected(template: str, words: dict[str, str]) -> str:
    text = re.sub(r"\$\{(\w+)\}", lambda m: BLANKS[m.group(1)], template)
    words = {**words, "Parties": words.get("parties", "")[:1].upper() + words.get("parties", "")[1:]}
    return re.sub(r"\{(\w+)\}", lambda m: words[m.group(1)], text)


def english(s) -> dict[str, str]:
    version = build_document(s, languages=["en"]).version("en")
    return {c.id: c.text for c in version.clauses}


LOI_COMBOS = list(itertools.product(RELATIONSHIP, LOI_PARTIES, PREPOSITION, INTENT, ["zh", "en"]))


@pytest.mark.parametrize("relationship,parties,preposition,intent,lang", LOI_COMBOS)
def test_loi_english_is_the_form(relationship, parties, preposition, intent, lang):
    form = oracle()["loi"]
    s = spec("loi", lang, relationship=relationship, parties=parties,
             preposition=preposition, intent=intent)
    words = {"relationship": RELATIONSHIP[relationship], "parties": LOI_PARTIES[parties],
             "preposition": PREPOSITION[preposition], "intent": INTENT[intent]}
    got = english(s)
    for clause_id, text in got.items():
        key = "signing-two-languages" if (clause_id == "signing" and lang == "en") else clause_id
        assert text == expected(form[key], words), clause_id
    assert list(got) == ["title", "preamble", "c1", "c2", "c3", "c4", "signing", "nonbinding",
                         "sign_thai", "sign_partner"]


MOU_COMBOS = list(itertools.product(TITLE, RELATIONSHIP, MOU_PARTIES, OPENING,
                                    ["various", "named"], ["open", 5], ["zh", "en"]))


@pytest.mark.parametrize("title,relationship,parties,opening,fields,term,lang", MOU_COMBOS)
def test_mou_english_is_the_form(title, relationship, parties, opening, fields, term, lang):
    form = oracle()["mou"]
    s = spec("mou", lang, title=title, relationship=relationship, parties=parties,
             opening=opening, fields_clause=fields,
             term="open" if term == "open" else {"years": term})
    words = {"title": TITLE[title], "relationship": RELATIONSHIP[relationship],
             "parties": MOU_PARTIES[parties], "opening": OPENING[opening]}
    got = english(s)
    variants = {"signing": "signing-two-languages" if lang == "en" else "signing",
                "c2": "c2-named" if fields == "named" else "c2",
                "c5": "c5-open" if term == "open" else "c5-fixed"}
    for clause_id, text in got.items():
        assert text == expected(form[variants.get(clause_id, clause_id)], words), clause_id
    assert list(got) == ["title", "parties", "guided", "considering", "opening", "c1", "c2",
                         "c3", "c4", "c5", "signing", "sign_thai", "sign_partner"]


def test_custom_relationship_is_used_verbatim():
    s = spec("mou", "en", relationship={"custom": {"th": "เมืองฉันมิตร", "en": "Friendly Cities"}})
    got = english(s)
    assert got["title"].splitlines()[1] == "on the Establishment of Friendly Cities"


def test_loi_further_fields_change_clause_two_only():
    s = spec("loi", "en", further_fields=["youth", "sport"])
    got = english(s)
    assert got["c1"].endswith("on economy, trade and tourism.")
    assert got["c2"].endswith("on youth and sport.")
