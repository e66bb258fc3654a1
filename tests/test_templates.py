"""Language packs: the same clause ids and variables in every language; user folders; sandbox."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import moukit
from moukit.forms import all_forms, get_form, vocabulary
from moukit.packs.library import TemplateLibrary, builtin_templates_dir
from specdata import spec

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
LIBRARY = TemplateLibrary([EXAMPLES / "templates-it"])  # the shipped packs and the example's
LANGS = LIBRARY.available()
SHIPPED = ["en", "th", "zh", "ja", "ko", "vi"]


def test_every_shipped_language_is_present():
    assert set(SHIPPED) <= set(LANGS), f"missing language packs: {set(SHIPPED) - set(LANGS)}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("form", all_forms(), ids=lambda f: f.instrument)
def test_same_clause_ids_in_form_order(lang, form):
    template = LIBRARY.pack(lang).template(form.instrument)
    assert tuple(template.blocks) == form.clause_ids


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("form", all_forms(), ids=lambda f: f.instrument)
def test_templates_read_exactly_the_declared_slots(lang, form):
    # The form definition's slots are the one list of template variables: render and check
    # build every context from it, so a template may read nothing else and nothing less.
    pack = LIBRARY.pack(lang)
    assert pack.variables(form.instrument) == {slot.name for slot in form.slots}


@pytest.mark.parametrize("lang", LANGS)
def test_lexicon_words_every_alternative_and_field(lang):
    lexicon = LIBRARY.pack(lang).lexicon
    for form in all_forms():
        for alt in form.alternatives.values():
            for option in alt.options:
                assert lexicon["alternatives"][alt.name][option].strip(), (alt.name, option)
    assert set(lexicon["fields"]) == set(vocabulary()["fields"])


def test_distinct_alternatives_are_worded_distinctly_in_english_master():
    # English words every listed alternative differently; other languages may merge a pair
    # only where the language cannot make the distinction (checked in their own tests).
    lexicon = TemplateLibrary().pack("en").lexicon
    for form in all_forms():
        for alt in form.alternatives.values():
            words = [lexicon["alternatives"][alt.name][o] for o in alt.options]
            assert len(set(words)) == len(words), alt.name


def _copy_lang(tmp_path: Path, lang: str, new: str | None = None) -> Path:
    target = tmp_path / (new or lang)
    shutil.copytree(builtin_templates_dir() / lang, target)
    if new:
        lex = target / "lexicon.yaml"
        lex.write_text(lex.read_text("utf-8").replace(f"language: {lang}", f"language: {new}"), "utf-8")
    return target


def test_user_folder_overrides_one_language(tmp_path):
    folder = _copy_lang(tmp_path, "en")
    mou = folder / "mou.j2"
    mou.write_text(mou.read_text("utf-8").replace("Taking into consideration", "Considering"), "utf-8")
    s = spec("mou", "en")
    custom = moukit.render(s, "txt", languages=["en"], templates=[tmp_path]).data.decode()
    shipped = moukit.render(s, "txt", languages=["en"]).data.decode()
    assert "Considering the existing contacts" in custom
    assert "Taking into consideration the existing contacts" in shipped


def test_user_folder_adds_a_language(tmp_path):
    _copy_lang(tmp_path, "en", "it")
    s = spec("mou", "it")
    assert "it" in TemplateLibrary([tmp_path]).available()
    with pytest.raises(moukit.LanguageNotAvailable) as err:
        moukit.render(s, "txt", languages=["it"])
    assert "available:" in str(err.value) and "en" in str(err.value)
    text = moukit.render(s, "txt", languages=["it"], templates=[tmp_path]).data.decode()
    assert "Memorandum of Understanding" in text


def test_template_syntax_error_names_file_and_line(tmp_path):
    folder = _copy_lang(tmp_path, "en")
    (folder / "mou.j2").write_text("{% block title %}ok{% endblock %}\n\n{% block parties %}{{ broken }{% endblock %}\n", "utf-8")
    with pytest.raises(moukit.TemplateError) as err:
        moukit.render(spec("mou", "en"), "txt", languages=["en"], templates=[tmp_path])
    assert "mou.j2" in str(err.value) and "line 3" in str(err.value)


def test_missing_clause_block_is_named(tmp_path):
    folder = _copy_lang(tmp_path, "en")
    source = (folder / "loi.j2").read_text("utf-8")
    start = source.index("{% block nonbinding %}")
    end = source.index("{% endblock %}", start) + len("{% endblock %}")
    (folder / "loi.j2").write_text(source[:start] + source[end:], "utf-8")
    with pytest.raises(moukit.TemplateError, match="missing clause block.*nonbinding"):
        moukit.render(spec("loi", "en"), "txt", languages=["en"], templates=[tmp_path])


def test_sandbox_refuses_python_internals(tmp_path):
    folder = _copy_lang(tmp_path, "en")
    source = (folder / "mou.j2").read_text("utf-8")
    source = source.replace("Taking into consideration", "{{ thai_name.__class__.__mro__[1].__subclasses__() }}")
    (folder / "mou.j2").write_text(source, "utf-8")
    with pytest.raises(moukit.TemplateError) as err:
        moukit.render(spec("mou", "en"), "txt", languages=["en"], templates=[tmp_path])
    assert "mou.j2" in str(err.value)


def test_undefined_variable_is_an_error_not_blank(tmp_path):
    folder = _copy_lang(tmp_path, "en")
    source = (folder / "mou.j2").read_text("utf-8").replace("Taking into", "{{ no_such_value }} Taking into")
    (folder / "mou.j2").write_text(source, "utf-8")
    with pytest.raises(moukit.TemplateError, match="no_such_value"):
        moukit.render(spec("mou", "en"), "txt", languages=["en"], templates=[tmp_path])


def test_values_are_data_never_template_code():
    s = spec("mou", "en", partner={"name": {"th": "{{ 7*7 }}", "en": "{% include 'x' %}{{ 7*7 }}"},
                                   "country": "IT", "level": "city", "language": "en"})
    text = moukit.render(s, "txt", languages=["en"]).data.decode()
    assert "{% include 'x' %}{{ 7*7 }}" in text and "49" not in text


def test_form_definitions_are_consistent():
    for form in all_forms():
        assert form.clause_ids[0] == "title"
        assert [c.number for c in form.clauses if c.kind == "numbered"] == list(
            range(1, 1 + sum(c.kind == "numbered" for c in form.clauses)))
    assert get_form("mou").reconstructed[0]["clause"] == "c5"


def test_country_names_use_the_official_long_form_where_the_lexicon_has_one():
    from moukit.rendering.context import country_name

    library = TemplateLibrary()
    assert country_name("CN", library.pack("th")) == "สาธารณรัฐประชาชนจีน"
    assert country_name("KR", library.pack("en")) == "Republic of Korea"
    assert country_name("BR", library.pack("en")) == "Brazil"  # babel, no long form listed
    document = moukit.render(spec("mou", "zh"), "json").document
    assert document.parties["partner"]["country_name"]["th"] == "สาธารณรัฐประชาชนจีน"
    assert document.parties["thai"]["name"]["zh"] == "清迈府"


NATIVE_NAMES = {"th": "ไทย", "en": "English", "zh": "中文", "ja": "日本語", "ko": "한국어",
                "vi": "Tiếng Việt"}


@pytest.mark.parametrize("lang", LANGS)
def test_language_files_are_nfc(lang):
    import unicodedata

    for path in sorted(LIBRARY.pack(lang).dirs[0].rglob("*")):
        if path.is_file():
            assert unicodedata.is_normalized("NFC", path.read_text("utf-8")), path.name


@pytest.mark.parametrize("lang", [x for x in LANGS if x in NATIVE_NAMES])
def test_each_version_names_its_language_in_itself(lang):
    partner = lang if lang not in ("th", "en") else "zh"
    document = moukit.render(spec("mou", partner), "json", languages=[lang]).document
    assert document.version(lang).language_name == NATIVE_NAMES[lang]
