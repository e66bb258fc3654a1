"""The Burmese (my) pack: made with moukit's own pack tool, and checked as a translation.

- (That the templates and lexicon are ``packs/my/translation.xlf`` built again is tested for
  every such pack in test_pack_texts.py.)
- Burmese is read syllable by syllable (a regular expression over the Myanmar script), its
  spaces (between phrases, not words) are editorial, its digits are Myanmar digits.
- The Chiang Mai - Kengtung example, its Burmese version reworded by hand (same meaning, other
  words: tests/data/drafts/my/kengtung-mou-reworded.txt), is judged a faithful translation;
  a sentence of obligation added to it in Burmese is caught.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

import moukit
from moukit.packs.library import builtin_templates_dir
from moukit.text.normalize import detect_language, fold, myanmar_syllables, tokenize

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "chiang-mai-kengtung.yaml"
REWORDED = Path(__file__).parent / "data" / "drafts" / "my" / "kengtung-mou-reworded.txt"
PACK = builtin_templates_dir() / "my"
SEPARATOR = "=" * 72
VERSION_STAMP = re.compile(r"\(moukit [^)]*\)")


# ---------------------------------------------------------------- the pack is its translation file


def test_the_translation_is_unicode_burmese_nfc_and_never_zawgyi():
    import unicodedata

    for name in ("loi.j2", "mou.j2", "lexicon.yaml", "units.yaml", "translation.xlf"):
        text = (PACK / name).read_text("utf-8")
        assert unicodedata.normalize("NFC", text) == text, name
        # Zawgyi puts the vowel sign e (and medial ra) before the consonant, and uses the
        # Unicode code points of Burmese-only letters for its own forms: never after a space
        assert not re.search(r"(?:^|[\s(\"'])[\u1031\u103b]", text, re.MULTILINE), name
        assert not re.search(r"[\u1060-\u1097]", text), name  # Zawgyi's stacked forms


# ---------------------------------------------------------------- reading Burmese


def test_syllables():
    assert [s for s, _, _ in myanmar_syllables("အခွင့်အရေး သင်္ကြန် ကဏ္ဍ")] == \
        ["အ", "ခွင့်", "အ", "ရေး", "သင်္ကြန်", "ကဏ္ဍ"]
    assert tokenize("ပူးပေါင်း ဆောင်ရွက်ကြမည်။", "my") == ["ပူး", "ပေါင်း", "ဆောင်", "ရွက်", "ကြ", "မည်", "။"]


def test_myanmar_digits_fold_to_arabic_and_the_script_is_told_apart():
    assert fold("၂၀၂၇ ခုနှစ်") == "2027 ခုနှစ်" and fold("၂ဝ၂၇") == "2027" and fold("ဝန်ကြီး") == "ဝန်ကြီး"
    assert detect_language("ပါဝင်သူများသည် အချင်းချင်း ပူးပေါင်းဆောင်ရွက်ကြမည်။") == "my"


def test_the_example_is_written_in_myanmar_digits_with_the_gregorian_date():
    text = moukit.render(moukit.load_spec(EXAMPLE), "txt", languages=["my"]).data.decode("utf-8")
    assert "၂၀၂၇ ခုနှစ်၊ မတ်လ ၁၈ ရက်နေ့တွင်" in text and "၅ နှစ် ကာလ ဆက်လက် အသက်ဝင်မည်" in text and "\n၁. " in text
    assert not re.search("[0-9]", text)


# ---------------------------------------------------------------- a translated draft


@cache
def _rendered() -> str:
    return moukit.render(moukit.load_spec(EXAMPLE), "txt").data.decode("utf-8")


def _with_burmese(burmese: str) -> bytes:
    sections = _rendered().split(SEPARATOR)
    assert [detect_language(s) for s in sections].count("my") == 1
    return SEPARATOR.join("\n" + burmese + "\n" if detect_language(s) == "my" else s
                          for s in sections).encode("utf-8")


def _burmese(report):
    return next(v for v in report.versions if v.lang == "my")


@pytest.mark.parametrize("spec", [None, EXAMPLE], ids=["without spec", "with spec"])
def test_a_reworded_burmese_version_is_a_faithful_translation(spec):
    report = moukit.check(_with_burmese(REWORDED.read_text("utf-8")),
                          moukit.load_spec(spec) if spec else None)
    codes = [f.code for f in report.findings]
    assert not [c for c in codes if c.startswith(("MK-C", "MK-T001", "MK-T002", "MK-T004", "MK-T005", "MK-P", "MK-X"))], \
        [f"{f.code} {f.message}" for f in report.findings]
    assert "MK-T003" in codes  # worded differently, every meaning there
    rows = _burmese(report).translation
    assert rows and all(row["verdict"] in ("same", "worded differently") for row in rows)


@pytest.mark.parametrize("sentence, codes", [
    # "The Participants must without fail implement the activities of this MOU."
    ("ပါဝင်သူများသည် ဤနားလည်မှုစာချွန်လွှာပါ လုပ်ငန်းများကို မဖြစ်မနေ အကောင်အထည်ဖော်ရမည်။", {"MK-P001", "MK-T002"}),
    # "The Participants must consult each other."
    ("ပါဝင်သူများသည် အချင်းချင်း ညှိနှိုင်းဆွေးနွေးကြရမည်။", {"MK-P001"}),
    # "The Participants will allocate a budget of 100 lakh kyat every year."
    ("ပါဝင်သူများသည် နှစ်စဉ် ဘတ်ဂျက် ကျပ်သိန်း ၁၀၀ ခွဲဝေကြမည်။", {"MK-P008", "MK-T002"}),
])
def test_an_obligation_added_in_burmese_is_caught(sentence, codes):
    reworded = REWORDED.read_text("utf-8")
    anchor = "ကိုလည်း အားပေးကြမည်။"
    assert anchor in reworded
    report = moukit.check(_with_burmese(reworded.replace(anchor, f"{anchor} {sentence}")))
    found = {f.code for f in report.findings if f.lang in ("my", None)}
    assert codes <= found, [f"{f.code} {f.message}" for f in report.findings]
    assert report.verdict in ("ministries", "not_permitted")
    if "MK-P001" in codes or "MK-P008" in codes:
        assert report.verdict == "not_permitted"


def test_the_loi_non_binding_sentence_changed_in_burmese_is_caught():
    text = moukit.render(moukit.parse_spec(_loi_yaml()), "txt").data.decode("utf-8")
    sentence = "ဤရည်ရွယ်ချက်ပြစာသည် နိုင်ငံတကာဥပဒေအရ အခွင့်အရေးများ သို့မဟုတ် တာဝန်ဝတ္တရားများကို ဖန်တီးရန် မရည်ရွယ်ပေ။"
    assert sentence in text
    # "This Letter of Intent creates obligations under international law."
    changed = text.replace(sentence, "ဤရည်ရွယ်ချက်ပြစာသည် နိုင်ငံတကာဥပဒေအရ တာဝန်ဝတ္တရားများကို ဖန်တီးသည်။")
    report = moukit.check(changed.encode("utf-8"))
    assert "MK-P011" in {f.code for f in report.findings}, [f"{f.code} {f.message}" for f in report.findings]
    assert moukit.check(text.encode("utf-8")).findings == []


def _loi_yaml() -> str:
    text = EXAMPLE.read_text("utf-8")
    return text.replace("instrument: mou", "instrument: loi").replace("term:\n  years: 5\n", "")


# ---------------------------------------------------------------- DOCX and HTML


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_docx_marks_burmese_runs_as_complex_script_in_a_myanmar_font():
    import io
    import zipfile

    from lxml import etree

    data = moukit.render(moukit.load_spec(EXAMPLE), "docx").data
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    burmese = [r for r in root.iter(f"{W}r")
               if re.search("[\u1000-\u109f]", "".join(t.text or "" for t in r.iter(f"{W}t")))]
    assert len(burmese) >= 20
    for r in burmese:
        fonts = r.find(f"{W}rPr/{W}rFonts")
        assert {fonts.get(f"{W}{slot}") for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Myanmar Text"}
        assert r.find(f"{W}rPr/{W}cs") is not None
        lang = r.find(f"{W}rPr/{W}lang")
        assert (lang.get(f"{W}val"), lang.get(f"{W}bidi")) == ("my-MM", "my-MM")
        assert r.find(f"{W}rPr/{W}szCs") is not None


def test_burmese_words_in_another_version_get_their_own_font():
    from moukit.rendering.document import Version
    from moukit.rendering.writers import docx_style
    from moukit.rendering.writers.docx import _Writer

    writer = _Writer(Version("en", "English", "en_GB", ()))
    assert writer.segments("Kengtung (ကျိုင်းတုံ) Town") == [("Kengtung (", False), ("ကျိုင်းတုံ", True), (") Town", False)]
    burmese = _Writer(Version("my", "မြန်မာ", "my_MM", ()))
    assert burmese.segments("ချင်းမိုင် (เชียงใหม่)") == [("ချင်းမိုင် (", False), ("เชียงใหม่", True), (")", False)]
    assert docx_style.style_for("my").fonts.cs == "Myanmar Text"


def test_html_names_the_burmese_version_my():
    html = moukit.render(moukit.load_spec(EXAMPLE), "html").data.decode("utf-8")
    assert 'lang="my"' in html and ":lang(my)" in html and "Myanmar Text" in html
