"""Do the language versions say the same thing, and what the spec says?

Values that can be compared across languages (listed alternatives, fields of cooperation,
term, date, languages named) are compared; names in different scripts are compared with
the spec only.
"""

from __future__ import annotations

from .align import Analysis
from .forms import get_form
from .patterns import (
    ALTERNATIVE_SLOTS,
    key_of,
)
from .report import Finding, VersionResult, finding
from .textnorm import token_key


def _comparable(values: dict) -> dict[str, object]:
    out: dict[str, object] = {"instrument": values.get("instrument")}
    for slot in ALTERNATIVE_SLOTS:
        if slot in values:  # another wording (the form's "etc.") cannot be compared across languages
            out[slot] = frozenset(values[slot]["options"]) or "(another wording)"
    for slot in ("fields", "further_fields"):
        if slot in values:
            out[slot] = (tuple(values[slot]["ids"]), len(values[slot]["other"]))
    if "term" in values:
        out["term"] = values["term"].get("years") if values["term"]["kind"] == "fixed" else "open"
    if "date" in values:
        out["date"] = values["date"]["iso"]
    if "partner_language" in values:
        out["partner_language"] = values["partner_language"]["code"]
    return out


def _agree(a, b) -> bool:
    if isinstance(a, frozenset) and isinstance(b, frozenset):
        return bool(a & b)
    return a == b


def compare_versions(results: list[VersionResult]) -> list[Finding]:
    """Findings where the language versions do not say the same thing."""
    findings: list[Finding] = []
    if len(results) < 2:
        return findings
    comparable = [(r, _comparable(r.values)) for r in results]
    names = sorted({k for _, c in comparable for k in c})
    for name in names:
        present = [(r, c[name]) for r, c in comparable if name in c and c[name] is not None]
        if len(present) < 2:
            continue
        first = present[0][1]
        if all(_agree(first, v) for _, v in present[1:]):
            continue
        shown = {r.lang: _show(r.values.get(name)) for r, _ in present}
        findings.append(finding(
            "MK-X001", f"the language versions disagree on {name.replace('_', ' ')}: "
                       + "; ".join(f"{lang}: {v}" for lang, v in shown.items()),
            values=shown))
    structural = {r.lang: sorted(c for c, s in _statuses(r).items() if s != "removed") for r in results}
    added = {r.lang: sum(f.kind == "added" for f in r.findings) for r in results}
    if len({tuple(v) for v in structural.values()}) > 1 or len(set(added.values())) > 1:
        findings.append(finding(
            "MK-X002", "the language versions do not carry the same clauses",
            values={lang: ", ".join(v) + (f" + {added[lang]} added" if added[lang] else "")
                    for lang, v in structural.items()}))
    return findings


def _statuses(result: VersionResult) -> dict[str, str]:
    form = get_form(result.instrument) if result.instrument else None
    status = {c: "equal" for c in (form.clause_ids if form else ())}
    for f in result.findings:
        if f.clause_id and f.kind in ("removed",):
            status[f.clause_id] = "removed"
    return status


def _show(value) -> str:
    if isinstance(value, dict):
        if "iso" in value:
            return f"{value['text']} ({value['iso']})"
        if "years" in value:
            return f"{value.get('text')} ({value['years']} years)"
        if "kind" in value:
            return value["kind"]
        if "ids" in value:
            return value.get("text") or "various fields"
        return str(value.get("text", value))
    return str(value)


def compare_with_spec(analyses: list[Analysis], spec) -> list[Finding]:
    """Findings where a version's values differ from the spec's intended values."""
    from .context import build_context

    findings = []
    for a in analyses:
        if a.version.lang not in spec.languages or a.patterns.form.instrument != spec.instrument:
            if a.patterns.form.instrument != spec.instrument:
                findings.append(finding(
                    "MK-S002", f"the draft is a {a.patterns.form.instrument.upper()}, the spec a "
                               f"{spec.instrument.upper()}", lang=a.version.lang))
            continue
        ctx = build_context(spec, a.pack)
        expected = {"thai_name": ctx["thai_name"], "partner_name": ctx["partner_name"],
                    "place": ctx["place"], "date": ctx["date"],
                    "thai_signatory.name": ctx["thai_signatory"]["name"],
                    "thai_signatory.position": ctx["thai_signatory"]["position"],
                    "partner_signatory.name": ctx["partner_signatory"]["name"],
                    "partner_signatory.position": ctx["partner_signatory"]["position"]}
        for slot in ALTERNATIVE_SLOTS + ("fields", "further_fields", "term_text", "partner_language"):
            if slot in ctx and ctx[slot]:
                expected[slot] = ctx[slot]
        for slot, want in expected.items():
            got = a.values.get(slot)
            if got is None:
                continue
            if token_key(key_of(got)) != token_key(key_of(want)):
                findings.append(finding(
                    "MK-S001", f"{slot.replace('_', ' ')} is {got!r} in the draft but {want!r} in the spec",
                    lang=a.version.lang, standard=want, draft=got, values={"spec": want, "draft": got}))
    return findings
