"""``moukit pack``: make a language pack for a partner language moukit does not ship.

``moukit pack new LANG`` writes the translator's files (DOCX and XLIFF) and the pack's
settings; ``moukit pack build FILE`` checks the translated file and writes the pack
(``<DIR>/<LANG>/``) to use with ``--templates DIR``. See docs/languages.md.
"""

from __future__ import annotations

import argparse

from ..i18n import gettext as _
from ..i18n import translate
from ._common import EXIT_OK, err


def run_new(args: argparse.Namespace) -> int:
    """Write the start of a pack: the translator's files and the settings."""
    from ..packs.skeleton import new_pack

    made = new_pack(args.lang, args.output, allow_shipped=args.allow_shipped)
    for path in made.files:
        err(_("wrote {path}").format(path=path))
    err(_("{count} segments to translate; send {docx} or {xliff} to the translator").format(
        count=made.segments, docx=made.files[0].name, xliff=made.files[1].name))
    err(_("next: moukit pack build {path}").format(path=made.files[0]))
    return EXIT_OK


def run_build(args: argparse.Namespace) -> int:
    """Check a translated file and write the language pack."""
    from ..packs.build import build_pack

    built = build_pack(args.file, args.output, lang=args.lang, force=args.force)
    for note in built.notes:
        err(_("note: {note}").format(note=translate(note)))
    for notice in built.notices:
        err(_("warning: {notice}").format(notice=translate(notice)))
    err(_("wrote {path} ({files})").format(path=built.folder,
                                           files=", ".join(p.name for p in built.files)))
    err(_("next: moukit render SPEC --templates {folder}").format(folder=built.folder.parent))
    return EXIT_OK


def add(commands) -> None:
    """Register the command's sub-parser and its handler."""
    p = commands.add_parser(
        "pack", help=_("make a language pack for a partner language moukit does not ship"),
        description=_("Make a language pack for the partner's language: 'pack new' writes the "
                      "files a translator fills in, 'pack build' checks the translation and "
                      "writes the pack to use with --templates DIR."),
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True, title=_("actions"))
    new = actions.add_parser(
        "new", help=_("write the translator's files (DOCX and XLIFF) for a language"),
        description=_("Write the files a translator fills in for LANG: LANG-translation.docx "
                      "(a table English | translation) and LANG-translation.xlf (XLIFF 2.0, for "
                      "translation tools), with LANG/lexicon.yaml (the pack's settings: name, "
                      "locale, date pattern). Existing files are never replaced."),
    )
    new.add_argument("lang", metavar="LANG", help=_("the language code, e.g. tr, id, my"))
    new.add_argument("-o", "--output", metavar="DIR",
                     help=_("the folder to write into (default: moukit-pack-LANG)"))
    new.add_argument("--allow-shipped", action="store_true",
                     help=_("also for a language moukit ships (to make another translation of it)"))
    new.set_defaults(func=run_new)
    build = actions.add_parser(
        "build", help=_("check a translated DOCX or XLIFF and write the language pack"),
        description=_("Check the translation in FILE (the DOCX or XLIFF of 'moukit pack new', "
                      "translated) and write the pack DIR/LANG/ (lexicon.yaml, loi.j2, mou.j2, "
                      "pack.yaml). Every problem is listed with its row or line; nothing is "
                      "written until the pack renders."),
    )
    build.add_argument("file", metavar="FILE", help=_("the translated .docx or .xlf"))
    build.add_argument("-o", "--output", metavar="DIR",
                       help=_("the folder of language packs to write into (default: FILE's folder)"))
    build.add_argument("--lang", metavar="LANG",
                       help=_("the language of the translation, when the file does not say it"))
    build.add_argument("--force", action="store_true",
                       help=_("replace the pack files already in DIR/LANG/"))
    build.set_defaults(func=run_build)
