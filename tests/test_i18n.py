"""Thai and English CLI messages: language choice, Thai help and errors, catalog consistency.

The catalog tests re-extract the messages from the source with babel's API and compare them
with the committed .pot, .po and compiled .mo, so a message added to the CLI without
updating the catalogs fails here.
"""

from __future__ import annotations

import gettext
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from moukit import cli, i18n

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "moukit" / "locale"
POT = LOCALE / "moukit.pot"
PO = LOCALE / "th" / "LC_MESSAGES" / "moukit.po"
MO = LOCALE / "th" / "LC_MESSAGES" / "moukit.mo"
THAI = re.compile(r"[\u0E01-\u0E5B]")
PLACEHOLDER = re.compile(r"\{(\w*)\}")
HEAVY = {"pydantic", "babel", "docx", "pythainlp", "jinja2", "yaml", "lxml"}


@pytest.fixture(autouse=True)
def _reset_language():
    yield
    i18n.set_language(None)


def run(capsys, *args):
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def run_process(*args, **env_changes):
    env = {k: v for k, v in os.environ.items() if k not in i18n.LOCALE_VARIABLES}
    env.update(PYTHAINLP_OFFLINE="1", PYTHAINLP_READ_ONLY="1", **env_changes)
    return subprocess.run([sys.executable, *args], capture_output=True, env=env, timeout=120)


def th(message: str) -> str:
    return i18n.translation("th").gettext(message)


# ---------------------------------------------------------------- choosing the language


@pytest.mark.parametrize("environ, expected", [
    ({}, "en"),
    ({"LANG": "th_TH.UTF-8"}, "th"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LC_ALL": "th_TH", "LANG": "en_GB.UTF-8"}, "th"),
    ({"LC_ALL": "C.UTF-8", "LANG": "th_TH.UTF-8"}, "en"),      # LC_ALL comes first
    ({"LANGUAGE": "th:en", "LANG": "C"}, "th"),
    ({"LANGUAGE": "", "LC_MESSAGES": "th_TH.UTF-8"}, "th"),   # an empty variable is skipped
])
def test_locale_decides_when_no_option(environ, expected):
    assert i18n.detect_language(environ) == expected


def test_set_language_rejects_unknown():
    from moukit.errors import MoukitError

    with pytest.raises(MoukitError):
        i18n.set_language("fr")


def test_english_catalog_passes_text_through_and_thai_translates():
    message = "wrote {path}"
    assert i18n.translation("en").gettext(message) == message
    assert THAI.search(th(message)) and "{path}" in th(message)


# ---------------------------------------------------------------- help and messages


def test_ui_lang_th_shows_thai_help(capsys):
    code, out, _ = run(capsys, "--ui-lang", "th", "render", "--help")
    assert code == 0
    assert th("the spec file (YAML), see examples/") in out
    assert out.startswith(th("usage: ") + "moukit render")
    assert "the spec file (YAML)" not in out


def test_english_is_the_default(capsys, monkeypatch):
    for name in i18n.LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    code, out, _ = run(capsys, "render", "--help")
    assert code == 0
    assert out.startswith("usage: moukit render")
    assert "the spec file (YAML), see examples/" in out
    assert not THAI.search(out)


def test_ui_lang_en_wins_over_a_thai_locale(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "th_TH.UTF-8")
    code, out, _ = run(capsys, "--ui-lang", "en", "--help")
    assert code == 0 and out.startswith("usage: moukit") and not THAI.search(out)


def test_thai_locale_without_option_in_process(capsys, monkeypatch):
    for name in i18n.LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "th_TH.UTF-8")
    code, out, _ = run(capsys, "init", "--help")
    assert code == 0
    assert th("ask nothing: take every answer from the options") in out


def test_lang_th_environment_in_a_subprocess():
    proc = run_process("-m", "moukit", "render", "--help", LANG="th_TH.UTF-8")
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode("utf-8")
    assert th("output file; '-' writes to standard output") in out
    english = run_process("-m", "moukit", "render", "--help", LANG="en_US.UTF-8")
    assert english.stdout.decode().startswith("usage: moukit render")
    assert not THAI.search(english.stdout.decode())


def test_thai_help_imports_no_heavy_module():
    proc = run_process("-X", "importtime", "-m", "moukit", "--ui-lang", "th", "init", "--help")
    assert proc.returncode == 0, proc.stderr.decode()
    names = {line.rsplit("|", 1)[1].strip().split(".")[0]
             for line in proc.stderr.decode().splitlines()
             if line.startswith("import time:") and "|" in line}
    assert "moukit" in names
    assert not names & HEAVY, names & HEAVY


def test_thai_error_prefix_and_thai_library_message(capsys, tmp_path):
    code, _, err = run(capsys, "--ui-lang", "th", "render", tmp_path / "none.yaml")
    assert code == 2
    prefix = th("error: {message}").split("{message}")[0]
    assert err.startswith("moukit: " + prefix), err
    assert th("no such file") in err and "no such file" not in err  # the spec error, in Thai
    assert "none.yaml" in err  # the message names the file


def test_thai_argparse_usage_error(capsys):
    code, _, err = run(capsys, "--ui-lang", "th", "render")
    assert code == 2
    assert th("{prog}: error: {message}").split("{prog}")[1].split("{message}")[0] in err


def test_thai_headings_of_forms(capsys):
    code, out, _ = run(capsys, "--ui-lang", "th", "forms")
    assert code == 0
    assert th("fields of cooperation:") in out and "fields of cooperation:" not in out


def test_ui_lang_option_is_read_before_parsing():
    assert cli.ui_language_option(["--ui-lang", "th", "render"]) == "th"
    assert cli.ui_language_option(["init", "--ui-lang=th", "--ui-lang", "en"]) == "en"
    assert cli.ui_language_option(["--ui-lang", "fr"]) is None
    assert cli.ui_language_option(["render", "--", "--ui-lang", "th"]) is None


# ---------------------------------------------------------------- the catalogs


def extracted_ids() -> set[str]:
    with open(ROOT / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    ids = set()
    for _filename, _lineno, message, _comments, _context in extract_from_dir(
            ROOT, method_map, options_map):
        ids.add(message if isinstance(message, str) else message[0])
    return ids


def catalog(path: Path):
    with open(path, "rb") as handle:
        return read_po(handle, locale="th" if path.suffix == ".po" else None)


def test_babel_cfg_covers_the_cli_and_init():
    ids = extracted_ids()
    assert "wrote {path}" in ids  # cli.py
    assert "Partner's name in {language}" in ids  # init.py
    assert len(ids) > 100


def test_pot_matches_the_source():
    pot_ids = {m.id for m in catalog(POT) if m.id}
    assert pot_ids == extracted_ids(), "re-run pybabel extract (see babel.cfg)"


def test_po_has_every_message_of_the_pot_translated():
    pot_ids = {m.id for m in catalog(POT) if m.id}
    po = catalog(PO)
    assert {m.id for m in po if m.id} == pot_ids, "run pybabel update (see babel.cfg)"
    for message in po:
        if not message.id:
            continue
        assert message.string, f"untranslated: {message.id!r}"
        assert not message.fuzzy, f"fuzzy: {message.id!r}"
        if re.search(r"[A-Za-z]", PLACEHOLDER.sub("", message.id)):  # words, not only {file}: {message}
            assert THAI.search(message.string), message.id
        assert sorted(PLACEHOLDER.findall(message.id)) == sorted(PLACEHOLDER.findall(message.string)), \
            message.id
    assert not list(po.check()), "babel's catalog checks failed"


def test_mo_is_compiled_from_the_po():
    po = {m.id: m.string for m in catalog(PO) if m.id}
    with open(MO, "rb") as handle:
        mo = {m.id: m.string for m in read_mo(handle) if m.id}
    assert mo == po, "run pybabel compile (see babel.cfg)"


def test_stdlib_gettext_reads_the_shipped_catalog():
    translation = gettext.translation(i18n.DOMAIN, localedir=str(LOCALE), languages=["th"])
    assert translation.gettext("interrupted") == th("interrupted")
    assert THAI.search(translation.gettext("interrupted"))
