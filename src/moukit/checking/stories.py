"""What stands outside a draft's body: headers, footers, footnotes, endnotes, comments and
text boxes (:attr:`moukit.checking.readers.model.Block.story`).

Text of another story that is wording is checked with its version like body text; a
finding about it says where it stands. A comment, and a header or footer line that is
layout (a letterhead, a running head, page furniture), is not wording of the agreement, but
the rule packs still read it: forbidden content proposed in a comment or printed in a footer
is reported.
"""

from __future__ import annotations

from ..i18n import N_, Message
from ..text.normalize import clean
from .report import Finding
from .segment import VersionText, block_text
from .wording import in_story, words_found


def locate(findings: list[Finding], drafts) -> None:
    """Say where each finding about text of another story stands (``where``, and the message)."""
    stories = [(clean(block_text(b)), b.story) for d in drafts for b in d.blocks
               if getattr(b, "story", None) and b.story != "text box"]
    stories += [(clean(block_text(b)), b.story) for d in drafts for b in d.blocks
                if getattr(b, "story", None) == "text box"]
    for f in findings:
        if f.where or not f.draft:
            continue
        draft = clean(f.draft)
        story = next((story for text, story in stories if text and text in draft), None)
        if story:
            f.where = story
            f.message = in_story(f.message, story)


def read_by_rules(version: VersionText, rules) -> list[Finding]:
    """The findings of the pattern rules in the comments and layout lines of ``version``."""
    out = []
    for block in version.rules_only:
        text = clean(block_text(block))
        for rule in rules:
            if not rule.patterns:
                continue
            langs = dict.fromkeys([version.lang, "en"])
            matches = [m for lang in langs for m in rule.find(lang, text)]
            words = list(dict.fromkeys(m.group(0) for m in sorted(matches, key=lambda m: m.start())))
            if not words:
                continue
            out.append(Finding(
                code=rule.code, route=rule.route, kind="rule", lang=version.lang,
                message=in_story(words_found(rule.name, words, text), block.story),
                draft=text, rationale=rule.rationale, rationale_th=rule.rationale_th,
                where=block.story, source=version.source or None))
    return out


def comment_note(drafts) -> list[Message]:
    """A note on the comments a draft holds (they are read by the rules only)."""
    count = len({(d.name, b.story) for d in drafts for b in d.blocks
                 if (getattr(b, "story", None) or "").startswith("comment")})
    if not count:
        return []
    return [N_("the draft has {count} comment(s): they are not wording of the agreement and were "
               "read by the rules only; resolve them before signing", count=count)]
