"""The compiled-pattern cache (moukit.text.regex_cache): a pattern read back from the cache
file is the pattern ``re.compile`` makes; a damaged, foreign or unwritable cache changes
nothing but the time; the patterns a check compiles are the same in every process (so the
cache stops growing); and a check's verdict is the same with and without it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import moukit
from moukit.text import regex_cache

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "chiang-mai-chengdu.yaml"

# patterns with what the engine's code records: groups, names, flags, look-arounds, classes,
# Thai and CJK text, possessive and atomic groups, a case-insensitive alternation
PATTERNS = [
    (r"(?P<d>\d{1,2})\s*(?P<m>January|February|March)\s*(?P<y>\d{4})", re.IGNORECASE),
    (r"(?<![\w-])(?:ผู้ว่าราชการจังหวัด|นายกเทศมนตรี)(?![\w-])", 0),
    (r"^\s*(?:ข้อ|第)\s*[0-9๐-๙一二三]+\s*(?:条|\.)?", re.MULTILINE),
    (r"(?>a+)b|(?:c|d)*+e", 0),
    (r"[^\W\d_]{2,}|(?i:straße)", 0),
    (r"(?P<x>ab)(?P=x)|\bnon[- ]binding\b", re.IGNORECASE | re.UNICODE),
]
TEXTS = ["12 March 2026", "ผู้ว่าราชการจังหวัดเชียงใหม่", "ข้อ ๓ การต่ออายุ\n第二条", "aaab ccdde",
         "STRASSE Straße", "ABAB a non-binding MOU", ""]

PROBE = """
import json, re, sys
from moukit.text import regex_cache
out = []
patterns = json.loads(sys.argv[1])
for pattern, flags in patterns:
    rx = regex_cache.compile(pattern, flags)
    out.append([rx.pattern, rx.flags, rx.groups, dict(rx.groupindex),
                [[m.span(), m.groups()] for t in json.loads(sys.argv[2]) for m in rx.finditer(t)]])
new = len(regex_cache._new)
regex_cache.save()
print(json.dumps({"results": out, "from_file": len(patterns) - new}))
"""


def _probe(folder: Path, patterns=PATTERNS, **extra_env: str) -> dict:
    """Compile ``patterns`` in a new process with the cache in ``folder``; what they matched
    and how many came from the cache file."""
    env = dict(os.environ)
    env.pop("MOUKIT_NO_CACHE", None)
    env.update(MOUKIT_CACHE_DIR=str(folder), **extra_env)
    run = subprocess.run([sys.executable, "-c", PROBE, json.dumps(patterns), json.dumps(TEXTS)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def _expected(patterns=PATTERNS) -> list:
    out = []
    for pattern, flags in patterns:
        rx = re.compile(pattern, flags)
        out.append([rx.pattern, rx.flags, rx.groups, dict(rx.groupindex),
                    [[list(m.span()), list(m.groups())] for t in TEXTS for m in rx.finditer(t)]])
    return out


def _cache_file(folder: Path) -> Path:
    (found,) = folder.glob("regex-*.bin")
    return found


def test_a_pattern_read_back_from_the_cache_is_the_one_re_compile_makes(tmp_path):
    first = _probe(tmp_path)
    assert first["from_file"] == 0  # compiled, then written by save()
    second = _probe(tmp_path)  # a new process: every pattern from the file
    assert second["from_file"] == len(PATTERNS)
    assert first["results"] == second["results"] == _expected()


def test_a_damaged_or_foreign_cache_file_is_compiled_again(tmp_path):
    _probe(tmp_path)
    cache = _cache_file(tmp_path)
    good = cache.read_bytes()
    for damaged in (b"", b"not marshal at all", good[: len(good) // 2], good[:-40] + b"\x00" * 40):
        cache.write_bytes(damaged)
        assert _probe(tmp_path)["results"] == _expected()
    # another interpreter's file: same name, other engine, ignored and replaced
    import marshal

    cache.write_bytes(marshal.dumps(("moukit-regex-2", ("other",), {})))
    run = _probe(tmp_path)
    assert run["results"] == _expected() and run["from_file"] == 0


def test_code_the_engine_refuses_is_compiled_again(tmp_path):
    import marshal

    _probe(tmp_path)
    cache = _cache_file(tmp_path)
    with cache.open("rb") as f:
        index = regex_cache._Index.read(f, marshal.load(f)[2])
        base = f.tell()
        data = bytearray(f.read())
    # every record's code replaced by nonsense of the same length (the engine validates code)
    for _, (offset, size) in index.items():
        record = list(marshal.loads(bytes(data[offset:offset + size])))
        record[2] = b"\x07" * len(record[2])
        new = marshal.dumps(tuple(record))
        assert len(new) == size
        data[offset:offset + size] = new
    cache.write_bytes(cache.read_bytes()[:base] + bytes(data))
    assert _probe(tmp_path)["results"] == _expected()


def test_no_cache_and_an_unwritable_folder_change_nothing_but_the_time(tmp_path):
    off = _probe(tmp_path / "off", MOUKIT_NO_CACHE="1")
    assert off["results"] == _expected() and not (tmp_path / "off").exists()
    # a folder that cannot be made (a file stands in its way: refused to root too)
    blocker = tmp_path / "a file"
    blocker.write_text("mine", "utf-8")
    assert _probe(blocker / "cache")["results"] == _expected()
    assert blocker.read_text("utf-8") == "mine" and list(tmp_path.iterdir()) == [blocker]


def test_what_another_process_wrote_is_kept(tmp_path):
    first, second = PATTERNS[:3], PATTERNS[3:]
    _probe(tmp_path, first)
    assert _probe(tmp_path, second)["from_file"] == 0
    assert len(_keys(_cache_file(tmp_path))) == len(PATTERNS)
    both = _probe(tmp_path)
    assert both["from_file"] == len(PATTERNS) and both["results"] == _expected()


def _keys(cache: Path) -> set:
    import marshal

    with cache.open("rb") as f:
        return {key for key, _ in regex_cache._Index.read(f, marshal.load(f)[2]).items()}


def test_the_index_finds_every_record_and_nothing_else():
    """The index of the cache file (sorted arrays searched by bisection) gives each key's
    offset and size, keys of one CRC-32 and length told apart by their flags, and None for a
    key it does not hold; written and read back, it is the same."""
    import io
    import random
    import zlib

    rng = random.Random(7)
    keys = {(zlib.crc32(str(rng.random()).encode()), rng.randint(1, 10**6), rng.choice((0, 2, 34, 290)))
            for _ in range(3000)}
    keys |= {(5, 10, 0), (5, 10, 2), (5, 10, 34), (5, 11, 0), (0xFFFFFFFF, 2**32 - 1, 2**10)}
    ordered = sorted((key, rng.randint(1, 500)) for key in keys)
    buffer = io.BytesIO()
    regex_cache._Index.of(ordered).write(buffer)
    buffer.seek(0)
    index = regex_cache._Index.read(buffer, len(ordered))
    offset = 0
    for key, size in ordered:
        assert index.get(key) == (offset, size)
        offset += size
    assert [key for key, _ in index.items()] == [key for key, _ in ordered] and len(index) == len(ordered)
    assert index.get((5, 10, 8)) is None and index.get((5, 12, 0)) is None and index.get((4, 10, 0)) is None
    with pytest.raises((EOFError, ValueError)):  # a short file: refused (_opened then uses no cache)
        regex_cache._Index.read(io.BytesIO(buffer.getvalue()[:-1]), len(ordered))


@pytest.mark.slow
def test_a_check_compiles_the_same_patterns_in_every_process(tmp_path):
    """Two checks of the same draft under different hash seeds: the second finds every
    pattern in the file and writes nothing (a pattern built from a set in hash order would be
    new in every process, and the file would grow without end); the verdicts are the same
    with the cache, without it and from it."""
    draft = tmp_path / "mou.docx"
    draft.write_bytes(moukit.render(EXAMPLE, "docx").data)
    folder = tmp_path / "cache"

    def check(seed: str, **extra) -> subprocess.CompletedProcess:
        env = dict(os.environ, MOUKIT_CACHE_DIR=str(folder), PYTHONHASHSEED=seed, **extra)
        if "MOUKIT_NO_CACHE" not in extra:
            env.pop("MOUKIT_NO_CACHE", None)
        return subprocess.run([sys.executable, "-m", "moukit", "check", str(draft), "--json"],
                              capture_output=True, text=True, env=env, timeout=300)

    first = check("1")
    cache = _cache_file(folder)
    written = cache.stat().st_mtime_ns, cache.read_bytes()
    second = check("2")
    assert (cache.stat().st_mtime_ns, cache.read_bytes()) == written
    without = check("3", MOUKIT_NO_CACHE="1")
    assert first.returncode == second.returncode == without.returncode == 0, first.stderr
    assert json.loads(first.stdout) == json.loads(second.stdout) == json.loads(without.stdout)


THREADED = """
import json, sys
from concurrent.futures import ThreadPoolExecutor
from moukit.text import regex_cache
patterns = json.loads(sys.argv[1])

def one(item):
    pattern, flags = item
    rx = regex_cache.compile(pattern, flags)
    return [rx.pattern, rx.flags, rx.groups]

with ThreadPoolExecutor(8) as pool:  # every thread asks for every pattern at once
    found = list(pool.map(one, patterns * 8))
print(json.dumps({"found": found, "new": len(regex_cache._new)}))
"""


def test_threads_reading_the_cache_at_once_get_the_right_patterns(tmp_path):
    """The workbench checks in threads: records read side by side are each their own."""
    _probe(tmp_path)  # the file, with every pattern
    env = dict(os.environ, MOUKIT_CACHE_DIR=str(tmp_path))
    env.pop("MOUKIT_NO_CACHE", None)
    run = subprocess.run([sys.executable, "-c", THREADED, json.dumps(PATTERNS)], capture_output=True,
                         text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    expected = [[re.compile(p, f).pattern, re.compile(p, f).flags, re.compile(p, f).groups] for p, f in PATTERNS]
    assert result["found"] == expected * 8 and result["new"] == 0
