"""Word-level alignment of a draft version with the standard text re-rendered from its
values: changed, added, removed and moved clauses, each with its word-level difference.
"""

from __future__ import annotations

import copy
import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from operator import attrgetter

from ..forms import Form, Slot
from ..i18n import N_
from ..packs.library import LanguagePack
from ..text import editorial
from ..text.markers import MARK, mark, unmark
from ..text.matcher import RangeMatcher
from ..text.normalize import SIGNING_LINE, clean, name_under_signing, strip_numbering, token_key, tokenize
from .patterns import (
    FormPatterns,
    flat_key,
    key_of,
    make_key,
    parse_date,
    parse_term,
)
from .report import DiffOp, Finding, VersionResult, finding
from .segment import VersionText, block_text


def marked_context(values: dict[str, str], variant: dict, form: Form) -> dict:
    """Template variables from inferred values, each wrapped in markers naming its slot (a
    blank whose value is unknown shows "…")."""
    def marked(slot: Slot) -> str:
        found = [values[n] for n in (slot.name, *form.fallback_slots(slot)) if n in values]
        return mark(slot.name, found[0] if found else "…")

    return form.context(marked, variant)


@dataclass(slots=True)
class Token:
    """A word of the standard text or of the draft, with where it comes from."""

    text: str
    key: str
    clause: int = -1  # standard side: index of the clause
    slot: str | None = None  # standard side: the blank or alternative it belongs to
    block: int = -1  # draft side: index of the block
    source: str | None = None  # the text the token was cut from (to quote it as written)
    start: int = 0
    end: int = 0
    index: int = 0  # position among the tokens of its source


def standard_tokens(clause_index: int, marked: str, lang: str, terms: frozenset) -> list[Token]:
    """Tokens of a standard clause, each knowing the blank or alternative it comes from (the
    same clause text is tokenized once per process: most clauses are the same in every draft
    of a batch; the tokens are never changed once made)."""
    return list(_standard_tokens(clause_index, marked, lang, terms, getattr(terms, "complete", False)))


@lru_cache(maxsize=4096)
def _standard_tokens(clause_index: int, marked: str, lang: str, terms: frozenset,
                     complete: bool) -> tuple[Token, ...]:  # (complete: see _block_words)
    marked = clean(marked)
    plain, spans, pos = "", [], 0
    for m in MARK.finditer(marked):
        plain += marked[pos:m.start()]
        spans.append((len(plain), len(plain) + len(m.group(2)), m.group(1)))
        plain += m.group(2)
        pos = m.end()
    plain += marked[pos:]
    tokens: list[Token] = []
    for n, (t, start, end) in enumerate(locate_tokens(plain, tokenize(plain, lang, terms))):
        slot = next((name for a, b, name in spans if a <= start < b), None)
        tokens.append(Token(t, token_key(t), clause_index, slot, source=plain, start=start,
                            end=end, index=n))
    return tuple(tokens)


def locate_tokens(text: str, tokens: list[str]) -> list[tuple[str, int, int]]:
    """Each token with its offsets in ``text`` (tokens are in order)."""
    out, cursor = [], 0
    for t in tokens:
        start = text.find(t, cursor)
        start = cursor if start < 0 else start
        cursor = start + len(t)
        out.append((t, start, cursor))
    return out


@lru_cache(maxsize=64)
def form_terms(pack: LanguagePack) -> frozenset:
    """The form's own Thai words, the dictionary used when Thai text is segmented."""
    from ..text.normalize import Terms

    if pack.lang != "th":
        return frozenset()
    words = set()
    for group in (pack.lexicon.get("alternatives") or {}).values():
        words.update(w for w in group.values() if " " not in w)
    words.update(w for w in (pack.lexicon.get("fields") or {}).values() if " " not in w)
    listed = pack.words()
    terms = Terms(words | (listed or set()))
    terms.complete = listed is not None
    return terms


@dataclass
class Analysis:
    """Working state for one version (kept for the redline and HTML outputs)."""

    version: VersionText
    pack: LanguagePack
    patterns: FormPatterns
    values: dict[str, str]
    variant: dict
    exact: bool
    standard: dict[str, str] = field(default_factory=dict)  # clause id -> standard text
    draft_clauses: dict[str, str] = field(default_factory=dict)  # clause id -> draft text
    clause_status: dict[str, str] = field(default_factory=dict)  # clause id -> equal/changed/removed/moved
    clause_blocks: dict[str, list[int]] = field(default_factory=dict)  # clause id -> indices in version.blocks
    added_blocks: list[int] = field(default_factory=list)  # blocks holding text the form does not have
    novel: list[str] = field(default_factory=list)  # wording the draft adds (for the rules)
    result: VersionResult | None = None
    # a version checked as a translation of the English one (moukit.checking.translation)
    translation: list | None = None  # one ClauseCheck per clause of the English
    reference: object = None  # the Reference it was checked against
    added_texts: list[str] = field(default_factory=list)  # its paragraphs the English does not have
    added_numbers: list = field(default_factory=list)  # the clause numbers they were given (or None)
    described: dict = field(default_factory=dict)  # the values found, as a report describes them
    accepted: str | None = None  # the accepted text the version is, word for word


def tokens_of_draft(version: VersionText, lang: str, terms: frozenset) -> tuple[list[Token], dict[int, str]]:
    """The words of a draft version (numbers and signing lines removed), and each paragraph's
    clause number as the draft wrote it."""
    tokens: list[Token] = []
    numbers: dict[int, str] = {}
    for i, b in enumerate(version.blocks):
        name = bool(i) and name_under_signing(block_text(version.blocks[i - 1]), block_text(b))  # "(X)"
        number, source, words = _block_words(block_text(b), name, lang, terms, getattr(terms, "complete", False))
        if number:
            numbers[i] = number
        for n, (t, key, start, end) in enumerate(words):
            tokens.append(Token(t, key, -1, None, i, source, start, end, n))  # (by position: a long draft has many)
    return tokens, numbers


@lru_cache(maxsize=8192)
def _block_words(text: str, name: bool, lang: str, terms: frozenset, complete: bool) \
        -> tuple[str | None, str, tuple[tuple[str, str, int, int], ...]]:
    """A paragraph's clause number, the text its words are cut from (numbers and signing lines
    removed; ``name``: a name under a signing line, which has no number) and its words, each
    with its key and place: kept for the paragraphs read last (a batch meets the same
    paragraphs in draft after draft). ``complete``: whether ``terms`` are (equal sets of
    terms segment Thai differently when one is complete)."""
    text, number = (text.lstrip(), None) if name else strip_numbering(text.lstrip())
    lines = [clean(line) for line in editorial.canonical(text).split("\n")]  # across wrapped lines
    source = "\n".join(line for line in lines if line and not SIGNING_LINE.match(line))
    located = locate_tokens(source, tokenize(source.replace("\n", " "), lang, terms))
    return number, source, tuple((t, token_key(t), start, end) for t, start, end in located)


def join_tokens(tokens: list[Token], lang: str) -> str:
    """The text of ``tokens`` as written: runs of neighbouring tokens are quoted from their
    source (so "5,000,000 baht" and Thai spacing stay as they are), others are joined."""
    if tokens and all(t.source is not None for t in tokens):
        pieces, run = [], [tokens[0]]
        for t in tokens[1:]:
            if t.source is run[-1].source and t.index == run[-1].index + 1:
                run.append(t)
            else:
                pieces.append(run)
                run = [t]
        pieces.append(run)
        texts = [" ".join(r[0].source[r[0].start:r[-1].end].split()) for r in pieces]
        return _join_words(texts, lang)
    return _join_words([t.text for t in tokens], lang)


def _join_words(words: list[str], lang: str) -> str:
    tokens = [Token(w, w) for w in words]
    if lang in ("th", "zh", "ja", "my"):
        out = ""
        for t in tokens:
            if out and (t.text[:1].isascii() and t.text[:1].isalnum()) and (out[-1].isascii() and out[-1].isalnum()):
                out += " "
            out += t.text
        return out
    text = " ".join(t.text for t in tokens)
    return re.sub(r" ([,.;:)\]!?%])", r"\1", re.sub(r"([(\[]) ", r"\1", text))


def align(analysis: Analysis, draft: tuple[list[Token], dict[int, str]] | None = None) -> list[Finding]:
    """Word-level alignment of the draft with the standard text re-rendered from its values.

    In phases: render the standard text; set aside paragraphs that are a clause of the form
    out of its order (moved); set aside paragraphs that barely match the form (added); walk
    the word alignment clause by clause; judge each clause (equal, changed, removed); judge
    the paragraphs the form does not have (added, or a removed clause moved there).
    ``draft`` is what :func:`tokens_of_draft` gives for the version, when already known.
    """
    lang = analysis.version.lang
    terms = form_terms(analysis.pack)
    rendered, std_tokens = standard_text(analysis, terms)
    draft_tokens, numbers = draft or tokens_of_draft(analysis.version, lang, terms)
    findings, std_tokens, draft_tokens = moved_clauses(analysis, rendered, std_tokens, draft_tokens)
    foreign, draft_tokens, matcher = foreign_paragraphs(analysis, std_tokens, draft_tokens)
    work = walk(analysis, matcher, std_tokens, draft_tokens, len(rendered), foreign)
    removed = judge_clauses(analysis, rendered, work, findings)
    judge_added(analysis, work.inserted, removed, numbers, terms, findings)
    _note_renumbering(analysis, numbers, findings)
    return findings


def standard_text(analysis: Analysis, terms: frozenset) -> tuple[list[tuple[str, str]], list[Token]]:
    """The standard text re-rendered from the version's values (``analysis.standard``), its
    clauses marked with their slots, and its tokens."""
    form = analysis.patterns.form
    rendered = analysis.pack.render_clauses(form, marked_context(analysis.values, analysis.variant, form))
    tokens: list[Token] = []
    for index, (clause_id, marked) in enumerate(rendered):
        analysis.standard[clause_id] = unmark(marked)
        tokens.extend(standard_tokens(index, marked, analysis.version.lang, terms))
    return rendered, tokens


def moved_clauses(analysis: Analysis, rendered, std_tokens: list[Token], draft_tokens: list[Token]):
    """Findings for paragraphs that are a clause of the form word for word but stand out of
    its order, and the tokens of both sides without them."""
    form, lang = analysis.patterns.form, analysis.version.lang
    moved = _moved_paragraphs(rendered, draft_tokens)
    findings: list[Finding] = []
    by_block = tokens_by_block(draft_tokens) if moved else {}
    for block, index in moved:
        clause_id = rendered[index][0]
        clause = form.clauses[index]
        text = join_tokens(by_block[block], lang)
        analysis.clause_status[clause_id] = "moved"
        analysis.draft_clauses[clause_id] = text
        analysis.clause_blocks[clause_id] = [block]
        findings.append(finding(
            "MK-C004", N_("clause {number} was moved out of the form's order", number=clause.number or clause_id),
            lang=lang, clause_id=clause_id, clause_number=str(clause.number) if clause.number else None,
            standard=analysis.standard[clause_id], draft=text))
    if moved:
        gone_blocks = {b for b, _ in moved}
        gone_clauses = {i for _, i in moved}
        draft_tokens = [t for t in draft_tokens if t.block not in gone_blocks]
        std_tokens = [t for t in std_tokens if t.clause not in gone_clauses]
    return findings, std_tokens, draft_tokens


def _matcher(std_tokens: list[Token], draft_tokens: list[Token]) -> difflib.SequenceMatcher:
    """The word alignment of the form with the whole draft (its search kept in range: a long
    draft costs no more than its length)."""
    return RangeMatcher(None, [t.key for t in std_tokens], [t.key for t in draft_tokens], autojunk=False)


def foreign_paragraphs(analysis: Analysis, std_tokens: list[Token], draft_tokens: list[Token]):
    """Paragraphs that barely match the form (a word or a full stop) are text the draft added:
    set aside, so that they are not read as part of a clause. Returns their token runs, the
    other draft tokens and their alignment with the standard text."""
    matcher = _matcher(std_tokens, draft_tokens)
    equal_counts = Counter(t.block for _, _, j1, j2 in _equal_ranges(matcher) for t in draft_tokens[j1:j2])
    by_block = tokens_by_block(draft_tokens)
    clauses: list[difflib.SequenceMatcher] = []  # the form's clauses, made when first needed
    foreign = {b for b, run in by_block.items() if len(run) >= 3 and (
        equal_counts[b] / len(run) < 0.34
        or (equal_counts[b] / len(run) < 0.8 and not _contained(run, clauses, analysis.standard, 0.5)))}
    if not foreign:
        return [], draft_tokens, matcher
    runs = [by_block[b] for b in sorted(foreign)]
    draft_tokens = [t for t in draft_tokens if t.block not in foreign]
    return runs, draft_tokens, _matcher(std_tokens, draft_tokens)


@dataclass
class ClauseWork:
    """What the walk of the alignment gathers for each clause of the standard text (by index)."""

    ops: dict[int, list[tuple[str, list[Token]]]]  # equal / insert / delete, in order
    draft: dict[int, list[Token]]  # the draft's tokens of the clause
    changed: dict[int, bool]
    value_only: dict[int, bool]  # only blanks differ (a value, not the form's wording)
    inserted: list[list[Token]]  # runs of whole paragraphs the form does not have

    @classmethod
    def empty(cls, clauses: int, inserted: list[list[Token]]) -> ClauseWork:
        """Nothing gathered yet for ``clauses`` clauses; ``inserted`` paragraphs already known."""
        return cls({i: [] for i in range(clauses)}, {i: [] for i in range(clauses)},
                   {i: False for i in range(clauses)}, {i: True for i in range(clauses)},
                   list(inserted))


def walk(analysis: Analysis, matcher, std_tokens: list[Token], draft_tokens: list[Token],
         clauses: int, inserted: list[list[Token]]) -> ClauseWork:
    """Walk the word alignment and give each step to its clause: equal words, words the draft
    inserts or replaces (the wording the rules read), blanks the draft fills, whole
    paragraphs it adds."""
    form, lang = analysis.patterns.form, analysis.version.lang
    work = ClauseWork.empty(clauses, inserted)
    aligned_blocks = {t.block for _, _, j1, j2 in _equal_ranges(matcher) for t in draft_tokens[j1:j2]}

    def clause_of_insert(i1: int, j1: int, j2: int) -> int:
        if i1 > 0 and j1 > 0 and draft_tokens[j1 - 1].block == draft_tokens[j1].block:
            return std_tokens[i1 - 1].clause
        if i1 < len(std_tokens) and j2 < len(draft_tokens) and draft_tokens[j2].block == draft_tokens[j2 - 1].block:
            return std_tokens[i1].clause
        return std_tokens[max(0, i1 - 1)].clause if std_tokens else 0

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":  # a run of equal words for each clause they belong to
            at = j1
            for clause, words in groupby(std_tokens[i1:i2], key=_CLAUSE_OF):
                run = draft_tokens[at:at + len(list(words))]
                at += len(run)
                work.ops[clause].append(("equal", run))
                work.draft[clause].extend(run)
            continue
        if tag == "insert":
            run = draft_tokens[j1:j2]
            if all(t.block not in aligned_blocks for t in run):
                work.inserted.append(run)
                continue
            c = clause_of_insert(i1, j1, j2)
            work.ops[c].append(("insert", run))
            work.draft[c].extend(run)
            work.changed[c] = True
            work.value_only[c] = False
            analysis.novel.append(join_tokens(run, lang))
            continue
        # delete or replace: split by standard clause
        std_run = std_tokens[i1:i2]
        draft_run = draft_tokens[j1:j2]
        clauses_in_run = sorted({t.clause for t in std_run})
        placeholder = all(t.slot and t.text == "…" for t in std_run)
        for n, c in enumerate(clauses_in_run):
            part = [t for t in std_run if t.clause == c]
            share = draft_run if len(clauses_in_run) == 1 else (
                draft_run[n * len(draft_run) // len(clauses_in_run): (n + 1) * len(draft_run) // len(clauses_in_run)])
            if placeholder and share and valid_fill(part[0].slot, join_tokens(share, lang), analysis):
                # an unknown blank filled by the draft: a value, not a change
                work.ops[c].append(("equal", share))
                work.draft[c].extend(share)
                analysis.values.setdefault(part[0].slot, join_tokens(share, lang))
                continue
            edge = _edge_fill(part, share, lang, analysis)
            if edge:  # an unknown blank next to changed words: keep the value, report the words
                slot, value_tokens, part, share, value_first = edge
                analysis.values.setdefault(slot, join_tokens(value_tokens, lang))
                if value_first:
                    work.ops[c].append(("equal", value_tokens))
                    work.draft[c].extend(value_tokens)
            work.ops[c].append(("delete", part))
            if share:
                work.ops[c].append(("insert", share))
                work.draft[c].extend(share)
                analysis.novel.append(join_tokens(share, lang))
            work.changed[c] = True
            if not all(t.slot and form.slot(t.slot).kind != "alternative" for t in part):
                work.value_only[c] = False
            if edge and not edge[4]:
                work.ops[c].append(("equal", edge[1]))
                work.draft[c].extend(edge[1])
    return work


def judge_clauses(analysis: Analysis, rendered, work: ClauseWork,
                  findings: list[Finding]) -> dict[int, Finding]:
    """Each clause's status (equal, changed, removed) and finding, added to ``findings``;
    returns the removed clauses' findings by clause index."""
    form, lang = analysis.patterns.form, analysis.version.lang
    removed: dict[int, Finding] = {}
    for index, (clause_id, _) in enumerate(rendered):
        if analysis.clause_status.get(clause_id) == "moved":
            continue
        clause = form.clauses[index]
        number = str(clause.number) if clause.number else None
        standard = analysis.standard[clause_id]
        draft_text = join_tokens(work.draft[index], lang)
        analysis.draft_clauses[clause_id] = draft_text
        analysis.clause_blocks[clause_id] = sorted({t.block for t in work.draft[index]})
        if not work.draft[index]:
            analysis.clause_status[clause_id] = "removed"
            f = finding("MK-C003", N_("clause {number} of the form is missing", number=number or clause_id),
                        lang=lang, clause_id=clause_id, clause_number=number,
                        standard=standard, draft=None, diff=[DiffOp("delete", standard)])
            removed[index] = f
            findings.append(f)
            continue
        if not work.changed[index] or _same_wording(standard, draft_text):
            analysis.clause_status[clause_id] = "equal"
            continue
        analysis.clause_status[clause_id] = "changed"
        if work.value_only[index]:
            code = "MK-M001"
            message = N_("clause {number}: a name or value differs from the rest of the version",
                         number=number or clause_id)
        else:
            code = "MK-C001"
            message = N_("clause {number}: the wording of the form was changed", number=number or clause_id)
        findings.append(finding(code, message, lang=lang, clause_id=clause_id, clause_number=number,
                                standard=standard, draft=draft_text,
                                diff=_merge_ops(work.ops[index], lang)))
    return removed


def judge_added(analysis: Analysis, inserted: list[list[Token]], removed: dict[int, Finding],
                numbers: dict[int, str], terms: frozenset, findings: list[Finding]) -> None:
    """A finding for each paragraph the form does not have: added text, or a removed clause
    found there (moved, perhaps reworded), which replaces the clause's "removed" finding."""
    lang = analysis.version.lang
    for run in _group_by_block(inserted):
        text = join_tokens(run, lang)
        analysis.added_blocks.append(run[0].block)
        analysis.novel.append(text)
        moved_from = next((index for index, f in removed.items() if difflib.SequenceMatcher(
            None, make_key([f.standard]).key, make_key([text]).key, autojunk=False).ratio() >= 0.6), None)
        if moved_from is not None:
            f = removed.pop(moved_from)
            moved = N_("clause {number} was moved", number=f.clause_number or f.clause_id) \
                if _same_wording(f.standard, text) else \
                N_("clause {number} was moved and its wording changed", number=f.clause_number or f.clause_id)
            findings[findings.index(f)] = finding(
                "MK-C004", moved,
                lang=lang, clause_id=f.clause_id, clause_number=f.clause_number,
                standard=f.standard, draft=text, diff=word_diff(f.standard, text, lang, terms))
            analysis.clause_status[f.clause_id] = "moved"
            analysis.draft_clauses[f.clause_id] = text
            analysis.clause_blocks[f.clause_id] = [run[0].block]
            analysis.added_blocks.pop()
            continue
        number = numbers.get(run[0].block)
        findings.append(finding(
            "MK-C002", N_("text that is not in the form was added (numbered {number})", number=number)
            if number else N_("text that is not in the form was added"),
            lang=lang, clause_id=None, clause_number=number, standard=None, draft=text,
            diff=[DiffOp("insert", text)]))


def _edge_fill(part: list[Token], share: list[Token], lang: str, analysis: Analysis):
    """An unknown blank at one end of a changed run, e.g. ``[… between] -> [Sister Cities
    among]``: the draft's words at that end, as many as the run has beyond the changed form
    words, are the blank's value when they are a valid one. Returns (slot, value tokens,
    form tokens left, draft tokens left, value first) or None."""
    if len(part) < 2 or not share:
        return None
    for first in (True, False):
        edge = part[0] if first else part[-1]
        rest = part[1:] if first else part[:-1]
        if not (edge.slot and edge.text == "…") or any(t.text == "…" for t in rest):
            continue
        size = len(share) - len(rest)
        if size < 1:
            continue
        value = share[:size] if first else share[len(share) - size:]
        left = share[size:] if first else share[:len(share) - size]
        if valid_fill(edge.slot, join_tokens(value, lang), analysis):
            return edge.slot, value, rest, left, first
    return None


def valid_fill(slot: str, value: str, analysis: Analysis) -> bool:
    """Whether draft words can be the value of a blank the patterns could not read."""
    kind = analysis.patterns.form.slot(slot).kind
    if kind == "alternative":
        return bool(analysis.patterns.options_of(slot, value)) or \
            analysis.patterns.form.alternatives[slot].tolerates_other
    if kind == "date":
        return parse_date(value, analysis.pack.lexicon) is not None
    if kind == "term":
        return parse_term(value, analysis.pack.lexicon) is not None
    if kind == "years":
        return value.isdigit()
    if kind == "language":  # one language's name, as the patterns read it: never a list
        return not re.search("[,，、]", value)
    return True


def _moved_paragraphs(rendered, draft_tokens: list[Token]) -> list[tuple[int, int]]:
    """(block, clause index) of paragraphs that are a clause of the form word for word but
    stand out of the form's order (the longest in-order run of such paragraphs stays)."""
    where: dict[str, int] = {}
    for index, (_, marked) in enumerate(rendered):
        where.setdefault(flat_key(key_of(unmark(marked))), index)
    sources: dict[int, str] = {}
    for t in draft_tokens:
        sources.setdefault(t.block, t.source or "")
    anchors = [(b, where[k]) for b in sorted(sources) if (k := flat_key(key_of(sources[b]))) in where]
    if len(anchors) < 2:
        return []
    # longest increasing run of clause indices, in paragraph order
    best = [1] * len(anchors)
    back = [-1] * len(anchors)
    for i in range(len(anchors)):
        for j in range(i):
            if anchors[j][1] < anchors[i][1] and best[j] + 1 > best[i]:
                best[i], back[i] = best[j] + 1, j
    i = max(range(len(anchors)), key=lambda k: best[k])
    keep = set()
    while i >= 0:
        keep.add(i)
        i = back[i]
    in_order = {anchors[k][1] for k in keep}
    return [a for k, a in enumerate(anchors) if k not in keep and a[1] not in in_order]


def tokens_by_block(tokens: list[Token]) -> dict[int, list[Token]]:
    """The draft's tokens of each paragraph, in order (one pass: a scan of every token per
    paragraph would make the check quadratic in the draft's length)."""
    blocks: dict[int, list[Token]] = {}
    for t in tokens:
        blocks.setdefault(t.block, []).append(t)
    return blocks


def paragraph_similarity(words: list[str], paragraphs: list[list[str]], span: int = 12) -> float:
    """How well word keys ``words`` (a clause of the form) are found in the draft: the
    highest word-level similarity (difflib's ratio, 0 to 1) with a run of consecutive
    paragraphs (each a list of word keys): at most ``span`` of them (a clause hard-wrapped
    line by line), and no longer than twice the clause once past its first paragraph.

    Runs are tried from the highest ratio their length allows down, and the search stops
    when no run can do better: a long draft costs little more than its length.
    """
    if not words:
        return 0.0
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(words)
    ends = [0]
    for p in paragraphs:
        ends.append(ends[-1] + len(p))
    runs = []
    for i in range(len(paragraphs)):
        for j in range(i + 1, min(i + span, len(paragraphs)) + 1):
            size = ends[j] - ends[i]
            if j > i + 1 and size > 2 * len(words):
                break
            runs.append((2 * min(size, len(words)) / (size + len(words)), i, j))
    runs.sort(key=lambda run: -run[0])
    best = 0.0
    for bound, i, j in runs:
        if bound <= best:
            break
        matcher.set_seq1([w for p in paragraphs[i:j] for w in p])
        if matcher.quick_ratio() > best:
            best = max(best, matcher.ratio())
    return best


def _contained(paragraph: list[Token], clauses: list[difflib.SequenceMatcher], standard: dict[str, str],
               share: float) -> bool:
    """Whether at least ``share`` of a draft paragraph (its tokens, as characters) is found, in
    order, in a single clause of the form. ``clauses`` holds a matcher per clause of
    ``standard`` (its key the second sequence, indexed once for every paragraph); it is
    filled on the first call. The clauses are tried the likeliest first, by the characters
    each has in common with the paragraph (a bound of what it can hold, in any order): the
    search ends at the first that holds ``share``, and no clause whose bound is less is
    compared (an edited paragraph is held by the first clause tried; comparing every clause
    that might hold more took about 2 ms a paragraph)."""
    text = flat_key("".join(t.key for t in paragraph))
    if not text:
        return True
    if not clauses:
        clauses += [copy.copy(_clause_matcher(flat_key(key_of(c)))) for c in standard.values()]
    counts = Counter(text).items()
    bounds = [(_in_common(counts, m.b), m) for m in clauses]
    for bound, matcher in sorted(bounds, key=lambda pair: -pair[0]):
        if bound / len(text) < share:
            return False
        matcher.set_seq1(text)
        if _holds(matcher, share):
            return True
    return False


def _holds(matcher: difflib.SequenceMatcher, share: float) -> bool:
    """Whether the blocks of three characters or more that ``matcher.get_matching_blocks``
    gives cover ``share`` of its first sequence: its blocks are found as difflib finds them
    (the longest, then the same on each side), and the search ends once those found cover
    that much. Only when they never do are they gathered as difflib gathers them
    (neighbouring blocks joined), which can only add to what they cover."""
    queue = [(0, len(matcher.a), 0, len(matcher.b))]
    found, total = [], 0
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        i, j, k = block = matcher.find_longest_match(alo, ahi, blo, bhi)
        if not k:
            continue
        found.append(block)
        total += k if k >= 3 else 0
        if total / len(matcher.a) >= share:
            return True
        if alo < i and blo < j:
            queue.append((alo, i, blo, j))
        if i + k < ahi and j + k < bhi:
            queue.append((i + k, ahi, j + k, bhi))
    joined: list[list[int]] = []
    for i, j, k in sorted(found):
        if joined and joined[-1][0] + joined[-1][2] == i and joined[-1][1] + joined[-1][2] == j:
            joined[-1][2] += k
        else:
            joined.append([i, j, k])
    return sum(k for _, _, k in joined if k >= 3) / len(matcher.a) >= share


@lru_cache(maxsize=1024)
def _clause_matcher(key: str) -> difflib.SequenceMatcher:
    """A matcher with a clause's key as its second sequence, indexed once per process:
    :func:`_contained` uses copies of it, which share the index (only read) and set their
    own first sequence. A :class:`RangeMatcher`: it looks for matches where the key has two
    characters of the paragraph in a row, not at every place of each character (the same
    matches, 0.7 of the time), and keeps those places for every copy."""
    return RangeMatcher(None, "", key, autojunk=False)


def _in_common(counts, key: str) -> int:
    """How many characters a paragraph (its ``counts``: character, how many) and a clause's
    ``key`` have in common, repeats counted: the most the clause can hold of it in any order
    (what difflib's ``quick_ratio`` counts).

    >>> _in_common(Counter("banana").items(), "cabbage")
    3
    """
    theirs = _character_counts(key)
    return sum(min(n, theirs.get(ch, 0)) for ch, n in counts)


@lru_cache(maxsize=1024)
def _character_counts(key: str) -> Counter:
    """How many times ``key`` (a clause's) has each character, counted once per process."""
    return Counter(key)


_CLAUSE_OF = attrgetter("clause")


def _equal_ranges(matcher):
    return [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag == "equal"]


def _group_by_block(runs: list[list[Token]]) -> list[list[Token]]:
    groups: list[list[Token]] = []
    for run in runs:
        current: list[Token] = []
        for t in run:
            if current and t.block != current[-1].block:
                groups.append(current)
                current = []
            current.append(t)
        if current:
            groups.append(current)
    return groups


def _same_wording(a: str, b: str) -> bool:
    ka = flat_key(key_of(a))
    kb = flat_key(key_of(b))
    if ka == kb:
        return True
    return token_key(ka) == token_key(kb) and _first_letters_only(ka, kb)


def _first_letters_only(a: str, b: str) -> bool:
    return len(a) == len(b) and all(x == y or x.lower() == y.lower() for x, y in zip(a, b))


def _merge_ops(ops: list[tuple[str, list[Token]]], lang: str) -> list[DiffOp]:
    merged: list[tuple[str, list[Token]]] = []
    for op, tokens in ops:
        if merged and merged[-1][0] == op:
            merged[-1][1].extend(tokens)
        else:
            merged.append((op, list(tokens)))
    return [DiffOp(op, join_tokens(tokens, lang)) for op, tokens in merged if tokens]


def word_diff(standard: str, draft: str, lang: str, terms: frozenset) -> list[DiffOp]:
    """The word-level difference between a clause of the form and the draft's text."""
    a = [Token(t, token_key(t)) for t in tokenize(clean(standard), lang, terms)]
    b = [Token(t, token_key(t)) for t in tokenize(clean(draft), lang, terms)]
    ops: list[tuple[str, list[Token]]] = []
    matcher = difflib.SequenceMatcher(None, [t.key for t in a], [t.key for t in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(("equal", b[j1:j2]))
            continue
        ops.append(("delete", a[i1:i2]))
        ops.append(("insert", b[j1:j2]))
    return _merge_ops(ops, lang)


def _note_renumbering(analysis: Analysis, numbers: dict[int, str], findings: list[Finding]) -> None:
    if any(f.kind in ("added", "removed", "moved") for f in findings) and numbers:
        analysis.version.editorial.append(N_("clauses renumbered around the added, removed or moved clauses"))
