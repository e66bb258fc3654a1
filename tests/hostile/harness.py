"""Run moukit on hostile input and assert that it fails safely.

A safe failure is: exit status 2, exactly one ``moukit: error: ...`` message naming what is
wrong (and where, and how to fix it when that applies), no traceback, no output file left
behind, an output file that already existed left byte for byte as it was, and no planted
secret in anything moukit printed or wrote.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from . import SECRET

TESTS = Path(__file__).resolve().parent.parent
ORIGINAL = b"an output file that was here before moukit ran\n"
GiB = 1024 ** 3


@dataclass
class Outcome:
    """What one run of the command line did."""

    code: int
    out: str
    err: str
    peak_kib: int | None = None  # peak resident memory of the child process, when measured


def run_cli(capsys, *args) -> Outcome:
    """Run ``moukit.cli.main`` in this process; return its exit status and captured output."""
    from moukit import cli

    capsys.readouterr()
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return Outcome(code, out, err)


def _env() -> dict:
    path = os.pathsep.join(filter(None, [str(TESTS), os.environ.get("PYTHONPATH")]))
    return dict(os.environ, PYTHONPATH=path, PYTHAINLP_OFFLINE="1", PYTHAINLP_READ_ONLY="1",
                NO_COLOR="1")


def run_process(*args, cwd: Path, timeout: float = 30, max_bytes: int = 2 * GiB) -> Outcome:
    """Run the command line in a child process, bounded in time and address space.

    A hang fails the test (``subprocess.TimeoutExpired``) instead of blocking the suite; the
    child's peak resident memory is returned in ``peak_kib``.
    """
    mem_file = Path(cwd) / ".peak-memory"
    proc = subprocess.run(
        [sys.executable, "-m", "hostile.runner", str(mem_file), str(max_bytes), *map(str, args)],
        capture_output=True, cwd=cwd, env=_env(), timeout=timeout, check=False,
    )
    peak = int(mem_file.read_text()) if mem_file.exists() else None
    mem_file.unlink(missing_ok=True)
    return Outcome(proc.returncode, proc.stdout.decode("utf-8", "replace"),
                   proc.stderr.decode("utf-8", "replace"), peak)


def run_module(*args, cwd: Path, timeout: float = 30) -> Outcome:
    """Run ``python -m moukit`` exactly as a user would (the real entry point)."""
    proc = subprocess.run([sys.executable, "-m", "moukit", *map(str, args)], capture_output=True,
                          cwd=cwd, env=_env(), timeout=timeout, check=False)
    return Outcome(proc.returncode, proc.stdout.decode("utf-8", "replace"),
                   proc.stderr.decode("utf-8", "replace"))


_TMP = re.compile(r"/\S*?/pytest-\d+/[^/\s'\"]+")


def _untmp(text: str) -> str:
    """``text`` with pytest's temporary folders replaced, so that a test's own name (part of
    its folder) can never supply a fragment the message lacks."""
    return _TMP.sub("<tmp>", text)


def assert_clean_error(result: Outcome, *fragments: str, hint: bool = False) -> None:
    """Exit status 2 and one ``moukit: error:`` message holding every fragment (any case)."""
    assert result.code == 2, (result.code, result.err[-2000:])
    assert result.err.startswith("moukit: error: "), result.err[-2000:]
    assert result.err.count("moukit: error:") == 1, result.err[-2000:]
    assert "Traceback" not in result.err and "Traceback" not in result.out, result.err[-2000:]
    message = _untmp(result.err).lower()
    for fragment in fragments:
        assert _untmp(fragment).lower() in message, (fragment, result.err[-2000:])
    if hint:
        assert "how to fix:" in result.err, result.err[-2000:]
    assert SECRET not in result.err + result.out


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of ``folder`` (hidden temporary files included) with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(Path(folder).iterdir()) if p.is_file()}


def output_options(command: str, folder: Path, fmt: str = "txt") -> list[str]:
    """The options that make ``command`` write files into ``folder``."""
    if command == "render":
        return ["-o", str(folder / f"out.{fmt}")]
    return ["--html", str(folder / "report.html"), "--redline", str(folder / "redline.docx")]


def output_paths(command: str, folder: Path, fmt: str = "txt") -> list[Path]:
    """The files :func:`output_options` names."""
    options = output_options(command, folder, fmt)
    return [Path(x) for x in options[1::2]]


def assert_refused(capsys, tmp_path: Path, command: str, inputs, *fragments: str,
                   hint: bool = False, extra=(), fmt: str = "txt") -> Outcome:
    """Run ``moukit <command> <inputs>`` twice and assert a safe failure both times.

    First with output paths that do not exist (nothing may appear, not even a temporary
    file), then with output files already there (they must keep their bytes).
    """
    result = None
    for existing in (False, True):
        folder = tmp_path / ("out-existing" if existing else "out-fresh")
        folder.mkdir(exist_ok=True)
        if existing:
            for path in output_paths(command, folder, fmt):
                path.write_bytes(ORIGINAL)
        before = snapshot(folder)
        result = run_cli(capsys, command, *map(str, inputs), *output_options(command, folder, fmt),
                         *map(str, extra))
        assert_clean_error(result, *fragments, hint=hint)
        assert snapshot(folder) == before, "an output file was created or changed"
    return result


def plant_secret(folder: Path, name: str = "secret.txt") -> Path:
    """A file holding :data:`SECRET`, for inputs that try to make moukit read it."""
    path = Path(folder) / name
    path.write_text(f"{SECRET}\n", "utf-8")
    return path


def assert_no_secret(*places) -> None:
    """No string, bytes or file (a DOCX is searched inside) among ``places`` holds the secret."""
    import io
    import zipfile

    for place in places:
        if isinstance(place, Path):
            if place.is_dir():
                assert_no_secret(*[p for p in place.rglob("*") if p.is_file()])
                continue
            place = place.read_bytes()
        if isinstance(place, str):
            place = place.encode("utf-8")
        assert SECRET.encode() not in place
        if place[:2] == b"PK":
            with zipfile.ZipFile(io.BytesIO(place)) as archive:
                for name in archive.namelist():
                    assert SECRET.encode() not in archive.read(name), name
