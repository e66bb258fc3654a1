"""Several drafts: one verdict per agreement; a folder or --batch: a line per file, CSV and
JSON summaries; the exit code is the worst verdict."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import moukit
from moukit.cli import main
from moukit.spec.models import SPEC_ADAPTER
from specdata import spec_data


def _text(partner: str, languages) -> str:
    data = spec_data("mou", partner)
    spec = SPEC_ADAPTER.validate_python(data)
    return moukit.render(spec, "txt", languages=languages).data.decode("utf-8")


@pytest.fixture()
def files(tmp_path):
    """One MOU as three files (th, ko, en); another MOU in one file; a forbidden draft; a memo."""
    paths = {}
    for lang in ("th", "ko", "en"):
        paths[f"mou-{lang}"] = tmp_path / f"mou-{lang}.txt"
        paths[f"mou-{lang}"].write_text(_text("ko", [lang]), "utf-8")
    paths["other"] = tmp_path / "other.txt"
    hokkaido = moukit.load_spec(Path(__file__).resolve().parent.parent / "examples" / "chiang-mai-hokkaido.yaml")
    paths["other"].write_text(moukit.render(hokkaido, "txt").data.decode("utf-8"), "utf-8")
    paths["forbidden"] = tmp_path / "forbidden.txt"
    paths["forbidden"].write_text(_text("zh", ["en"]).replace("will encourage", "shall encourage"), "utf-8")
    paths["memo"] = tmp_path / "memo.txt"
    paths["memo"].write_text("Dear colleagues,\nplease find the draft attached for your comments.\n", "utf-8")
    return paths


def test_the_files_of_one_agreement_are_one_report(files):
    batch = moukit.check_all([files["mou-th"], files["mou-ko"], files["mou-en"]])
    assert len(batch.reports) == 1 and batch.verdict == "standard"
    assert [v.lang for v in batch.reports[0].versions] == ["th", "ko", "en"]
    assert moukit.check([files["mou-th"], files["mou-ko"], files["mou-en"]]).verdict == "standard"


def test_unrelated_agreements_get_a_verdict_each(files):
    batch = moukit.check_all([files["mou-th"], files["other"], files["forbidden"], files["mou-en"]])
    assert [r.sources for r in batch.reports] == [
        [str(files["mou-th"]), str(files["mou-en"])], [str(files["other"])], [str(files["forbidden"])]]
    assert [r.verdict for r in batch.reports] == ["standard", "standard", "not_permitted"]
    assert batch.verdict == "not_permitted" and batch.exit_code == 3


def test_check_refuses_several_agreements_as_one(files):
    with pytest.raises(moukit.UsageError, match="2 different agreements"):
        moukit.check([files["other"], files["forbidden"]])


def test_a_folder_gets_a_line_per_file_and_the_worst_exit_code(files, capsys):
    folder = files["memo"].parent
    status = main(["check", str(folder), "--csv", str(folder.parent / "summary.csv")])
    out = capsys.readouterr().out
    assert status == 3
    lines = out.strip().splitlines()
    assert len(lines) == 7  # six files and the total
    assert any(line.startswith("2  error") and "memo.txt" in line for line in lines)
    rows = list(csv.DictReader(io.StringIO((folder.parent / "summary.csv").read_text("utf-8"))))
    assert {r["file"].rsplit("/", 1)[-1]: r["verdict"] for r in rows}["forbidden.txt"] == "not_permitted"
    assert len(rows) == 6


def test_batch_json_and_fail_on(files, capsys):
    argv = ["check", "--batch", str(files["mou-en"]), str(files["forbidden"]), "--json"]
    assert main(argv) == 3
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "moukit.check-batch" and data["verdict"] == "not_permitted"
    assert [f["verdict"] for f in data["files"]] == ["standard", "not_permitted"]
    assert all(r["schema"] == "moukit.check-report" for r in data["reports"])
    assert main(["check", "--batch", str(files["mou-en"]), "--fail-on", "not_permitted"]) == 0


def test_several_agreements_on_the_command_line_print_each_report_and_a_summary(files, capsys):
    assert main(["check", str(files["other"]), str(files["forbidden"])]) == 3
    out = capsys.readouterr().out
    assert out.count("Findings") + out.count("findings:") >= 2
    assert "2 file(s), 2 agreement(s)" in out


def test_html_of_several_agreements_is_refused(files, tmp_path, capsys):
    status = main(["check", str(files["other"]), str(files["forbidden"]), "--html",
                   str(tmp_path / "r.html")])
    assert status == 2 and not (tmp_path / "r.html").exists()


def test_a_bad_spec_stops_a_batch_once(files, tmp_path, capsys):
    spec = tmp_path / "spec.yaml"
    spec.write_text("instrument: mou\n", "utf-8")
    status = main(["check", "--batch", str(files["mou-en"]), str(files["other"]), "--spec", str(spec)])
    captured = capsys.readouterr()
    assert status == 2 and captured.out == ""
    assert captured.err.count("moukit: error:") == 1


def test_a_batch_of_several_agreements_keeps_their_reports_not_their_analyses(files):
    """A folder of drafts holds every report, not every draft's text and alignment; one
    agreement keeps its analyses (its HTML report and redline need them)."""
    several = moukit.check_all(list(files.values()), separately=True)
    assert len(several.reports) == len(files) - 1  # the memo is not a draft
    assert several.analyses == [[] for _ in several.reports]
    two = moukit.check_all([files["mou-en"], files["other"]])
    assert len(two.reports) == 2 and two.analyses == [[], []]
    for one in (moukit.check_all([files["other"]]), moukit.check_all([files[f"mou-{lang}"] for lang in ("th", "ko", "en")])):
        assert len(one.reports) == 1 and len(one.analyses[0]) == len(one.reports[0].versions)


def test_the_html_report_and_redline_of_one_agreement_from_the_public_api(tmp_path):
    """Batch.html and Batch.redline (what the workbench offers) for one edited DOCX: the
    report names the finding in Thai, the redline carries it as a tracked change; a batch of
    several agreements refuses both with a usage error."""
    import docx

    spec = moukit.load_spec(Path(__file__).resolve().parent.parent / "examples" / "chiang-mai-hokkaido.yaml")
    path = tmp_path / "mou.docx"
    moukit.render(spec, "docx").save(path)
    document = docx.Document(str(path))
    edited = False
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if "maintain direct contact" in run.text:
                run.text = run.text.replace("maintain direct contact", "maintain regular contact")
                edited = True
    assert edited
    document.save(str(path))
    batch = moukit.check_all([path])
    report = batch.reports[0]
    assert report.verdict == "council_of_state"
    html = batch.html(lang="th")
    assert "regular" in html and moukit.route_label("council_of_state", "th", part="label") in html
    redline = batch.redline(path.read_bytes())
    assert redline[:2] == b"PK" and redline == batch.redline(path)
    with pytest.raises(moukit.UsageError, match="not a draft of this agreement"):
        batch.redline(path.read_bytes(), name="another.docx")
    body = docx.Document(io.BytesIO(redline)).element.body.xml
    assert "<w:ins " in body and "<w:del " in body and "regular" in body
    other = tmp_path / "other.txt"
    other.write_bytes(moukit.render(Path(__file__).resolve().parent.parent / "examples" / "rayong-jeollanam-do.yaml",
                                    "txt").data)
    several = moukit.check_all([path, other])
    assert len(several.reports) == 2
    with pytest.raises(moukit.UsageError):
        several.html()
    with pytest.raises(moukit.UsageError):
        several.redline(path)


def test_every_route_and_translation_verdict_has_its_thai_words():
    from moukit.checking.codes import ROUTES

    for route in ROUTES:
        thai, english = moukit.route_label(route, "th"), moukit.route_label(route, "en")
        assert thai != english and any("\u0e00" <= ch <= "\u0e7f" for ch in thai), route
    row = {"verdict": "missing meaning", "clause_id": "c3", "clause_number": 3}
    assert moukit.row_verdict(row, "th") != moukit.row_verdict(row, "en")
    assert moukit.language_label("ja", "th") != moukit.language_label("ja", "en")


def test_a_route_label_part_that_does_not_exist_is_refused():
    with pytest.raises(ValueError, match="part must be"):
        moukit.route_label("standard", "en", part="lable")


def test_checking_drafts_leaves_no_reference_cycles():
    """A check leaves no reference cycles behind. The command checks one draft with the
    cyclic garbage collector off (``moukit.cli.console``) and a folder with what the process
    built frozen out of the collector's passes (``cli._common.runs_long``): neither keeps
    anything alive as long as each check frees its own objects by their references alone.
    Drafts of every kind the tests hold (each language, LOIs and MOUs, forbidden wordings,
    translations in other words, notes, letters, broken files) and a DOCX of each shipped
    partner language, in a fresh interpreter with the collector off: no unreachable object is
    found after them."""
    import subprocess
    import sys

    drafts = Path(__file__).resolve().parent / "data" / "drafts"
    probe = ("import gc, sys, moukit\n"
             "from pathlib import Path\n"
             "from moukit.checking.batch import draft_files\n"
             "files = draft_files([p for p in Path(sys.argv[1]).rglob('*') if p.is_file() and p.suffix in ('.txt', '.md', '.docx')])\n"
             "sys.path.insert(0, sys.argv[2])\n"
             "from specdata import spec_data\n"
             "docx = {f'{kind}-{lang}.docx': moukit.render(moukit.parse_spec(spec_data(kind, lang)), 'docx').data\n"
             "        for lang in ('zh', 'ja', 'ko', 'vi', 'id') for kind in ('loi', 'mou')}\n"
             "moukit.check_all(files[:3], separately=True)  # imports and one-time work\n"
             "gc.collect()\n"
             "gc.disable()\n"
             "batch = moukit.check_all(files, separately=True)\n"
             "for name, data in docx.items():\n"
             "    moukit.check_all({name: data}, separately=True)\n"
             "print(len(files), len(batch.reports), len(batch.errors), gc.collect())\n")
    out = subprocess.run([sys.executable, "-c", probe, str(drafts), str(Path(__file__).resolve().parent)],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    files, reports, errors, unreachable = map(int, out.stdout.split())
    assert files >= 150 and reports >= 140 and errors >= 1
    assert unreachable == 0
