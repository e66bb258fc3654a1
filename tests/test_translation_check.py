"""The translation check's behaviour, case by case: accepted texts, the translation table in
every output, alignment by position, values compared across versions, rules read whole, the
reference when there is no English version, and the --accept option.

The Thai re-translations come from the hand-written corpus (tests/data/translations/th/); the
agreement is the Chiang Mai - Chengdu MOU of the corpus spec zh-mou.
"""

from __future__ import annotations

import json
import shutil

import pytest

import moukit
from moukit.checking.pipeline import check_detailed
from moukit.cli import main
from moukit.packs.library import builtin_templates_dir
from translation_corpus import SEPARATOR, draft_of, entries, rendering, variant_text


def thai(k: int = 1, **changes: str) -> dict[str, str]:
    """Every clause of the Thai MOU in translator ``k``'s words, with ``changes``."""
    _, clauses = entries("corpus", "th", "mou")
    return {**{c: found[k]["text"] for c, found in clauses.items()}, **changes}


def corpus_clause(clause_id: str, k: int = 0, kind: str = "faithful") -> str:
    _, clauses = entries("corpus", "th", "mou")
    return variant_text(clauses[clause_id][k], kind)


def check_thai(replacements: dict[str, str], **kw):
    return moukit.check([draft_of("th", "mou", "corpus", replacements)], **kw)


def codes(report, lang: str | None = None) -> list[str]:
    return [f.code for f in report.findings if lang is None or f.lang == lang]


def rows(report, lang: str = "th") -> dict[str, dict]:
    version = next(v for v in report.versions if v.lang == lang)
    return {row["clause_id"]: row for row in version.translation}


# ----------------------------------------------------------------------------- accepted texts


def test_moukits_own_translation_is_an_accepted_text_word_for_word():
    texts, _ = rendering("zh-mou")
    report = moukit.check([SEPARATOR.join(texts).encode()])
    assert report.verdict == "standard" and report.findings == []
    assert {v.lang: v.accepted for v in report.versions} == {
        "th": "moukit's reference translation", "zh": "moukit's reference translation", "en": None}
    assert all(v.translation is None for v in report.versions)


def test_a_translation_in_other_words_is_the_standard_form_and_says_where_it_differs():
    report = check_thai(thai(1))
    assert report.verdict == "standard", [f.message for f in report.findings]
    (note,) = report.findings
    assert (note.code, note.route, note.lang) == ("MK-T003", "standard", "th")
    table = rows(report)
    assert list(table) == list(moukit.get_form("mou").clause_ids)
    assert {r["verdict"] for r in table.values()} <= {"worded differently", "same"}
    assert table["sign_thai"]["accepted"] == "moukit's reference translation"
    assert table["c3"]["units_missing"] == [] and "encourage" in table["c3"]["units_found"]


def _ministry_text(tmp_path, c3: str):
    """A folder of accepted texts: moukit's Thai MOU with an official wording of clause 3."""
    folder = tmp_path / "ministry-2025" / "th"
    folder.mkdir(parents=True)
    source = (builtin_templates_dir() / "th" / "mou.j2").read_text("utf-8")
    start = source.index("{% block c3 %}") + len("{% block c3 %}")
    end = source.index("{% endblock %}", start)
    (folder / "mou.j2").write_text(source[:start] + c3 + source[end:], "utf-8")
    return tmp_path / "ministry-2025"


OFFICIAL_C3 = ("ทั้งสองฝ่ายจะสนับสนุนให้หน่วยงานที่เกี่ยวข้องติดต่อกันโดยตรงเพื่อความร่วมมือภายใต้{{ title }}"
               "ฉบับนี้ และจะสนับสนุนการแลกเปลี่ยนการเยือนระหว่างเจ้าหน้าที่ของ{{ parties }}")


def test_a_text_a_ministry_approved_is_accepted_and_named(tmp_path):
    folder = _ministry_text(tmp_path, OFFICIAL_C3)
    texts, versions = rendering("zh-mou")
    thai_version = versions[0]
    official = OFFICIAL_C3.replace("{{ title }}", "บันทึกความเข้าใจ").replace("{{ parties }}", "ฝ่ายทั้งสอง")
    draft = texts[0].replace(thai_version.clause("c3").text, official, 1)
    data = SEPARATOR.join((draft,) + texts[1:]).encode()
    without = moukit.check([data])
    assert without.versions[0].accepted is None and rows(without)["c3"]["verdict"] == "worded differently"
    report = moukit.check([data], accept=[folder])
    assert report.verdict == "standard" and report.findings == []
    assert report.versions[0].accepted == "ministry-2025"


def test_an_accepted_clause_is_named_in_the_table(tmp_path):
    folder = _ministry_text(tmp_path, OFFICIAL_C3)
    official = OFFICIAL_C3.replace("{{ title }}", "บันทึกความเข้าใจ").replace("{{ parties }}", "ฝ่ายทั้งสอง")
    report = check_thai(thai(1, c3=official), accept=[folder])
    assert report.verdict == "standard"
    assert rows(report)["c3"]["verdict"] == "same" and rows(report)["c3"]["accepted"] == "ministry-2025"


def test_the_accept_option_of_the_command_line(tmp_path, capsys):
    folder = _ministry_text(tmp_path, OFFICIAL_C3)
    official = OFFICIAL_C3.replace("{{ title }}", "บันทึกความเข้าใจ").replace("{{ parties }}", "ฝ่ายทั้งสอง")
    path = tmp_path / "draft.txt"
    path.write_bytes(draft_of("th", "mou", "corpus", thai(1, c3=official)))
    assert main(["check", str(path), "--accept", str(folder), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {r["clause_id"]: r["accepted"] for r in report["versions"][0]["translation"]}["c3"] == "ministry-2025"
    assert main(["check", str(path), "--accept", str(tmp_path / "nowhere")]) == 2
    assert "accepted texts folder not found" in capsys.readouterr().err


def test_the_relationship_named_in_other_words_of_a_listed_option_is_that_option():
    """ความสัมพันธ์ฉันเมืองพี่เมืองน้อง (moukit 0.1's title) in a Thai version otherwise worded as
    now: the listed "sister" in words of its own (units.yaml), not another relationship."""
    texts, versions = rendering("zh-mou")
    title = versions[0].clause("title").text
    assert "ความสัมพันธ์เมืองพี่เมืองน้อง" in title
    draft = texts[0].replace(title, title.replace("ความสัมพันธ์เมือง", "ความสัมพันธ์ฉันเมือง"), 1)
    report = moukit.check([SEPARATOR.join((draft,) + texts[1:]).encode()])
    assert report.verdict == "standard", [f.message for f in report.findings]
    assert not {"MK-V001", "MK-X001"} & set(codes(report))
    assert report.versions[0].values["relationship"]["options"] == ["sister"]
    # another name the English does not give is still another name
    other = texts[0].replace(title, title.replace("เมืองพี่เมืองน้อง", "เมืองคู่มิตร"), 1)
    assert "MK-V001" in codes(moukit.check([SEPARATOR.join((other,) + texts[1:]).encode()]))


# ----------------------------------------------------------------------------- the versions disagree


def test_a_meaning_left_out_of_one_clause(tmp_path):
    report = check_thai(thai(1, c3=corpus_clause("c3", 0, "drop")))
    assert report.verdict == "ministries"
    (finding,) = [f for f in report.findings if f.code == "MK-T001"]
    assert (finding.lang, finding.clause_id, finding.clause_number) == ("th", "c3", "3")
    assert rows(report)["c3"]["verdict"] == "missing meaning"


def test_content_added_to_one_clause_names_the_words():
    report = check_thai(thai(1, c2=corpus_clause("c2", 0, "add")))
    (finding,) = [f for f in report.findings if f.code in ("MK-T002", "MK-X001")]
    assert finding.route == "ministries"
    assert report.verdict == "ministries"


def test_a_clause_missing_and_a_paragraph_added_are_told_apart():
    replacements = thai(1)
    replacements["c4"] = ""  # the clause is deleted, its number with it
    data = draft_of("th", "mou", "corpus", replacements).decode().replace("\n\n4. \n", "\n")
    extra = corpus_clause("c5", 0) + "\n\n6. ทั้งสองฝ่ายจะจัดงานเทศกาลอาหารร่วมกันทุกปี"
    data = data.replace(replacements["c5"], extra, 1)
    report = moukit.check([data.encode()])
    assert set(codes(report)) >= {"MK-T004", "MK-T005"}
    (missing,) = [f for f in report.findings if f.code == "MK-T004"]
    (added,) = [f for f in report.findings if f.code == "MK-T005"]
    assert missing.clause_id == "c4" and added.clause_number == "6"
    assert "เทศกาลอาหาร" in added.draft


def test_a_renumbered_translation_is_still_aligned_by_its_meaning():
    """Clause 4 deleted and clause 5 renumbered 4: the paragraph is clause 5, not clause 4."""
    replacements = thai(1)
    data = draft_of("th", "mou", "corpus", replacements).decode()
    data = data.replace("๔. " + replacements["c4"] + "\n\n", "", 1).replace("๕. " + replacements["c5"],
                                                                            "๔. " + replacements["c5"], 1)
    report = moukit.check([data.encode()])
    assert [(f.code, f.clause_id) for f in report.findings if f.route != "standard"] == [("MK-T004", "c4")]


def test_a_term_that_differs_in_the_translation_is_a_disagreement_of_values():
    c5 = corpus_clause("c5", 1).replace("5 ปี", "3 ปี")
    assert c5 != corpus_clause("c5", 1)
    report = check_thai(thai(1, c5=c5))
    (finding,) = [f for f in report.findings if f.code == "MK-X001"]
    assert "term" in finding.message and finding.values["th"].startswith("3 years")


def test_a_date_that_differs_in_the_translation_is_a_disagreement_of_values():
    signing = thai(1)["signing"]
    changed = signing.replace("15", "16", 1)
    assert changed != signing
    report = check_thai(thai(1, signing=changed))
    assert any(f.code == "MK-X001" and "date" in f.message for f in report.findings)


def test_a_red_flag_in_a_translation_is_not_permitted_and_the_forms_own_words_are_not():
    report = check_thai(thai(1, c2=corpus_clause("c2", 0, "flag")))
    assert report.verdict == "not_permitted"
    # clause 2 translates "international obligations": the form's own words are no red flag
    assert "MK-P001" not in codes(check_thai(thai(1)))


def test_another_prevailing_language_in_a_translation():
    signing = thai(1)["signing"]
    changed = signing.replace("ภาษาอังกฤษ", "ภาษาจีน").replace("อังกฤษ", "จีน")
    report = check_thai(thai(1, signing=changed + " โดยให้ถือตัวบทภาษาไทยเป็นหลัก"))
    assert report.verdict == "not_permitted"
    assert any(f.code == "MK-P012" and f.lang == "th" for f in report.findings)


# ----------------------------------------------------------------------------- the LOI's non-binding sentence


def _loi(clause: str, text: str) -> bytes:
    return draft_of("th", "loi", "corpus", {clause: text})


def test_a_faithful_thai_non_binding_sentence_satisfies_mk_p011():
    _, clauses = entries("corpus", "th", "loi")
    for entry in clauses["nonbinding"]:
        report = moukit.check([_loi("nonbinding", entry["text"])])
        assert report.verdict == "standard", [f.message for f in report.findings]


def test_a_thai_non_binding_sentence_that_loses_its_meaning_is_not_permitted():
    report = moukit.check([_loi("nonbinding", "หนังสือแสดงเจตจำนงฉบับนี้มีผลผูกพันทั้งสองฝ่าย")])
    assert report.verdict == "not_permitted"
    assert any(f.code == "MK-P011" and f.lang == "th" for f in report.findings)


# ----------------------------------------------------------------------------- what the English says


def test_without_an_english_version_the_form_is_the_reference():
    texts, _ = rendering("zh-mou")
    thai_only = draft_of("th", "mou", "corpus", thai(2)).decode().split(SEPARATOR)[0]
    report = moukit.check([thai_only.encode()])
    assert report.verdict == "standard", [f.message for f in report.findings]
    assert report.versions[0].values["term"]["years"] == 5
    assert any("could not be compared" in n for n in report.notes)


def test_an_english_version_in_another_file_is_the_reference(tmp_path):
    texts = draft_of("th", "mou", "corpus", thai(1, c5=corpus_clause("c5", 1).replace("5 ปี", "3 ปี")))
    th, _, en = texts.decode().split(SEPARATOR)
    (tmp_path / "th.txt").write_text(th, "utf-8")
    (tmp_path / "en.txt").write_text(en, "utf-8")
    report = moukit.check([tmp_path / "th.txt", tmp_path / "en.txt"])
    assert any(f.code == "MK-X001" and "term" in f.message for f in report.findings)


def test_a_clause_the_english_rewords_is_not_weighed_for_added_words():
    texts, versions = rendering("zh-mou")
    english = versions[2].clause("c3").text
    changed = english.replace("their officials", "their officials and experts")
    en = texts[2].replace(english, changed, 1)
    data = draft_of("th", "mou", "corpus", thai(1)).decode().split(SEPARATOR)
    report = moukit.check([SEPARATOR.join(data[:2] + [en]).encode()])
    assert "MK-C001" in codes(report, "en")
    assert rows(report)["c3"]["notes"] and "MK-T002" not in codes(report, "th")


# ----------------------------------------------------------------------------- outputs


def test_the_terminal_and_html_reports_show_the_translation_table(tmp_path):
    from moukit.checking.output.html import format_html
    from moukit.checking.output.terminal import format_terminal

    data = draft_of("th", "mou", "corpus", thai(1, c3=corpus_clause("c3", 0, "drop")))
    report, analyses = check_detailed([data])
    text = format_terminal(report, color=False)
    assert "Translation check: Thai (th)" in text and "missing meaning" in text
    assert "moukit's reference translation, word for word" in text  # the Chinese version
    page = format_html(report, analyses)
    assert "<th>Meaning units</th>" in page and "missing meaning" in page
    assert page.count('<tr class="changed">') == 1


def test_the_redline_of_a_translated_docx_leaves_it_as_written(tmp_path):
    import io

    import docx

    from moukit.checking.output.redline import write_redline

    spec = moukit.load_spec(builtin_templates_dir().parent.parent.parent / "tests" / "data" / "translations"
                            / "specs" / "zh-mou.yaml")
    document = docx.Document(io.BytesIO(moukit.render(spec, "docx").data))
    clause3 = next(p for p in document.paragraphs if p.text.startswith("๓. ฝ่ายทั้งสอง"))
    for run in clause3.runs:
        run.text = run.text.replace("คงไว้ซึ่งการติดต่อ", "ติดต่อ", 1)
    out = io.BytesIO()
    document.save(out)
    report, analyses = check_detailed([out.getvalue()])
    assert report.versions[0].translation is not None
    assert write_redline(out.getvalue(), analyses) is not None


@pytest.mark.parametrize("lang", ["th", "zh", "ja", "ko", "vi", "tr"])
def test_every_pack_ships_meaning_units_and_they_compile(lang):
    from moukit.checking.units import unit_lexicon
    from moukit.forms import meaning_units
    from moukit.packs import default_library

    lex = unit_lexicon(default_library().pack(lang))
    assert set(lex.units) == set(meaning_units())
    for unit in lex.units:
        assert lex.units[unit], unit


def test_every_default_rule_pattern_compiles():
    from moukit.checking.rules import default_rules

    for rule in default_rules():
        for lang in rule.patterns:
            assert rule.patterns[lang]


def test_a_pack_without_meaning_units_is_compared_word_for_word(tmp_path):
    """A language added with --templates and no units.yaml: its versions can only be compared
    with its own templates, as the English is with the form."""
    folder = tmp_path / "packs" / "lo"
    shutil.copytree(builtin_templates_dir() / "th", folder, ignore=shutil.ignore_patterns("units.yaml", "words.txt"))
    text = (folder / "lexicon.yaml").read_text("utf-8").replace("language: th", "language: lo", 1)
    (folder / "lexicon.yaml").write_text(text, "utf-8")
    from moukit.checking.units import unit_lexicon
    from moukit.packs.library import TemplateLibrary

    pack = TemplateLibrary([tmp_path / "packs"]).pack("lo")
    assert pack.units_data() is None and unit_lexicon(pack) is None


def test_with_the_spec_the_names_of_a_translation_are_compared():
    from translation_corpus import SPECS

    spec = moukit.load_spec(SPECS / "zh-mou.yaml")
    data = draft_of("th", "mou", "corpus", thai(1))
    assert check_thai(thai(1), spec=spec).verdict == "standard"
    renamed = data.decode().replace("นครเฉิงตู", "นครฉงชิ่ง").encode()
    report = moukit.check([renamed], spec)
    missing = [f for f in report.findings if f.code == "MK-T001" and f.clause_id == "title"]
    assert missing and "นครเฉิงตู, as the spec writes it" in missing[0].message
    # without the spec, the Thai name is romanised and compared with the English's (issue 10, item 7)
    report = moukit.check([renamed])
    names = [f for f in report.findings if f.code == "MK-X001" and f.lang == "th"]
    assert report.verdict == "ministries" and names, [f.message for f in report.findings]
    assert "ฉงชิ่ง" in names[0].message and "Chengdu" in names[0].message


def test_a_paragraph_the_english_adds_and_a_translation_lacks():
    _, versions = rendering("zh-mou")
    english = versions[2].clause("c5").text
    th, zh, en = draft_of("th", "mou", "corpus", thai(1)).decode().split(SEPARATOR)
    en = en.replace(english, english + "\n\n6. The Participants will hold a joint festival every year.", 1)
    report = moukit.check([SEPARATOR.join((th, zh, en)).encode()])
    assert "MK-C002" in codes(report, "en")
    assert [f.lang for f in report.findings if f.code == "MK-T004"] == ["th"]  # a translation
    assert "MK-X002" in codes(report)  # the Chinese version is moukit's text: compared as such


@pytest.mark.parametrize("joined", ["th", "zh", "en"])
def test_two_clauses_joined_in_one_paragraph_are_no_false_alarm(joined):
    """The signing clause and the LOI's non-binding sentence typed as one paragraph (or read as
    one from a PDF, where Thai may join them without a space): each clause still finds its text,
    and the route stays that of the untouched draft."""
    from pathlib import Path

    spec = Path(__file__).resolve().parents[1] / "examples" / "khon-kaen-fujian-loi.yaml"
    text = moukit.render(spec, "txt").data.decode("utf-8")
    untouched = moukit.check_text(text, spec)
    paragraphs = text.split("\n\n")
    document = moukit.render(spec, "json").document
    nonbinding = document.version(joined).clause("nonbinding").text
    i = paragraphs.index(nonbinding)
    glue = "" if joined in ("th", "zh") else " "
    paragraphs[i - 1:i + 1] = [paragraphs[i - 1] + glue + paragraphs[i]]
    report = moukit.check_text("\n\n".join(paragraphs), spec)
    assert report.verdict == untouched.verdict
    assert not [f for f in report.findings if f.route in ("council_of_state", "not_permitted")], \
        [f.message for f in report.findings]
