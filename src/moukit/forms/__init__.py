"""The standardized form definitions: clauses, alternatives, slots and variants, as data.

A form definition is a small YAML file in ``moukit/forms/`` named after its instrument
(``loi.yaml``, ``mou.yaml``). It is language-independent: the wording of each clause in
each language lives in the language packs. It declares the clause ids in order, the listed
alternatives, every blank of the templates (its *slots*: kind, where the value comes from
in the spec, the variant that shows it) and the structural *variants*. Rendering, the check,
the documentation and ``moukit forms`` all start from these definitions, so adding a form
is a YAML file, its templates and a spec model.

>>> mou = get_form("mou")
>>> mou.clause_ids[:3]
('title', 'parties', 'guided')
>>> mou.alternatives["parties"].options
('participants', 'two_sides')
>>> list(mou.variants), mou.variants["term"].clause
(['partner_language', 'fields', 'term'], 'c5')
>>> INSTRUMENTS
('loi', 'mou')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from .._yaml import load_yaml
from ..errors import FormError
from ..i18n import N_, Joined
from .slots import KINDS, Slot, SlotsMixin, Variant

if TYPE_CHECKING:
    from .._args import PathsArg

__all__ = ["INSTRUMENTS", "KINDS", "Alternative", "ClauseDef", "Form", "Slot", "UnitRef",
           "Variant", "all_forms", "get_form", "meaning_units", "vocabulary"]


SHARED_DATA = ("vocabulary.yaml", "units.yaml", "editorial.yaml")  # the data files here that are not forms


def _instruments() -> tuple[str, ...]:
    """The instruments with a form definition here (``<instrument>.yaml``), in name order."""
    names = (entry.name for entry in resources.files(__package__).iterdir())
    return tuple(sorted(n[:-5] for n in names if n.endswith(".yaml") and n not in SHARED_DATA))


INSTRUMENTS = _instruments()


@dataclass(frozen=True)
class UnitRef:
    """A meaning unit a clause must express (see :func:`meaning_units`), in some variant only."""

    id: str
    variant: Mapping[str, str] = field(default_factory=dict)

    def shown_in(self, variant: Mapping[str, str]) -> bool:
        """Whether the clause has this unit in ``variant`` (a unit without one always has)."""
        return all(variant.get(name) == value for name, value in self.variant.items())


@dataclass(frozen=True)
class ClauseDef:
    """One clause of a form: its id (the same in every language), kind, number and meaning units."""

    id: str
    kind: str  # title | paragraph | numbered | signature
    number: int | None = None
    units: tuple[UnitRef, ...] = ()

    def units_in(self, variant: Mapping[str, str]) -> list[str]:
        """The ids of the units the clause must express in ``variant``."""
        return [u.id for u in self.units if u.shown_in(variant)]


@dataclass(frozen=True)
class Alternative:
    """A listed alternative of the form, e.g. ``[Participants/two Sides]``."""

    name: str
    options: tuple[str, ...]
    default: str
    description: str = ""
    tolerates_other: bool = False  # the form's "etc.": another wording is a noted variant
    variant_code: str = ""  # the finding code that notes another wording
    wording_only: bool = False  # a choice of words, not of meaning: versions may differ
    named_once: bool = False  # later clauses may refer back ("this Memorandum") instead


@dataclass(frozen=True)
class Form(SlotsMixin):
    """A standardized form: identity, clauses in order, alternatives, slots and variants."""

    id: str
    version: str
    instrument: str
    name: str
    source: str
    clauses: tuple[ClauseDef, ...]
    alternatives: dict[str, Alternative]
    slots: tuple[Slot, ...] = ()
    variants: dict[str, Variant] = field(default_factory=dict)
    reconstructed: tuple[dict, ...] = ()
    name_unit: str = ""  # the meaning unit naming the instrument, which any clause may mention

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

    def text(self, lang: str, templates: PathsArg = ()) -> dict[str, str]:
        """The form's clauses in language ``lang`` (as the pack of ``templates`` or the
        shipped one words them), each blank shown by its label, each alternative by its name
        in brackets, in the primary variant: clause id -> text.

        >>> get_form("loi").text("en")["title"].splitlines()[:4]
        ['Letter of Intent', 'to Establish [relationship]', 'between', '(name of Thai province)']
        """
        from ..packs.library import TemplateLibrary

        pack = TemplateLibrary.of(templates).pack(lang)
        return dict(pack.render_clauses(self, self.context(lambda slot: slot.label, self.primary_variant)))

    def wording(self, alternative: str, option: str, lang: str, templates: PathsArg = ()) -> str:
        """How option ``option`` of alternative ``alternative`` is worded in ``lang``.

        >>> get_form("mou").wording("relationship", "sister", "th")
        'เมืองพี่เมืองน้อง'
        """
        from ..packs.library import TemplateLibrary

        return TemplateLibrary.of(templates).pack(lang).word(alternative, option)


def _unit(data: str | Mapping) -> UnitRef:
    if isinstance(data, str):
        return UnitRef(data)
    return UnitRef(str(data["unit"]), dict(data.get("variant") or {}))


def _slot(name: str, data: dict) -> Slot:
    source = data.get("from") or ()
    return Slot(
        name=name,
        kind=data["kind"],
        source=(source,) if isinstance(source, str) else tuple(source),
        variant=dict(data.get("variant") or {}),
        label=str(data.get("label") or f"[{name}]"),
        read_by_rules=bool(data.get("read_by_rules", False)),
        report_as=str(data.get("report_as") or ""),
    )


def _variant(name: str, data: dict) -> Variant:
    return Variant(name=name, clause=data["clause"], description=str(data.get("description", "")),
                   values={str(k): " ".join(str(v).split()) for k, v in data["values"].items()},
                   description_th=str(data.get("description_th", "")))


def _parse(data: dict, source: str) -> Form:
    try:
        clauses = tuple(
            ClauseDef(id=c["id"], kind=c["kind"], number=c.get("number"),
                      units=tuple(_unit(u) for u in c.get("units") or ()))
            for c in data["clauses"]
        )
        alternatives = {
            name: Alternative(
                name=name,
                options=tuple(str(o) for o in alt["options"]),
                default=str(alt["default"]),
                description=alt.get("description", ""),
                tolerates_other=bool(alt.get("tolerates_other", False)),
                variant_code=str(alt.get("variant_code", "")),
                wording_only=bool(alt.get("wording_only", False)),
                named_once=bool(alt.get("named_once", False)),
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
            slots=tuple(_slot(name, s) for name, s in data["slots"].items()),
            variants={name: _variant(name, v) for name, v in (data.get("variants") or {}).items()},
            reconstructed=tuple(data.get("reconstructed", ())),
            name_unit=str(data.get("name_unit", "")),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise FormError(N_("form definition {source} is malformed: missing or wrong {error}",
                           source=source, error=exc)) from None
    _validate(form, source)
    return form


def _validate(form: Form, source: str) -> None:
    """Refuse a definition whose parts do not refer to each other correctly."""
    problems = []
    for alt in form.alternatives.values():
        if alt.default not in alt.options:
            problems.append(N_("default {default} of {name} is not an option",
                               default=repr(alt.default), name=alt.name))
        if alt.tolerates_other and not alt.variant_code:
            problems.append(N_("{name} tolerates another wording but names no variant_code",
                               name=alt.name))
    if len(set(form.clause_ids)) != len(form.clause_ids):
        problems.append(N_("duplicate clause ids"))
    for slot in form.slots:
        if slot.kind not in KINDS:
            problems.append(N_("slot {slot} has unknown kind {kind} (known: {kinds})", slot=slot.name,
                               kind=repr(slot.kind), kinds=", ".join(KINDS)))
        for name, value in slot.variant.items():
            if value not in getattr(form.variants.get(name), "values", {}):
                problems.append(N_("slot {slot} names an undeclared variant {variant}: {value}",
                                   slot=slot.name, variant=name, value=value))
    alternative_slots = set(form.slots_of_kind("alternative"))
    if alternative_slots != set(form.alternatives):
        problems.append(N_("the alternative slots and the alternatives differ: {names}",
                           names=", ".join(sorted(alternative_slots ^ set(form.alternatives)))))
    for variant in form.variants.values():
        if variant.clause not in form.clause_ids:
            problems.append(N_("variant {variant} names an unknown clause {clause}",
                               variant=variant.name, clause=variant.clause))
    known_units = meaning_units()
    if form.name_unit and form.name_unit not in known_units:
        problems.append(N_("name_unit {unit} is not a meaning unit", unit=form.name_unit))
    for clause in form.clauses:
        ids = [u.id for u in clause.units]
        if len(ids) != len(set(ids)):
            problems.append(N_("clause {clause} lists a meaning unit twice", clause=clause.id))
        for unit in clause.units:
            if unit.id not in known_units:
                problems.append(N_("clause {clause} names an undefined meaning unit {unit}",
                                   clause=clause.id, unit=unit.id))
            for name, value in unit.variant.items():
                if value not in getattr(form.variants.get(name), "values", {}):
                    problems.append(N_("unit {unit} of {clause} names an undeclared variant "
                                       "{variant}: {value}", unit=unit.id, clause=clause.id,
                                       variant=name, value=value))
    if problems:
        raise FormError(N_("form {source}: {problems}", source=source, problems=Joined(problems, "; ")))


@cache
def get_form(instrument: str) -> Form:
    """Return the form definition of ``instrument`` (``"loi"``, ``"mou"``..., in any case)."""
    instrument = instrument.strip().lower() if isinstance(instrument, str) else instrument
    if instrument not in INSTRUMENTS:
        raise FormError(N_("unknown instrument {instrument}", instrument=repr(instrument)),
                        hint=N_("use one of: {choices}", choices=", ".join(INSTRUMENTS)))
    text = resources.files(__package__).joinpath(f"{instrument}.yaml").read_text("utf-8")
    return _parse(load_yaml(text), f"{instrument}.yaml")


def all_forms() -> tuple[Form, ...]:
    """Every shipped form definition, in instrument name order (LOI first)."""
    return tuple(get_form(i) for i in INSTRUMENTS)


@cache
def vocabulary() -> dict[str, dict[str, str]]:
    """The shared vocabularies (fields of cooperation, partner levels) from vocabulary.yaml."""
    text = resources.files(__package__).joinpath("vocabulary.yaml").read_text("utf-8")
    return load_yaml(text)


@cache
def meaning_units() -> dict[str, str]:
    """What each meaning unit of the forms means, in the English master's words (units.yaml)."""
    text = resources.files(__package__).joinpath("units.yaml").read_text("utf-8")
    return {str(k): str(v) for k, v in load_yaml(text).items()}
