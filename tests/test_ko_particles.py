"""Korean particles: the particle after the Thai party's name, the parties and the title
agrees with the word's last syllable (와/과, 를/을, 는/은), with both forms after a name that
is not Hangul.

These cases are Korean grammar; the Korean pack's other expectations are data
(tests/data/packs/ko.yaml, run by test_packs.py), whose partners and Thai party are used here.
"""

from __future__ import annotations

import re

import pytest

from langcases import clauses, make_spec

# The province-level partner of ko.yaml, 대한민국 전라남도, ends in a vowel.
PARTNER = "province"


@pytest.mark.parametrize("thai_name,and_particle,object_particle", [
    ("태국 라용주", "태국 라용주와", "태국 라용주를 대표하여"),   # ends in a vowel
    ("태국 방콕", "태국 방콕과", "태국 방콕을 대표하여"),         # ends in a final consonant
    ("Rayong", "Rayong과(와)", "Rayong을(를) 대표하여"),          # not Hangul: both forms
])
def test_particles_follow_the_thai_name(thai_name, and_particle, object_particle):
    for instrument in ("loi", "mou"):
        texts = clauses(make_spec("ko", instrument, PARTNER, thai={"name": thai_name}), "ko")
        assert texts["title"].startswith(and_particle + " 대한민국 전라남도 간의\n")
        assert texts["sign_thai"].startswith(object_particle + "\n")
        assert texts["sign_partner"].startswith("대한민국 전라남도를 대표하여\n")


@pytest.mark.parametrize("instrument,parties,subject", [
    ("loi", "the_two_cities", "두 도시는 "), ("loi", "both_cities", "양 도시는 "),
    ("loi", "the_two_sides", "양측은 "), ("loi", "both_sides", "쌍방은 "),
    ("mou", "participants", "참가자는 "), ("mou", "two_sides", "양측은 "),
])
def test_subject_particle_follows_the_parties(instrument, parties, subject):
    texts = clauses(make_spec("ko", instrument, PARTNER, parties=parties), "ko")
    numbered = [t for cid, t in texts.items() if re.fullmatch(r"c[1-4]", cid)]
    assert numbered and all(t.startswith(subject) for t in numbered)
    if instrument == "mou":
        quoted = {"participants": '(이하 통칭하여 "참가자"라 한다)는,',
                  "two_sides": '(이하 통칭하여 "양측"이라 한다)는,'}[parties]
        assert texts["parties"].endswith(quoted)


@pytest.mark.parametrize("title,subject", [
    ("memorandum_of_understanding", "이 양해각서는 "), ("agreement", "이 협정은 "),
    ("memorandum_of_agreement", "이 합의각서는 "),
    ({"custom": {"th": "ข้อตกลง", "en": "Arrangement", "ko": "협약"}}, "이 협약은 "),
])
def test_subject_particle_follows_the_title(title, subject):
    c5 = clauses(make_spec("ko", "mou", PARTNER, title=title), "ko")["c5"]
    assert c5.startswith(subject)
