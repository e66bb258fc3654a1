"""The ``moukit`` command line: write a spec, render it, check a draft, list the forms, make a
language pack, print the schema.

Only the standard library is imported at module level so that ``moukit --help`` starts
fast; each command imports what it needs. Every :class:`moukit.MoukitError` becomes one
message on standard error (``moukit: error: ...``) and exit status 2, with no traceback
and no output file. Each command is one module here (``render``, ``check``, ``init``,
``forms``, ``pack``, ``schema``) with ``add(commands)``, which registers its sub-parser, and
``run(args)``, its handler; :data:`COMMANDS` lists them in the order of the help.

Exit status: 0 ok (check: standard form), 1 (check: review needed), 3 (check: not
permitted), 2 bad input or usage, or out of memory, 4 an internal error (a moukit bug; the
traceback is printed only with ``MOUKIT_DEBUG=1``), 130 interrupted. A failure is never
0, 1 or 3, so it is never taken for a verdict. A command run with ``--json`` that fails
also prints the error as a JSON object on standard output (:func:`error_data`).
"""

from __future__ import annotations

import argparse
import os
import sys

from .. import i18n
from ..i18n import N_
from ..i18n import gettext as _
from . import check, dossier, forms, init, pack, render, schema, serve
from ._common import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, Parser, err

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (`moukit --help` starts faster)

if TYPE_CHECKING:
    from ..errors import MoukitError

COMMANDS = (init, render, check, dossier, forms, pack, schema, serve)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every command of ``COMMANDS``, or with ``command`` only: what
    parsing that command's arguments needs (the other commands' options are not built)."""
    from .._version import __version__

    parser = Parser(
        prog="moukit",
        description=_("Write the standardized sister-city Letter of Intent and Memorandum of "
                      "Understanding of Thai provinces, in Thai, the partner's language and "
                      "English."),
    )
    parser.add_argument("--version", action="version", version=f"moukit {__version__}",
                        help=_("show the version and exit"))
    parser.add_argument("--ui-lang", choices=i18n.UI_LANGUAGES,
                        help=_("language of the command's messages and help: th or en "
                               "(default: from the locale, e.g. LANG=th_TH.UTF-8, else en)"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True,
                                     title=_("commands"))
    for module in COMMANDS:
        if command is None or _name(module) == command:
            module.add(commands)
    _accept_ui_lang_after_the_command(commands)
    return parser


def _accept_ui_lang_after_the_command(commands: argparse._SubParsersAction) -> None:
    """Let every command (and sub-command) take ``--ui-lang`` after its name too, as people
    type it (``moukit check --ui-lang th x.docx``); :func:`ui_language_option` reads it."""
    for sub in commands.choices.values():
        if "--ui-lang" not in sub._option_string_actions:
            sub.add_argument("--ui-lang", choices=i18n.UI_LANGUAGES, default=argparse.SUPPRESS,
                             help=argparse.SUPPRESS)
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction):
                _accept_ui_lang_after_the_command(action)


def _name(module) -> str:
    """The command a module of ``COMMANDS`` runs (``render`` for ``moukit.cli.render``)."""
    return module.__name__.rsplit(".", 1)[-1]


def _command_named(argv: list[str]) -> str | None:
    """The command ``argv`` names, if it names one (``render`` in ``--ui-lang th render x``)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            return None
        if arg.startswith("-") or (i and argv[i - 1] == "--ui-lang"):
            continue
        return arg if arg in map(_name, COMMANDS) else None
    return None


def _unknown_command(argv: list[str]) -> str | None:
    """The first argument when it is meant as a command and is none (``rendr``), else None."""
    first = next((a for a in argv if not a.startswith("-")), None)
    names = [_name(command) for command in COMMANDS]
    if first is None or first in names:
        return None
    before = argv[:argv.index(first)]
    if before and before[-1] == "--ui-lang":  # the value of --ui-lang, not a command
        rest = argv[argv.index(first) + 1:]
        return _unknown_command(rest)
    return first


def ui_language_option(argv: list[str]) -> str | None:
    """The value of the last valid ``--ui-lang`` in ``argv``, read before the parser is built.

    >>> ui_language_option(["--ui-lang", "th", "render", "--help"])
    'th'
    >>> ui_language_option(["init", "--ui-lang=en"])
    'en'
    """
    found = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = None
        if arg == "--ui-lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--ui-lang="):
            value = arg.split("=", 1)[1]
        if value in i18n.UI_LANGUAGES:
            found = value
    return found


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    i18n.set_language(ui_language_option(argv))  # help texts are translated as they are built
    parser = build_parser(_command_named(argv))
    if not [a for a in argv if a not in ("--ui-lang", *i18n.UI_LANGUAGES) and not a.startswith("--ui-lang=")]:
        parser.print_help(sys.stderr)  # a bare `moukit`: the help, not an error
        return EXIT_USAGE
    unknown = _unknown_command(argv)
    if unknown is not None:
        import difflib

        names = [_name(command) for command in COMMANDS]
        close = difflib.get_close_matches(unknown, names, n=1)
        parser.print_usage(sys.stderr)
        message = _("unknown command '{command}'").format(command=unknown)
        if close:
            message += " " + _("(did you mean '{command}'?)").format(command=close[0])
        err(_("error: {message}").format(message=message))
        return EXIT_USAGE
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) and usage errors (2)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    from ..errors import MoukitError

    failure: MoukitError | None = None
    try:
        return args.func(args)
    except MoukitError as exc:
        failure = exc
    except MemoryError:  # reported once this clause has freed the frames holding the memory
        pass
    except KeyboardInterrupt:
        err(_("interrupted"))
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. `moukit forms | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # a bug: never a verdict's exit status (0, 1, 3)
        failure = None if _no_memory_to_load(exc) else internal_error(exc)
    if failure is None:  # out of memory
        failure = out_of_memory(args.command)
    err(_("error: {message}").format(message=failure.in_language(i18n.get_language())))
    if getattr(args, "json", False):
        import json

        data = error_data(failure, i18n.get_language())
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    return failure.exit_code


def out_of_memory(command: str) -> MoukitError:
    """The error of a command that ran out of memory (a :class:`MemoryError`): exit 2."""
    from ..errors import MoukitError

    if command == "check":
        message = N_("the draft needs more memory than moukit is allowed to use here (out of memory); "
                     "nothing was checked")
    else:
        message = N_("this needs more memory than moukit is allowed to use here (out of memory)")
    return MoukitError(message, hint=N_("run moukit where it may use more memory (a higher ulimit -v), "
                                        "or give it a smaller file"))


def _no_memory_to_load(exc: Exception) -> bool:
    """A failure that means the address space was full: an import whose compiled module the
    system's loader could not map (glibc says "failed to map segment"), or a compiled extension
    whose allocation failed and that returned an error without saying which (CPython's
    SystemError "error return without exception set", seen under a tight ulimit -v)."""
    return ((isinstance(exc, ImportError) and "failed to map segment" in str(exc))
            or (isinstance(exc, SystemError) and "without exception set" in str(exc)))


def internal_error(exc: Exception) -> MoukitError:
    """The error of an unexpected exception (a moukit bug): exit :data:`EXIT_INTERNAL`, and
    the traceback on standard error when ``MOUKIT_DEBUG=1``."""
    from ..errors import MoukitError

    if os.environ.get("MOUKIT_DEBUG", "") not in ("", "0"):
        import traceback

        traceback.print_exception(exc)
    error = MoukitError(N_("an internal error ({error}): moukit stopped without a result",
                           error=f"{type(exc).__name__}: {exc}"),
                        hint=N_("this is a moukit bug, not a problem with your file: please report it "
                                "with the command you ran and its input (run it again with "
                                "MOUKIT_DEBUG=1 to see where it happened)"))
    error.exit_code = EXIT_INTERNAL
    return error


def console(argv: list[str] | None = None) -> int:
    """The ``moukit`` command (console script and ``python -m moukit``): :func:`main`, then the
    process ends at once, without the interpreter's teardown.

    A command runs once per process, so freeing every object at exit, and collecting garbage
    on the way, is work nobody waits for: it took a quarter of a render's time. The garbage
    collector is off (a command that runs long turns it on: :func:`._common.runs_long`),
    standard output and error are flushed, and ``os._exit`` ends the process with the exit
    status. Nothing moukit writes is pending by then: a file is written atomically (closed,
    synced, renamed) before its command returns. ``atexit`` handlers do not run: the one
    moukit registers (the regular-expression cache, :mod:`moukit.text.regex_cache`) is called
    here. An exception that escapes :func:`main` ends the process as usual (traceback,
    teardown). :func:`main` itself (used by tests and programs) returns normally.

    pydantic's plugins are not looked for (``PYDANTIC_DISABLE_PLUGINS``, unless set): a
    plugin (an observability hook another package installs) would watch moukit validate its
    spec, which no user of the command asks for, and looking through every installed
    package's entry points for one took 8 to 10 ms of every render.
    """
    import gc

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    gc.disable()
    code = main(argv)
    regex_cache = sys.modules.get("moukit.text.regex_cache")
    if regex_cache is not None:  # only a command that compiled patterns has any to keep
        regex_cache.save()
    os._exit(_flushed(code))


def _flushed(code: int) -> int:
    """Flush standard output and error before :func:`os._exit`; return the exit status.

    A reader that closed the pipe (``moukit forms | head``) changes nothing. Any other failure
    to write standard output (a full disk) is reported on standard error and gives exit
    status 2, never an ok or a check's verdict, since what was asked for was not written.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:
            pass
        except (OSError, ValueError) as exc:
            if stream is sys.stdout:
                code = EXIT_USAGE
                try:
                    err(_("error: {message}").format(message=exc))
                    sys.stderr.flush()
                except (OSError, ValueError):
                    pass
    return code


def error_data(exc, lang: str) -> dict:
    """A :class:`moukit.MoukitError` as JSON-ready data: its class, code, English message and
    hint, values, and (for a UI language other than English) the message and hint in it.

    >>> from moukit.errors import DraftError
    >>> from moukit.i18n import N_
    >>> data = error_data(DraftError("a.docx", N_("no such file")), "en")
    >>> data["error"], data["message"], data["params"], data["hint"]
    ('DraftError', 'a.docx: no such file', {'file': 'a.docx'}, None)
    """
    from ..errors import _how_to_fix

    def message(lang: str) -> str:  # without its "how to fix" line, given apart
        text = exc.in_language(lang)
        return text.removesuffix(_how_to_fix(exc.hint, lang)) if exc.hint else text

    data = {"error": type(exc).__name__, "code": exc.code, "message": message("en"),
            "params": exc.params, "hint": i18n.translate(exc.hint, "en") if exc.hint else None}
    if lang != "en":
        data[f"message_{lang}"] = message(lang)
        data[f"hint_{lang}"] = i18n.translate(exc.hint, lang) if exc.hint else None
    return data


if __name__ == "__main__":  # pragma: no cover
    console()
