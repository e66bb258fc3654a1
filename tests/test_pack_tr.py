"""The Turkish pack, the first made with moukit's own pack tool, and what it needed.

- The translator's file (``packs/tr/translation.xlf``) translates every segment (that it
  builds into the shipped files is tested for every such pack in test_pack_texts.py).
- Turkish capitals: ``iki şehir`` at the start of a sentence is ``İki şehir`` (not ``Iki``), and
  the check reads Turkish text put in small letters as Turkish does (``İ`` -> ``i``, ``I`` -> ``ı``).
- The XLIFF a translation tool sends back may show a placeholder tag with a capital
  (``{Parties}`` for the English's ``{parties}``): the build keeps the capital.
- A Turkish version in other words than moukit's is judged a faithful translation; the same
  with a sentence of obligation is not permitted.
- A Turkish version inside a Thai and English draft is read as the Turkish version (the
  newcomer trial read it as text added to the English).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml
from lxml import etree

import moukit
from moukit.checking.units import matchable
from moukit.packs import build as pack_build
from moukit.packs.jinja import capfirst
from moukit.packs.library import builtin_templates_dir
from moukit.packs.segments import english_segments
from moukit.packs.xliff import XLIFF_NS
from moukit.text.casing import fold, lower, upper_first

X = "{%s}" % XLIFF_NS
PACK = builtin_templates_dir() / "tr"
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "chiang-mai-bursa.yaml"
SEPARATOR = "\n\n" + "=" * 72 + "\n\n"


# ------------------------------------------------------------------ the pack and its source


def test_the_translators_file_translates_every_segment_of_the_english():
    root = etree.parse(str(PACK / "translation.xlf")).getroot()
    units = {u.get("id"): u for u in root.iter(f"{X}unit")}
    segments = english_segments("tr")
    assert {s.id for s in segments if not s.optional} <= set(units) <= {s.id for s in segments}
    assert all(u.find(f"{X}segment/{X}target") is not None for u in units.values())


def test_the_pack_record_is_an_unofficial_translation_reviewed_once():
    record = moukit.packs.library.default_library().pack("tr").record
    assert (record.version, record.status) == ("0.1", "unofficial")
    data = yaml.safe_load((PACK / "pack.yaml").read_text("utf-8"))
    [review] = data["reviews"]
    assert review["of"] == "0.0" and review["findings"]  # the first translation, corrected into 0.1
    assert (PACK / "accepted" / "moukit-0.0" / "mou.j2").is_file()
    assert not [f for f in review["findings"] if f["severity"] in ("S1", "S2") and f["status"] == "left"]
    assert all(re.fullmatch(r"TR-\d\d", f["id"]) and f["severity"] in ("S1", "S2", "S3")
               and f["status"] in ("resolved", "kept", "left") for f in review["findings"])
    assert all(f.get("why") for f in review["findings"] if f["status"] != "resolved")
    ids = [f["id"] for f in review["findings"]]
    text = (PACK / "review.md").read_text("utf-8")
    assert all(i in text for i in ids) and "not official" in text


# ------------------------------------------------------------------ Turkish capitals


def test_capitals_as_turkish_writes_them():
    assert capfirst("iki şehir", "tr") == "İki şehir" and capfirst("iki şehir") == "Iki şehir"
    assert upper_first("ılık", "tr") == "Ilık"
    assert lower("İKİ TARAF ILIK", "tr") == "iki taraf ılık"
    assert fold("İKİ") == "iki" and len(fold("İ")) == 1
    assert matchable("MUTABAKAT ZAPTI", "tr") == "mutabakat zaptı"


@pytest.mark.parametrize("parties, start", [("the_two_cities", "İki şehir, "), ("both_sides", "Her iki taraf, ")])
def test_a_sentence_starting_with_the_parties_has_a_turkish_capital(parties, start):
    spec = moukit.load_spec(EXAMPLE)
    data = yaml.safe_load(EXAMPLE.read_text("utf-8"))
    data.update(instrument="loi", parties=parties)
    for key in ("title", "opening", "term"):
        data.pop(key)
    spec = moukit.parse_spec(yaml.safe_dump(data, allow_unicode=True))
    version = moukit.render(spec, "txt", languages=["tr"]).document.version("tr")
    assert all(version.clause(c).text.startswith(start) for c in ("c1", "c2", "c3", "c4"))


def test_the_mou_two_sides_start_their_sentences_with_a_capital():
    version = moukit.render(moukit.load_spec(EXAMPLE), "txt", languages=["tr"]).document.version("tr")
    assert version.clause("c3").text.count("İki Taraf, ") == 2
    assert 'birlikte "iki Taraf" olarak' in version.clause("parties").text


# ------------------------------------------------------------------ the pack tool


def test_a_placeholder_tag_shown_with_a_capital_keeps_its_capital(tmp_path):
    """A translation tool copies the source's {parties} tag; a Turkish sentence starts with
    it, so the translator's tag shows {Parties}: the template capitalises it."""
    path = tmp_path / "tr-translation.xlf"
    source = etree.parse(str(PACK / "translation.xlf"))
    tree = copy.deepcopy(source)
    for unit in tree.iter(f"{X}unit"):
        if unit.get("id") == "mou.c1":
            [ph] = [p for p in unit.find(f"{X}segment/{X}target").iter(f"{X}ph")]
            ph.set("disp", "{parties}")  # as the tool copied it: no capital
            ph.set("equiv", "{parties}")
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    plain = pack_build.read_translation(path)
    assert plain.texts["mou.c1"].text.startswith("{parties}, ")
    capital = pack_build.read_translation(PACK / "translation.xlf")
    assert capital.texts["mou.c1"].text.startswith("{Parties}, ")
    assert "{{ parties|capfirst }}, kendi yetki" in (PACK / "mou.j2").read_text("utf-8")


# ------------------------------------------------------------------ checking Turkish drafts

# The Turkish MOU of the example in other words than moukit's (a translator's own, same meaning).
OTHER_WORDS = {
    "title": "Chiang Mai İli ile Bursa Büyükşehir Belediyesi Arasında\nKardeş Şehir İlişkisinin Tesisine İlişkin\n"
             "Mutabakat Zaptı",
    "parties": 'Chiang Mai İli ve Bursa Büyükşehir Belediyesi (metnin devamında birlikte "iki Taraf" olarak '
               "anılacaktır);",
    "guided": "Chiang Mai İli ile Bursa Büyükşehir Belediyesi arasında karşılıklı anlayışın ve iyi niyetin "
              "pekiştirilmesine yönelik ortak arzudan hareketle; ve",
    "considering": "Aralarında hâlihazırda var olan temasları dikkate alarak;",
    "opening": "Aşağıdaki hususlarda mutabakata varmışlardır:",
    "c1": "İki Taraf, yetki alanları dâhilinde ve ülkelerinde yürürlükteki mevzuatın izin verdiği ölçüde, eşitlik "
          "ve karşılıklı yarar esasına dayalı olarak ortak refahı ve kalkınmayı ilerletmek amacıyla birbirleriyle "
          "işbirliği yapacaktır.",
    "c2": "İki Taraf, ekonomi, ticaret, turizm, kültür ve eğitim alanlarında, hükümetlerinin politikalarına, ulusal "
          "mevzuatlarına ve uluslararası yükümlülüklerine uygun olarak birbirleriyle işbirliği yapacaktır.",
    "c3": "İki Taraf, bu Mutabakat Zaptı çerçevesindeki işbirliği amacıyla ilgili kuruluşlarını birbirleriyle "
          "doğrudan iletişimi sürdürmeleri için teşvik edecektir. İki Taraf ayrıca yetkilileri arasındaki "
          "karşılıklı ziyaretleri de teşvik edecektir.",
    "c4": "İki Taraf, bu Mutabakat Zaptının uygulanmasında işbirliğinin yöntemleri ve programları konusunda, "
          "ortak projelerde kaydedilen ilerlemeyi izlemek ve değerlendirmek ve ayrıca somut sonuçlar ile karşılıklı "
          "fayda elde etmek amacıyla her yıl toplantılar ve gerekli görüldüğünde diğer toplantılar düzenleyerek "
          "birbirleriyle istişare edecektir.",
    "c5": "Bu Mutabakat Zaptı, imzalandığı tarihte yürürlüğe girecek ve beş (5) yıl süreyle yürürlükte "
          "kalacaktır. Kardeş Şehir ilişkisinin yenilenmesi veya uzatılması, iki Tarafın ortak kararına bağlı "
          "olacaktır.",
    "signing": "Bursa'da 15 Ekim 2026 tarihinde, Tayca, Türkçe ve İngilizce dillerinde ikişer asıl nüsha olarak "
               "imzalanmıştır. Metinlerin yorumunda farklılık olması durumunda İngilizce metin esas alınacaktır.",
}


def _rendering():
    rendered = moukit.render(moukit.load_spec(EXAMPLE), "txt")
    langs = [v.lang for v in rendered.document.versions]
    return rendered.data.decode("utf-8").split(SEPARATOR), langs, rendered.document.version("tr")


def _draft(changes: dict[str, str]) -> bytes:
    texts, langs, version = _rendering()
    i = langs.index("tr")
    text = texts[i]
    for clause_id, new in changes.items():
        old = version.clause(clause_id).text
        assert old in text, clause_id
        text = text.replace(old, new, 1)
    return SEPARATOR.join(texts[:i] + [text] + texts[i + 1:]).encode("utf-8")


def test_a_turkish_version_in_other_words_is_a_faithful_translation():
    report = moukit.check([_draft(OTHER_WORDS)])
    assert report.verdict == "standard", [(f.code, f.message) for f in report.findings]
    assert not [f for f in report.findings if f.code.startswith(("MK-C", "MK-P"))]
    [note] = report.findings
    assert (note.code, note.lang) == ("MK-T003", "tr")
    rows = {row["clause_id"]: row for row in next(v for v in report.versions if v.lang == "tr").translation}
    assert all(not row["units_missing"] and not row["added"] for row in rows.values())


def test_a_sentence_of_obligation_in_the_turkish_version_is_not_permitted():
    obliged = dict(OTHER_WORDS, c3=OTHER_WORDS["c3"] + " İki Taraf, bu amaçla gerekli bütçeyi sağlamakla yükümlüdür.")
    report = moukit.check([_draft(obliged)])
    assert report.verdict == "not_permitted"
    assert ("MK-P001", "tr", "c3") in {(f.code, f.lang, f.clause_id) for f in report.findings}


def test_a_dropped_meaning_in_the_turkish_version_is_reported():
    dropped = dict(OTHER_WORDS, c4=OTHER_WORDS["c4"].replace(" ve gerekli görüldüğünde diğer toplantılar", ""))
    report = moukit.check([_draft(dropped)])
    assert report.verdict != "standard"
    rows = {row["clause_id"]: row for row in next(v for v in report.versions if v.lang == "tr").translation}
    assert "other_meetings" in rows["c4"]["units_missing"]


@pytest.mark.parametrize("headings", [False, True], ids=["no headings", "headings"])
def test_a_turkish_version_inside_a_thai_and_english_draft_is_the_turkish_version(headings):
    """The newcomer trial: a Turkish version put into a Thai and English draft was read as text
    added to the English version. It is the Turkish version, checked as one."""
    texts, langs, _ = _rendering()
    parts = dict(zip(langs, texts))
    order = ["th", "tr", "en"]
    heading = {"th": "ฉบับภาษาไทย", "tr": "Türkçe metin", "en": "English version"}
    draft = "\n\n".join((heading[lang] + "\n\n" if headings else "") + parts[lang] for lang in order)
    report = moukit.check([draft.encode("utf-8")])
    assert [v.lang for v in report.versions] == order
    assert report.verdict == "standard", [(f.code, f.lang, f.message) for f in report.findings]


# ------------------------------------------------------------------ DOCX


def test_docx_marks_turkish_runs_as_turkish_in_a_latin_font():
    import io
    import zipfile

    from moukit.rendering.writers.docx_style import LANG_STYLES

    assert LANG_STYLES["tr"].tag == "tr-TR"
    data = moukit.render(moukit.load_spec(EXAMPLE), "docx").data
    xml = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    w = "{%s}" % ns["w"]
    turkish = [r for r in xml.iter(f"{w}r") if re.search("[ğşıİ]", "".join(t.text or "" for t in r.iter(f"{w}t")))]
    assert len(turkish) >= 10
    for run in turkish:
        assert run.find("w:rPr/w:lang", ns).get(f"{w}val") == "tr-TR"
        assert run.find("w:rPr/w:rFonts", ns).get(f"{w}ascii") == "Times New Roman"
        assert run.find("w:rPr/w:rFonts", ns).get(f"{w}hAnsi") == "Times New Roman"
