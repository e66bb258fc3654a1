"""Thai provinces: official Thai and English names, lookup with "did you mean".

The list is pythainlp's (``pythainlp.corpus.provinces``): the 76 provinces and Bangkok. Their
established names in Chinese, Japanese, Korean and Vietnamese are data, in
``province_names.yaml`` (:func:`province_names`).

>>> find_province("chiang mai").name_th
'เชียงใหม่'
>>> find_province("จังหวัดขอนแก่น").name_en
'Khon Kaen'
>>> find_province("Bangkok").is_province
False
>>> province_named("清迈", "zh").name_en
'Chiang Mai'
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
    from pythainlp.util import normalize

    text = " ".join(normalize(name).split()).casefold()
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
    """Return the province named ``name`` (Thai or English, any case, or a common name such as
    Korat or โคราช), or None."""
    key = _key(name)
    return _index().get(key) or _index().get(key.replace(" ", "")) or province_alias(name)


@cache
def _aliases() -> dict[str, Province]:
    from .names import aliases

    by_name = {p.name_en: p for p in all_provinces()}
    return {_key(alias): by_name[name] for alias, name in aliases()["provinces"].items()}


def province_alias(name: str) -> Province | None:
    """The province a common name (``aliases.yaml``: Korat, โคราช, Ayutthaya) stands for, or None.

    >>> province_alias("Korat").name_en, province_alias("โคราช").name_th
    ('Nakhon Ratchasima', 'นครราชสีมา')
    """
    key = _key(name)
    return _aliases().get(key) or _aliases().get(key.replace(" ", ""))


def suggest_province(name: str) -> list[str]:
    """Up to three province names close to a misspelt ``name``."""
    names = [p.name_en for p in all_provinces()] + [p.name_th for p in all_provinces()]
    keyed = {_key(n): n for n in names}
    close = difflib.get_close_matches(_key(name), list(keyed), n=3, cutoff=0.6)
    return [keyed[c] for c in close]


@cache
def province_names() -> dict[str, dict[str, tuple[str, ...]]]:
    """The provinces' established names in other languages: English name -> language ->
    spellings (``province_names.yaml``)."""
    from importlib import resources

    from .._yaml import load_yaml

    text = resources.files(__package__).joinpath("province_names.yaml").read_text("utf-8")
    data = load_yaml(text) or {}
    return {name: {lang: tuple(spellings) for lang, spellings in langs.items()} for name, langs in data.items()}


@cache
def _lexicon_index(lang: str) -> dict[str, Province]:
    by_name = {p.name_en: p for p in all_provinces()}
    index: dict[str, Province] = {}
    for name_en, langs in province_names().items():
        for spelling in langs.get(lang, ()):
            index["".join(spelling.split()).casefold()] = by_name[name_en]
    return index


def province_named(name: str, lang: str) -> Province | None:
    """The province whose established name in ``lang`` is ``name`` (written without its word
    for "province"), or None; Thai and English names are looked up in the province list."""
    if lang in ("th", "en"):
        return find_province(name)
    return _lexicon_index(lang).get("".join(name.split()).casefold())


def names_in(province: Province, lang: str) -> tuple[str, ...]:
    """The established names of ``province`` in ``lang`` (empty when it has none listed)."""
    if lang == "th":
        return (province.name_th,)
    if lang == "en":
        return (province.name_en,)
    return province_names().get(province.name_en, {}).get(lang, ())
