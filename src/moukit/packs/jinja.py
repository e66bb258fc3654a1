"""The Jinja side of the language packs: a sandbox that refuses what could exhaust memory, and
the filters templates use (``capfirst``, Korean particles with ``josa``, wording that depends
on an alternative's option with ``phrase``).

The filters must leave the check's markers intact: the check renders the same templates
with sentinels and marked values in the blanks (:mod:`moukit.text.markers`).
"""

from __future__ import annotations

import os
from typing import Any

from ..text import markers


def capfirst(value: Any) -> str:
    """Upper-case the first character (``the two cities`` -> ``The two cities``).

    >>> capfirst("both sides")
    'Both sides'
    >>> capfirst("ทั้งสองฝ่าย")
    'ทั้งสองฝ่าย'
    """
    text = str(value)
    if markers.is_sentinel(text):  # a blank in a pattern of the check: leave it whole
        return text
    start, inner, end = markers.split_mark(text)  # a value marked by the check: its first letter
    return start + inner[:1].upper() + inner[1:] + end


def josa(word: Any, after_consonant: str, after_vowel: str) -> str:
    """The Korean particle that fits the last syllable of ``word`` (은/는, 과/와, 을/를...).

    >>> josa("양측", "은", "는"), josa("두 도시", "은", "는"), josa("Rayong", "은", "는")
    ('은', '는', '은(는)')
    """
    text = str(word)
    if markers.is_sentinel(text):  # a blank in a pattern: the check accepts either particle
        return markers.choice(after_consonant, after_vowel, f"{after_consonant}({after_vowel})")
    last = markers.split_mark(text)[1].rstrip()[-1:]  # a marked value: look at the value itself
    if "가" <= last <= "힣":
        return after_consonant if (ord(last) - 0xAC00) % 28 else after_vowel
    return f"{after_consonant}({after_vowel})"


def phrase(lexicon: dict, value: Any, name: str) -> str:
    """The lexicon's phrase ``name`` for the option whose wording ``value`` is: the filter
    ``{{ parties|phrase("either") }}``, for wording that depends on an alternative's option
    beyond the option's own words (Thai: ผู้เข้าร่วมฝ่ายใดฝ่ายหนึ่ง, but ฝ่ายใดฝ่ายหนึ่ง for "the two
    Sides"). The lexicon holds ``phrases: <alternative>: <name>: <option>: wording``.

    A blank of the check's patterns accepts any of the phrases; a value that is no option's
    wording (a blank shown with its label, a value the check could not read) gets the
    phrase listed first.

    >>> lexicon = {"alternatives": {"parties": {"participants": "P", "two_sides": "S"}},
    ...            "phrases": {"parties": {"either": {"participants": "either P", "two_sides": "either"}}}}
    >>> phrase(lexicon, "S", "either"), phrase(lexicon, "?", "either")
    ('either', 'either P')
    """
    group = next((g for g, names in (lexicon.get("phrases") or {}).items()
                  if isinstance(names, dict) and name in names), None)
    table = (lexicon.get("phrases") or {}).get(group, {}).get(name) if group else None
    if not isinstance(table, dict) or not table:
        raise LookupError(f"the lexicon has no phrase {name!r} (phrases: <alternative>: {name}: ...)")
    wordings = [str(w) for w in table.values()]
    text = str(value)
    if markers.is_sentinel(text):  # a blank in a pattern of the check: any of the phrases
        return markers.choice(*dict.fromkeys(wordings))
    inner = markers.split_mark(text)[1].strip()  # a value marked by the check: the value itself
    options = {**((lexicon.get("alternatives") or {}).get(group) or {}),
               **(((lexicon.get("provincial_alternatives") or {}).get(group)) or {})}
    for option, wording in options.items():
        if str(wording) == inner and option in table:
            return str(table[option])
    return wordings[0]


MAX_TEMPLATE_OUTPUT = 100_000  # characters one multiplication in a template may produce


def environment(search_path: list[str], lexicon: dict | None = None):
    """A sandboxed Jinja environment over ``search_path``, with StrictUndefined and the filters
    (``phrase`` reads ``lexicon``)."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

    class Sandbox(ImmutableSandboxedEnvironment):
        """Jinja's sandbox, also refusing huge products and powers ('x' * 10**13)."""

        intercepted_binops = frozenset(["*", "**"])

        def call_binop(self, context, operator, left, right):
            """Refuse powers and products that would exhaust memory."""
            if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64:
                raise SecurityError("the template computes a power too large")
            if operator == "*":
                for seq, n in ((left, right), (right, left)):
                    if isinstance(seq, (str, list, tuple)) and isinstance(n, int) \
                            and len(seq) * n > MAX_TEMPLATE_OUTPUT:
                        raise SecurityError("the template builds a text too long")
            return super().call_binop(context, operator, left, right)

    env = Sandbox(
        loader=FileSystemLoader(search_path),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        auto_reload=False,
    )
    env.filters["capfirst"] = capfirst
    env.filters["josa"] = josa
    env.filters["phrase"] = lambda value, name: phrase(lexicon or {}, value, name)
    return env


def template_line(exc: BaseException, filename: str, template=None) -> int | None:
    """The template line where rendering failed (Jinja maps compiled code back to it)."""
    import traceback

    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename and os.path.basename(frame.filename) == os.path.basename(filename):
            line = frame.lineno
            if template is not None and line is not None:
                line = template.get_corresponding_lineno(line)
    return line or getattr(exc, "lineno", None)
