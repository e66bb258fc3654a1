"""What the English version of a draft says, clause by clause: the reference every other
language version is checked against as a translation (:mod:`moukit.checking.translation`).

The form exists in English only. When a draft has an English version, its clauses are the
reference: the form's meaning units for a clause it keeps word for word, the units still
found in a clause it changed, nothing for a clause it removed, and the values it holds. A
draft with no English version is checked against the form itself (its values then cannot be
compared, only the versions with each other).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..forms import Form, get_form
from ..packs.library import LanguagePack
from ..text.markers import SENTINEL, sentinel, unmark
from .align import Analysis, marked_context
from .units import matchable, unit_lexicon


@dataclass
class Reference:
    """What the English version of the same draft says (or the form, without one)."""

    source: str  # "en": the draft's English version; "form": the English form
    instrument: str
    variant: dict  # the structural variants (a dimension is None when the form cannot tell)
    clauses: list[str]  # the clause ids the English has, in its order
    units: dict[str, list[str]]  # clause id -> the meaning units it expresses
    texts: dict[str, str]  # clause id -> the English text (the draft's where it changed it)
    form_texts: dict[str, str]  # clause id -> the English form's clause, with its values
    values: dict = field(default_factory=dict)  # the English values, as a report describes them
    added: int = 0  # paragraphs the English version adds to the form
    changed: set[str] = field(default_factory=set)  # clauses the English reworded
    slots: dict[str, list[str]] = field(default_factory=dict)  # clause id -> the blanks it holds
    names: dict[str, str] = field(default_factory=dict)  # the names the English writes (slot -> text)

    def first_with(self, slot: str) -> str | None:
        """The first clause of the English that holds ``slot`` (where its value is required)."""
        return next((c for c in self.clauses if slot in self.slots.get(c, ())), None)


def english_form_texts(en_pack: LanguagePack, form: Form, values: dict, variant: dict) -> dict[str, str]:
    """The English form's clauses with ``values`` in their blanks ("…" where unknown)."""
    rendered = en_pack.render_clauses(form, marked_context(values, variant, form))
    return {clause_id: unmark(text) for clause_id, text in rendered}


@lru_cache(maxsize=64)
def _slots_of(en_pack: LanguagePack, instrument: str, variant: tuple) -> dict[str, list[str]]:
    form = get_form(instrument)
    out: dict[str, dict[str, None]] = {c: {} for c in form.clause_ids}
    for combination in form.variant_combinations():
        if any(value not in (None, combination[dim]) for dim, value in variant):
            continue
        context = form.context(lambda slot: sentinel(slot.name), combination)
        for clause_id, text in en_pack.render_clauses(form, context):
            out[clause_id].update((m.group(1), None) for m in SENTINEL.finditer(text))
    return {clause_id: list(names) for clause_id, names in out.items()}


def english_slots(en_pack: LanguagePack, form: Form, variant: dict) -> dict[str, list[str]]:
    """The blanks of each clause of the English form, in the variants ``variant`` allows (a
    dimension that is None allows every value)."""
    return _slots_of(en_pack, form.instrument, tuple(sorted(variant.items())))


def reference_from_english(english: Analysis) -> Reference:
    """The reference an analysed English version gives: its clauses, units and values."""
    form, variant = english.patterns.form, dict(english.variant)
    form_texts = english_form_texts(english.pack, form, english.values, variant)
    lex = unit_lexicon(english.pack)
    clauses, units, texts, changed = [], {}, {}, set()
    for clause in form.clauses:
        status = "equal" if english.exact else english.clause_status.get(clause.id, "equal")
        if status == "removed":
            continue
        clauses.append(clause.id)
        need = clause.units_in(variant)
        draft = english.draft_clauses.get(clause.id)
        if status == "equal" or not draft or lex is None:
            units[clause.id], texts[clause.id] = need, form_texts[clause.id]
            continue
        text = matchable(draft, "en")
        units[clause.id] = [u for u in need if lex.find(u, text)]
        texts[clause.id] = draft
        if status == "changed":
            changed.add(clause.id)
    if not english.exact:  # the English order, where it moved a clause
        first = {c: min(english.clause_blocks.get(c) or [10_000]) for c in clauses}
        clauses.sort(key=lambda c: first[c])
    values = english.result.values if english.result else {}
    return Reference("en", form.instrument, variant, clauses, units, texts, form_texts, values,
                     len(english.added_blocks), changed, english_slots(english.pack, form, variant),
                     {s.name: english.values[s.name] for s in form.slots
                      if s.kind in ("text", "party_name") and s.name in english.values})


def reference_from_form(form: Form, en_pack: LanguagePack, variant: dict) -> Reference:
    """The reference of a draft with no English version: the form, with blank values.

    ``variant`` holds what is known of the structural variants (the spec's, else None)."""
    known = {dim: variant.get(dim) for dim in form.variants}
    complete = {dim: value or next(iter(form.variants[dim].values)) for dim, value in known.items()}
    texts = english_form_texts(en_pack, form, {}, complete)
    units = {c.id: c.units_in(known) for c in form.clauses}
    return Reference("form", form.instrument, known, list(form.clause_ids), units, texts, texts,
                     slots=english_slots(en_pack, form, known))
