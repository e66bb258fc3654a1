"""Thai provinces: official Thai and English names, lookup with "did you mean".

The list is pythainlp's (``pythainlp.corpus.provinces``): the 76 provinces and Bangkok.

>>> find_province("chiang mai").name_th
'เชียงใหม่'
>>> find_province("จังหวัดขอนแก่น").name_en
'Khon Kaen'
>>> find_province("Bangkok").is_province
False
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache

BANGKOK_EN = "Bangkok"


@dataclass(frozen=True)
class Province:
    """A Thai province (or Bangkok) with its official names."""

    name_en: str
    name_th: str
    abbr_en: str

    @property
    def is_province(self) -> bool:
        """False for Bangkok, a special local government rather than a province."""
        return self.name_en != BANGKOK_EN


@cache
def all_provinces() -> tuple[Province, ...]:
    """Every entry of pythainlp's province list, sorted by English name."""
    from pythainlp.corpus import provinces

    rows = provinces(details=True)
    return tuple(
        sorted(
            (Province(r["name_en"], r["name_th"], r["abbr_en"]) for r in rows),
            key=lambda p: p.name_en,
        )
    )


def _key(name: str) -> str:
    text = " ".join(name.split()).casefold()
    for prefix in ("จังหวัด", "province of "):
        if text.startswith(prefix):
            text = text[len(prefix) :].strip()
    for suffix in (" province",):
        if text.endswith(suffix):
            text = text[: -len(suffix)].strip()
    return text.replace("-", " ")


@cache
def _index() -> dict[str, Province]:
    index: dict[str, Province] = {}
    for p in all_provinces():
        for name in (p.name_en, p.name_th, p.abbr_en):
            index[_key(name)] = p
        index[_key(p.name_en).replace(" ", "")] = p
    index["bangkok metropolis"] = index["bangkok"]
    index["bangkok metropolitan administration"] = index["bangkok"]
    return index


def find_province(name: str) -> Province | None:
    """Return the province named ``name`` (Thai or English, any case), or None."""
    key = _key(name)
    return _index().get(key) or _index().get(key.replace(" ", ""))


def suggest_province(name: str) -> list[str]:
    """Up to three province names close to a misspelt ``name``."""
    names = [p.name_en for p in all_provinces()] + [p.name_th for p in all_provinces()]
    keyed = {_key(n): n for n in names}
    close = difflib.get_close_matches(_key(name), list(keyed), n=3, cutoff=0.6)
    return [keyed[c] for c in close]
