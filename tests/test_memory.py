"""Memory and failures: a draft is read in bounded chunks, a check runs in a small address
space, and running out of memory or an internal error never gives a verdict's exit status
(0, 1 or 3): out of memory is 2, an internal error 4, each with one message and no traceback.
"""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

import moukit
from moukit.checking.readers import Limits, read_draft
from moukit.checking.readers.model import CHUNK, read_at_most
from moukit.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
MB = 1000  # in KiB, as `ulimit -v` counts: `ulimit -v 250000` is 250 * MB
VERDICTS = (0, 1, 3)


@pytest.fixture(scope="module")
def renders(tmp_path_factory) -> dict[str, Path]:
    """Untouched trilingual DOCX renders: Thai + Korean, Chinese or Japanese + English."""
    folder = tmp_path_factory.mktemp("renders")
    out = {}
    for name in ("rayong-jeollanam-do", "chiang-mai-chengdu", "chiang-mai-hokkaido"):
        path = folder / f"{name}.docx"
        path.write_bytes(moukit.render(moukit.load_spec(EXAMPLES / f"{name}.yaml"), "docx").data)
        out[name] = path
    return out


def _peak_of(function) -> int:
    """The peak of the memory Python allocates while ``function()`` runs, in bytes."""
    function()  # imports and caches first: only the work itself is measured
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# -- reading in bounded chunks ----------------------------------------------------------------


def test_reading_a_docx_allocates_about_its_size_not_the_limit(renders):
    path = renders["rayong-jeollanam-do"]
    generous = Limits(max_total_bytes=2000 * 1024 * 1024, max_part_bytes=1000 * 1024 * 1024)
    peak = _peak_of(lambda: read_draft(path))
    assert peak < 2 * 1024 * 1024, peak  # a 10 KB file (once 216 MiB: the limit, allocated up front)
    assert _peak_of(lambda: read_draft(path, limits=generous)) < 2 * 1024 * 1024


def test_reading_a_text_draft_allocates_about_its_size(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(moukit.render(moukit.load_spec(EXAMPLES / "chiang-mai-chengdu.yaml"), "txt").data)
    assert _peak_of(lambda: read_draft(path, limits=Limits(max_text_bytes=1024 ** 3))) < 2 * 1024 * 1024


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, 3 * CHUNK + 5])
@pytest.mark.parametrize("expected", [0, 10, "exact", 10 * CHUNK])
def test_read_at_most_reads_everything_up_to_the_limit(size, expected):
    data = bytes(range(256)) * (size // 256 + 1)
    data = data[:size]
    hint = size if expected == "exact" else expected  # the size a file says it has may lie
    assert read_at_most(io.BufferedReader(io.BytesIO(data)), 10 * CHUNK, expected=hint) == data
    assert read_at_most(io.BufferedReader(io.BytesIO(data)), 7, expected=hint) == data[:7]


def test_a_file_beyond_the_limit_is_still_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"1. A clause.\n" * (3 * CHUNK // 13))
    with pytest.raises(moukit.DraftError, match="max_text_bytes"):
        read_draft(path, limits=Limits(max_text_bytes=CHUNK))


# -- the whole command in a small address space ---------------------------------------------


def _run(args: list, limit_kib: int, env: dict | None = None) -> tuple[int, str, int]:
    """``python -m moukit ARGS`` with its address space capped at ``limit_kib``: exit status,
    standard error and peak resident memory (KiB)."""
    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit_kib * 1024, limit_kib * 1024))

    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [
        str(Path(moukit.__file__).parent.parent), os.environ.get("PYTHONPATH")])), NO_COLOR="1",
        **(env or {}))
    proc = subprocess.Popen([sys.executable, "-m", "moukit", *map(str, args)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, preexec_fn=cap, env=environment)
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, err, usage.ru_maxrss


@pytest.mark.parametrize("name", ["rayong-jeollanam-do", "chiang-mai-chengdu", "chiang-mai-hokkaido"])
def test_a_check_works_in_250_mb_of_address_space(renders, name):
    code, err, _ = _run(["check", renders[name]], 250 * MB)
    assert code == 0, err[-2000:]  # an untouched render is the standard form


def test_a_japanese_version_s_names_are_compared_in_a_small_memory(renders):
    """The kanji of the Hokkaido names are read from the few entries of pykakasi's dictionary
    they need: in 100 MB of address space (its whole dictionary alone is about 120 MB), the
    names are compared (only the Thai signatory, in katakana, has no reliable reading)."""
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [
        str(Path(moukit.__file__).parent.parent), os.environ.get("PYTHONPATH")])))
    out = subprocess.run([sys.executable, "-m", "moukit", "check", "--json", str(renders["chiang-mai-hokkaido"])],
                         capture_output=True, text=True, env=environment, timeout=120,
                         preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (100 * MB * 1024,) * 2))
    assert out.returncode == 0, out.stderr[-2000:]
    notes = " ".join(json.loads(out.stdout)["notes"])
    assert "the Thai signatory" in notes
    assert "the partner (" not in notes and "the partner's signatory" not in notes, notes


@pytest.mark.parametrize("limit", [30, 35, 40])  # (the check of this draft fits in about 50 MB now)
def test_too_little_memory_is_exit_2_never_a_verdict(renders, limit):
    code, err, _ = _run(["check", renders["rayong-jeollanam-do"]], limit * MB)
    assert code == 2, (code, err[-2000:])
    assert err.startswith("moukit: error: the draft needs more memory than moukit is allowed"), err[-2000:]
    assert "how to fix: run moukit where it may use more memory" in err
    assert "Traceback" not in err


def test_too_little_memory_is_said_in_thai(renders):
    code, err, _ = _run(["check", "--ui-lang", "th", renders["rayong-jeollanam-do"]], 40 * MB)
    assert code == 2, err[-2000:]
    assert "หน่วยความจำ" in err and "Traceback" not in err


# -- internal errors -------------------------------------------------------------------------


def _fail_with(exc: BaseException):
    def fail(*args, **kwargs):
        raise exc
    return fail


def test_an_internal_error_is_exit_4_with_a_message_and_no_traceback(monkeypatch, capsys, renders):
    monkeypatch.delenv("MOUKIT_DEBUG", raising=False)
    monkeypatch.setattr("moukit.checking.batch.check_all", _fail_with(KeyError("values")))
    code = main(["check", str(renders["rayong-jeollanam-do"])])
    out, err = capsys.readouterr()
    assert code == 4 and code not in VERDICTS
    assert err.startswith("moukit: error: an internal error (KeyError: 'values')"), err
    assert "please report it" in err and "MOUKIT_DEBUG=1" in err
    assert "Traceback" not in err + out
    assert out == ""


def test_moukit_debug_shows_the_traceback_of_an_internal_error(monkeypatch, capsys, renders):
    monkeypatch.setenv("MOUKIT_DEBUG", "1")
    monkeypatch.setattr("moukit.checking.batch.check_all", _fail_with(KeyError("values")))
    assert main(["check", str(renders["rayong-jeollanam-do"])]) == 4
    err = capsys.readouterr().err
    assert "Traceback" in err and "KeyError" in err and "moukit: error: an internal error" in err


def test_an_internal_error_leaves_no_output_file(monkeypatch, capsys, renders, tmp_path):
    monkeypatch.setattr("moukit.checking.output.html.format_html", _fail_with(RuntimeError("bug")))
    html, csv = tmp_path / "report.html", tmp_path / "summary.csv"
    assert main(["check", str(renders["rayong-jeollanam-do"]), "--html", str(html), "--csv", str(csv)]) == 4
    assert list(tmp_path.iterdir()) == []


def test_an_internal_error_of_render_is_exit_4(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr("moukit.cli.render.run", _fail_with(AttributeError("x")))
    code = main(["render", str(EXAMPLES / "chiang-mai-chengdu.yaml"), "-o", str(tmp_path / "x.docx")])
    assert code == 4, capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_out_of_memory_in_process_is_exit_2_and_json_says_it(monkeypatch, capsys, renders):
    monkeypatch.setattr("moukit.checking.batch.check_all", _fail_with(MemoryError()))
    code = main(["check", "--json", str(renders["rayong-jeollanam-do"])])
    out, err = capsys.readouterr()
    assert code == 2
    assert "needs more memory" in err and "Traceback" not in err
    data = json.loads(out)
    assert "out of memory" in data["message"] and data["hint"].startswith("run moukit where")


def test_an_extension_failing_to_allocate_is_out_of_memory_not_an_internal_error(monkeypatch, capsys, renders):
    # CPython's message when compiled code fails (an allocation under ulimit -v) without an exception
    monkeypatch.setattr("moukit.checking.batch.check_all",
                        _fail_with(SystemError("error return without exception set")))
    assert main(["check", str(renders["rayong-jeollanam-do"])]) == 2
    assert "needs more memory" in capsys.readouterr().err
    monkeypatch.setattr("moukit.checking.batch.check_all", _fail_with(SystemError("some other bug")))
    assert main(["check", str(renders["rayong-jeollanam-do"])]) == 4


def test_a_damaged_docx_is_still_a_draft_error_not_an_internal_one(capsys, tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    assert main(["check", str(path)]) == 2
    assert "not a readable .docx" in capsys.readouterr().err
