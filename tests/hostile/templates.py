"""Hostile user template folders (``--templates DIR``), made from the shipped English pack."""

from __future__ import annotations

import shutil
from pathlib import Path

from moukit.packs.library import builtin_templates_dir

CLAUSE = "{% block c3 %}"  # the MOU clause the injections go into

# Expressions that try to reach Python internals from a template.
SANDBOX_ESCAPES = {
    "str-mro": "{{ ''.__class__.__mro__ }}",
    "subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "cycler-globals": "{{ cycler.__init__.__globals__ }}",
    "self-context": "{{ self._TemplateReference__context }}",
    "lipsum-globals": "{{ lipsum.__globals__['os'] }}",
    "namespace-init": "{{ namespace.__init__.__globals__ }}",
    "attr-filter": "{{ thai_name|attr('__class__') }}",
    "format-field": "{{ '{0.__class__.__mro__}'.format(thai_name) }}",
    "format-arg": "{{ '{}'.format(thai_name.__class__) }}",
    "dict-update": "{{ thai_signatory.update({'name': 'forged'}) }}",
}

# Template code that raises a Python error (not a Jinja one) while rendering.
RUNTIME_ERRORS = {
    "division-by-zero": "{{ 1 / 0 }}",
    "range-too-big": "{% for i in range(10 ** 9) %}{% endfor %}",
    "huge-string": "{{ 'x' * 10 ** 13 }}",
    "self-include": "{% include 'mou.j2' %}",
}


def user_pack(root: Path, lang: str = "en") -> Path:
    """Copy the shipped ``lang`` pack into ``root/lang``; return ``root`` (the --templates DIR)."""
    root = Path(root)
    shutil.copytree(builtin_templates_dir() / lang, root / lang)
    return root


def pack_file(root: Path, name: str, lang: str = "en") -> Path:
    """A file of the user pack, e.g. ``mou.j2`` or ``lexicon.yaml``."""
    return Path(root) / lang / name


def inject(root: Path, code: str, *, before: bool = False, lang: str = "en") -> int:
    """Insert ``code`` into clause c3 of the pack's mou.j2 (or before the whole template).

    Returns the 1-based line of the template on which ``code`` now stands.
    """
    path = pack_file(root, "mou.j2", lang)
    text = path.read_text("utf-8")
    if before:
        text = code + text
        line = 1
    else:
        assert CLAUSE in text
        line = text[: text.index(CLAUSE)].count("\n") + 1
        text = text.replace(CLAUSE, CLAUSE + code, 1)
    path.write_text(text, "utf-8")
    return line


def rename_block(root: Path, old: str = "c3", new: str = "c99", lang: str = "en") -> None:
    """Rename one clause block, so that the form's block ``old`` is missing."""
    path = pack_file(root, "mou.j2", lang)
    text = path.read_text("utf-8")
    path.write_text(text.replace(f"{{% block {old} %}}", f"{{% block {new} %}}", 1), "utf-8")


def write_lexicon(root: Path, content: str | bytes, lang: str = "en") -> Path:
    """Replace the pack's lexicon with ``content``."""
    path = pack_file(root, "lexicon.yaml", lang)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path
