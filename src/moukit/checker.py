"""The deviation check: read a draft, find every departure from the standard form, route it.

For each language version of a draft:

1. the whole text is matched against the form's patterns (:mod:`moukit.patterns`): a draft
   that is the form, with listed alternatives and filled blanks, matches in well under a
   millisecond and yields every value;
2. otherwise each clause's pattern is searched to infer the values, the standard text is
   re-rendered from them with the language's own template, and the draft is aligned to it
   word by word (Thai words by pythainlp): changed, added, removed and moved clauses;
3. every difference is classified, and the rule packs look at the wording the draft adds.

Then the language versions are compared with each other (clauses, alternatives, fields,
term, date, languages), and with the spec when one is given.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from pathlib import Path

from .align import (
    Analysis,
    align,
    form_terms,
    marked_context,
)
from .crossversion import compare_versions, compare_with_spec
from .errors import MoukitError
from .forms import INSTRUMENTS, get_form
from .patterns import (
    FormPatterns,
    Key,
    flat_key,
    form_patterns,
    make_key,
    options_of,
)
from .report import Finding, Report, VersionResult, finding
from .rules import Rule, load_rules
from .rules.checks import apply_rules
from .segment import VersionText, block_text, literal_chunks, segment
from .templates import LanguagePack, TemplateLibrary
from .text.chars import has_thai
from .text.markers import unmark
from .textnorm import clean, strip_numbering
from .values import consensus, describe_values, slot_values

__all__ = ["Analysis", "VersionText", "analyze_version", "check", "check_detailed", "form_terms",
           "segment"]


# --------------------------------------------------------------------------- segmentation


# --------------------------------------------------------------------------- values


# --------------------------------------------------------------------------- the standard text


# --------------------------------------------------------------------------- analysis


def _fast_path(key: Key, patterns: FormPatterns):
    """Match the whole version at once; None unless it is the form (editorial noise aside).

    The structural variants (languages named in the signing clause, MOU fields and term) are
    read from their clauses first, so only one whole-version pattern is compiled and tried.
    """
    dims: dict[str, object] = {}
    for dim, variant in patterns.form.variants.items():
        candidates = patterns.clauses.get(variant.clause, [])
        if len({p.variant[dim] for p in candidates}) < 2:
            continue
        hit = next((p for p in candidates if p.search.search(key.key)), None)
        if hit is None:
            return None  # that clause is not the form: no whole-version match is possible
        dims[dim] = hit.variant[dim]
    for index, (variant, _, groups) in enumerate(patterns.versions):
        if any(variant[d] != v for d, v in dims.items()):
            continue
        m = patterns.version_regex(index).fullmatch(key.key)
        if m:
            found = []
            for group, slot in groups.items():
                start, end = m.span(group)
                if start >= 0:
                    found.append((slot, group.split("__")[0], key.value(start, end)))
            return variant, found
    return None


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
    version.editorial.extend(editorial_notes([block_text(b) for b in version.blocks]))
    order = _instrument_order(key, pack, spec)
    for instrument in order:
        patterns = form_patterns(pack, instrument)
        hit = _fast_path(key, patterns)
        if hit:
            variant, found = hit
            values, odd = consensus(found)
            if odd and _only_listed_alternatives(odd, patterns):
                odd = []  # another listed alternative in one place: still the form
            if odd:  # a value differs in one place: analyse word by word, to locate and redline it
                return _slow_path(version, pack, key, instrument, rules, spec)
            analysis = Analysis(version, pack, patterns, values, variant, exact=True)
            analysis.novel = _read_by_rules(values, patterns)  # the blanks it fills
            return _finish(analysis, [], rules, spec)
    return _slow_path(version, pack, key, order[0], rules, spec)


def _read_by_rules(values: dict[str, str], patterns: FormPatterns) -> list[str]:
    """The values of the blanks the rule packs read (free wordings), in form order."""
    return [values[s.name] for s in patterns.form.slots if s.read_by_rules and s.name in values]


def _only_listed_alternatives(odd, patterns: FormPatterns) -> bool:
    """True when every value that differs is another of the form's listed alternatives."""
    return all(patterns.form.slot(slot).kind == "alternative" and options_of(slot, v, patterns)
               for slot, _, v in odd)


def editorial_notes(blocks: list[str]) -> list[str]:
    """The kinds of editorial difference a draft shows, which the check ignores.

    >>> editorial_notes(["(1) The Participants will “cooperate”", "ข้อ ๒ ทั้งสองฝ่าย"])
    ['curly quotes', 'Thai digits', 'numbering style']
    """
    import unicodedata

    text = "\n".join(blocks)
    notes = []
    if re.search("[\u201c\u201d\u2018\u2019\u00ab\u00bb]", text):
        notes.append("curly quotes")
    if re.search("[\u0e50-\u0e59]", text):
        notes.append("Thai digits")
    if any(clean(line) != " ".join(unicodedata.normalize("NFC", line).split())
           for line in text.split("\n") if has_thai(line)
           and not re.search("[\u0e50-\u0e59\u201c\u201d\u2018\u2019]", line)):
        notes.append("Thai marks typed in another order (normalised)")
    numbers = [strip_numbering(b.lstrip())[1] and b.lstrip()[:12] for b in blocks]
    if any(n and not re.match(r"\d{1,2}\. ", n) for n in numbers):
        notes.append("numbering style")
    if any("  " in b.strip() or "\n" in b.strip() and len(b) > 200 for b in blocks):
        notes.append("spacing and line breaks")
    return notes


def _odd_value_findings(odd, values, patterns: FormPatterns, lang: str) -> list[Finding]:
    findings = []
    for slot, clause_id, value in odd:
        clause = patterns.form.clause(clause_id)
        if patterns.form.slot(slot).kind == "alternative":
            if options_of(slot, value, patterns):
                continue  # another listed alternative in this place: still the form
            findings.append(finding(
                "MK-C001", f"clause {clause.number or clause_id}: {value!r} is not one of the "
                           f"form's wordings for the {slot}",
                lang=lang, clause_id=clause_id, clause_number=str(clause.number) if clause.number else None,
                standard=values[slot], draft=value))
            continue
        findings.append(finding(
            "MK-M001", f"{slot.replace('_', ' ')} is written {value!r} here but {values[slot]!r} elsewhere",
            lang=lang, clause_id=clause_id, clause_number=str(clause.number) if clause.number else None,
            standard=values[slot], draft=value, values={"here": value, "elsewhere": values[slot]}))
    return findings


def _slow_path(version: VersionText, pack: LanguagePack, key: Key, instrument: str,
               rules: tuple[Rule, ...], spec) -> Analysis:
    patterns = form_patterns(pack, instrument)
    found: list[tuple[str, str, str]] = []
    variant_votes: dict[str, Counter] = {dim: Counter() for dim in patterns.form.variants}
    matched_clauses = set()
    flat = flat_key(key.key)
    position = 0  # clauses are searched in form order, each after the previous one found
    for clause_id, clause_patterns in patterns.clauses.items():
        for p in clause_patterns:
            if p.literal and p.literal not in flat:
                continue
            m = p.search.search(key.key, position) or p.search.search(key.key)
            if m:
                position = max(position, m.end()) if m.start() >= position else position
                found.extend(slot_values(m, p.slots, key, clause_id))
                matched_clauses.add(clause_id)
                for dim, variant in patterns.form.variants.items():
                    if clause_id == variant.clause:
                        variant_votes[dim][p.variant[dim]] += 1
                break
    values, odd = consensus(found)
    variant = {dim: (votes.most_common(1)[0][0] if votes else None) for dim, votes in variant_votes.items()}
    variant = _best_variant(variant, values, patterns, pack, key)
    analysis = Analysis(version, pack, patterns, values, variant, exact=False)
    known = set(values)
    findings = align(analysis, key)
    if set(analysis.values) != known:  # blanks read from the alignment: align again with them
        analysis = Analysis(version, pack, patterns, dict(analysis.values), variant, exact=False)
        findings = align(analysis, key)
    analysis.novel += _read_by_rules(analysis.values, patterns)
    analysis.novel += [v for _, _, v in odd]
    findings += _odd_value_findings([o for o in odd if o[1] not in analysis.clause_status
                                     or analysis.clause_status[o[1]] == "equal"], values, patterns, version.lang)
    return _finish(analysis, findings, rules, spec)


def _best_variant(variant: dict, values: dict, patterns: FormPatterns, pack: LanguagePack, key: Key) -> dict:
    candidates = [v for v in patterns.form.variant_combinations()
                  if all(variant.get(d) is None or v[d] == variant[d] for d in v)]
    if len(candidates) == 1:
        return candidates[0]
    draft_key = flat_key(key.key)
    best, best_ratio = candidates[0], -1.0
    for v in candidates:
        rendered = pack.render_clauses(patterns.form, marked_context(values, v, patterns.form))
        std = flat_key(make_key([unmark(t) for _, t in rendered]).key)
        ratio = difflib.SequenceMatcher(None, std, draft_key, autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = v, ratio
    return best


# --------------------------------------------------------------------------- rules and results


def _variant_findings(analysis: Analysis) -> list[Finding]:
    out = []
    patterns = analysis.patterns
    for alternative in patterns.form.alternatives.values():
        value = analysis.values.get(alternative.name)
        if alternative.tolerates_other and value and not options_of(alternative.name, value, patterns):
            out.append(finding(
                alternative.variant_code,
                f"the {alternative.name} {value!r} is not one of the form's listed names",
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


# --------------------------------------------------------------------------- across versions


# --------------------------------------------------------------------------- spec


# --------------------------------------------------------------------------- entry point


def _untouched(draft, form) -> bool:
    """A moukit DOCX whose body is byte for byte what moukit wrote (its fingerprint holds the
    body's SHA-256); a text or Markdown file cannot prove that and is never "untouched"."""
    import hashlib

    fingerprint = draft.fingerprint or {}
    package = draft.package
    if not fingerprint.get("document_sha256") or package is None or form is None:
        return False
    body = package.parts.get(package.document_part, b"")
    return (fingerprint.get("form_id") == form.id and not draft.pending_changes
            and hashlib.sha256(body).hexdigest() == fingerprint["document_sha256"])


def check(sources, spec=None, *, templates=(), rules=(), limits=None) -> Report:
    """Check one or more drafts (paths or bytes; DOCX, text or Markdown) against the form.

    ``spec`` (a spec object or a path) gives the intended values; ``templates`` adds template
    folders; ``rules`` adds rule packs. Returns a :class:`moukit.report.Report`; bad input
    raises a :class:`moukit.MoukitError`.
    """
    report, _ = check_detailed(sources, spec, templates=templates, rules=rules, limits=limits)
    return report


def check_detailed(sources, spec=None, *, templates=(), rules=(), limits=None):
    """Like :func:`check`, also returning the per-version analyses (for redline and HTML)."""
    from .readers import read_draft
    from .rendering import _library

    if isinstance(sources, (str, Path, bytes, bytearray)):
        sources = [sources]
    if isinstance(spec, (str, Path)):
        from .specfile import load_spec

        spec = load_spec(spec)
    library = _library(templates)
    rule_set = load_rules(rules)
    drafts = [read_draft(s, limits=limits) if not hasattr(s, "blocks") else s for s in sources]
    if not drafts:
        raise MoukitError("nothing to check", hint="give one or more draft files")
    analyses: list[Analysis] = []
    notes: list[str] = []
    for draft in drafts:
        versions = segment(draft, library)
        if not versions:
            raise MoukitError(f"{draft.name}: the draft has no text", hint="check the file is the agreement")
        for version in versions:
            if version.lang not in library.available():
                which = "an unrecognised language" if version.lang == "und" else version.lang
                raise MoukitError(
                    f"{draft.name}: a version is in a language moukit has no templates for "
                    f"({which}); available: {', '.join(library.available())}",
                    hint="add that language's templates with --templates DIR",
                )
            analyses.append(analyze_version(version, library, rule_set, spec))
    results = [a.result for a in analyses]
    findings = [f for r in results for f in r.findings]
    findings += compare_versions(results)
    if spec is not None:
        findings += compare_with_spec(analyses, spec)
        from .notices import spec_notices

        for n in spec_notices(spec):
            if n.code in ("MK-W001", "MK-W002"):
                findings.append(finding(n.code, n.message))
    if spec is None and drafts and not any(d.fingerprint for d in drafts):
        notes.append("partner level and the Thai party's status are not in the text: give --spec to check them")
    present = {r.lang for r in results}
    expected = set(spec.languages) if spec is not None else {"th", "en"} | {
        (r.values.get("partner_language") or {}).get("code") for r in results} - {None}
    missing = sorted(expected - present)
    if missing:
        notes.append(f"no {', '.join(missing)} version was checked, although the agreement is signed "
                     f"in {', '.join(sorted(expected))}: check every language version")
    fingerprint = next((d.fingerprint for d in drafts if d.fingerprint), None)
    instruments = {r.instrument for r in results}
    form = get_form(next(iter(instruments))) if len(instruments) == 1 else None
    report = Report(
        versions=results, findings=findings, sources=[d.name for d in drafts],
        form_id=form.id if form else None, form_version=form.version if form else None,
        pending_changes=any(d.pending_changes for d in drafts), fingerprint=fingerprint,
        notes=notes,
    )
    if report.pending_changes:
        report.notes.append("the draft has tracked changes not yet accepted: it was checked as it "
                            "reads with every change accepted")
    report.untouched_render = len(drafts) == 1 and _untouched(drafts[0], form)
    return report, analyses
