"""What is particular to the Thai language pack: the example's golden text, Buddhist-era dates,
Thai lists, Thai digits, Bangkok, the wording of review 2, text already normalised. What every
pack must do (alternatives worded apart, no obligation words, the signing clause, terms) is
tested for Thai as for every language by test_packs.py, from tests/data/packs/th.yaml.

The golden files hold the full Thai text of the example MOU and of an LOI built from it, as
moukit renders it by default (Thai digits); regenerate them after a deliberate wording change
with ``MOUKIT_REGEN_GOLDEN=1 pytest tests/test_thai_text.py`` and review the diff line by
line. The other tests read the wording with Arabic digits (``digits="arabic"``); the digits
have tests of their own.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
from pythainlp.util import normalize

import moukit
from moukit.forms import get_form
from moukit.packs.library import TemplateLibrary

# Not moukit.render: once any test imports the module moukit.render, it shadows the function.
from moukit.rendering.build import render

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
EXAMPLE = ROOT / "examples" / "chiang-mai-hokkaido.yaml"

THAI_MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
# Alternatives whose options Thai cannot tell apart (documented in src/moukit/packs/th/lexicon.yaml).
MERGED_IN_THAI = {"preposition"}


# -- specs -----------------------------------------------------------------------------------

def example_data() -> dict:
    """The example MOU spec as plain data."""
    return moukit.load_spec(EXAMPLE).model_dump(mode="json")


def mou(**changes) -> moukit.MouSpec:
    """The example MOU with top-level ``changes``."""
    return moukit.MouSpec.model_validate({**example_data(), **changes})


def loi(**changes) -> moukit.LoiSpec:
    """An LOI for the example's parties, with clause 2 naming other fields."""
    data = example_data()
    for key in ("term", "title", "opening", "fields_clause", "parties"):
        data.pop(key, None)
    data.update(instrument="loi", further_fields=["youth", "sport", "science_and_technology"])
    data.update(changes)
    return moukit.LoiSpec.model_validate(data)


def thai(spec, digits: str = "arabic", **kwargs) -> dict[str, str]:
    """The Thai version's clauses, ``{clause_id: text}``, from the document model."""
    document = render(spec, "json", languages=["th"], digits=digits, **kwargs).document
    assert document.languages == ("th",)
    return {c.id: c.text for c in document.version("th").clauses}


def thai_txt(spec, digits: str = "arabic", **kwargs) -> str:
    """The Thai version as the plain-text writer lays it out."""
    return render(spec, "txt", languages=["th"], digits=digits, **kwargs).data.decode("utf-8")


# -- golden text -----------------------------------------------------------------------------

@pytest.mark.parametrize("name,make", [("th-example-mou", mou), ("th-example-loi", loi)])
def test_golden_thai_text(name, make):
    got = render(make(), "txt", languages=["th"]).data
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("MOUKIT_REGEN_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(got)
    assert path.is_file(), f"missing {path}; run with MOUKIT_REGEN_GOLDEN=1 to create it"
    assert got == path.read_bytes(), f"Thai text differs from {path.name}"


# -- form structure --------------------------------------------------------------------------

def test_document_model_holds_every_clause_in_form_order():
    for spec in (mou(), loi()):
        version = render(spec, "json", languages=["th"], digits="arabic").document.version("th")
        assert tuple(c.id for c in version.clauses) == spec.form.clause_ids
        assert [c.number for c in version.clauses if c.kind == "numbered"] == \
            [str(n) for n in range(1, 1 + sum(c.kind == "numbered" for c in version.clauses))]
        assert all(c.text.strip() for c in version.clauses)


# -- dates, lists, languages -----------------------------------------------------------------

@pytest.mark.parametrize("date", [dt.date(2026, 11, 22), dt.date(2024, 1, 5), dt.date(2030, 7, 31)], ids=str)
def test_buddhist_era_date(date):
    signing = thai(mou(signing={**example_data()["signing"], "date": date.isoformat()}))["signing"]
    expected = f"เมื่อวันที่ {date.day} {THAI_MONTHS[date.month - 1]} พ.ศ. {date.year + 543}"
    assert expected in signing
    assert str(date.year) not in signing


@pytest.mark.parametrize("fields,expected", [
    (["economy"], "ในด้านเศรษฐกิจ"),
    (["trade", "investment"], "ในด้านการค้าและการลงทุน"),
    (["economy", "trade", "tourism"], "ในด้านเศรษฐกิจ การค้า และการท่องเที่ยว"),
    (["education", "culture", "health", "youth"], "ในด้านการศึกษา วัฒนธรรม สาธารณสุข และเยาวชน"),
    # a pair whose item holds และ is joined as a longer list ends: two fields, not three (TH-08)
    (["tourism", "science_and_technology"], "ในด้านการท่องเที่ยว และวิทยาศาสตร์และเทคโนโลยี"),
    (["science_and_technology", "tourism"], "ในด้านวิทยาศาสตร์และเทคโนโลยี และการท่องเที่ยว"),
    (["economy", "science_and_technology", "trade"], "ในด้านเศรษฐกิจ วิทยาศาสตร์และเทคโนโลยี และการค้า"),
], ids=["one", "two", "three", "four", "pair-with-and", "pair-with-and-first", "three-with-and"])
def test_thai_list_joining(fields, expected):
    c1 = thai(loi(fields=fields, further_fields=None))["c1"]
    c2 = thai(mou(fields=fields))["c2"]
    assert c1.endswith(f"ความร่วมมือที่มีอยู่ให้ดียิ่งขึ้น{expected}")  # the complement by its verb (TH-09)
    assert f"ร่วมมือระหว่างกัน{expected} ที่สอดคล้องกับ" in c2
    assert "," not in c1 + c2


def test_unlisted_language_name_comes_from_babel_with_thai_word_for_language():
    # Dutch is not in the Thai lexicon's languages: babel names it ดัตช์, the template adds ภาษา.
    data = example_data()

    def dutch(texts: dict) -> dict:  # the Japanese text replaced by a Dutch one
        return {**{k: v for k, v in texts.items() if k != "ja"}, "nl": texts.get("en", "Chiang Mai")}

    spec = mou(
        partner={**data["partner"], "language": "nl", "country": "NL",
                 "name": {"en": "Province of Utrecht", "th": "จังหวัดอูเทรกต์", "nl": "Provincie Utrecht"}},
        thai_party={**data["thai_party"], "name": dutch(data["thai_party"]["name"])},
        signing={**data["signing"], "place": dutch(data["signing"]["place"])},
        signatories={side: {k: dutch(v) for k, v in person.items()}
                     for side, person in data["signatories"].items()},
    )
    assert "เป็นภาษาไทย ภาษาดัตช์ และภาษาอังกฤษ" in thai(spec)["signing"]


def test_loi_keeps_equal_validity_english_prevails_and_non_binding_sentence():
    clauses = thai(loi())
    assert "โดยตัวบททุกฉบับมีความถูกต้องเท่าเทียมกัน" in clauses["signing"]
    # เป็นหลัก makes it a prevail clause (TH-02); จะ, not ให้, keeps the register of "will"
    assert clauses["signing"].endswith("ในกรณีที่มีความแตกต่าง จะใช้ตัวบทภาษาอังกฤษเป็นหลัก")
    assert clauses["nonbinding"] == (
        "หนังสือแสดงเจตจำนงฉบับนี้ไม่มีเจตนาที่จะก่อให้เกิดสิทธิหรือพันธกรณีภายใต้กฎหมายระหว่างประเทศ")
    mou_signing = thai(mou())["signing"]
    assert mou_signing.endswith("ในกรณีที่มีความแตกต่างในการตีความ จะใช้ตัวบทภาษาอังกฤษเป็นหลัก")
    assert "เท่าเทียม" not in mou_signing  # the MOU has no "equal validity" words


def test_mou_clause_five_both_options():
    # "either of the (parties) ... the other": ฝ่ายใดฝ่ายหนึ่ง ... อีกฝ่ายหนึ่ง, not the calque
    # ฝ่ายใดฝ่ายหนึ่งของผู้เข้าร่วม, for both ways of calling the parties (review TH-03)
    for parties in ("participants", "two_sides"):
        open_term = thai(mou(parties=parties))["c5"]
        assert open_term.endswith("จะคงมีผลจนกว่าฝ่ายใดฝ่ายหนึ่งจะยุติบันทึกความเข้าใจฉบับนี้ "
                                  "โดยแจ้งเป็นลายลักษณ์อักษรให้อีกฝ่ายหนึ่งทราบ")
        assert "ระยะเวลา" not in open_term and "ของ" not in open_term
    fixed = thai(mou(term={"years": 5}))["c5"]
    # (the example is the real Chiang Mai - Hokkaido tie, a friendship relationship: เมืองมิตรภาพ)
    assert "จะคงมีผลเป็นระยะเวลา 5 ปี การต่ออายุหรือการขยายระยะเวลาความสัมพันธ์เมืองมิตรภาพ" in fixed
    assert fixed.endswith("จะขึ้นอยู่กับการตัดสินใจร่วมกันของผู้เข้าร่วม")
    assert "ลายลักษณ์อักษร" not in fixed
    assert "เป็นระยะเวลา 12 ปี" in thai(mou(term={"years": 12}))["c5"]


# -- alternatives ----------------------------------------------------------------------------

def _make(instrument):
    return loi if instrument == "loi" else mou


def test_only_documented_alternatives_are_merged_in_thai():
    lexicon = TemplateLibrary().pack("th").lexicon
    source = (ROOT / "src" / "moukit" / "packs" / "th" / "lexicon.yaml").read_text("utf-8")
    merged = set()
    for instrument in ("loi", "mou"):
        for alt in get_form(instrument).alternatives.values():
            words = [lexicon["alternatives"][alt.name][o] for o in alt.options]
            if len(set(words)) < len(words):
                merged.add(alt.name)
    assert merged == MERGED_IN_THAI
    lines = source.splitlines()
    for name in merged:  # the lexicon explains why, in the comment just above the group
        i = lines.index(f"  {name}:")
        comment = []
        while lines[i - 1].startswith("  #"):
            i -= 1
            comment.append(lines[i])
        assert "NOT DISTINGUISHABLE" in " ".join(comment), name


LOI_PARTIES = {"the_two_cities": "เมืองทั้งสอง", "both_cities": "ทั้งสองเมือง",
               "the_two_sides": "ฝ่ายทั้งสอง", "both_sides": "ทั้งสองฝ่าย"}
TITLES = {"memorandum_of_understanding": "บันทึกความเข้าใจ", "agreement": "ความตกลง",
          "memorandum_of_agreement": "บันทึกความตกลง"}
RELATIONSHIPS = {"twin": "เมืองแฝด", "sister": "เมืองพี่เมืองน้อง", "friendship": "เมืองมิตรภาพ",
                 "partnership": "เมืองหุ้นส่วน"}


@pytest.mark.parametrize("parties", LOI_PARTIES)
def test_loi_parties_wording(parties):
    word = LOI_PARTIES[parties]
    clauses = thai(loi(parties=parties))
    assert clauses["preamble"].endswith(f" {word}ได้มีเจตจำนงร่วมกันดังต่อไปนี้")
    for clause_id in ("c1", "c2", "c3", "c4"):
        assert clauses[clause_id].startswith(word), clause_id


def test_loi_intent_aim_to_and_will():
    assert thai(loi(intent="aim_to"))["c4"] == \
        "เมืองทั้งสองมุ่งที่จะสถาปนาความสัมพันธ์เมืองมิตรภาพอย่างเป็นทางการในอนาคต"
    assert thai(loi(intent="will"))["c4"] == \
        "เมืองทั้งสองจะสถาปนาความสัมพันธ์เมืองมิตรภาพอย่างเป็นทางการในอนาคต"


@pytest.mark.parametrize("title", TITLES)
def test_mou_title_is_used_in_title_and_clauses_three_to_five(title):
    word = TITLES[title]
    clauses = thai(mou(title=title))
    assert clauses["title"].split("\n")[0] == word
    for clause_id in ("c3", "c4", "c5"):
        assert f"{word}ฉบับนี้" in clauses[clause_id], clause_id


def test_mou_parties_and_opening_wording():
    two_sides = thai(mou(parties="two_sides", opening="following_understanding"))
    assert two_sides["parties"].endswith("(ซึ่งต่อไปนี้จะเรียกรวมกันว่า “ฝ่ายทั้งสอง”)")
    assert two_sides["c1"].startswith("ฝ่ายทั้งสองจะร่วมมือ")
    assert two_sides["opening"] == "ได้บรรลุความเข้าใจดังต่อไปนี้"
    default = thai(mou())
    assert default["parties"].endswith("“ผู้เข้าร่วม”)")
    assert default["opening"] == "ได้บรรลุความเข้าใจร่วมกันดังต่อไปนี้"


@pytest.mark.parametrize("relationship", RELATIONSHIPS)
def test_relationship_wording(relationship):
    word = RELATIONSHIPS[relationship]
    # the relationship named, not likened to one: no ฉัน (TH-01)
    assert thai(loi(relationship=relationship))["c4"].endswith(f"ความสัมพันธ์{word}อย่างเป็นทางการในอนาคต")
    assert thai(loi(relationship=relationship))["title"].split("\n")[1] == f"ในการสถาปนาความสัมพันธ์{word}"
    assert thai(mou(relationship=relationship))["title"].split("\n")[1] == f"ว่าด้วยการสถาปนาความสัมพันธ์{word}"


def test_custom_relationship_is_used_verbatim():
    custom = {"custom": {"th": "มณฑลมิตรภาพ", "en": "Friendship Provinces", "ja": "友好省"}}
    assert "ความสัมพันธ์มณฑลมิตรภาพ" in thai(mou(relationship=custom))["title"]


def test_friendly_relations_keep_chan_in_the_loi_preamble_only():
    # ฉันมิตร is "friendly relations" (LOI preamble); no relationship is likened with ฉัน (TH-01)
    assert "กระชับความสัมพันธ์ฉันมิตรระหว่างจังหวัดเชียงใหม่กับจังหวัดฮอกไกโด" in thai(loi())["preamble"]
    for clauses in (thai(loi()), thai(mou()), thai(mou(term={"years": 5}))):
        text = "\n".join(v for k, v in clauses.items() if k != "preamble")
        assert "ฉัน" not in text


def test_wording_of_the_review_in_the_other_clauses():
    clauses = thai(loi())
    assert "จะแสวงหาโอกาสในการร่วมมือระหว่างกันในด้าน" in clauses["c2"]  # not สำหรับ... (TH-10)
    guided = thai(mou())["guided"]
    assert guided.startswith("โดยได้รับการชี้นำจากความปรารถนาร่วมกันที่จะเสริมสร้างความเข้าใจ")  # TH-14


@pytest.mark.parametrize("field,word", [
    ("urban_governance", "การบริหารเมือง"),                 # not ...จัดการเมือง, "politics" (TH-04)
    ("local_legislation", "การจัดทำข้อบัญญัติท้องถิ่น"),     # a province makes no law (TH-05)
    ("agriculture", "การเกษตร"),                            # TH-15
])
def test_field_names_of_the_review(field, word):
    assert thai(mou(fields=[field]))["c2"].startswith(f"ผู้เข้าร่วมจะร่วมมือระหว่างกันในด้าน{word} ที่สอดคล้อง")


@pytest.mark.parametrize("make", [mou, loi], ids=["mou", "loi"])
def test_signatory_names_stand_in_parentheses(make):
    # the Thai signature block (TH-12): party, the name in parentheses, the position
    clauses = thai(make())
    assert clauses["sign_thai"].split("\n") == [
        "สำหรับจังหวัดเชียงใหม่", "(นายนิรัตน์ พงษ์สิทธิถาวร)", "ผู้ว่าราชการจังหวัดเชียงใหม่"]
    assert clauses["sign_partner"].split("\n") == [
        "สำหรับจังหวัดฮอกไกโด", "(นายนาโอมิจิ ซูซูกิ)", "ผู้ว่าราชการจังหวัดฮอกไกโด"]
    assert "สำหรับจังหวัดเชียงใหม่\n....................\n(นายนิรัตน์ พงษ์สิทธิถาวร)\n" in thai_txt(make())


def test_a_short_thai_clause_beside_its_english_is_not_a_clause_title():
    # In the parallel layout the English clause 2 stands beside (after) the Thai one with the
    # same number; a Thai clause of few characters and no spaces is not the English's title.
    spec = loi(fields=["trade"], further_fields=["trade"])
    assert len(thai(spec)["c2"]) <= 60
    for fmt in ("txt", "docx"):
        report = moukit.check(render(spec, fmt, layout="parallel").data)
        assert not [f for f in report.findings if f.code != "MK-X001"], [f.message for f in report.findings]
        assert report.versions[0].accepted == "moukit's reference translation"


@pytest.mark.parametrize("digits", ["arabic", "thai"])
@pytest.mark.parametrize("example", ["chiang-mai-hokkaido", "khon-kaen-da-nang", "rayong-jeollanam-do"])
def test_a_thai_version_in_the_0_1_wording_is_still_the_standard_form(tmp_path, example, digits):
    # A draft moukit 0.1 rendered (the wording before review 2, kept in accepted/moukit-0.1/)
    # checks clean with the corrected pack: it is an accepted text, named in the report.
    accepted = ROOT / "src" / "moukit" / "packs" / "th" / "accepted" / "moukit-0.1"
    (tmp_path / "th").mkdir()
    for path in accepted.iterdir():
        shutil.copy(path, tmp_path / "th" / path.name)
    spec = moukit.load_spec(ROOT / "examples" / f"{example}.yaml")
    old = render(spec, "docx", templates=[tmp_path], digits=digits)
    assert "ความสัมพันธ์ฉัน" in old.document.version("th").clause("title").text  # 0.1, before TH-01
    report = moukit.check(old.data)
    assert report.verdict == "standard", [f.message for f in report.findings]
    assert report.findings == []
    (thai_version,) = [v for v in report.versions if v.lang == "th"]
    assert thai_version.accepted == "moukit-0.1"


# -- Thai digits, Bangkok ------------------------------------------------------------------------

@pytest.mark.parametrize("make", [lambda: mou(term={"years": 5}), loi], ids=["mou", "loi"])
def test_thai_digits_are_the_default_and_convert_every_digit(make):
    # Thai government documents write Thai digits (review TH-13): the date, the year, the
    # clause numbers and the term; digits="arabic" keeps Arabic ones.
    spec = make()
    plain = thai_txt(spec, digits="arabic")
    assert re.search(r"[0-9]", plain)  # Arabic digits, where the Thai version has Thai ones
    converted = render(spec, "txt", languages=["th"]).data.decode("utf-8")  # the default
    assert converted == thai_txt(spec, digits="thai")
    assert not re.search(r"[0-9]", converted)
    assert "เมื่อวันที่ ๒๒ พฤศจิกายน พ.ศ. ๒๕๖๙" in converted
    assert "\n\n๑. " in converted and "\n\n๔. " in converted
    model = render(spec, "json", languages=["th"]).document.version("th")
    assert not any(re.search(r"[0-9]", (c.number or "") + c.text) for c in model.clauses)
    if spec.instrument == "mou":
        assert "เป็นระยะเวลา ๕ ปี" in model.clause("c5").text


def test_thai_digits_leave_other_languages_alone():
    english = render(mou(), "txt", languages=["en"]).data.decode()
    assert "22 November 2026" in english and "1. " in english


def test_the_older_thai_digits_argument_still_works_and_says_it_is_deprecated():
    spec = mou()
    with pytest.warns(DeprecationWarning, match="digits="):
        old = render(spec, "txt", languages=["th"], thai_digits=True).data
    assert old == render(spec, "txt", languages=["th"], digits="thai").data
    with pytest.warns(DeprecationWarning):
        assert render(spec, "txt", languages=["th"], thai_digits=False).data == thai_txt(spec).encode()
    with pytest.raises(moukit.UsageError, match="unknown digits"):
        render(spec, "txt", digits="roman")
    with pytest.raises(moukit.UsageError, match="disagree"), pytest.warns(DeprecationWarning):
        render(spec, "txt", digits="arabic", thai_digits=True)


def test_the_check_reads_thai_and_arabic_digits_alike():
    # A Thai version in Thai digits (the default) or in Arabic digits (moukit 0.1, --digits
    # arabic) is the same standard form: the same verdict, findings and values.
    spec = mou(term={"years": 5})
    reports = [moukit.check(render(spec, "docx", digits=d).data) for d in ("thai", "arabic")]
    assert [r.verdict for r in reports] == ["standard", "standard"]
    assert reports[0].findings == reports[1].findings == []
    thai_versions = [r.versions[0] for r in reports]
    assert [v.lang for v in thai_versions] == ["th", "th"]
    assert thai_versions[0].values == thai_versions[1].values
    assert thai_versions[0].values["date"]["iso"] == "2026-11-22"
    assert thai_versions[0].values["term"]["years"] == 5
    assert thai_versions[0].accepted == thai_versions[1].accepted == "moukit's reference translation"


def test_bangkok_is_bangkok_metropolitan_administration():
    data = example_data()
    data["thai_party"] = {"province": "Bangkok", "name": {"ja": "バンコク都"}}
    for make in (mou, loi):
        spec = make(thai_party=data["thai_party"])
        clauses = thai(spec)
        assert clauses["title"].split("\n")[3] == "กรุงเทพมหานคร"
        assert clauses["sign_thai"].split("\n")[0] == "สำหรับกรุงเทพมหานคร"
        assert "จังหวัดกรุงเทพ" not in "\n".join(clauses.values())


# -- wording constraints over every combination --------------------------------------------------

def _all_thai_versions():
    for relationship, parties, preposition, intent in itertools.product(
            get_form("loi").alternatives["relationship"].options, get_form("loi").alternatives["parties"].options,
            get_form("loi").alternatives["preposition"].options, get_form("loi").alternatives["intent"].options):
        yield thai(loi(relationship=relationship, parties=parties, preposition=preposition, intent=intent))
    mou_alts = get_form("mou").alternatives
    for title, parties, opening, fields, term in itertools.product(
            mou_alts["title"].options, mou_alts["parties"].options, mou_alts["opening"].options,
            ["various", "named"], ["open", {"years": 5}]):
        yield thai(mou(title=title, parties=parties, opening=opening, fields_clause=fields, term=term))


def test_text_is_already_normalised():
    lexicon = TemplateLibrary().pack("th").lexicon

    def strings(value):
        if isinstance(value, dict):
            for v in value.values():
                yield from strings(v)
        elif isinstance(value, list):
            for v in value:
                yield from strings(v)
        elif isinstance(value, str):
            yield value

    for s in strings(lexicon):
        assert normalize(s) == s == unicodedata.normalize("NFC", s), s
    for clauses in _all_thai_versions():
        for clause_id, text in clauses.items():
            assert normalize(text) == text, clause_id
            assert unicodedata.normalize("NFC", text) == text, clause_id
