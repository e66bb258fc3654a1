"""`moukit check` on the command line: exit codes, JSON, HTML, redline, colour, languages.

The command runs in-process through moukit.cli.main (which returns the exit code), and once
as a real subprocess. Exit codes: 0 standard form, 1 review, 3 not permitted, 2 bad input.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docx
import jsonschema
import pytest

import moukit
from moukit.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SCHEMA = json.loads((ROOT / "docs" / "check-report.schema.json").read_text("utf-8"))
ANSI = "\x1b["

# A short Letter of Intent in German (moukit has no German templates), written for this test.
GERMAN = """Absichtserklärung
zur Begründung einer Städtepartnerschaft
zwischen
der Provinz Khon Kaen
und
der Stadt Freiburg

Auf der Grundlage der Grundsätze des gegenseitigen Nutzens und der Gleichberechtigung und mit
dem Ziel, die freundschaftlichen Beziehungen zwischen der Provinz Khon Kaen und der Stadt
Freiburg weiter zu stärken, haben beide Seiten die folgenden Absichten erklärt:

1. Beide Seiten werden die bestehende Zusammenarbeit in den Bereichen Bildung, Tourismus und
Handel stärken und weiter verbessern.

2. Beide Seiten werden Möglichkeiten der gegenseitigen Zusammenarbeit im Gesundheitswesen suchen.

3. Beide Seiten werden ihre zuständigen Stellen ermutigen, regelmäßige Kontakte und Beratungen
miteinander zu pflegen.

4. Beide Seiten streben an, in Zukunft förmlich eine Städtepartnerschaft zu begründen.

Unterzeichnet in zweifacher Ausfertigung in Khon Kaen am 10. Juni 2026.

Diese Absichtserklärung beabsichtigt nicht, Rechte oder Pflichten nach dem Völkerrecht zu begründen.
"""


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> dict[str, Path]:
    """Drafts on disk: standard (txt, docx), review (txt, docx), not permitted (txt)."""
    folder = tmp_path_factory.mktemp("drafts")
    spec = moukit.load_spec(EXAMPLES / "chiang-mai-chengdu.yaml")
    text = moukit.render(spec, "txt").data.decode("utf-8")
    paths = {name: folder / name for name in
             ("standard.txt", "standard.docx", "review.txt", "review.docx", "forbidden.txt")}
    paths["standard.txt"].write_text(text, "utf-8")
    paths["standard.docx"].write_bytes(moukit.render(spec, "docx").data)
    reworded = text.replace("encourage their concerned agencies", "encourage their relevant agencies")
    assert reworded != text
    paths["review.txt"].write_text(reworded, "utf-8")
    paths["forbidden.txt"].write_text(
        text.replace("The two Sides will encourage their concerned", "The two Sides shall encourage their concerned"),
        "utf-8")
    document = docx.Document(str(paths["standard.docx"]))
    hits = 0
    for p in document.paragraphs:
        for run in p.runs:
            if "will encourage their concerned agencies" in run.text:
                run.text = run.text.replace("will encourage their concerned agencies",
                                            "shall encourage their relevant agencies")
                hits += 1
    assert hits == 1
    document.save(str(paths["review.docx"]))
    return paths


def run(argv, capsys):
    """Run moukit in-process; return (exit code, stdout, stderr)."""
    code = main(["check", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


# ----------------------------------------------------------------------------- exit codes


@pytest.mark.parametrize(("name", "code", "banner"), [
    ("standard.txt", 0, "STANDARD FORM"),
    ("standard.docx", 0, "STANDARD FORM"),
    ("review.txt", 1, "COUNCIL OF STATE"),
    ("forbidden.txt", 3, "NOT PERMITTED"),
    ("review.docx", 3, "NOT PERMITTED"),
])
def test_exit_code_is_the_verdict(drafts, capsys, name, code, banner):
    status, out, err = run([drafts[name], "--no-color"], capsys)
    assert status == code
    assert banner in out
    assert f"exit code {code}" in out


def test_a_spec_notice_gives_exit_1(drafts, capsys):
    """Chengdu at city level: a notice for the ministries, exit 1."""
    import yaml

    data = yaml.safe_load((EXAMPLES / "chiang-mai-chengdu.yaml").read_text("utf-8"))
    data["partner"]["level"] = "city"
    spec = drafts["standard.txt"].parent / "city.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    status, out, _ = run([drafts["standard.txt"], "--spec", spec, "--no-color"], capsys)
    assert status == 1
    assert "MK-W002" in out


def test_a_missing_file(tmp_path, capsys):
    status, out, err = run([tmp_path / "nowhere.docx"], capsys)
    assert status == 2
    assert out == ""
    assert "nowhere.docx" in err and "error" in err


def test_random_bytes_named_docx(tmp_path, capsys):
    path = tmp_path / "draft.docx"
    path.write_bytes(bytes((n * 151 + 7) % 256 for n in range(4096)))
    status, out, err = run([path], capsys)
    assert status == 2
    assert out == ""
    assert "draft.docx" in err


def test_a_truncated_docx(drafts, tmp_path, capsys):
    path = tmp_path / "cut.docx"
    path.write_bytes(drafts["standard.docx"].read_bytes()[:3000])
    status, out, err = run([path], capsys)
    assert status == 2 and out == ""
    assert "cut.docx" in err


def test_a_draft_in_an_unsupported_language(tmp_path, capsys):
    path = tmp_path / "absichtserklaerung.txt"
    path.write_text(GERMAN, "utf-8")
    status, out, err = run([path], capsys)
    assert status == 2
    assert out == ""
    assert "language" in err


@pytest.mark.parametrize("content", [
    "pack: broken\nrules: [1, 2\n",  # not YAML
    "pack: broken\nrules:\n  - code: X-1\n    route: nowhere\n    patterns: {en: ['x']}\n"
    "    rationale: r\n    rationale_th: r\n",  # unknown route
    "pack: broken\nrules:\n  - code: X-1\n    route: not_permitted\n    patterns: {en: ['(']}\n"
    "    rationale: r\n    rationale_th: r\n",  # bad regular expression
    "pack: taken\nrules:\n  - code: MK-C001\n    route: ministries\n    patterns: {en: ['x']}\n",
    "pack: taken\nrules:\n  - code: MK-P001\n    route: ministries\n    patterns: {en: ['x']}\n",
    "pack: twice\nrules:\n  - {code: X-1, route: ministries, patterns: {en: ['x']}}\n"
    "  - {code: X-1, route: ministries, patterns: {en: ['y']}}\n",
    "pack: check\nrules:\n  - {code: X-1, route: ministries, check: nonbinding_sentence}\n",
    "pack: check\nrules:\n  - {code: X-1, route: ministries, check: spelling, clause: c1}\n",
], ids=["yaml", "route", "regex", "check-code", "default-code", "twice", "no-clause", "no-check"])
def test_a_bad_rules_file(drafts, tmp_path, capsys, content):
    rules = tmp_path / "rules.yaml"
    rules.write_text(content, "utf-8")
    status, out, err = run([drafts["standard.txt"], "--rules", rules], capsys)
    assert status == 2
    assert out == ""
    assert "rules.yaml" in err and "Traceback" not in err


def test_a_missing_rules_file(drafts, tmp_path, capsys):
    status, out, err = run([drafts["standard.txt"], "--rules", tmp_path / "none.yaml"], capsys)
    assert status == 2 and out == ""


def test_a_user_rule_pack_adds_its_own_code(drafts, tmp_path, capsys):
    rules = tmp_path / "mine.yaml"
    rules.write_text(
        "pack: mine\nversion: 1\nrules:\n  - code: MY-001\n    name: relevant\n"
        "    route: ministries\n    patterns: {en: ['\\brelevant\\b']}\n"
        "    rationale: a word we watch\n    rationale_th: คำที่เฝ้าดู\n", "utf-8")
    status, out, _ = run([drafts["review.txt"], "--rules", rules, "--json"], capsys)
    report = json.loads(out)
    assert status == 1
    assert "MY-001" in [f["code"] for f in report["findings"]]


def test_redline_with_two_drafts(drafts, tmp_path, capsys):
    out_path = tmp_path / "red.docx"
    status, out, err = run([drafts["review.docx"], drafts["standard.docx"], "--redline", out_path], capsys)
    assert status == 2
    assert "redline" in err
    assert not out_path.exists()


def test_redline_of_a_text_draft(drafts, tmp_path, capsys):
    out_path = tmp_path / "red.docx"
    status, _, err = run([drafts["review.txt"], "--redline", out_path], capsys)
    assert status == 2
    assert not out_path.exists()


def test_an_unknown_option(drafts, capsys):
    assert main(["check", str(drafts["standard.txt"]), "--no-such-option"]) == 2


# ----------------------------------------------------------------------------- outputs


def _json(drafts, name, capsys, *extra):
    status, out, err = run([drafts[name], "--json", *extra], capsys)
    return status, json.loads(out)


@pytest.mark.parametrize(("name", "verdict"), [
    ("standard.txt", "standard"), ("standard.docx", "standard"),
    ("review.txt", "council_of_state"), ("forbidden.txt", "not_permitted")])
def test_json_output_follows_the_schema(drafts, capsys, name, verdict):
    status, report = _json(drafts, name, capsys)
    assert report["schema"] == "moukit.check-report"
    assert report["schema_version"] == 2
    jsonschema.validate(report, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert report["verdict"] == verdict
    assert report["exit_code"] == status
    assert report["sources"] == [str(drafts[name])]
    assert sum(report["counts"].values()) == len(report["findings"])


def test_json_of_a_report_with_every_kind_of_value(drafts, capsys, tmp_path):
    """A richer report (spec, mismatches, notices) still validates."""
    spec = moukit.load_spec(EXAMPLES / "rayong-jeollanam-do.yaml")
    text = moukit.render(spec, "txt").data.decode("utf-8").replace("ระยะเวลา ๕ ปี", "ระยะเวลา ๓ ปี")
    text = text.replace("Jeollanam-do Province", "Jeollanam Province")
    draft = tmp_path / "rayong.txt"
    draft.write_text(text, "utf-8")
    status, out, _ = run([draft, "--json", "--spec", EXAMPLES / "rayong-jeollanam-do.yaml"], capsys)
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA, cls=jsonschema.Draft202012Validator)
    codes = {f["code"] for f in report["findings"]}
    assert {"MK-X001", "MK-S001"} <= codes
    assert status == 1


def test_the_schema_rejects_a_report_that_breaks_it(drafts, capsys):
    """The schema is not vacuous: a wrong verdict or a missing field fails validation."""
    _, report = _json(drafts, "review.txt", capsys)
    for broken in ({**report, "verdict": "fine"}, {k: v for k, v in report.items() if k != "findings"},
                   {**report, "schema_version": 1}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, SCHEMA, cls=jsonschema.Draft202012Validator)


def test_html_report_is_written(drafts, tmp_path, capsys):
    out_path = tmp_path / "report.html"
    status, out, err = run([drafts["review.txt"], "--html", out_path, "--no-color"], capsys)
    assert status == 1
    html = out_path.read_text("utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "MK-C001" in html
    assert "relevant" in html and "concerned" in html
    assert "<script" not in html.lower()
    assert "COUNCIL OF STATE" in out  # the terminal report is still printed


def test_redline_restores_the_form(drafts, tmp_path, capsys):
    out_path = tmp_path / "redline.docx"
    status, _, _ = run([drafts["review.docx"], "--redline", out_path, "--no-color"], capsys)
    assert status == 3
    report = moukit.check([out_path])
    assert report.verdict == "standard", [f.message for f in report.findings]
    assert report.pending_changes is True
    status, out, _ = run([out_path, "--json"], capsys)
    assert status == 0
    assert json.loads(out)["pending_changes"] is True


def test_colour_on_and_off(drafts, capsys):
    _, plain, _ = run([drafts["review.txt"], "--no-color"], capsys)
    _, coloured, _ = run([drafts["review.txt"], "--color"], capsys)
    assert ANSI not in plain
    assert ANSI in coloured
    assert plain.splitlines()[0] in coloured.splitlines()[0]


def test_no_colour_by_default_when_not_a_terminal(drafts, capsys):
    _, out, _ = run([drafts["review.txt"]], capsys)
    assert ANSI not in out


def test_report_in_thai(drafts, capsys):
    _, english, _ = run([drafts["review.txt"], "--no-color"], capsys)
    _, thai, _ = run([drafts["review.txt"], "--no-color", "--report-lang", "th"], capsys)
    rationale_th = moukit.check([drafts["review.txt"]]).findings[0].rationale_th
    rationale_en = moukit.check([drafts["review.txt"]]).findings[0].rationale
    assert rationale_th and rationale_th[:40] in thai
    assert rationale_en[:40] in english
    assert rationale_th[:40] not in english
    assert rationale_en[:40] not in thai


def test_report_lang_must_be_known(drafts, capsys):
    assert main(["check", str(drafts["standard.txt"]), "--report-lang", "fr"]) == 2


def test_existing_outputs_are_left_intact_when_the_input_is_bad(drafts, tmp_path, capsys):
    html, redline = tmp_path / "report.html", tmp_path / "redline.docx"
    html.write_text("earlier report", "utf-8")
    redline.write_bytes(b"earlier redline")
    status, out, _ = run([tmp_path / "missing.docx", "--html", html, "--redline", redline], capsys)
    assert status == 2
    assert html.read_text("utf-8") == "earlier report"
    assert redline.read_bytes() == b"earlier redline"


def test_existing_html_is_left_intact_when_redline_is_refused(drafts, tmp_path, capsys):
    html = tmp_path / "report.html"
    html.write_text("earlier report", "utf-8")
    status, _, _ = run([drafts["review.docx"], drafts["standard.docx"], "--html", html,
                        "--redline", tmp_path / "red.docx"], capsys)
    assert status == 2
    assert html.read_text("utf-8") == "earlier report"


def test_several_drafts_one_per_language(tmp_path, capsys):
    spec = moukit.load_spec(EXAMPLES / "rayong-jeollanam-do.yaml")
    paths = []
    for lang in ("th", "ko", "en"):
        path = tmp_path / f"mou-{lang}.txt"
        path.write_bytes(moukit.render(spec, "txt", languages=[lang]).data)
        paths.append(path)
    status, out, _ = run([*paths, "--json"], capsys)
    report = json.loads(out)
    assert status == 0
    assert [v["lang"] for v in report["versions"]] == ["th", "ko", "en"]
    assert report["sources"] == [str(p) for p in paths]


# ----------------------------------------------------------------------------- a real process


def test_moukit_check_as_a_subprocess(drafts):
    env = {**os.environ, "PYTHAINLP_OFFLINE": "1", "PYTHAINLP_READ_ONLY": "1", "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-m", "moukit", "check", str(drafts["forbidden.txt"]), "--json"],
                          capture_output=True, env=env, timeout=120)
    assert done.returncode == 3, done.stderr.decode()
    report = json.loads(done.stdout.decode("utf-8"))
    jsonschema.validate(report, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert "MK-P001" in [f["code"] for f in report["findings"]]
    done = subprocess.run([sys.executable, "-m", "moukit", "check", str(drafts["standard.txt"])],
                          capture_output=True, env=env, timeout=120)
    assert done.returncode == 0
    assert ANSI.encode() not in done.stdout


# ----------------------------------------------------------------------------- outputs never destroy inputs

def test_a_redline_onto_the_draft_being_checked_is_refused(drafts, tmp_path, capsys):
    draft = tmp_path / "partner.docx"
    draft.write_bytes(drafts["review.docx"].read_bytes())
    before = draft.read_bytes()
    status, _, err = run([draft, "--redline", draft], capsys)
    assert status == 2 and "is the draft being checked" in err
    assert draft.read_bytes() == before
    status, _, _ = run([draft, "--redline", tmp_path / "." / "partner.docx"], capsys)
    assert status == 2 and draft.read_bytes() == before


def test_an_html_report_onto_the_draft_is_refused(drafts, tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text(drafts["review.txt"].read_text("utf-8"), "utf-8")
    status, _, _ = run([draft, "--html", draft], capsys)
    assert status == 2 and draft.read_text("utf-8") == drafts["review.txt"].read_text("utf-8")


# ----------------------------------------------------------------------------- --fail-on

@pytest.mark.parametrize(("draft", "fail_on", "status"), [
    ("review.txt", None, 1), ("review.txt", "ministries", 1), ("review.txt", "council_of_state", 1),
    ("review.txt", "not_permitted", 0), ("forbidden.txt", "not_permitted", 3),
    ("standard.txt", "ministries", 0)])
def test_fail_on_sets_which_verdicts_fail(drafts, capsys, draft, fail_on, status):
    argv = [drafts[draft]] + (["--fail-on", fail_on] if fail_on else [])
    assert run(argv, capsys)[0] == status
