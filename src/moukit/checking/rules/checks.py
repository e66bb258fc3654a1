"""Applying the rule packs to one analysed language version, and the named checks.

Pattern rules read what a draft says beyond the form. A version compared word for word
(the English one) is read clause by clause: every clause the draft changed (or moved) is
read whole, not only the words a character diff shows as inserted, and a rule reports only
the matches beyond those of the form's own clause (its blanks left out: what a draft writes
in a free blank is the draft's, not the form's); a paragraph the form does not have, and a
free blank of an unchanged clause, are read whole. A version checked as a translation of the
English (:mod:`moukit.checking.translation`) is read clause by clause, whole, and a rule
reports only the matches the English form's clause does not itself contain: matches inside
the meaning units found in the clause are the form's own words, and the rest count only
beyond the number of matches in the English form's clause. On both paths a match a negation
of the pack denies ("is not legally binding") is not counted (:meth:`Rule.find`).

A named check is a function in :data:`CHECKS`, for what a pattern cannot see: a clause the
form requires that was removed or changed (in a translation: missing, or missing one of the
rule's ``units``, or no longer saying what the English says). A rule names the clause it
looks at (``clause:`` in the rule pack).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ...i18n import N_
from ...text.normalize import clean
from ...text.regex_cache import longest_first
from ..patterns import key_of, make_key
from ..report import Finding
from ..wording import words_found


def _rule_finding(rule, analysis, message: str, **fields) -> Finding:
    return Finding(code=rule.code, route=rule.route, kind="rule", lang=analysis.version.lang,
                   message=message, rationale=rule.rationale, rationale_th=rule.rationale_th,
                   **fields)


def _translation_breaks(rule, analysis) -> bool:
    """In a translation: the rule's clause is missing, lacks one of the rule's units, or (a
    rule without units) does not say what the English says."""
    status = analysis.clause_status.get(rule.clause, "equal")
    if status == "removed" or not rule.units:
        return status != "equal"
    missing = next((row.units_missing for row in analysis.translation
                    if row.clause_id == rule.clause), [])
    return any(unit in missing for unit in rule.units)


def nonbinding_sentence(rule, analysis) -> Finding | None:
    """The LOI's sentence that it creates no rights or obligations was removed or changed."""
    status = analysis.clause_status.get(rule.clause, "equal")  # a form without it: "equal"
    if status == "equal" or (analysis.translation is not None and not _translation_breaks(rule, analysis)):
        return None
    message = (N_("the Letter of Intent's non-binding sentence was removed") if status == "removed"
               else N_("the Letter of Intent's non-binding sentence was changed"))
    return _rule_finding(rule, analysis, message,
                         clause_id=rule.clause, standard=analysis.standard.get(rule.clause),
                         draft=analysis.draft_clauses.get(rule.clause) or None)


def prevailing_language(rule, analysis) -> Finding | None:
    """The clause no longer names English as often as the form does (English prevails)."""
    if analysis.clause_status.get(rule.clause, "equal") == "equal":
        return None
    if analysis.translation is not None:
        if not _translation_breaks(rule, analysis):
            return None
        return _rule_finding(rule, analysis, N_("the signing clause no longer says that the English "
                                                "text is the one used"), clause_id=rule.clause,
                             standard=analysis.standard.get(rule.clause),
                             draft=analysis.draft_clauses.get(rule.clause) or None)
    english = (analysis.pack.lexicon.get("languages") or {}).get("en") or "English"
    key = key_of(english).lower()
    standard = make_key([analysis.standard.get(rule.clause, "")]).key.lower()
    draft = make_key([analysis.draft_clauses.get(rule.clause, "")]).key.lower()
    if draft.count(key) >= standard.count(key):
        return None
    return _rule_finding(rule, analysis, N_("the signing clause no longer makes the English text prevail"),
                         clause_id=rule.clause, standard=analysis.standard.get(rule.clause),
                         draft=analysis.draft_clauses.get(rule.clause))


CHECKS: dict[str, Callable] = {
    "nonbinding_sentence": nonbinding_sentence,
    "prevailing_language": prevailing_language,
}


def apply_rules(analysis, rules) -> list[Finding]:
    """The findings of ``rules`` in one analysed version: named checks, then each pattern
    rule once per clause (or added text) that says more than the form, naming every word it
    matched beyond the form's own."""
    from . import may_match

    out: list[Finding] = []
    lang = analysis.version.lang
    if analysis.translation is not None:  # read in its language (matchable) and in English (cleaned)
        texts = _translation_texts(analysis)
        live = may_match(rules, lang, [row[2] for row in texts])
        english = may_match(rules, "en", [row[3] for row in texts])
    else:  # read cleaned, in its language and in English
        texts = _draft_texts(analysis)
        live = may_match(rules, lang, [row[2] for row in texts])
        english = may_match(rules, "en", [row[2] for row in texts]) if lang != "en" else []
    for codes, more in zip(live, english):
        codes |= more
    for rule in rules:
        if rule.check:
            found = CHECKS[rule.check](rule, analysis)
            if found:
                out.append(found)
            if not rule.patterns or found:
                continue  # a rule may also have patterns (another prevailing language named)
        rows = [row for row, codes in zip(texts, live) if rule.code in codes]  # (the others: no match)
        if not rows:
            continue
        if analysis.translation is not None:
            out += _translation_matches(rule, analysis, rows)
        else:
            out += _draft_matches(rule, analysis, rows)
    return out


def _draft_texts(analysis) -> list[tuple[str | None, str, str, str]]:
    """What the rules read in a version compared word for word: ``(clause id, the draft's
    text, the same cleaned, the form's text cleaned)`` for each clause the draft changed or
    moved (the form's text without the values of the blanks the rules read), then each other
    text the draft adds (a paragraph, a blank's value) with no form text. (Cleaned once here,
    not once per rule.)"""
    rows: list[tuple[str | None, str, str]] = []
    values = longest_first({v for v in _rule_values(analysis) if v and v.strip()})
    for clause_id, status in analysis.clause_status.items():
        draft = analysis.draft_clauses.get(clause_id)
        if status in ("changed", "moved") and draft:
            form = analysis.standard.get(clause_id, "")
            for value in values:
                form = form.replace(value, " … ")
            rows.append((clause_id, draft, form))
    read = [draft for _, draft, _ in rows]
    for text in dict.fromkeys(analysis.novel):  # each text once, in order
        if text and not any(text in draft for draft in read):
            rows.append((_clause_containing(analysis, text), text, ""))
    return [(clause_id, text, clean(text), clean(form) if form else "") for clause_id, text, form in rows]


def _rule_values(analysis) -> list[str]:
    return [analysis.values.get(s.name) or "" for s in analysis.patterns.form.slots if s.read_by_rules]


def _draft_matches(rule, analysis, texts) -> list[Finding]:
    """A pattern rule on a version compared word for word: each text read in its language (and
    in English), reported when it has more matches than the form's text."""
    lang = analysis.version.lang
    out = []
    for clause_id, text, cleaned, form in texts:
        found = _spans(rule, lang, cleaned)
        if not found:
            continue
        allowed = _spans(rule, lang, form) if form else []
        if len(found) <= len(allowed):
            continue
        words = [cleaned[a:b] for a, b in found]
        own = Counter(form[a:b].lower() for a, b in allowed)
        beyond = []
        for w in words:  # the words the form's clause does not have as often
            if own[w.lower()] > 0:
                own[w.lower()] -= 1
            else:
                beyond.append(w)
        words = list(dict.fromkeys(beyond or words))
        out.append(_words_found(rule, analysis, words, text, clause_id))
    return out


def _spans(rule, lang: str, text: str) -> list[tuple[int, int]]:
    """Where ``rule`` matches ``text`` (in ``lang`` and, for another language, in English),
    overlapping matches merged."""
    spans = [(m.start(), m.end()) for m in rule.find(lang, text)]
    if lang != "en":
        spans += [(m.start(), m.end()) for m in rule.find("en", text)]
    return _merged(spans) if spans else []


def _words_found(rule, analysis, words: list[str], text: str, clause_id: str | None) -> Finding:
    """The finding of a pattern rule: the words it matched in ``text`` (of ``clause_id``)."""
    clause = analysis.patterns.form.clause(clause_id) if clause_id else None
    return _rule_finding(
        rule, analysis, words_found(rule.name, words, text),
        clause_id=clause_id, draft=text, clause_number=str(clause.number) if clause and clause.number else None)


def _merged(spans) -> list[tuple[int, int]]:
    """Overlapping spans merged (one word matched by two patterns counts once)."""
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


def _translation_texts(analysis) -> list[tuple]:
    """What the rules read in a translation: each clause (and each paragraph the English does
    not have) as ``(clause id, text, matchable text, cleaned text, unit spans, the English
    form's clause cleaned)``; the unit spans as a function that gives them (sought only when
    a rule matches there)."""
    from ..units import matchable

    lang = analysis.version.lang
    form_texts = analysis.reference.form_texts
    rows = [(row.clause_id, row.text, row.unit_spans) for row in analysis.translation if row.text]
    rows += [(None, text, list) for text in analysis.added_texts]
    return [(clause_id, text, matchable(text, lang), clean(text), spans,
             clean(form_texts.get(clause_id, "")) if clause_id else "")
            for clause_id, text, spans in rows]


def _translation_matches(rule, analysis, texts) -> list[Finding]:
    """A pattern rule on a translation: each clause read whole, in its language and in
    English; matches inside the clause's meaning units, and as many as the English form's
    clause has, are the form's own."""
    lang = analysis.version.lang
    out = []
    for clause_id, text, mt, cleaned, unit_spans, form_text in texts:
        in_lang = rule.find(lang, mt)
        in_english = rule.find("en", cleaned) if lang != "en" else []
        if not in_lang and not in_english:  # (nearly every clause for nearly every rule)
            continue
        found = _merged((m.start(), m.end()) for m in in_lang)
        units = unit_spans()
        own = [s for s in found if not any(a <= s[0] and s[1] <= b for a, b in units)]
        english = _merged((m.start(), m.end()) for m in in_english)
        if english:  # an English word ("visa") inside the version's own negation is denied too
            denied = rule.denied(lang, cleaned)
            english = [s for s in english if not any(a <= s[0] and s[1] <= b for a, b in denied)]
        if not own and not english:
            continue
        # the English form's own matches, less those the clause's units already explain
        allowed = len(_merged((m.start(), m.end()) for m in rule.find("en", form_text)))
        if len(own) + len(english) <= max(0, allowed - (len(found) - len(own))):
            continue
        words = list(dict.fromkeys([mt[a:b] for a, b in own] + [cleaned[a:b] for a, b in english]))
        out.append(_words_found(rule, analysis, words, text, clause_id))
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
