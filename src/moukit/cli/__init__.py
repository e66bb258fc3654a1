"""The ``moukit`` command line: write a spec, render it, check a draft, list the forms, print the schema.

Only the standard library is imported at module level so that ``moukit --help`` starts
fast; each command imports what it needs. Every :class:`moukit.MoukitError` becomes one
message on standard error (``moukit: error: ...``) and exit status 2, with no traceback
and no output file. Adding a command is one ``_add_<name>`` function listed in
``COMMANDS``: it registers its sub-parser and sets ``func`` to its handler.

Exit status: 0 ok (check: standard form), 1 (check: review needed), 3 (check: not
permitted), 2 bad input or usage, 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys

from ..rendering.writers import FORMATS, format_of_suffix
from ..rendering.writers._common import LAYOUTS
from . import i18n
from .i18n import gettext as _

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

DEFAULT_FORMAT = "docx"
STDOUT = "-"


def _err(message: str) -> None:
    print(f"moukit: {message}", file=sys.stderr)


class _HelpFormatter(argparse.HelpFormatter):
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


class _Parser(argparse.ArgumentParser):
    """argparse's parser with its own headings, -h help and error prefix from the catalog."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=_("show this help message and exit"))

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, _("{prog}: error: {message}").format(prog=self.prog, message=message)
                  + "\n")


def _templates_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--templates", metavar="DIR", action="append", default=[],
        help=_("a folder of language packs (<DIR>/<lang>/lexicon.yaml, loi.j2, mou.j2) used "
               "before the shipped ones; may be given more than once"),
    )


# ---------------------------------------------------------------- render


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
                _("cannot tell the format from the output name '{name}'").format(name=args.output),
                hint=_("add --format ({formats}) or use a known suffix").format(
                    formats=", ".join(FORMATS)),
            )
    return DEFAULT_FORMAT


def _languages(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [lang.strip() for lang in value.split(",")]


def cmd_render(args: argparse.Namespace) -> int:
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
            languages=_languages(args.lang),
            layout=args.layout,
            templates=args.templates,
            thai_digits=args.thai_digits,
        )
    except LanguageNotAvailable as exc:  # name the spec file the language comes from
        raise LanguageNotAvailable(f"{args.spec}: {exc.message}", hint=exc.hint) from None
    for notice in result.notices:
        _err(_("warning: {notice}").format(notice=notice))
    if args.output == STDOUT:
        sys.stdout.buffer.write(result.data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    stem = os.path.splitext(os.path.basename(args.spec))[0]
    path = args.output or stem + FORMATS[fmt].suffix
    result.save(path)
    _err(_("wrote {path} ({languages}; {format}, {layout})").format(
        path=path, languages=", ".join(result.document.languages), format=fmt, layout=args.layout))
    return EXIT_OK


def _add_render(commands) -> None:
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
    _templates_option(p)
    p.add_argument("--thai-digits", action="store_true",
                   help=_("write numbers in the Thai version with Thai digits"))
    p.set_defaults(func=cmd_render)


# ---------------------------------------------------------------- forms


def _forms_text(data: dict) -> str:
    lines: list[str] = []
    for form in data["forms"]:
        lines.append(_("{name} ({instrument}): {id} version {version}").format(
            name=form["name"], instrument=form["instrument"], id=form["id"], version=form["version"]))
        lines.append("  " + _("clauses:") + " " + " ".join(c["id"] for c in form["clauses"]))
        lines.append("  " + _("alternatives (* = default, + = another wording allowed as a variant):"))
        for name, alt in form["alternatives"].items():
            options = " | ".join(("*" if o == alt["default"] else "") + o for o in alt["options"])
            lines.append(f"    {name}{' +' if alt['other_wording_allowed'] else ''}: {options}")
        if form["options"]:
            lines.append("  " + _("options:"))
            for name, opt in form["options"].items():
                lines.append(f"    {name}: {opt['description']}")
                for key, choice in opt["choices"].items():
                    mark = " " + _("[RECONSTRUCTED, not official wording]") if choice["reconstructed"] else ""
                    lines.append(f"      {key}{mark}")
        lines.append("  " + _("template variables:") + " " + ", ".join(form["template_variables"]))
        lines.append("")
    vocab = data["vocabularies"]
    lines.append(_("fields of cooperation:"))
    width = max(len(k) for k in vocab["fields"])
    lines += [f"  {key:<{width}}  {text}" for key, text in vocab["fields"].items()]
    lines.append("")
    lines.append(_("partner levels (equal = equal to or above a Thai province; lower = exception needed):"))
    width = max(len(k) for k in vocab["partner_levels"])
    lines += [f"  {key:<{width}}  {rank}" for key, rank in vocab["partner_levels"].items()]
    lines.append("")
    lines.append(_("languages:") + " " + ", ".join(data["languages"]))
    return "\n".join(lines) + "\n"


def cmd_forms(args: argparse.Namespace) -> int:
    """List the forms, their clauses, alternatives and options, the vocabularies and languages."""
    from ..reference.describe import forms_data

    data = forms_data(args.templates)
    if args.json:
        import json

        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(_forms_text(data))
    return EXIT_OK


def _add_forms(commands) -> None:
    p = commands.add_parser(
        "forms", help=_("list the forms, alternatives, vocabularies and languages"),
        description=_("List the standardized forms (clause ids, listed alternatives, options), "
                      "the fields of cooperation, the partner levels and the languages available."),
    )
    p.add_argument("--json", action="store_true", help=_("print JSON for other tools"))
    _templates_option(p)
    p.set_defaults(func=cmd_forms)


# ---------------------------------------------------------------- schema


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of a spec file (sorted keys: stable output)."""
    import json

    from ..spec.models import spec_json_schema

    sys.stdout.write(json.dumps(spec_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return EXIT_OK


def _add_schema(commands) -> None:
    p = commands.add_parser(
        "schema", help=_("print the JSON Schema of a spec file"),
        description=_("Print the JSON Schema of a spec file, e.g. for an editor that checks YAML."),
    )
    p.set_defaults(func=cmd_schema)


# ---------------------------------------------------------------- check


def cmd_check(args: argparse.Namespace) -> int:
    """Check drafts against the standard form; the exit status is the verdict (0, 1 or 3)."""
    import json

    from .._atomic import check_target, write_all_atomic
    from ..checking.pipeline import check_detailed

    if args.redline and len(args.drafts) != 1:
        from ..errors import UsageError

        raise UsageError(_("--redline works on one DOCX draft at a time"),
                          hint=_("check the DOCX alone to get its redline"))
    for path in (args.html, args.redline):
        if path:
            check_target(path)
    report, analyses = check_detailed(args.drafts, args.spec, templates=args.templates,
                                      rules=args.rules)
    outputs = []  # everything is built, and every target checked, before anything is written
    if args.html:
        from ..checking.output.html import format_html

        outputs.append((args.html, format_html(report, analyses).encode("utf-8")))
    if args.redline:
        from ..checking.output.redline import write_redline

        outputs.append((args.redline, write_redline(args.drafts[0], analyses)))
    for path in write_all_atomic(outputs):
        _err(_("wrote {path}").format(path=path))
    if args.json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        from ..checking.output.terminal import format_terminal

        color = args.color if args.color is not None else (
            sys.stdout.isatty() and "NO_COLOR" not in os.environ)
        sys.stdout.write(format_terminal(report, color=color, show_editorial=args.editorial,
                                         lang=args.report_lang) + "\n")
    return report.exit_code


def _add_check(commands) -> None:
    p = commands.add_parser(
        "check", help=_("check a draft against the standard form before signing"),
        description=_("Check one or more drafts (DOCX, .txt or .md; one file with every language "
                      "version, or one file per language) against the standardized form. Exit "
                      "status: 0 standard form, 1 review needed (ministries or Council of State), "
                      "3 not permitted for a province, 2 bad input."),
    )
    p.add_argument("drafts", metavar="DRAFT", nargs="+", help=_("the draft file(s)"))
    p.add_argument("--spec", metavar="SPEC", help=_("the spec with the intended values (YAML)"))
    p.add_argument("--json", action="store_true",
                   help=_("print the report as JSON (schema moukit.check-report v1, see docs/)"))
    p.add_argument("--html", metavar="OUT.html", help=_("also write a side-by-side HTML report"))
    p.add_argument("--redline", metavar="OUT.docx",
                   help=_("also write the draft with tracked changes back to the standard form"))
    p.add_argument("--rules", metavar="FILE", action="append", default=[],
                   help=_("an extra rule pack (YAML, same format as moukit/rules/default.yaml)"))
    p.add_argument("--editorial", action="store_true",
                   help=_("also list the editorial differences that were ignored"))
    p.add_argument("--color", dest="color", action="store_true", default=None,
                   help=_("colour the report (default: when writing to a terminal)"))
    p.add_argument("--no-color", dest="color", action="store_false",
                   help=_("never colour the report"))
    p.add_argument("--report-lang", choices=("en", "th"), default="en",
                   help=_("language of the rationale in the terminal report"))
    _templates_option(p)
    p.set_defaults(func=cmd_check)



# ---------------------------------------------------------------- init

INIT_OUTPUT = "spec.yaml"


def _init_given(args: argparse.Namespace) -> dict[str, str]:
    """The answers given as options, as text, keyed like the questions."""
    from .interview import QUESTIONS

    return {q.key: getattr(args, q.key) for q in QUESTIONS if getattr(args, q.key) is not None}


def _refuse_overwrite(path: str, force: bool) -> None:
    if not force and os.path.lexists(path):
        from ..errors import OutputError

        raise OutputError(_("{path} already exists").format(path=path),
                          hint=_("add --force to replace it, or choose another name with -o"))


def _say(text: str) -> None:
    print(text, flush=True)


def _ask(prompt: str) -> str:
    return input(prompt)


def _with_completion(key: str, answers: dict) -> None:
    """Let Tab complete the answer to ``key`` when a person types at a terminal."""
    if not sys.stdin.isatty():
        return
    try:
        import readline
    except ImportError:  # pragma: no cover - e.g. Windows without pyreadline
        return
    from .interview import completer_words

    words = completer_words(key, answers)

    def complete(text: str, state: int):
        found = [w for w in words if w.casefold().startswith(text.casefold())]
        return found[state] if state < len(found) else None

    # Field ids are completed one by one after each comma; other answers (e.g. "Chiang Mai",
    # which has a space) as a whole line.
    readline.set_completer_delims(", " if key == "fields" else "")
    readline.set_completer(complete)
    readline.parse_and_bind("tab: complete")


def cmd_init(args: argparse.Namespace) -> int:
    """Ask the questions (or read them from options) and write a commented, validated spec."""
    from .._atomic import write_atomic
    from ..errors import UsageError
    from ..spec.load import parse_spec
    from . import interview as init

    ui_lang = i18n.get_language()
    _refuse_overwrite(args.output, args.force)
    answers, errors = init.parse_given(_init_given(args))
    if args.non_interactive:
        problems = [f"{init.option_name(e.key)}: {e}" for e in errors]
        lacking = init.missing(answers)
        if lacking:
            problems.append(_("missing answers: {options}").format(
                options=" ".join(init.option_name(k) for k in lacking)))
        if problems:
            raise UsageError("\n  ".join(problems),
                              hint=_("give every answer as an option (see moukit init --help), "
                                     "or leave out --non-interactive to be asked"))
    else:
        for error in errors:
            _say(f"{init.option_name(error.key)}: {error}")
        _say(_("Answer each question; press Enter to take the value in brackets."))
        answers = init.interview(answers, _ask, _say, ui_lang, on_question=_with_completion)
    answers["draft"] = args.draft
    spec = init.build_spec(answers)
    text = init.spec_yaml(spec, ui_lang)
    parse_spec(text, file=args.output)  # the file written is one moukit accepts
    from ..packs.library import default_library

    if spec["partner"]["language"] not in default_library().available():
        _err(_("warning: no templates for language '{lang}' yet: rendering needs a language "
               "pack given with --templates DIR").format(lang=spec["partner"]["language"]))
    _refuse_overwrite(args.output, args.force)
    write_atomic(args.output, text.encode("utf-8"))
    _err(_("wrote {path}").format(path=args.output))
    _err(_("next: moukit render {path}").format(path=args.output))
    return EXIT_OK


def _add_init(commands) -> None:
    from .interview import QUESTIONS, option_name

    p = commands.add_parser(
        "init", help=_("write a new spec by answering questions"),
        description=_("Ask for the values of a new agreement (in Thai or English) and write a "
                      "commented spec file that 'moukit render' accepts. Every answer may also "
                      "be given as an option; with --non-interactive nothing is asked and a "
                      "missing answer is an error."),
    )
    p.add_argument("-o", "--output", metavar="PATH", default=INIT_OUTPUT,
                   help=_("the spec file to write (default: spec.yaml)"))
    p.add_argument("--force", action="store_true", help=_("replace an existing file"))
    p.add_argument("--non-interactive", action="store_true",
                   help=_("ask nothing: take every answer from the options"))
    p.add_argument("--ui-lang", choices=i18n.UI_LANGUAGES, default=argparse.SUPPRESS,
                   help=_("language of the questions and of the comments in the file"))
    p.add_argument("--draft", action="store_true", help=_("print the form's \"(Draft)\" marker"))
    group = p.add_argument_group(_("answers"))
    language = {"en": _("English"), "th": _("Thai"), "other": _("the partner's language")}
    for question in QUESTIONS:
        text = _(question.prompt)
        if "{language}" in text:
            text = text.format(language=language[question.key.rsplit("_", 1)[1]])
        if question.kind == "choice" and question.key not in ("instrument", "level"):
            text += " " + _("(default: the form's; 'moukit forms' lists the values)")
        metavar = {"fields": "IDS", "date": "YYYY-MM-DD", "term": "open|N"}.get(question.key, "TEXT")
        if question.kind in ("choice", "country", "language"):
            metavar = "CODE"
        group.add_argument(option_name(question.key), dest=question.key, metavar=metavar,
                           help=text)
    p.set_defaults(func=cmd_init)


# ---------------------------------------------------------------- main

COMMANDS = (_add_init, _add_render, _add_check, _add_forms, _add_schema)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command of ``COMMANDS``."""
    from .._version import __version__

    parser = _Parser(
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
    for add in COMMANDS:
        add(commands)
    return parser


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
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) and usage errors (2)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    from ..errors import MoukitError

    try:
        return args.func(args)
    except MoukitError as exc:
        _err(_("error: {message}").format(message=exc))
        return exc.exit_code
    except KeyboardInterrupt:
        _err(_("interrupted"))
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. `moukit forms | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
