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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import MoukitError
from .forms import get_form
from .formatting import format_list
from .patterns import (
    FormPatterns,
    Key,
    form_patterns,
    key_of,
    make_key,
    options_of,
    parse_date,
    parse_term,
)
from .report import DiffOp, Finding, Report, VersionResult
from .rules import Rule, load_rules
from .templates import LanguagePack, TemplateLibrary
from .textnorm import SIGNING_LINE, clean, detect_language, script_counts, strip_numbering, token_key, tokenize

VALUE_SLOTS = ("thai_name", "partner_name", "place", "date", "fields", "further_fields",
               "partner_language", "term_text", "thai_signatory.name", "thai_signatory.position",
               "partner_signatory.name", "partner_signatory.position")
ALTERNATIVE_SLOTS = ("relationship", "parties", "preposition", "intent", "title", "opening")
FREE_TEXT_SLOTS = ("fields", "further_fields", "relationship", "title", "place")
_MARK = re.compile("\ue002([^\ue003]*)\ue003(.*?)\ue004", re.S)

RATIONALE = {
    "changed": (
        "The wording of the standard form was changed. Any adjustment of the form must be "
        "approved by the MOI, the MFA and the Office of the Council of State before signing.",
        "มีการแก้ไขถ้อยคำของแบบฟอร์มมาตรฐาน การปรับแก้ใด ๆ ต้องเสนอกระทรวงมหาดไทย "
        "กระทรวงการต่างประเทศ และสำนักงานคณะกรรมการกฤษฎีกาพิจารณาก่อนลงนาม",
    ),
    "added": (
        "A clause that is not in the standard form was added: an adjustment of the form, for "
        "the MOI, the MFA and the Office of the Council of State.",
        "มีการเพิ่มข้อความที่ไม่มีในแบบฟอร์มมาตรฐาน ถือเป็นการปรับแก้แบบฟอร์ม "
        "ต้องเสนอกระทรวงมหาดไทย กระทรวงการต่างประเทศ และสำนักงานคณะกรรมการกฤษฎีกา",
    ),
    "removed": (
        "A clause of the standard form was removed: an adjustment of the form, for the MOI, "
        "the MFA and the Office of the Council of State.",
        "มีการตัดข้อความของแบบฟอร์มมาตรฐานออก ถือเป็นการปรับแก้แบบฟอร์ม "
        "ต้องเสนอกระทรวงมหาดไทย กระทรวงการต่างประเทศ และสำนักงานคณะกรรมการกฤษฎีกา",
    ),
    "moved": (
        "A clause of the standard form was moved: the order of the form is part of the form.",
        "มีการย้ายลำดับข้อความของแบบฟอร์มมาตรฐาน ลำดับของข้อความเป็นส่วนหนึ่งของแบบฟอร์ม",
    ),
    "value_mismatch": (
        "The same value is written differently in different places. Every place must name the "
        "same party, date, term and fields; the MOI checks this and returns drafts that disagree.",
        "ข้อมูลเดียวกันเขียนไม่ตรงกันในแต่ละแห่ง ทุกแห่งต้องระบุคู่ภาคี วันที่ ระยะเวลา และสาขาความร่วมมือ"
        "ให้ตรงกัน กระทรวงมหาดไทยจะตรวจและส่งร่างที่ไม่ตรงกันกลับมาแก้ไข",
    ),
    "variant": (
        "A name the form tolerates under its 'etc.' but does not list: accepted, but the MOI and "
        "the MFA review it.",
        "ใช้ชื่อที่แบบฟอร์มยอมรับได้ภายใต้คำว่า 'ฯลฯ' แต่ไม่ได้ระบุไว้ กระทรวงมหาดไทยและกระทรวงการต่างประเทศจะพิจารณา",
    ),
}


@dataclass
class VersionText:
    """The blocks of one language version of a draft."""

    lang: str
    blocks: list = field(default_factory=list)
    source: str = ""
    editorial: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- segmentation


@lru_cache(maxsize=256)
def _literal_chunks(pack: LanguagePack, instrument: str) -> tuple[str, ...]:
    """The form's own wording in ``pack``'s language, as lower-case keys between the blanks."""
    rendered = pack.render_clauses(get_form(instrument), _dummy_context(instrument, "\x00"))
    chunks = []
    for _, text in rendered:
        for piece in text.split("\x00"):
            k = _flat(key_of(piece))
            if len(k) >= 6:
                chunks.append(k)
    return tuple(chunks)


def _latin_packs(library: TemplateLibrary) -> dict[str, set[str]]:
    """Vocabulary of each Latin-script language pack, to tell English from Italian."""
    vocab = {}
    for lang in library.available():
        if lang in ("th", "zh", "ja", "ko"):
            continue
        try:
            pack = library.pack(lang)
            words = set()
            for instrument in ("loi", "mou"):
                rendered = pack.render_clauses(get_form(instrument), _dummy_context(instrument, " "))
                for _, text in rendered:
                    words.update(w.lower() for w in re.findall(r"[^\W\d_]{3,}", text))
            vocab[lang] = words
        except MoukitError:
            continue
    return vocab


def _language(text: str, latin: dict[str, set[str]]) -> str | None:
    lang = detect_language(text, latin_languages=tuple(latin) or ("en",))
    if lang in ("en", "vi") or (lang and lang not in ("th", "zh", "ja", "ko")):
        if lang == "vi" and "vi" in latin:
            return "vi"
        words = [w.lower() for w in re.findall(r"[^\W\d_]{3,}", text)]
        if not words or not latin:
            return lang
        scores = {code: sum(w in vocab for w in words) for code, vocab in latin.items()}
        best = max(sorted(scores), key=lambda c: scores[c])
        # Running text (lower-case words, not names) that is hardly in any language pack is
        # in a language moukit has no templates for.
        plain = [w for w in re.findall(r"[^\W\d_]{3,}", text) if w[:1].islower()]
        if len(plain) >= 8 and sum(w in latin[best] for w in plain) < 0.2 * len(plain):
            return "und"
        return best if scores[best] else lang
    return lang


def _title_starts(library: TemplateLibrary) -> set[str]:
    starts = set()
    for lang in library.available():
        try:
            pack = library.pack(lang)
            loi_title = pack.render_clauses(get_form("loi"), _dummy_context("loi"))[0][1]
        except MoukitError:
            continue
        for option in (pack.lexicon.get("alternatives", {}).get("title") or {}).values():
            starts.add(key_of(option).lower())
        starts.add(make_key([loi_title.split("\n")[0]], numbered=False).key.lower())
        marker = pack.lexicon.get("draft_marker")
        if marker:
            starts.add(key_of(marker).lower())
    starts.discard("")
    return starts


def _draft_markers(library: TemplateLibrary) -> set[str]:
    """Keys of lines that are layout, not wording: draft markers and language headings."""
    from babel import Locale

    markers = {"(draft)", "draft"}
    langs = library.available()
    for lang in langs:
        try:
            lexicon = library.pack(lang).lexicon
        except MoukitError:
            continue
        locale = Locale.parse(lexicon["locale"])
        for name in [lexicon.get("name", ""), locale.get_language_name(locale) or ""] + [
                locale.languages.get(code, "") for code in langs]:
            if name:
                markers.add(key_of(name).lower())
        marker = lexicon.get("draft_marker")
        if marker:
            markers.add(key_of(marker).lower())
            markers.add(key_of(marker.strip("()（）")).lower())
    return markers


def _dummy_context(instrument: str, value: str = "x") -> dict:
    person = {"name": value, "position": value}
    ctx = {n: value for n in ("thai_name", "partner_name", "relationship", "parties", "fields",
                            "place", "date", "partner_language", "preposition", "intent",
                            "further_fields", "title", "opening", "term_text")}
    ctx.update(thai_signatory=person, partner_signatory=person, term_years=None)
    return ctx


def _block_text(block) -> str:
    return block.text if hasattr(block, "text") else str(block)


def segment(draft, library: TemplateLibrary) -> list[VersionText]:
    """Split a draft into its language versions (separate or parallel layout)."""
    cache = library.__dict__.setdefault("_check_cache", {})
    if "latin" not in cache:
        cache["latin"] = _latin_packs(library)
        cache["markers"] = _draft_markers(library)
        cache["starts"] = _title_starts(library)
    latin, markers = cache["latin"], cache["markers"]
    blocks = [b for b in draft.blocks if clean(_block_text(b))]
    editorial: list[str] = []
    kept = []
    heading_before: set[int] = set()  # blocks that follow a language heading or draft marker
    for b in blocks:
        if key_of(_block_text(b)).lower() in markers:
            editorial.append(f"heading or draft marker {clean(_block_text(b))!r} ignored")
            heading_before.add(len(kept))
        else:
            kept.append(b)
    blocks = kept

    # Parallel layout: a table whose columns are in different languages.
    tables: dict[int, list] = {}
    for b in blocks:
        if getattr(b, "table", None) is not None:
            tables.setdefault(b.table[0], []).append(b)
    parallel_versions: list[VersionText] = []
    parallel_tables = set()
    for number, cells in tables.items():
        columns: dict[int, list] = {}
        for b in cells:
            columns.setdefault(b.table[2], []).append(b)
        langs = {col: _language(" ".join(_block_text(b) for b in bs), latin) for col, bs in columns.items()}
        if len(set(filter(None, langs.values()))) >= 2 and len(columns) >= 2:
            parallel_tables.add(number)
            for col in sorted(columns):
                if langs[col]:
                    ordered = sorted(columns[col], key=lambda b: (b.table[1], b.index))
                    parallel_versions.append(VersionText(langs[col], ordered, draft.name, list(editorial)))
    if parallel_versions:
        return parallel_versions

    # Separate layout: versions follow each other; a table (signatures) is read column by column.
    ordered: list = []
    table_buffer: list = []
    for b in blocks:
        if getattr(b, "table", None) is not None and b.table[0] not in parallel_tables:
            if table_buffer and table_buffer[-1].table[0] != b.table[0]:
                ordered.extend(sorted(table_buffer, key=lambda x: (x.table[2], x.table[1], x.index)))
                table_buffer = []
            table_buffer.append(b)
            continue
        if table_buffer:
            ordered.extend(sorted(table_buffer, key=lambda x: (x.table[2], x.table[1], x.index)))
            table_buffer = []
        ordered.append(b)
    ordered.extend(sorted(table_buffer, key=lambda x: (x.table[2], x.table[1], x.index)))

    starts = cache["starts"]
    versions: list[VersionText] = []
    current: VersionText | None = None
    weights: Counter = Counter()
    after_heading = {id(blocks[i]) for i in heading_before if i < len(blocks)}
    for b in ordered:
        text = _block_text(b)
        lang = _language(text, latin)
        counts = script_counts(text)
        letters = counts["latin"] + counts["th"] + 2 * (counts["han"] + counts["kana"] + counts["ko"])
        first_line = key_of(text.split("\n")[0]).lower()
        boundary = current is not None and len(current.blocks) >= 4 and (
            getattr(b, "page_break_before", False)
            or id(b) in after_heading
            or first_line in starts
            or (lang is not None and letters >= 30 and lang != _majority(weights))
        )
        if current is None or boundary:
            if current is not None:
                current.lang = _majority(weights) or current.lang
            weights = Counter()
            current = VersionText(lang or "und", [], draft.name, list(editorial))
            versions.append(current)
        current.blocks.append(b)
        if lang:
            weights[lang] += letters
    if current is not None:
        current.lang = _majority(weights) or current.lang
    versions = _merge_inserted(versions)
    for version in versions:  # Latin letters, but hardly a word of that language pack: unknown
        vocab = latin.get(version.lang)
        if vocab:
            words = [w.lower() for b in version.blocks for w in re.findall(r"[^\W\d_]{3,}", _block_text(b))]
            if len(words) >= 30 and sum(w in vocab for w in words) < 0.3 * len(words):
                version.lang = "und"
    return versions


def _merge_inserted(versions: list[VersionText]) -> list[VersionText]:
    """A paragraph or two in another language inside a version was inserted there: keep it
    in that version (it will be reported as added text) instead of splitting the version."""
    merged: list[VersionText] = []
    i = 0
    while i < len(versions):
        v = versions[i]
        if merged and merged[-1].lang == v.lang:  # a split caused by inserted foreign text
            merged[-1].blocks.extend(v.blocks)
            i += 1
            continue
        if (merged and i + 1 < len(versions) and len(v.blocks) <= 2
                and merged[-1].lang == versions[i + 1].lang != v.lang):
            merged[-1].blocks.extend(v.blocks + versions[i + 1].blocks)
            i += 2
            continue
        merged.append(v)
        i += 1
    return merged


def _majority(weights: Counter) -> str | None:
    return max(sorted(weights), key=lambda k: weights[k]) if weights else None


# --------------------------------------------------------------------------- values


def _slot_values(match: re.Match, slots, key: Key, clause_id: str) -> list[tuple[str, str, str]]:
    return [(slot.name, clause_id, key.value(*match.span(slot.group))) for slot in slots
            if match.span(slot.group)[0] >= 0]


def _consensus(found: list[tuple[str, str, str]]) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """Most common value of each slot, and the (slot, clause, value) that differ from it."""
    by_slot: dict[str, list[tuple[str, str]]] = {}
    for slot, clause_id, value in found:
        by_slot.setdefault(slot, []).append((clause_id, value))
    chosen: dict[str, str] = {}
    odd: list[tuple[str, str, str]] = []
    for slot, items in by_slot.items():
        counts = Counter(token_key(key_of(v)) for _, v in items)
        best_key = max(counts, key=lambda k: (counts[k], -list(counts).index(k)))
        chosen[slot] = next(v for _, v in items if token_key(key_of(v)) == best_key)
        for clause_id, v in items:
            if token_key(key_of(v)) != best_key:
                odd.append((slot, clause_id, v))
    return chosen, odd


def _list_separators(pack: LanguagePack) -> list[str]:
    sample = format_list(["\x01", "\x02", "\x03"], pack.lexicon)
    two = format_list(["\x01", "\x02"], pack.lexicon)
    seps = set(re.split("[\x01\x02\x03]", sample)[1:-1]) | set(re.split("[\x01\x02]", two)[1:-1])
    keys = {key_of(sep).lower() for sep in seps} | {",", "、", ";"}
    return sorted((k for k in keys if k), key=len, reverse=True)


def parse_fields(text: str, pack: LanguagePack) -> dict:
    """Read a fields-of-cooperation blank: the vocabulary ids it names, and other wording.

    The text is scanned for the language's wording of each field (longest first); what lies
    between known fields and list separators is free-text wording (one item per gap).
    """
    key = key_of(text).replace("¶", "").replace("↵", "").lower()
    known = sorted(((key_of(w).lower(), fid)
                    for fid, w in pack.lexicon["fields"].items()), key=lambda kv: -len(kv[0]))
    seps = _list_separators(pack)
    ids: list[str] = []
    other: list[str] = []
    gap = ""
    pos = 0
    while pos < len(key):
        hit = next(((k, fid) for k, fid in known if k and key.startswith(k, pos)), None)
        if hit:
            if gap:
                other.append(gap)
                gap = ""
            ids.append(hit[1])
            pos += len(hit[0])
            sep = next((s for s in seps if key.startswith(s, pos)), None)
            pos += len(sep) if sep else 0
            continue
        gap += key[pos]
        pos += 1
    if gap:
        other.append(gap)
    cleaned = []
    for item in other:
        for sep in seps:
            item = item.removeprefix(sep).removesuffix(sep)
        if item:
            cleaned.append(item)
    return {"ids": sorted(ids), "other": cleaned}


def _language_code(name: str, pack: LanguagePack) -> str | None:
    return _language_names(pack).get(key_of(name).lower())


@lru_cache(maxsize=64)
def _language_names(pack: LanguagePack) -> dict[str, str]:
    from babel import Locale

    names = dict(Locale.parse(pack.lexicon["locale"]).languages)
    names.update(pack.lexicon.get("languages") or {})
    return {key_of(n).lower(): code for code, n in sorted(names.items(), reverse=True)}


def describe_values(values: dict[str, str], variant: dict, patterns: FormPatterns,
                    pack: LanguagePack) -> dict:
    """The inferred values of a version, with listed options and parsed dates, terms, fields."""
    out: dict = {"instrument": patterns.form.instrument}
    for slot in ALTERNATIVE_SLOTS:
        if slot in values:
            options = options_of(slot, values[slot], patterns)
            out[slot] = {"text": values[slot], "options": list(options)}
    for slot in VALUE_SLOTS:
        if slot in values and slot not in ("fields", "further_fields", "date", "term_text"):
            out[slot] = values[slot]
    for slot in ("fields", "further_fields"):
        if values.get(slot):
            out[slot] = {"text": values[slot], **parse_fields(values[slot], pack)}
    if "date" in values:
        parsed = parse_date(values["date"], pack.lexicon)
        out["date"] = {"text": values["date"], "iso": parsed.isoformat() if parsed else None}
    if patterns.form.instrument == "mou":
        if variant.get("term") == "fixed":
            years = parse_term(values.get("term_text", ""), pack.lexicon)
            out["term"] = {"kind": "fixed", "years": years, "text": values.get("term_text")}
        elif variant.get("term") == "open":
            out["term"] = {"kind": "open"}
        if variant.get("fields") is False:
            out["fields"] = {"text": "", "ids": [], "other": [], "various": True}
    if variant.get("partner_language") is False:
        out["partner_language"] = {"text": "", "code": "en"}
    elif "partner_language" in values:
        out["partner_language"] = {"text": values["partner_language"],
                                   "code": _language_code(values["partner_language"], pack)}
    return out


# --------------------------------------------------------------------------- the standard text


def _context(values: dict[str, str], variant: dict, instrument: str) -> dict:
    def mark(slot: str, default: str = "…") -> str:
        return f"\ue002{slot}\ue003{values.get(slot, default)}\ue004"

    ctx = {slot: mark(slot) for slot in ("thai_name", "partner_name", "relationship", "parties",
                                         "fields", "place", "date")}
    ctx["partner_language"] = mark("partner_language") if variant.get("partner_language", True) else ""
    for side in ("thai", "partner"):
        ctx[f"{side}_signatory"] = {"name": mark(f"{side}_signatory.name"),
                                    "position": mark(f"{side}_signatory.position")}
    if instrument == "loi":
        ctx.update(preposition=mark("preposition"), intent=mark("intent"),
                   further_fields=mark("further_fields", values.get("fields", "…")))
    else:
        fixed = variant.get("term") == "fixed"
        ctx.update(title=mark("title"), opening=mark("opening"),
                   fields=mark("fields") if variant.get("fields", True) else "",
                   term_years=5 if fixed else None, term_text=mark("term_text") if fixed else "")
    return ctx


@dataclass
class Token:
    text: str
    key: str
    clause: int = -1  # standard side: index of the clause
    slot: str | None = None  # standard side: the blank or alternative it belongs to
    block: int = -1  # draft side: index of the block
    source: str | None = None  # the text the token was cut from (to quote it as written)
    start: int = 0
    end: int = 0
    index: int = 0  # position among the tokens of its source


def _standard_tokens(clause_index: int, marked: str, lang: str, terms: frozenset) -> list[Token]:
    """Tokens of a standard clause, each knowing the blank or alternative it comes from."""
    marked = clean(marked)
    plain, spans, pos = "", [], 0
    for m in _MARK.finditer(marked):
        plain += marked[pos:m.start()]
        spans.append((len(plain), len(plain) + len(m.group(2)), m.group(1)))
        plain += m.group(2)
        pos = m.end()
    plain += marked[pos:]
    tokens: list[Token] = []
    for n, (t, start, end) in enumerate(_located(plain, tokenize(plain, lang, terms))):
        slot = next((name for a, b, name in spans if a <= start < b), None)
        tokens.append(Token(t, token_key(t), clause_index, slot, source=plain, start=start,
                            end=end, index=n))
    return tokens


def _located(text: str, tokens: list[str]) -> list[tuple[str, int, int]]:
    """Each token with its offsets in ``text`` (tokens are in order)."""
    out, cursor = [], 0
    for t in tokens:
        start = text.find(t, cursor)
        start = cursor if start < 0 else start
        cursor = start + len(t)
        out.append((t, start, cursor))
    return out


def _unmark(text: str) -> str:
    return _MARK.sub(lambda m: m.group(2), text)


@lru_cache(maxsize=64)
def form_terms(pack: LanguagePack) -> frozenset:
    """The form's own Thai words, the dictionary used when Thai text is segmented."""
    from .textnorm import Terms

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


# --------------------------------------------------------------------------- analysis


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


def _flat(key: str) -> str:
    """A key without breaks, lower-cased: for the literal pre-filter of the patterns."""
    return key.replace("¶", "").replace("↵", "").lower()


_VARIANT_CLAUSES = {"partner_language": ("signing",), "fields": ("c2",), "term": ("c5",)}


def _fast_path(key: Key, patterns: FormPatterns):
    """Match the whole version at once; None unless it is the form (editorial noise aside).

    The structural options (languages named in the signing clause, MOU fields and term) are
    read from their clauses first, so only one whole-version pattern is compiled and tried.
    """
    dims: dict[str, object] = {}
    for dim, clause_ids in _VARIANT_CLAUSES.items():
        for clause_id in clause_ids:
            candidates = patterns.clauses.get(clause_id, [])
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
    flat = _flat(key.key)
    scores = {}
    for instrument in ("loi", "mou"):
        chunks = _literal_chunks(library_pack, instrument)
        scores[instrument] = sum(len(c) for c in chunks if c in flat) / max(1, sum(map(len, chunks)))
    return sorted(scores, key=lambda i: -scores[i])


def analyze_version(version: VersionText, library: TemplateLibrary, rules: tuple[Rule, ...],
                    spec=None) -> Analysis:
    """Check one language version against the form; fills ``analysis.result``."""
    pack = library.pack(version.lang)
    key = make_key([_block_text(b) for b in version.blocks])
    version.editorial.extend(editorial_notes([_block_text(b) for b in version.blocks]))
    order = _instrument_order(key, pack, spec)
    for instrument in order:
        patterns = form_patterns(pack, instrument)
        hit = _fast_path(key, patterns)
        if hit:
            variant, found = hit
            values, odd = _consensus(found)
            analysis = Analysis(version, pack, patterns, values, variant, exact=not odd)
            for slot, clause_id, value in found:
                analysis.draft_clauses.setdefault(clause_id, "")
            analysis.novel = [values[s] for s in FREE_TEXT_SLOTS if s in values]
            findings = _odd_value_findings(odd, values, patterns, version.lang)
            return _finish(analysis, findings, rules, spec)
    return _slow_path(version, pack, key, order[0], rules, spec)


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
           for line in text.split("\n") if re.search("[\u0e00-\u0e7f]", line)
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
        if slot in ALTERNATIVE_SLOTS:
            if options_of(slot, value, patterns):
                continue  # another listed alternative in this place: still the form
            findings.append(Finding(
                code="MK-C001", route="council_of_state", kind="changed", lang=lang,
                clause_id=clause_id, clause_number=str(clause.number) if clause.number else None,
                message=f"clause {clause.number or clause_id}: {value!r} is not one of the form's "
                        f"wordings for the {slot}",
                standard=values[slot], draft=value, rationale=RATIONALE["changed"][0],
                rationale_th=RATIONALE["changed"][1],
            ))
            continue
        findings.append(Finding(
            code="MK-M001", route="ministries", kind="value_mismatch", lang=lang,
            clause_id=clause_id, clause_number=str(clause.number) if clause.number else None,
            message=f"{slot.replace('_', ' ')} is written {value!r} here but {values[slot]!r} elsewhere",
            standard=values[slot], draft=value, rationale=RATIONALE["value_mismatch"][0],
            rationale_th=RATIONALE["value_mismatch"][1], values={"here": value, "elsewhere": values[slot]},
        ))
    return findings


def _slow_path(version: VersionText, pack: LanguagePack, key: Key, instrument: str,
               rules: tuple[Rule, ...], spec) -> Analysis:
    patterns = form_patterns(pack, instrument)
    form = patterns.form
    found: list[tuple[str, str, str]] = []
    variant_votes: dict[str, Counter] = {"partner_language": Counter(), "fields": Counter(), "term": Counter()}
    matched_clauses = set()
    flat = _flat(key.key)
    position = 0  # clauses are searched in form order, each after the previous one found
    for clause_id, clause_patterns in patterns.clauses.items():
        for p in clause_patterns:
            if p.literal and p.literal not in flat:
                continue
            m = p.search.search(key.key, position) or p.search.search(key.key)
            if m:
                position = max(position, m.end()) if m.start() >= position else position
                found.extend(_slot_values(m, p.slots, key, clause_id))
                matched_clauses.add(clause_id)
                for dim in variant_votes:
                    if clause_id in _VARIANT_CLAUSES.get(dim, ()):
                        variant_votes[dim][p.variant[dim]] += 1
                break
    values, odd = _consensus(found)
    variant = {dim: (votes.most_common(1)[0][0] if votes else None) for dim, votes in variant_votes.items()}
    variant = _best_variant(variant, values, patterns, pack, key)
    analysis = Analysis(version, pack, patterns, values, variant, exact=False)
    known = set(values)
    findings = _align(analysis, key)
    if set(analysis.values) != known:  # blanks read from the alignment: align again with them
        analysis = Analysis(version, pack, patterns, dict(analysis.values), variant, exact=False)
        findings = _align(analysis, key)
    findings += _odd_value_findings([o for o in odd if o[1] not in analysis.clause_status
                                     or analysis.clause_status[o[1]] == "equal"], values, patterns, version.lang)
    return _finish(analysis, findings, rules, spec)


def _best_variant(variant: dict, values: dict, patterns: FormPatterns, pack: LanguagePack, key: Key) -> dict:
    from .patterns import _variants

    candidates = [v for v in _variants(patterns.form)
                  if all(variant.get(d) is None or v[d] == variant[d] for d in v)]
    if len(candidates) == 1:
        return candidates[0]
    draft_key = key.key.replace("¶", "").replace("↵", "")
    best, best_ratio = candidates[0], -1.0
    for v in candidates:
        rendered = pack.render_clauses(patterns.form, _context(values, v, patterns.form.instrument))
        std = make_key([_unmark(t) for _, t in rendered]).key.replace("¶", "").replace("↵", "")
        ratio = difflib.SequenceMatcher(None, std, draft_key, autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = v, ratio
    return best


def _draft_tokens(version: VersionText, lang: str, terms: frozenset) -> tuple[list[Token], dict[int, str]]:
    tokens: list[Token] = []
    numbers: dict[int, str] = {}
    for i, b in enumerate(version.blocks):
        text, number = strip_numbering(_block_text(b).lstrip())
        if number:
            numbers[i] = number
        lines = [clean(line) for line in text.split("\n")]
        source = "\n".join(line for line in lines if line and not SIGNING_LINE.match(line))
        located = _located(source, tokenize(source.replace("\n", " "), lang, terms))
        for n, (t, start, end) in enumerate(located):
            tokens.append(Token(t, token_key(t), block=i, source=source, start=start, end=end, index=n))
    return tokens, numbers


def _join(tokens: list[Token], lang: str) -> str:
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
    if lang in ("th", "zh", "ja"):
        out = ""
        for t in tokens:
            if out and (t.text[:1].isascii() and t.text[:1].isalnum()) and (out[-1].isascii() and out[-1].isalnum()):
                out += " "
            out += t.text
        return out
    text = " ".join(t.text for t in tokens)
    return re.sub(r" ([,.;:)\]!?%])", r"\1", re.sub(r"([(\[]) ", r"\1", text))


def _align(analysis: Analysis, key: Key) -> list[Finding]:
    """Word-level alignment of the draft with the re-rendered standard text."""
    pack, form, lang = analysis.pack, analysis.patterns.form, analysis.version.lang
    terms = form_terms(pack)
    rendered = pack.render_clauses(form, _context(analysis.values, analysis.variant, form.instrument))
    std_tokens: list[Token] = []
    for index, (clause_id, marked) in enumerate(rendered):
        analysis.standard[clause_id] = _unmark(marked)
        std_tokens.extend(_standard_tokens(index, marked, lang, terms))
    draft_tokens, numbers = _draft_tokens(analysis.version, lang, terms)
    moved = _moved_paragraphs(rendered, draft_tokens)
    moved_findings: list[Finding] = []
    for block, index in moved:
        clause_id = rendered[index][0]
        clause = form.clauses[index]
        run = [t for t in draft_tokens if t.block == block]
        text = _join(run, lang)
        analysis.clause_status[clause_id] = "moved"
        analysis.draft_clauses[clause_id] = text
        analysis.clause_blocks[clause_id] = [block]
        moved_findings.append(Finding(
            code="MK-C004", route="council_of_state", kind="moved", lang=lang, clause_id=clause_id,
            clause_number=str(clause.number) if clause.number else None,
            message=f"clause {clause.number or clause_id} was moved out of the form's order",
            standard=analysis.standard[clause_id], draft=text,
            rationale=RATIONALE["moved"][0], rationale_th=RATIONALE["moved"][1]))
    if moved:
        gone_blocks = {b for b, _ in moved}
        gone_clauses = {i for _, i in moved}
        draft_tokens = [t for t in draft_tokens if t.block not in gone_blocks]
        std_tokens = [t for t in std_tokens if t.clause not in gone_clauses]
    matcher = difflib.SequenceMatcher(None, [t.key for t in std_tokens], [t.key for t in draft_tokens],
                                      autojunk=False)
    # A paragraph that barely matches the form (a word or a full stop) is text the draft
    # added: set it aside and align the rest, so that it is not read as part of a clause.
    equal_counts = Counter(t.block for _, _, j1, j2 in _equal_ranges(matcher) for t in draft_tokens[j1:j2])
    sizes = Counter(t.block for t in draft_tokens)
    foreign = {b for b, n in sizes.items() if n >= 3 and (
        equal_counts[b] / n < 0.34
        or (equal_counts[b] / n < 0.8 and _containment(b, draft_tokens, analysis.standard) < 0.5))}
    foreign_runs: list[list[Token]] = []
    if foreign:
        foreign_runs = [[t for t in draft_tokens if t.block == b] for b in sorted(foreign)]
        draft_tokens = [t for t in draft_tokens if t.block not in foreign]
        matcher = difflib.SequenceMatcher(None, [t.key for t in std_tokens], [t.key for t in draft_tokens],
                                          autojunk=False)
    per_clause_ops: dict[int, list[tuple[str, list[Token]]]] = {i: [] for i in range(len(rendered))}
    per_clause_draft: dict[int, list[Token]] = {i: [] for i in range(len(rendered))}
    per_clause_changed: dict[int, bool] = {i: False for i in range(len(rendered))}
    per_clause_value_only: dict[int, bool] = {i: True for i in range(len(rendered))}
    inserted_blocks: list[list[Token]] = list(foreign_runs)
    blocks_with_aligned = {t.block for i1, i2, j1, j2 in _equal_ranges(matcher) for t in draft_tokens[j1:j2]}

    def clause_of_insert(i1: int, j1: int, j2: int) -> int:
        if i1 > 0 and j1 > 0 and draft_tokens[j1 - 1].block == draft_tokens[j1].block:
            return std_tokens[i1 - 1].clause
        if i1 < len(std_tokens) and j2 < len(draft_tokens) and draft_tokens[j2].block == draft_tokens[j2 - 1].block:
            return std_tokens[i1].clause
        return std_tokens[max(0, i1 - 1)].clause if std_tokens else 0

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for s, d in zip(std_tokens[i1:i2], draft_tokens[j1:j2]):
                per_clause_ops[s.clause].append(("equal", [d]))
                per_clause_draft[s.clause].append(d)
            continue
        if tag == "insert":
            run = draft_tokens[j1:j2]
            whole_blocks = all(t.block not in blocks_with_aligned for t in run)
            if whole_blocks:
                inserted_blocks.append(run)
                continue
            c = clause_of_insert(i1, j1, j2)
            per_clause_ops[c].append(("insert", run))
            per_clause_draft[c].extend(run)
            per_clause_changed[c] = True
            per_clause_value_only[c] = False
            analysis.novel.append(_join(run, lang))
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
            if placeholder and share and _valid_fill(part[0].slot, _join(share, lang), analysis):
                # an unknown blank filled by the draft: a value, not a change
                per_clause_ops[c].append(("equal", share))
                per_clause_draft[c].extend(share)
                analysis.values.setdefault(part[0].slot, _join(share, lang))
                continue
            edge = _edge_fill(part, share, lang, analysis)
            if edge:  # an unknown blank next to changed words: keep the value, report the words
                slot, value_tokens, part, share, value_first = edge
                analysis.values.setdefault(slot, _join(value_tokens, lang))
                if value_first:
                    per_clause_ops[c].append(("equal", value_tokens))
                    per_clause_draft[c].extend(value_tokens)
            per_clause_ops[c].append(("delete", part))
            if share:
                per_clause_ops[c].append(("insert", share))
                per_clause_draft[c].extend(share)
                analysis.novel.append(_join(share, lang))
            per_clause_changed[c] = True
            if not all(t.slot in VALUE_SLOTS for t in part):
                per_clause_value_only[c] = False
            if edge and not edge[4]:
                per_clause_ops[c].append(("equal", edge[1]))
                per_clause_draft[c].extend(edge[1])

    findings: list[Finding] = list(moved_findings)
    removed: dict[int, Finding] = {}
    for index, (clause_id, _) in enumerate(rendered):
        if analysis.clause_status.get(clause_id) == "moved":
            continue
        clause = form.clauses[index]
        number = str(clause.number) if clause.number else None
        standard = analysis.standard[clause_id]
        draft_text = _join(per_clause_draft[index], lang)
        analysis.draft_clauses[clause_id] = draft_text
        analysis.clause_blocks[clause_id] = sorted({t.block for t in per_clause_draft[index]})
        if not per_clause_draft[index]:
            analysis.clause_status[clause_id] = "removed"
            f = Finding(code="MK-C003", route="council_of_state", kind="removed", lang=lang,
                        clause_id=clause_id, clause_number=number,
                        message=f"clause {number or clause_id} of the form is missing",
                        standard=standard, draft=None, diff=[DiffOp("delete", standard)],
                        rationale=RATIONALE["removed"][0], rationale_th=RATIONALE["removed"][1])
            removed[index] = f
            findings.append(f)
            continue
        same = _same_wording(standard, draft_text)
        if not per_clause_changed[index] or same:
            analysis.clause_status[clause_id] = "equal"
            continue
        analysis.clause_status[clause_id] = "changed"
        if per_clause_value_only[index]:
            kind, code, route = "value_mismatch", "MK-M001", "ministries"
            message = f"clause {number or clause_id}: a name or value differs from the rest of the version"
        else:
            kind, code, route = "changed", "MK-C001", "council_of_state"
            message = f"clause {number or clause_id}: the wording of the form was changed"
        findings.append(Finding(code=code, route=route, kind=kind, lang=lang, clause_id=clause_id,
                                clause_number=number, message=message, standard=standard,
                                draft=draft_text, diff=_merge_ops(per_clause_ops[index], lang),
                                rationale=RATIONALE[kind][0], rationale_th=RATIONALE[kind][1]))

    # Added blocks; a removed clause found among them was moved.
    for run in _group_by_block(inserted_blocks):
        text = _join(run, lang)
        analysis.added_blocks.append(run[0].block)
        analysis.novel.append(text)
        moved_from = None
        for index, f in removed.items():
            ratio = difflib.SequenceMatcher(None, make_key([f.standard]).key, make_key([text]).key,
                                            autojunk=False).ratio()
            if ratio >= 0.6:
                moved_from = (index, f, ratio)
                break
        if moved_from:
            index, f, ratio = moved_from
            del removed[index]
            f.kind, f.code = "moved", "MK-C004"
            f.message = f"clause {f.clause_number or f.clause_id} was moved" + (
                "" if _same_wording(f.standard, text) else " and its wording changed")
            f.draft = text
            f.diff = _word_diff(f.standard, text, lang, terms)
            f.rationale, f.rationale_th = RATIONALE["moved"]
            analysis.clause_status[f.clause_id] = "moved"
            analysis.draft_clauses[f.clause_id] = text
            analysis.clause_blocks[f.clause_id] = [run[0].block]
            analysis.added_blocks.pop()
            continue
        block = run[0].block
        number = numbers.get(block)
        findings.append(Finding(code="MK-C002", route="council_of_state", kind="added", lang=lang,
                                clause_id=None, clause_number=number,
                                message="text that is not in the form was added" + (f" (numbered {number})" if number else ""),
                                standard=None, draft=text, diff=[DiffOp("insert", text)],
                                rationale=RATIONALE["added"][0], rationale_th=RATIONALE["added"][1]))
    _note_renumbering(analysis, numbers, findings)
    return findings


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
        if _valid_fill(edge.slot, _join(value, lang), analysis):
            return edge.slot, value, rest, left, first
    return None


def _valid_fill(slot: str, value: str, analysis: Analysis) -> bool:
    """Whether draft words can be the value of a blank the patterns could not read."""
    if slot in ALTERNATIVE_SLOTS:
        return bool(options_of(slot, value, analysis.patterns)) or \
            analysis.patterns.form.alternatives[slot].tolerates_other
    if slot == "date":
        return parse_date(value, analysis.pack.lexicon) is not None
    if slot == "term_text":
        return parse_term(value, analysis.pack.lexicon) is not None
    return True


def _moved_paragraphs(rendered, draft_tokens: list[Token]) -> list[tuple[int, int]]:
    """(block, clause index) of paragraphs that are a clause of the form word for word but
    stand out of the form's order (the longest in-order run of such paragraphs stays)."""
    where: dict[str, int] = {}
    for index, (_, marked) in enumerate(rendered):
        where.setdefault(_flat(key_of(_unmark(marked))), index)
    sources: dict[int, str] = {}
    for t in draft_tokens:
        sources.setdefault(t.block, t.source or "")
    anchors = [(b, where[k]) for b in sorted(sources) if (k := _flat(key_of(sources[b]))) in where]
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


def _containment(block: int, tokens: list[Token], standard: dict[str, str]) -> float:
    """How much of a draft paragraph is found, in order, in the single clause of the form
    that holds most of it (0 to 1)."""
    text = _flat("".join(t.key for t in tokens if t.block == block))
    if not text:
        return 1.0
    best = 0
    for clause_text in standard.values():
        other = _flat(key_of(clause_text))
        matcher = difflib.SequenceMatcher(None, text, other, autojunk=False)
        if matcher.real_quick_ratio() * (len(text) + len(other)) / 2 <= best:
            continue
        best = max(best, sum(m.size for m in matcher.get_matching_blocks() if m.size >= 3))
    return best / len(text)


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
    ka = key_of(a).replace("¶", "").replace("↵", "")
    kb = key_of(b).replace("¶", "").replace("↵", "")
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
    return [DiffOp(op, _join(tokens, lang)) for op, tokens in merged if tokens]


def _word_diff(standard: str, draft: str, lang: str, terms: frozenset) -> list[DiffOp]:
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
        analysis.version.editorial.append("clauses renumbered around the added, removed or moved clauses")


# --------------------------------------------------------------------------- rules and results


def _apply_rules(analysis: Analysis, rules: tuple[Rule, ...], findings: list[Finding]) -> list[Finding]:
    lang = analysis.version.lang
    out: list[Finding] = []
    seen = set()
    for rule in rules:
        if rule.check:
            f = _named_check(rule, analysis, findings)
            if f:
                out.append(f)
            continue
        for text in analysis.novel:
            matches = rule.find(lang, clean(text)) + (rule.find("en", clean(text)) if lang != "en" else [])
            for m in matches:
                if (rule.code, m.group(0).lower()) in seen:
                    continue
                seen.add((rule.code, m.group(0).lower()))
                clause_id = _clause_containing(analysis, text)
                clause = analysis.patterns.form.clause(clause_id) if clause_id else None
                out.append(Finding(
                    code=rule.code, route=rule.route, kind="rule", lang=lang, clause_id=clause_id,
                    clause_number=str(clause.number) if clause and clause.number else None,
                    message=f"{rule.name}: {m.group(0)!r} in {text[:120]!r}",
                    draft=text, rationale=rule.rationale, rationale_th=rule.rationale_th,
                ))
    return out


def _clause_containing(analysis: Analysis, text: str) -> str | None:
    for clause_id, draft in analysis.draft_clauses.items():
        if text and draft and text in draft:
            return clause_id
    for slot in FREE_TEXT_SLOTS:
        if analysis.values.get(slot) == text:
            for clause in analysis.patterns.clauses:
                for p in analysis.patterns.clauses[clause]:
                    if any(s.name == slot for s in p.slots):
                        return clause
    return None


def _named_check(rule: Rule, analysis: Analysis, findings: list[Finding]) -> Finding | None:
    lang = analysis.version.lang
    status = analysis.clause_status
    if rule.check == "nonbinding_sentence":
        if analysis.patterns.form.instrument != "loi" or status.get("nonbinding", "equal") == "equal":
            return None
        what = "removed" if status["nonbinding"] == "removed" else "changed"
        return Finding(code=rule.code, route=rule.route, kind="rule", lang=lang, clause_id="nonbinding",
                       message=f"the Letter of Intent's non-binding sentence was {what}",
                       standard=analysis.standard.get("nonbinding"),
                       draft=analysis.draft_clauses.get("nonbinding") or None,
                       rationale=rule.rationale, rationale_th=rule.rationale_th)
    if rule.check == "prevailing_language":
        if status.get("signing", "equal") == "equal":
            return None
        english = (analysis.pack.lexicon.get("languages") or {}).get("en") or "English"
        key = key_of(english).lower()
        standard = make_key([analysis.standard.get("signing", "")]).key.lower()
        draft = make_key([analysis.draft_clauses.get("signing", "")]).key.lower()
        if draft.count(key) < standard.count(key):
            return Finding(code=rule.code, route=rule.route, kind="rule", lang=lang, clause_id="signing",
                           message="the signing clause no longer makes the English text prevail",
                           standard=analysis.standard.get("signing"),
                           draft=analysis.draft_clauses.get("signing"),
                           rationale=rule.rationale, rationale_th=rule.rationale_th)
    return None


def _variant_findings(analysis: Analysis) -> list[Finding]:
    out = []
    for slot, code in (("relationship", "MK-V001"), ("title", "MK-V002")):
        value = analysis.values.get(slot)
        if value and not options_of(slot, value, analysis.patterns):
            out.append(Finding(code=code, route="ministries", kind="variant", lang=analysis.version.lang,
                               clause_id="title",
                               message=f"the {slot} {value!r} is not one of the form's listed names",
                               draft=value, rationale=RATIONALE["variant"][0],
                               rationale_th=RATIONALE["variant"][1]))
    return out


def _finish(analysis: Analysis, findings: list[Finding], rules: tuple[Rule, ...], spec) -> Analysis:
    findings = findings + _variant_findings(analysis)
    findings += _apply_rules(analysis, rules, findings)
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
        findings.append(Finding(
            code="MK-X001", route="ministries", kind="value_mismatch", lang=None, clause_id=None,
            message=f"the language versions disagree on {name.replace('_', ' ')}: "
                    + "; ".join(f"{lang}: {v}" for lang, v in shown.items()),
            values=shown, rationale=(
                "All language versions must say the same thing: the same parties, fields, term, "
                "place and date. The MOI checks every version against the others."),
            rationale_th="ทุกฉบับภาษาต้องมีสาระตรงกัน ทั้งคู่ภาคี สาขาความร่วมมือ ระยะเวลา สถานที่ และวันที่"
                         " กระทรวงมหาดไทยตรวจทุกฉบับเทียบกัน",
        ))
    structural = {r.lang: sorted(c for c, s in _statuses(r).items() if s != "removed") for r in results}
    if len({tuple(v) for v in structural.values()}) > 1 or any(
            any(f.kind == "added" for f in r.findings) != any(f.kind == "added" for f in results[0].findings)
            for r in results):
        findings.append(Finding(
            code="MK-X002", route="council_of_state", kind="value_mismatch", lang=None,
            message="the language versions do not carry the same clauses",
            values={lang: ", ".join(v) for lang, v in structural.items()},
            rationale="Every language version must carry the same clauses in the same order.",
            rationale_th="ทุกฉบับภาษาต้องมีข้อความครบและเรียงลำดับเหมือนกัน",
        ))
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


# --------------------------------------------------------------------------- spec


def compare_with_spec(analyses: list[Analysis], spec) -> list[Finding]:
    """Findings where a version's values differ from the spec's intended values."""
    from .context import build_context

    findings = []
    for a in analyses:
        if a.version.lang not in spec.languages or a.patterns.form.instrument != spec.instrument:
            if a.patterns.form.instrument != spec.instrument:
                findings.append(Finding(code="MK-S002", route="council_of_state", kind="value_mismatch",
                                        lang=a.version.lang,
                                        message=f"the draft is a {a.patterns.form.instrument.upper()}, the spec a "
                                                f"{spec.instrument.upper()}"))
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
                findings.append(Finding(
                    code="MK-S001", route="ministries", kind="value_mismatch", lang=a.version.lang,
                    message=f"{slot.replace('_', ' ')} is {got!r} in the draft but {want!r} in the spec",
                    standard=want, draft=got, values={"spec": want, "draft": got},
                    rationale="The draft does not say what the spec (the agreed values) says.",
                    rationale_th="ร่างไม่ตรงกับข้อมูลที่ตกลงกันไว้ในไฟล์ spec",
                ))
    return findings


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
    from .reader import read_draft
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
                findings.append(Finding(code=n.code, route="ministries", kind="notice",
                                        message=n.message, rationale=n.message))
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
