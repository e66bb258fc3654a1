"""Lines of a draft that are layout, not wording: a heading that names the language of the
version after it, page furniture ("Page 2 of 6", "- 3 -"), a revision label ("Draft 3,
2 October 2026"), a letterhead's contact lines and a field left blank to fill in by hand
("Date: ________"). They come from each language pack's
``layout.yaml`` and are matched on a whole line, whatever the language of the draft.

A letterhead's name and address lines have no fixed shape; :func:`letterhead` tells them by
where they stand: short lines at the top of the draft, before the first line of a title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .._kept import Kept
from ..errors import MoukitError, TemplateError
from ..i18n import N_
from ..packs.library import TemplateLibrary
from ..text import regex_cache
from ..text.normalize import clean
from .patterns import key_of

KINDS = {"page": N_("page furniture"), "revision": N_("revision label"),
         "contact": N_("letterhead contact line"), "blank": N_("blank field")}


@dataclass(frozen=True)
class Layout:
    """The layout lines of every language pack of a library."""

    headings: dict[str, str]  # key of a heading line -> the language it names
    lines: tuple[tuple[str, re.Pattern], ...]  # (kind, pattern matched on a whole line)
    markers: frozenset[str] = frozenset()  # keys of the packs' draft markers ("(Draft)", "（案）")
    # the lines of packs in another script than Latin (their "TEL", "FAX" are a letterhead's
    # abbreviations), and the words of running text in the Latin-script packs: such a line
    # never takes a sentence in a Latin-script language ("Telah mencapai kesepahaman
    # berikut:", Indonesian, is not a Japanese letterhead's "TEL ...")
    non_latin: frozenset[int] = frozenset()
    latin_words: frozenset[str] = frozenset()
    any_line: re.Pattern | None = None  # matches a whole line where one of ``lines`` does
    _kinds: Kept = field(default_factory=lambda: Kept(16384), compare=False, repr=False)  # kind's answers

    def heading(self, text: str) -> str | None:
        """The language a heading line names ("English Version" -> "en"), else None."""
        return self.headings.get(key_of(text).lower())

    def marker(self, text: str) -> bool:
        """A line that is a language heading or a draft marker: it starts a version."""
        key = key_of(text).lower()
        return key in self.markers or key in self.headings

    def kind(self, text: str) -> str | None:
        """What layout line ``text`` is ("page furniture", "revision label", "letterhead
        contact line"), else None.

        >>> from moukit.packs.library import default_library
        >>> layout(default_library()).kind("Page 2 of 6")
        'page furniture'
        >>> layout(default_library()).kind("Draft 3, 2 October 2026")
        'revision label'
        >>> layout(default_library()).kind("The Participants will cooperate.") is None
        True
        >>> layout(default_library()).kind("TEL: 03-1234-5678")
        'letterhead contact line'
        >>> layout(default_library()).kind("Television and film: cooperation between the cities") is None
        True
        """
        return self._kinds.answer(text, lambda: self._kind(text))  # (the same lines in every draft)

    def _kind(self, text: str) -> str | None:
        line = clean(text).strip()
        if not line or "\n" in line or (self.any_line is not None and not self.any_line.fullmatch(line)):
            return None  # (most lines: one search tells, not one for each layout line)
        running = None
        for i, (kind, rx) in enumerate(self.lines):
            if not rx.fullmatch(line):
                continue
            if i in self.non_latin:
                if running is None:
                    running = sum(w in self.latin_words for w in re.findall(r"[^\W\d_]{3,}", line.lower())) >= 2
                if running:
                    continue
            return kind
        return None


@lru_cache(maxsize=16)
def layout(library: TemplateLibrary) -> Layout:
    """The layout lines of every pack in ``library`` (headings in every language's words):
    for the shipped packs, as computed at build time (:mod:`moukit.packs.shipped`)."""
    from ..packs.shipped import shipped
    from .segment import latin_packs

    latin = latin_packs(library)
    data = shipped(library, "layout") or layout_data(library, latin)
    lines = []
    for group, pattern, lang in data["lines"]:
        try:
            lines.append((KINDS[group], regex_cache.compile(pattern, re.IGNORECASE)))
        except re.error as exc:
            raise TemplateError(N_("layout.yaml: bad pattern {pattern!r} in {group}: {error}",
                                   pattern=pattern, group=group, error=str(exc)),
                                file=str(library.pack(lang).dirs[0] / "layout.yaml")) from None
    return Layout(dict(data["headings"]), tuple(lines), frozenset(data["markers"]),
                  frozenset(data["non_latin"]), frozenset(w for words in latin.values() for w in words),
                  _any_of([rx.pattern for _, rx in lines]))


def _any_of(patterns: list[str]) -> re.Pattern | None:
    """One pattern that matches a whole line where one of ``patterns`` does (None when they
    cannot be joined, e.g. two name the same group)."""
    try:
        return regex_cache.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None
    except re.error:
        return None


def layout_data(library: TemplateLibrary, latin) -> dict:
    """What :func:`layout` is made of, computed from the packs of ``library`` (``latin``: the
    Latin-script ones), as plain data: ``headings`` (key -> language), ``lines`` ([kind,
    pattern, language of the pack]), ``markers`` and ``non_latin`` (the indexes of the lines
    of packs in another script)."""
    from babel import Locale

    headings: dict[str, str] = {}
    lines: list[list[str]] = []
    non_latin: list[int] = []
    markers = {"(draft)", "draft"}
    for lang in library.available():
        try:
            pack = library.pack(lang)
            data = pack.data_file("layout.yaml") or {}
        except MoukitError:
            continue
        marker = pack.lexicon.get("draft_marker")
        if marker:
            markers.update({key_of(marker).lower(), key_of(marker.strip("()（）")).lower()})
        locale = Locale.parse(pack.lexicon["locale"])
        names: dict[str, set[str]] = {lang: {pack.lexicon.get("name", ""),
                                             locale.get_language_name(locale) or ""}}
        for code, name in (pack.lexicon.get("languages") or {}).items():
            names.setdefault(code, set()).update({name, locale.languages.get(code, "")})
        for code, extra in (data.get("names") or {}).items():
            names.setdefault(code, set()).update(extra or [])
        # a pack without layout.yaml (a user's pack) still has its language names as headings
        for template in data.get("headings") or ["{language}"]:
            for code, words in names.items():
                for word in sorted(filter(None, words)):
                    key = key_of(str(template).replace("{language}", word)).lower()
                    if key:
                        headings.setdefault(key, code)
        for group in KINDS:
            for pattern in data.get(group) or []:
                if lang not in latin:
                    non_latin.append(len(lines))
                lines.append([group, str(pattern), lang])
    markers.discard("")
    return {"headings": headings, "lines": lines, "markers": sorted(markers), "non_latin": non_latin}


MAX_LETTERHEAD_LINES = 8


def letterhead(texts: list[str], title_starts: set[str]) -> int:
    """How many of the first ``texts`` are a letterhead: short lines (an office's name, an
    address, typed as paragraphs or as the lines of one) before the first line of a title;
    0 when no title start follows them."""
    for i, text in enumerate(texts[:MAX_LETTERHEAD_LINES + 1]):
        if key_of(text.split("\n")[0]).lower() in title_starts:
            return i
        for line in filter(None, (clean(x) for x in text.split("\n"))):
            if len(line) > 120 or re.search(r"[.。!?！？]$", line):
                return 0
    return 0
