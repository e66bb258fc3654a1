"""Split a draft into its language versions, in either layout.

A version is told apart by its script and words (Latin-script languages by the words of
each language pack), by page breaks, language headings and the first line of a title;
stray paragraphs in another language stay in the version they were inserted into.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .._kept import Kept
from ..errors import MoukitError
from ..forms import Form, all_forms, get_form
from ..i18n import N_
from ..packs.library import LanguagePack, TemplateLibrary
from ..packs.shipped import shipped
from ..text.markers import scrub
from ..text.normalize import clean, detect_language, script_counts
from .layout import layout, letterhead
from .patterns import (
    flat_key,
    key_of,
    make_key,
)
from .wording import story_name


@dataclass
class VersionText:
    """The blocks of one language version of a draft."""

    lang: str
    blocks: list = field(default_factory=list)
    source: str = ""
    editorial: list[str] = field(default_factory=list)
    rules_only: list = field(default_factory=list)  # comments, layout of headers and footers


@lru_cache(maxsize=256)
def literal_chunks(pack: LanguagePack, instrument: str) -> tuple[str, ...]:
    """The form's own wording in ``pack``'s language, as lower-case keys between the blanks
    (for a shipped pack, as computed at build time, with its patterns)."""
    from ..packs.shipped import shipped_pack_data

    data = shipped_pack_data(pack, "patterns")
    if data is not None and instrument in data:
        return tuple(data[instrument]["chunks"])
    return computed_literal_chunks(pack, instrument)


def computed_literal_chunks(pack: LanguagePack, instrument: str) -> tuple[str, ...]:
    """What :func:`literal_chunks` is, rendered from the pack's template."""
    form = get_form(instrument)
    rendered = pack.render_clauses(form, placeholder_context(form, "\x00"))
    chunks = []
    for _, text in rendered:
        for piece in text.split("\x00"):
            k = flat_key(key_of(piece))
            if len(k) >= 6:
                chunks.append(k)
    return tuple(chunks)


class Vocabularies(dict):
    """The vocabulary of each Latin-script language pack (a dict: language -> words), with
    the language found for each paragraph text read with it (:func:`paragraph_language`;
    the same paragraphs come back in every draft of a batch)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.languages = Kept(16384)
        self.known = Kept(16384)  # (lang, text) -> what words_known says

    def words_known(self, lang: str, text: str) -> tuple[int, int]:
        """How many words of three letters or more ``text`` has, and how many of them the
        vocabulary of ``lang`` holds (kept for the next time).

        >>> Vocabularies({"en": {"the", "two", "cities"}}).words_known("en", "The two towns")
        (3, 2)
        """
        def count() -> tuple[int, int]:
            words = [w.lower() for w in _LETTER_WORD.findall(text)]
            vocab = self.get(lang, ())
            return len(words), sum(w in vocab for w in words)
        return self.known.answer((lang, text), count)


@lru_cache(maxsize=16)
def latin_packs(library: TemplateLibrary) -> Vocabularies:
    """Vocabulary of each Latin-script language pack, to tell English from Italian (for the
    shipped packs, as computed at build time: :mod:`moukit.packs.shipped`)."""
    found = shipped(library, "latin_packs")
    if found is not None:
        return Vocabularies({lang: set(words) for lang, words in found.items()})
    return Vocabularies(latin_vocabulary(library))


def latin_vocabulary(library: TemplateLibrary) -> dict[str, set[str]]:
    """What :func:`latin_packs` is, computed from the packs of ``library``."""
    vocab = {}
    for lang in library.available():
        if lang in ("th", "zh", "ja", "ko", "my"):
            continue
        try:
            pack = library.pack(lang)
            words = set()
            for form in all_forms():
                rendered = pack.render_clauses(form, placeholder_context(form, " "))
                for _, text in rendered:
                    words.update(w.lower() for w in re.findall(r"[^\W\d_]{3,}", text))
            # and the words of any running text in the language (a letter that is not the form)
            words.update(str(w).lower() for w in (pack.data_file("layout.yaml") or {}).get("common_words") or [])
            vocab[lang] = words
        except MoukitError:
            continue
    return vocab


_LETTER_WORD = re.compile(r"[^\W\d_]{3,}")  # a word of three letters or more


def paragraph_language(text: str, latin: dict[str, set[str]]) -> str | None:
    """The language of a paragraph: by script, and for Latin letters by the words of each
    Latin-script language pack ("und" for running text in none of them). Kept for the next
    time when ``latin`` is :class:`Vocabularies`."""
    kept = getattr(latin, "languages", None)
    if kept is None:
        return _paragraph_language(text, latin)
    return kept.answer(text, lambda: _paragraph_language(text, latin))


def _paragraph_language(text: str, latin: dict[str, set[str]]) -> str | None:
    lang = detect_language(text, latin_languages=tuple(latin) or ("en",))
    if lang in ("en", "vi") or (lang and lang not in ("th", "zh", "ja", "ko", "my")):
        if lang == "vi" and "vi" in latin:
            return "vi"
        found = _LETTER_WORD.findall(text)
        if not found or not latin:
            return lang
        words = Counter(map(str.lower, found))
        scores = {code: sum(map(words.__getitem__, words.keys() & vocab)) for code, vocab in latin.items()}
        best = max(sorted(scores), key=lambda c: scores[c])
        # Running text (lower-case words, not names) that is hardly in any language pack is
        # in a language moukit has no templates for.
        plain = [w for w in found if w[:1].islower()]
        if len(plain) >= 8 and sum(w in latin[best] for w in plain) < 0.2 * len(plain):
            return "und"
        return best if scores[best] else lang
    return lang


@lru_cache(maxsize=16)
def _title_starts(library: TemplateLibrary) -> set[str]:
    """:func:`title_starts`, for the shipped packs as computed at build time."""
    found = shipped(library, "title_starts")
    return set(found) if found is not None else title_starts(library)


def title_starts(library: TemplateLibrary) -> set[str]:
    """Keys of the lines a version's title starts with in every language, and the draft
    markers. The English master says how each form's title starts: with a listed alternative
    (the MOU's title) whose every wording is then a title start, or with fixed words (the
    LOI) whose first line in each language is one, unless it holds a name (zh and ja)."""
    alternatives, literal_forms = set(), []
    for form in all_forms():
        first = _first_title_line(library.pack("en"), form)
        name = first.strip("\x00")
        if _PLACEHOLDER.fullmatch(first) and form.slot(name).kind == "alternative":
            alternatives.add(name)
        else:
            literal_forms.append(form)
    starts = set()
    for lang in library.available():
        try:
            pack = library.pack(lang)
            first_lines = [_first_title_line(pack, form) for form in literal_forms]
        except MoukitError:
            continue
        for name in alternatives:
            starts.update(key_of(w).lower()
                          for w in (pack.lexicon.get("alternatives", {}).get(name) or {}).values())
        starts.update(make_key([first], numbered=False).key.lower()
                      for first in first_lines if "\x00" not in first)
        marker = pack.lexicon.get("draft_marker")
        if marker:
            starts.add(key_of(marker).lower())
    starts.discard("")
    return starts


@lru_cache(maxsize=16)
def _names_first(library: TemplateLibrary) -> frozenset[str]:
    """:func:`names_first`, for the shipped packs as computed at build time."""
    found = shipped(library, "names_first")
    return frozenset(found) if found is not None else names_first(library)


def names_first(library: TemplateLibrary) -> frozenset[str]:
    """The languages whose title of some form starts with a name, not with its kind of
    document (the Korean, Japanese and Chinese MOU: "라용도와 전라남도 간의 ... 양해각서")."""
    langs = set()
    for lang in library.available():
        try:
            pack = library.pack(lang)
            for form in all_forms():
                first = _first_title_line(pack, form)
                match = _PLACEHOLDER.match(first)
                if match and form.slot(match.group(1)).kind != "alternative":
                    langs.add(lang)
        except MoukitError:
            continue
    return frozenset(langs)


def _first_title_line(pack: LanguagePack, form: Form) -> str:
    """The first line of the form's title in ``pack``, each blank as ``\\x00name\\x00``."""
    title = pack.render_clauses(form, placeholder_context(form, "\x00", marked=True))[0][1]
    return title.split("\n")[0]


_PLACEHOLDER = re.compile("\x00([^\x00]*)\x00")


def placeholder_context(form: Form, value: str = "x", *, marked: bool = False) -> dict:
    """Template variables that are all ``value`` (or, ``marked``, ``value`` + slot name +
    ``value``): to render the form's own wording. Blanks shown in some variant only are shown
    (named partner language, named fields) except the fixed term: the primary variant."""
    fill = (lambda slot: f"{value}{slot.name}{value}") if marked else (lambda slot: value)
    return form.context(fill, form.primary_variant)


def block_text(block) -> str:
    """The text of a draft paragraph, with the private-use characters moukit uses as markers
    in its keys and patterns replaced, so that a draft cannot forge them."""
    return _scrubbed(block.text if hasattr(block, "text") else str(block))


@lru_cache(maxsize=4096)
def _scrubbed(text: str) -> str:
    """:func:`moukit.text.markers.scrub`, kept for the paragraphs read last: a check asks for
    each paragraph's text some ten times (a search of the whole text each time)."""
    return scrub(text)


def segment(draft, library: TemplateLibrary) -> list[VersionText]:
    """Split a draft into its language versions (separate or parallel layout).

    Layout lines (language headings, page furniture, revision labels, a letterhead) are
    listed as editorial. The stories outside the body (headers, footers, notes) join the
    version in their language; a comment, or a header or footer line that is layout, is
    kept in :attr:`VersionText.rules_only`: not wording of the agreement, but read by the
    rule packs.
    """
    latin = latin_packs(library)  # once per library
    blocks = [b for b in draft.blocks if clean(block_text(b))]
    kept, outside, rules_only, heading_before, editorial = _sort_blocks(blocks, library)
    top = letterhead([block_text(b) for b in kept], _title_starts(library))
    if top and paragraph_language(block_text(kept[top]), latin) in _names_first(library):
        top = 0  # the lines before are the title's own (a Korean title ends with 양해각서)
    editorial += [f"letterhead {clean(block_text(b))!r} ignored" for b in kept[:top]]
    blocks = kept[top:]
    heading_before = {i - top for i in heading_before if i >= top}
    versions = _versions(draft, blocks, heading_before, editorial, latin, library)
    _place(outside, versions, latin, "blocks")
    _place(rules_only, versions, latin, "rules_only")
    return versions


def _sort_blocks(blocks: list, library: TemplateLibrary):
    """The body's paragraphs of wording; the paragraphs of other stories that are wording;
    those read by the rules only (comments, layout of headers and footers); the positions
    (among the body's) that follow a language heading; and the editorial notes."""
    lines = layout(library)
    editorial: list[str] = []
    kept, outside, rules_only = [], [], []
    heading_before: set[int] = set()
    for b in blocks:
        b = _without_first_line(b, lines, editorial)
        text = block_text(b)
        story = getattr(b, "story", None)
        kind = lines.kind(text)
        if story is not None and story != "text box":
            if story.startswith("comment"):
                rules_only.append(b)
            elif kind or story.startswith(("header", "footer")) and _short(text):
                editorial.append(N_("{kind} {text!r} in the {story} ignored (read by the rules)",
                                    kind=kind or N_("letterhead or running head"), text=clean(text),
                                    story=story_name(story)))
                rules_only.append(b)
            else:
                outside.append(b)
        elif lines.marker(text):
            editorial.append(N_("heading or draft marker {text!r} ignored", text=clean(text)))
            heading_before.add(len(kept))
        elif kind and getattr(b, "table", None) is None:  # a table cell holds a value (a name)
            editorial.append(N_("{kind} {text!r} ignored", kind=kind, text=clean(text)))
        else:
            kept.append(b)
    for b in _running_heads(kept):
        editorial.append(N_("running head {text!r} ignored (read by the rules)", text=clean(block_text(b))))
        rules_only.append(b)
    gone = {id(b) for b in rules_only}
    kept = [b for b in kept if id(b) not in gone]
    titles = _clause_titles(kept)
    for b in titles:
        editorial.append(N_("clause title {text!r} ignored (read by the rules)", text=clean(block_text(b))))
    rules_only += titles
    gone = {id(b) for b in titles}
    kept = [b for b in kept if id(b) not in gone]
    return kept, outside, rules_only, heading_before, editorial


MAX_TITLE_WORDS = 8


def _running_heads(blocks: list) -> list:
    """Short lines typed again and again in the body: a page header pasted from a PDF with
    each page ("MOU Chiang Mai – Hokkaido"). A signing line, a number or a table cell is not
    one."""
    from ..text.normalize import SIGNING_LINE

    keys = [(b, clean(block_text(b)).casefold()) for b in blocks if getattr(b, "table", None) is None]
    counts = Counter(key for _, key in keys)
    return [b for b, key in keys if counts[key] >= 2
            and "\n" not in block_text(b).strip() and _short(block_text(b))
            and len(key.split()) <= 12 and not SIGNING_LINE.match(key)
            and re.search(r"[^\W\d_]", key)]


def _clause_titles(blocks: list) -> list:
    """Lines that title the clause after them: "Clause 1: General Cooperation" on its own line,
    then "1. The Participants ..." (the same number, or Word's numbering): a few words, no
    sentence, not one of the listed titles (those are folded as editorial variants)."""
    from ..text.normalize import strip_numbering

    titles = []
    for this, following in zip(blocks, blocks[1:]):
        text = clean(block_text(this))
        if "\n" in block_text(this).strip() or re.search(r"[.。;；]$", text):
            continue  # a sentence, or lines (told before the number is read)
        rest, number = strip_numbering(text)
        if number is None or not rest:
            continue  # no number, or a listed title (the editorial folds it)
        if len(rest.split()) > MAX_TITLE_WORDS or len(rest) > 60:
            continue
        here, there = getattr(this, "table", None), getattr(following, "table", None)
        if here and there and here[0] == there[0] and here[2] != there[2]:
            continue  # the clause beside it in another column (another language), not below it
        after = strip_numbering(clean(block_text(following)))[1]
        if after == number or (after is None and getattr(following, "auto_number", False)):
            titles.append(this)
    return titles


def _without_first_line(block, lines, editorial: list[str]):
    """A paragraph of several lines without the layout typed into it: a first line that is a
    draft marker, a language heading or a layout line ("(Draft)" typed above the title), and
    any line that is a blank field ("Date: ______" in a signature block; a line of a name may
    be anything, even a number, so page furniture is not looked for inside); the lines taken
    out are noted."""
    text = block_text(block)
    first, sep, rest = text.partition("\n")
    if not sep or not rest.strip():
        return block
    if lines.marker(first) or lines.kind(first):
        editorial.append(N_("heading, draft marker or layout line {text!r} ignored", text=clean(first)))
        return _without_first_line(replace(block, text=rest), lines, editorial)
    kept = [line for line in text.split("\n") if lines.kind(line) != "blank field"]
    if len(kept) < len(text.split("\n")):  # a "Date: ______" line typed into a signature block
        editorial.append(N_("blank field in {text!r}... ignored", text=clean(text)[:40]))
        return replace(block, text="\n".join(kept))
    return block


def _short(text: str) -> bool:
    """A line of a header or footer that reads as a label (a name, an address, a running
    head), not as a sentence of the agreement (the rule packs read it all the same)."""
    line = clean(text)
    return len(line.split()) <= 25 and len(line) <= 200 and not re.search(r"[.。!?！？;；]$", line)


def _place(blocks: list, versions: list[VersionText], latin, where: str) -> None:
    """Put each block of another story in the version in its language, else in the version
    holding the body paragraph before it (else the first), in reading order."""
    if not versions:
        return
    for b in blocks:
        lang = paragraph_language(block_text(b), latin)
        same = [v for v in versions if v.lang == lang]
        before = [v for v in versions if any(x.index < b.index for x in v.blocks)]
        target = same[0] if len(same) == 1 else (before[-1] if before else versions[0])
        getattr(target, where).append(b)
        if where == "blocks" and not any(x.table is not None for x in target.blocks):
            target.blocks.sort(key=lambda x: x.index)


def _versions(draft, blocks: list, heading_before: set[int], editorial: list[str], latin,
              library: TemplateLibrary) -> list[VersionText]:
    """The language versions of the body's ``blocks``."""
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
        langs = {col: paragraph_language(" ".join(block_text(b) for b in bs), latin) for col, bs in columns.items()}
        rows = {b.table[1] for b in cells}
        # a table of language columns with a row per clause (a signature table has 1 to 4 rows)
        if len(set(filter(None, langs.values()))) >= 2 and len(columns) >= 2 and len(rows) >= 5:
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

    if not _explicit_separators(ordered, heading_before):
        interleaved = _interleaved(ordered, latin, draft.name, editorial)
        if interleaved:
            return interleaved
    starts = _title_starts(library)
    versions: list[VersionText] = []
    current: VersionText | None = None
    weights: Counter = Counter()
    after_heading = {id(blocks[i]) for i in heading_before if i < len(blocks)}
    # Versions separated by page breaks (DOCX, moukit's text) or language headings (Markdown):
    # trust the separators, not the script of a paragraph (a name may be in any script).
    explicit = _explicit_separators(ordered, heading_before)
    for b in ordered:
        text = block_text(b)
        lang = paragraph_language(text, latin)
        letters = _letters(text)
        first_line = key_of(text.split("\n")[0]).lower()
        marked = current is not None and len(current.blocks) >= 4 and (
            getattr(b, "page_break_before", False) or id(b) in after_heading or first_line in starts)
        # without page breaks or headings, a long paragraph in another language starts one
        by_language = (current is not None and len(current.blocks) >= 4 and not marked
                       and not explicit and lang is not None and letters >= 30
                       and lang != _majority(weights))
        if current is None or marked or by_language:
            title = _title_lines(current.blocks, lang, latin) if by_language else []
            if current is not None:
                for moved in title:
                    current.blocks.remove(moved)
                    weights[paragraph_language(block_text(moved), latin)] -= _letters(block_text(moved))
                current.lang = _majority(+weights) or current.lang
            weights = Counter()
            current = VersionText(lang or "und", [], draft.name, list(editorial))
            versions.append(current)
            for moved in title:
                current.blocks.append(moved)
                weights[paragraph_language(block_text(moved), latin) or lang] += _letters(block_text(moved))
        current.blocks.append(b)
        if lang:
            weights[lang] += letters
    if current is not None:
        current.lang = _majority(weights) or current.lang
    versions = _merge_inserted(versions)
    for version in versions:  # Latin letters, but hardly a word of that language pack: unknown
        if latin.get(version.lang):
            counts = [latin.words_known(version.lang, block_text(b)) for b in version.blocks]
            words, known = sum(n for n, _ in counts), sum(k for _, k in counts)
            if words >= 12 and known < 0.3 * words:
                version.lang = "und"
    return versions


def _explicit_separators(blocks: list, heading_before: set[int]) -> bool:
    """The versions are separated by page breaks or language headings."""
    return bool(heading_before) or any(getattr(b, "page_break_before", False) for b in blocks)


def _interleaved(blocks: list, latin, source: str, editorial: list[str]) -> list[VersionText]:
    """A parallel table saved as text: the languages alternate paragraph by paragraph (a
    Thai clause, then its English). Each language's paragraphs are its version; empty when
    the languages do not alternate."""
    langs = [paragraph_language(block_text(b), latin) for b in blocks]
    known = [lang for lang in langs if lang]
    switches = sum(1 for a, b in zip(known, known[1:]) if a != b)
    counts = Counter(known)
    if len(counts) < 2 or switches < max(8, 0.4 * len(known)) or min(counts.values()) < 5:
        return []
    versions: dict[str, VersionText] = {}
    current = known[0]
    for block, lang in zip(blocks, langs):
        current = lang or current
        versions.setdefault(current, VersionText(current, [], source, list(editorial))).blocks.append(block)
    return list(versions.values())


@lru_cache(maxsize=16384)
def _letters(text: str) -> int:
    """How much text a paragraph holds, a CJK character counting as two letters (kept for the
    paragraphs read last: a batch meets the form's own paragraphs in draft after draft)."""
    counts = script_counts(text)
    return counts["latin"] + counts["th"] + counts["my"] + 2 * (counts["han"] + counts["kana"] + counts["ko"])


# the scripts a title line of each language may be written in (a Japanese title's place names
# are often in kanji only)
_TITLE_SCRIPTS = {"ja": ("ja", "zh"), "ko": ("ko", "zh")}


def _title_lines(blocks: list, lang: str, latin) -> list:
    """The short paragraphs at the end of ``blocks`` that are the first lines of the next
    version's title, typed one per paragraph in its language (they stay together)."""
    title = []
    for b in reversed(blocks[4:]):
        text = block_text(b)
        if _letters(text) >= 30 or getattr(b, "table", None) is not None:
            break
        if paragraph_language(text, latin) not in _TITLE_SCRIPTS.get(lang, (lang,)):
            break
        title.insert(0, b)
    return title


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
