"""moukit pack new / pack build: a partner language without a shipped pack.

A pack is made for German (de), a language moukit does not ship, the way an officer would:
``pack new``, the translator's file filled in (here with a pseudo-translation: the English with
other letters, in «guillemets», placeholders kept), ``pack build``; the pack then renders every form, variant
and alternative, and ``moukit check`` reads the rendered draft as the standard form. The same
through XLIFF, through a DOCX edited the way Word edits one, and every way a translation is
refused.
"""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import docx
import pytest
from lxml import etree

import moukit
from moukit import cli
from moukit.forms import all_forms
from moukit.packs import build as pack_build
from moukit.packs import segments as seg_mod
from moukit.packs.library import TemplateLibrary, builtin_templates_dir
from moukit.packs.skeleton import new_pack
from moukit.packs.xliff import XLIFF_NS
from moukit.spec.models import SPEC_ADAPTER
from specdata import spec_data

X = "{%s}" % XLIFF_NS
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ID = re.compile(r"^(?:loi|mou|lexicon)\.")
PSEUDO = str.maketrans("cgiosuCGIOSU", "çğıöşüÇĞİÖŞÜ")


def pseudo(text: str, sid: str = "") -> str:
    """The English made to look translated: letters changed outside the placeholders; each
    line of a sentence in «guillemets» (not a word of the lexicon, put into sentences)."""
    out, pos = [], 0
    for ph in seg_mod.PLACEHOLDER.finditer(text):
        out += [text[pos:ph.start()].translate(PSEUDO), ph.group()]
        pos = ph.end()
    out.append(text[pos:].translate(PSEUDO))
    if sid.startswith("lexicon."):
        return "".join(out)
    return "\n".join(f"«{line}»" for line in "".join(out).split("\n"))


def rows(document):
    """(id, English, translation cell) of every segment row of a python-docx document."""
    for table in document.tables:
        for row in table.rows:
            cells = row.cells
            if len(cells) == 3 and ID.match(cells[0].text.strip()):
                yield cells[0].text.strip(), cells[1].paragraphs[0].text, cells[2]


def fill_docx(path: Path, translate=pseudo, skip=()) -> None:
    """Type a translation into every row (``translate(english, id)``)."""
    document = docx.Document(path)
    for sid, english, cell in rows(document):
        if sid not in skip:
            cell.paragraphs[0].add_run(translate(english, sid))
    document.save(path)


def fill_xliff(path: Path, edit=None) -> None:
    """Give every unit a target: its source made pseudo as :func:`pseudo` does, inline codes
    kept (a line break ends a line in guillemets)."""
    tree = etree.parse(str(path))
    for unit in tree.iter(f"{X}unit"):
        segment = unit.find(f"{X}segment")
        target = copy.deepcopy(segment.find(f"{X}source"))
        target.tag = f"{X}target"
        wrap = not unit.get("id").startswith("lexicon.")
        open_, close = ("«", "»") if wrap else ("", "")
        target.text = open_ + (target.text or "").translate(PSEUDO)
        previous = None
        for child in target:
            if child.get("subType") == "xlf:lb":
                if previous is None:
                    target.text += close
                else:
                    previous.tail = (previous.tail or "") + close
                child.tail = open_ + (child.tail or "").translate(PSEUDO)
            else:
                child.tail = (child.tail or "").translate(PSEUDO)
            previous = child
        if previous is None:
            target.text += close
        else:
            previous.tail = (previous.tail or "") + close
        if edit:
            edit(unit.get("id"), target)
        segment.append(target)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def run(capsys, *args):
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def german(tmp_path_factory):
    """A Turkish pack built from the DOCX: (the folder of pack new, the templates folder)."""
    folder = tmp_path_factory.mktemp("de") / "moukit-pack-de"
    new_pack("de", folder)
    fill_docx(folder / "de-translation.docx")
    built = pack_build.build_pack(folder / "de-translation.docx")
    assert built.folder == folder / "de"
    return folder


def de_spec(instrument="mou", **changes):
    data = spec_data(instrument, "de")
    data["partner"]["country"] = "DE"
    data.update(changes)
    return SPEC_ADAPTER.validate_python(data)


# ---------------------------------------------------------------- pack new


def test_pack_new_writes_the_translators_files_and_settings(tmp_path, capsys):
    code, _, err = run(capsys, "pack", "new", "de", "-o", tmp_path / "p")
    assert code == 0, err
    names = sorted(p.relative_to(tmp_path / "p").as_posix() for p in (tmp_path / "p").rglob("*") if p.is_file())
    assert names == ["README.txt", "de-translation.docx", "de-translation.xlf", "de/lexicon.yaml"]
    settings = (tmp_path / "p" / "de" / "lexicon.yaml").read_text("utf-8")
    for line in ("language: de", "name: Deutsch", "locale: de_DE", "date_pattern: d. MMMM y"):
        assert line in settings
    assert "next: moukit pack build" in err


def test_pack_new_default_folder_and_never_replaces(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "pack", "new", "ms")[0] == 0  # Malay: a language moukit does not ship
    docx_file = tmp_path / "moukit-pack-ms" / "ms-translation.docx"
    docx_file.write_bytes(b"a translator's work")
    code, _, err = run(capsys, "pack", "new", "ms")
    assert code == 2 and "already exist" in err and "nothing written" in err
    assert docx_file.read_bytes() == b"a translator's work"


@pytest.mark.parametrize("lang, message", [
    ("ja", "already ships a pack for ja"),
    ("en", "English is the master text"),
    ("xx", "'xx' is not a language code"),
    ("../x", "is not a language code"),
])
def test_pack_new_refuses(tmp_path, capsys, lang, message):
    code, _, err = run(capsys, "pack", "new", lang, "-o", tmp_path / "p")
    assert code == 2 and message in err and "how to fix" in err and "Traceback" not in err
    assert not (tmp_path / "p").exists()


def test_translator_docx_reads_well(tmp_path):
    new_pack("de", tmp_path)
    document = docx.Document(tmp_path / "de-translation.docx")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Keep every placeholder" in text and "word of obligation" in text
    assert document.core_properties.language == "de"
    found = {sid: (english, cell.text) for sid, english, cell in rows(document)}
    assert found["mou.c5.term-open"][0].startswith("This {title} will come into effect")
    assert all(translation == "" for _, translation in found.values())
    assert len(found) == len(seg_mod.english_segments("de"))


def test_xliff_is_xliff_2_with_placeholders_as_ph(tmp_path):
    new_pack("de", tmp_path)
    root = etree.parse(str(tmp_path / "de-translation.xlf")).getroot()
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.0", "en", "de")
    units = {u.get("id"): u for u in root.iter(f"{X}unit")}
    assert set(units) == {s.id for s in seg_mod.english_segments("de")}
    c1 = units["loi.c1"].find(f"{X}segment/{X}source")
    assert [ph.get("disp") for ph in c1.iter(f"{X}ph")] == ["{Parties}", "{preposition}", "{fields}"]
    assert "{" not in "".join(c1.itertext())  # placeholders are tags, not text
    data = {d.get("id"): d.text for d in units["loi.c1"].iter(f"{X}data")}
    assert "{{ parties|capfirst }}" in data.values()
    title = units["mou.title"].find(f"{X}segment/{X}source")
    assert sum(ph.get("subType") == "xlf:lb" for ph in title.iter(f"{X}ph")) == 5


# ---------------------------------------------------------------- segments from the templates


def test_segments_come_from_the_templates(tmp_path):
    english = tmp_path / "en"
    shutil.copytree(builtin_templates_dir() / "en", english)
    before = {s.id for s in seg_mod.english_segments("de", english)}
    mou = (english / "mou.j2").read_text("utf-8")
    mou += ("\n{% block c6 %}The {{ parties }} will meet {% if term_years %}every year"
            "{% else %}when needed{% endif %}.{% endblock %}\n")
    (english / "mou.j2").write_text(mou, "utf-8")
    loi = (english / "loi.j2").read_text("utf-8") + "\n{% block c5 %}{{ parties|capfirst }} will smile.{% endblock %}\n"
    (english / "loi.j2").write_text(loi, "utf-8")
    after = {s.id: s for s in seg_mod.english_segments("de", english)}
    assert set(after) - before == {"mou.c6.term-fixed", "mou.c6.term-open", "loi.c5"}
    assert after["mou.c6.term-open"].english == "The {parties} will meet when needed."
    assert after["loi.c5"].english == "{Parties} will smile."


def test_every_branch_is_a_whole_sentence():
    segs = {s.id: s for s in seg_mod.english_segments("de")}
    for sid in ("mou.c2.fields-named", "mou.c2.fields-various", "loi.signing.partner_language-named",
                "loi.signing.partner_language-english"):
        assert segs[sid].english[0].isupper() and segs[sid].english.endswith(".")
    assert segs["mou.c2.fields-named"].condition == "fields"
    assert segs["mou.c2.fields-various"].condition == "not fields"
    assert "{fields}" not in segs["mou.c2.fields-various"].english
    assert "Option 1" in segs["mou.c5.term-open"].note


# ---------------------------------------------------------------- the round trip


def test_built_pack_renders_every_variant_and_alternative(german):
    library = TemplateLibrary([german])
    pack = library.pack("de")
    assert (german / "de" / "pack.yaml").read_text("utf-8").count("status: unofficial") == 1
    for form in all_forms():
        assert pack.variables(form.instrument) == moukit.packs.default_library().pack("en").variables(form.instrument)
    from moukit.rendering.build import build_document

    relationships = ("twin", "sister", "friendship", "partnership")
    options = [("mou", {"parties": p, "title": t, "opening": o, "relationship": r, "term": term, "fields": f})
               for p in ("participants", "two_sides") for t in ("memorandum_of_understanding", "agreement",
                                                                "memorandum_of_agreement")
               for o in ("common_understandings", "following_understanding")
               for r in relationships for term in ("open", {"years": 5})
               for f in (["economy"], [])]
    options += [("loi", {"parties": p, "preposition": pr, "intent": i, "relationship": r})
                for p in ("the_two_cities", "both_cities", "the_two_sides", "both_sides")
                for pr in ("on", "in") for i in ("aim_to", "will") for r in relationships]
    seen = set()
    for instrument, changes in options:
        version = build_document(de_spec(instrument, **changes), languages=["de"], templates=library).versions[0]
        text = "\n".join(c.text for c in version.clauses)
        assert "«" in text and "{{" not in text and "<" not in text
        seen.add(text)
    assert len(seen) == len(options)  # every combination words the agreement otherwise
    mou = moukit.render(de_spec("mou", term={"years": 5}), "txt", templates=[german]).data.decode()
    assert pseudo("This ") [:-1] + pseudo("Memorandum of Understanding", "lexicon.x") in mou
    assert pseudo("five-year", "lexicon.x") in mou  # the translated number words and pattern


def test_rendered_draft_checks_as_the_standard_form(german, tmp_path):
    draft = tmp_path / "mou.docx"
    moukit.render(de_spec("mou", term={"years": 5}), "docx", templates=[german]).save(draft)
    report = moukit.check(draft, templates=[german])
    assert report.exit_code == 0, report.reason
    assert {v["lang"] for v in report.to_dict()["versions"]} >= {"en", "de", "th"}


def test_xliff_round_trip_builds_the_same_pack(german, tmp_path):
    new_pack("de", tmp_path)
    fill_xliff(tmp_path / "de-translation.xlf")
    built = pack_build.build_pack(tmp_path / "de-translation.xlf")
    for name in ("loi.j2", "mou.j2", "lexicon.yaml"):
        ours = (built.folder / name).read_text("utf-8").split("\n", 3)[3]
        docx_built = (german / "de" / name).read_text("utf-8").split("\n", 3)[3]
        assert ours == docx_built, name


def test_cli_build_exit_0_and_pack_usable(tmp_path, capsys):
    new_pack("de", tmp_path / "p")
    fill_docx(tmp_path / "p" / "de-translation.docx")
    code, _, err = run(capsys, "pack", "build", tmp_path / "p" / "de-translation.docx", "-o", tmp_path)
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "de").iterdir()) == ["lexicon.yaml", "loi.j2", "mou.j2", "pack.yaml"]
    assert f"--templates {tmp_path}" in err
    spec = tmp_path / "spec.yaml"
    import yaml

    data = spec_data("loi", "de")
    spec.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    code, _, err = run(capsys, "render", spec, "--templates", tmp_path, "--lang", "th,de",
                       "-o", tmp_path / "loi.txt")
    assert code == 0, err
    text = (tmp_path / "loi.txt").read_text("utf-8")
    assert pseudo("Letter of Intent") in text and "Letter of Intent" not in text


# ---------------------------------------------------------------- a DOCX as Word leaves it


def _word_edits(document) -> None:
    """Edit the translator's DOCX the way Word and a translator do."""
    for sid, english, cell in rows(document):
        paragraph = cell.paragraphs[0]
        text = pseudo(english, sid)
        if sid == "loi.c1":  # a line break typed inside a sentence, spaces around it
            first, rest = text.split(" ", 1)
            paragraph.add_run(first + "   ").add_break()
            paragraph.add_run("  " + rest.replace("{preposition}", "{ preposition }"))
        elif sid == "mou.parties":  # Word's curly quotes around a placeholder
            paragraph.add_run(text.replace('"{parties}"', "\u201c{parties}\u201d"))
        elif sid == "mou.sign_thai":  # one paragraph per line, an empty one at the end
            for i, line in enumerate(text.split("\n")):
                (paragraph if i == 0 else cell.add_paragraph()).add_run(line)
            cell.add_paragraph("")
        elif sid == "mou.c3":  # a tracked change: a deletion and an insertion
            run = paragraph.add_run(text)
            deleted = etree.SubElement(paragraph._p, f"{W}del", {f"{W}id": "1", f"{W}author": "T"})
            old = etree.SubElement(etree.SubElement(deleted, f"{W}r"), f"{W}delText")
            old.text = " a deleted word"
            inserted = etree.SubElement(paragraph._p, f"{W}ins", {f"{W}id": "2", f"{W}author": "T"})
            etree.SubElement(etree.SubElement(inserted, f"{W}r"), f"{W}t").text = " «Ek.»"
            assert run is not None
        elif sid == "loi.c2":  # the id cell damaged by a stray edit: found by its English
            paragraph.add_run(text)
            cells = cell._tc.getparent().findall(f"{W}tc")
            for t in cells[0].iter(f"{W}t"):
                t.text = "loi.c2 (?)"
        elif sid == "mou.c4":  # full-width braces typed by an input method, tabs
            paragraph.add_run("\t" + text.replace("{title}", "\uff5btitle\uff5d") + "\t")
        else:
            paragraph.add_run(text)


def test_docx_edited_as_word_does_still_builds(tmp_path):
    new_pack("de", tmp_path)
    path = tmp_path / "de-translation.docx"
    document = docx.Document(path)
    _word_edits(document)
    document.save(path)
    built = pack_build.build_pack(path)
    assert any("recognised by its English as loi.c2" in n for n in built.notices)
    loi = (built.folder / "loi.j2").read_text("utf-8")
    assert "{% block c1 %}«{{ parties|capfirst }} " + pseudo("will strengthen")[1:-1] in loi
    assert "\n«" not in loi.split("{% block c1 %}")[1].split("{% endblock %}")[0]
    mou = (built.folder / "mou.j2").read_text("utf-8")
    assert "\u201c{{ parties }}\u201d" in mou
    sign = mou.split("{% block sign_thai %}")[1].split("{% endblock %}")[0]
    assert sign.count("\n") == 2
    c3 = mou.split("{% block c3 %}")[1].split("{% endblock %}")[0]
    assert c3.endswith("«Ek.»") and "deleted" not in c3
    assert "{{ title }}" in mou.split("{% block c4 %}")[1].split("{% endblock %}")[0]
    text = moukit.render(de_spec("mou"), "txt", languages=["de"], templates=[tmp_path]).data.decode()
    assert "\u201c" + pseudo("Participants", "lexicon.x") + "\u201d" in text


# ---------------------------------------------------------------- refusals


def _refused(tmp_path, capsys, path, *needles, out=None):
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    code, _, err = run(capsys, "pack", "build", path, *(["-o", out] if out else []))
    assert code == 2, err
    assert err.startswith("moukit: error: ") and "Traceback" not in err
    for needle in needles:
        assert needle in err, (needle, err)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == before
    return err


def _translated(tmp_path, lang="de", allow_shipped=False, **overrides):
    new_pack(lang, tmp_path, allow_shipped=allow_shipped)
    path = tmp_path / f"{lang}-translation.docx"
    fill_docx(path, lambda english, sid: overrides.get(sid, pseudo(english, sid)))
    return path


def test_empty_segment_is_refused_with_its_row(tmp_path, capsys):
    path = _translated(tmp_path, **{"mou.c4": "   \n "})
    _refused(tmp_path, capsys, path, "table 3, row 11, mou.c4: not translated (empty)", "no pack written")


def test_optional_segments_may_be_empty(tmp_path):
    path = _translated(tmp_path, **{"lexicon.number_words.5": "", "lexicon.countries.DE": ""})
    built = pack_build.build_pack(path)
    lexicon = moukit.packs.library.load_lexicon(built.folder / "lexicon.yaml", "de")
    assert lexicon["number_words"][5] == "5" and "DE" not in lexicon["countries"]


def test_lost_and_added_placeholders_are_named(tmp_path, capsys):
    path = _translated(tmp_path, **{
        "loi.c1": "«{Parties} işbirliğini {preposition} güçlendirecek»",    # {fields} lost
        "mou.c3": "«{parties} {titel} {title} ve {parties}»",               # {titel}: a typo
        "lexicon.term_years": "«yıllık»",                                    # neither {n} nor {words}
    })
    err = _refused(tmp_path, capsys, path, "loi.c1: placeholder {fields} is lost",
                   "mou.c3: placeholder {titel} is not one of the English's",
                   "did you mean {title}?", "lexicon.term_years: needs one of the placeholders {n} or {words}")
    assert err.count("\n  table") == 3


def test_the_wording_of_an_alternative_may_be_said_otherwise(tmp_path, capsys):
    # "either of the Participants": the parties may be named in other words in a clause (the
    # Thai ฝ่ายใดฝ่ายหนึ่ง); the build says so, and refuses nothing
    path = _translated(tmp_path, **{"mou.c5.term-open": pseudo(
        "This {title} will come into effect on the date of its signature and will remain in effect "
        "until either side terminates it by written notice to the other.")})
    code, _, err = run(capsys, "pack", "build", path)
    assert code == 0, err
    assert "mou.c5.term-open" in err and "{parties} is not used" in err


def test_binding_word_is_refused_in_a_language_with_rules(tmp_path, capsys):
    path = _translated(tmp_path, "th", allow_shipped=True, **{
        "loi.c1": "{Parties}ต้องเสริมสร้างและพัฒนาความร่วมมือที่มีอยู่{preposition}{fields}ให้ดียิ่งขึ้น"})
    _refused(tmp_path, capsys, path, "loi.c1: 'ต้อง': binding language (MK-P001)",
             "which a province may not sign")


def test_english_binding_words_are_refused_in_any_language(tmp_path, capsys):
    path = _translated(tmp_path, **{"mou.c1": "«{parties} shall cooperate.»"})
    _refused(tmp_path, capsys, path, "mou.c1: 'shall': binding language (MK-P001)")


def test_the_forms_own_words_are_not_refused(tmp_path):
    # MOU clause 2 says "international obligations", the LOI's last sentence "does not ...
    # create rights or obligations": a translation keeping them is not binding language
    path = _translated(tmp_path, **{"mou.c2.fields-named": "The {parties} will cooperate in {fields} "
                                    "compatible with their international obligations."})
    pack_build.build_pack(path)


def test_unsafe_characters_are_refused(tmp_path, capsys):
    path = _translated(tmp_path, **{"mou.c1": "«{parties} \u202eişbirliği»"})
    _refused(tmp_path, capsys, path, "mou.c1: holds the invisible character U+202E")


def test_nfc_is_normalised_with_a_notice(tmp_path):
    decomposed = "«{parties} i\u0307şbirliği yapacak»"
    path = _translated(tmp_path, **{"mou.c1": decomposed.replace("\u0130", "I\u0307")
                                    .replace("ş", "s\u0327")})
    built = pack_build.build_pack(path)
    assert any("normalised to Unicode NFC" in n for n in built.notices)
    assert "\u0327" not in (built.folder / "mou.j2").read_text("utf-8")


def test_jinja_syntax_typed_by_the_translator_is_printed(tmp_path):
    path = _translated(tmp_path, **{"mou.considering": "«{% if x %} {{ 7*7 }} {# no #}»"})
    built = pack_build.build_pack(path)
    text = moukit.render(de_spec("mou"), "txt", languages=["de"], templates=[built.folder.parent]).data.decode()
    assert "«{% if x %} {{ 7*7 }} {# no #}»" in text


def test_not_a_docx_or_xliff(tmp_path, capsys):
    path = tmp_path / "notes.txt"
    path.write_text("hello", "utf-8")
    _refused(tmp_path, capsys, path, "not a DOCX or XLIFF file")
    broken = tmp_path / "de-translation.docx"
    broken.write_bytes(b"PK\x03\x04 broken")
    _refused(tmp_path, capsys, broken, "not a readable .docx")


def test_malformed_and_old_xliff(tmp_path, capsys):
    bad = tmp_path / "de-translation.xlf"
    bad.write_text('<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" '
                   'version="2.0" trgLang="de">\n<file id="x"><unit id="loi.c1">\n</xliff>', "utf-8")
    _refused(tmp_path, capsys, bad, "not well-formed XML", "line")
    bad.write_text('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file/></xliff>', "utf-8")
    _refused(tmp_path, capsys, bad, "XLIFF 1.2", "export the translation from the tool as XLIFF 2.0")
    bad.write_text('<!DOCTYPE x [<!ENTITY a "b">]><xliff/>', "utf-8")
    _refused(tmp_path, capsys, bad, "DOCTYPE")


def test_xliff_errors_give_the_line(tmp_path, capsys):
    new_pack("de", tmp_path)

    def edit(uid, target):
        if uid == "mou.signing.partner_language-english":
            for ph in list(target.iter(f"{X}ph")):
                ph.getparent().remove(ph)
        if uid == "mou.c3":
            etree.SubElement(target, f"{X}ph", id="99")

    fill_xliff(tmp_path / "de-translation.xlf", edit)
    err = _refused(tmp_path, capsys, tmp_path / "de-translation.xlf",
                   "mou.signing.partner_language-english: placeholder {date} is lost",
                   "an inline code <ph id='99'>")
    assert re.search(r"line \d+, mou.signing.partner_language-english", err)


def test_existing_pack_is_not_replaced_without_force(german, tmp_path, capsys):
    target = tmp_path / "de"
    shutil.copytree(german / "de", target)
    (target / "notes.md").write_text("mine", "utf-8")
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    _refused(tmp_path, capsys, german / "de-translation.docx", "already holds a pack", "--force",
             out=tmp_path)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    (target / "pack.yaml").write_text("language: de\nversion: '0.3'\nstatus: unofficial\nreviews: []\n", "utf-8")
    code, _, err = run(capsys, "pack", "build", german / "de-translation.docx", "-o", tmp_path, "--force")
    assert code == 0, err
    assert (target / "notes.md").read_text("utf-8") == "mine"
    # the pack's record (version, reviews) is its maintainer's: kept, and said so
    assert "version: '0.3'" in (target / "pack.yaml").read_text("utf-8") and "pack.yaml kept" in err
    assert not list(tmp_path.glob(".moukit-pack-*"))


def test_settings_edited_in_the_skeleton_are_kept(tmp_path):
    path = _translated(tmp_path)
    settings = tmp_path / "de" / "lexicon.yaml"
    settings.write_text(settings.read_text("utf-8").replace("d. MMMM y", "d. MMMM y EEEE"), "utf-8")
    built = pack_build.build_pack(path)
    assert "date_pattern: d. MMMM y EEEE" in (built.folder / "lexicon.yaml").read_text("utf-8")


def test_provincial_wording_is_asked_and_used_for_a_province(tmp_path):
    # a translator can name the tie between provinces otherwise than between cities (the
    # Indonesian "Provinsi Bersaudara" beside "Kota Bersaudara"); left empty or the same as the
    # cities' wording, the lexicon has no entry and the cities' wording is used
    segs = {s.id: s for s in seg_mod.english_segments("de")}
    sister = segs["lexicon.provincial_alternatives.relationship.sister"]
    assert sister.optional and sister.english == "Sister Cities" and "province" in sister.note
    path = _translated(tmp_path, **{
        "lexicon.alternatives.relationship.sister": "Kardeş Şehirler",
        "lexicon.provincial_alternatives.relationship.sister": "Kardeş İller",
        "lexicon.provincial_alternatives.relationship.twin": "",
    })
    built = pack_build.build_pack(path)
    lexicon = moukit.packs.library.load_lexicon(built.folder / "lexicon.yaml", "de")
    assert lexicon["provincial_alternatives"] == {"relationship": {"sister": "Kardeş İller"}}
    def rendered(level):
        data = spec_data("mou", "de")
        data["partner"].update(country="TR", level=level)
        return moukit.render(SPEC_ADAPTER.validate_python({**data, "relationship": "sister"}), "txt",
                             languages=["de"], templates=[tmp_path]).data.decode()

    province, city = rendered("province"), rendered("city")
    assert "Kardeş İller" in province and "Kardeş İller" not in city and "Kardeş Şehirler" in city


def test_optional_is_said_once_in_the_notes(tmp_path):
    new_pack("de", tmp_path)
    root = etree.parse(str(tmp_path / "de-translation.xlf")).getroot()
    notes = [n.text for n in root.iter(f"{X}note") if n.get("category") == "description"]
    assert notes and all(n.count("Optional") <= 1 for n in notes)
    assert any("number 5 in words" in n and "Optional: may be left empty" in n for n in notes)


def test_capitals_warned_only_where_the_english_has_none(tmp_path, capsys):
    # the MOU's "two Sides" is a defined term: its translation may start with a capital
    path = _translated(tmp_path, **{"lexicon.alternatives.parties.two_sides": "İki Taraf",
                                    "lexicon.alternatives.parties.the_two_sides": "İki taraf"})
    code, _, err = run(capsys, "pack", "build", path)
    assert code == 0, err
    assert "the_two_sides: starts with a capital" in err and "Word may have added it" in err
    assert "two_sides: starts with a capital" not in err.replace("the_two_sides: starts", "")


def test_a_pack_built_again_keeps_its_settings(tmp_path, capsys):
    # a correction built over the pack (--force) keeps the pack's name, locale and date pattern
    path = _translated(tmp_path)
    built = pack_build.build_pack(path)
    lexicon = built.folder / "lexicon.yaml"
    text = re.sub(r"(?m)^date_pattern: .*$", "date_pattern: d MMMM y G", lexicon.read_text("utf-8"))
    lexicon.write_text(re.sub(r"(?m)^name: .*$", "name: Hochdeutsch", text), "utf-8")
    (tmp_path / "elsewhere").mkdir()
    moved = tmp_path / "elsewhere" / path.name
    shutil.move(path, moved)
    again = pack_build.build_pack(moved, tmp_path, force=True)
    text = (again.folder / "lexicon.yaml").read_text("utf-8")
    assert "date_pattern: d MMMM y G" in text and "name: Hochdeutsch" in text
    assert any(str(lexicon) in note for note in again.notes)


def test_the_same_file_builds_the_same_pack(tmp_path):
    # nothing but the translation and the English master goes into the files (not moukit's
    # version): a pack shipped with its translation file is checked against it
    path = _translated(tmp_path / "a")
    first = pack_build.build_pack(path)
    (tmp_path / "b").mkdir()
    second = pack_build.build_pack(path, tmp_path / "b")
    for name in pack_build.PACK_FILES:
        assert (first.folder / name).read_bytes() == (second.folder / name).read_bytes(), name
    assert moukit.__version__ not in (first.folder / "loi.j2").read_text("utf-8")
def test_a_pack_rebuilt_with_force_keeps_its_settings_and_record(german, tmp_path, capsys):
    """Rebuilding a reviewed pack from its corrected translation (--force) keeps the date
    pattern set in its lexicon and its pack.yaml (version and reviews): they are the pack's,
    not the translation file's."""
    target = tmp_path / "de"
    shutil.copytree(german / "de", target)
    lexicon = target / "lexicon.yaml"
    lexicon.write_text(re.sub(r"(?m)^date_pattern: .*$", "date_pattern: d MMMM y EEEE", lexicon.read_text("utf-8")),
                       "utf-8")
    record = target / "pack.yaml"
    record.write_text(record.read_text("utf-8").replace('version: \'0.1\'', 'version: "0.2"')
                      .replace("reviews: []", "reviews:\n  - {by: a reviewer, date: 2026-12-01, of: '0.1', findings: []}"),
                      "utf-8")
    reviewed = record.read_bytes()
    (german / "de").rename(german / "de-away")  # no skeleton beside the file: only the pack's own
    try:
        code, _, err = run(capsys, "pack", "build", german / "de-translation.docx", "-o", tmp_path, "--force")
    finally:
        (german / "de-away").rename(german / "de")
    assert code == 0, err
    assert record.read_bytes() == reviewed
    assert "date_pattern: d MMMM y EEEE" in lexicon.read_text("utf-8")
    assert "note: the settings (locale, date pattern...) are taken from" in err
    assert "pack.yaml kept (its version and reviews)" in err and "warning: the settings" not in err


def test_zero_width_spaces_are_dropped(tmp_path):
    """Burmese and Thai are typed with zero-width spaces between words (line-break hints):
    the pack's text holds none, as the check reads none."""
    path = _translated(tmp_path, **{"lexicon.fields.trade": "ti\u200bcaret", "mou.c3": pseudo(
        "{parties} will\u200b encourage {title}. {parties} will\u200c also\u200d encourage visits.")})
    built = pack_build.build_pack(path)
    text = "".join(p.read_text("utf-8") for p in built.folder.iterdir())
    assert "ticaret" in text and not re.search("[\u200b\u200c\u200d]", text)


def test_the_output_folder_is_made_as_pack_new_makes_its_own(tmp_path, capsys):
    path = _translated(tmp_path / "work")
    code, _, err = run(capsys, "pack", "build", path, "-o", tmp_path / "packs")
    assert code == 0, err
    assert (tmp_path / "packs" / "de" / "loi.j2").is_file()
    _refused(tmp_path, capsys, path, "the folder does not exist", out=tmp_path / "no" / "such")


def test_a_language_with_digits_of_its_own(tmp_path):
    """The settings' ``digits`` (here the Myanmar digits) write every number of the version:
    the date, the term and the clause numbers."""
    path = _translated(tmp_path)
    settings = tmp_path / "de" / "lexicon.yaml"
    settings.write_text(settings.read_text("utf-8") + 'digits: "\u1040\u1041\u1042\u1043\u1044\u1045'
                        '\u1046\u1047\u1048\u1049"\n', "utf-8")
    built = pack_build.build_pack(path)
    assert "digits:" in (built.folder / "lexicon.yaml").read_text("utf-8")
    text = moukit.render(de_spec(term={"years": 5}), "txt", languages=["de"], templates=[tmp_path]).data.decode()
    assert "\u1041. " in text and "\u1045" in text and "\u1042\u1040\u1042" in text
    assert not re.search("[0-9]", text)


# ---------------------------------------------------------------- the language without a pack


def test_missing_language_names_the_ways_forward(tmp_path, capsys):
    import yaml

    spec = tmp_path / "de.yaml"
    spec.write_text(yaml.safe_dump(spec_data("mou", "de"), allow_unicode=True), "utf-8")
    code, _, err = run(capsys, "render", spec, "-o", tmp_path / "x.docx")
    assert code == 2
    assert "--lang th,en" in err and "moukit pack new de" in err and "moukit pack build" in err
    assert not (tmp_path / "x.docx").exists()
    with pytest.raises(moukit.LanguageNotAvailable) as info:
        moukit.render(de_spec(), "txt")
    assert "moukit pack new de" in str(info.value)


# ---------------------------------------------------------------- the shipped translations


def shipped_texts(lang: str) -> dict[str, str]:
    """What a translator would write for each segment: the shipped pack's own wording (each
    block rendered with placeholders in its variables, in the segment's variant)."""
    from moukit.forms import get_form
    from moukit.packs import default_library

    pack = default_library().pack(lang)
    out = {}
    for seg in seg_mod.english_segments(lang):
        if seg.group == seg_mod.LEXICON:
            value = pack.lexicon
            try:
                for key in seg.path:
                    value = value[key]
            except (KeyError, IndexError, TypeError):
                continue
            out[seg.id] = str(value)
            continue
        form = get_form(seg.group)
        variant = dict(form.primary_variant)
        for part in seg.id.split(".")[2:]:
            name, value = part.split("-", 1)
            variant[name] = value
        rendered = dict(pack.render_clauses(form, form.context(lambda slot: "{" + slot.name + "}", variant)))
        out[seg.id] = rendered[seg.clause]
    return out


@pytest.mark.parametrize("lang", ["th", "zh", "ja", "ko", "vi", "id", "my", "tr"])
def test_shipped_translations_use_no_forbidden_word(lang):
    segments = {s.id: s for s in seg_mod.english_segments(lang)}
    for sid, text in shipped_texts(lang).items():
        seg = segments[sid]
        assert pack_build.binding_words(text, seg.english, lang, pack_build._units_of(seg)) == [], sid


def test_a_thai_pack_built_from_the_shipped_text_renders_the_same(tmp_path):
    from specdata import spec

    texts = shipped_texts("th")
    path = _translated(tmp_path, "th", allow_shipped=True, **texts)
    built = pack_build.build_pack(path)
    assert built.folder == tmp_path / "th"
    for instrument, changes in (("loi", {}), ("loi", {"intent": "will", "parties": "both_sides"}),
                                ("mou", {}), ("mou", {"term": {"years": 5}, "fields": []})):
        shipped = moukit.render(spec(instrument, "zh", **changes), "txt", languages=["th"]).data
        ours = moukit.render(spec(instrument, "zh", **changes), "txt", languages=["th"],
                             templates=[tmp_path]).data
        assert ours == shipped, (instrument, changes)


def test_lang_option_when_the_file_does_not_say(tmp_path, capsys):
    new_pack("de", tmp_path)
    fill_xliff(tmp_path / "de-translation.xlf")
    path = tmp_path / "de-translation.xlf"
    path.write_text(path.read_text("utf-8").replace(' trgLang="de"', ""), "utf-8")
    _refused(tmp_path, capsys, path, "does not say its language", "--lang")
    code, _, err = run(capsys, "pack", "build", path, "--lang", "de")
    assert code == 0, err
    assert (tmp_path / "de" / "mou.j2").is_file()
