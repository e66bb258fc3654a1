"""Do the language versions say the same thing, and what the spec says?

Values that can be compared across languages (listed alternatives, fields of cooperation,
term, date, languages named) are compared; so are the names (the parties, the place of
signing, the signatories), each version's against the English version's, where they can be
told apart (:mod:`moukit.checking.names`: the same script after folding, the Thai provinces'
names in every language, transliteration). Whether a translation has the English's clauses is the translation check's
question (:mod:`moukit.checking.translation`); here the clauses of the versions compared
word for word with the form are.
"""

from __future__ import annotations

from ..forms import get_form
from ..i18n import N_, Joined, Message
from ..text.normalize import token_key
from ..text.regex_cache import longest_first
from .align import Analysis
from .names import NAME_SLOTS, NameComparison, compare_name
from .patterns import key_of
from .report import Finding, VersionResult, finding
from .values import describe_value, value_name


def _comparable(values: dict, lang: str) -> dict[str, object]:
    """The values of a version that can be compared across languages, by kind of slot: listed
    alternatives, fields, term, date and languages named (names are in different scripts)."""
    out: dict[str, object] = {"instrument": values.get("instrument")}
    form = get_form(values["instrument"]) if values.get("instrument") else None
    for slot in form.slots if form else ():
        value = values.get(slot.report_key)
        if not isinstance(value, dict) or slot.report_key in out:
            continue
        if slot.kind == "alternative" and form.alternatives[slot.name].wording_only:
            continue  # a choice of words ("Participants" or "two Sides"), not of meaning
        if slot.kind == "alternative":  # another wording (the form's "etc.") cannot be compared
            options = frozenset(value["options"])
            out[slot.report_key] = (options | _other_wordings(slot.name, value, lang)) \
                if options else "(another wording)"
        elif slot.kind == "field_list":  # a translation's other wordings are not counted (None)
            other = value.get("other")
            out[slot.report_key] = (tuple(value["ids"]), None if other is None else len(other))
        elif slot.kind == "term":
            out[slot.report_key] = value.get("years") if value["kind"] == "fixed" else "open"
        elif slot.kind == "date":
            out[slot.report_key] = value["iso"]
        elif slot.kind == "language":
            out[slot.report_key] = value["code"]
    return out


def _other_wordings(name: str, value: dict, lang: str) -> frozenset:
    """The options the pack's other wordings of the alternative give the same text (姐妹城市 is
    the lexicon's "twin" and, for a translator, "sister" too)."""
    from ..packs.library import default_library
    from .values import unit_options

    library = default_library()
    if not value.get("text") or lang not in library.available():
        return frozenset()
    return frozenset(unit_options(name, value["text"], library.pack(lang)))


def _agree(a, b) -> bool:
    if isinstance(a, frozenset) and isinstance(b, frozenset):
        return bool(a & b)
    if isinstance(a, tuple) and isinstance(b, tuple) and None in (a[1], b[1]):
        return a[0] == b[0]  # fields: a translation's other wordings cannot be counted
    return a == b


def compare_versions(results: list[VersionResult], *, with_names: bool = True) -> list[Finding]:
    """Findings where the language versions do not say the same thing; ``with_names``: also
    the names (without a spec; with one, each version's names are compared with the spec's)."""
    findings: list[Finding] = []
    if len(results) < 2:
        return findings
    comparable = [(r, _comparable(r.values, r.lang)) for r in results]
    names = sorted({k for _, c in comparable for k in c})
    for name in names:
        present = [(r, c[name]) for r, c in comparable if name in c and c[name] is not None]
        if len(present) < 2:
            continue
        first = present[0][1]
        if all(_agree(first, v) for _, v in present[1:]):
            continue
        shown = {r.lang: describe_value(r.values.get(name)) for r, _ in present}
        findings.append(finding(
            "MK-X001", N_("the language versions disagree on {name}: {values}", name=value_name(name),
                          values=Joined([Joined([f"{lang}: ", v], "") for lang, v in shown.items()], "; ")),
            values=shown))
    if with_names:
        findings += [_name_finding(c) for c in compare_names(results) if c.verdict == "different"]
    # a translation's clauses are checked against the English's (MK-T004, MK-T005)
    compared = [r for r in results if r.translation is None]
    structural = {r.lang: sorted(c for c, s in _statuses(r).items() if s != "removed") for r in compared}
    added = {r.lang: sum(f.kind == "added" for f in r.findings) for r in compared}
    if len({tuple(v) for v in structural.values()}) > 1 or len(set(added.values())) > 1:
        findings.append(finding(
            "MK-X002", N_("the language versions do not carry the same clauses"),
            values={lang: _clauses(v, added[lang]) for lang, v in structural.items()}))
    return findings


def compare_names(results: list[VersionResult]) -> list[NameComparison]:
    """Each version's names (the parties, the place, the signatories) compared with those of
    the English version, where both versions write them."""
    english = next((r for r in results if r.lang == "en"), None)
    if english is None:
        return []
    out = []
    for result in results:
        if result.lang == "en":
            continue
        for slot in NAME_SLOTS:
            ours, theirs = english.values.get(slot), result.values.get(slot)
            if isinstance(ours, str) and isinstance(theirs, str) and ours.strip() and theirs.strip():
                out.append(compare_name(slot, ours, theirs, result.lang))
    return out


NAME_LABELS = {"thai_name": N_("the Thai party"), "partner_name": N_("the partner"),
               "place": N_("the place of signing"), "thai_signatory.name": N_("the Thai signatory"),
               "partner_signatory.name": N_("the partner's signatory")}


def _clauses(ids: list[str], added: int) -> Message | str:
    """A version's clauses for the X002 values: "c1, c2, c3" and how many it adds."""
    if added:
        return N_("{clauses} + {count} added", clauses=", ".join(ids), count=added)
    return ", ".join(ids)


def _name_finding(c: NameComparison) -> Finding:
    from .translation import language_name

    return finding(
        "MK-X001", N_("the language versions name {what} differently: {name} in the {language} "
                      "version, {english} in the English", what=NAME_LABELS[c.slot], name=c.shown,
                      language=language_name(c.lang), english=c.english),
        lang=c.lang, standard=c.english, draft=c.other, values={"en": c.english, c.lang: c.shown})


def _statuses(result: VersionResult) -> dict[str, str]:
    form = get_form(result.instrument) if result.instrument else None
    status = {c: "equal" for c in (form.clause_ids if form else ())}
    for f in result.findings:
        if f.clause_id and f.kind in ("removed",):
            status[f.clause_id] = "removed"
    return status


def compare_with_spec(analyses: list[Analysis], spec) -> list[Finding]:
    """Findings where a version's values differ from the spec's intended values."""
    from ..rendering.context import build_context

    findings = []
    for a in analyses:
        if a.version.lang not in spec.languages or a.patterns.form.instrument != spec.instrument:
            if a.patterns.form.instrument != spec.instrument:
                findings.append(finding(
                    "MK-S002", N_("the draft is a {draft}, the spec a {spec}",
                                  draft=a.patterns.form.instrument.upper(), spec=spec.instrument.upper()),
                    lang=a.version.lang))
            continue
        expected = flat_context(build_context(spec, a.pack))
        slots = {s.name: s for s in a.patterns.form.slots}
        for slot, want in expected.items():
            got = a.values.get(slot)
            if got is None or not isinstance(want, str) or not want:
                continue
            kind = slots[slot].kind if slot in slots else None
            as_value = _spec_value(kind, a.result.values if a.result else {}, spec)
            if as_value is not None:  # a term in years, a date as a day: compared as values
                (got_value, got_text), (want_value, want_text) = as_value
                if got_value != want_value:
                    findings.append(finding(
                        "MK-S001", N_("{name} is {draft} in the draft but {spec} in the spec",
                                      name=value_name(slot), draft=got_text, spec=want_text),
                        lang=a.version.lang, standard=want, draft=got,
                        values={"spec": want_text, "draft": got_text}))
                continue
            if not _same_name(got, want, a, kind):
                findings.append(finding(
                    "MK-S001", N_("{name} is {draft!r} in the draft but {spec!r} in the spec",
                                  name=value_name(slot), draft=got, spec=want),
                    lang=a.version.lang, standard=want, draft=got, values={"spec": want, "draft": got}))
    return findings


def _same_name(got: str, want: str, analysis: Analysis, kind: str | None) -> bool:
    """Whether a value the draft writes is the spec's. A version read as a translation is
    read in its comparison form, whose case is not the draft's: its values are compared
    without case, and a name may lack the country the spec's name carries."""
    if token_key(key_of(got)) == token_key(key_of(want)):
        return True
    if analysis.translation is None:
        return False
    if key_of(got).casefold() == key_of(want).casefold():
        return True
    return kind in ("party_name", "text") and _same_but_country(got, want, analysis.pack)


def _same_but_country(got: str, want: str, pack) -> bool:
    """Whether two names differ only by a country the pack names ("タイ王国チェンマイ県" and
    "チェンマイ県"): a version read in other words is known by its name without the country,
    which the spec's name may carry. The country itself is compared with the other versions."""
    countries = longest_first((str(c) for c in (pack.lexicon.get("countries") or {}).values() if c))

    def bare(text: str) -> str:
        text = text.casefold()
        for country in countries:
            text = text.replace(country.casefold(), " ")
        return key_of(text)

    return bool(bare(got)) and bare(got) == bare(want)


def _spec_value(kind: str | None, described: dict, spec):
    """A term or a date of a version and of the spec as values to compare (years, the ISO
    date), each with how a message shows it; None when either cannot be read as a value."""
    if kind in ("term", "years"):
        term = described.get("term") or {}
        spec_term = getattr(spec, "term", None)
        years = getattr(spec_term, "years", None)
        if term.get("kind") == "fixed" and isinstance(term.get("years"), int) and years is not None:
            return (term["years"], N_("{years} years", years=term["years"])), (years, N_("{years} years", years=years))
        return None
    if kind == "date":
        date = described.get("date") or {}
        if date.get("iso"):
            want = spec.signing.date.isoformat()
            return (date["iso"], f"{date.get('text')} ({date['iso']})"), (want, want)
    return None


def flat_context(context: dict, prefix: str = "") -> dict:
    """A template context with nested mappings flattened to dotted slot names.

    >>> flat_context({"place": "Hanoi", "thai_signatory": {"name": "A"}})
    {'place': 'Hanoi', 'thai_signatory.name': 'A'}
    """
    out = {}
    for name, value in context.items():
        if isinstance(value, dict):
            out.update(flat_context(value, f"{prefix}{name}."))
        else:
            out[prefix + name] = value
    return out
