"""Shared helpers for the per-language text tests (test_packs, test_ko_particles, test_vi_capitals).

Each language with a data file ``data/packs/<lang>.yaml`` is covered by test_packs.py. A spec
is built as the YAML a user writes, from a partner record and a Thai-party record of that file
(names, place, signatories in each language); golden full texts are compared byte for byte;
the file's expected strings are checked with :func:`check`.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

import pytest
import yaml

import moukit

GOLDEN = Path(__file__).parent / "golden"
PACK_DATA = Path(__file__).parent / "data" / "packs"
# The languages covered by test_packs.py: one data file each.
LANGS = sorted(p.stem for p in PACK_DATA.glob("*.yaml"))


def spec_yaml(instrument: str, partner: dict, thai: dict, *, partner_language: str | None = None,
              **top) -> str:
    """A complete spec as YAML text, with top-level ``top`` values.

    ``partner``: lang, country, level, name, place, person, position (texts by language);
    ``thai``: province, name, person, position, position_en, position_th (texts in the
    partner's language unless suffixed). ``partner_language``: the language the partner
    speaks, when it is not ``partner["lang"]`` (the language of the texts).
    """
    lang = partner["lang"]
    data = {
        "instrument": instrument,
        "thai_party": {"province": thai["province"], "name": {lang: thai["name"]}},
        "partner": {"name": partner["name"], "country": partner["country"],
                    "level": partner["level"], "language": partner_language or lang},
        "fields": ["economy", "trade", "tourism"],
        "signing": {"place": partner["place"], "date": "2026-11-22"},
        "signatories": {
            "thai": {"name": {"en": "Mr. Somchai Jaidee", "th": "นายสมชาย ใจดี", lang: thai["person"]},
                     "position": {"en": thai["position_en"], "th": thai["position_th"],
                                  lang: thai["position"]}},
            "partner": {"name": partner["person"], "position": partner["position"]},
        },
    }
    if instrument == "mou":
        data["term"] = "open"
    other = thai.get("in_partner_language")  # the Thai party in a third language (a Thai pack's data)
    if other and partner_language:
        data["thai_party"]["name"][partner_language] = other["name"]
        for key in ("name", "position"):
            data["signatories"]["thai"][key][partner_language] = other[key if key == "position" else "person"]
    data.update(top)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@cache
def pack_data(lang: str) -> dict:
    """The expectations for ``lang`` (data/packs/<lang>.yaml). Shared between tests: do not modify."""
    return yaml.safe_load((PACK_DATA / f"{lang}.yaml").read_text("utf-8"))


def make_spec(lang: str, instrument: str, partner: str | None = None, *, thai: dict | None = None,
              partner_language: str | None = None, **top):
    """A validated spec from ``lang``'s data file: ``partner`` is a role of its ``partners``
    ("city", "province"; default: its ``default_partner``), ``thai`` overrides values of its
    Thai-party record, ``top`` sets top-level spec values."""
    data = pack_data(lang)
    record = {"lang": lang, **data["partners"][partner or data["default_partner"]]}
    return moukit.parse_spec(spec_yaml(instrument, record, {**data["thai"], **(thai or {})},
                                       partner_language=partner_language or data.get("partner_language"),
                                       **top))


def golden_spec(lang: str, instrument: str):
    """The spec of golden/<lang>-<instrument>.txt, as the data file's ``golden`` defines it."""
    definition = dict(pack_data(lang)["golden"][instrument])
    return make_spec(lang, instrument, definition.pop("partner", None), **definition)


def clauses(spec, lang: str) -> dict[str, str]:
    """The clause texts of one language version: ``{clause_id: text}``."""
    version = moukit.render(spec, "txt", languages=[lang]).document.version(lang)
    return {c.id: c.text for c in version.clauses}


def full_text(spec, lang: str) -> str:
    """The plain-text rendering of one language version."""
    return moukit.render(spec, "txt", languages=[lang]).data.decode("utf-8")


def assert_golden(name: str, spec) -> None:
    """The text of ``spec`` in the language of ``name`` ("zh-mou") equals golden/<name>.txt.

    With MOUKIT_REGEN_GOLDEN=1 the file is written instead (review the diff afterwards).
    """
    lang = name.split("-")[0]
    data = moukit.render(spec, "txt", languages=[lang]).data
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("MOUKIT_REGEN_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(data)
        pytest.skip(f"regenerated {path.name}")
    assert path.is_file(), f"missing {path}; run with MOUKIT_REGEN_GOLDEN=1"
    assert data == path.read_bytes(), f"{name} differs from {path.name}"


# How a data file states what a text must be: {kind: value or list of values}.
CHECKS = {
    "equals": lambda text, value: text == value,
    "startswith": lambda text, value: text.startswith(value),
    "endswith": lambda text, value: text.endswith(value),
    "contains": lambda text, value: value in text,
    "absent": lambda text, value: value not in text,
    "matches": lambda text, pattern: re.search(pattern, text) is not None,
    "not_matches": lambda text, pattern: re.search(pattern, text) is None,
}


def check(text: str, expect: dict, where: str = "", **subs: str) -> None:
    """Assert that ``text`` meets every expectation of ``expect``, e.g.
    ``{"contains": [...], "absent": "..."}``; ``{name}`` in an expected string is replaced by
    ``subs[name]`` (``{list}`` by a list of fields)."""
    assert isinstance(expect, dict) and expect, f"{where}: no expectation given"
    unknown = set(expect) - set(CHECKS)
    assert not unknown, f"{where}: unknown kind(s) of expectation {sorted(unknown)}"
    for kind, values in expect.items():
        for value in values if isinstance(values, list) else [values]:
            for name, sub in subs.items():
                value = value.replace("{" + name + "}", sub)
            assert CHECKS[kind](text, value), f"{where}: expected {kind} {value!r} in\n{text}"
