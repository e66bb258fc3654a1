"""Applying the rule packs to one analysed language version, and the named checks.

Pattern rules read only the wording a draft adds to the form (changed or added text and the
free blanks it fills), never the form's own words. A named check is a function in
:data:`CHECKS`, for what a pattern cannot see: a clause the form requires that was removed
or changed. A rule names the clause it looks at (``clause:`` in the rule pack).
"""

from __future__ import annotations

from collections.abc import Callable

from ...text.normalize import clean
from ..patterns import key_of, make_key
from ..report import Finding


def _rule_finding(rule, analysis, message: str, **fields) -> Finding:
    return Finding(code=rule.code, route=rule.route, kind="rule", lang=analysis.version.lang,
                   message=message, rationale=rule.rationale, rationale_th=rule.rationale_th,
                   **fields)


def nonbinding_sentence(rule, analysis) -> Finding | None:
    """The LOI's sentence that it creates no rights or obligations was removed or changed."""
    status = analysis.clause_status.get(rule.clause, "equal")  # a form without it: "equal"
    if status == "equal":
        return None
    what = "removed" if status == "removed" else "changed"
    return _rule_finding(rule, analysis, f"the Letter of Intent's non-binding sentence was {what}",
                         clause_id=rule.clause, standard=analysis.standard.get(rule.clause),
                         draft=analysis.draft_clauses.get(rule.clause) or None)


def prevailing_language(rule, analysis) -> Finding | None:
    """The clause no longer names English as often as the form does (English prevails)."""
    if analysis.clause_status.get(rule.clause, "equal") == "equal":
        return None
    english = (analysis.pack.lexicon.get("languages") or {}).get("en") or "English"
    key = key_of(english).lower()
    standard = make_key([analysis.standard.get(rule.clause, "")]).key.lower()
    draft = make_key([analysis.draft_clauses.get(rule.clause, "")]).key.lower()
    if draft.count(key) >= standard.count(key):
        return None
    return _rule_finding(rule, analysis, "the signing clause no longer makes the English text prevail",
                         clause_id=rule.clause, standard=analysis.standard.get(rule.clause),
                         draft=analysis.draft_clauses.get(rule.clause))


CHECKS: dict[str, Callable] = {
    "nonbinding_sentence": nonbinding_sentence,
    "prevailing_language": prevailing_language,
}


def apply_rules(analysis, rules) -> list[Finding]:
    """The findings of ``rules`` in one analysed version: named checks, then each pattern
    rule once per text the draft adds, naming every word it matched."""
    lang = analysis.version.lang
    out: list[Finding] = []
    seen = set()
    for rule in rules:
        if rule.check:
            found = CHECKS[rule.check](rule, analysis)
            if found:
                out.append(found)
            continue
        for text in dict.fromkeys(analysis.novel):  # each text once, in order
            matches = rule.find(lang, clean(text)) + (rule.find("en", clean(text)) if lang != "en" else [])
            words = list(dict.fromkeys(m.group(0) for m in sorted(matches, key=lambda m: m.start())))
            if not words or (rule.code, text) in seen:
                continue
            seen.add((rule.code, text))
            clause_id = _clause_containing(analysis, text)
            clause = analysis.patterns.form.clause(clause_id) if clause_id else None
            out.append(_rule_finding(
                rule, analysis, f"{rule.name}: {', '.join(repr(w) for w in words)} in {text[:120]!r}",
                clause_id=clause_id, draft=text,
                clause_number=str(clause.number) if clause and clause.number else None))
    return out


def _clause_containing(analysis, text: str) -> str | None:
    """The clause whose draft wording holds ``text``, or that holds the blank it fills."""
    for clause_id, draft in analysis.draft_clauses.items():
        if text and draft and text in draft:
            return clause_id
    for slot in (s.name for s in analysis.patterns.form.slots if s.read_by_rules):
        if analysis.values.get(slot) == text:
            return analysis.patterns.first_clause_with(slot)
    return None
