"""``moukit init``: the questions asked (or read from options) and a commented spec written."""

from __future__ import annotations

import argparse
import os
import sys

from .. import i18n
from ..i18n import N_, Joined, translate
from ..i18n import gettext as _
from ._common import EXIT_OK, err

INIT_OUTPUT = "spec.yaml"


def _init_given(args: argparse.Namespace) -> dict[str, str]:
    """The answers given as options, as text, keyed like the questions."""
    from ..spec.interview import QUESTIONS

    return {q.key: getattr(args, q.key) for q in QUESTIONS if getattr(args, q.key) is not None}


def _refuse_overwrite(path: str, force: bool) -> None:
    if not force and os.path.lexists(path):
        from ..errors import OutputError

        raise OutputError(N_("{path} already exists", path=path),
                          hint=N_("add --force to replace it, or choose another name with -o"))


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
    from ..spec.interview import completer_words

    words = completer_words(key, answers)

    def complete(text: str, state: int):
        found = [w for w in words if w.casefold().startswith(text.casefold())]
        return found[state] if state < len(found) else None

    # Field ids are completed one by one after each comma; other answers (e.g. "Chiang Mai",
    # which has a space) as a whole line.
    readline.set_completer_delims(", " if key == "fields" else "")
    readline.set_completer(complete)
    readline.parse_and_bind("tab: complete")


def run(args: argparse.Namespace) -> int:
    """Ask the questions (or read them from options) and write a commented, validated spec."""
    from .._atomic import write_atomic
    from ..errors import UsageError
    from ..spec import interview as init
    from ..spec.load import parse_spec

    ui_lang = i18n.get_language()
    _refuse_overwrite(args.output, args.force)
    given = _init_given(args)
    answers, errors = init.parse_given(given)
    for key, value in answers.items():  # what an option written as a name or a Thai date was read as
        read = init.echo(key, given[key], value)
        if read is not None:
            err(_("{option}: {read}").format(option=init.option_name(key), read=translate(read, ui_lang)))
    if args.non_interactive:
        problems: list[object] = [N_("{option}: {problem}", option=init.option_name(e.key),
                                     problem=init.problem_message(e)) for e in errors]
        invalid = {e.key for e in errors}  # given, but not valid: not "missing"
        lacking = [k for k in init.missing(answers) if k not in invalid]
        if lacking:
            problems.append(N_("missing answers: {options}",
                               options=" ".join(init.option_name(k) for k in lacking)))
        if problems:
            raise UsageError(Joined(problems, "\n  "),
                              hint=N_("give every answer as an option (see moukit init --help), "
                                      "or leave out --non-interactive to be asked"))
    else:
        for error in errors:
            _say(f"{init.option_name(error.key)}: {init.problem_text(error, ui_lang)}")
        _say(_("Answer each question; press Enter to take the value in brackets."))
        answers = init.interview(answers, _ask, _say, ui_lang, on_question=_with_completion)
    answers["draft"] = args.draft
    spec = init.build_spec(answers)
    text = init.spec_yaml(spec, ui_lang)
    parse_spec(text, file=args.output)  # the file written is one moukit accepts
    from ..packs.library import default_library

    if spec["partner"]["language"] not in default_library().available():
        err(_("warning: no templates for language '{lang}' yet: render Thai and English with "
               "--lang th,en, or make a pack with moukit pack new {lang} (then --templates DIR)"
               ).format(lang=spec["partner"]["language"]))
    _refuse_overwrite(args.output, args.force)
    write_atomic(args.output, text.encode("utf-8"))
    err(_("wrote {path}").format(path=args.output))
    err(_("next: moukit render {path}").format(path=args.output))
    return EXIT_OK


def add(commands) -> None:
    """Register the command's sub-parser and its handler (the answers' options are added when
    the sub-parser is used: they need the questions, a slower import)."""
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
    p.defer(_add_answers)
    p.set_defaults(func=run)


def _add_answers(p: argparse.ArgumentParser) -> None:
    """One option per question of the interview (``--province``, ``--partner-en``...)."""
    from ..spec.interview import QUESTIONS, option_name

    group = p.add_argument_group(_("answers"))
    language = {"en": _("English"), "th": _("Thai"), "other": _("the partner's language")}
    for question in QUESTIONS:
        text = _(question.prompt)
        if "{language}" in text:
            text = text.format(language=language[question.key.rsplit("_", 1)[1]])
        if question.kind == "choice" and question.key not in ("instrument", "level"):
            text += " " + _("(default: the form's; 'moukit forms' lists the values)")
        metavar = {"fields": "IDS", "date": "DATE", "term": "open|N"}.get(question.key, "TEXT")
        if question.kind == "choice":
            metavar = "ID"
        elif question.kind in ("country", "language"):
            metavar = "CODE"
        group.add_argument(option_name(question.key), dest=question.key, metavar=metavar,
                           help=text)
