"""Form definitions: the slots and variants declare everything render and check need.

Adding a form is a form YAML, templates per language and a spec model: these tests tie the
three together (every slot comes from a real spec path, every spec model asks for the
form's variants) and refuse a definition whose parts do not fit.
"""

from __future__ import annotations

import copy
import typing

import pytest
import yaml

from moukit.errors import FormError
from moukit.forms import INSTRUMENTS, KINDS, _parse, all_forms, get_form
from moukit.spec.models import SPEC_MODELS
from specdata import spec


def _model_of(instrument: str):
    return next(m for m in SPEC_MODELS
                if typing.get_args(m.model_fields["instrument"].annotation) == (instrument,))


def _members(annotation) -> list:
    """The classes an annotation can hold (unions, lists and Annotated opened)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _members(typing.get_args(annotation)[0])
    if origin in (typing.Union, list, dict) or str(origin) == "<class 'types.UnionType'>":
        return [m for arg in typing.get_args(annotation) for m in _members(arg)]
    return [annotation]


def _path_exists(model, path: str) -> bool:
    models = [model]
    for part in path.split("."):
        fields = [m.model_fields[part] for m in models
                  if isinstance(m, type) and hasattr(m, "model_fields") and part in m.model_fields]
        if not fields:
            return False
        models = [m for f in fields for m in _members(f.annotation)]
    return True


def test_every_instrument_has_one_form_and_one_spec_model():
    assert [f.instrument for f in all_forms()] == list(INSTRUMENTS)
    assert sorted(typing.get_args(m.model_fields["instrument"].annotation)[0]
                  for m in SPEC_MODELS) == sorted(INSTRUMENTS)


@pytest.mark.parametrize("form", all_forms(), ids=lambda f: f.instrument)
def test_every_slot_comes_from_a_path_of_the_spec_model(form):
    model = _model_of(form.instrument)
    for slot in form.slots:
        assert slot.kind in KINDS
        assert slot.source, slot.name
        for path in slot.source:
            assert _path_exists(model, path), (slot.name, path)
    assert not _path_exists(model, "partner.nickname")  # the walk can fail


@pytest.mark.parametrize("changes", [{}, {"fields_clause": "various", "term": {"years": 3}}])
@pytest.mark.parametrize("instrument", INSTRUMENTS)
def test_a_spec_asks_for_a_value_of_every_variant_of_its_form(instrument, changes):
    s = spec(instrument, "zh", **(changes if instrument == "mou" else {}))
    variant = s.variant()
    assert set(variant) == set(s.form.variants)
    for name, value in variant.items():
        assert value in s.form.variants[name].values


def test_variant_combinations_cover_every_value_primary_first():
    mou = get_form("mou")
    combos = mou.variant_combinations()
    assert combos[0] == mou.primary_variant
    assert len(combos) == 8 and len({tuple(c.items()) for c in combos}) == 8


def test_a_slot_shown_in_one_variant_is_empty_in_the_others():
    mou = get_form("mou")
    open_term = mou.context(lambda slot: "x", {**mou.primary_variant, "term": "open"})
    fixed = mou.context(lambda slot: "x", {**mou.primary_variant, "term": "fixed"})
    assert open_term["term_text"] == "" and fixed["term_text"] == "x"
    assert open_term["partner_signatory"] == {"name": "x", "position": "x"}


def _mou_data() -> dict:
    from importlib import resources

    return yaml.safe_load(resources.files("moukit.forms").joinpath("mou.yaml").read_text("utf-8"))


@pytest.mark.parametrize("break_it, message", [
    (lambda d: d["slots"]["place"].update(kind="town"), "unknown kind 'town'"),
    (lambda d: d["slots"]["fields"].update(variant={"fields": "some"}), "undeclared variant fields"),
    (lambda d: d["slots"]["fields"].update(variant={"colour": "red"}), "undeclared variant colour"),
    (lambda d: d["slots"].pop("opening"), "alternative slots and the alternatives differ: opening"),
    (lambda d: d["variants"]["term"].update(clause="c9"), "variant term names an unknown clause c9"),
    (lambda d: d.pop("slots"), "missing or wrong 'slots'"),
])
def test_a_definition_whose_parts_do_not_fit_is_refused(break_it, message):
    data = copy.deepcopy(_mou_data())
    break_it(data)
    with pytest.raises(FormError, match=message):
        _parse(data, "mou.yaml")


def test_the_shipped_definitions_parse_unchanged():
    assert _parse(_mou_data(), "mou.yaml") == get_form("mou")


def test_another_wording_of_a_tolerant_alternative_has_a_finding_code():
    from moukit.checking.codes import CODES

    for form in all_forms():
        for alternative in form.alternatives.values():
            if alternative.tolerates_other:
                assert CODES[alternative.variant_code].kind == "variant", alternative.name
