"""The example specs: each loads, says what its file name promises, and renders to every
format and layout in all its languages. A language is skipped only while its template
folder is absent. Italian is not shipped: Genoa fails without examples/templates-it and
renders with it.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import jinja2.meta
import pytest

import moukit
from moukit import cli
from moukit.forms import all_forms, vocabulary
from moukit.packs.library import TemplateLibrary
from moukit.rendering.build import render
from moukit.rendering.writers import FORMATS, LAYOUTS
from moukit.spec.models import Custom, FixedTerm

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ITALIAN = EXAMPLES / "templates-it"
SPECS = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))

# What each example must be: instrument, partner language, partner level.
EXPECTED = {
    "bangkok-shanghai": ("mou", "zh", "municipality_under_central_government"),
    "chiang-mai-bursa": ("mou", "tr", "metropolitan_municipality"),
    "chiang-mai-chengdu": ("mou", "zh", "sub_provincial_city"),
    "chiang-mai-chengdu-dossier": ("mou", "zh", "sub_provincial_city"),  # with the dossier sections
    "chiang-mai-genoa": ("mou", "it", "city"),
    "chiang-mai-hokkaido": ("mou", "ja", "prefecture"),
    "chiang-mai-kengtung": ("mou", "my", "town"),
    "khon-kaen-da-nang": ("loi", "vi", "city_under_central_government"),
    "khon-kaen-fujian-loi": ("loi", "zh", "province"),
    "chiang-mai-yogyakarta": ("mou", "id", "province"),
    "rayong-jeollanam-do": ("mou", "ko", "province"),
}
NOTICES = {"bangkok-shanghai": {"MK-W001"}, "chiang-mai-genoa": {"MK-W002"},
           "chiang-mai-kengtung": {"MK-W002"}, "khon-kaen-fujian-loi": {"MK-W003"}}


def load(name: str):
    return moukit.load_spec(EXAMPLES / f"{name}.yaml")


def templates_for(name: str) -> list[Path]:
    return [ITALIAN] if name == "chiang-mai-genoa" else []


def languages_present(name: str) -> list[str]:
    """The example's languages that have templates now (Italian from examples/)."""
    available = TemplateLibrary(templates_for(name)).available()
    return [lang for lang in load(name).languages if lang in available]


def test_every_expected_example_exists():
    assert set(EXPECTED) <= set(SPECS)


@pytest.mark.parametrize("name", SPECS)
def test_example_loads_and_is_what_its_name_says(name):
    spec = load(name)
    instrument, language, level = EXPECTED[name]
    assert (spec.instrument, spec.partner.language, spec.partner.level) == (instrument, language, level)
    assert spec.languages == ("th", language, "en")


@pytest.mark.parametrize("name", SPECS)
def test_example_notices(name):
    codes = {n.code for n in render(load(name), "json", languages=["en"]).notices}
    assert codes == NOTICES.get(name, set())


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("name", SPECS)
def test_example_renders_in_every_format_and_layout(name, fmt, layout):
    spec = load(name)
    langs = languages_present(name)
    missing = [lang for lang in spec.languages if lang not in langs]
    assert {"th", "en"} <= set(langs)
    if fmt == "pdf":
        from pdfpages import or_skip_without_fonts

        result = or_skip_without_fonts(lambda: render(spec, fmt, languages=langs, layout=layout,
                                                      templates=templates_for(name)))
    else:
        result = render(spec, fmt, languages=langs, layout=layout, templates=templates_for(name))
    assert result.document.languages == tuple(langs)
    assert result.data
    again = render(spec, fmt, languages=langs, layout=layout, templates=templates_for(name))
    assert again.data == result.data
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(result.data)) as z:
            body = z.read("word/document.xml").decode("utf-8")
        assert spec.partner.name["en"] in body
    elif fmt == "json":
        doc = json.loads(result.data)
        assert [v["lang"] for v in doc["versions"]] == langs
    elif fmt == "pdf":  # read back from the page (tests/test_pdf.py looks at the PDFs closely)
        from moukit.text.chars import ZERO_WIDTH_CHAR
        from pdfpages import lines, pages

        text = ZERO_WIDTH_CHAR.sub("", "".join(line.text for page in pages(result.data) for line in lines(page)))
        for lang in langs:
            if lang != "my":  # Typst's text layer repeats Burmese letters (docs/printing.md)
                assert spec.partner.name[lang].split()[-1].replace(" ", "") in text.replace(" ", ""), lang
    else:
        text = result.data.decode("utf-8")
        for lang in langs:
            assert spec.partner.name[lang].split()[-1] in text, lang
    if missing:
        pytest.skip(f"rendered without {', '.join(missing)}: no templates yet")


@pytest.mark.parametrize("name", SPECS)
def test_every_version_says_the_same_things(name):
    spec = load(name)
    document = render(spec, "json", languages=languages_present(name),
                      templates=templates_for(name)).document
    form = spec.form
    for version in document.versions:
        assert tuple(c.id for c in version.clauses) == form.clause_ids
        text = version.plain_text()
        lang = version.lang
        assert spec.partner.name[lang] in text
        assert spec.signing.place[lang] in text
        for side in ("thai", "partner"):
            person = getattr(spec.signatories, side)
            assert person.name[lang] in version.clause(f"sign_{side}").text
            assert person.position[lang] in version.clause(f"sign_{side}").text
        if lang in spec.thai_party.name:
            assert spec.thai_party.name[lang] in text
        for item in spec.fields:
            if isinstance(item, Custom):
                assert item.custom[lang] in text
        if isinstance(spec.relationship, Custom):
            assert spec.relationship.custom[lang] in version.clause("title").text


def test_rayong_has_a_five_year_term():
    spec = load("rayong-jeollanam-do")
    assert spec.term == FixedTerm(years=5)
    en = render(spec, "json", languages=["en"]).document.version("en")
    assert "for a five-year period" in en.clause("c5").text


def test_fujian_custom_relationship_is_used_in_every_language():
    spec = load("khon-kaen-fujian-loi")
    assert isinstance(spec.relationship, Custom)
    assert set(spec.relationship.custom) == {"th", "en", "zh"}
    document = render(spec, "json", languages=languages_present("khon-kaen-fujian-loi")).document
    assert "Friendly Provinces" in document.version("en").clause("title").text
    assert "Friendly Provinces" in document.version("en").clause("c4").text


def test_bangkok_gives_the_notice_and_its_own_names():
    result = render(load("bangkok-shanghai"), "json", languages=["th", "en"])
    (notice,) = result.notices
    assert notice.code == "MK-W001" and notice.path == "thai_party.province"
    assert "Bangkok is not a province" in notice.message
    assert "Bangkok Metropolitan Administration" in result.document.version("en").clause("title").text
    assert "กรุงเทพมหานคร" in result.document.version("th").clause("title").text
    assert "จังหวัดกรุงเทพ" not in result.document.version("th").plain_text()


def test_bangkok_notice_on_the_command_line(tmp_path, capsys):
    code = cli.main(["render", str(EXAMPLES / "bangkok-shanghai.yaml"), "--lang", "th,en",
                     "-o", str(tmp_path / "bkk.txt")])
    err = capsys.readouterr().err
    assert code == 0
    assert "moukit: warning: MK-W001 thai_party.province: Bangkok is not a province" in err


# ---------------------------------------------------------------- Genoa and the Italian pack


def test_genoa_without_the_italian_pack_is_an_error():
    assert "it" not in TemplateLibrary().available()
    with pytest.raises(moukit.LanguageNotAvailable) as info:
        render(load("chiang-mai-genoa"), "txt")
    available = ", ".join(TemplateLibrary().available())
    assert f"no templates for language 'it'; available: {available}" in str(info.value)


def test_genoa_command_line_without_the_pack_exits_2(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code = cli.main(["render", str(EXAMPLES / "chiang-mai-genoa.yaml")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("moukit: error: ")
    assert "chiang-mai-genoa.yaml: partner.language is 'it': no templates for language 'it'; available: " in err
    assert "--templates DIR" in err
    assert list(tmp_path.iterdir()) == []


def test_genoa_command_line_with_the_pack(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code = cli.main(["render", str(EXAMPLES / "chiang-mai-genoa.yaml"), "--templates", str(ITALIAN),
                     "--format", "txt", "--lang", "th,it,en"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "moukit: warning: MK-W002" in err
    text = (tmp_path / "chiang-mai-genoa.txt").read_text("utf-8")
    assert "Memorandum d'intesa" in text and "il Comune di Genova" in text
    assert "Per la Provincia di Chiang Mai" in text
    assert "il 18 marzo 2027 nelle lingue thailandese, italiana e inglese" in text


def italian_variables(instrument: str, lang: str) -> set[str]:
    pack = TemplateLibrary([ITALIAN]).pack(lang)
    source = Path(pack.template_file(instrument)).read_text("utf-8")
    return jinja2.meta.find_undeclared_variables(pack.template(instrument).environment.parse(source))


@pytest.mark.parametrize("form", all_forms(), ids=lambda f: f.instrument)
def test_italian_pack_has_the_english_blocks_and_variables(form):
    pack = TemplateLibrary([ITALIAN]).pack("it")
    assert pack.dirs == (ITALIAN / "it",)  # Italian comes from examples/ only
    assert tuple(pack.template(form.instrument).blocks) == form.clause_ids
    assert italian_variables(form.instrument, "it") == italian_variables(form.instrument, "en")


def test_italian_lexicon_words_every_alternative_and_field_distinctly():
    lexicon = TemplateLibrary([ITALIAN]).pack("it").lexicon
    assert lexicon["language"] == "it"
    for form in all_forms():
        for alt in form.alternatives.values():
            words = [lexicon["alternatives"][alt.name][o] for o in alt.options]
            assert all(w.strip() for w in words)
            assert len(set(words)) == len(words), alt.name
    assert set(lexicon["fields"]) == set(vocabulary()["fields"])


@pytest.mark.parametrize("years", range(1, 100))
def test_italian_term_in_words(years):
    from moukit.text.formatting import term_text

    lexicon = TemplateLibrary([ITALIAN]).pack("it").lexicon
    text = term_text(years, lexicon)
    assert not any(ch.isdigit() for ch in text)
    assert text == ("un anno" if years == 1 else text.removesuffix(" anni") + " anni")


def test_italian_fixed_term_and_loi():
    spec = load("chiang-mai-genoa").model_copy(update={"term": FixedTerm(years=5)})
    it = render(spec, "json", languages=["it"], templates=[ITALIAN]).document.version("it")
    assert "per un periodo di cinque anni" in it.clause("c5").text
    assert "di comune accordo tra i Partecipanti" in it.clause("c5").text
