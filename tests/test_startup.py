"""Start-up: the command ends without teardown, imports only what it needs, and the data and
shortcuts that keep pythainlp and babel's full tables off the render path give the same
answers as the libraries they stand for (so they cannot drift from them)."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from moukit import cli
from moukit.spec import labels, names, provinces
from moukit.text.formatting import buddhist_date

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "chiang-mai-chengdu.yaml"


def run_process(*args, cwd=None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHAINLP_OFFLINE="1", PYTHAINLP_READ_ONLY="1")
    return subprocess.run([sys.executable, *args], capture_output=True, cwd=cwd, env=env, timeout=120)


def imported_packages(stderr: bytes) -> set[str]:
    """The top-level packages a ``python -X importtime`` run imported."""
    return {line.rsplit("|", 1)[1].strip().split(".")[0] for line in stderr.decode().splitlines()
            if line.startswith("import time:") and "|" in line}


# ---------------------------------------------------------------- the console script


def test_console_script_is_the_entry_without_teardown():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert scripts == {"moukit": "moukit.cli:console"}
    assert "console()" in (ROOT / "src" / "moukit" / "__main__.py").read_text("utf-8")


def test_console_writes_everything_and_keeps_the_exit_status(tmp_path, capsys):
    """The whole output reaches a pipe before os._exit, and the status is main()'s."""
    proc = run_process("-m", "moukit", "render", EXAMPLE, "-o", "-", "--format", "md")
    assert proc.returncode == 0, proc.stderr.decode()
    assert cli.main(["render", str(EXAMPLE), "-o", "-", "--format", "md"]) == 0
    assert proc.stdout == capsys.readouterr().out.encode("utf-8")
    missing = run_process("-m", "moukit", "render", tmp_path / "none.yaml")
    assert missing.returncode == 2 and b"no such file" in missing.stderr
    assert b"Traceback" not in missing.stderr


def test_console_writes_the_file(tmp_path):
    out = tmp_path / "x.docx"
    proc = run_process("-m", "moukit", "render", EXAMPLE, "-o", out)
    assert proc.returncode == 0, proc.stderr.decode()
    assert out.read_bytes()[:2] == b"PK" and b"wrote" in proc.stderr


class _Full(io.StringIO):
    def flush(self):
        raise OSError(28, "No space left on device")


def test_an_output_that_cannot_be_flushed_is_an_error_not_a_verdict(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdout", _Full())
    for verdict in (0, 1, 3):
        assert cli._flushed(verdict) == 2
    assert "No space left on device" in capsys.readouterr().err


def test_a_closed_pipe_keeps_the_status(monkeypatch):
    class Closed(io.StringIO):
        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", Closed())
    assert cli._flushed(1) == 1


PLUGINS_PROBE = """
import os, sys
import moukit.cli as cli
exit_now = os._exit
def end(code):
    from pydantic.plugin import _loader
    print(code, os.environ.get("PYDANTIC_DISABLE_PLUGINS"), _loader._plugins is None)
    sys.stdout.flush()
    exit_now(code)
os._exit = end
cli.console(["render", sys.argv[1], "-o", "-", "--format", "md"])
"""


@pytest.mark.parametrize(("preset", "expected"), [(None, "__all__ True"), ("logfire", "logfire False")])
def test_the_command_does_not_look_for_pydantic_plugins_unless_asked(preset, expected):
    """The console script skips pydantic's search of every installed package for plugins (8
    to 10 ms of a render); a value the user set is kept (pydantic then searches)."""
    env = dict(os.environ, PYTHAINLP_OFFLINE="1", PYTHAINLP_READ_ONLY="1")
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    if preset:
        env["PYDANTIC_DISABLE_PLUGINS"] = preset
    proc = subprocess.run([sys.executable, "-c", PLUGINS_PROBE, str(EXAMPLE)], capture_output=True,
                          env=env, timeout=120)
    assert proc.stdout.decode().splitlines()[-1] == f"0 {expected}", proc.stderr.decode()


COLLECTOR_PROBE = """
import gc, os, sys
import moukit.cli as cli
from moukit.checking import batch
exit_now = os._exit
check_all = batch.check_all
def watched(*args, **kwargs):
    print("checking", gc.isenabled(), gc.get_threshold()[0], gc.get_freeze_count() > 0)
    return check_all(*args, **kwargs)
batch.check_all = watched
def end(code):
    print("end", gc.isenabled())
    sys.stdout.flush()
    exit_now(code)
os._exit = end
cli.console(sys.argv[1:])
"""


@pytest.mark.parametrize(("command", "expected"), [
    (["render", str(EXAMPLE), "-o", "-", "--format", "md"], ["end False"]),
    (["check", "DRAFT"], ["checking False 700 False", "end False"]),
    (["check", "DRAFT", "DRAFT"], ["checking True 50000 True", "end True"]),
    (["check", "FOLDER"], ["checking True 50000 True", "end True"]),
])
def test_the_command_collects_garbage_only_when_it_may_run_long(command, expected, tmp_path):
    """A one-shot command runs with the garbage collector off (a render 4% faster, a check's
    memory the same); a check of several drafts turns it on, with what was built before frozen
    out of the collections, so that a batch of any size keeps its memory bounded."""
    import moukit

    draft = tmp_path / "folder" / "draft.txt"
    draft.parent.mkdir()
    draft.write_bytes(moukit.render(moukit.load_spec(EXAMPLE), "txt", languages=["en"]).data)
    command = [str(draft) if a == "DRAFT" else str(draft.parent) if a == "FOLDER" else a for a in command]
    env = dict(os.environ, PYTHAINLP_OFFLINE="1", PYTHAINLP_READ_ONLY="1")
    proc = subprocess.run([sys.executable, "-c", COLLECTOR_PROBE, *command], capture_output=True, env=env,
                          timeout=120)
    lines = [line for line in proc.stdout.decode().splitlines() if line.startswith(("checking", "end"))]
    assert lines == expected, proc.stderr.decode()


def test_no_spec_field_takes_a_builtin_as_its_default_factory():
    """pydantic reads a default factory's signature when it builds a model; a builtin's
    (``list``) is parsed from its text with the tokenizer (3 ms of every start): the spec's
    list fields use a Python function, and each spec still gets its own list."""
    from pydantic import BaseModel

    from moukit.spec import dossier, models

    seen = set()
    for module in (models, dossier):
        for model in vars(module).values():
            if isinstance(model, type) and issubclass(model, BaseModel) and model is not BaseModel:
                for name, info in model.model_fields.items():
                    if info.default_factory is not None:
                        seen.add(f"{model.__name__}.{name}")
                        text = getattr(info.default_factory, "__text_signature__", None)
                        assert text is None, f"{model.__name__}.{name}"
    assert len(seen) >= 12
    first, second = dossier.PartnerBackground(), dossier.PartnerBackground()
    assert first.contacts == [] and first.contacts is not second.contacts


# ---------------------------------------------------------------- what a command imports


def test_help_imports_neither_heavy_modules_nor_the_interview():
    proc = run_process("-X", "importtime", "-m", "moukit", "--help")
    assert proc.returncode == 0
    found = imported_packages(proc.stderr)
    assert not found & {"pydantic", "babel", "docx", "pythainlp", "jinja2", "yaml", "lxml"}
    modules = proc.stderr.decode()
    for slow in ("moukit.spec.interview", " typing\n", " dataclasses\n", " pathlib\n"):
        assert slow not in modules, slow


def test_a_command_builds_only_its_own_parser():
    assert cli._command_named(["--ui-lang", "th", "render", "x.yaml"]) == "render"
    assert cli._command_named(["--ui-lang", "render"]) is None  # the value of --ui-lang
    assert cli._command_named(["rendr"]) is None and cli._command_named(["--help"]) is None
    only = cli.build_parser("render")._subparsers._group_actions[0].choices
    assert list(only) == ["render"]
    every = cli.build_parser()._subparsers._group_actions[0].choices
    assert list(every) == ["init", "render", "check", "dossier", "forms", "pack", "schema", "serve"]


def test_init_options_are_there_when_init_is_used(capsys):
    assert cli.main(["init", "--help"]) == 0
    assert "--partner-en" in capsys.readouterr().out


def test_render_of_a_spec_written_with_codes_and_ids_imports_no_pythainlp(tmp_path):
    proc = run_process("-X", "importtime", "-m", "moukit", "render", EXAMPLE, "-o", tmp_path / "x.docx")
    assert proc.returncode == 0, proc.stderr.decode()
    found = imported_packages(proc.stderr)
    assert "pythainlp" not in found
    modules = proc.stderr.decode()
    for slow in ("xml.sax", "urllib.request", "http.client", "ssl"):
        assert f" {slow}\n" not in modules, slow


@pytest.mark.parametrize("languages", [["en"], ["zh", "en"]])
def test_a_check_of_a_draft_without_thai_imports_no_pythainlp(languages, tmp_path):
    """pythainlp's package imports its tokenizers (40 ms): a draft with no Thai needs none of
    it (the version its precomputed data is checked against is read from its files)."""
    import moukit

    draft = tmp_path / "draft.docx"
    moukit.render(moukit.load_spec(EXAMPLE), "docx", languages=languages).save(draft)
    proc = run_process("-X", "importtime", "-m", "moukit", "check", draft)
    assert proc.returncode == 0, proc.stdout.decode()
    assert "pythainlp" not in imported_packages(proc.stderr)


def test_the_version_of_a_package_is_read_without_importing_it():
    import babel
    import pythainlp

    from moukit._installed import version_of

    assert version_of("pythainlp") == pythainlp.__version__
    assert version_of("babel") == babel.__version__


@pytest.mark.parametrize(("line", "expected"), [
    ('__version__ = "1.2.3"', "1.2.3"), ("__version__: str = '4.5'", "4.5"),
    ("from ._version import __version__", None), ("", None),
])
def test_a_version_set_another_way_is_not_guessed(line, expected, tmp_path, monkeypatch):
    from moukit._installed import version_of

    package = tmp_path / "somepackage"
    package.mkdir()
    (package / "__init__.py").write_text(f"{line}\n", "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert version_of("somepackage") == expected


# ---------------------------------------------------------------- provinces without pythainlp


def test_the_province_table_is_pythainlps_list():
    assert provinces.all_provinces() == provinces.pythainlp_provinces()
    assert len(provinces.all_provinces()) == 77
    table = ROOT / "src" / "moukit" / "spec" / provinces.TABLE
    assert table.read_text("utf-8") == provinces.provinces_file()


def test_province_names_are_in_pythainlps_normal_form():
    """The index keys need no normalizing: looking up normalized text finds the same entries."""
    from pythainlp.util import normalize

    keys = list(provinces._index()) + list(provinces._aliases())
    assert [normalize(k) for k in keys] == keys


@pytest.mark.parametrize("name, english", [
    ("เชียงใหม่", "Chiang Mai"), ("จังหวัดเชียงใหม่", "Chiang Mai"), ("chiang-mai", "Chiang Mai"),
    ("ChiangMai", "Chiang Mai"), ("โคราช", "Nakhon Ratchasima"), ("Korat", "Nakhon Ratchasima"),
    ("เชียงใหม\u200b่", "Chiang Mai"),  # a zero-width space: found after normalizing
    ("เชียงใหม่่", "Chiang Mai"),  # a tone mark typed twice
    ("นครราชสีมา", "Nakhon Ratchasima"), ("Bangkok Metropolis", "Bangkok"),
])
def test_find_province_as_written_or_normalized(name, english):
    assert provinces.find_province(name).name_en == english


def test_an_unknown_province_is_none_with_suggestions():
    assert provinces.find_province("Chaing Mai") is None
    assert "Chiang Mai" in provinces.suggest_province("Chaing Mai")


# ---------------------------------------------------------------- B.E. dates without pythainlp


PATTERNS = ["%-d %B พ.ศ. %Y", "%d %b %y", "%d/%m/%Y", "%-m/%-d", "100%%", "end%", "end%-", "%-%",
            "%A %-d %B", "%_d %B", "วันที่ %-d เดือน%B"]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_buddhist_dates_are_pythainlps(pattern):
    from pythainlp.util import thai_strftime

    day = dt.date(2024, 1, 1)
    while day.year < 2030:
        expected = thai_strftime(dt.datetime(day.year, day.month, day.day), pattern)
        assert buddhist_date(day, pattern) == expected, (day, pattern)
        day += dt.timedelta(days=13)


# ---------------------------------------------------------------- codes and ids read at once


def test_every_code_reads_as_itself_through_the_names_too():
    """The shortcut for a code written as it is gives what the index of names gives."""
    for code in names._language_codes():
        assert names._languages()[names.name_key(code, names._LANGUAGE_WORDS)] == code
    for code in names._country_codes():
        assert names._countries()[names.name_key(code, names._COUNTRY_WORDS)] == code


def test_every_id_reads_as_itself_through_the_labels_too():
    from moukit.forms import get_form

    kinds = [(kind, None) for kind in ("instrument", "level", "fields", "term")]
    kinds += [(kind, instrument) for instrument in ("loi", "mou")
              for kind in get_form(instrument).alternatives]
    for kind, instrument in kinds:
        for key in labels.options(kind, instrument):
            assert labels._index(kind, instrument).get(labels._key(key)) == key, (kind, key)
            assert labels.read_label(kind, key, instrument) == key


# ---------------------------------------------------------------- precompiled templates


def _compiling_forbidden(monkeypatch):
    import jinja2

    def refuse(*args, **kwargs):
        raise AssertionError("a shipped template was compiled at run time")

    monkeypatch.setattr(jinja2.Environment, "_compile", refuse)


def test_shipped_templates_are_not_compiled_at_run_time(monkeypatch):
    import moukit
    from moukit.packs.library import TemplateLibrary

    expected = moukit.render(EXAMPLE, "txt", templates=TemplateLibrary()).data
    _compiling_forbidden(monkeypatch)
    library = TemplateLibrary()
    for lang in library.available():
        for instrument in ("loi", "mou"):
            assert library.pack(lang).template(instrument).blocks
    assert moukit.render(EXAMPLE, "txt", templates=TemplateLibrary()).data == expected


def test_precompiled_and_compiled_templates_render_the_same(monkeypatch):
    import moukit
    from moukit.packs.library import LanguagePack, TemplateLibrary

    fast = {fmt: moukit.render(EXAMPLE, fmt, templates=TemplateLibrary()).data for fmt in ("docx", "md")}
    monkeypatch.setattr(LanguagePack, "_shipped", lambda self, instrument: None)
    slow = {fmt: moukit.render(EXAMPLE, fmt, templates=TemplateLibrary()).data for fmt in ("docx", "md")}
    assert fast == slow


def test_a_changed_template_or_another_jinja_is_compiled_from_its_text(tmp_path, monkeypatch):
    import jinja2

    from moukit.packs.jinja import precompiled
    from moukit.packs.library import TemplateLibrary, builtin_templates_dir

    shipped = builtin_templates_dir() / "th" / "mou.j2"
    env = TemplateLibrary().pack("th")._env
    assert precompiled(env, "th", "mou", str(shipped)) is not None
    changed = tmp_path / "mou.j2"
    changed.write_text(shipped.read_text("utf-8") + "{# edited #}", "utf-8")
    assert precompiled(env, "th", "mou", str(changed)) is None
    monkeypatch.setattr(jinja2, "__version__", "0.0")
    assert precompiled(env, "th", "mou", str(shipped)) is None


def test_a_users_template_folder_is_compiled_from_its_text(tmp_path):
    import shutil

    from moukit.packs.library import TemplateLibrary, builtin_templates_dir

    folder = tmp_path / "th"
    shutil.copytree(builtin_templates_dir() / "th", folder)
    (folder / "mou.j2").write_text((folder / "mou.j2").read_text("utf-8") + "\n", "utf-8")
    template = TemplateLibrary([tmp_path]).pack("th").template("mou")
    assert template.root_render_func.__code__.co_filename == str(folder / "mou.j2")


def test_a_precompiled_template_still_names_the_line_that_failed():
    from moukit.errors import TemplateError
    from moukit.forms import get_form
    from moukit.packs.library import LanguagePack, TemplateLibrary

    lines = []
    for shipped in (True, False):
        pack = TemplateLibrary().pack("en")
        if not shipped:
            pack._shipped = lambda instrument: None
        with pytest.raises(TemplateError) as caught:
            pack.render_clauses(get_form("mou"), {})  # no variables: StrictUndefined fails
        lines.append(caught.value.line)
    assert lines[0] is not None and lines[0] == lines[1]
    assert LanguagePack  # the class the library makes


# ---------------------------------------------------------------- DOCX without python-docx


def test_the_part_and_relationship_types_are_the_standard_ones():
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    from moukit.ooxml import properties
    from moukit.rendering.writers import docx_style as s

    assert (s.CT_DOCUMENT, s.CT_STYLES, s.CT_SETTINGS, s.CT_FONT_TABLE, s.CT_CORE, s.CT_APP, s.CT_CUSTOM,
            s.CT_HEADER) == (
        CT.WML_DOCUMENT_MAIN, CT.WML_STYLES, CT.WML_SETTINGS, CT.WML_FONT_TABLE, CT.OPC_CORE_PROPERTIES,
        CT.OFC_EXTENDED_PROPERTIES, CT.OFC_CUSTOM_PROPERTIES, CT.WML_HEADER)
    assert (s.RT_DOCUMENT, s.RT_CORE, s.RT_APP, s.RT_STYLES, s.RT_SETTINGS, s.RT_FONT_TABLE,
            properties.CUSTOM_PROPERTIES, s.RT_HEADER) == (
        RT.OFFICE_DOCUMENT, RT.CORE_PROPERTIES, RT.EXTENDED_PROPERTIES, RT.STYLES, RT.SETTINGS,
        RT.FONT_TABLE, RT.CUSTOM_PROPERTIES, RT.HEADER)


TRICKY = ["a & b", "<tag>", "]]>", 'say "hi"', "it's", "&amp; already", "ไทย & 中文 <>", "\u00a0x\u2028y",
          "tab\tand newline\n", "'\"<>&"]


@pytest.mark.parametrize("text", TRICKY)
def test_xml_escapes_read_back_as_the_text(text):
    from lxml import etree

    from moukit.ooxml.package import attr, xml_text

    element = etree.fromstring(f"<e a={attr(text)}>{xml_text(text)}</e>")
    assert element.text == text
    assert element.get("a") == text.replace("\t", " ").replace("\n", " ")  # XML normalizes these
    assert etree.tostring(element, encoding="unicode").split(">", 1)[1].rsplit("<", 1)[0] == xml_text(text)


def test_a_render_imports_neither_python_docx_nor_lxml(tmp_path):
    proc = run_process("-X", "importtime", "-m", "moukit", "render", EXAMPLE, "-o", tmp_path / "x.docx")
    assert proc.returncode == 0, proc.stderr.decode()
    assert not imported_packages(proc.stderr) & {"docx", "lxml"}


def test_a_check_of_the_shipped_languages_reads_only_build_time_data(tmp_path):
    """A check of a trilingual draft (th, zh, en) of the shipped packs, one word edited in each
    version, reads the packs' patterns, unit lexicons, vocabularies and YAML from the build's
    JSON: PyYAML, pypinyin and babel's locale data are not loaded (each was 13 to 30 ms of
    every check)."""
    import moukit

    spec = ROOT / "examples" / "chiang-mai-chengdu.yaml"
    text = moukit.render(spec, "txt").data.decode("utf-8")
    edited = text.replace("will", "shall", 1).replace("จะ", "ต้อง", 1).replace("将", "应", 1)
    assert edited != text
    draft = tmp_path / "edited.txt"
    draft.write_text(edited, "utf-8")
    probe = ("import sys, moukit; report = moukit.check(sys.argv[1]); "
             "print(report.verdict, 'yaml' in sys.modules, 'pypinyin' in sys.modules, "
             "'babel.localedata' in sys.modules and bool(sys.modules['babel.localedata']._cache))")
    run = run_process("-c", probe, str(draft))
    assert run.returncode == 0, run.stderr.decode()
    verdict, *loaded = run.stdout.decode().split()
    assert verdict != "standard" and loaded == ["False", "False", "False"]
