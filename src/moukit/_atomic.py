"""Atomic file writes: the file appears complete or not at all.

The data goes to a temporary file in the target's folder, is flushed to disk, then renamed
over the target. On any error or interrupt the temporary file is removed and an existing
file at the path is left as it was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError
from .i18n import N_


def check_target(path: str | Path) -> Path:
    """Raise :class:`OutputError` unless ``path`` can receive a file: not a directory, not a
    device or a pipe (never replaced), in a folder that exists."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(N_("{file}: is a directory", file=path),
                          hint=N_("give the name of a file, e.g. mou.docx"))
    if path.exists() and not path.is_file() or path.is_symlink() and not path.exists():
        raise OutputError(N_("{file}: is not a regular file (a device, a pipe or a broken link)",
                             file=path), hint=N_("give the name of a file to create or replace"))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(N_("{file}: the folder {folder} does not exist", file=path, folder=folder),
                          hint=N_("create it first"))
    return path


def write_all_atomic(outputs: list[tuple[str | Path, bytes]]) -> list[Path]:
    """Write several files, each atomically, after checking every target first: a bad path
    leaves every file as it was."""
    for path, _ in outputs:
        check_target(path)
    return [write_atomic(path, data) for path, data in outputs]


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; raise :class:`OutputError` when it cannot."""
    path = check_target(path)
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            try:
                os.chmod(tmp_name, path.stat().st_mode & 0o7777)
            except OSError:
                pass
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise OutputError(N_("{file}: cannot write ({error})", file=path, error=exc.strerror or exc),
                          hint=N_("check the folder exists, is writable and has free space")) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
    return path
