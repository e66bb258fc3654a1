"""``moukit render``: a spec rendered into the standardized form, to a file or standard output."""

from __future__ import annotations

import argparse
import os
import sys

from ..i18n import N_, translate
from ..i18n import gettext as _
from ..rendering import DIGITS
from ..rendering.writers import FORMATS, LAYOUTS, format_of_suffix
from ._common import EXIT_OK, STDOUT, err, templates_option

DEFAULT_FORMAT = "docx"

def _output_format(args: argparse.Namespace) -> str:
    """The format asked for, else the one -o's suffix names, else docx."""
    if args.format:
        return args.format
    if args.output and args.output != STDOUT:
        suffix = os.path.splitext(args.output)[1].lower()
        if format_of_suffix(suffix):
            return format_of_suffix(suffix)
        if suffix:
            from ..errors import UsageError

            raise UsageError(
                N_("cannot tell the format from the output name '{name}'", name=args.output),
                hint=N_("add --format ({formats}) or use a known suffix", formats=", ".join(FORMATS)),
            )
    return DEFAULT_FORMAT


def run(args: argparse.Namespace) -> int:
    """Render a spec to a file (or standard output) and print its notices as warnings."""
    from ..errors import LanguageNotAvailable
    from ..rendering.build import render
    from ..spec.load import load_spec

    fmt = _output_format(args)
    spec = load_spec(args.spec)
    try:
        result = render(
            spec,
            fmt,
            languages=args.lang,  # "th,en": the API reads the list
            layout=args.layout,
            templates=args.templates,
            digits=args.digits,
        )
    except LanguageNotAvailable as exc:  # name the spec file the language comes from
        raise LanguageNotAvailable(
            N_("{file}: {message}", file=args.spec, message=exc.message),
            hint=N_("render Thai and English now with --lang th,en, or make a pack for '{lang}': "
                    "moukit pack new {lang}, have the file translated, moukit pack build FILE, "
                    "then render with --templates DIR", lang=spec.partner.language),
        ) from None
    for notice in result.notices:
        err(_("warning: {notice}").format(notice=translate(notice)))
    if args.output == STDOUT:
        sys.stdout.buffer.write(result.data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    stem = os.path.splitext(os.path.basename(args.spec))[0]
    path = args.output or stem + FORMATS[fmt].suffix
    result.save(path, force=args.force)
    err(_("wrote {path} ({languages}; {format}, {layout})").format(
        path=path, languages=", ".join(result.document.languages), format=fmt, layout=args.layout))
    return EXIT_OK


def add(commands) -> None:
    """Register the command's sub-parser and its handler."""
    p = commands.add_parser(
        "render", help=_("render a spec into the standardized LOI or MOU"),
        description=_("Render SPEC (YAML) into the standardized form in Thai, the partner's "
                      "language and English. Without -o the file is written to the current "
                      "folder, named after SPEC (e.g. chiang-mai-hokkaido.docx)."),
    )
    p.add_argument("spec", metavar="SPEC", help=_("the spec file (YAML), see examples/"))
    p.add_argument("-o", "--output", metavar="PATH",
                   help=_("output file; '-' writes to standard output"))
    p.add_argument("--format", choices=list(FORMATS),
                   help=_("output format (default: from -o's suffix, else docx)"))
    p.add_argument("--lang", metavar="LANGS",
                   help=_("comma-separated languages to include, e.g. th,en (default: all three)"))
    p.add_argument("--layout", choices=LAYOUTS, default="separate",
                   help=_("one language after another, or clause by clause side by side"))
    p.add_argument("--force", action="store_true",
                   help=_("replace the output file even if it is not an unchanged moukit rendering "
                          "of this spec (a file a person made or edited)"))
    templates_option(p)
    p.add_argument("--digits", choices=DIGITS, default="thai",
                   help=_("digits of the Thai version: Thai digits, as Thai government documents "
                          "write them (the default), or Arabic digits"))
    # the older switch, now the default: still accepted, not shown
    p.add_argument("--thai-digits", dest="digits", action="store_const", const="thai",
                   help=argparse.SUPPRESS)
    p.set_defaults(func=run)
