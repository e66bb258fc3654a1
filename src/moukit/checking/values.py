"""The values a draft fills in: read from the clause patterns, agreed across clauses, and
described for the report (listed options, dates, terms, fields of cooperation).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from ..i18n import N_, Message
from ..packs.library import LanguagePack
from ..packs.shipped import shipped_table
from ..text import regex_cache
from ..text.formatting import format_list
from ..text.markers import BREAK, LINE
from ..text.normalize import token_key
from .patterns import (
    FormPatterns,
    key_of,
    make_key,
    parse_date,
    parse_term,
)

# what each value of a draft is, for a message ("the Thai signatory's name is ... in the draft")
VALUE_NAMES = {
    "instrument": N_("the instrument"),
    "thai_name": N_("the Thai party's name"),
    "partner_name": N_("the partner's name"),
    "title": N_("the title"),
    "relationship": N_("the relationship"),
    "parties": N_("the name for the parties"),
    "preposition": N_("the preposition"),
    "intent": N_("the statement of intent"),
    "opening": N_("the opening"),
    "fields": N_("the fields of cooperation"),
    "further_fields": N_("the further fields of cooperation"),
    "term": N_("the term"),
    "term_text": N_("the term"),
    "term_years": N_("the term in years"),
    "place": N_("the place of signing"),
    "date": N_("the date of signing"),
    "partner_language": N_("the partner's language"),
    "thai_signatory.name": N_("the Thai signatory's name"),
    "thai_signatory.position": N_("the Thai signatory's position"),
    "partner_signatory.name": N_("the partner signatory's name"),
    "partner_signatory.position": N_("the partner signatory's position"),
}


def value_name(slot: str) -> Message:
    """What a value of the draft is, in words: ``thai_signatory.name`` -> "the Thai
    signatory's name" (a slot of another form: its name in words).

    >>> value_name("thai_signatory.name"), value_name("budget_line")
    ("the Thai signatory's name", 'the budget line')
    """
    if slot in VALUE_NAMES:
        return VALUE_NAMES[slot]
    return N_("the {name}", name=slot.replace("_", " ").replace(".", " "))


def consensus(found: list[tuple[str, str, str]]) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """Most common value of each slot, and the (slot, clause, value) that differ from it."""
    by_slot: dict[str, list[tuple[str, str]]] = {}
    for slot, clause_id, value in found:
        by_slot.setdefault(slot, []).append((clause_id, value))
    chosen: dict[str, str] = {}
    odd: list[tuple[str, str, str]] = []
    for slot, items in by_slot.items():
        if len(items) == 1:  # (most slots: no vote to count)
            chosen[slot] = items[0][1]
            continue
        keys = [token_key(key_of(v)) for _, v in items]
        counts: dict[str, int] = {}  # (a plain dict: a Counter costs more to make than to fill)
        for k in keys:
            counts[k] = counts.get(k, 0) + 1
        best_key = max(counts, key=counts.__getitem__)  # ties: the first seen (max keeps the first)
        chosen[slot] = items[keys.index(best_key)][1]
        odd.extend((slot, clause_id, v) for (clause_id, v), k in zip(items, keys) if k != best_key)
    return chosen, odd


def _list_separators(pack: LanguagePack) -> list[str]:
    """:func:`list_separators`; for a shipped pack's way of listing, as computed at build time
    (:mod:`moukit.packs.shipped`: it spares loading babel's locale data)."""
    found = (shipped_table("list_separators") or {}).get(list_format_id(pack.lexicon))
    return list(found) if found is not None else list_separators(pack.lexicon)


def list_format_id(lexicon: dict) -> str:
    """The text that names the way a lexicon lists items (its locale and ``list``) in
    ``shipped.json``."""
    return json.dumps([lexicon.get("locale"), lexicon.get("list") or {}], ensure_ascii=False, sort_keys=True)


def list_separators(lexicon: dict) -> list[str]:
    """The keys of the words and signs that separate the items of a list in the language of
    ``lexicon`` ("," and "and"), longest first."""
    sample = format_list(["\x01", "\x02", "\x03"], lexicon)
    two = format_list(["\x01", "\x02"], lexicon)
    seps = set(re.split("[\x01\x02\x03]", sample)[1:-1]) | set(re.split("[\x01\x02]", two)[1:-1])
    keys = {key_of(sep).lower() for sep in seps} | {",", "、", ";"}
    return sorted((k for k in keys if k), key=lambda k: (-len(k), k))  # (in a stable order)


def parse_fields(text: str, pack: LanguagePack) -> dict:
    """Read a fields-of-cooperation blank: the vocabulary ids it names, and other wording.

    The text is scanned for the language's wording of each field (longest first); what lies
    between known fields and list separators is free-text wording (one item per gap).
    """
    full = make_key([text], numbered=False)
    keep = [i for i, ch in enumerate(full.key) if ch not in (BREAK, LINE)]
    key = "".join(full.key[i] for i in keep).lower()
    known, field_of = _field_keys(pack)
    seps = _list_separators(pack)
    ids: list[str] = []
    gaps: list[tuple[int, int]] = []  # spans of the key that name no known field
    start = None
    pos = 0
    while pos < len(key):
        hit = known.match(key, pos) if known is not None else None
        if hit:
            if start is not None:
                gaps.append((start, pos))
                start = None
            ids.append(field_of[hit.group()])
            pos = hit.end()
            sep = next((s for s in seps if key.startswith(s, pos)), None)
            pos += len(sep) if sep else 0
            continue
        start = pos if start is None else start
        pos += 1
    if start is not None:
        gaps.append((start, len(key)))
    cleaned = []
    for a, b in gaps:
        for sep in seps:  # a separator at either end of a gap belongs to the list, not the item
            if key.startswith(sep, a) and b - a > len(sep):
                a += len(sep)
            if key.endswith(sep, a, b) and b - a > len(sep):
                b -= len(sep)
        if a < b:
            cleaned.append(full.value(keep[a], keep[b - 1] + 1))
    other = []
    for item in cleaned:  # another wording of a listed field is that field
        fid = _unit_field(item, pack)
        (ids.append(fid) if fid else other.append(item))
    return {"ids": sorted(set(ids)), "other": other}


@lru_cache(maxsize=64)
def _field_keys(pack: LanguagePack) -> tuple[re.Pattern | None, dict[str, str]]:
    """The keys of the pack's wordings of the fields, longest first, as one pattern whose first
    alternative that matches is the one a look through them in that order finds; and the
    field of each key (the first listed, where two fields share one)."""
    known = sorted(((key_of(w).lower(), fid) for fid, w in pack.lexicon["fields"].items()),
                   key=lambda kv: -len(kv[0]))
    field_of: dict[str, str] = {}
    for k, fid in known:
        if k:
            field_of.setdefault(k, fid)
    if not field_of:
        return None, field_of
    return regex_cache.compile("|".join(re.escape(k) for k in field_of)), field_of  # (compiled once an install)


@lru_cache(maxsize=1024)
def unit_options(name: str, value: str, pack: LanguagePack) -> tuple[str, ...]:
    """The options of alternative ``name`` whose other wordings (the pack's ``units.yaml``)
    cover the whole of ``value``: 姐妹城市 is "sister" too, not only the lexicon's "twin" (kept
    for the values met last: every draft of a batch names its relationship)."""
    from .units import matchable, unit_lexicon

    lex = unit_lexicon(pack)
    if lex is None:
        return ()
    text = matchable(value, pack.lang).strip()
    return tuple(option for option, found in (lex.alternatives.get(name) or {}).items()
                 if any(p.fullmatch(text) for p in found))


def _unit_field(item: str, pack: LanguagePack) -> str | None:
    """The field of cooperation an item worded otherwise than the lexicon names, when the
    pack's ``units.yaml`` lists that wording (科技 for 科学技术)."""
    from .units import matchable, unit_lexicon

    lex = unit_lexicon(pack)
    text = matchable(item, pack.lang).strip()
    if lex is None or not text:
        return None
    return next((fid for fid, found in lex.fields.items() if any(p.fullmatch(text) for p in found)), None)


def language_code(name: str, pack: LanguagePack) -> str | None:
    """The code of a language named in the pack's language ("Japanese" -> "ja"): by the
    names the pack writes (its lexicon's ``languages``), else by babel's for its locale."""
    key = key_of(name).lower()
    return _pack_language_names(pack).get(key) or _language_names(pack).get(key)


@lru_cache(maxsize=64)
def _pack_language_names(pack: LanguagePack) -> dict[str, str]:
    """The pack's own names of languages, by key (a signing clause names the partner's
    language so: found without babel's tables of some 600 names)."""
    return _by_key(pack.lexicon.get("languages") or {})


@lru_cache(maxsize=64)
def _language_names(pack: LanguagePack) -> dict[str, str]:
    """Every name of a language in the pack's locale (babel's, the pack's own over them), by key."""
    from ..text.cldr import language_names

    names = dict(language_names(pack.lexicon["locale"]))
    names.update(pack.lexicon.get("languages") or {})
    return _by_key(names)


def _by_key(names: dict[str, str]) -> dict[str, str]:
    """Language code by the key of its name (where two codes share a name, the first in
    alphabetical order)."""
    return {key_of(n).lower(): code for code, n in sorted(names.items(), reverse=True)}


def _describe_text(value, pack: LanguagePack):
    return value


def _describe_fields(value, pack: LanguagePack):
    return {"text": value, **parse_fields(value, pack)} if value else None


def _describe_term(value, pack: LanguagePack):
    # the variant says the term is fixed: reported even when its wording could not be read
    years = parse_term(value or "", pack.lexicon)
    return {"kind": "fixed", "years": years, "text": value}


def _describe_date(value, pack: LanguagePack):
    if value is None:
        return None
    parsed = parse_date(value, pack.lexicon)
    return {"text": value, "iso": parsed.isoformat() if parsed else None}


def _describe_language(value, pack: LanguagePack):
    return None if value is None else {"text": value, "code": language_code(value, pack)}


# How the report describes the value of each kind of slot: (value or None, pack) -> JSON-ready
# data, None for nothing to report. Alternatives are described with the form's options.
DESCRIBE = {
    "text": _describe_text,
    "party_name": _describe_text,
    "field_list": _describe_fields,
    "date": _describe_date,
    "language": _describe_language,
    "term": _describe_term,
    "years": lambda value, pack: None,
}
# What the report says of a slot the variant leaves out of the text: fields left open
# ("in various fields"), a partner who writes English, an open-ended term.
NOT_SHOWN = {
    "field_list": {"text": "", "ids": [], "other": [], "various": True},
    "language": {"text": "", "code": "en"},
    "term": {"kind": "open"},
}


def describe_values(values: dict[str, str], variant: dict, patterns: FormPatterns,
                    pack: LanguagePack) -> dict:
    """The inferred values of a version, with listed options and parsed dates, terms, fields."""
    form = patterns.form
    out: dict = {"instrument": form.instrument}
    for slot in form.slots:
        if slot.kind == "alternative":
            if slot.name in values:
                options = patterns.options_of(slot.name, values[slot.name])
                out[slot.name] = {"text": values[slot.name], "options": list(options)}
            continue
        if not slot.shown_in(variant):
            if slot.kind in NOT_SHOWN:
                out[slot.report_key] = dict(NOT_SHOWN[slot.kind])
            continue
        described = DESCRIBE[slot.kind](values.get(slot.name), pack)
        if described is not None:
            out[slot.report_key] = described
    return out


def describe_value(value) -> str:
    """One value of a report in a few words (a date with its ISO form, a term, fields...);
    the words are a :class:`moukit.i18n.Message` where there are any ("5 years").

    >>> describe_value({"text": "22 November 2026", "iso": "2026-11-22"})
    '22 November 2026 (2026-11-22)'
    >>> describe_value({"kind": "fixed", "years": 5, "text": "five (5) years"}).in_language("th")
    '5 ปี (five (5) years)'
    """
    if isinstance(value, dict):
        if "iso" in value:
            return f"{value.get('text')} ({value['iso']})" if value.get("iso") else str(value.get("text"))
        if "kind" in value:
            if value["kind"] == "fixed":
                return N_("{years} years ({text})", years=value.get("years"), text=value.get("text"))
            return N_("open") if value["kind"] == "open" else value["kind"]
        if "ids" in value:
            if value.get("various"):
                return N_("various fields")
            items = list(value.get("ids") or []) + [f"'{o}'" for o in value.get("other") or []]
            return ", ".join(items) or str(value.get("text"))
        if "options" in value:
            return "/".join(value.get("options") or []) or N_("{text!r} (not listed)", text=value.get("text"))
        if "code" in value:
            return f"{value.get('text') or '-'} ({value.get('code') or '?'})"
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return str(value)
