"""The standardized form definitions (structure only: clause ids, alternatives, options).

A form definition is a small YAML file in ``moukit/forms/``. It is language-independent:
the wording of each clause in each language lives in ``templates/<lang>/``. Rendering and
checking both start from these definitions.

>>> mou = get_form("mou")
>>> mou.clause_ids[:3]
('title', 'parties', 'guided')
>>> mou.alternatives["parties"].options
('participants', 'two_sides')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from .errors import FormError
from .yamlload import load_yaml

INSTRUMENTS = ("loi", "mou")


@dataclass(frozen=True)
class ClauseDef:
    """One clause of a form: its id (the same in every language), kind and number."""

    id: str
    kind: str  # title | paragraph | numbered | signature
    number: int | None = None


@dataclass(frozen=True)
class Alternative:
    """A listed alternative of the form, e.g. ``[Participants/two Sides]``."""

    name: str
    options: tuple[str, ...]
    default: str
    description: str = ""
    tolerates_other: bool = False  # the form's "etc.": another wording is a noted variant


@dataclass(frozen=True)
class Form:
    """A standardized form: identity, clauses in order, alternatives and options."""

    id: str
    version: str
    instrument: str
    name: str
    source: str
    clauses: tuple[ClauseDef, ...]
    alternatives: dict[str, Alternative]
    options: dict[str, dict] = field(default_factory=dict)
    reconstructed: tuple[dict, ...] = ()

    @property
    def clause_ids(self) -> tuple[str, ...]:
        """The clause ids in form order."""
        return tuple(c.id for c in self.clauses)

    def clause(self, clause_id: str) -> ClauseDef:
        """Return the clause with this id."""
        for c in self.clauses:
            if c.id == clause_id:
                return c
        raise KeyError(clause_id)


def _parse(data: dict, source: str) -> Form:
    try:
        clauses = tuple(
            ClauseDef(id=c["id"], kind=c["kind"], number=c.get("number")) for c in data["clauses"]
        )
        alternatives = {
            name: Alternative(
                name=name,
                options=tuple(str(o) for o in alt["options"]),
                default=str(alt["default"]),
                description=alt.get("description", ""),
                tolerates_other=bool(alt.get("tolerates_other", False)),
            )
            for name, alt in data.get("alternatives", {}).items()
        }
        form = Form(
            id=data["id"],
            version=str(data["version"]),
            instrument=data["instrument"],
            name=data["name"],
            source=data.get("source", ""),
            clauses=clauses,
            alternatives=alternatives,
            options=data.get("options", {}),
            reconstructed=tuple(data.get("reconstructed", ())),
        )
    except (KeyError, TypeError) as exc:
        raise FormError(f"form definition {source} is malformed: missing or wrong {exc}") from None
    for alt in alternatives.values():
        if alt.default not in alt.options:
            raise FormError(f"form {source}: default {alt.default!r} of {alt.name} is not an option")
    if len(set(form.clause_ids)) != len(form.clause_ids):
        raise FormError(f"form {source}: duplicate clause ids")
    return form


@cache
def get_form(instrument: str) -> Form:
    """Return the form definition for ``"loi"`` or ``"mou"``."""
    if instrument not in INSTRUMENTS:
        raise FormError(
            f"unknown instrument {instrument!r}", hint=f"use one of: {', '.join(INSTRUMENTS)}"
        )
    text = resources.files(__package__).joinpath("forms", f"{instrument}.yaml").read_text("utf-8")
    return _parse(load_yaml(text), f"{instrument}.yaml")


def all_forms() -> tuple[Form, ...]:
    """Every shipped form definition, LOI first."""
    return tuple(get_form(i) for i in INSTRUMENTS)
