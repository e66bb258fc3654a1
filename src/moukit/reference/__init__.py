"""Everything moukit generates from its own code and data, and the check that it is current.

``python -m moukit.reference`` writes the reference pages of the documentation
(``docs/reference/*.md``, :mod:`moukit.reference.pages`), the word list of the Thai
pack (:mod:`moukit.reference.words`), the province table read by the spec
(``spec/provinces.csv``, from pythainlp: :func:`moukit.spec.provinces.provinces_file`),
the shipped templates compiled by Jinja2 (``packs/compiled/``,
:func:`moukit.packs.jinja.precompiled`) and the sets over all shipped packs that the check
reads (``packs/compiled/shipped.json``, each pack's ``patterns-<lang>.json``,
``accepted-<lang>.json``, ``units-<lang>.json`` and ``vocabulary-<lang>.json``,
:mod:`moukit.packs.shipped`), and babel's locale data a render needs
(``packs/compiled/cldr.json``, :mod:`moukit.text.cldr`); ``--check`` writes
nothing and exits 1, listing the stale files, when one differs from what the code would generate now. The tests run the
check; nothing else writes these files. ``moukit forms`` prints the forms as
:func:`moukit.reference.describe.forms_data` describes them.

>>> sorted(generate())[:2]
['docs/reference/forms.md', 'docs/reference/packs.md']
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import pages

__all__ = ["generate", "main", "stale", "write"]


def _words_path() -> str:
    """Where the Thai pack's word list lives, relative to the top of the checkout."""
    from ..packs.library import builtin_templates_dir

    return (builtin_templates_dir() / "th" / "words.txt").relative_to(default_root()).as_posix()


def generate() -> dict[str, str]:
    """Every generated file: ``{path relative to the top of the checkout: text}``."""
    from .._yaml import mirror_json
    from ..checking.rules import rule_literals_json
    from ..packs.library import default_library
    from ..spec.provinces import TABLE, provinces_file
    from ..text import cldr
    from .shipped import pack_data_json, shipped_json
    from .words import words_file

    return {
        "docs/reference/spec.md": pages.spec_page(),
        "docs/reference/forms.md": pages.forms_page(),
        "docs/reference/rules.md": pages.rules_page(),
        "docs/reference/vocabulary.md": pages.vocabulary_page(),
        "docs/reference/packs.md": pages.packs_page(),
        _words_path(): words_file(default_library().pack("th")),
        f"src/moukit/spec/{TABLE}": provinces_file(),
        **_compiled_templates(),
        "src/moukit/packs/compiled/shipped.json": shipped_json(),
        "src/moukit/packs/compiled/cldr.json": cldr.compiled_json(
            [default_library().pack(lang).lexicon for lang in default_library().available()],
            list(default_library().available())),
        "src/moukit/packs/compiled/yaml.json": mirror_json(),
        "src/moukit/packs/compiled/rule-literals.json": rule_literals_json(),
        **{f"src/moukit/packs/compiled/{name}-{lang}.json": pack_data_json(name, lang)
           for name in ("patterns", "accepted", "units", "vocabulary") for lang in default_library().available()},
    }


def _compiled_templates() -> dict[str, str]:
    """The shipped templates compiled by Jinja2, one module per pack and instrument."""
    from ..forms import all_forms
    from ..packs.jinja import compiled_module_name, compiled_source
    from ..packs.library import default_library

    library = default_library()
    files = {}
    for lang in library.available():
        pack = library.pack(lang)
        for form in all_forms():
            module = compiled_module_name(lang, form.instrument)
            path = "src/" + module.replace(".", "/") + ".py"
            files[path] = compiled_source(pack._env, pack.template_file(form.instrument),
                                          f"{form.instrument}.j2", lang)
    return files


def default_root() -> Path:
    """The top of the checkout this module runs from."""
    return Path(__file__).resolve().parents[3]


def stale(root: Path, files: dict[str, str] | None = None) -> list[str]:
    """Generated files that are missing under ``root`` or differ from what would be generated now."""
    files = generate() if files is None else files
    return [rel for rel, text in files.items()
            if not (Path(root) / rel).is_file() or (Path(root) / rel).read_bytes() != text.encode("utf-8")]


def write(root: Path) -> list[str]:
    """Write the generated files that changed; return their paths relative to ``root``."""
    files = generate()
    changed = stale(root, files)
    for rel in changed:
        path = Path(root) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[rel].encode("utf-8"))
    return changed


def main(argv: list[str] | None = None) -> int:
    """Command line: write the files, or with ``--check`` report stale ones (exit 1)."""
    parser = argparse.ArgumentParser(prog="python -m moukit.reference",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file is stale")
    parser.add_argument("--root", type=Path, default=default_root(),
                        help="the top of the checkout (default: the one moukit runs from)")
    args = parser.parse_args(argv)
    if args.check:
        old = stale(args.root)
        for rel in old:
            print(f"stale: {args.root / rel}", file=sys.stderr)
        if old:
            print("run: python -m moukit.reference", file=sys.stderr)
        return 1 if old else 0
    for rel in write(args.root):
        print(f"wrote {args.root / rel}")
    return 0
