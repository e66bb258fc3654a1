"""Template variables: the spec's values worded in one language.

The variables are the slots of the form definition; each is worded by its kind (an
alternative from the lexicon, a date as the language writes dates...). Every language
receives the same variables (a test proves the templates read exactly the declared slots);
only their wording differs, taken from the language's lexicon and the spec.
"""

from __future__ import annotations

from ..errors import TemplateError
from ..forms import Slot
from ..i18n import N_
from ..packs.library import LanguagePack
from ..spec.models import Custom
from ..spec.provinces import find_province
from ..text import cldr
from ..text.formatting import format_date, format_list, term_text


def _localized(texts: dict[str, str], lang: str, what: str) -> str:
    try:
        return texts[lang]
    except KeyError:
        raise TemplateError(N_("the spec gives no {lang} text for {what}", lang=lang, what=what),
                            hint=N_("add {what}.{lang} to the spec", what=what, lang=lang)) from None


def thai_party_name(spec, pack: LanguagePack) -> str:
    """The Thai party's name in the pack's language (official name for th and en)."""
    if pack.lang in spec.thai_party.name:
        return spec.thai_party.name[pack.lang]
    province = find_province(spec.thai_party.province)
    patterns = pack.lexicon.get("thai_party") or {}
    if province is None or "province" not in patterns:
        return _localized(spec.thai_party.name, pack.lang, "thai_party.name")
    if not province.is_province:
        return patterns.get("bangkok", province.name_th if pack.lang == "th" else province.name_en)
    name = province.name_th if pack.lang == "th" else province.name_en
    return patterns["province"].format(name=name)


def _choice(value, slot: Slot, spec, pack: LanguagePack) -> str:
    if isinstance(value, Custom):
        return _localized(value.custom, pack.lang, f"{slot.name}.custom")
    return pack.word(slot.name, value, provincial=spec.partner_is_provincial)


def _fields(items, slot: Slot, spec, pack: LanguagePack) -> str:
    words = []
    for i, item in enumerate(items):
        if isinstance(item, Custom):
            words.append(_localized(item.custom, pack.lang, f"{slot.source[0]}[{i}].custom"))
        else:
            try:
                words.append(pack.lexicon["fields"][item])
            except KeyError:
                raise TemplateError(N_("the lexicon has no wording for field {field}", field=repr(item)),
                                    file=str(pack.lexicon_file),
                                    hint=N_("add fields: {field}: <wording>", field=item)) from None
    return format_list(words, pack.lexicon)


def language_name(code: str, pack: LanguagePack) -> str:
    """The name of language ``code`` in the pack's language (lexicon first, then babel)."""
    names = pack.lexicon.get("languages") or {}
    if code in names:
        return names[code]
    found = cldr.language_name(code, pack.lexicon["locale"])
    return found if found is not None else code


# How each kind of slot (moukit.forms.KINDS) is worded in a language: (spec value, slot,
# spec, pack) -> the template's value.
WORDING = {
    "alternative": _choice,
    "text": lambda texts, slot, spec, pack: _localized(texts, pack.lang, slot.source[0]),
    "party_name": lambda party, slot, spec, pack: thai_party_name(spec, pack),
    "field_list": _fields,
    "date": lambda date, slot, spec, pack: format_date(date, pack.lexicon),
    "language": lambda code, slot, spec, pack: language_name(code, pack),
    "term": lambda years, slot, spec, pack: term_text(years, pack.lexicon),
    "years": lambda years, slot, spec, pack: years,
}


def spec_value(spec, slot: Slot):
    """The value of ``slot`` in ``spec``: the first of its ``from:`` paths that is given."""
    for path in slot.source:
        value = spec
        for part in path.split("."):
            value = getattr(value, part, None)
        if value is not None:
            return value
    return None


def build_context(spec, pack: LanguagePack) -> dict:
    """The template variables for ``spec`` in ``pack``'s language, one per slot of its form."""
    return spec.form.context(
        lambda slot: WORDING[slot.kind](spec_value(spec, slot), slot, spec, pack), spec.variant())


def country_name(code: str, pack: LanguagePack) -> str:
    """The country's name in the pack's language: the lexicon's official long form where it
    has one (สาธารณรัฐประชาชนจีน), else babel's name."""
    names = pack.lexicon.get("countries") or {}
    if code in names:
        return names[code]
    found = cldr.country_name(code, pack.lexicon["locale"])
    return found if found is not None else code


def parties(spec, packs: list[LanguagePack]) -> dict:
    """Both parties' names and countries in every language of the document."""
    return {
        "thai": {
            "province": spec.thai_party.province,
            "country": "TH",
            "name": {p.lang: thai_party_name(spec, p) for p in packs},
            "country_name": {p.lang: country_name("TH", p) for p in packs},
        },
        "partner": {
            "level": spec.partner.level,
            "country": spec.partner.country,
            "language": spec.partner.language,
            "name": {p.lang: spec.partner.name[p.lang] for p in packs},
            "country_name": {p.lang: country_name(spec.partner.country, p) for p in packs},
        },
    }
