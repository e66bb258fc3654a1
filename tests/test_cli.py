"""The command line: render, forms, schema, --version, --help; exit codes and error messages.

Most tests call ``moukit.cli.main`` in-process; a few run ``python -m moukit`` to check the
whole process (standard output bytes, no traceback, no heavy import for --help).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

import moukit
from moukit import cli
from moukit.forms import all_forms, vocabulary
from moukit.packs.library import TemplateLibrary
from specdata import spec_data

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
HEAVY = {"pydantic", "babel", "docx", "pythainlp", "jinja2", "yaml", "lxml"}
FORMATS = ["docx", "html", "md", "txt", "json"]


def write_spec(folder: Path, name: str = "cm-shanghai.yaml", **changes) -> Path:
    """A valid Thai-English spec (the partner writes English) as a YAML file."""
    data = spec_data("mou", "en")
    data.update(changes)
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def run(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def run_process(*args, cwd=None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHAINLP_OFFLINE="1", PYTHAINLP_READ_ONLY="1")
    return subprocess.run([sys.executable, *args], capture_output=True, cwd=cwd, env=env,
                          timeout=120)


def check_format(fmt: str, data: bytes) -> None:
    """The bytes really are a file of format ``fmt`` holding the agreement."""
    assert data
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            assert "word/document.xml" in z.namelist()
            assert "Shanghai Municipality" in z.read("word/document.xml").decode("utf-8")
        return
    text = data.decode("utf-8")
    assert "Shanghai Municipality" in text
    if fmt == "json":
        doc = json.loads(text)
        assert doc["form"]["instrument"] == "mou"
        assert [v["lang"] for v in doc["versions"]] == ["th", "en"]
    elif fmt == "html":
        assert text.lstrip().lower().startswith("<!doctype html")
    elif fmt == "md":
        assert "\n## " in text or text.startswith("#")
    elif fmt == "txt":
        assert "<" not in text.replace("<text", "")  # no markup
        assert "Memorandum of Understanding" in text


# ---------------------------------------------------------------- render


@pytest.mark.parametrize("fmt", FORMATS)
def test_render_each_format_to_a_file(tmp_path, capsys, fmt):
    spec = write_spec(tmp_path)
    out = tmp_path / "out" / f"agreement.{fmt}"
    out.parent.mkdir()
    code, stdout, err = run(capsys, "render", spec, "-o", out, "--format", fmt)
    assert code == 0, err
    assert stdout == ""
    check_format(fmt, out.read_bytes())
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]  # no temporary left


@pytest.mark.parametrize("fmt", FORMATS)
def test_format_is_inferred_from_the_output_suffix(tmp_path, capsys, fmt):
    spec = write_spec(tmp_path)
    out = tmp_path / f"inferred.{fmt}"
    code, _, err = run(capsys, "render", spec, "-o", out)
    assert code == 0, err
    check_format(fmt, out.read_bytes())


def test_format_option_wins_over_the_suffix(tmp_path, capsys):
    spec = write_spec(tmp_path)
    out = tmp_path / "really-json.txt"
    assert run(capsys, "render", spec, "-o", out, "--format", "json")[0] == 0
    assert json.loads(out.read_text("utf-8"))["schema"] == "moukit.document"


def test_unknown_suffix_without_format_is_a_usage_error(tmp_path, capsys):
    spec = write_spec(tmp_path)
    code, _, err = run(capsys, "render", spec, "-o", tmp_path / "agreement.odt")
    assert code == 2
    assert "moukit: error:" in err and "--format" in err
    assert not (tmp_path / "agreement.odt").exists()


def test_default_output_is_spec_stem_plus_suffix_in_current_folder(tmp_path, capsys, monkeypatch):
    (tmp_path / "specs").mkdir()
    spec = write_spec(tmp_path / "specs")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert run(capsys, "render", spec, "--format", "txt")[0] == 0
    assert run(capsys, "render", spec)[0] == 0
    assert sorted(p.name for p in work.iterdir()) == ["cm-shanghai.docx", "cm-shanghai.txt"]
    check_format("docx", (work / "cm-shanghai.docx").read_bytes())


def test_dash_writes_the_bytes_to_stdout(tmp_path, capsysbinary):
    spec = write_spec(tmp_path)
    assert cli.main(["render", str(spec), "-o", "-", "--format", "json"]) == 0
    out, _ = capsysbinary.readouterr()
    doc = json.loads(out.decode("utf-8"))
    assert doc["versions"][0]["lang"] == "th"
    assert list(tmp_path.iterdir()) == [spec]


def test_dash_writes_stdout_whole_process(tmp_path):
    spec = write_spec(tmp_path)
    proc = run_process("-m", "moukit", "render", str(spec), "-o", "-", "--format", "txt",
                       cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    expected = moukit.render(moukit.load_spec(spec), "txt").data
    assert proc.stdout == expected


def test_output_is_deterministic(tmp_path, capsys):
    spec = write_spec(tmp_path)
    for fmt in FORMATS:
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        assert run(capsys, "render", spec, "-o", a)[0] == 0
        assert run(capsys, "render", spec, "-o", b)[0] == 0
        assert a.read_bytes() == b.read_bytes(), fmt


def test_lang_limits_the_versions(tmp_path, capsys):
    spec = write_spec(tmp_path)
    out = tmp_path / "en.json"
    assert run(capsys, "render", spec, "-o", out, "--lang", "en")[0] == 0
    assert [v["lang"] for v in json.loads(out.read_text("utf-8"))["versions"]] == ["en"]


def test_layout_parallel_differs_from_separate(tmp_path, capsys):
    spec = write_spec(tmp_path)
    sep, par = tmp_path / "sep.txt", tmp_path / "par.txt"
    assert run(capsys, "render", spec, "-o", sep)[0] == 0
    assert run(capsys, "render", spec, "-o", par, "--layout", "parallel")[0] == 0
    assert sep.read_text("utf-8") != par.read_text("utf-8")
    assert "Shanghai Municipality" in par.read_text("utf-8")


def test_thai_digits_by_default_and_arabic_on_request(tmp_path, capsys):
    spec = write_spec(tmp_path)
    default, thai, old, arabic = (tmp_path / f"{n}.txt" for n in ("default", "thai", "old", "arabic"))
    assert run(capsys, "render", spec, "-o", default, "--lang", "th")[0] == 0
    assert run(capsys, "render", spec, "-o", thai, "--lang", "th", "--digits", "thai")[0] == 0
    assert run(capsys, "render", spec, "-o", old, "--lang", "th", "--thai-digits")[0] == 0  # still accepted
    assert run(capsys, "render", spec, "-o", arabic, "--lang", "th", "--digits", "arabic")[0] == 0
    assert "๒๕๖๙" in default.read_text("utf-8") and "2569" not in default.read_text("utf-8")
    assert default.read_bytes() == thai.read_bytes() == old.read_bytes()
    assert "2569" in arabic.read_text("utf-8") and "๒๕๖๙" not in arabic.read_text("utf-8")
    assert run(capsys, "render", spec, "--digits", "roman")[0] == 2
    help_text = run(capsys, "render", "--help")[1]
    assert "--digits" in help_text and "--thai-digits" not in help_text


def test_notices_are_warnings_on_stderr(tmp_path, capsys):
    spec = write_spec(tmp_path, thai_party={"province": "Bangkok"},
                      partner={**spec_data("mou", "en")["partner"], "level": "city"})
    code, stdout, err = run(capsys, "render", spec, "-o", tmp_path / "bkk.txt")
    assert code == 0
    assert "moukit: warning: MK-W001" in err and "Bangkok is not a province" in err
    assert "moukit: warning: MK-W002" in err
    assert stdout == ""


def test_no_warning_for_a_plain_spec(tmp_path, capsys):
    code, _, err = run(capsys, "render", write_spec(tmp_path), "-o", tmp_path / "x.txt")
    assert code == 0 and "moukit: warning" not in err


def test_templates_option_adds_a_language(tmp_path, capsys):
    spec = tmp_path / "genoa.yaml"
    spec.write_text((EXAMPLES / "chiang-mai-genoa.yaml").read_text("utf-8"), "utf-8")
    out = tmp_path / "genoa.json"
    code, _, err = run(capsys, "render", spec, "-o", out, "--lang", "it",
                       "--templates", EXAMPLES / "templates-it")
    assert code == 0, err
    version = json.loads(out.read_text("utf-8"))["versions"][0]
    assert version["lang"] == "it"
    assert any("Comune di Genova" in c["text"] for c in version["clauses"])


# ---------------------------------------------------------------- errors


def assert_failed(code: int, err: str, out: Path | None, *fragments: str) -> None:
    assert code == 2
    assert err.startswith("moukit: error: "), err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err, (fragment, err)
    if out is not None:
        assert not out.exists()


def test_missing_spec_file(tmp_path, capsys):
    out = tmp_path / "x.txt"
    code, _, err = run(capsys, "render", tmp_path / "nope.yaml", "-o", out)
    assert_failed(code, err, out, "nope.yaml", "no such file")


def test_spec_is_a_directory(tmp_path, capsys):
    out = tmp_path / "x.txt"
    code, _, err = run(capsys, "render", tmp_path, "-o", out)
    assert_failed(code, err, out, "directory")


def test_invalid_spec_names_path_and_line(tmp_path, capsys):
    spec = write_spec(tmp_path)
    text = spec.read_text("utf-8").replace("level: municipality_under_central_government",
                                           "level: village")
    spec.write_text(text, "utf-8")
    line = text.splitlines().index("  level: village") + 1
    out = tmp_path / "x.docx"
    code, _, err = run(capsys, "render", spec, "-o", out)
    assert_failed(code, err, out, "partner.level", f"line {line}", str(spec))


def test_missing_translation_names_path_and_line(tmp_path, capsys):
    data = spec_data("mou", "zh")
    del data["partner"]["name"]["zh"]
    spec = tmp_path / "s.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    lines = spec.read_text("utf-8").splitlines()
    name_line = lines.index("  name:", lines.index("partner:")) + 1
    out = tmp_path / "x.txt"
    code, _, err = run(capsys, "render", spec, "-o", out)
    assert_failed(code, err, out, "partner.name.zh", f"line {name_line}")


def test_unknown_language(tmp_path, capsys):
    out = tmp_path / "x.txt"
    code, _, err = run(capsys, "render", write_spec(tmp_path), "-o", out, "--lang", "th,fr")
    assert_failed(code, err, out, "fr", "th, en")


def test_language_without_templates_lists_the_available_ones(tmp_path, capsys):
    data = spec_data("mou", "en")
    data["partner"]["language"] = "it"
    for texts in (data["partner"]["name"], data["signing"]["place"],
                  data["signatories"]["thai"]["name"], data["signatories"]["thai"]["position"],
                  data["signatories"]["partner"]["name"], data["signatories"]["partner"]["position"]):
        texts["it"] = texts["en"]
    data["thai_party"]["name"] = {"it": "la Provincia di Chiang Mai"}
    spec = tmp_path / "it.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    out = tmp_path / "x.docx"
    code, _, err = run(capsys, "render", spec, "-o", out)
    available = ", ".join(TemplateLibrary().available())
    assert_failed(code, err, out, "no templates for language 'it'", f"available: {available}")


def test_missing_templates_dir(tmp_path, capsys):
    out = tmp_path / "x.txt"
    code, _, err = run(capsys, "render", write_spec(tmp_path), "-o", out,
                       "--templates", tmp_path / "no-such-folder")
    assert_failed(code, err, out, "no-such-folder", "templates directory not found")


def test_forms_with_missing_templates_dir(tmp_path, capsys):
    code, out, err = run(capsys, "forms", "--templates", tmp_path / "none")
    assert_failed(code, err, None, "templates directory not found")
    assert out == ""


def test_output_path_is_a_directory(tmp_path, capsys):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    code, _, err = run(capsys, "render", write_spec(tmp_path), "-o", folder)
    assert_failed(code, err, None, "is a directory")
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_output_folder_missing(tmp_path, capsys):
    out = tmp_path / "missing" / "x.txt"
    code, _, err = run(capsys, "render", write_spec(tmp_path), "-o", out)
    assert_failed(code, err, out, "does not exist")


@pytest.mark.parametrize("broken", ["invalid spec", "unknown language", "missing templates"])
def test_existing_output_is_left_intact_when_rendering_fails(tmp_path, capsys, broken):
    spec = write_spec(tmp_path)
    args = ["render", spec, "-o", tmp_path / "agreement.txt"]
    if broken == "invalid spec":
        spec.write_text(spec.read_text("utf-8").replace("country: CN", "country: XX"), "utf-8")
    elif broken == "unknown language":
        args += ["--lang", "xx"]
    else:
        args += ["--templates", tmp_path / "absent"]
    out = tmp_path / "agreement.txt"
    out.write_bytes(b"the signed version\n")
    code, _, err = run(capsys, *args)
    assert code == 2 and err.startswith("moukit: error: ")
    assert out.read_bytes() == b"the signed version\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agreement.txt", "cm-shanghai.yaml"]


def test_interrupt_exits_130_and_leaves_no_partial_file(tmp_path, capsys, monkeypatch):
    import moukit._atomic

    spec = write_spec(tmp_path)
    out = tmp_path / "agreement.txt"
    out.write_bytes(b"previous")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(moukit._atomic.os, "fsync", interrupted)
    code, _, err = run(capsys, "render", spec, "-o", out, "--force")  # a person's file: forced
    assert code == 130
    assert "interrupted" in err
    assert out.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agreement.txt", "cm-shanghai.yaml"]


def test_spec_error_whole_process_has_no_traceback(tmp_path):
    spec = write_spec(tmp_path)
    spec.write_text(spec.read_text("utf-8").replace("country: CN", "country: XX"), "utf-8")
    proc = run_process("-m", "moukit", "render", str(spec), cwd=tmp_path)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert err.startswith("moukit: error: ") and "partner.country" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cm-shanghai.yaml"]


@pytest.mark.parametrize("args", [
    [], ["render"], ["bogus"], ["render", "x.yaml", "--format", "odt"],
    ["render", "x.yaml", "--layout", "sideways"], ["--no-such-option"],
])
def test_usage_errors_exit_2(capsys, args):
    code, out, err = run(capsys, *args)
    assert code == 2
    assert "usage: moukit" in err
    assert out == ""


# ---------------------------------------------------------------- forms, schema, version, help


def test_forms_lists_forms_clauses_alternatives_vocabularies_languages(capsys):
    code, out, _ = run(capsys, "forms")
    assert code == 0
    for form in all_forms():
        assert f"{form.id} version {form.version}" in out
        assert " ".join(form.clause_ids) in out
        for alt in form.alternatives.values():
            for option in alt.options:
                assert option in out
            assert f"*{alt.default}" in out
    assert "open [RECONSTRUCTED" in out
    assert "fixed [RECONSTRUCTED" not in out
    for field_id in vocabulary()["fields"]:
        assert f"\n  {field_id} " in out
    for level, rank in vocabulary()["partner_levels"].items():
        assert any(line.split() == [level, rank] for line in out.splitlines()), level
    languages = out[out.index("languages:\n"):].splitlines()[1:]
    assert [line.split()[0] for line in languages] == TemplateLibrary().available()
    assert "  en 1.0  the official text" in languages
    assert all(line.endswith("moukit's translation, not official") for line in languages
               if not line.startswith("  en "))


def test_forms_json(capsys):
    code, out, _ = run(capsys, "forms", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["moukit_version"] == moukit.__version__
    assert [f["id"] for f in data["forms"]] == [f.id for f in all_forms()]
    mou = data["forms"][1]
    assert [c["id"] for c in mou["clauses"]] == list(all_forms()[1].clause_ids)
    assert mou["alternatives"]["parties"] == {
        "options": ["participants", "two_sides"], "default": "participants",
        "other_wording_allowed": False,
        "description": all_forms()[1].alternatives["parties"].description,
    }
    assert mou["alternatives"]["relationship"]["other_wording_allowed"] is True
    term = mou["options"]["term"]["choices"]
    assert term["open"]["reconstructed"] is True and term["fixed"]["reconstructed"] is False
    assert {"thai_name", "partner_name", "term_text"} <= set(mou["template_variables"])
    assert "further_fields" in data["forms"][0]["template_variables"]
    assert "further_fields" not in mou["template_variables"]
    assert data["vocabularies"]["fields"] == vocabulary()["fields"]
    assert data["vocabularies"]["partner_levels"] == vocabulary()["partner_levels"]
    assert data["languages"] == TemplateLibrary().available()
    assert "it" not in data["languages"]
    packs = data["language_packs"]
    assert list(packs) == data["languages"]
    assert packs["en"]["status"] == "official"
    assert packs["th"]["status"] == "unofficial" and packs["th"]["reviews"][0]["of"] == "0.1"


def test_forms_honours_templates(capsys):
    code, out, _ = run(capsys, "forms", "--json", "--templates", EXAMPLES / "templates-it")
    assert code == 0
    assert "it" in json.loads(out)["languages"]


def test_schema_is_stable_json_with_the_spec_properties(capsys):
    code, out, _ = run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    assert out == json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert schema == moukit.spec_json_schema()
    mou = schema["$defs"]["MouSpec"]["properties"]
    loi = schema["$defs"]["LoiSpec"]["properties"]
    for key in ("instrument", "thai_party", "partner", "fields", "signing", "signatories"):
        assert key in mou and key in loi
    assert "term" in mou and "further_fields" in loi
    assert run(capsys, "schema")[1] == out


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out == f"moukit {moukit.__version__}\n"


@pytest.mark.parametrize("args", [["--help"], ["render", "--help"], ["forms", "--help"],
                                  ["schema", "--help"]])
def test_help(capsys, args):
    code, out, _ = run(capsys, *args)
    assert code == 0
    assert out.startswith("usage: moukit")


def imported_modules(*args: str) -> set[str]:
    proc = run_process("-X", "importtime", "-m", "moukit", *args)
    assert proc.returncode == 0, proc.stderr.decode()
    names = set()
    for line in proc.stderr.decode().splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["render", "--help"]])
def test_help_imports_no_heavy_module(args):
    names = imported_modules(*args)
    assert "moukit" in names  # the measurement works
    assert not names & HEAVY, names & HEAVY


def test_render_does_import_them():
    # The same measurement sees the heavy modules when a command needs them.
    names = imported_modules("schema")
    assert "pydantic" in names


def test_a_bare_moukit_prints_the_help(capsys):
    code, out, err = run(capsys)
    assert code == 2 and "commands" in err and "render" in err and "error" not in err


@pytest.mark.parametrize(("typed", "meant"), [("rendr", "render"), ("chek", "check"), ("froms", "forms")])
def test_a_mistyped_command_gets_a_did_you_mean(capsys, typed, meant):
    code, _, err = run(capsys, typed, "x.yaml")
    assert code == 2
    assert f"unknown command '{typed}'" in err and f"did you mean '{meant}'?" in err


@pytest.mark.parametrize("argv", [["check", "--ui-lang", "th", "--help"], ["render", "--ui-lang=th", "--help"],
                                  ["pack", "new", "--ui-lang", "th", "--help"]])
def test_ui_lang_is_taken_after_the_command_too(capsys, argv):
    code, out, _ = run(capsys, *argv)
    assert code == 0 and "วิธีใช้" in out
