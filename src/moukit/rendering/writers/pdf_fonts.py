"""The fonts of a PDF: which font each language version is set in, found on this machine, and
proof that every character has a glyph (a missing one is an error that names the font to
install, never a box on the page).

The choices are data, in ``pdf_fonts.yaml``: per language, the scripts whose fonts it uses in
order; per script, the font families to look for and how to install them. Sarabun (the open
version of TH Sarabun New) and Noto Serif come from Python packages; CJK and Myanmar fonts
from the system. Whether a font has a character is read from its ``cmap`` with fontTools.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...errors import OutputError
from ...i18n import N_

# the Python packages that ship fonts, by family
PACKAGED = {"Sarabun": "fontpkg_sarabun", "Noto Serif": "fontpkg_noto_serif"}


@dataclass(frozen=True)
class Face:
    """One font file (a collection's member by ``index``) of a family."""

    family: str
    path: str
    index: int


@dataclass(frozen=True)
class VersionFonts:
    """The font families a version is set in (in order) and its size in points."""

    families: tuple[str, ...]
    size: float


@lru_cache(maxsize=1)
def _table() -> dict:
    from ..._yaml import load_yaml

    return load_yaml(Path(__file__).with_name("pdf_fonts.yaml").read_text(encoding="utf-8"))


def _package_folder(module: str) -> str | None:
    try:
        package = __import__(module)
    except ImportError:
        return None
    return str(Path(package.ROOT) / "files")


@lru_cache(maxsize=1)
def typeset_fonts():
    """This machine's fonts as the typesetter sees them (the packaged ones and the system's,
    not Typst's own), scanned once per process; the PDF is set with these."""
    import typst

    folders = [f for f in (_package_folder(m) for m in PACKAGED.values()) if f]
    return typst.Fonts(include_system_fonts=True, include_embedded_fonts=False, font_paths=folders)


@lru_cache(maxsize=1)
def installed() -> dict[str, tuple[Face, ...]]:
    """The font faces this machine has, by family: the packaged ones and the system's."""
    found: dict[str, list[Face]] = {}
    for info in typeset_fonts().fonts():
        if info.path and info.style == "normal":
            found.setdefault(info.family, []).append(Face(info.family, info.path, info.index))
    return {family: tuple(sorted(faces, key=lambda f: (f.path, f.index))) for family, faces in found.items()}


@lru_cache(maxsize=64)
def _characters(face: Face) -> frozenset[int]:
    """The code points ``face`` has a glyph for."""
    from fontTools.ttLib import TTFont

    with TTFont(face.path, fontNumber=face.index, lazy=True) as font:
        return frozenset(font.getBestCmap() or {})


def _ignorable(char: str) -> bool:
    """Characters that need no glyph: spaces, controls, format characters (ZWSP, word joiner)."""
    return char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp")


def fonts_for(lang: str, text: str) -> VersionFonts:
    """The fonts of the ``lang`` version whose text is ``text``: the families of its scripts
    that this machine has (then those of the other scripts, for a name written in another
    script), keeping only those that have a character of ``text`` the earlier ones lack.

    Raises :class:`OutputError` naming the character, the fonts looked for and how to install
    one when no font has it."""
    table = _table()
    setting = table["languages"].get(lang, table["languages"]["default"])
    scripts = list(setting["fonts"]) + [s for s in table["scripts"] if s not in setting["fonts"]]
    have = installed()
    needed = {ord(c) for c in set(text) if not _ignorable(c)}
    families: list[str] = []
    for script in scripts:
        family = next((f for f in table["scripts"][script]["families"] if f in have), None)
        if family is None or not needed:
            continue
        has = needed & _characters(have[family][0])
        if has or script == setting["fonts"][0]:
            families.append(family)
            needed -= has
    if needed:
        char = chr(min(needed))
        entry = table["scripts"][_script_of(char, lang)]
        raise OutputError(
            N_("no font on this machine has the character {character} ({code}) of the {lang} "
               "version: moukit looked for {fonts}", character=char, code=f"U+{ord(char):04X}",
               lang=lang, fonts=", ".join(entry["families"])),
            hint=N_("install {install}, or render another format (DOCX, HTML)", install=entry["install"]))
    return VersionFonts(tuple(families), float(setting["size"]))


def _script_of(char: str, lang: str) -> str:
    """The script (a key of ``pdf_fonts.yaml``) whose fonts should have ``char``."""
    name = unicodedata.name(char, "")
    if name.startswith("THAI"):
        return "thai"
    if name.startswith("MYANMAR"):
        return "myanmar"
    if name.startswith(("HIRAGANA", "KATAKANA")):
        return "ja"
    if name.startswith("HANGUL"):
        return "ko"
    if name.startswith(("CJK", "IDEOGRAPHIC", "FULLWIDTH")):
        return lang if lang in ("zh", "ja", "ko") else "zh"
    return "latin"
