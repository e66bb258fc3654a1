"""The translation check: does a language version say what the English version says?

The form exists in English only; every other version of an agreement is a translation, and a
translation may word each clause in its own way. So a version that is not an accepted text
word for word (:mod:`.accepted`) is not compared with moukit's wording. Its paragraphs are
matched to the English clauses by position (:mod:`.positions`), and each clause must

- express the *meaning units* the English clause expresses (:mod:`.units`: the form's units,
  or those the English draft still has where it reworded a clause);
- carry the same *values* (:mod:`.found_values`: date, term, fields, languages named, the
  listed alternatives, and the names where they can be known);
- *add nothing*: the words left once units, values, names and function words are found must
  not amount to content of their own.

The rule packs then run on every clause in its own language (:mod:`.rules.checks`).

A version that says all of it in other words is the standard form; finding MK-T003 lists the
clauses worded differently, for the ministry's translator. A missing unit or value (MK-T001),
added meaning (MK-T002), a missing clause (MK-T004) or a paragraph the English does not have
(MK-T005) means the versions disagree: the translation must be corrected or, if the change
is meant, the form was adjusted and the English must say it too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from ..forms import ClauseDef, Form, get_form, meaning_units
from ..i18n import N_, Joined
from ..packs.library import LanguagePack
from ..text import literals
from ..text.normalize import name_under_signing
from .accepted import AcceptedText, accepted_clause
from .align import Analysis
from .found_values import NameFinder, clause_slots, find_values, finish_values
from .patterns import form_patterns
from .positions import Paragraph, assign, is_signing_line, numbered
from .reference import Reference
from .report import Finding, VersionResult, finding
from .rules.checks import apply_rules
from .segment import VersionText, block_text
from .units import Span, UnitLexicon, covered, find_dates, matchable
from .values import value_name
from .vocabulary import Vocabulary, form_vocabulary

# How much content left over in a clause (once its units, values, names and function words
# are found) is added meaning: Thai words (about five letters each), Vietnamese and Burmese syllables,
# Chinese, Japanese or Korean characters (Japanese kana endings carry none). Set from the
# hand-written corpus: above the most a faithful translation leaves there, as low as that
# allows (a single short added word stays under it: see tests/data/translations/known-misses.yaml).
ADDED_THRESHOLD = {"th": 2, "zh": 3, "ja": 3, "ko": 3, "vi": 2, "id": 2, "my": 3}
DEFAULT_THRESHOLD = 2


@dataclass
class ClauseCheck:
    """One row of the translation table: one clause of the English version in this version."""

    clause_id: str
    number: str | None
    english: str
    text: str
    units_found: list[str] = field(default_factory=list)
    units_missing: list[str] = field(default_factory=list)
    values_missing: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    verdict: str = "worded differently"  # same | worded differently | missing meaning | added meaning | missing clause
    accepted: str | None = None  # the accepted text the clause is, word for word
    notes: list[str] = field(default_factory=list)
    spans: list[Span] | None = field(default_factory=list)  # where its units are (:meth:`unit_spans`)
    _sought: tuple | None = field(default=None, repr=False, compare=False)  # what spans None are sought in

    def unit_spans(self) -> list[Span]:
        """Where its units are, in its matchable text (for a clause that is an accepted text,
        sought when first asked: its units are all there, and only a rule may ask where)."""
        if self.spans is None:
            assert self._sought is not None, "a row's spans are sought where they were set aside"
            self.spans = _find_units(*self._sought)[2]
        return self.spans

    def to_dict(self) -> dict:
        """JSON-ready form (a row of ``versions[].translation``)."""
        return {"clause_id": self.clause_id, "clause_number": self.number, "english": self.english,
                "text": self.text, "verdict": self.verdict, "accepted": self.accepted,
                "units_found": self.units_found, "units_missing": self.units_missing,
                "values_missing": self.values_missing, "added": self.added, "notes": self.notes}


def analyze_translation(version: VersionText, pack: LanguagePack, lex: UnitLexicon,
                        reference: Reference, rules, names: dict[str, str],
                        accepted: list[AcceptedText], names_from: str = "") -> Analysis:
    """Check one non-English version as a translation of ``reference``; the analysis holds
    the table (``analysis.translation``) and the result with its findings.

    ``names`` are the names the version should write, where they can be known (from the spec
    or the province list, as ``names_from`` says): slot -> text in the version's language.
    """
    form = get_form(reference.instrument)
    blocks = [block_text(b) for b in version.blocks]
    clauses = [form.clause(c) for c in reference.clauses]
    variant = dict(reference.variant)
    paragraphs = _paragraphs(version, blocks, clauses, reference, variant, lex)
    taken, extra = assign(paragraphs, clauses)
    lines = {c.id: _clause_lines(paragraphs, taken.get(c.id, [])) for c in clauses}
    blocks_of = {c: sorted({paragraphs[i].block for i in found}) for c, found in taken.items()}
    if any(value is None for value in variant.values()):
        variant = _infer_variant(form, variant, lines, lex)
    analysis = Analysis(version, pack, form_patterns(pack, form.instrument), {}, variant, exact=False)
    analysis.reference = reference
    checker = _ClauseChecker(form, lex, reference, variant, clause_slots(form, reference.slots, variant),
                             NameFinder.learn(clauses, lines, lex, names, reference, names_from), accepted,
                             form_vocabulary(pack, form.instrument))
    analysis.translation = []
    for clause in clauses:
        row = checker.check(clause, lines[clause.id], taken.get(clause.id, []))
        analysis.translation.append(row)
        analysis.clause_blocks[clause.id] = blocks_of.get(clause.id, [])
        analysis.draft_clauses[clause.id] = row.text
        analysis.standard[clause.id] = row.english
        analysis.clause_status[clause.id] = {"missing clause": "removed", "same": "equal",
                                             "worded differently": "equal"}.get(row.verdict, "changed")
    finder, described = checker.finder, checker.described
    analysis.added_blocks = sorted({paragraphs[i].block for i in extra})
    analysis.added_texts = [paragraphs[i].text.strip() for i in extra if paragraphs[i].text.strip()]
    analysis.added_numbers = [paragraphs[i].number for i in extra if paragraphs[i].text.strip()]
    analysis.described = finish_values(described, form, variant)
    analysis.values = finder.found
    findings = translation_findings(analysis, reference) + apply_rules(analysis, rules)
    for f in findings:
        f.source = version.source
    analysis.result = VersionResult(
        lang=version.lang, instrument=form.instrument, source=version.source,
        values={**analysis.described, **finder.found}, exact=False,
        editorial=list(version.editorial), findings=findings,
        translation=[row.to_dict() for row in analysis.translation])
    return analysis


def need_units(reference: Reference, clause: ClauseDef, variant: dict) -> list[str]:
    """The meaning units the version's clause must express."""
    if reference.source == "form":
        return clause.units_in(variant)
    return list(reference.units.get(clause.id, []))


def _paragraphs(version: VersionText, blocks: list[str], clauses: list[ClauseDef],
                reference: Reference, variant: dict, lex: UnitLexicon) -> list[Paragraph]:
    """The version's paragraphs with what the assignment weighs: numbers, dates, signature
    blocks, and the share of each clause's units they express. A block whose later line
    starts with a clause number ("6. ...") holds two paragraphs, typed without a blank line."""
    rows: dict[int, set[int]] = {}
    for b in version.blocks:
        if getattr(b, "table", None) is not None:
            rows.setdefault(b.table[0], set()).add(b.table[1])
    out: list[Paragraph] = []
    texts: list[str] = []
    for i, (block, text) in enumerate(zip(version.blocks, blocks)):
        table = getattr(block, "table", None)
        for piece in _split_numbered(text):
            # (after a signing line comes a signatory's name, even one that reads as a number)
            rest, number = (piece, None) if out and name_under_signing(out[-1].text, piece) else numbered(piece)
            signature = is_signing_line(rest) or (table is not None and len(rows.get(table[0], ())) <= 4)
            texts.append(matchable(rest, lex.lang))
            out.append(Paragraph(len(out), rest, number, bool(find_dates(texts[-1], lex.lang, lex.locale)),
                                 signature, {}, block=i))
    needs = {c.id: need_units(reference, c, variant) for c in clauses}
    all_units = {u for need in needs.values() for u in need}
    found = _units_by_paragraph(texts, all_units, lex)
    out, found = _split_merged(out, found, needs, all_units, lex)
    for paragraph, units in zip(out, found):
        paragraph.units = _shares(units, needs)
    return out


MERGED_SHARE = 0.75  # of a clause's units, for a paragraph to hold that clause whole
_BREAK = re.compile(r"(?<=[.;:!?。；！？])\s*|\s+")


def _cut_points(text: str, lang: str) -> list[int]:
    """Where ``text`` may be cut between two clauses: after a sentence end or at a space, and
    in Thai, which may join two sentences without a space, between any two words."""
    points = {m.start() for m in _BREAK.finditer(text)}
    if lang == "th":
        from pythainlp.tokenize import word_tokenize

        at = 0
        for word in word_tokenize(text, engine="newmm"):
            at += len(word)
            points.add(at)
    return sorted(p for p in points if 0 < p < len(text))


def _shares(units: set[str], needs: dict[str, list[str]]) -> dict[str, float]:
    """The share of each clause's meaning units that ``units`` expresses."""
    return {cid: sum(1 for unit in need if unit in units) / len(need) for cid, need in needs.items() if need}


def _split_merged(paragraphs: list[Paragraph], found: list[set[str]], needs: dict[str, list[str]],
                  all_units: set[str], lex: UnitLexicon) -> tuple[list[Paragraph], list[set[str]]]:
    """Paragraphs that hold two clauses whole (two paragraphs joined in the draft, or read as
    one from a PDF) cut where one sentence ends and the other begins, so that each clause
    finds its own paragraph: a clause missing beside one that "says more" would be a false
    alarm, as the English version's check already reads joined paragraphs as one change of
    layout. A paragraph is cut only where the first part expresses one clause's units and the
    second the other's, each at least :data:`MERGED_SHARE`, at a sentence end, a space or (in
    Thai) a word boundary (:func:`_cut_points`)."""
    out: list[Paragraph] = []
    units_out: list[set[str]] = []
    for paragraph, units in zip(paragraphs, found):
        pieces = None if paragraph.signature else _cut(paragraph.text, units, needs, all_units, lex)
        if pieces is None:
            out.append(Paragraph(len(out), paragraph.text, paragraph.number, paragraph.has_date,
                                 paragraph.signature, {}, block=paragraph.block))
            units_out.append(units)
            continue
        for k, (text, piece_units) in enumerate(pieces):  # the clause number stays with the first
            out.append(Paragraph(len(out), text, paragraph.number if k == 0 else None,
                                 bool(find_dates(matchable(text, lex.lang), lex.lang, lex.locale)),
                                 paragraph.signature, {}, block=paragraph.block))
            units_out.append(piece_units)
    return out, units_out


def _cut(text: str, units: set[str], needs: dict[str, list[str]], all_units: set[str],
         lex: UnitLexicon) -> list[tuple[str, set[str]]] | None:
    """``text`` as two (text, units) pieces each holding one whole clause, or None."""
    shares = _shares(units, needs)
    whole = [cid for cid, share in shares.items() if share >= MERGED_SHARE and len(needs[cid]) >= 2]
    if len(whole) < 2:
        return None
    # the last cut that keeps both clauses whole: just before the second clause's first
    # meaning, so that its opening words are not left with the first
    best, best_score = None, MERGED_SHARE
    for point in _cut_points(text, lex.lang):
        left, right = text[:point].rstrip(), text[point:].lstrip()
        if not left or not right:
            continue
        left_units, right_units = _units_by_paragraph([matchable(left, lex.lang), matchable(right, lex.lang)],
                                                      all_units, lex)
        left_shares, right_shares = _shares(left_units, needs), _shares(right_units, needs)
        score = max((min(left_shares[a], right_shares[b]) for a in whole for b in whole if a != b), default=0.0)
        if score >= best_score:
            best, best_score = [(left, left_units), (right, right_units)], score
    return best


def _units_by_paragraph(texts: list[str], units: set[str], lex: UnitLexicon) -> list[set[str]]:
    """The units each of ``texts`` expresses: each unit's expressions searched once in the
    whole version, each find given to the paragraph it starts in."""
    import bisect

    starts, pos = [], 0
    for text in texts:
        starts.append(pos)
        pos += len(text) + 1
    whole = "\n".join(texts)
    found: list[set[str]] = [set() for _ in texts]
    for unit in units:
        for m in lex.matches(unit, whole):
            if m.end() > m.start():
                found[bisect.bisect_right(starts, m.start()) - 1].add(unit)
    return found


def _split_numbered(text: str) -> list[str]:
    """``text`` cut before each of its later lines that starts with a clause number."""
    pieces = [[]]
    for line in text.split("\n"):
        if pieces[-1] and any(p.strip() for p in pieces[-1]) and numbered(line)[1] is not None \
                and not name_under_signing("\n".join(pieces[-1]), line):
            pieces.append([])
        pieces[-1].append(line)
    return ["\n".join(p) for p in pieces]


def _clause_lines(paragraphs: list[Paragraph], indices: list[int]) -> list[str]:
    """The lines of a clause's paragraphs, without their numbers and signing lines."""
    lines = []
    for i in indices:
        lines += [line.strip() for line in paragraphs[i].text.split("\n")
                  if line.strip() and not is_signing_line(line)]
    return lines


def _infer_variant(form: Form, variant: dict, lines: dict[str, list[str]], lex: UnitLexicon) -> dict:
    """The structural variants the English would tell, read from the version itself: for each
    one, the value whose own units and blanks its clause expresses most (ties: the value with
    the fewest of them, then the form's first)."""
    from .found_values import slot_present

    out = dict(variant)
    for name, dim in form.variants.items():
        if out.get(name) is not None:
            continue
        clause = form.clause(dim.clause)
        mt = matchable("\n".join(lines.get(dim.clause, [])), lex.lang)
        scores = []
        for order, value in enumerate(dim.values):
            units = [u.id for u in clause.units if u.variant.get(name) == value]
            slots = [s for s in form.slots if s.variant.get(name) == value]
            found = sum(1 for u in units if lex.find(u, mt)) + sum(slot_present(s, mt, lex) for s in slots)
            scores.append((-found, len(units) + len(slots), order, value))
        out[name] = min(scores)[3]
    return out


def _find_units(need: list[str], mt: str, lex: UnitLexicon) -> tuple[list[str], list[str], list[Span]]:
    """The units of ``need`` found in ``mt``, those missing, and the stretches the found ones
    cover (their words, not the gaps their expressions allow). Where it can, each unit is
    found in a place of its own, the unit with the fewest places choosing first. Kept for
    the clauses read last (in ``lex.kept``)."""
    found, missing, cover = lex.kept.answer(("units", tuple(need), mt), lambda: _units_in(need, mt, lex))
    return list(found), list(missing), list(cover)


def _units_in(need: list[str], mt: str, lex: UnitLexicon) -> tuple[list[str], list[str], list[Span]]:
    candidates = {unit: sorted((((m.start(), m.end()), covered(m)) for m in lex.matches(unit, mt)
                                if m.end() > m.start()),  # (an expression sought only near its words)
                               key=lambda c: (c[0][0], -c[0][1]))  # leftmost, then longest
                  for unit in need}
    taken: list[Span] = []
    cover: list[Span] = []
    found = set()
    for unit in sorted(need, key=lambda u: len(candidates[u])):
        if not candidates[unit]:
            continue
        free = [c for c in candidates[unit] if not any(c[0][0] < e and b < c[0][1] for b, e in taken)]
        span, pieces = (free or candidates[unit])[0]
        taken.append(span)
        cover += pieces
        found.add(unit)
    return [u for u in need if u in found], [u for u in need if u not in found], cover


@dataclass
class _ClauseChecker:
    """Checks the clauses of one version in turn, gathering the values they hold."""

    form: Form
    lex: UnitLexicon
    reference: Reference
    variant: dict
    slots: dict[str, list]  # clause id -> the English clause's blanks
    finder: NameFinder
    accepted: list[AcceptedText]
    vocabulary: Vocabulary
    described: dict = field(default_factory=dict)  # the values found, as a report describes them

    def __post_init__(self) -> None:
        self.described.setdefault("instrument", self.form.instrument)
        # the form's listed wordings, and the instrument's name: any clause may name them
        self.options = self.lex.options_of(self.form.alternatives) + (
            tuple(self.lex.units[self.form.name_unit]) if self.form.name_unit in self.lex.units else ())

    def check(self, clause: ClauseDef, lines: list[str], indices: list[int]) -> ClauseCheck:
        """The row of ``clause``, held by the paragraphs ``indices`` (its ``lines``)."""
        lex, reference = self.lex, self.reference
        need = need_units(reference, clause, self.variant)
        row = ClauseCheck(clause.id, str(clause.number) if clause.number else None,
                          reference.texts.get(clause.id, ""), "\n".join(lines))
        if not indices or not lines:
            row.units_missing, row.verdict = need, "missing clause"
            return row
        mt = matchable(row.text, lex.lang)
        slots = self.slots.get(clause.id, [])
        value_spans: list[Span] = []
        row.values_missing = find_values(clause, slots, mt, lex, reference, self.finder,
                                         self.described, value_spans)
        row.accepted = accepted_clause(lines, clause.id, self.form.instrument, self.accepted)
        if row.accepted:
            row.units_found, row.units_missing, row.spans, row._sought = need, [], None, (need, mt, lex)
        else:
            row.units_found, row.units_missing, row.spans = _find_units(need, mt, lex)
        if clause.kind == "signature" or row.accepted:
            pass  # names and positions the check cannot know; an accepted text adds nothing
        elif clause.id in reference.changed:
            row.notes.append(N_("the English version rewords this clause: what it adds cannot be "
                                "weighed in translation"))
        else:
            spans = value_spans + row.unit_spans() + self.finder.spans(mt, value_spans + row.unit_spans())
            # the parties, the instrument and the relationship may be named in any clause ("this
            # Memorandum" as the subject of a sentence): naming them adds nothing
            spans += _all(lex.parties, mt) + _all(lex.countries, mt) + _all(self.options, mt)
            unknown = [s for s in slots if s.kind in ("text", "party_name") and not self.finder.knows(s.name)]
            free_fields = sum(len((reference.values.get(s.report_key) or {}).get("other") or [])
                              for s in slots if s.kind == "field_list")
            row.added = added_meaning(mt, spans, lex, self.vocabulary, f"{self.form.instrument}.{clause.id}",
                                      len(unknown) + free_fields, self._stray_values(slots, mt, spans))
            if unknown:
                row.notes.append(N_("{names} could not be compared",
                                    names=Joined([value_name(s.name) for s in unknown])))
        if row.units_missing or row.values_missing:
            row.verdict = "missing meaning"
        elif row.added:
            row.verdict = "added meaning"
        elif row.accepted:
            row.verdict = "same"
        return row


    def _stray_values(self, slots: list, mt: str, spans: list[Span]) -> list[str]:
        """Values a clause names where the English names none: fields of cooperation, and
        numbers (a deadline, a sum, how often) that are no value the check read."""
        outside = [(a, b) for a, b in self._stray_spans(slots, mt) if not any(a < e and s < b for s, e in spans)]
        return [mt[a:b] for a, b in outside]

    def _stray_spans(self, slots: list, mt: str) -> list[Span]:
        found = []
        if not any(s.kind in ("date", "term", "years") for s in slots):  # where no number is a value
            found += [m.span() for m in re.finditer(r"\d+", mt)]
        if not any(s.kind == "field_list" for s in slots):
            found += [span for patterns in self.lex.fields.values() for span in _all(patterns, mt)]
        return found


def _all(patterns, text: str) -> list[Span]:
    """Every span where one of ``patterns`` matches (overlaps included)."""
    return [(m.start(), m.end()) for p in literals.those_that_may_match(patterns, text)
            for m in p.finditer(text) if m.end() > m.start()]


# ----------------------------------------------------------------------------- added meaning


def added_meaning(mt: str, spans, lex: UnitLexicon, vocabulary: Vocabulary, clause: str,
                  absorbed: int = 0, stray: list[str] = ()) -> list[str]:
    """The words of a clause that are neither its units, values and names nor its vocabulary
    (:mod:`.vocabulary`), when they amount to added meaning: words the form never uses count
    whole, words of its other clauses half. ``absorbed``: how many stretches are the values of
    blanks the check cannot read in this language (a place's name): the longest are set aside.
    ``stray``: values named where the English has none (a field of cooperation), counted whole."""
    unknown, elsewhere = vocabulary.unknown(mt, [s for s in spans if mt[s[0]:s[1]] not in stray], clause)
    unknown += [s for s in stray if not any(s in w for w in unknown)]  # a field the vocabulary knows
    weighed = sorted([(max(vocabulary.weight(w), _stray_weight(w, stray, lex.lang)), w) for w in unknown]
                     + [(vocabulary.weight(w) / 2, w) for w in elsewhere], key=lambda p: -p[0])
    weighed = [(size, w) for size, w in weighed if size][absorbed:]
    if sum(size for size, _ in weighed) < ADDED_THRESHOLD.get(lex.lang, DEFAULT_THRESHOLD):
        return []
    return list(dict.fromkeys(w for _, w in weighed))


def _stray_weight(stretch: str, stray: list[str], lang: str) -> float:
    """The weight of the stray values a stretch holds: a number weighs one; a field of
    cooperation named where the English names none is added meaning by itself."""
    threshold = ADDED_THRESHOLD.get(lang, DEFAULT_THRESHOLD)
    return sum(1 if s.isdigit() else threshold for s in stray if s in stretch)


# ----------------------------------------------------------------------------- findings


def translation_findings(analysis: Analysis, reference: Reference) -> list[Finding]:
    """The findings of a translation check: missing meaning, added meaning, missing clauses,
    paragraphs the English does not have, and the wording differences (informational)."""
    lang = analysis.version.lang
    language = language_name(lang)
    out: list[Finding] = []
    gloss = meaning_units()
    differently = []
    for row in analysis.translation:
        where = N_("clause {number}", number=row.number or row.clause_id)
        common = dict(lang=lang, clause_id=row.clause_id, clause_number=row.number,
                      standard=row.english or None, draft=row.text or None)
        if row.verdict == "missing clause":
            out.append(finding("MK-T004", N_("{clause} of the English version is missing in the "
                                             "{language} version", clause=where, language=language),
                               **common))
        elif row.verdict == "missing meaning":
            said = [gloss_of(gloss, u) for u in row.units_missing] + row.values_missing
            out.append(finding(
                "MK-T001", N_("{clause}: the {language} version does not say what the English says "
                              "({missing})", clause=where, language=language, missing=Joined(said, "; ")),
                values={"missing": ", ".join(row.units_missing + row.values_missing)}, **common))
        elif row.verdict == "added meaning":
            out.append(finding(
                "MK-T002", N_("{clause}: the {language} version says more than the English: {added}",
                              clause=where, language=language,
                              added=" … ".join(repr(a) for a in row.added)),
                values={"added": " … ".join(row.added)}, **common))
        elif row.verdict == "worded differently":
            differently.append(row.number or row.clause_id)
    added = list(zip(analysis.added_texts, analysis.added_numbers))
    if len(added) < reference.added:  # the English adds paragraphs this version does not have
        out.append(finding("MK-T004", N_("the English version has {count} paragraph(s) the form does "
                                         "not have that the {language} version does not have",
                                         count=reference.added - len(added), language=language),
                           lang=lang))
    for text, number in added[reference.added:]:  # beyond the paragraphs the English adds
        out.append(finding("MK-T005", N_("the {language} version has a paragraph the English "
                                         "version does not have", language=language), lang=lang, draft=text,
                           clause_number=str(number) if number is not None else None))
    if differently:
        out.append(finding(
            "MK-T003", N_("the {language} version is worded differently from moukit's translation "
                          "in clause(s) {clauses}: every meaning of the English is there and nothing "
                          "is added", language=language, clauses=", ".join(map(str, differently))),
            lang=lang, values={"clauses": ", ".join(map(str, differently))}))
    return out


def gloss_of(gloss: dict[str, str], unit: str) -> str:
    """A unit in a few words, for a message: the English form's words it stands for.

    >>> gloss_of({"officials": 'the parties\\' officials ("between their officials")'}, "officials")
    '"between their officials"'
    """
    text = gloss.get(unit, unit)
    quoted = re.findall(r'\("([^"]+)"', text) or re.findall(r'"([^"]+)"', text)
    return f'"{quoted[0]}"' if quoted else unit.replace("_", " ")


class LanguageName(str):
    """A language's English name ("Thai") that shows itself in another language too:
    :func:`moukit.i18n.translate` calls :meth:`in_language` (babel's names, "ไทย")."""

    code: str

    def __new__(cls, code: str) -> LanguageName:
        self = super().__new__(cls, _language_names("en").get(code, code))
        self.code = code
        return self

    def __reduce__(self):  # pickled as its code (batch checks in processes)
        return (LanguageName, (self.code,))

    def in_language(self, lang: str) -> str:
        """The name in ``lang`` (``en`` or ``th``); the code when babel has no name."""
        return _language_names(lang).get(self.code, self.code)


@lru_cache(maxsize=8)
def _language_names(lang: str) -> Mapping[str, str]:
    """babel's names of languages in ``lang``: for English and Thai as compiled at build time
    (:mod:`moukit.text.cldr`: loading babel's locale data takes 15 ms of a check)."""
    from ..text.cldr import language_names

    return language_names(lang)


def language_name(code: str) -> LanguageName:
    """The name of a language code, English as a string ("th" -> "Thai"), Thai through
    :func:`moukit.i18n.translate` ("ไทย").

    >>> language_name("ja"), language_name("ja").in_language("th")
    ('Japanese', 'ญี่ปุ่น')
    """
    return LanguageName(code)
