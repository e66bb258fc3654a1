"""The Jinja side of the language packs: a sandbox that refuses what could exhaust memory, and
the filters templates use (``capfirst``, Korean particles with ``josa``).

The filters must leave the check's markers intact: the check renders the same templates
with sentinels and marked values in the blanks (:mod:`moukit.text.markers`).
"""

from __future__ import annotations

import os
from typing import Any

from ..text import markers
from ..text.casing import upper_first


def capfirst(value: Any, lang: str | None = None) -> str:
    """Upper-case the first character (``the two cities`` -> ``The two cities``), as the
    pack's language ``lang`` writes capitals (Turkish ``iki taraf`` -> ``İki taraf``).

    >>> capfirst("both sides")
    'Both sides'
    >>> capfirst("ทั้งสองฝ่าย")
    'ทั้งสองฝ่าย'
    >>> capfirst("iki şehir", "tr")
    'İki şehir'
    """
    text = str(value)
    if markers.is_sentinel(text):  # a blank in a pattern of the check: leave it whole
        return text
    start, inner, end = markers.split_mark(text)  # a value marked by the check: its first letter
    return start + upper_first(inner, lang) + end


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


def environment(search_path: list[str], lang: str | None = None):
    """A sandboxed Jinja environment over ``search_path``, with StrictUndefined and the filters
    (``capfirst`` writes capitals as ``lang`` does)."""
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
    env.filters["capfirst"] = (lambda value: capfirst(value, lang)) if lang else capfirst
    env.filters["josa"] = josa
    return env


# ------------------------------------------------------------------ precompiled templates
#
# Compiling a template (lexing, parsing, generating Python) took about 6 ms each, a tenth of a
# render. The shipped templates are compiled once, at build time, by the sandbox above, into
# Python modules committed in moukit/packs/compiled/ (``python -m moukit.reference`` writes
# them; its check and the tests keep them current). Nothing is written at run time: a module
# is used only when the template file is the one it was made from (same SHA-256) and Jinja2
# is the version that made it; otherwise the template is compiled as before.

COMPILED_PACKAGE = "moukit.packs.compiled"


def compiled_module_name(lang: str, instrument: str) -> str:
    """The module of the precompiled template ``<lang>/<instrument>.j2``."""
    return f"{COMPILED_PACKAGE}.{lang}_{instrument}"


def compiled_source(env, source_file: str | os.PathLike, name: str, lang: str) -> str:
    """The Python module of template ``source_file`` (named ``name``, e.g. ``mou.j2``, of the
    ``lang`` pack) compiled by ``env``, with the Jinja2 version and the template's SHA-256 at its end (at the end, so
    that the line numbers Jinja maps back to the template stay right)."""
    import hashlib

    import jinja2

    with open(source_file, "rb") as handle:
        data = handle.read()
    code = env.compile(data.decode("utf-8"), name, None, raw=True, defer_init=True)
    first, rest = code.split("\n", 1)  # the note goes on the first line: no line moves
    return (f"{first}  # Generated by python -m moukit.reference; do not edit (see the end)\n{rest}\n\n"
            f"# {name} of the {lang} pack compiled by Jinja2 in moukit's sandbox; used instead of\n"
            f"# compiling the template when the template and Jinja2 are these.\n"
            f"JINJA2 = {jinja2.__version__!r}\n"
            f"SOURCE_SHA256 = {hashlib.sha256(data).hexdigest()!r}\n")


def precompiled(env, lang: str, instrument: str, source_file: str):
    """The shipped template ``source_file`` from its precompiled module, or None when there is
    none for it, or it was made from another text or by another Jinja2 version."""
    import hashlib
    import importlib.util

    import jinja2

    try:
        spec = importlib.util.find_spec(compiled_module_name(lang, instrument))
    except ImportError:
        return None
    get_code = getattr(spec.loader, "get_code", None) if spec is not None else None
    if spec is None or get_code is None:
        return None
    namespace = {"environment": env, "__file__": source_file}
    exec(get_code(spec.name), namespace)  # the module's code (from its .pyc) defines functions only
    with open(source_file, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()
    if namespace.get("SOURCE_SHA256") != digest or namespace.get("JINJA2") != jinja2.__version__:
        return None
    return env.template_class.from_module_dict(env, namespace, env.make_globals(None))


def template_line(exc: BaseException, filename: str, template=None) -> int | None:
    """The template line where rendering failed (Jinja maps compiled code back to it)."""
    import traceback

    code_file = template.root_render_func.__code__.co_filename if template is not None else None
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename and (os.path.basename(frame.filename) == os.path.basename(filename)
                               or frame.filename == code_file):
            line = frame.lineno
            if template is not None and line is not None:
                line = template.get_corresponding_lineno(line)
    return line or getattr(exc, "lineno", None)
