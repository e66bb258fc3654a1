"""Matching one language version of a draft against the form, and the findings it gives.

1. The whole text is matched against the form's patterns (:meth:`FormPatterns.match_version`):
   a draft that is the form, with listed alternatives and filled blanks, matches in well
   under a millisecond and yields every value.
2. Otherwise each clause's pattern is searched to infer the values
   (:meth:`FormPatterns.search_clauses`), the variant is chosen, the standard text is
   re-rendered from them with the language's own template, and the draft is aligned to it
   word by word (:func:`moukit.checking.align.align`): changed, added, removed and moved clauses.
3. Values that differ from place to place, other wordings of tolerant alternatives and the
   rule packs add their findings.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..forms import INSTRUMENTS
from ..i18n import N_
from ..packs.library import LanguagePack, TemplateLibrary
from ..text import editorial
from ..text.chars import THAI_DIGITS, has_thai
from ..text.markers import unmark
from ..text.normalize import clean, fold, name_under_signing, split_numbering, strip_numbering
from .align import (
    Analysis,
    align,
    form_terms,
    marked_context,
    paragraph_similarity,
    standard_tokens,
    tokens_by_block,
    tokens_of_draft,
)
from .patterns import FormPatterns, Key, flat_key, form_patterns, make_key
from .report import Finding, VersionResult, finding
from .rules import Rule
from .rules.checks import apply_rules
from .segment import VersionText, block_text, literal_chunks
from .values import consensus, describe_values, value_name


def _instrument_order(key: Key, library_pack: LanguagePack, spec) -> list[str]:
    if spec is not None:
        return [spec.instrument]
    flat = flat_key(key.key)
    scores = {}
    for instrument in INSTRUMENTS:
        chunks = literal_chunks(library_pack, instrument)
        scores[instrument] = sum(len(c) for c in chunks if c in flat) / max(1, sum(map(len, chunks)))
    return sorted(scores, key=lambda i: -scores[i])


def analyze_version(version: VersionText, library: TemplateLibrary, rules: tuple[Rule, ...],
                    spec=None) -> Analysis:
    """Check one language version against the form; fills ``analysis.result``."""
    pack = library.pack(version.lang)
    key = make_key([block_text(b) for b in version.blocks])
    order = _instrument_order(key, pack, spec)
    analysis = None
    for instrument in order:
        patterns = form_patterns(pack, instrument)
        hit = patterns.match_version(key)
        if hit:
            exact = match_exactly(version, pack, patterns, hit, rules, spec)
            # a value differs in one place: analyse word by word, to locate and redline it
            analysis = exact or _slow_path(version, pack, key, instrument, rules, spec)
            break
    if analysis is None:
        analysis = _slow_path(version, pack, key, order[0], rules, spec)
    notes = editorial_notes([block_text(b) for b in version.blocks], standard_text(analysis))
    version.editorial[:0] = [n for n in notes if n not in version.editorial]
    analysis.result.editorial = list(version.editorial)
    return analysis


def standard_text(analysis: Analysis) -> list[str]:
    """The form's text as the version's values fill it (the clauses, in form order)."""
    if analysis.standard:
        return list(analysis.standard.values())
    form = analysis.patterns.form
    rendered = analysis.pack.render_clauses(form, marked_context(analysis.values, analysis.variant, form))
    return [unmark(text) for _, text in rendered]


def version_key(version: VersionText) -> Key:
    """The comparison key of a version's whole text."""
    return make_key([block_text(b) for b in version.blocks])


def match_exactly(version: VersionText, pack: LanguagePack, patterns: FormPatterns, hit,
                  rules: tuple[Rule, ...], spec) -> Analysis | None:
    """The analysis of a version that is the text of ``patterns`` word for word (``hit`` is
    what :meth:`FormPatterns.match_version` found), or None when a value differs from one
    place to another."""
    variant, found = hit
    values, odd = consensus(found)
    if odd and _only_listed_alternatives(odd, patterns):
        odd = []  # another listed alternative in one place: still the form
    if odd:
        return None
    analysis = Analysis(version, pack, patterns, values, variant, exact=True)
    analysis.novel = _read_by_rules(values, patterns)  # the blanks it fills
    return _finish(analysis, [], rules, spec)


def _read_by_rules(values: dict[str, str], patterns: FormPatterns) -> list[str]:
    """The values of the blanks the rule packs read (free wordings), in form order."""
    return [values[s.name] for s in patterns.form.slots if s.read_by_rules and s.name in values]


def _only_listed_alternatives(odd, patterns: FormPatterns) -> bool:
    """True when every value that differs is another of the form's listed alternatives."""
    return all(patterns.form.slot(slot).kind == "alternative" and patterns.options_of(slot, v)
               for slot, _, v in odd)


def editorial_notes(blocks: list[str], standard: list[str] | None = None) -> list[str]:
    """The kinds of editorial difference a draft shows, which the check ignores (the
    variants listed as data named one by one, see :mod:`moukit.text.editorial`; those the
    ``standard`` text, the form's own, shows too are not differences).

    >>> editorial_notes(["(1) The Participants will “cooperate”", "ข้อ ๒ ทั้งสองฝ่าย"])
    ['curly quotes', 'Thai digits', 'numbering style']
    >>> editorial_notes(["Clause 4: Consultation", "The Participants will agree on programmes"])
    ['numbering style', 'clause title: Consultation', 'spelling: "programmes" read as "programs"']
    """
    text = "\n".join(blocks)
    notes = []
    if re.search("[\u201c\u201d\u2018\u2019\u00ab\u00bb]", text):
        notes.append(N_("curly quotes"))
    if re.search(f"[{THAI_DIGITS}]", text):
        notes.append(N_("Thai digits"))
    if any(map(_thai_marks_reordered, text.split("\n"))):
        notes.append(N_("Thai marks typed in another order (normalised)"))
    # (a paragraph after a signing line starts with a signatory's name, "(X)", not a number)
    names = [i > 0 and name_under_signing(blocks[i - 1], b) for i, b in enumerate(blocks)]
    numbers = [not name and strip_numbering(b.lstrip())[1] and b.lstrip()[:12] for b, name in zip(blocks, names)]
    if any(n and not re.match(r"\d{1,2}\. ", n) for n in numbers):
        notes.append(N_("numbering style"))
    if any("  " in b.strip() or "\n" in b.strip() and len(b) > 200 for b in blocks):
        notes.append(N_("spacing and line breaks"))
    lines = []
    for block, name in zip(blocks, names):
        rest, _, title = (block.lstrip(), None, None) if name else split_numbering(block.lstrip())
        if title:
            notes.append(N_("clause title: {title}", title=title))
        lines.append(rest)
    form = None if standard is None else [_plain(clause) for clause in standard]
    notes.extend(editorial.changes([_plain(line) for line in lines], form))
    return list(dict.fromkeys(notes))


@lru_cache(maxsize=16384)
def _thai_marks_reordered(line: str) -> bool:
    """A Thai line whose marks normalisation puts in another order (Thai digits and curly
    quotes aside, which have notes of their own); kept for the lines read last."""
    import unicodedata

    return (has_thai(line) and not re.search(f"[{THAI_DIGITS}\u201c\u201d\u2018\u2019]", line)
            and clean(line, variants=False) != " ".join(unicodedata.normalize("NFC", line).split()))


@lru_cache(maxsize=16384)
def _plain(text: str) -> str:
    """NFC, straight quotes and single spaces, line by line (what the variants are read in;
    kept for the paragraphs read last)."""
    import unicodedata

    return "\n".join(" ".join(fold(unicodedata.normalize("NFC", line)).split()) for line in text.split("\n"))


def _odd_value_findings(odd, values, patterns: FormPatterns, lang: str) -> list[Finding]:
    findings = []
    for slot, clause_id, value in odd:
        clause = patterns.form.clause(clause_id)
        if patterns.form.slot(slot).kind == "alternative":
            if patterns.options_of(slot, value):
                continue  # another listed alternative in this place: still the form
            findings.append(finding(
                "MK-C001", N_("clause {number}: {value!r} is not one of the form's wordings for "
                              "{name}", number=clause.number or clause_id, value=value,
                              name=value_name(slot)),
                lang=lang, clause_id=clause_id, clause_number=str(clause.number) if clause.number else None,
                standard=values[slot], draft=value))
            continue
        findings.append(finding(
            "MK-M001", N_("{name} is written {here!r} here but {elsewhere!r} elsewhere",
                          name=value_name(slot), here=value, elsewhere=values[slot]),
            lang=lang, clause_id=clause_id, clause_number=str(clause.number) if clause.number else None,
            standard=values[slot], draft=value, values={"here": value, "elsewhere": values[slot]}))
    return findings


def _slow_path(version: VersionText, pack: LanguagePack, key: Key, instrument: str,
               rules: tuple[Rule, ...], spec) -> Analysis:
    patterns = form_patterns(pack, instrument)
    found, variant_votes = patterns.search_clauses(key)
    values, odd = consensus(found)
    variant = {dim: (votes.most_common(1)[0][0] if votes else None) for dim, votes in variant_votes.items()}
    draft = tokens_of_draft(version, version.lang, form_terms(pack))
    paragraphs = [[t.key for t in run] for run in tokens_by_block(draft[0]).values()]
    variant = _best_variant(variant, values, patterns, pack, paragraphs)
    analysis = Analysis(version, pack, patterns, values, variant, exact=False)
    known = set(values)
    findings = align(analysis, draft)
    if set(analysis.values) != known:  # blanks read from the alignment: align again with them
        analysis = Analysis(version, pack, patterns, dict(analysis.values), variant, exact=False)
        findings = align(analysis, draft)
    analysis.novel += _read_by_rules(analysis.values, patterns)
    analysis.novel += [v for _, _, v in odd]
    findings += _odd_value_findings([o for o in odd if o[1] not in analysis.clause_status
                                     or analysis.clause_status[o[1]] == "equal"], values, patterns, version.lang)
    return _finish(analysis, findings, rules, spec)


def _best_variant(variant: dict, values: dict, patterns: FormPatterns, pack: LanguagePack,
                  paragraphs: list[list[str]]) -> dict:
    """The structural variant the draft is worded in, among those the clauses' votes leave
    open (``variant``: None where a clause did not say): the candidate whose variant clauses
    (those worded differently from one candidate to another) are found best, word for word,
    in the draft's ``paragraphs`` (their word keys). The first candidate wins a tie."""
    form = patterns.form
    candidates = [v for v in form.variant_combinations()
                  if all(variant.get(d) is None or v[d] == variant[d] for d in v)]
    if len(candidates) == 1:
        return candidates[0]
    texts = [dict(pack.render_clauses(form, marked_context(values, v, form))) for v in candidates]
    differing = [c for c in texts[0] if len({t.get(c) for t in texts}) > 1]
    found: dict[str, float] = {}  # clause wording -> its similarity with the draft

    def similarity(marked: str | None) -> float:
        if marked is None:
            return 0.0
        if marked not in found:  # (a blank whose value is unknown, "…", is no word to find)
            words = [t.key for t in standard_tokens(0, marked, pack.lang, form_terms(pack))
                     if not (t.slot and t.text == "…")]
            found[marked] = paragraph_similarity(words, paragraphs)
        return found[marked]

    best, best_score = candidates[0], -1.0
    for v, rendered in zip(candidates, texts):
        score = sum(similarity(rendered.get(c)) for c in differing)
        if score > best_score:
            best, best_score = v, score
    return best


def _variant_findings(analysis: Analysis) -> list[Finding]:
    out = []
    patterns = analysis.patterns
    for alternative in patterns.form.alternatives.values():
        value = analysis.values.get(alternative.name)
        if alternative.tolerates_other and value and not patterns.options_of(alternative.name, value):
            out.append(finding(
                alternative.variant_code,
                N_("{name} {value!r} is not one of the form's listed names",
                   name=value_name(alternative.name), value=value),
                lang=analysis.version.lang, clause_id=patterns.first_clause_with(alternative.name),
                draft=value))
    return out


def _finish(analysis: Analysis, findings: list[Finding], rules: tuple[Rule, ...], spec) -> Analysis:
    findings = findings + _variant_findings(analysis)
    findings += apply_rules(analysis, rules)
    for f in findings:
        f.source = analysis.version.source
    values = describe_values(analysis.values, analysis.variant, analysis.patterns, analysis.pack)
    analysis.result = VersionResult(
        lang=analysis.version.lang, instrument=analysis.patterns.form.instrument,
        source=analysis.version.source, values=values,
        exact=analysis.exact and not findings, editorial=list(analysis.version.editorial),
        findings=findings,
    )
    return analysis
