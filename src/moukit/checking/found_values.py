"""The values of a translated clause, found in its own language and described as a report
describes them (:func:`moukit.checking.values.describe_values`), so that the language
versions can be compared with each other (:mod:`moukit.checking.crossversion`).

A value is *required* in the first clause of the English that holds it (the title names the
relationship; later mentions may refer back: "this Memorandum"); wherever it is found it is
described, and every find is a span the added-meaning weighing leaves aside. The parties'
names are required wherever the English names them, unless the clause names both together
("the two cities"). A version's names are known from the spec or the province list, else read
from its own signature blocks ("For <party>"), so that the title and the clauses can be
checked against them and they are not taken for added words.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ..forms import ClauseDef, Form, Slot, get_form
from ..i18n import N_
from ..text.regex_cache import longest_first
from .units import Span, UnitLexicon, all_spans, find_dates, matchable
from .values import NOT_SHOWN, value_name

NAMES_GIVEN = N_("given")  # where a name to look for comes from, when no source is named
_DIGITS = re.compile(r"(?<!\d)\d{1,2}(?!\d)")


def clause_slots(form: Form, reference_slots: dict[str, list[str]], variant: dict) -> dict[str, list[Slot]]:
    """The slots each English clause holds in ``variant``, in order."""
    return {clause_id: [form.slot(n) for n in names if form.slot(n).shown_in(variant)]
            for clause_id, names in reference_slots.items()}


@dataclass
class NameFinder:
    """The names a version writes: ``expected`` (slot -> name) known from the spec or the
    province list, else read from its own signature blocks ("For <party>"); ``pieces``, every
    name and position those blocks hold; ``aliases``, a blank that holds another's name (the
    place of signing, when the English names it as one of the parties); ``written``, the names
    its signature blocks write, as they write them (the parties, the signatories), which
    are its names first (``found``) for the comparison of the versions."""

    lang: str
    expected: dict[str, str]
    pieces: list[str]
    aliases: dict[str, str] = field(default_factory=dict)
    found: dict[str, str] = field(default_factory=dict)  # slot -> the name, found (signature blocks first)
    origin: dict[str, str] = field(default_factory=dict)  # slot -> where its name comes from
    written: dict[str, str] = field(default_factory=dict)  # slot -> as its signature block writes it

    @classmethod
    def learn(cls, clauses: list[ClauseDef], lines: dict[str, list[str]], lex: UnitLexicon,
              known: dict[str, str], reference, known_from: str = "") -> NameFinder:
        """The names of a version: ``known`` ones (from ``known_from``), and those its signature
        blocks write (its title's, when it has no signature blocks)."""
        expected = {slot: matchable(name, lex.lang) for slot, name in known.items() if name and name.strip()}
        options = lex.options_of(get_form(reference.instrument).alternatives)
        signed: dict[str, str] = {}
        written: dict[str, str] = {}  # slot -> the name as the signature block writes it
        pieces: set[str] = set()
        for clause in clauses:
            if clause.kind != "signature":
                continue
            held = reference.slots.get(clause.id, [])
            party = next((s for s in held if s in PARTY_SLOTS), None)
            block = lines.get(clause.id, [])
            for k, line in enumerate(block):
                found = _line_names(line, clause, lex, options)
                pieces.update(found)
                if k == 0 and found and party:  # "For <party>"
                    signed.setdefault(party, max(found, key=len))
                    as_written = _party_as_written(line, clause, lex, options)
                    if as_written:
                        written.setdefault(party, as_written)
            signatory = next((s for s in held if s.endswith("signatory.name")), None)
            if signatory and len(block) == 3 and _line_names(block[1], clause, lex, options):
                # For <party> / <name> / <position>; the name may stand in brackets, as Thai
                # signature blocks write it: "(นายสมชาย ศรีสวัสดิ์)"
                written.setdefault(signatory, _unbracketed(block[1]))
        place = _place_as_written(clauses, lines, lex, options, reference)
        if place:
            written.setdefault("place", place)
        if not pieces:
            for clause in clauses:
                if clause.kind == "title":
                    for line in lines.get(clause.id, []):
                        pieces.update(_line_names(line, clause, lex, options))
        origin = {**{slot: N_("its signature block") for slot in signed},
                  **{slot: known_from or NAMES_GIVEN for slot in expected}}
        expected = {**signed, **expected}
        aliases = {}
        place = (reference.names.get("place") or "").casefold().strip()
        for party in PARTY_SLOTS:
            english = (reference.names.get(party) or "").casefold()
            if place and english and (place in english or english in place) and party in expected:
                aliases.setdefault("place", party)
        return cls(lex.lang, expected, longest_first(pieces | set(expected.values())),
                   aliases, found=dict(written), origin=origin, written=written)

    def knows(self, slot: str) -> bool:
        """Whether the version's wording of ``slot`` is known."""
        return slot in self.expected or slot in self.aliases

    def locate(self, slot: str, mt: str) -> list[Span]:
        """Where ``mt`` writes the name of ``slot``: the name itself, or (names are shortened:
        清迈 for 泰王国清迈府) a part of it as long as half of it."""
        name = self.expected.get(self.aliases.get(slot, slot), "")
        if not name:
            return []
        own = matchable(self.written.get(slot, ""), self.lang) if slot in self.aliases else ""
        if name not in mt and own and own in mt:  # the place written apart from the party it is
            name = own  # part of (Bursa'da, not Bursa Büyükşehir ...; Đà Nẵng, not thành phố Đà Nẵng)
        if name in mt:
            return [m.span() for m in re.finditer(re.escape(name), mt)]
        own = self.found.get(slot, "") if slot in self.aliases else ""
        if own and own in mt:  # the place as the version's signing clause writes it, found to be
            # the English's (Yogyakarta for the party "Daerah Istimewa Yogyakarta")
            return [m.span() for m in re.finditer(re.escape(own), mt)]
        shortest = max(3 if self.lang == "th" else 2, (len(name) + 1) // 2)
        match = difflib.SequenceMatcher(None, name, mt, autojunk=False).find_longest_match()
        return [(match.b, match.b + match.size)] if match.size >= shortest else []

    def spans(self, mt: str, taken: list[Span]) -> list[Span]:
        """Where ``mt`` writes one of the names or positions of the version."""
        out: list[Span] = []
        for name in self.pieces:
            out += all_spans([re.compile(re.escape(name))], mt, taken + out)
        return out


PARTY_SLOTS = ("thai_name", "partner_name")
_BRACKETED = re.compile(r"^\s*[(（]\s*([^()（）]+?)\s*[)）]\s*$")


def _unbracketed(line: str) -> str:
    """A line without the brackets around all of it: "(นายสมชาย ศรีสวัสดิ์)" -> "นายสมชาย ศรีสวัสดิ์".

    >>> _unbracketed(" (นายสมชาย ศรีสวัสดิ์) "), _unbracketed("Mr. Li (Deputy)")
    ('นายสมชาย ศรีสวัสดิ์', 'Mr. Li (Deputy)')
    """
    m = _BRACKETED.match(line)
    return m.group(1) if m else line.strip()


def _place_as_written(clauses: list[ClauseDef], lines: dict[str, list[str]], lex: UnitLexicon, options,
                      reference) -> str:
    """The place of signing as the version's signing clause writes it, when one of the names
    that clause holds is the English's place (:func:`moukit.checking.names.compare_name`);
    "" when none can be told to be it (a place that differs is then not read, never guessed)."""
    from .names import compare_name

    english = reference.names.get("place") or ""
    where = reference.first_with("place")
    clause = next((c for c in clauses if c.id == where), None)
    if not english.strip() or clause is None:
        return ""
    for line in lines.get(clause.id, []):
        for piece in _line_names(line, clause, lex, options):
            # (only "the same?" is asked: a Chinese reading needs no phrase dictionary for it)
            if compare_name("place", english, piece, lex.lang, phrases=False).verdict == "same":
                return piece.strip()
    return ""


def _party_as_written(line: str, clause: ClauseDef, lex: UnitLexicon, options) -> str:
    """The party a "For <party>" line names, as the line writes it: what its meaning units
    ("For", 代表, Thay mặt) leave, whole (a name may hold a function word: ขอนแก่น)."""
    text = matchable(line, lex.lang)
    spans: list[Span] = []
    for unit in clause.units_in({}):
        spans += lex.find(unit, text, spans)
    spans += all_spans(list(options) + list(lex.countries) + list(lex.parties), text, spans)
    pieces, pos = [], 0
    for start, end in sorted(spans) + [(len(text), len(text))]:
        if start > pos:
            pieces.append((pos, start))
        pos = max(pos, end)
    if not pieces:
        return ""
    start, end = max(pieces, key=lambda p: p[1] - p[0])
    piece = text[start:end]
    if len(text) == len(line):  # the line's own letters (matchable text may fold case)
        piece = line[start:end]
    return piece.strip(" ,.;:()\"'")


def _line_names(line: str, clause: ClauseDef, lex: UnitLexicon, options) -> list[str]:
    """What a line of a title or signature block holds besides meaning units, listed
    alternatives, countries, the parties' collective names and function words."""
    text = matchable(line, lex.lang)
    spans: list[Span] = []
    for unit in clause.units_in({}):
        spans += lex.find(unit, text, spans)
    spans += all_spans(list(options) + list(lex.countries) + list(lex.parties), text, spans)
    return [p for piece in _uncovered(text, spans) for p in _name_pieces(piece, lex)]


def _uncovered(text: str, spans: list[Span]) -> list[str]:
    pieces, pos = [], 0
    for start, end in sorted(spans):
        if start > pos:
            pieces.append(text[pos:start])
        pos = max(pos, end)
    pieces.append(text[pos:])
    return [p for p in pieces if p.strip()]


def _name_pieces(piece: str, lex: UnitLexicon) -> list[str]:
    """The parts of ``piece`` between function words (of two characters or more: one
    character may belong to the name) and punctuation that may be a name. Burmese is cut at
    function words that are whole syllables (a particle's letters are in names too: the
    က of ကျိုင်းတုံ is no subject particle)."""
    if lex.lang == "my":
        return _syllable_name_pieces(piece, lex)
    if lex.lang in ("th", "zh", "ja"):
        text = piece
        by_start = lex.long_function_words_by_start  # in the list's order (longest first), as before
        for index in sorted(i for ch in set(piece) for i in by_start.get(ch, ())):
            text = text.replace(lex.function_words[index], "\x00")
        singles = "".join(w for w in lex.function_words if len(w) == 1)
        parts = [p.strip(singles) for p in re.split(r"[\x00\s,.;:()、，。；：（）\"'·・]+", text)]
        shortest = 3 if lex.lang in ("th", "my") else 2
    else:
        words = re.split(r"[\s,.;:()\"']+", piece)
        parts, run = [], []
        for word in words + [""]:
            if word and word not in lex.function_word_set:
                run.append(word)
            elif run:
                parts.append(" ".join(run))
                run = []
        shortest = 2
    return [p for p in parts if len(p) >= shortest]


def _syllable_name_pieces(piece: str, lex: UnitLexicon) -> list[str]:
    """:func:`_name_pieces` for a language read by syllables (Burmese): the runs of syllables
    between function words (the longest that matches at each place) and punctuation."""
    from ..text.normalize import myanmar_syllables

    syllables = [s for s, _, _ in myanmar_syllables(piece)]
    words = lex.function_word_set
    parts, run, i = [], [], 0
    while i < len(syllables):
        size = next((n for n in range(min(6, len(syllables) - i), 0, -1)
                     if "".join(syllables[i:i + n]) in words), 0)
        if size or not re.search(r"\w", syllables[i]):
            parts.append("".join(run))
            run = []
            i += size or 1
            continue
        run.append(syllables[i])
        i += 1
    parts.append("".join(run))
    return [p for p in parts if len(p) >= 3]


def find_values(clause: ClauseDef, slots: list[Slot], mt: str, lex: UnitLexicon, reference,
                finder: NameFinder, described: dict, spans: list[Span]) -> list[str]:
    """Find the values of ``slots`` in a clause's matchable text ``mt``: record them in
    ``described``, their places in ``spans``; return those missing where they are required."""
    missing: list[str] = []
    names_missing: list[str] = []
    form = get_form(reference.instrument)
    for slot in slots:
        required = reference.first_with(slot.name) == clause.id or (
            slot.kind == "alternative" and not form.alternatives[slot.name].named_once)
        expected = reference.values.get(slot.report_key)
        if slot.kind == "alternative":
            found = _alternative(slot.name, form.instrument, mt, lex, described, spans)
            meant = not form.alternatives[slot.name].wording_only
            if not found and meant and required and isinstance(expected, dict) and expected.get("options"):
                missing.append(value_name(slot.name))
        elif slot.kind == "date":
            dates = find_dates(mt, lex.lang, lex.locale)
            if dates:
                (date, (a, b)) = dates[0]
                described.setdefault("date", {"text": mt[a:b], "iso": date.isoformat()})
                spans += [s for _, s in dates]
            elif required and expected:
                missing.append(value_name("date"))
        elif slot.kind == "term":
            if not _term(slot, mt, lex, expected, described, spans) and required and expected:
                missing.append(value_name("term"))
        elif slot.kind == "field_list":
            missing += _fields(slot, mt, lex, expected, described, spans)
        elif slot.kind == "language":
            if not _language(slot, mt, lex, expected, described, spans) and required \
                    and isinstance(expected, dict) and expected.get("code") not in (None, "en"):
                missing.append(value_name("partner_language"))
        elif slot.kind in ("text", "party_name") and finder.knows(slot.name):
            hit = finder.locate(slot.name, mt)
            spans += hit
            if hit:
                finder.found.setdefault(slot.name, mt[hit[0][0]:hit[0][1]])
            elif required or slot.name in PARTY_SLOTS:
                names_missing.append(slot.name)
    # the two parties named together ("the two cities") instead of by name: a reference back
    if set(names_missing) >= set(PARTY_SLOTS) and not clause.kind == "title" and all_spans(lex.parties, mt, []):
        names_missing = [n for n in names_missing if n not in PARTY_SLOTS]
    for name in names_missing:
        slot = finder.aliases.get(name, name)
        missing.append(N_("{name} ({value}, as {origin} writes it)", name=value_name(name),
                          value=finder.expected.get(slot), origin=finder.origin.get(slot, NAMES_GIVEN)))
    return missing


def _alternative(name: str, instrument: str, mt: str, lex: UnitLexicon, described: dict,
                 spans: list[Span]) -> list[str]:
    """The listed options of alternative ``name`` the clause words; an option with no wording
    of its own ("will" beside "aim to") is the one meant when no other is found."""
    listed = get_form(instrument).alternatives[name].options
    options = {o: p for o, p in lex.alternatives.get(name, {}).items() if o in listed}
    found = []
    for option, patterns in options.items():
        hit = all_spans(patterns, mt, [])
        if hit:
            found.append(option)
            spans += hit
    silent = [option for option, patterns in options.items() if not patterns]
    if not found and len(silent) == 1:
        found = silent
    if found:
        entry = described.setdefault(name, {"text": "", "options": []})
        entry["options"] = sorted(set(entry["options"]) | set(found))
    return found


def _numbers(mt: str, lex: UnitLexicon, taken: list[Span]) -> list[tuple[int, Span]]:
    """The small numbers ``mt`` writes, in digits or in words, outside ``taken``."""
    found = [(int(m.group()), m.span()) for m in _DIGITS.finditer(mt)
             if not any(m.start() < e and s < m.end() for s, e in taken)]
    for n, patterns in lex.numbers.items():
        found += [(n, s) for s in all_spans(patterns, mt, taken)]
    return sorted(found, key=lambda f: f[1])


def _term(slot: Slot, mt: str, lex: UnitLexicon, expected, described: dict, spans: list[Span]) -> bool:
    years = expected.get("years") if isinstance(expected, dict) else None
    numbers = _numbers(mt, lex, [s for _, s in find_dates(mt, lex.lang, lex.locale)])
    if not numbers:
        return False
    chosen = next((n for n, _ in numbers if n == years), numbers[0][0])
    places = [_with_unit(s, mt, lex) for n, s in numbers if n == chosen]
    described[slot.report_key] = {"kind": "fixed", "years": chosen, "text": mt[places[0][0]:places[0][1]]}
    spans += places
    return True


def _with_unit(span: Span, mt: str, lex: UnitLexicon) -> Span:
    """A number's span with the word for "years" that follows it (五年, 5 ปี, 5 năm), also
    after the number written again in brackets, as legal styles write it ("5 (lima) tahun";
    from the words, "lima) tahun")."""
    rest = mt[span[1]:]
    between = re.match(r"\s*(?:\([^()]{1,20}\)\s*|\)\s*)?", rest).end()
    unit = next((u for u in lex.year_words if rest[between:].startswith(u)), None)
    return (span[0], span[1] + between + len(unit)) if unit else span


def _fields(slot: Slot, mt: str, lex: UnitLexicon, expected, described: dict, spans: list[Span]) -> list[str]:
    ids, taken = [], []
    longest_first = sorted(lex.fields.items(), key=lambda kv: -max((len(p.pattern) for p in kv[1]), default=0))
    for fid, patterns in longest_first:
        hit = all_spans(patterns, mt, taken)
        if hit:
            ids.append(fid)
            taken += hit
    spans += taken
    entry = described.setdefault(slot.report_key, {"text": "", "ids": [], "other": None})
    entry["ids"] = sorted(set(entry["ids"]) | set(ids))
    wanted = expected.get("ids", []) if isinstance(expected, dict) else []
    return [f"field {fid}" for fid in wanted if fid not in ids]


def _language(slot: Slot, mt: str, lex: UnitLexicon, expected, described: dict, spans: list[Span]) -> bool:
    code = expected.get("code") if isinstance(expected, dict) else None
    found, texts = [], []
    for lang_code, patterns in lex.languages.items():
        if lang_code in ("th", "en"):
            continue
        hit = all_spans(patterns, mt, spans)
        if hit:
            found.append(lang_code)
            texts.append(mt[hit[0][0]:hit[0][1]])
            spans += hit
    if found:  # a language the English does not name makes the versions disagree
        value = code if found == [code] else "+".join(sorted(found))
        described[slot.report_key] = {"text": ", ".join(texts), "code": value}
    return bool(found)


def slot_present(slot: Slot, mt: str, lex: UnitLexicon) -> bool:
    """Whether a clause writes a value of ``slot`` at all (to tell a structural variant)."""
    if slot.kind == "language":
        return any(p.search(mt) for code, ps in lex.languages.items() if code not in ("th", "en") for p in ps)
    if slot.kind == "field_list":
        return any(p.search(mt) for ps in lex.fields.values() for p in ps)
    if slot.kind in ("term", "years"):
        return bool(_numbers(mt, lex, []))
    return False


def finish_values(described: dict, form: Form, variant: dict) -> dict:
    """The described values, with what the variant leaves out of the text (fields left open,
    a partner who writes English, an open-ended term) as a report describes it."""
    out = dict(described)
    for slot in form.slots:
        if not slot.shown_in(variant) and slot.kind in NOT_SHOWN:
            out.setdefault(slot.report_key, dict(NOT_SHOWN[slot.kind]))
    return out
