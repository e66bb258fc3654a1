"""The Simplified Chinese and Japanese versions: full texts, dates, lists, alternatives, wording.

Golden files (tests/golden/<lang>-<instrument>.txt) hold the complete reviewed texts; after a
deliberate change of the templates, regenerate them with MOUKIT_REGEN_GOLDEN=1 and review the
diff. The other tests check properties that must hold for every combination of alternatives.
"""

from __future__ import annotations

import itertools
import unicodedata
from pathlib import Path

import langcases
import pytest
from langcases import clauses, full_text

import moukit
from moukit.packs.library import TemplateLibrary
from moukit.rendering.context import build_context

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Partners in the partner's language; Chiang Mai Province is the Thai party throughout.
PARTNERS = {
    "chengdu": {"lang": "zh", "country": "CN", "level": "sub_provincial_city",
                "name": {"en": "Chengdu", "th": "นครเฉิงตู", "zh": "中华人民共和国四川省成都市"},
                "place": {"en": "Chengdu", "th": "เฉิงตู", "zh": "成都市"},
                "position": {"en": "Mayor of Chengdu", "th": "นายกเทศมนตรีนครเฉิงตู", "zh": "成都市市长"},
                "person": {"en": "Mr. Wang Hua", "th": "นายหวัง ฮวา", "zh": "王华"}},
    "fujian": {"lang": "zh", "country": "CN", "level": "province",
               "name": {"en": "Fujian Province", "th": "มณฑลฝูเจี้ยน", "zh": "中华人民共和国福建省"},
               "place": {"en": "Fuzhou", "th": "ฝูโจว", "zh": "福州市"},
               "position": {"en": "Governor of Fujian", "th": "ผู้ว่าการมณฑลฝูเจี้ยน", "zh": "福建省省长"},
               "person": {"en": "Mr. Chen Gang", "th": "นายเฉิน กัง", "zh": "陈刚"}},
    "hokkaido": {"lang": "ja", "country": "JP", "level": "prefecture",
                 "name": {"en": "Hokkaido Prefecture", "th": "จังหวัดฮอกไกโด", "ja": "北海道"},
                 "place": {"en": "Sapporo", "th": "ซัปโปโร", "ja": "札幌市"},
                 "position": {"en": "Governor of Hokkaido", "th": "ผู้ว่าราชการจังหวัดฮอกไกโด", "ja": "北海道知事"},
                 "person": {"en": "Mr. Naomichi Suzuki", "th": "นายนาโอมิจิ ซูซูกิ", "ja": "鈴木直道"}},
    "fukuoka": {"lang": "ja", "country": "JP", "level": "city",
                "name": {"en": "Fukuoka City", "th": "นครฟุกุโอกะ", "ja": "福岡市"},
                "place": {"en": "Fukuoka", "th": "ฟุกุโอกะ", "ja": "福岡市"},
                "position": {"en": "Mayor of Fukuoka", "th": "นายกเทศมนตรีนครฟุกุโอกะ", "ja": "福岡市長"},
                "person": {"en": "Mr. Taro Yamada", "th": "นายทาโร ยามาดะ", "ja": "山田太郎"}},
}
THAI_NAME = {"zh": "泰国清迈府", "ja": "タイ王国チェンマイ県"}
THAI_POSITION = {"zh": "清迈府府尹", "ja": "チェンマイ県知事"}
THAI_PERSON = {"zh": "颂猜·再迪", "ja": "ソムチャイ・チャイディー"}

DEFAULT_PARTNER = {"zh": "chengdu", "ja": "hokkaido"}


def spec_yaml(instrument: str, partner: str, **top) -> str:
    """A complete spec as YAML text (the way a user writes it), with top-level ``top`` values."""
    lang = PARTNERS[partner]["lang"]
    thai = {"province": "Chiang Mai", "name": THAI_NAME[lang], "person": THAI_PERSON[lang],
            "position": THAI_POSITION[lang], "position_en": "Governor of Chiang Mai Province",
            "position_th": "ผู้ว่าราชการจังหวัดเชียงใหม่"}
    return langcases.spec_yaml(instrument, PARTNERS[partner], thai, **top)


def make_spec(instrument: str, partner: str, **top):
    """A validated spec parsed from YAML text."""
    return moukit.parse_spec(spec_yaml(instrument, partner, **top))


# --- golden full texts --------------------------------------------------------------------

GOLDEN_SPECS = {
    "zh-mou": lambda: make_spec("mou", "chengdu", draft=True, term={"years": 5},
                                fields=["economy", "trade", "education", "culture", "tourism"]),
    "zh-loi": lambda: make_spec("loi", "chengdu"),
    "ja-mou": lambda: make_spec("mou", "hokkaido",
                                fields=["economy", "tourism", "education", "culture", "agriculture"]),
    "ja-loi": lambda: make_spec("loi", "hokkaido", relationship="friendship", parties="both_sides",
                                preposition="in", intent="will", further_fields=["environment", "youth"]),
}


@pytest.mark.parametrize("name", sorted(GOLDEN_SPECS))
def test_full_text_matches_golden(name):
    langcases.assert_golden(name, GOLDEN_SPECS[name]())


def test_rendering_is_deterministic():
    spec = GOLDEN_SPECS["ja-mou"]()
    assert full_text(spec, "ja") == full_text(make_spec("mou", "hokkaido",
                                                        fields=["economy", "tourism", "education",
                                                                "culture", "agriculture"]), "ja")


# --- dates, lists, numbers ----------------------------------------------------------------

@pytest.mark.parametrize("lang,instrument,expected", [
    ("zh", "loi", "本意向书于2027年1月5日在成都市签署"),
    ("zh", "mou", "本谅解备忘录于2027年1月5日在成都市签署"),
    ("ja", "loi", "2027年1月5日に札幌市において"),
    ("ja", "mou", "2027年1月5日に札幌市において"),
])
def test_signing_date(lang, instrument, expected):
    spec = make_spec(instrument, DEFAULT_PARTNER[lang],
                     signing={"place": PARTNERS[DEFAULT_PARTNER[lang]]["place"], "date": "2027-01-05"})
    assert clauses(spec, lang)["signing"].startswith(expected)


@pytest.mark.parametrize("lang,fields,expected", [
    ("zh", ["economy"], "经济"),
    ("zh", ["economy", "trade"], "经济和贸易"),
    ("zh", ["economy", "trade", "tourism"], "经济、贸易和旅游"),
    ("zh", ["economy", "trade", "tourism", "education"], "经济、贸易、旅游和教育"),
    ("ja", ["economy"], "経済"),
    ("ja", ["economy", "trade"], "経済及び貿易"),
    ("ja", ["economy", "trade", "tourism"], "経済、貿易及び観光"),
    ("ja", ["economy", "trade", "tourism", "education"], "経済、貿易、観光及び教育"),
])
def test_fields_are_joined_formally(lang, fields, expected):
    loi = clauses(make_spec("loi", DEFAULT_PARTNER[lang], fields=fields, preposition="in"), lang)
    mou = clauses(make_spec("mou", DEFAULT_PARTNER[lang], fields=fields), lang)
    if lang == "zh":
        assert f"在{expected}领域的现有合作" in loi["c1"]
        assert f"在{expected}领域开展" in mou["c2"]
    else:
        assert f"{expected}の分野における既存の協力" in loi["c1"]
        assert f"{expected}の分野において" in mou["c2"]


def test_custom_field_is_listed_with_the_others():
    custom = {"custom": {"th": "ชา", "en": "tea", "zh": "茶文化"}}
    loi = clauses(make_spec("loi", "chengdu", fields=["economy", custom]), "zh")
    assert "在经济和茶文化方面" in loi["c1"]


@pytest.mark.parametrize("lang,years,expected", [
    ("zh", 5, "有效期为五年。"), ("zh", 2, "有效期为两年。"), ("zh", 20, "有效期为二十年。"),
    ("zh", 30, "有效期为30年。"), ("ja", 5, "5年間効力を有する。"), ("ja", 10, "10年間効力を有する。"),
])
def test_fixed_term(lang, years, expected):
    c5 = clauses(make_spec("mou", DEFAULT_PARTNER[lang], term={"years": years}), lang)["c5"]
    assert expected in c5


def test_open_term_ends_by_written_notice():
    zh = clauses(make_spec("mou", "chengdu"), "zh")["c5"]
    ja = clauses(make_spec("mou", "hokkaido"), "ja")["c5"]
    assert "书面通知" in zh and "有效期" not in zh
    assert "書面により通告" in ja and "年間" not in ja


def test_various_fields_when_none_are_named():
    zh = clauses(make_spec("mou", "chengdu", fields_clause="various"), "zh")["c2"]
    ja = clauses(make_spec("mou", "hokkaido", fields_clause="various"), "ja")["c2"]
    assert "各个领域" in zh and "经济" not in zh
    assert "様々な分野" in ja and "経済" not in ja


# --- signing clause -----------------------------------------------------------------------

@pytest.mark.parametrize("lang,instrument,three", [
    ("zh", "loi", "每份均用泰文、中文和英文写成，各文本具有同等效力。"),
    ("zh", "mou", "每份均用泰文、中文和英文写成。"),
    ("ja", "loi", "タイ語、日本語及び英語により本書二通に署名した。いずれの本文もひとしく有効である。"),
    ("ja", "mou", "タイ語、日本語及び英語により本書二通に署名した。解釈に相違がある場合"),
])
def test_signing_names_three_languages_in_duplicate(lang, instrument, three):
    signing = clauses(make_spec(instrument, DEFAULT_PARTNER[lang]), lang)["signing"]
    assert three in signing
    assert ("一式两份" in signing) if lang == "zh" else ("二通" in signing)
    assert ("英文文本为准" in signing) if lang == "zh" else ("英語の本文を用いる" in signing)


@pytest.mark.parametrize("lang,instrument,two", [
    ("zh", "loi", "每份均用泰文和英文写成，"), ("zh", "mou", "每份均用泰文和英文写成。"),
    ("ja", "loi", "タイ語及び英語により"), ("ja", "mou", "タイ語及び英語により"),
])
def test_signing_names_two_languages_when_partner_language_is_english(lang, instrument, two):
    # A zh or ja version is only rendered for a zh or ja partner; the template must still
    # handle the English-speaking partner (partner_language ""), so render it directly.
    spec = make_spec(instrument, DEFAULT_PARTNER[lang])
    pack = TemplateLibrary().pack(lang)
    context = {**build_context(spec, pack), "partner_language": ""}
    signing = dict(pack.render_clauses(spec.form, context))["signing"]
    assert two in signing
    assert "、" not in signing.split("写成")[0] if lang == "zh" else "タイ語、" not in signing


# --- alternatives -------------------------------------------------------------------------

def _options(instrument: str) -> dict[str, list[str]]:
    form = moukit.get_form(instrument)
    return {name: list(alt.options) for name, alt in form.alternatives.items()}


ALTERNATIVE_CASES = [
    (lang, partner, instrument, name)
    for lang, partners in (("zh", ("chengdu", "fujian")), ("ja", ("hokkaido", "fukuoka")))
    for partner in partners
    for instrument in ("loi", "mou")
    for name in _options(instrument)
]


@pytest.mark.parametrize("lang,partner,instrument,name", ALTERNATIVE_CASES)
def test_distinct_alternatives_give_distinct_texts(lang, partner, instrument, name):
    pack = TemplateLibrary().pack(lang)
    provincial = PARTNERS[partner]["level"] in ("province", "prefecture")
    texts = {}
    for option in _options(instrument)[name]:
        text = full_text(make_spec(instrument, partner, **{name: option}), lang)
        assert pack.word(name, option, provincial=provincial) in text, option
        texts[option] = text
    assert len(set(texts.values())) == len(texts), f"{name}: two options give the same text"


@pytest.mark.parametrize("lang,partner,relationship,expected,not_expected", [
    ("zh", "fujian", "sister", "建立友好省府关系", "友好城市"),
    ("zh", "fujian", "friendship", "建立友好交流省府关系", "友好交流城市"),
    ("zh", "chengdu", "sister", "建立友好城市关系", "省府"),
    ("zh", "chengdu", "friendship", "建立友好交流城市关系", "省府"),
    ("ja", "hokkaido", "sister", "姉妹県関係", "姉妹都市"),
    ("ja", "hokkaido", "friendship", "友好県関係", "友好都市"),
    ("ja", "fukuoka", "sister", "姉妹都市関係", "姉妹県"),
    ("ja", "fukuoka", "friendship", "友好都市関係", "友好県"),
])
def test_provincial_wording_for_a_province_level_partner(lang, partner, relationship, expected,
                                                         not_expected):
    for instrument in ("loi", "mou"):
        spec = make_spec(instrument, partner, relationship=relationship,
                         **({"term": {"years": 5}} if instrument == "mou" else {}))
        text = full_text(spec, lang)
        assert expected in clauses(spec, lang)["title"]
        assert not_expected not in text


def test_provincial_wording_leaves_english_as_the_form():
    spec = make_spec("mou", "fujian")
    assert "Sister Cities" in clauses(spec, "en")["title"]
    assert "友好省府" in clauses(spec, "zh")["title"]


# --- non-binding wording ------------------------------------------------------------------

def _all_combinations(instrument: str):
    options = _options(instrument)
    extra = {"loi": {}, "mou": {"term": ["open", {"years": 5}], "fields_clause": ["various", "named"]}}
    names = list(options) + list(extra[instrument])
    values = list(options.values()) + list(extra[instrument].values())
    for combo in itertools.product(*values):
        yield dict(zip(names, combo))


def _every_version(lang: str):
    for instrument in ("loi", "mou"):
        partners = ("chengdu", "fujian") if lang == "zh" else ("hokkaido", "fukuoka")
        for partner in partners:
            for combo in _all_combinations(instrument):
                yield instrument, clauses(make_spec(instrument, partner, **combo), lang)


NONBINDING = {"zh": "本意向书无意在国际法下创设权利或义务。",
              "ja": "本意向書は、国際法上の権利又は義務を創設することを意図するものではない。"}


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_no_binding_words_in_any_combination(lang):
    forbidden = {"zh": ["应当", "必须", "承担", "应该", "务必"],
                 "ja": ["ものとする", "しなければならない", "べきである", "義務を負う"]}[lang]
    duty = {"zh": "义务", "ja": "義務"}[lang]
    international = {"zh": "国际义务", "ja": "国際的な義務"}[lang]
    count = 0
    for instrument, texts in _every_version(lang):
        count += 1
        if instrument == "loi":
            assert texts["nonbinding"] == NONBINDING[lang]
        for clause_id, text in texts.items():
            for word in forbidden:
                assert word not in text, (instrument, clause_id, word)
            if duty in text:
                # Only the LOI's non-binding sentence and the MOU's reference to the parties'
                # existing international obligations (clause 2) may name an obligation.
                allowed = (instrument, clause_id) in {("loi", "nonbinding"), ("mou", "c2")}
                assert allowed, (instrument, clause_id, text)
                if clause_id == "c2":
                    assert text.count(duty) == text.count(international) == 1
    assert count == 2 * (64 + 192)


def test_will_clauses_keep_the_non_binding_future():
    # Chinese "will" is 将 in every clause that says "will" in the form.
    loi = clauses(make_spec("loi", "chengdu", intent="will"), "zh")
    mou = clauses(make_spec("mou", "chengdu", term={"years": 5}), "zh")
    for text in [loi[c] for c in ("c1", "c2", "c3", "c4")] + [mou[f"c{i}"] for i in range(1, 6)]:
        assert "将" in text
    assert "致力于" in clauses(make_spec("loi", "chengdu", intent="aim_to"), "zh")["c4"]
    ja_aim = clauses(make_spec("loi", "hokkaido", intent="aim_to"), "ja")["c4"]
    ja_will = clauses(make_spec("loi", "hokkaido", intent="will"), "ja")["c4"]
    assert ja_aim.endswith("樹立することを目指す。") and ja_will.endswith("樹立する。")


# --- Unicode ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(GOLDEN_SPECS))
def test_text_is_nfc(name):
    text = full_text(GOLDEN_SPECS[name](), name.split("-")[0])
    assert unicodedata.is_normalized("NFC", text)
