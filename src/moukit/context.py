"""Template variables: the spec's values worded in one language.

Every language receives the same variables (a test proves the templates read the same
set); only their wording differs, taken from the language's lexicon and the spec.
"""

from __future__ import annotations

from .errors import TemplateError
from .formatting import format_date, format_list, term_text
from .provinces import find_province
from .spec import Custom, LoiSpec, MouSpec, vocabulary
from .templates import LanguagePack


def _localized(texts: dict[str, str], lang: str, what: str) -> str:
    try:
        return texts[lang]
    except KeyError:
        raise TemplateError(f"the spec gives no {lang} text for {what}",
                            hint=f"add {what}.{lang} to the spec") from None


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


def _choice(value, group: str, pack: LanguagePack, what: str, provincial: bool = False) -> str:
    if isinstance(value, Custom):
        return _localized(value.custom, pack.lang, f"{what}.custom")
    return pack.word(group, value, provincial=provincial)


def _fields(items, pack: LanguagePack, what: str) -> str:
    words = []
    for i, item in enumerate(items):
        if isinstance(item, Custom):
            words.append(_localized(item.custom, pack.lang, f"{what}[{i}].custom"))
        else:
            try:
                words.append(pack.lexicon["fields"][item])
            except KeyError:
                raise TemplateError(f"the lexicon has no wording for field {item!r}",
                                    file=str(pack.lexicon_file),
                                    hint=f"add fields: {item}: <wording>") from None
    return format_list(words, pack.lexicon)


def language_name(code: str, pack: LanguagePack) -> str:
    """The name of language ``code`` in the pack's language (lexicon first, then babel)."""
    names = pack.lexicon.get("languages") or {}
    if code in names:
        return names[code]
    from babel import Locale

    return Locale.parse(pack.lexicon["locale"]).languages.get(code, code)


def build_context(spec: LoiSpec | MouSpec, pack: LanguagePack) -> dict:
    """The template variables for ``spec`` in ``pack``'s language."""
    lang = pack.lang
    partner_language = spec.partner.language

    def person(side: str) -> dict:
        p = getattr(spec.signatories, side)
        return {
            "name": _localized(p.name, lang, f"signatories.{side}.name"),
            "position": _localized(p.position, lang, f"signatories.{side}.position"),
        }

    ctx = {
        "thai_name": thai_party_name(spec, pack),
        "partner_name": _localized(spec.partner.name, lang, "partner.name"),
        "relationship": _choice(spec.relationship, "relationship", pack, "relationship",
                                provincial=spec.partner.level in vocabulary()["provincial_levels"]),
        "parties": pack.word("parties", spec.parties),
        "fields": _fields(spec.fields, pack, "fields"),
        "place": _localized(spec.signing.place, lang, "signing.place"),
        "date": format_date(spec.signing.date, pack.lexicon),
        "partner_language": "" if partner_language == "en" else language_name(partner_language, pack),
        "thai_signatory": person("thai"),
        "partner_signatory": person("partner"),
    }
    if isinstance(spec, LoiSpec):
        further = spec.fields if spec.further_fields is None else spec.further_fields
        ctx.update(
            preposition=pack.word("preposition", spec.preposition),
            intent=pack.word("intent", spec.intent),
            further_fields=_fields(further, pack, "further_fields"),
        )
    else:
        years = None if spec.term == "open" else spec.term.years
        ctx.update(
            title=_choice(spec.title, "title", pack, "title"),
            opening=pack.word("opening", spec.opening),
            fields=ctx["fields"] if spec.names_fields else "",
            term_years=years,
            term_text=term_text(years, pack.lexicon) if years else "",
        )
    return ctx


def country_name(code: str, pack: LanguagePack) -> str:
    """The country's name in the pack's language: the lexicon's official long form where it
    has one (สาธารณรัฐประชาชนจีน), else babel's name."""
    names = pack.lexicon.get("countries") or {}
    if code in names:
        return names[code]
    from babel import Locale

    return Locale.parse(pack.lexicon["locale"]).territories.get(code, code)


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
