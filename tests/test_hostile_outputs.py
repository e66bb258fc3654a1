"""Output files under hostile conditions: the file appears complete or not at all.

For ``render -o``, ``check --html`` and ``check --redline``: the path is a folder, its folder
is missing or not writable, the disk fills up, the write is interrupted. We run as root, so
permissions are simulated by making ``tempfile.mkstemp`` or ``os.replace`` raise inside
``moukit._atomic`` only. Every case checks that nothing new appears in the folder (no
temporary ``.part`` file either) and that a file already at the path keeps its bytes.
"""

from __future__ import annotations

import errno
import os
import tempfile

import pytest

import moukit
import moukit._atomic
from hostile import specs as hs
from hostile.harness import ORIGINAL, assert_clean_error, run_cli, run_module, snapshot

pytestmark = pytest.mark.slow  # hostile input, with child processes under limits: pytest -m "not slow" leaves it out

TARGETS = ("render", "html", "redline")


@pytest.fixture
def inputs(tmp_path):
    """A valid spec and a genuine DOCX draft rendered from it, in their own folder."""
    folder = tmp_path / "in"
    folder.mkdir()
    spec = hs.write(folder, "spec.yaml", hs.dump(hs.base()))
    draft = folder / "draft.docx"
    draft.write_bytes(moukit.render(moukit.load_spec(spec), "docx").data)
    return spec, draft


def command(target: str, inputs, path) -> list:
    """The command line that writes ``path`` for ``target``."""
    spec, draft = inputs
    if target == "render":  # --force: reach the write even over a file a person made
        return ["render", spec, "-o", path, "--force"]
    return ["check", draft, f"--{target}", path]


def output_name(target: str) -> str:
    return {"render": "out.docx", "html": "report.html", "redline": "redline.docx"}[target]


class Proxy:
    """A module seen through a few replaced attributes (only inside moukit._atomic)."""

    def __init__(self, module, **overrides) -> None:
        self._module = module
        self.__dict__.update(overrides)

    def __getattr__(self, name):
        return getattr(self._module, name)


class FailingFile:
    """A file object that writes half of the data, then raises ``exc``."""

    def __init__(self, handle, exc: BaseException) -> None:
        self.handle = handle
        self.exc = exc

    def __enter__(self):
        return self

    def __exit__(self, *info) -> None:
        self.handle.close()

    def write(self, data) -> int:
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise self.exc

    def __getattr__(self, name):
        return getattr(self.handle, name)


def fail_write(monkeypatch, exc: BaseException) -> None:
    def fdopen(fd, *args, **kwargs):
        return FailingFile(os.fdopen(fd, *args, **kwargs), exc)

    monkeypatch.setattr(moukit._atomic, "os", Proxy(os, fdopen=fdopen))


def fail_fsync(monkeypatch, exc: BaseException) -> None:
    def fsync(fd):
        raise exc

    monkeypatch.setattr(moukit._atomic, "os", Proxy(os, fsync=fsync))


def fail_replace(monkeypatch, exc: BaseException) -> None:
    def replace(src, dst):
        raise exc

    monkeypatch.setattr(moukit._atomic, "os", Proxy(os, replace=replace))


def fail_mkstemp(monkeypatch, exc: BaseException) -> None:
    def mkstemp(*args, **kwargs):
        raise exc

    monkeypatch.setattr(moukit._atomic, "tempfile", Proxy(tempfile, mkstemp=mkstemp))


FAILURES = {
    # name: (patch, exception, fragments of the message)
    "folder-not-writable": (fail_mkstemp, PermissionError(errno.EACCES, "Permission denied"),
                            ("cannot write", "Permission denied")),
    "rename-refused": (fail_replace, PermissionError(errno.EACCES, "Permission denied"),
                       ("cannot write", "Permission denied")),
    "disk-full-on-write": (fail_write, OSError(errno.ENOSPC, "No space left on device"),
                           ("cannot write", "No space left on device")),
    "disk-full-on-fsync": (fail_fsync, OSError(errno.ENOSPC, "No space left on device"),
                           ("cannot write", "No space left on device")),
    "io-error": (fail_write, OSError(errno.EIO, "Input/output error"),
                 ("cannot write", "Input/output error")),
}


@pytest.mark.parametrize("existing", [False, True], ids=["fresh", "existing"])
@pytest.mark.parametrize("failure", sorted(FAILURES))
@pytest.mark.parametrize("target", TARGETS)
def test_write_failures_leave_nothing_behind(capsys, monkeypatch, tmp_path, inputs, target,
                                             failure, existing):
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / output_name(target)
    if existing:
        path.write_bytes(ORIGINAL)
    before = snapshot(folder)
    patch, exc, fragments = FAILURES[failure]
    patch(monkeypatch, exc)
    result = run_cli(capsys, *command(target, inputs, path))
    assert_clean_error(result, path.name, *fragments, hint=True)
    assert snapshot(folder) == before


@pytest.mark.parametrize("existing", [False, True], ids=["fresh", "existing"])
@pytest.mark.parametrize("target", TARGETS)
def test_interrupted_write_leaves_no_partial_file(capsys, monkeypatch, tmp_path, inputs, target,
                                                  existing):
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / output_name(target)
    if existing:
        path.write_bytes(ORIGINAL)
    before = snapshot(folder)
    fail_write(monkeypatch, KeyboardInterrupt())
    result = run_cli(capsys, *command(target, inputs, path))
    assert result.code == 130  # the documented status of an interrupt (not 2)
    assert result.err.strip() == "moukit: interrupted"
    assert snapshot(folder) == before


@pytest.mark.parametrize("target", TARGETS)
def test_output_path_is_a_folder(capsys, tmp_path, inputs, target):
    folder = tmp_path / output_name(target)
    folder.mkdir()
    (folder / "keep.txt").write_bytes(ORIGINAL)
    result = run_cli(capsys, *command(target, inputs, folder))
    assert_clean_error(result, output_name(target), "is a directory", hint=True)
    assert snapshot(folder) == {"keep.txt": ORIGINAL}


@pytest.mark.parametrize("target", TARGETS)
def test_output_folder_missing(capsys, tmp_path, inputs, target):
    path = tmp_path / "missing" / output_name(target)
    result = run_cli(capsys, *command(target, inputs, path))
    assert_clean_error(result, "does not exist", hint=True)
    assert not path.parent.exists()


@pytest.mark.parametrize("target", TARGETS)
def test_symlink_at_the_output_path_is_not_written_through(capsys, tmp_path, inputs, target):
    victim = tmp_path / "victim.txt"
    victim.write_bytes(ORIGINAL)
    link = tmp_path / output_name(target)
    link.symlink_to(victim)
    result = run_cli(capsys, *command(target, inputs, link))
    assert result.code in (0, 1), result.err
    assert victim.read_bytes() == ORIGINAL
    assert not link.is_symlink() and link.stat().st_size > 0


def test_write_failure_in_a_whole_process_has_no_traceback(tmp_path, inputs):
    spec, draft = inputs
    for args in (["render", spec, "-o", tmp_path / "missing" / "out.docx"],
                 ["check", draft, "--html", tmp_path / "missing" / "report.html"]):
        result = run_module(*args, cwd=tmp_path)
        assert_clean_error(result, "does not exist", hint=True)
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("target", TARGETS)
def test_special_file_at_the_output_path_is_not_replaced(capsys, tmp_path, inputs, target):
    import stat

    fifo = tmp_path / output_name(target)
    os.mkfifo(fifo)
    result = run_cli(capsys, *command(target, inputs, fifo))
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced by a regular file"
    if result.code == 2:
        assert_clean_error(result, output_name(target))


def test_failed_check_writes_no_output_at_all(capsys, tmp_path, inputs):
    _, draft = inputs
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "redline.docx").mkdir()
    before = snapshot(folder)
    result = run_cli(capsys, "check", draft, "--html", folder / "report.html",
                     "--redline", folder / "redline.docx")
    assert result.code == 2
    assert snapshot(folder) == before
