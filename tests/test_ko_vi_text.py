"""The Korean and Vietnamese versions: full texts, dates, particles, alternatives, wording.

Golden files (tests/golden/<lang>-<instrument>.txt) hold the complete reviewed texts; after a
deliberate change of the templates, regenerate them with MOUKIT_REGEN_GOLDEN=1 and review the
diff. The other tests check properties that must hold for every combination of alternatives.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from pathlib import Path

import langcases
import pytest
from langcases import clauses, full_text

import moukit
from moukit.packs.library import TemplateLibrary
from moukit.rendering.context import build_context

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Partners, named in Thai, English and the partner's language.
PARTNERS = {
    "jeollanam": {"lang": "ko", "country": "KR", "level": "province",
                  "name": {"en": "Jeollanam-do", "th": "จังหวัดช็อลลานัมโด", "ko": "대한민국 전라남도"},
                  "place": {"en": "Muan", "th": "มูอัน", "ko": "무안"},
                  "position": {"en": "Governor of Jeollanam-do", "th": "ผู้ว่าราชการจังหวัดช็อลลานัมโด",
                               "ko": "전라남도지사"},
                  "person": {"en": "Mr. Kim Min-su", "th": "นายคิม มินซู", "ko": "김민수"}},
    "busan": {"lang": "ko", "country": "KR", "level": "metropolitan_municipality",
              "name": {"en": "Busan Metropolitan City", "th": "นครปูซาน", "ko": "대한민국 부산광역시"},
              "place": {"en": "Busan", "th": "ปูซาน", "ko": "부산"},
              "position": {"en": "Mayor of Busan", "th": "นายกเทศมนตรีนครปูซาน", "ko": "부산광역시장"},
              "person": {"en": "Mr. Park Ji-hoon", "th": "นายพัก จีฮุน", "ko": "박지훈"}},
    "danang": {"lang": "vi", "country": "VN", "level": "city_under_central_government",
               "name": {"en": "Da Nang City", "th": "นครดานัง", "vi": "thành phố Đà Nẵng"},
               "place": {"en": "Da Nang", "th": "ดานัง", "vi": "Đà Nẵng"},
               "position": {"en": "Chairman of the Da Nang City People's Committee",
                            "th": "ประธานคณะกรรมการประชาชนนครดานัง",
                            "vi": "Chủ tịch Ủy ban nhân dân thành phố Đà Nẵng"},
               "person": {"en": "Mr. Le Minh Tuan", "th": "นายเล มินห์ ตวน", "vi": "Ông Lê Minh Tuấn"}},
    "quangnam": {"lang": "vi", "country": "VN", "level": "province",
                 "name": {"en": "Quang Nam Province", "th": "จังหวัดกว๋างนาม", "vi": "tỉnh Quảng Nam"},
                 "place": {"en": "Tam Ky", "th": "ตามกี", "vi": "Tam Kỳ"},
                 "position": {"en": "Chairman of the Quang Nam Provincial People's Committee",
                              "th": "ประธานคณะกรรมการประชาชนจังหวัดกว๋างนาม",
                              "vi": "Chủ tịch Ủy ban nhân dân tỉnh Quảng Nam"},
                 "person": {"en": "Mr. Tran Van Nam", "th": "นายเจิ่น วัน นาม", "vi": "Ông Trần Văn Nam"}},
}
# The Thai party: Rayong with the Korean partners, Khon Kaen with the Vietnamese ones.
THAI = {
    "ko": {"province": "Rayong", "name": "태국 라용도", "person": "솜차이 짜이디",
           "position_en": "Governor of Rayong Province", "position_th": "ผู้ว่าราชการจังหวัดระยอง",
           "position": "라용도지사"},
    "vi": {"province": "Khon Kaen", "name": "tỉnh Khon Kaen", "person": "Ông Somchai Jaidee",
           "position_en": "Governor of Khon Kaen Province", "position_th": "ผู้ว่าราชการจังหวัดขอนแก่น",
           "position": "Tỉnh trưởng tỉnh Khon Kaen"},
}
DEFAULT_PARTNER = {"ko": "jeollanam", "vi": "danang"}
CITY_PARTNER = {"ko": "busan", "vi": "danang"}
PROVINCE_PARTNER = {"ko": "jeollanam", "vi": "quangnam"}


def spec_yaml(instrument: str, partner: str, thai_name: str | None = None, **top) -> str:
    """A complete spec as YAML text (the way a user writes it), with top-level ``top`` values."""
    lang = PARTNERS[partner]["lang"]
    thai = dict(THAI[lang], name=thai_name or THAI[lang]["name"])
    return langcases.spec_yaml(instrument, PARTNERS[partner], thai, **top)


def make_spec(instrument: str, partner: str, thai_name: str | None = None, **top):
    """A validated spec parsed from YAML text."""
    return moukit.parse_spec(spec_yaml(instrument, partner, thai_name, **top))


# --- golden full texts --------------------------------------------------------------------

GOLDEN_SPECS = {
    "ko-mou": lambda: make_spec("mou", "jeollanam", term={"years": 5},
                                fields=["economy", "trade", "education", "culture", "tourism"]),
    "ko-loi": lambda: make_spec("loi", "jeollanam", parties="the_two_sides", preposition="in",
                                further_fields=["environment", "youth"]),
    "vi-mou": lambda: make_spec("mou", "danang", draft=True, term={"years": 5}),
    "vi-loi": lambda: make_spec("loi", "danang"),
}


@pytest.mark.parametrize("name", sorted(GOLDEN_SPECS))
def test_full_text_matches_golden(name):
    langcases.assert_golden(name, GOLDEN_SPECS[name]())


def test_rendering_is_deterministic():
    first = full_text(GOLDEN_SPECS["ko-mou"](), "ko")
    assert first == full_text(GOLDEN_SPECS["ko-mou"](), "ko")
    assert full_text(GOLDEN_SPECS["vi-loi"](), "vi") == full_text(make_spec("loi", "danang"), "vi")


def test_draft_marker():
    assert full_text(GOLDEN_SPECS["vi-mou"](), "vi").startswith("(Dự thảo)\n\nBản ghi nhớ\n")
    assert full_text(make_spec("mou", "jeollanam", draft=True), "ko").startswith("(초안)\n\n")


# --- dates, lists, terms ------------------------------------------------------------------

@pytest.mark.parametrize("lang,instrument,expected", [
    ("ko", "loi", "2027년 1월 5일 무안에서 "),
    ("ko", "mou", "2027년 1월 5일 무안에서 "),
    ("vi", "loi", "Ký thành hai bản tại Đà Nẵng vào ngày 5 tháng 1 năm 2027 bằng "),
    ("vi", "mou", "Ký thành hai bản tại Đà Nẵng vào ngày 5 tháng 1 năm 2027 bằng "),
])
def test_signing_date(lang, instrument, expected):
    partner = DEFAULT_PARTNER[lang]
    spec = make_spec(instrument, partner, signing={"place": PARTNERS[partner]["place"],
                                                   "date": "2027-01-05"})
    assert clauses(spec, lang)["signing"].startswith(expected)


@pytest.mark.parametrize("lang", ["ko", "vi"])
def test_long_date_and_no_doubled_words(lang):
    partner = DEFAULT_PARTNER[lang]
    spec = make_spec("mou", partner, signing={"place": PARTNERS[partner]["place"],
                                              "date": "2026-12-31"})
    text = full_text(spec, lang)
    assert ("2026년 12월 31일" if lang == "ko" else "vào ngày 31 tháng 12 năm 2026") in text
    assert "ngày ngày" not in text and "vào vào" not in text


@pytest.mark.parametrize("lang,fields,expected", [
    ("ko", ["economy"], "경제"),
    ("ko", ["economy", "trade"], "경제 및 무역"),
    ("ko", ["economy", "trade", "tourism"], "경제, 무역 및 관광"),
    ("ko", ["economy", "trade", "tourism", "education"], "경제, 무역, 관광 및 교육"),
    ("vi", ["economy"], "kinh tế"),
    ("vi", ["economy", "trade"], "kinh tế và thương mại"),
    ("vi", ["economy", "trade", "tourism"], "kinh tế, thương mại và du lịch"),
    ("vi", ["economy", "trade", "tourism", "education"], "kinh tế, thương mại, du lịch và giáo dục"),
])
def test_fields_are_joined_formally(lang, fields, expected):
    partner = DEFAULT_PARTNER[lang]
    on = clauses(make_spec("loi", partner, fields=fields, preposition="on"), lang)
    into = clauses(make_spec("loi", partner, fields=fields, preposition="in"), lang)
    mou = clauses(make_spec("mou", partner, fields=fields), lang)
    if lang == "ko":
        assert f" {expected} 분야에 관한 기존 협력" in on["c1"]
        assert f" {expected} 분야에서의 기존 협력" in into["c1"]
        assert f"부합하는 {expected} 분야에서 서로 협력할 것이다." in mou["c2"]
    else:
        assert on["c1"].endswith(f"sự hợp tác hiện có về {expected}.")
        assert into["c1"].endswith(f"sự hợp tác hiện có trong lĩnh vực {expected}.")
        assert f"hợp tác với nhau trong các lĩnh vực {expected} phù hợp" in mou["c2"]


def test_further_fields_word_clause_2():
    spec = make_spec("loi", "danang", further_fields=["environment", "youth"])
    texts = clauses(spec, "vi")
    assert texts["c2"].endswith("về môi trường và thanh niên.")
    assert "môi trường" not in texts["c1"]


def test_custom_field_is_listed_with_the_others():
    custom = {"custom": {"th": "ชา", "en": "tea", "ko": "차 문화"}}
    loi = clauses(make_spec("loi", "jeollanam", fields=["economy", custom]), "ko")
    assert "경제 및 차 문화 분야에 관한" in loi["c1"]


@pytest.mark.parametrize("lang,years,expected", [
    ("ko", 5, "5년의 기간 동안 효력을 유지할 것이다."),
    ("ko", 12, "12년의 기간 동안 효력을 유지할 것이다."),
    ("vi", 5, "sẽ duy trì hiệu lực trong thời hạn 5 năm."),
    ("vi", 10, "sẽ duy trì hiệu lực trong thời hạn 10 năm."),
])
def test_fixed_term(lang, years, expected):
    c5 = clauses(make_spec("mou", DEFAULT_PARTNER[lang], term={"years": years}), lang)["c5"]
    assert expected in c5
    assert ("상호 결정에 따를 것이다." if lang == "ko" else "quyết định chung của") in c5


def test_open_term_ends_by_written_notice():
    ko = clauses(make_spec("mou", "jeollanam"), "ko")["c5"]
    vi = clauses(make_spec("mou", "danang"), "vi")["c5"]
    assert "서면으로 통보하여 이를 종료할 때까지" in ko and "기간" not in ko
    assert "bằng văn bản thông báo gửi cho bên kia" in vi and "thời hạn" not in vi


def test_various_fields_when_none_are_named():
    ko = clauses(make_spec("mou", "jeollanam", fields_clause="various"), "ko")["c2"]
    vi = clauses(make_spec("mou", "danang", fields_clause="various"), "vi")["c2"]
    assert "다양한 분야에서" in ko and "경제" not in ko
    assert "trong nhiều lĩnh vực khác nhau" in vi and "kinh tế" not in vi


# --- signing clause -----------------------------------------------------------------------

@pytest.mark.parametrize("lang,instrument,three,rest", [
    ("ko", "loi", "태국어, 한국어 및 영어로 각 2부씩 서명되었으며, 모든 언어본은 동등하게 유효하다.",
     "영어본이 사용될 것이다."),
    ("ko", "mou", "태국어, 한국어 및 영어로 각 2부씩 서명되었다.", "해석상 차이가 있는 경우에는 영어본이"),
    ("vi", "loi", "bằng tiếng Thái, tiếng Việt và tiếng Anh, tất cả các văn bản đều có giá trị như nhau.",
     "văn bản tiếng Anh sẽ được sử dụng."),
    ("vi", "mou", "bằng tiếng Thái, tiếng Việt và tiếng Anh. Trong trường hợp có sự khác biệt trong việc giải thích",
     "văn bản tiếng Anh sẽ được sử dụng."),
])
def test_signing_names_three_languages_in_duplicate(lang, instrument, three, rest):
    signing = clauses(make_spec(instrument, DEFAULT_PARTNER[lang]), lang)["signing"]
    assert three in signing and rest in signing
    assert ("각 2부씩" if lang == "ko" else "Ký thành hai bản") in signing


@pytest.mark.parametrize("lang,instrument,two", [
    ("ko", "loi", "무안에서 태국어 및 영어로 각 2부씩"), ("ko", "mou", "무안에서 태국어 및 영어로 각 2부씩"),
    ("vi", "loi", "bằng tiếng Thái và tiếng Anh, tất cả"), ("vi", "mou", "bằng tiếng Thái và tiếng Anh. Trong"),
])
def test_signing_names_two_languages_when_partner_language_is_english(lang, instrument, two):
    # A ko or vi version is only rendered for a ko or vi partner; the template must still
    # handle an English-speaking partner (partner_language ""), so render it directly.
    spec = make_spec(instrument, DEFAULT_PARTNER[lang])
    pack = TemplateLibrary().pack(lang)
    context = {**build_context(spec, pack), "partner_language": ""}
    signing = dict(pack.render_clauses(spec.form, context))["signing"]
    assert two in signing
    assert "태국어," not in signing and "tiếng Thái," not in signing


def test_loi_non_binding_sentence():
    ko = clauses(make_spec("loi", "jeollanam"), "ko")["nonbinding"]
    vi = clauses(make_spec("loi", "danang"), "vi")["nonbinding"]
    assert ko == "이 의향서는 국제법상의 권리 또는 의무를 창설하려는 의도를 가지지 아니한다."
    assert vi == "Thư ý định này không nhằm tạo ra các quyền hoặc nghĩa vụ theo luật quốc tế."


# --- Korean particles ---------------------------------------------------------------------

@pytest.mark.parametrize("thai_name,and_particle,object_particle", [
    ("태국 라용도", "태국 라용도와", "태국 라용도를 대표하여"),   # ends in a vowel
    ("태국 콘깬", "태국 콘깬과", "태국 콘깬을 대표하여"),         # ends in a final consonant
    ("Rayong", "Rayong과(와)", "Rayong을(를) 대표하여"),          # not Hangul: both forms
])
def test_korean_particles_follow_the_name(thai_name, and_particle, object_particle):
    for instrument in ("loi", "mou"):
        texts = clauses(make_spec(instrument, "jeollanam", thai_name=thai_name), "ko")
        assert texts["title"].startswith(and_particle + "\n")
        assert texts["sign_thai"].startswith(object_particle + "\n")
        assert texts["sign_partner"].startswith("대한민국 전라남도를 대표하여\n")


@pytest.mark.parametrize("instrument,parties,subject", [
    ("loi", "the_two_cities", "두 도시는 "), ("loi", "both_cities", "양 도시는 "),
    ("loi", "the_two_sides", "양측은 "), ("loi", "both_sides", "쌍방은 "),
    ("mou", "participants", "참여자는 "), ("mou", "two_sides", "양측은 "),
])
def test_korean_subject_particle_follows_the_parties(instrument, parties, subject):
    texts = clauses(make_spec(instrument, "jeollanam", parties=parties), "ko")
    numbered = [t for cid, t in texts.items() if re.fullmatch(r"c[1-4]", cid)]
    assert numbered and all(t.startswith(subject) for t in numbered)
    if instrument == "mou":
        quoted = {"participants": '(이하 통칭하여 "참여자"라 한다)는,',
                  "two_sides": '(이하 통칭하여 "양측"이라 한다)는,'}[parties]
        assert texts["parties"].endswith(quoted)


@pytest.mark.parametrize("title,subject", [
    ("memorandum_of_understanding", "이 양해각서는 "), ("agreement", "이 협정은 "),
    ("memorandum_of_agreement", "이 합의각서는 "),
    ({"custom": {"th": "ข้อตกลง", "en": "Arrangement", "ko": "협약"}}, "이 협약은 "),
])
def test_korean_particle_follows_the_title(title, subject):
    c5 = clauses(make_spec("mou", "jeollanam", title=title), "ko")["c5"]
    assert c5.startswith(subject)


# --- Vietnamese capitals ------------------------------------------------------------------

def test_vietnamese_sentences_and_lines_start_with_a_capital():
    for instrument, parties in (("loi", "both_sides"), ("mou", "participants"), ("mou", "two_sides")):
        texts = clauses(make_spec(instrument, "danang", parties=parties), "vi")
        for clause_id, text in texts.items():
            for line in text.split("\n"):
                # Title lines that continue the title ("về việc ...", "giữa", "và") stay lower case.
                if line not in ("giữa", "và") and not line.startswith("về việc "):
                    assert line[0].isupper() or line[0].isdigit(), (clause_id, line)
    loi = clauses(make_spec("loi", "danang", parties="both_sides"), "vi")
    assert loi["c1"].startswith("Cả hai bên sẽ ") and ", cả hai bên đã đạt được" in loi["preamble"]


# --- alternatives -------------------------------------------------------------------------

def _options(instrument: str) -> dict[str, list[str]]:
    form = moukit.get_form(instrument)
    return {name: list(alt.options) for name, alt in form.alternatives.items()}


ALTERNATIVE_CASES = [
    (lang, partner, instrument, name)
    for lang in ("ko", "vi")
    for partner in sorted({CITY_PARTNER[lang], PROVINCE_PARTNER[lang]})
    for instrument in ("loi", "mou")
    for name in _options(instrument)
]


@pytest.mark.parametrize("lang,partner,instrument,name", ALTERNATIVE_CASES)
def test_distinct_alternatives_give_distinct_texts(lang, partner, instrument, name):
    pack = TemplateLibrary().pack(lang)
    provincial = PARTNERS[partner]["level"] in ("province", "prefecture", "state")
    texts = {}
    for option in _options(instrument)[name]:
        text = full_text(make_spec(instrument, partner, **{name: option}), lang)
        word = pack.word(name, option, provincial=provincial)
        assert word in text or word[:1].upper() + word[1:] in text, option
        texts[option] = text
    assert len(set(texts.values())) == len(texts), f"{name}: two options give the same text"


@pytest.mark.parametrize("lang", ["ko", "vi"])
def test_lexicon_words_every_option_distinctly(lang):
    lexicon = TemplateLibrary().pack(lang).lexicon
    for instrument in ("loi", "mou"):
        for name, options in _options(instrument).items():
            words = [lexicon["alternatives"][name][o] for o in options]
            assert len(set(words)) == len(words), (instrument, name)
    # The MOU's "Participants" and "two Sides" are not the LOI's words for the sides.
    parties = lexicon["alternatives"]["parties"]
    assert parties["participants"] not in (parties["the_two_sides"], parties["both_sides"])


@pytest.mark.parametrize("lang,partner,relationship,expected,not_expected", [
    ("ko", "jeollanam", "sister", "자매결연 관계 수립에 관한", "자매도시"),
    ("ko", "jeollanam", "friendship", "우호교류 관계 수립에 관한", "우호도시"),
    ("ko", "busan", "sister", "자매도시 관계 수립에 관한", "자매결연"),
    ("ko", "busan", "friendship", "우호도시 관계 수립에 관한", "우호교류"),
    ("vi", "quangnam", "sister", "về việc thiết lập quan hệ tỉnh kết nghĩa", "thành phố kết nghĩa"),
    ("vi", "quangnam", "friendship", "về việc thiết lập quan hệ tỉnh hữu nghị", "thành phố hữu nghị"),
    ("vi", "danang", "sister", "về việc thiết lập quan hệ thành phố kết nghĩa", "tỉnh kết nghĩa"),
    ("vi", "danang", "partnership", "về việc thiết lập quan hệ thành phố đối tác", "tỉnh đối tác"),
])
def test_provincial_wording_for_a_province_level_partner(lang, partner, relationship, expected,
                                                         not_expected):
    for instrument in ("loi", "mou"):
        spec = make_spec(instrument, partner, relationship=relationship,
                         **({"term": {"years": 5}} if instrument == "mou" else {}))
        texts = clauses(spec, lang)
        assert expected in texts["title"]
        assert not_expected not in full_text(spec, lang)
        # The same name is used in the body: clause 4 of the LOI, clause 5 of the MOU.
        word = TemplateLibrary().pack(lang).word("relationship", relationship,
                                                 provincial=PARTNERS[partner]["level"] == "province")
        assert word in expected
        assert word in (texts["c4"] if instrument == "loi" else texts["c5"])


def test_provincial_wording_leaves_english_as_the_form():
    spec = make_spec("mou", "jeollanam")
    assert "Sister Cities" in clauses(spec, "en")["title"]
    assert "자매결연" in clauses(spec, "ko")["title"]


# --- non-binding wording ------------------------------------------------------------------

def _all_combinations(instrument: str):
    options = _options(instrument)
    extra = {"loi": {}, "mou": {"term": ["open", {"years": 5}], "fields_clause": ["various", "named"]}}
    names = list(options) + list(extra[instrument])
    values = list(options.values()) + list(extra[instrument].values())
    for combo in itertools.product(*values):
        yield dict(zip(names, combo))


FORBIDDEN = {
    "ko": ["하여야 한다", "해야 한다", "의무를 진다", "의무가 있다", "구속력", "보장한다", "반드시"],
    "vi": [r"\bphải\b", "có nghĩa vụ", "cam kết", "ràng buộc", "bắt buộc"],
}
DUTY = {"ko": ("의무", "국제적 의무"), "vi": ("nghĩa vụ", "các nghĩa vụ quốc tế")}


@pytest.mark.parametrize("lang", ["ko", "vi"])
def test_no_binding_words_in_any_combination(lang):
    duty, international = DUTY[lang]
    count = 0
    for instrument in ("loi", "mou"):
        for combo in _all_combinations(instrument):
            count += 1
            texts = clauses(make_spec(instrument, DEFAULT_PARTNER[lang], **combo), lang)
            for clause_id, text in texts.items():
                for pattern in FORBIDDEN[lang]:
                    assert not re.search(pattern, text), (instrument, clause_id, pattern)
                if duty in text:
                    # Only the LOI's non-binding sentence and the MOU's reference to the
                    # parties' existing international obligations (clause 2) name a duty.
                    assert (instrument, clause_id) in {("loi", "nonbinding"), ("mou", "c2")}
                    if clause_id == "c2":
                        assert text.count(duty) == text.count(international) == 1
    assert count == 64 + 192


def test_will_stays_a_non_binding_future():
    ko_loi = clauses(make_spec("loi", "jeollanam", intent="will"), "ko")
    ko_mou = clauses(make_spec("mou", "jeollanam", term={"years": 5}), "ko")
    for text in [ko_loi[f"c{i}"] for i in range(1, 5)] + [ko_mou[f"c{i}"] for i in range(1, 6)]:
        assert text.endswith("것이다.")
    aim = clauses(make_spec("loi", "jeollanam", intent="aim_to"), "ko")["c4"]
    assert aim.endswith("수립하는 것을 목표로 한다.")
    vi_loi = clauses(make_spec("loi", "danang", intent="will"), "vi")
    vi_mou = clauses(make_spec("mou", "danang", term={"years": 5}), "vi")
    for text in [vi_loi[f"c{i}"] for i in range(1, 5)] + [vi_mou[f"c{i}"] for i in range(1, 6)]:
        assert re.search(r"\bsẽ\b", text)
    vi_aim = clauses(make_spec("loi", "danang", intent="aim_to"), "vi")["c4"]
    assert "hướng tới việc chính thức thiết lập" in vi_aim and not re.search(r"\bsẽ\b", vi_aim)


# --- Unicode and names --------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(GOLDEN_SPECS))
def test_text_is_nfc(name):
    text = full_text(GOLDEN_SPECS[name](), name.split("-")[0])
    assert unicodedata.is_normalized("NFC", text)
