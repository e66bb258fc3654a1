"""The sets over all shipped packs computed at build time (moukit.packs.shipped): the same
as computed, read only for the shipped packs made from the same data, else computed."""

import shutil

import pytest

from moukit.checking import layout as layout_module
from moukit.checking import segment
from moukit.packs import shipped
from moukit.packs.library import TemplateLibrary, builtin_templates_dir, default_library


@pytest.fixture
def fresh(monkeypatch):
    """Every cache of the sets emptied before and after the test."""
    def clear():
        for cached in (shipped._data, segment.latin_packs, segment._title_starts, segment._names_first,
                       layout_module.layout):
            cached.cache_clear()
    clear()
    yield
    clear()


def _sets(library):
    lines = layout_module.layout(library)
    return (segment.latin_packs(library), segment._title_starts(library), segment._names_first(library),
            lines.headings, [(str(k), rx.pattern) for k, rx in lines.lines], lines.markers, lines.non_latin,
            lines.latin_words)


def test_the_shipped_sets_are_read_from_the_file_and_equal_the_computed_ones(fresh, monkeypatch):
    library = TemplateLibrary()
    assert shipped.shipped(library, "latin_packs") is not None
    read = _sets(library)
    layout_module.layout.cache_clear()
    segment.latin_packs.cache_clear()
    segment._title_starts.cache_clear()
    segment._names_first.cache_clear()
    monkeypatch.setattr(shipped, "shipped", lambda library, name: None)
    monkeypatch.setattr(segment, "shipped", lambda library, name: None)
    assert _sets(library) == read


def test_the_file_is_not_read_when_a_pack_changed(fresh, monkeypatch):
    monkeypatch.setattr(shipped, "sources_digest", lambda: "another")
    assert shipped.shipped(default_library(), "layout") is None
    assert "en" in segment.latin_packs(default_library())  # computed
    assert layout_module.layout(default_library()).kind("Page 2 of 6") == "page furniture"


def test_a_users_packs_are_computed(fresh, tmp_path):
    shutil.copytree(builtin_templates_dir() / "en", tmp_path / "en")
    (tmp_path / "en" / "layout.yaml").write_text("page:\n  - 'folio \\d+'\n", "utf-8")
    library = TemplateLibrary([tmp_path])
    assert shipped.shipped(library, "layout") is None
    assert layout_module.layout(library).kind("Folio 3") == "page furniture"
    assert layout_module.layout(default_library()).kind("Folio 3") is None


def test_the_digest_covers_every_packs_data_and_the_forms():
    names = {p.relative_to(builtin_templates_dir().parent).as_posix() for p in shipped.sources()}
    assert {"packs/en/layout.yaml", "packs/th/lexicon.yaml", "packs/zh/mou.j2", "forms/mou.yaml",
            "forms/editorial.yaml", "packs/vi/editorial.yaml", "packs/th/accepted/moukit-0.1/mou.j2",
            "packs/ja/accepted/moukit-0.1/lexicon.yaml"} <= names


def test_the_shipped_date_shapes_are_babels(fresh):
    from moukit.checking import patterns

    library = default_library()
    keys = {patterns._date_lexicon_key(library.pack(lang).lexicon) for lang in library.available()}
    table = shipped.shipped_table("date_shapes")
    assert table is not None and len(table) == len(keys)
    for key in keys:
        assert tuple(table[patterns.date_shape_id(key)][:2]) == patterns.date_shape(key)[:2]
        assert patterns._date_shape(key) == patterns.date_shape(key)


def test_the_shipped_list_separators_are_babels(fresh):
    from moukit.checking import values

    library = default_library()
    table = shipped.shipped_table("list_separators")
    for lang in library.available():
        pack = library.pack(lang)
        assert table[values.list_format_id(pack.lexicon)] == values.list_separators(pack.lexicon)
        assert values._list_separators(pack) == values.list_separators(pack.lexicon)


def test_each_packs_vocabulary_is_read_from_its_file_and_equals_the_computed_one():
    from moukit.checking import vocabulary

    library = default_library()
    for lang in library.available():
        pack = library.pack(lang)
        data = shipped.shipped_pack_data(pack, "vocabulary")
        assert data is not None, lang
        for instrument in ("loi", "mou"):
            read = vocabulary.Vocabulary.from_data(lang, data[instrument])
            computed = vocabulary.computed_vocabulary(pack, instrument)
            assert read == computed and read.terms.__class__ is computed.terms.__class__, (lang, instrument)
            if lang == "th":
                assert read.terms.complete


def test_a_pack_vocabulary_is_computed_when_its_data_or_pythainlp_changed(monkeypatch, tmp_path):
    from moukit import _installed
    from moukit.checking import vocabulary

    pack = default_library().pack("zh")
    assert shipped.shipped_pack_data(pack, "vocabulary") is not None
    before = shipped.pack_digest("zh")
    installed = _installed.version_of
    monkeypatch.setattr(_installed, "version_of", lambda name: "0.0.1" if name == "pythainlp" else installed(name))
    assert shipped.pack_digest("zh") != before
    assert shipped.shipped_pack_data(pack, "vocabulary") is None
    monkeypatch.undo()
    monkeypatch.setattr(shipped, "pack_digest", lambda lang: "another")
    assert shipped.shipped_pack_data(pack, "vocabulary") is None
    # a user's pack layered over the shipped one is computed
    shutil.copytree(builtin_templates_dir() / "zh", tmp_path / "zh")
    layered = TemplateLibrary([tmp_path]).pack("zh")
    assert shipped.shipped_pack_data(layered, "vocabulary") is None
    assert vocabulary.form_vocabulary(layered, "mou").clauses


def test_each_packs_patterns_are_read_from_its_file_and_equal_the_computed_ones():
    from moukit.checking import patterns, segment

    library = default_library()
    for lang in library.available():
        pack = library.pack(lang)
        data = shipped.shipped_pack_data(pack, "patterns")
        assert data is not None, lang
        for instrument in ("loi", "mou"):
            computed = patterns.computed_form_patterns(pack, instrument)
            read = patterns.FormPatterns.from_data(computed.form, lang, data[instrument])
            assert read.to_data() == computed.to_data(), (lang, instrument)
            assert tuple(data[instrument]["chunks"]) == segment.computed_literal_chunks(pack, instrument)
            some = read.clauses[read.form.clause_ids[-1]][0]
            assert some.search.compiled().pattern == f"(?:^|(?<={patterns.BREAK}))" + some.source



def test_the_accepted_texts_a_pack_ships_have_their_patterns_read_from_a_file_and_equal_the_computed_ones(
        monkeypatch, tmp_path):
    """The clause patterns of each accepted text a shipped pack holds (its earlier wordings:
    moukit 0.1's translations) are read from ``compiled/accepted-<lang>.json``, so that the
    check of a translation renders no template; the same as computed; an accepted text a user
    gives, or one over a user's pack, is computed."""
    from moukit.checking import accepted, patterns

    library = default_library()
    found = 0
    for lang in library.available():
        pack = library.pack(lang)
        for text in accepted.accepted_texts(pack)[1:]:
            data = shipped.shipped_pack_data(text.pack, "patterns")
            assert data is not None, (lang, text.name)
            for instrument in ("loi", "mou"):
                computed = patterns.computed_form_patterns(text.pack, instrument)
                read = patterns.FormPatterns.from_data(computed.form, lang, data[instrument])
                assert read.to_data() == computed.to_data(), (lang, text.name, instrument)
                found += 1
    assert found >= 12  # th, zh, ja, ko, vi and tr, each an LOI and an MOU
    assert shipped.shipped_pack_data(accepted.accepted_texts(library.pack("th"))[1].pack, "vocabulary") is None
    user = tmp_path / "approved" / "th"
    shutil.copytree(builtin_templates_dir() / "th" / "accepted" / "moukit-0.1", user)
    given = accepted.accepted_texts(library.pack("th"), (tmp_path / "approved",))[-1]
    assert given.name == "approved" and shipped.shipped_pack_data(given.pack, "patterns") is None
    shutil.copytree(builtin_templates_dir() / "th", tmp_path / "packs" / "th")
    layered = TemplateLibrary([tmp_path / "packs"]).pack("th")
    over_users = [t for t in accepted.accepted_texts(layered)[1:] if t.name == "moukit-0.1"]
    assert over_users and all(shipped.shipped_pack_data(t.pack, "patterns") is None for t in over_users)
    monkeypatch.setattr(shipped, "pack_digest", lambda lang: "another")
    assert shipped.shipped_pack_data(accepted.accepted_texts(library.pack("th"))[1].pack, "patterns") is None


def test_a_shipped_lexicon_compiles_an_expression_when_a_text_holds_its_words():
    """Read from its file, a lexicon compiles each expression of a unit when a text first holds
    the words it needs, and finds what the lexicon computed from the pack (which compiles a
    unit's expressions together) finds, in every clause text of the language's form."""
    from moukit.checking import units
    from moukit.checking.segment import placeholder_context
    from moukit.checking.units import matchable
    from moukit.forms import get_form

    library = default_library()
    for lang in ("th", "zh", "ja"):
        pack = library.pack(lang)
        read = units.UnitLexicon.from_data(lang, shipped.shipped_pack_data(pack, "units")["lexicon"])
        computed = units.computed_unit_lexicon(pack)
        names = list(computed.units)
        assert not list(read.units.matches(names[0], "x"))
        needed = read.units.needed(names[0])  # for "x": only an expression that needs no word is compiled
        assert names[0] not in read.units._compiled
        assert all(name == names[0] and needed[i] is None for name, i in read.units._one)
        form = get_form("mou")
        texts = [matchable(text, lang) for _, text in pack.render_clauses(form, placeholder_context(form, " "))]
        for name in names:
            for text in texts:
                found = [m.span() for m in read.units.matches(name, text)]
                assert found == [m.span() for m in computed.units.matches(name, text)], (lang, name)
        assert 0 < len(read.units._one) < sum(len(read.units._sources[n]) for n in names)


def test_each_packs_unit_lexicon_is_read_from_its_file_and_equals_the_computed_one():
    from moukit.checking import units

    library = default_library()
    for lang in library.available():
        pack = library.pack(lang)
        data = shipped.shipped_pack_data(pack, "units")
        assert data is not None, lang
        computed = units.computed_unit_lexicon(pack)
        if computed is None:
            assert data["lexicon"] is None
            continue
        read = units.UnitLexicon.from_data(lang, data["lexicon"])
        assert read.to_data() == computed.to_data(), lang
        # the patterns themselves, not only their sources: the same finds in the form's own text
        for name in list(computed.units)[:5]:
            assert [p.pattern for p in read.units[name]] == [p.pattern for p in computed.units[name]]
        assert units.unit_lexicon(pack).to_data() == computed.to_data()
        for locale, names in data["months"].items():  # the month names dates are read with
            assert tuple(map(tuple, names)) == units.computed_month_names(locale, lang), (lang, locale)
            assert units._month_names(locale, lang) == units.computed_month_names(locale, lang)


def test_every_shipped_yaml_file_reads_as_its_yaml():
    """moukit's own YAML files read from the build's JSON mirror are the data PyYAML reads."""
    from pathlib import Path

    from moukit import _yaml

    top = Path(_yaml.__file__).resolve().parent
    mirrored = 0
    for path in sorted(top.rglob("*.yaml")):
        text = path.read_text("utf-8")
        assert _yaml.load_yaml(text) == _yaml.parse_yaml(text), path
        mirrored += _yaml._mirror().get(__import__("hashlib").sha256(text.encode()).hexdigest()) is not None
    assert mirrored >= 50  # all but the files JSON cannot keep (dates, number keys)
    assert _yaml.load_yaml("a: 1\n# a user's file\n") == {"a": 1}  # not mirrored: parsed


def test_a_vocabulary_keeps_its_answers_and_gives_each_caller_its_own_lists():
    from moukit.checking import vocabulary

    pack = default_library().pack("zh")
    kept = vocabulary.form_vocabulary(pack, "mou")
    fresh = vocabulary.computed_vocabulary(pack, "mou")  # (a vocabulary that has answered nothing)
    for text, spans, clause in [("双方将鼓励专家参与合作", [(0, 2)], "mou.c3"), ("双方将鼓励专家参与合作", [(0, 2)], "mou.c1"),
                                ("双方将鼓励专家参与合作", [], "mou.c3"), ("双方将在旅游领域开展合作", [(3, 5)], "mou.c3")]:
        first = kept.unknown(text, spans, clause)
        first[0].append("changed by a caller")
        assert kept.unknown(text, spans, clause) == fresh.unknown(text, spans, clause)
    assert kept.unknown("双方将鼓励专家参与合作", [(0, 2)], "mou.c1") != kept.unknown("双方将鼓励专家参与合作", [(0, 2)], "mou.c3")
