"""Sets over all the shipped packs, computed at build time (``compiled/shipped.json``).

Telling the language versions of a draft apart needs facts about every pack at once: the
words of each Latin-script pack, the lines a title starts with in every language, the
language headings and layout lines of every ``layout.yaml``; and the shape of each pack's
dates and the separators of its lists (which babel writes), to read a date or a list
without loading babel's locale data. Computing them reads and renders
all the packs, a tenth of a second in every process, for the same result each time.
``python -m moukit.reference`` therefore writes them into ``compiled/shipped.json``
(:func:`moukit.reference.shipped.shipped_json`; its check and the tests keep the file
current). The file is used only for the shipped packs alone (not with a user's
``--templates``), and only when the packs' and forms' data files and babel (which writes
the dates and lists) are the ones it was made from: a digest of them is in the file. Otherwise the sets
are computed as before.

Each pack's own data for the check (the form's clause patterns in its language, built from
its templates and lexicon, so that a check renders no template; the form's vocabulary,
read from its templates, lexicon, word list and meaning units and cut into words by
pythainlp) is in files of its own, ``compiled/<name>-<lang>.json``, read only when a version
in that language is checked, and used only when the digest of the data above, of that pack's
``units.yaml`` and pythainlp's version are the ones it was made from. The clause patterns of
the accepted texts a pack ships (:mod:`moukit.checking.accepted`) are in
``compiled/accepted-<lang>.json``, read only when a version is not in moukit's own wording.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

FILE = Path(__file__).resolve().parent / "compiled" / "shipped.json"


def sources() -> list[Path]:
    """The data files the shipped sets are computed from, in a stable order: every pack's
    YAML files and templates (and those of the accepted texts it ships), and the forms' YAML
    files, but for the meaning units (``units.yaml``, two thirds of the bytes), which only the
    check of a translation reads."""
    packs = FILE.parent.parent
    forms = packs.parent / "forms"
    folders = [folder for folder in sorted(packs.iterdir()) if (folder / "lexicon.yaml").is_file()]
    folders += [text for folder in folders if (folder / "accepted").is_dir()
                for text in sorted((folder / "accepted").iterdir()) if text.is_dir()]
    files = [p for folder in folders for p in sorted(folder.iterdir()) if p.suffix in (".yaml", ".j2")]
    return [p for p in files + sorted(forms.glob("*.yaml")) if p.name != "units.yaml"]


@cache
def sources_digest() -> str:
    """SHA-256 of :func:`sources` (each file's path and bytes) and babel's version (read
    without importing babel)."""
    from ..text.cldr import babel_version

    version = babel_version()
    if version is None:
        import babel

        version = babel.__version__
    digest = hashlib.sha256(f"babel {version}\n".encode())
    top = FILE.parent.parent.parent
    for path in sources():
        data = path.read_bytes()
        digest.update(f"{path.relative_to(top).as_posix()} {len(data)}\n".encode())
        digest.update(data)
    return digest.hexdigest()


@cache
def _data() -> dict | None:
    try:
        data = json.loads(FILE.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if data.get("sources_sha256") == sources_digest() else None


def shipped_table(name: str) -> dict | None:
    """A precomputed table ``name`` whose keys say what each entry was computed from (the date
    formats of the shipped packs, by their lexicon's settings): good for any library, or None
    when the file is missing or was made from other data."""
    data = _data()
    return data[name] if data is not None else None


def shipped(library, name: str):
    """The set ``name`` precomputed for ``library``, or None: the library is not the shipped
    packs alone, or the file is missing or was made from other data."""
    from .library import builtin_templates_dir

    if tuple(library.dirs) != (builtin_templates_dir(),):
        return None
    data = _data()
    return data[name] if data is not None else None


def pack_data_file(name: str, lang: str) -> Path:
    """Where the precomputed data ``name`` of the shipped pack ``lang`` lives."""
    return FILE.parent / f"{name}-{lang}.json"


def pack_digest(lang: str) -> str:
    """SHA-256 of what a pack's precomputed data is made from besides :func:`sources_digest`:
    the meaning units (the pack's ``units.yaml`` and the form's) and pythainlp's version (its
    segmenter and normaliser)."""
    from .._installed import version_of

    version = version_of("pythainlp")  # (its import takes 40 ms, which a check may not need)
    if version is None:
        import pythainlp

        version = pythainlp.__version__
    digest = hashlib.sha256(f"{sources_digest()}\npythainlp {version}\n".encode())
    for units in (FILE.parent.parent / lang / "units.yaml", FILE.parent.parent.parent / "forms" / "units.yaml"):
        digest.update(units.read_bytes() if units.is_file() else b"")
        digest.update(b"\n")
    return digest.hexdigest()


def shipped_pack_data(pack, name: str) -> dict | None:
    """The data ``name`` precomputed for ``pack``, or None: the pack is not a shipped pack
    alone (nor, for the ``patterns``, an accepted text a shipped pack holds, over that pack:
    they are in ``compiled/accepted-<lang>.json``), or its file is missing or was made from
    other data."""
    from .library import builtin_templates_dir

    home = builtin_templates_dir() / pack.lang
    dirs = tuple(pack.dirs)
    accepted = (name == "patterns" and len(dirs) == 2 and dirs[1] == home
                and dirs[0].parent == home / "accepted")
    if dirs != (home,) and not accepted:
        return None
    data = _pack_file("accepted" if accepted else name, pack.lang)
    if data is None or data.get("sha256") != pack_digest(pack.lang):
        return None
    return data.get(dirs[0].name) if accepted else data


@cache
def _pack_file(name: str, lang: str) -> dict | None:
    """The file of precomputed data ``name`` of the shipped pack ``lang``, read once (each
    instrument, and each cache built from it, asks for it), or None when it cannot be read.
    Callers build their own objects from it and never change it."""
    try:
        data = json.loads(pack_data_file(name, lang).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
