"""How a finding shows what it found in a draft: the words a rule matched, quoted, and the
text around them, never cut inside a word or a number, and said once when the text is
nothing but the words.

>>> str(words_found("funding pledges", ["USD 5"], "will provide USD 50,000 a year"))
"funding pledges: 'USD 50,000' in 'will provide USD 50,000 a year'"
>>> str(words_found("binding language", ["ต้อง"], "ต้อง"))
"binding language: 'ต้อง'"
"""

from __future__ import annotations

import re

from ..i18n import N_, Message

EXCERPT_SIZE = 120
_NUMBER_INSIDE = re.compile(r"[,.]\d")  # "50,000", "1.5": the number goes on


def _joined(a: str, b: str) -> bool:
    """Whether characters ``a`` and ``b`` side by side are one word or number: two digits, or
    two Latin letters (Thai and Chinese run words together: no boundary to find there)."""
    if a.isdigit() and b.isdigit():
        return True
    return a.isascii() and b.isascii() and a.isalpha() and b.isalpha()


def whole(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``start:end`` of ``text`` widened to whole words and numbers at both ends.

    >>> text = "a budget of USD 50,000.00 each"
    >>> a, b = whole(text, 12, 17); text[a:b]
    'USD 50,000.00'
    """
    while end < len(text) and end > start and (
            _joined(text[end - 1], text[end]) or (text[end - 1].isdigit() and _NUMBER_INSIDE.match(text, end))):
        end += 1 if _joined(text[end - 1], text[end]) else 2
    while start > 0 and start < end and _joined(text[start - 1], text[start]):
        start -= 1
    return start, end


def whole_words(text: str, words: list[str]) -> list[str]:
    """``words`` (matches found in ``text``) each widened to the whole words and numbers it
    stands in; a word not found in ``text`` is kept as it is."""
    out = []
    lowered = text.lower()
    for word in words:
        at = lowered.find(word.lower())
        if at < 0:
            out.append(word)
            continue
        a, b = whole(text, at, at + len(word))
        out.append(text[a:b])
    return list(dict.fromkeys(out))


def excerpt(text: str, words: list[str], size: int = EXCERPT_SIZE) -> str:
    """``text``, or the part of it around the first of ``words`` when it is long, cut
    between words (an ellipsis where it is cut)."""
    if len(text) <= size:
        return text
    at = max(0, text.lower().find(words[0].lower()) if words else 0)
    start = max(0, at - size // 3)
    end = min(len(text), start + size)
    start, end = whole(text, start, end) if start else (0, whole(text, 0, end)[1])
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def words_found(rule: str, words: list[str], text: str) -> Message:
    """The message of a pattern rule that matched ``words`` in ``text``: the words, whole,
    and the text around them unless it is only the words."""
    words = whole_words(text, words)
    shown = ", ".join(repr(w) for w in words)
    context = excerpt(text, words)
    if context.strip().casefold() in (", ".join(words).casefold(), *(w.casefold() for w in words)):
        return N_("{rule}: {words}", rule=rule, words=shown)
    return N_("{rule}: {words} in {text!r}", rule=rule, words=shown, text=context)


def in_story(message: str, story: str) -> Message:
    """``message`` said of text outside the body: "… (in the footer of section 1)"."""
    return N_("{message} (in the {story})", message=message, story=story_name(story))


_STORY = re.compile(r"(header|footer|footnote|endnote|comment|text box)(?: of section)?\s*(\d*)(.*)")
STORY_KINDS = {"header": N_("header of section {number}"), "footer": N_("footer of section {number}"),
               "footnote": N_("footnote {number}"), "endnote": N_("endnote {number}"),
               "comment": N_("comment {number}{author}"), "text box": N_("text box")}


def story_name(story: str) -> Message | str:
    """Where text outside the body stands (:attr:`Block.story`: "footer of section 1",
    "comment 2 (Author)", "text box") as a message; any other as it is.

    >>> story_name("comment 2 (A. Author)").in_language("en")
    'comment 2 (A. Author)'
    """
    m = _STORY.fullmatch(story or "")
    if not m or (m.group(3) and m.group(1) != "comment"):
        return story
    params = {"number": m.group(2), "author": m.group(3)} if m.group(1) == "comment" else {"number": m.group(2)}
    return N_(STORY_KINDS[m.group(1)].template, **params)
