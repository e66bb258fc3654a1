"""Compiled regular expressions kept between processes, as Python keeps a module's bytecode.

Python compiles a regular expression in Python code (a parser, then a code generator) and
keeps the result in memory only. A fresh ``moukit check`` compiles about a thousand patterns
built from the form and the packs (the rules' searches, clause numbers and titles, the
form's versions); that was a third of its time, paid again by every process. Those patterns
are the same in every process of a moukit version, so :func:`compile` keeps the engine's
code for them in a file in the user's cache folder and gives it back to the regex engine
(``_sre.compile``, the step ``re.compile`` ends with) in the next process.

No library does this (``regex`` and ``re`` both pickle a pattern as its source and compile it
again on load), so it is written here, with these safeguards:

- An entry is found by the pattern's whole text and flags: a changed pattern is a new entry,
  never stale code. The file names the interpreter, the engine's version (``_sre.MAGIC``) and
  the Unicode database it was written with; another one ignores it.
- The engine checks code it is given (CPython validates it in ``_sre.compile``); an entry it
  refuses, a file that cannot be read, or an interpreter without these internals is compiled
  the ordinary way. A cache can make a check slower, never different.
- Only patterns made from moukit's own data go through here (callers choose), so the file
  stops growing; it is rewritten from scratch past :data:`MAX_ENTRIES` all the same.
- The file is an index followed by one record per pattern; a process reads the index and
  only the records it uses (the whole file in memory cost a check 5 MB more than it has).
  The index is four arrays of machine integers (the keys in order, their flags, offsets and
  sizes), read in one step and searched by bisection: unmarshalling it as a dict took about
  3.5 microseconds an entry, 30 ms of every process with a cache of 9,000 patterns.
- Nothing is written unless a process compiled something new; the file is replaced
  atomically, so processes running side by side never read half a file.
- ``MOUKIT_CACHE_DIR`` chooses the folder; ``MOUKIT_NO_CACHE=1`` turns the cache off (then moukit
  writes nothing but the files it is asked to write). A folder that cannot be written leaves
  the cache in memory only.
"""

from __future__ import annotations

import _thread
import atexit
import contextlib
import marshal
import os
import re
import sys
import unicodedata
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate
from pathlib import Path
from typing import BinaryIO

MAX_ENTRIES = 20_000
_FORMAT = "moukit-regex-3"

Key = tuple[int, int, int]  # the pattern's CRC-32 and length, and the flags
_memory: dict[tuple[str, int], re.Pattern] = {}
_index: _Index | None = None  # where each record is, read on first use
_file: BinaryIO | None = None
_base = 0  # where the records start in _file
_new: dict[Key, bytes] = {}  # records compiled by this process, not yet in the file
_reading = _thread.allocate_lock()  # one seek-and-read at a time (the workbench checks in threads)


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - the name says what it is
    """``re.compile(pattern, flags)``, from the cache folder when this pattern was compiled
    by an earlier process.

    >>> compile(r"(?P<n>\\d+) pages").match("12 pages")["n"]
    '12'
    """
    flags = int(flags)  # a plain int: re.RegexFlag is not marshalled
    found = _memory.get((pattern, flags))
    if found is None:
        found = _memory[(pattern, flags)] = _from_cache(pattern, flags) or _compile_and_keep(pattern, flags)
    return found


def longest_first(alternatives: Iterable[str]) -> list[str]:
    """Alternatives for a regex alternation: longest first (so none hides a longer one it
    begins), then in code-point order, so that the same words make the same pattern in every
    process (a set's order changes from process to process) and the cache finds it.

    >>> longest_first({"May", "June", "March"})
    ['March', 'June', 'May']
    """
    return sorted(alternatives, key=lambda text: (-len(text), text))


def save() -> None:
    """Write what this process compiled to the cache file; called at exit and by the CLI,
    which ends without Python's exit handlers. A disk that refuses leaves the cache as it was."""
    global _index
    if not _new or not _enabled():
        return
    with _reading:
        records = {**_stored_records(), **_new}
        if len(records) > MAX_ENTRIES:
            records = dict(_new)
        _close()
        if _write(_path(), records):
            _index = None  # read again (with this process's records) if more is compiled
            _new.clear()


def _write(path: Path, records: dict[Key, bytes]) -> bool:
    """Replace the cache file with ``records`` in one step; False when the disk refuses."""
    import tempfile

    ordered = sorted(records.items())
    index = _Index.of([(key, len(record)) for key, record in ordered])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=".regex-")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            marshal.dump((_FORMAT, _engine(), len(ordered)), out)
            index.write(out)
            out.writelines(record for _, record in ordered)
        os.replace(name, path)
    except (OSError, ValueError):  # ValueError: an entry marshal cannot write
        with contextlib.suppress(OSError):
            os.unlink(name)
        return False
    return True


def _from_cache(pattern: str, flags: int) -> re.Pattern | None:
    """The pattern built from its stored record, or None when there is none or it is refused."""
    with _reading:
        place = _opened().get(_key(pattern, flags))
        if place is None or _file is None:
            return None
        try:
            _file.seek(_base + place[0])
            record = _file.read(place[1])
        except (OSError, ValueError):
            return None
    try:
        stored, final_flags, code, groups, groupindex, indexgroup = marshal.loads(record)
        if stored != pattern:  # another pattern with the same key
            return None
        return _sre_compile(pattern, final_flags, array(_CODE_TYPE, code).tolist(), groups,
                            groupindex, indexgroup)
    except Exception:  # noqa: BLE001 - a damaged record or code the engine refuses: compiled again
        return None


def _compile_and_keep(pattern: str, flags: int) -> re.Pattern:
    """Compile as ``re.compile`` does and keep the engine's code for the cache file."""
    if not _enabled():
        return re.compile(pattern, flags)
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        final_flags, groups = int(flags | parsed.state.flags), parsed.state.groups - 1
        compiled = _sre_compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup))
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - internals that differ: the ordinary way, uncached
        return re.compile(pattern, flags)
    _new[_key(pattern, flags)] = marshal.dumps(
        (pattern, final_flags, array(_CODE_TYPE, code).tobytes(), groups, groupindex, tuple(indexgroup)))
    return compiled


def _key(pattern: str, flags: int) -> Key:
    return zlib.crc32(pattern.encode("utf-8", "surrogatepass")), len(pattern), flags


class _Index:
    """Where each record of the cache file is: four arrays in the keys' order (a key's CRC-32
    and length as one number, its flags, its record's offset and size), searched by bisection."""

    def __init__(self, keys: array, flags: array, offsets: array, sizes: array) -> None:
        self.keys, self.flags, self.offsets, self.sizes = keys, flags, offsets, sizes

    @classmethod
    def of(cls, entries: list[tuple[Key, int]]) -> _Index:
        """The index of records of these keys and sizes, in this order (sorted by key)."""
        offsets = list(accumulate((size for _, size in entries), initial=0))[:-1]
        return cls(array("Q", [_number(key) for key, _ in entries]),
                   array("Q", [key[2] for key, _ in entries]),
                   array("Q", offsets), array("Q", [size for _, size in entries]))

    @classmethod
    def read(cls, file: BinaryIO, count: int) -> _Index:
        """The index of ``count`` records, read from ``file`` where :meth:`write` wrote it."""
        arrays = []
        for _ in range(4):
            part = array("Q")
            part.fromfile(file, count)  # EOFError when the file is short
            arrays.append(part)
        return cls(*arrays)

    def write(self, file: BinaryIO) -> None:
        """Write the four arrays to ``file``."""
        for part in (self.keys, self.flags, self.offsets, self.sizes):
            part.tofile(file)

    def get(self, key: Key) -> tuple[int, int] | None:
        """The offset and size of ``key``'s record, or None."""
        number = _number(key)
        at = bisect_left(self.keys, number)
        while at < len(self.keys) and self.keys[at] == number:
            if self.flags[at] == key[2]:
                return self.offsets[at], self.sizes[at]
            at += 1
        return None

    def items(self) -> Iterable[tuple[Key, tuple[int, int]]]:
        """Each key with the offset and size of its record."""
        for number, flags, offset, size in zip(self.keys, self.flags, self.offsets, self.sizes):
            yield (number >> 32, number & 0xFFFFFFFF, flags), (offset, size)

    def __len__(self) -> int:
        return len(self.keys)


def _number(key: Key) -> int:
    """A key's CRC-32 and length as one number (a pattern is shorter than 4 GB)."""
    return key[0] << 32 | key[1]


_EMPTY = _Index(array("Q"), array("Q"), array("Q"), array("Q"))


def _opened() -> _Index:
    """The index of the cache file, opening it on first use (empty when it cannot be used)."""
    global _index, _file, _base
    if _index is None:
        _index = _EMPTY
        if _enabled():
            try:
                _file = _path().open("rb")
                fmt, engine, count = marshal.load(_file)
                if fmt == _FORMAT and engine == _engine() and isinstance(count, int):
                    _index = _Index.read(_file, count)
                    _base = _file.tell()
            except (OSError, EOFError, ValueError, TypeError):
                _index = _EMPTY
    return _index


def _stored_records() -> dict[Key, bytes]:
    """Every record of the cache file, to write them again with the new ones."""
    records = {}
    for key, (offset, size) in _opened().items():
        try:
            _file.seek(_base + offset)  # type: ignore[union-attr]
            records[key] = _file.read(size)  # type: ignore[union-attr]
        except (OSError, ValueError):
            return {}
    return records


def _close() -> None:
    """Close the cache file (Windows replaces no file that is open)."""
    global _file
    if _file is not None:
        _file.close()
        _file = None


def _engine() -> tuple:
    """What the engine's code depends on besides the pattern."""
    return (sys.implementation.cache_tag, tuple(sys.version_info), _MAGIC, _CODE_TYPE,
            unicodedata.unidata_version, sys.maxunicode, sys.byteorder, array("Q").itemsize)


def _enabled() -> bool:
    """Whether the cache file is used: CPython's internals are there and nobody turned it off."""
    return _sre_compile is not None and os.environ.get("MOUKIT_NO_CACHE", "") in ("", "0")


def _path() -> Path:
    """The cache file: in ``MOUKIT_CACHE_DIR``, else the system's cache folder for moukit
    (``%LOCALAPPDATA%\\moukit\\Cache``, ``~/Library/Caches/moukit``, ``$XDG_CACHE_HOME/moukit``
    or ``~/.cache/moukit``, as platformdirs names them: not imported for these few lines, since
    its import alone takes 16 ms of a command's start), one file per interpreter."""
    folder = os.environ.get("MOUKIT_CACHE_DIR")
    if not folder:
        home = os.path.expanduser("~")
        if sys.platform == "win32":
            folder = os.path.join(os.environ.get("LOCALAPPDATA") or os.path.join(home, "AppData", "Local"),
                                  "moukit", "Cache")
        elif sys.platform == "darwin":
            folder = os.path.join(home, "Library", "Caches", "moukit")
        else:
            folder = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache"), "moukit")
    return Path(folder) / f"regex-{sys.implementation.cache_tag}.bin"


try:  # CPython's regex compiler, the pieces re.compile is made of
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _sre_compile = _sre.compile
    _MAGIC = _sre.MAGIC
    _CODE_TYPE = next(t for t in "HIL" if array(t).itemsize == _sre.CODESIZE)
except (ImportError, AttributeError, StopIteration):  # another interpreter: re.compile every time
    _sre_compile = None
    _MAGIC, _CODE_TYPE = 0, "I"

atexit.register(save)
