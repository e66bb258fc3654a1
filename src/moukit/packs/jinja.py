"""The Jinja side of the language packs: a sandbox that refuses what could exhaust memory, and
the filters templates use (``capfirst``, Korean particles with ``josa``).

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


MAX_TEMPLATE_OUTPUT = 100_000  # characters one multiplication in a template may produce


def environment(search_path: list[str]):
    """A sandboxed Jinja environment over ``search_path``, with StrictUndefined and the filters."""
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
