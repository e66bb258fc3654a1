"""Shared helpers for the per-language text tests (test_cjk_text, test_ko_vi_text).

A spec is built as the YAML a user writes, from a partner record and a Thai-party record
(names, place, signatories in each language); golden full texts are compared byte for byte.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

import moukit

GOLDEN = Path(__file__).parent / "golden"


def spec_yaml(instrument: str, partner: dict, thai: dict, **top) -> str:
    """A complete spec as YAML text, with top-level ``top`` values.

    ``partner``: lang, country, level, name, place, person, position (texts by language);
    ``thai``: province, name, person, position, position_en, position_th (texts in the
    partner's language unless suffixed).
    """
    lang = partner["lang"]
    data = {
        "instrument": instrument,
        "thai_party": {"province": thai["province"], "name": {lang: thai["name"]}},
        "partner": {"name": partner["name"], "country": partner["country"],
                    "level": partner["level"], "language": lang},
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
    data.update(top)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


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
