"""The blanks of a form (slots) and its structural variants, and the template contexts built
from them.

A *slot* is one template variable: a blank such as the place of signing, or a listed
alternative such as the parties' name. The form definition says what kind of value each
holds, where it comes from in the spec and in which variant a template shows it; every
template context (the real values when rendering, sentinels, placeholders and marked values
when checking, labels in the documentation) is built by :meth:`Form.context` from one fill
function, so the list of variables exists once.

A *variant* is a structural choice that changes the wording of one clause rather than
filling a blank: the MOU's "various fields" or named fields (clause 2), its open or fixed
term (clause 5), a signing clause that names the partner's language or not.

>>> from moukit.forms import get_form
>>> mou = get_form("mou")
>>> mou.slot("term_text").shown_in({"term": "open"})
False
>>> ctx = mou.context(lambda slot: slot.name.upper(), mou.primary_variant)
>>> ctx["thai_signatory"]["name"], ctx["term_text"], ctx["fields"]
('THAI_SIGNATORY.NAME', '', 'FIELDS')
>>> [v["term"] for v in mou.variant_combinations()][:2]
['open', 'fixed']
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

# What a slot can hold. Each kind has one wording rule per language (moukit.rendering.context), one
# pattern and one description in the check (moukit.checking.patterns, moukit.checking.values).
KINDS = {
    "alternative": "one of the form's listed alternatives (its wording comes from the lexicon)",
    "text": "a text the spec gives in every language (a name, a place, a position)",
    "party_name": "the Thai party's name: official for Thai and English, else from the spec",
    "field_list": "a list of fields of cooperation, worded from the lexicon or the spec",
    "date": "a date, written as the language writes dates (Buddhist Era in Thai)",
    "language": "a language, named in the language of the text",
    "term": "a term in years, worded as the language words it (\"five-year\", \"5 ปี\")",
    "years": "a number of years",
}


@dataclass(frozen=True)
class Slot:
    """One template variable of a form: what it holds, where it comes from, when it shows."""

    name: str  # the variable; "thai_signatory.name" is {{ thai_signatory.name }}
    kind: str  # one of KINDS
    source: tuple[str, ...] = ()  # spec paths ("from:"), the first that is given wins
    variant: Mapping[str, str] = field(default_factory=dict)  # shown only in this variant
    label: str = ""  # how the documentation shows the blank
    read_by_rules: bool = False  # the rule packs read what a draft writes here
    report_as: str = ""  # the key of its value in the check report (default: its name)

    def shown_in(self, variant: Mapping[str, str]) -> bool:
        """Whether a template shows this slot in ``variant`` (a slot without one always shows)."""
        return all(variant.get(name) == value for name, value in self.variant.items())

    @property
    def report_key(self) -> str:
        """The key under which the check reports this slot's value."""
        return self.report_as or self.name


@dataclass(frozen=True)
class Variant:
    """A structural choice of the form: the clause whose wording it changes, and its values."""

    name: str
    clause: str
    description: str
    values: Mapping[str, str]  # value -> what it means; the first is the primary one
    description_th: str = ""  # the description in Thai (``moukit --ui-lang th forms``)

    @property
    def primary(self) -> str:
        """The first value: the wording the documentation shows first."""
        return next(iter(self.values))


class SlotsMixin:
    """Slot and variant behaviour of :class:`moukit.forms.Form` (it has ``slots`` and ``variants``)."""

    slots: tuple[Slot, ...]
    variants: Mapping[str, Variant]

    def slot(self, name: str) -> Slot:
        """The slot named ``name`` (KeyError if the form has none)."""
        for s in self.slots:
            if s.name == name:
                return s
        raise KeyError(name)

    def slots_of_kind(self, *kinds: str) -> tuple[str, ...]:
        """Names of the slots of these kinds, in form order."""
        return tuple(s.name for s in self.slots if s.kind in kinds)

    def fallback_slots(self, slot: Slot) -> tuple[str, ...]:
        """The slots whose value ``slot`` takes when the spec leaves it out (its later
        ``from:`` paths), e.g. the LOI's further fields default to its fields."""
        return tuple(s.name for path in slot.source[1:] for s in self.slots
                     if s.source[:1] == (path,))

    @property
    def primary_variant(self) -> dict[str, str]:
        """Every variant at its primary value."""
        return {name: v.primary for name, v in self.variants.items()}

    def variant_combinations(self) -> list[dict[str, str]]:
        """Every combination of the variants' values, primary values first."""
        names = list(self.variants)
        return [dict(zip(names, combo))
                for combo in itertools.product(*(list(self.variants[n].values) for n in names))]

    def context(self, fill: Callable[[Slot], Any], variant: Mapping[str, str]) -> dict:
        """A template context: ``fill(slot)`` for every slot shown in ``variant``, ``""`` for
        the others; dotted names become nested mappings (``thai_signatory.name``)."""
        ctx: dict[str, Any] = {}
        for slot in self.slots:
            value = fill(slot) if slot.shown_in(variant) else ""
            *parents, last = slot.name.split(".")
            target = ctx
            for part in parents:
                target = target.setdefault(part, {})
            target[last] = value
        return ctx
