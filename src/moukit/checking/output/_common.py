"""What the terminal and the HTML report share: the verdict labels, the names of routes,
kinds and verdicts, where a finding is, the name of a version's language, how the words of
a diff are joined, and the rows of a translation check.

Every text a person reads is a :class:`moukit.i18n.Message` (its Thai is in the catalog);
:func:`moukit.i18n.translate` shows it in the report's language. The routes, kinds and
verdicts stay the stable identifiers of the JSON report; these tables name them.
"""

from __future__ import annotations

from ...i18n import N_, Message, translate
from ...text.chars import UNSAFE_CHAR
from ..report import Finding

ROUTE_LABELS = {"standard": N_("STANDARD FORM"), "ministries": N_("REVIEW: MINISTRIES"),
                "council_of_state": N_("REVIEW: COUNCIL OF STATE"), "not_permitted": N_("NOT PERMITTED")}
# a route as a finding's heading and the summary name it (the identifier, in English)
ROUTE_NAMES = {"standard": N_("standard"), "ministries": N_("ministries"),
               "council_of_state": N_("council_of_state"), "not_permitted": N_("not_permitted")}
KIND_NAMES = {"changed": N_("changed"), "added": N_("added"), "removed": N_("removed"),
              "moved": N_("moved"), "value_mismatch": N_("value_mismatch"), "variant": N_("variant"),
              "translation": N_("translation"), "notice": N_("notice"), "rule": N_("rule")}
# the verdict of a clause of a translation (the JSON's "verdict" of a translation row)
ROW_VERDICTS = {"same": N_("same"), "worded differently": N_("worded differently"),
                "missing clause": N_("missing clause"), "missing meaning": N_("missing meaning"),
                "added meaning": N_("added meaning")}

# the keys of a finding's values (the JSON's, shown as they are in English) in words, for a
# report in another language; a language code stays as it is
VALUE_KEYS = {"clauses": N_("the clauses"), "missing": N_("what is missing"), "added": N_("what is added"),
              "here": N_("here"), "elsewhere": N_("elsewhere"), "spec": N_("the spec"),
              "draft": N_("the draft")}


def named(table: dict[str, Message], key: str | None, lang: str) -> str:
    """``key``'s name from ``table`` in ``lang``; an unknown key (a rule pack's) as it is."""
    return translate(table[key], lang) if key in table else ("" if key is None else str(key))


def safe(text) -> str:
    """Text fit for a terminal: control characters (escape sequences, bidi overrides) replaced."""
    return UNSAFE_CHAR.sub("\ufffd", "" if text is None else str(text))


def language(code: str | None) -> Message:
    """A version's language for a heading: "Thai (th)", "all versions" for none."""
    if not code:
        return N_("all versions")
    from ..translation import language_name

    return N_("{language} ({code})", language=language_name(code), code=code)


def where(f: Finding) -> Message | str:
    """Where a finding is: "clause 3 (c3)", "clause sign_thai", or nothing."""
    if f.clause_number and f.clause_id:
        return N_("clause {number} ({id})", number=f.clause_number, id=f.clause_id)
    if f.clause_number or f.clause_id:
        return N_("clause {number}", number=f.clause_number or f.clause_id)
    return ""


def join(pieces: list[tuple[str, str]], lang: str | None) -> str:
    """Join (plain text, shown text) pieces of a diff: no space in scripts written without
    spaces, nor before closing punctuation or after an opening bracket."""
    out = ""
    previous = ""
    for plain, shown in pieces:
        if not plain:
            continue
        if out and lang not in ("th", "zh", "ja", "my") and plain[0] not in ",.;:)]!?%" \
                and previous[-1:] not in "([":
            out += " "
        out += shown
        previous = plain
    return out


def unit_words(units: list[str]) -> list[str]:
    """Meaning units as the English form's words: ``"the modalities"``."""
    from ...forms import meaning_units
    from ..translation import gloss_of

    gloss = meaning_units()
    return [gloss_of(gloss, unit) for unit in units]


def clause_label(row: dict) -> Message | str:
    """A translation row's clause: "clause 3" or the clause id."""
    if row.get("clause_number"):
        return N_("clause {number}", number=row["clause_number"])
    return str(row["clause_id"])


def value_key(key: str, lang: str) -> str:
    """A key of a finding's values in ``lang``: the JSON's key in English, in words otherwise."""
    return key if lang == "en" else named(VALUE_KEYS, key, lang)


def slot_key(key: str, lang: str) -> str:
    """A value of a version ("Values found") in ``lang``: the slot as in the JSON in English,
    what it is in words otherwise (``thai_signatory.name``: "ชื่อผู้ลงนามฝ่ายไทย")."""
    from ..values import value_name

    return key if lang == "en" else translate(value_name(key), lang)


def row_verdict(row: dict, lang: str = "en") -> str:
    """A translation row's verdict in ``lang``, with the accepted text it is."""
    verdict = named(ROW_VERDICTS, row["verdict"], lang)
    if row.get("accepted"):
        return f"{verdict} ({translate(row['accepted'], lang)})"
    return verdict
