"""Names across language versions, without --spec (issue 10, item 7): the parties, the place of
signing and the signatories of every version are compared with the English version's.

Each language: the unchanged agreement and a version that writes a right name in its own way
give no finding; a version naming another city, province, place or person gives MK-X001
naming both names; a name moukit cannot read reliably (a Thai name in Chinese characters) is
a note, never a finding. With --spec, terms and dates are compared as values.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

import moukit
from moukit.checking import names
from moukit.checking.names import compare_name, cores, province_of
from moukit.spec.provinces import all_provinces, province_named, province_names
from specdata import spec

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SEPARATOR = "\n\n" + "=" * 72 + "\n\n"


def _versions(example: str):
    specification = moukit.load_spec(EXAMPLES / f"{example}.yaml")
    rendered = moukit.render(specification, "txt")
    texts = rendered.data.decode("utf-8").split(SEPARATOR)
    return texts, [v.lang for v in rendered.document.versions]


def _check(example: str, lang: str | None = None, edit=None):
    """The report on an example agreement, its ``lang`` version changed by ``edit``."""
    texts, langs = _versions(example)
    if lang is not None:
        i = langs.index(lang)
        texts[i] = edit(texts[i])
        assert texts[i] != _versions(example)[0][i], "the edit changed nothing"
    return moukit.check(SEPARATOR.join(texts).encode("utf-8"))


def _names(report):
    return [f for f in report.findings if f.code == "MK-X001"]


def _in(words: str):
    return lambda text: words


def _sub(old: str, new: str, count: int = 0):
    return lambda text: text.replace(old, new) if not count else text.replace(old, new, count)


# ----------------------------------------------------------------------------- right names


@pytest.mark.parametrize("example", ["chiang-mai-chengdu", "chiang-mai-hokkaido", "rayong-jeollanam-do",
                                     "khon-kaen-da-nang", "bangkok-shanghai", "khon-kaen-fujian-loi"])
def test_the_unchanged_agreement_names_the_same_everywhere(example):
    report = _check(example)  # (the Fujian LOI names a relationship the form does not list: MK-V001)
    assert {f.code for f in report.findings} <= {"MK-V001"}, [f.message for f in report.findings]


@pytest.mark.parametrize("example, lang, edit", [
    # the same names, written otherwise
    ("khon-kaen-da-nang", "vi", _sub("phố Đà Nẵng", "phố Da Nang")),  # no diacritics
    ("khon-kaen-da-nang", "vi", _sub("Nguyễn Văn Minh", "NGUYỄN VĂN MINH")),  # capitals
    ("khon-kaen-da-nang", "vi", _sub("Nguyễn Văn Minh", "Ông Nguyễn Văn Minh")),  # with a title
    ("chiang-mai-chengdu", "zh", _sub("泰王国清迈府", "清迈府")),  # without "Kingdom of Thailand"
    ("chiang-mai-hokkaido", "ja", _sub("タイ王国チェンマイ県", "チェンマイ県")),
    ("rayong-jeollanam-do", "th", _sub("นายคิม มิน-ซู", "นายคิมมินซู")),  # spacing, hyphen
    ("chiang-mai-chengdu", "th", _sub("นครเฉิงตู", "Chengdu City")),  # in Latin letters
    ("chiang-mai-chengdu", "zh", _sub("张伟", "Zhang Wei")),
], ids=["vi-diacritics", "vi-capitals", "vi-title", "zh-short-name", "ja-short-name", "th-spacing", "th-latin", "zh-latin"])
def test_a_right_name_written_otherwise_is_no_finding(example, lang, edit):
    report = _check(example, lang, edit)
    assert _names(report) == [], [f.message for f in _names(report)]


# ----------------------------------------------------------------------------- wrong names


@pytest.mark.parametrize("example, lang, edit, slot_words, both", [
    ("chiang-mai-chengdu", "zh", _sub("成都", "重庆"), "the partner", ("重庆", "Chengdu")),
    ("chiang-mai-chengdu", "zh", _sub("张伟", "王强"), "the partner's signatory", ("王强", "Zhang Wei")),
    ("chiang-mai-hokkaido", "ja", _sub("北海道", "青森県"), "the partner", ("青森", "Hokkaido")),
    ("chiang-mai-hokkaido", "ja", _sub("札幌市", "函館市"), "the place of signing", ("函館", "Sapporo")),
    ("rayong-jeollanam-do", "ko", _sub("김민수", "박철수"), "the partner's signatory", ("박철수", "Kim Min-soo")),
    ("rayong-jeollanam-do", "ko", _sub("전라남도", "경상북도"), "the partner", ("경상북", "Jeollanam-do")),
    ("khon-kaen-da-nang", "vi", _sub("hành phố Đà Nẵng", "ỉnh Quảng Nam"), "the partner",  # [Tt]ỉnh
     ("Quảng Nam", "Da Nang")),
    ("khon-kaen-da-nang", "vi", _sub("Nguyễn Văn Minh", "Trần Quốc Bảo"), "the partner's signatory",
     ("Trần Quốc Bảo", "Nguyen Van Minh")),
    ("chiang-mai-chengdu", "th", _sub("เชียงใหม่", "เชียงราย"), "the Thai party", ("เชียงราย", "Chiang Mai")),
    ("chiang-mai-chengdu", "th", _sub("นายสมชาย ศรีสวัสดิ์", "นายชัยวัฒน์ ชื่นโกสุม"), "the Thai signatory",
     ("ชัยวัฒน์", "Somchai Srisawat")),
    ("khon-kaen-da-nang", "th", _sub("ดานัง", "เว้"), "the partner", ("เว้", "Da Nang")),
    ("chiang-mai-chengdu", "zh", _sub("清迈", "清莱"), "the Thai party", ("清莱 (Chiang Rai", "Chiang Mai")),
    ("chiang-mai-chengdu", "th", _sub("นครเฉิงตู", "Chongqing City"), "the partner", ("Chongqing", "Chengdu")),
], ids=["zh-city", "zh-signatory", "ja-prefecture", "ja-place", "ko-signatory", "ko-province", "vi-partner",
        "vi-signatory", "th-province", "th-governor", "th-partner", "zh-thai-province", "th-latin"])
def test_a_version_naming_another_gives_a_finding_naming_both(example, lang, edit, slot_words, both):
    report = _check(example, lang, edit)
    found = [f for f in _names(report) if slot_words + " " in f.message and f.lang == lang]
    assert found, [f.message for f in report.findings]
    assert all(name in found[0].message for name in both), found[0].message
    assert report.verdict == "ministries"


def test_the_place_of_signing_in_a_vietnamese_version():
    def edit(text):  # only the signing clause: the Thai party is still Khon Kaen
        return re.sub(r"(tại )Khon Kaen", r"\1Đà Nẵng", text)

    report = _check("khon-kaen-da-nang", "vi", edit)
    (found,) = [f for f in _names(report) if "place of signing" in f.message]
    assert "Đà Nẵng in the Vietnamese version, Khon Kaen in the English" in found.message


def test_a_thai_name_in_chinese_characters_is_a_note_not_a_finding():
    report = _check("chiang-mai-chengdu", "zh", _sub("颂猜·西沙瓦", "差瓦·春哥頌"))
    assert _names(report) == []
    assert any("Chinese version" in n and "Thai signatory" in n for n in report.notes), report.notes


# ----------------------------------------------------------------------------- the comparison


RIGHT = [  # real names: the examples, tests/specdata.py and the drafts corpus
    ("partner_name", "Chengdu City", "นครเฉิงตู", "th"), ("partner_name", "Chengdu City", "成都市", "zh"),
    ("partner_name", "Da Nang City", "Thành phố Đà Nẵng", "vi"), ("partner_name", "Da Nang City", "นครดานัง", "th"),
    ("partner_name", "Da Nang City", "thành phố Đà Nẵng", "vi"),
    ("partner_name", "Fujian Province", "มณฑลฝูเจี้ยน", "th"), ("partner_name", "Fujian Province", "福建省", "zh"),
    ("partner_name", "Hokkaido Prefecture", "จังหวัดฮอกไกโด", "th"),
    ("partner_name", "Hokkaido Prefecture", "北海道", "ja"),
    ("partner_name", "Jeollanam-do Province", "전라남도", "ko"),
    ("partner_name", "Jeollanam-do Province", "대한민국 전라남도", "ko"),
    ("partner_name", "Shanghai Municipality", "นครเซี่ยงไฮ้", "th"),
    ("partner_name", "Shanghai Municipality", "上海市", "ja"), ("partner_name", "Shanghai Municipality", "상하이시", "ko"),
    ("partner_signatory.name", "Mr. Chen Jianguo", "นายเฉิน เจี้ยนกั๋ว", "th"),
    ("partner_signatory.name", "Mr. Chen Jianguo", "陈建国", "zh"),
    ("partner_signatory.name", "Mr. Kim Min-soo", "นายคิม มิน-ซู", "th"),
    ("partner_signatory.name", "Mr. Kim Min-soo", "김민수", "ko"),
    ("partner_signatory.name", "Mr. Li Guoqiang", "นายหลี่ กั๋วเฉียง", "th"),
    ("partner_signatory.name", "Mr. Li Ming", "李明", "ja"), ("partner_signatory.name", "Mr. Li Ming", "李明", "ko"),
    ("partner_signatory.name", "Mr. Li Ming", "李明", "vi"),
    ("partner_signatory.name", "Mr. Naomichi Suzuki", "นายนาโอมิจิ ซูซูกิ", "th"),
    ("partner_signatory.name", "Mr. Naomichi Suzuki", "鈴木直道", "ja"),
    ("partner_signatory.name", "Mr. Nguyen Van Minh", "Ông Nguyễn Văn Minh", "vi"),
    ("partner_signatory.name", "Mr. Nguyen Van Minh", "Nguyễn Văn Minh", "vi"),
    ("partner_signatory.name", "Mr. Zhang Wei", "นายจาง เว่ย", "th"), ("partner_signatory.name", "Mr. Zhang Wei", "张伟", "zh"),
    ("place", "Chiang Mai", "เชียงใหม่", "th"), ("place", "Chiang Mai", "清迈", "zh"),
    ("place", "Fuzhou", "ฝูโจว", "th"), ("place", "Fuzhou", "福州", "zh"), ("place", "Khon Kaen", "Khon Kaen", "vi"),
    ("place", "Rayong", "라용", "ko"), ("place", "Sapporo", "ซัปโปโร", "th"), ("place", "Sapporo", "札幌市", "ja"),
    ("place", "Shanghai", "상하이", "ko"),
    ("thai_name", "Bangkok Metropolitan Administration", "กรุงเทพมหานคร", "th"),
    ("thai_name", "Bangkok Metropolitan Administration", "泰王国曼谷市", "zh"),
    ("thai_name", "Chiang Mai Province", "tỉnh Chiềng Mai", "vi"),  # the historical Vietnamese name
    ("thai_name", "Chiang Mai Province", "tỉnh Chiang Mai", "vi"),
    ("thai_name", "Chiang Mai Province", "タイ王国チェンマイ県", "ja"),
    ("thai_name", "Chiang Mai Province", "치앙마이주", "ko"), ("thai_name", "Khon Kaen Province", "泰王国孔敬府", "zh"),
    ("thai_name", "Chiang Mai Province", "치앙마이도", "ko"),  # 도, as drafts made before the review write it
    ("thai_name", "Rayong Province", "태국 라용주", "ko"),
    ("thai_signatory.name", "Mr. Nirat Pongsitthaworn", "นายนิรัตน์ พงษ์สิทธิถาวร", "th"),
    ("thai_signatory.name", "Mr. Prasert Boonmee", "นายประเสริฐ บุญมี", "th"),
    ("thai_signatory.name", "Mr. Somchai Jaidee", "นายสมชาย ใจดี", "th"),
    ("thai_signatory.name", "Mr. Somchai Srisawat", "นายสมชาย ศรีสวัสดิ์", "th"),
    ("thai_signatory.name", "Mr. Suriya Thongdee", "นายสุริยา ทองดี", "th"),
    ("thai_signatory.name", "Mr. Wichai Saengthong", "นายวิชัย แสงทอง", "th"),
    ("thai_signatory.name", "Mr. Wichai Saengthong", "위차이 생통", "ko"),
    # titles, ranks and honorifics
    ("thai_signatory.name", "Dr. Somchai Srisawat", "นายแพทย์สมชาย ศรีสวัสดิ์", "th"),
    ("thai_signatory.name", "Acting Sub-Lt. Somchai Srisawat", "ว่าที่ร้อยตรี นายสมชาย ศรีสวัสดิ์", "th"),
    ("partner_signatory.name", "Mr. Zhang Wei", "张伟先生", "zh"),
    ("partner_signatory.name", "Mr. Choi Min-su", "최민수", "ko"),  # a surname spelled its own way
]
# right names moukit cannot tell (a translation, a Sino-Vietnamese reading, a Thai name in
# Chinese characters): never a finding
UNTOLD = [
    ("partner_name", "Jeollanam-do Province", "จังหวัดช็อลลาใต้", "th"),  # "South Jeolla", translated
    ("partner_name", "Shanghai Municipality", "Thành phố Thượng Hải", "vi"),
    ("place", "Shanghai", "Thượng Hải", "vi"), ("place", "Genoa", "เจนัว", "th"),
    ("thai_signatory.name", "Mr. Prasert Boonmee", "巴实·汶米", "zh"),
    ("thai_signatory.name", "Mr. Nirat Pongsitthaworn", "ニラット・ポンシッティターウォン", "ja"),
    ("partner_signatory.name", "Mr. Lee Jung-ho", "이정호", "ko"),  # 이 is Lee, Yi or Rhee
    # a place's name translated word by word in a language written in Latin letters
    ("partner_name", "West Java Province", "Provinsi Jawa Barat", "id"),
    ("partner_name", "East Java Province", "Provinsi Jawa Timur", "id"),
    ("place", "West Java", "Jawa Barat", "id"),
]


@pytest.mark.parametrize("slot, english, other, lang", [
    ("partner_name", "West Java Province", "Provinsi Bali", "id"),  # no word in common
    ("partner_name", "Bursa Metropolitan Municipality", "İzmir Büyükşehir Belediyesi", "tr"),
    ("partner_signatory.name", "Mr. Ridwan Kamil", "Bapak Ridwan Hakim", "id"),  # a person's name is not translated
])
def test_a_latin_name_of_another_place_or_person_is_still_different(slot, english, other, lang):
    assert compare_name(slot, english, other, lang).verdict == "different"


@pytest.mark.parametrize("slot, english, other, lang", RIGHT)
def test_every_real_pair_is_the_same_name(slot, english, other, lang):
    assert compare_name(slot, english, other, lang).verdict == "same"


@pytest.mark.parametrize("slot, english, other, lang", UNTOLD)
def test_a_name_moukit_cannot_tell_is_never_different(slot, english, other, lang):
    assert compare_name(slot, english, other, lang).verdict != "different"


def test_no_real_name_is_the_same_as_another_of_its_kind():
    """Each real name against the English names of the other pairs of its slot."""
    for slot, english, other, lang in RIGHT + UNTOLD:
        for slot2, english2, _, _ in RIGHT + UNTOLD:
            if slot2 != slot or cores(english2, "en") == cores(english, "en"):
                continue
            if compare_name(slot, english2, other, lang).verdict == "same":
                assert province_of(english2, "en") == province_of(english, "en") is not None, (english2, other)


# ----------------------------------------------------------------------------- the province data


def test_every_entry_of_the_province_names_names_a_real_province():
    provinces = {p.name_en for p in all_provinces()}
    for name_en, langs in province_names().items():
        assert name_en in provinces, name_en
        assert set(langs) <= {"zh", "ja", "ko", "vi"}, (name_en, langs)
        for lang, spellings in langs.items():
            assert spellings and all(isinstance(s, str) and s.strip() for s in spellings), (name_en, lang)
            for spelling in spellings:  # and names that province only
                assert province_named(spelling, lang).name_en == name_en, (spelling, lang)


# ----------------------------------------------------------------------------- --spec: values


def test_with_spec_a_term_in_figures_is_the_spec_s_term():
    specification = spec("mou", "zh", term={"years": 5})
    text = moukit.render(specification, "txt").data.decode("utf-8")
    assert "five-year" in text
    for wording in ("5-year", "five (5)-year"):
        report = moukit.check(text.replace("five-year", wording, 1).encode("utf-8"), spec=specification)
        assert not [f for f in report.findings if f.code == "MK-S001"], [f.message for f in report.findings]
    report = moukit.check(text.replace("five-year", "three-year", 1).encode("utf-8"), spec=specification)
    assert any(f.code == "MK-S001" and "3 years" in f.message for f in report.findings)


def test_with_spec_a_date_written_otherwise_is_the_spec_s_date():
    specification = spec("mou", "zh")
    text = moukit.render(specification, "txt").data.decode("utf-8")
    assert "22 November 2026" in text
    report = moukit.check(text.replace("22 November 2026", "November 22, 2026").encode("utf-8"), spec=specification)
    assert not [f for f in report.findings if f.code == "MK-S001"]
    report = moukit.check(text.replace("22 November 2026", "23 November 2026").encode("utf-8"), spec=specification)
    assert any(f.code == "MK-S001" and "2026-11-23" in f.message for f in report.findings)


# ----------------------------------------------------------------------------- translations


def _reworded(edit):
    """A Thai version worded in a translator's own way (so checked as a translation), then ``edit``."""
    return lambda text: edit(text.replace("ฝ่ายทั้งสอง", "ทั้งสองฝ่าย"))


def test_a_translation_s_names_are_read_from_its_signature_blocks_and_signing_clause():
    report = _check("chiang-mai-chengdu", "th", _reworded(lambda text: text))
    (thai,) = [v for v in report.versions if v.lang == "th"]
    assert thai.translation is not None and thai.accepted is None
    assert thai.values["thai_signatory.name"] == "นายสมชาย ศรีสวัสดิ์"
    assert thai.values["partner_name"] == "นครเฉิงตู" and thai.values["place"] == "จังหวัดเชียงใหม่"
    assert report.verdict == "standard" and _names(report) == []


@pytest.mark.parametrize("fmt", ["txt", "docx"])
@pytest.mark.parametrize("name", ["X", "IV", "XII"])
def test_a_signatory_name_in_brackets_is_a_name_even_when_it_reads_as_a_number(fmt, name):
    """The Thai signature block writes the name in brackets under the signing line; "(X)" is
    also a clause number in roman figures, but under a signing line it is the name."""
    data = spec("mou", "en").model_dump(mode="json")
    data["signatories"]["partner"]["name"]["th"] = name
    rendering = moukit.render(moukit.MouSpec.model_validate(data), fmt)
    assert f"\n({name})\n" in rendering.document.version("th").clause("sign_partner").text
    rendered = rendering.data
    (thai,) = [v for v in moukit.check(rendered).versions if v.lang == "th"]
    assert thai.accepted == "moukit's reference translation"
    assert thai.values["partner_signatory.name"] == name
    assert "numbering style" not in thai.editorial


def test_a_translation_reads_the_name_in_brackets_that_reads_as_a_number():
    report = _check("chiang-mai-chengdu", "th", _reworded(_sub("(นายสมชาย ศรีสวัสดิ์)", "(XIV)")))
    (thai,) = [v for v in report.versions if v.lang == "th"]
    assert thai.translation is not None and thai.values["thai_signatory.name"] == "XIV"
    assert [f for f in _names(report) if "Thai signatory" in f.message]


def test_a_translation_naming_another_governor_gives_a_finding():
    report = _check("chiang-mai-chengdu", "th", _reworded(_sub("นายสมชาย ศรีสวัสดิ์", "นายชัยวัฒน์ ชื่นโกสุม")))
    found = [f for f in _names(report) if "Thai signatory" in f.message]
    assert found and "ชัยวัฒน์ ชื่นโกสุม" in found[0].message and "Somchai Srisawat" in found[0].message


def test_with_a_spec_names_are_compared_with_the_spec_only():
    """A name the spec gives in Thai is the name: the versions are not also compared (no
    MK-X001 beside the spec's own comparison)."""
    from moukit.spec.models import SPEC_ADAPTER
    from specdata import spec_data

    data = spec_data("mou", "en")
    # (not a single letter: the Thai block writes the name in brackets, and "(X)" is a number)
    data["signatories"]["partner"]["name"]["th"] = "นายสมศักดิ์ รักดี"
    spec = SPEC_ADAPTER.validate_python(data)
    rendered = moukit.render(spec, "docx").data
    assert "MK-X001" in {f.code for f in moukit.check(rendered).findings}
    assert "MK-X001" not in {f.code for f in moukit.check(rendered, spec=spec).findings}


def test_a_reworded_clause_naming_a_party_with_its_country_matches_the_spec():
    """A version read in other words is known by its names without the country; the spec's
    name, which carries it (日本国北海道), is still the same name (no MK-S001)."""
    path = EXAMPLES / "chiang-mai-hokkaido.yaml"
    texts, langs = _versions("chiang-mai-hokkaido")
    i = langs.index("ja")
    reworded = texts[i].replace("及び日本国北海道（以下「両者」と総称する。）", "と日本国北海道（以下「両者」という。）")
    assert reworded != texts[i]
    texts[i] = reworded
    draft = SEPARATOR.join(texts).encode("utf-8")
    report = moukit.check(draft, spec=moukit.load_spec(path))
    assert [f.rule_id for f in report.findings if f.code.startswith("MK-S")] == []
    assert report.verdict == "standard"
    # another partner in the spec is still told apart
    other = moukit.load_spec(path).model_dump(mode="json")
    other["partner"]["name"]["ja"] = "日本国青森県"
    report = moukit.check(draft, spec=moukit.MouSpec.model_validate(other))
    assert any(f.code == "MK-S001" and f.lang == "ja" for f in report.findings)


def test_values_of_a_version_read_in_other_words_are_compared_without_case():
    """A Vietnamese version read in other words is read in its comparison form (lower case):
    its place and positions are the spec's (no MK-S001), and another place is still one."""
    path = EXAMPLES / "khon-kaen-da-nang.yaml"
    texts, langs = _versions("khon-kaen-da-nang")
    i = langs.index("vi")
    reworded = texts[i].replace("Ký tại Khon Kaen, ngày 10 tháng 6 năm 2026, thành hai bản,",
                                "Văn bản này được ký tại Khon Kaen ngày 10 tháng 6 năm 2026, thành hai bản,")
    assert reworded != texts[i]
    texts[i] = reworded
    draft = SEPARATOR.join(texts).encode("utf-8")
    report = moukit.check(draft, spec=moukit.load_spec(path))
    assert [f.message for f in report.findings if f.code.startswith("MK-S")] == []
    assert report.verdict == "standard"
    other = moukit.load_spec(path).model_dump(mode="json")
    other["signing"]["place"]["vi"] = "Udon Thani"
    report = moukit.check(draft, spec=moukit.LoiSpec.model_validate(other))
    assert any(f.code == "MK-S001" and f.lang == "vi" for f in report.findings)


def test_a_place_that_is_the_partner_city_may_be_named_without_its_level_word():
    """Signed in the partner's city: a version in other words names the place as a place
    (Đà Nẵng), not as the party (thành phố Đà Nẵng); another city is still not the place."""
    import yaml

    data = yaml.safe_load((EXAMPLES / "khon-kaen-da-nang.yaml").read_text("utf-8"))
    data["signing"]["place"] = {"en": "Da Nang", "th": "นครดานัง", "vi": "Đà Nẵng"}
    text = moukit.render(moukit.LoiSpec.model_validate(data), "txt").data.decode("utf-8")
    line = next(line for line in text.splitlines() if line.startswith("Ký tại Đà Nẵng, ngày"))
    for place, verdict in (("Đà Nẵng", "standard"), ("Hà Nội", "ministries")):
        draft = text.replace(line, line.replace("Ký tại Đà Nẵng, ngày", f"Văn bản này được ký tại {place} ngày"))
        report = moukit.check(draft.encode("utf-8"))
        assert report.verdict == verdict, [f.message for f in report.findings]


def test_a_romaniser_without_memory_leaves_the_name_unknown_and_is_not_tried_again(monkeypatch):
    from moukit.checking import names

    calls = []

    def no_memory():
        calls.append(1)
        raise MemoryError

    monkeypatch.setattr(names, "_kakasi", no_memory)
    monkeypatch.setattr(names, "_UNREADABLE", set())
    names._japanese.cache_clear()
    names.compare_name.cache_clear()  # a comparison made earlier in this process is not read again
    try:
        for _ in range(3):
            found = compare_name("partner_name", "Hokkaido Prefecture", "北海道", "ja")
            assert found.verdict == "unknown"
        assert len(calls) == 1
        assert compare_name("partner_name", "Chengdu City", "成都市", "zh").verdict == "same"  # pinyin still read
    finally:
        names._japanese.cache_clear()
        names.compare_name.cache_clear()


def _printed_by(probe: str) -> list[str]:
    """The words ``probe`` (Python code) prints in a fresh interpreter, where no dictionary
    is loaded yet; its assertions must hold."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_a_chinese_name_that_reads_the_same_needs_no_phrase_dictionary():
    """成都市 read character by character is already Chengdu, and 厦门市 is Xiamen in one of
    the readings of 厦 (sha or xia): pypinyin's phrase dictionary (about 0.3 s and 45 MB) is
    loaded only for a name no reading by character makes the same."""
    probe = ("import sys\n"
             "from moukit.checking.names import compare_name\n"
             "assert compare_name('partner_name', 'Chengdu City', '成都市', 'zh').verdict == 'same'\n"
             "assert compare_name('thai_signatory.name', 'Mr. Somchai Srisawat', '颂猜·西沙瓦', 'zh').verdict != 'different'\n"
             "assert compare_name('partner_name', 'Xiamen Municipality', '中华人民共和国厦门市', 'zh').verdict == 'same'\n"
             "assert compare_name('partner_signatory.name', 'Mr. Chang Wei', '长伟', 'zh').verdict == 'same'\n"
             "print('pypinyin.phrases_dict' in sys.modules)\n"
             "assert compare_name('partner_name', 'Chengdu City', '重庆市', 'zh').verdict == 'different'\n"
             "print('pypinyin.phrases_dict' in sys.modules)\n")
    assert _printed_by(probe) == ["False", "True"]


def test_the_kanji_dictionary_read_entry_by_entry_is_pykakasi_s_whole_dictionary():
    """Every entry of pykakasi's kanji dictionary read on its own is the entry pykakasi reads."""
    import pickle

    from pykakasi.properties import Configurations

    from moukit.checking.names import _KanjiEntries

    path = Configurations.dictpath(Configurations.jisyo_kanwa)
    with open(path, "rb") as file:
        whole = pickle.load(file)
    entries = _KanjiEntries(path)
    assert all(entries.get(code) == words for code, words in whole.items())
    assert entries.get(ord("a")) is None and entries._whole is None  # read entry by entry throughout


def test_a_japanese_name_is_read_without_the_whole_kanji_dictionary():
    """鈴木直道 and 北海道 read from the few entries they need: the check of a Japanese version
    stays small (pykakasi's whole kanji dictionary took about 120 MB and 0.5 s)."""
    probe = ("from moukit.checking.names import compare_name, _KanjiEntries, _pykakasi\n"
             "assert compare_name('partner_name', 'Hokkaido Prefecture', '日本国北海道', 'ja').verdict == 'same'\n"
             "assert compare_name('partner_signatory.name', 'Mr. Naomichi Suzuki', '鈴木直道', 'ja').verdict == 'same'\n"
             "assert compare_name('partner_name', 'Hokkaido Prefecture', '青森県', 'ja').verdict == 'different'\n"
             "assert compare_name('partner_signatory.name', 'Mr. Shuichi Abe', '阿部守一', 'ja').verdict != 'different'\n"
             "import sys\n"
             "assert 'pypinyin.phrases_dict' not in sys.modules  # kanji read in Chinese: every reading\n"
             "table = _pykakasi().Kanwa._shared_state['_jisyo_table']\n"
             "print(isinstance(table, _KanjiEntries) and table._whole is None, len(table._entries))\n")
    whole_not_loaded, entries = _printed_by(probe)
    assert whole_not_loaded == "True"
    assert int(entries) <= 12  # of 6,823: the first character of each word read


def test_a_japanese_name_is_read_without_pykakasis_old_interface_and_a_program_then_imports_pykakasi_whole():
    """Reading a Japanese name imports none of pykakasi's old interface (its ``deprecated``
    decorator imports wrapt and asyncio); a program that imports pykakasi afterwards gets the
    whole package, old interface included, its dictionary state its own; and where a program
    imported pykakasi first, moukit uses that package."""
    probe = ("import sys, warnings\n"
             "from moukit.checking.names import compare_name, _pykakasi\n"
             "assert compare_name('partner_signatory.name', 'Mr. Naomichi Suzuki', '鈴木直道', 'ja').verdict == 'same'\n"
             "print(sorted(m for m in ('wrapt', 'deprecated', 'asyncio', 'pykakasi') if m in sys.modules))\n"
             "import pykakasi, pykakasi.kanji\n"
             "warnings.simplefilter('ignore')\n"
             "old = pykakasi.kakasi()\n"
             "old.setMode('J', 'a')\n"
             "print(old.getConverter().do('北海道'), pykakasi.Kakasi().convert('札幌')[0]['hepburn'])\n"
             "print(pykakasi.kanji.Kanwa is _pykakasi().Kanwa)\n")
    assert _printed_by(probe) == ["[]", "hokkaidou", "sapporo", "False"]
    first = ("import pykakasi\n"
             "from moukit.checking.names import compare_name, _pykakasi\n"
             "assert compare_name('partner_signatory.name', 'Mr. Naomichi Suzuki', '鈴木直道', 'ja').verdict == 'same'\n"
             "print(_pykakasi().Kakasi is pykakasi.Kakasi)\n")
    assert _printed_by(first) == ["True"]


def test_a_thai_name_is_cut_into_the_syllables_the_whole_syllable_list_gives():
    """The romaniser's tokenizer gets only the syllables found in the name: the cut (and so
    the reading) is the one pythainlp's whole syllable list gives, for real names and for
    random strings of syllables."""
    import random

    from pythainlp.corpus import thai_syllables
    from pythainlp.tokenize import word_tokenize
    from pythainlp.transliterate.royin import _romanize
    from pythainlp.util import Trie

    syllables = sorted(thai_syllables())
    whole = Trie(syllables)
    rng = random.Random(20261201)
    words = ["เชียงใหม่", "เฉิงตู", "ฮอกไกโด", "พระนครศรีอยุธยา", "เหงียนวันอาน", "ณ", "ก", "ง", "ฯ", "ๆ"]
    words += ["".join(rng.choice(syllables) for _ in range(rng.randint(1, 5))) for _ in range(400)]
    for word in words:
        expected = "".join(_romanize(s) for s in word_tokenize(word, custom_dict=whole, engine="newmm"))
        assert names._royin(word) == expected, word
    # and pythainlp's whole word list is never loaded for it (a word with no syllable of the
    # list, ง alone, once made the tokenizer load it: a second)
    import pythainlp.tokenize as tokenize

    tokenize.word_dict_trie.cache_clear()
    names._royin("ง")
    assert tokenize.word_dict_trie.cache_info().misses == 0


@pytest.mark.slow
def test_a_chinese_name_read_by_character_is_what_pypinyin_reads():
    """The quick reading of a Chinese name (pypinyin's dictionary read without importing
    pypinyin) equals pypinyin's ``lazy_pinyin`` without phrases, for every character of the
    dictionary and for names mixing Han characters, Latin letters, digits and punctuation."""
    import json
    import os
    import random

    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    from pypinyin import lazy_pinyin

    readings = names._character_readings()
    assert readings is not None
    codes = [int(k) for k in json.loads(readings)]

    def theirs(word: str) -> str:
        return re.sub(r"[^a-z]", "", "".join(lazy_pinyin(word)).casefold())

    def ours(word: str) -> str:
        return re.sub(r"[^a-z]", "", "".join(names._first_reading(readings, ch) for ch in word).casefold())

    assert all(ours(chr(code)) == theirs(chr(code)) for code in codes)
    rng = random.Random(11)
    others = list("abcXYZ019 -·・,.()（）、")
    for _ in range(2000):
        word = "".join(chr(rng.choice(codes)) if rng.random() < 0.7 else rng.choice(others)
                       for _ in range(rng.randint(1, 8)))
        assert ours(word) == theirs(word), word
    assert names._pinyin("成都", phrases=False) == "chengdou" and names._pinyin("吕梁", phrases=False) == "lvliang"


def test_an_entry_of_the_character_dictionary_is_found_by_halving_and_a_text_in_another_shape_from_its_start():
    """Each entry of a dictionary text in pypinyin's shape is found where it starts, the first
    and the last too; a code point without one is -1; a text not one entry a line is searched
    from its start, as before."""
    codes = [12295, 13312, 19968, 19969, 20000, 40869, 131072]
    text = "{\n" + ",\n".join(f'"{c}": "r{c}"' for c in codes) + "\n}\n"
    for code in codes:
        assert names._entry_at(text, code) == text.index(f'"{code}": "')
    assert [names._entry_at(text, c) for c in (48, 12296, 19970, 131073)] == [-1] * 4
    flat = '{"20000": "a", "19968": "yi"}'  # one line, another order
    assert names._entry_at(flat, 19968) == flat.index('"19968"')
    assert names._readings_of(text, "一") == ["r19968"] and names._readings_of(text, "2") == ["2"]


def test_whether_a_piece_of_a_line_is_the_place_is_told_without_the_phrase_dictionary():
    """The place of signing is looked for among the pieces of the signing line by asking
    only "the same?": read in every reading of its characters, no phrase dictionary is loaded,
    and the answers are those of the full comparison."""
    probe = ("import sys\n"
             "from moukit.checking.names import compare_name\n"
             "cases = [('Xiamen', '厦门', 'same'), ('Xiamen', '2026年7月6日在厦门', None),\n"
             "         ('Chengdu', '成都市', 'same'), ('Chengdu', '重庆', None), ('Kunming', '昆明', 'same')]\n"
             "quick = [compare_name('place', en, other, 'zh', phrases=False).verdict for en, other, _ in cases]\n"
             "print('pypinyin.phrases_dict' in sys.modules)\n"
             "full = [compare_name('place', en, other, 'zh').verdict for en, other, _ in cases]\n"
             "assert [v == 'same' for v in quick] == [v == 'same' for v in full] == [c[2] == 'same' for c in cases]\n")
    assert _printed_by(probe) == ["False"]


def test_the_quick_readings_of_a_chinese_name_are_every_reading_of_each_character():
    """The quick comparison tries every combination of the readings pypinyin's character
    dictionary lists (pypinyin's own heteronym readings, without tones), the first readings
    first; a name of many characters of many readings stops at MAX_READINGS."""
    import random

    from pypinyin import Style, pinyin  # a character alone: its readings, phrases or not

    def theirs(word: str) -> set[str]:
        each = [pinyin(ch, style=Style.NORMAL, heteronym=True, errors="default")[0] for ch in word]
        return {re.sub(r"[^a-z]", "", "".join(c).casefold()) for c in itertools.product(*each)}

    rng = random.Random(20261201)
    names._pinyin_readings.cache_clear()
    words = ["厦门", "重庆", "长沙", "成都", "吕梁", "行唐"] + [
        "".join(rng.choice("厦重长行乐都会朝传中和") for _ in range(rng.randint(1, 3))) for _ in range(300)]
    for word in words:
        ours = names._pinyin_readings(word)
        assert ours[0] == names._pinyin(word, phrases=False), word  # the first readings first
        if len(theirs(word)) <= names.MAX_READINGS:
            assert set(ours) == theirs(word), word
        else:
            assert len(ours) <= names.MAX_READINGS and set(ours) <= theirs(word), word
