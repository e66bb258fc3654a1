"""What every command shares: exit codes, the help formatter and parser (messages from the
catalog, Thai lines broken at spaces), writing to standard error, the --templates option."""

from __future__ import annotations

import argparse
import sys

from ..i18n import gettext as _

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERNAL = 4  # an unexpected error inside moukit (a bug), never a verdict
EXIT_INTERRUPTED = 130

STDOUT = "-"


def runs_long() -> None:
    """Collect garbage from here on: the command may run long (a batch of drafts, the
    workbench), and a one-shot command starts with the collector off (:func:`moukit.cli.console`).
    What the process built so far (modules, models) is frozen out of every later collection,
    and the thresholds keep the collections rare. Nothing is done where the collector is on
    (:func:`moukit.cli.main` called by a program)."""
    import gc

    from .._collector import BATCH_THRESHOLDS

    if not gc.isenabled():
        gc.freeze()
        gc.set_threshold(*BATCH_THRESHOLDS)
        gc.enable()


def err(message: str) -> None:
    """Print ``message`` on standard error, prefixed with ``moukit:``."""
    print(f"moukit: {message}", file=sys.stderr)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter with the "usage:" prefix from the catalog.

    Lines are broken at spaces only: Thai writes no spaces between words, and breaking a
    long run of Thai anywhere else could split a consonant from its vowel or tone mark.
    """

    def add_usage(self, usage, actions, groups, prefix=None):
        if prefix is None:
            prefix = _("usage: ")
        super().add_usage(usage, actions, groups, prefix)

    def _split_lines(self, text, width):
        import textwrap

        text = " ".join(text.split())
        return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)

    def _fill_text(self, text, width, indent):
        return "\n".join(indent + line for line in self._split_lines(text, width - len(indent)))


class Parser(argparse.ArgumentParser):
    """argparse's parser with its own headings, -h help and error prefix from the catalog."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=_("show this help message and exit"))

    def defer(self, add_arguments) -> None:
        """Have ``add_arguments(self)`` add arguments only when this parser is used (to parse,
        or to show its help or usage): ``moukit --help`` builds every command's parser, and
        options whose help needs a slow import (``init``'s questions) need not cost it then."""
        self._deferred = [*getattr(self, "_deferred", ()), add_arguments]

    def _add_deferred(self) -> None:
        deferred, self._deferred = getattr(self, "_deferred", ()), []
        for add_arguments in deferred:
            add_arguments(self)

    def parse_known_args(self, args=None, namespace=None):
        self._add_deferred()
        return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        self._add_deferred()
        return super().format_usage()

    def format_help(self) -> str:
        self._add_deferred()
        return super().format_help()

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, _("{prog}: error: {message}").format(prog=self.prog, message=message)
                  + "\n")


def templates_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--templates DIR`` (folders of language packs used before the shipped ones)."""
    parser.add_argument(
        "--templates", metavar="DIR", action="append", default=[],
        help=_("a folder of language packs (<DIR>/<lang>/lexicon.yaml, loi.j2, mou.j2) used "
               "before the shipped ones; may be given more than once"),
    )
