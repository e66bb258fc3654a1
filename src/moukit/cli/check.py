"""``moukit check``: drafts checked against the standard form; the exit status is the verdict."""

from __future__ import annotations

import argparse
import os
import sys

from ..i18n import N_
from ..i18n import gettext as _
from ._common import err, runs_long, templates_option


def run(args: argparse.Namespace) -> int:
    """Check drafts against the standard form; the exit status is the verdict (0, 1 or 3).

    Several files are checked as the agreements they make up (a file per language of one
    agreement is one); a folder, or ``--batch``, checks each file on its own and prints a
    line per file."""
    from pathlib import Path

    from .._atomic import check_target
    from ..checking.batch import check_all, draft_files

    if args.redline and len(args.drafts) != 1:
        from ..errors import UsageError

        raise UsageError(N_("--redline works on one DOCX draft at a time"),
                          hint=N_("check the DOCX alone to get its redline"))
    drafts = draft_files(args.drafts)
    for path in (args.html, args.redline, args.csv):
        if path:
            check_target(path)
            _not_a_draft(path, drafts)
    separately = args.batch or any(Path(d).is_dir() for d in args.drafts)
    if separately or len(drafts) > 1:
        runs_long()
    batch = check_all(drafts, args.spec, separately=separately, templates=args.templates,
                      rules=args.rules, accept=args.accept)
    if separately or len(batch.reports) > 1:
        return _several(args, batch, separately)
    return _one(args, batch.reports[0], batch.analyses[0], drafts)


def _one(args: argparse.Namespace, report, analyses, drafts: list[str]) -> int:
    """The report of one agreement: terminal or JSON, and the HTML, redline and CSV asked for."""
    import json

    from .._atomic import write_all_atomic
    from ..checking.batch import Batch

    outputs = []  # everything is built, and every target checked, before anything is written
    if args.html:
        from ..checking.output.html import format_html

        outputs.append((args.html, format_html(report, analyses, lang=report_language(args)).encode("utf-8")))
    if args.redline:
        from ..checking.output.redline import write_redline

        outputs.append((args.redline, write_redline(drafts[0], analyses)))
    if args.csv:
        outputs.append((args.csv, Batch([report]).to_csv().encode("utf-8")))
    for path in write_all_atomic(outputs):
        err(_("wrote {path}").format(path=path))
    if args.json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(_terminal(args, report) + "\n")
    return exit_status(report, args.fail_on)


def _several(args: argparse.Namespace, batch, separately: bool) -> int:
    """Several agreements (or a batch of files): each report, or a line per file, then the
    summary; the exit status is the worst."""
    import json

    from .._atomic import write_all_atomic
    from ..checking.batch import summary
    from ..errors import UsageError

    if args.html or args.redline:
        raise UsageError(N_("--html and --redline work on one agreement at a time"),
                          hint=N_("check each agreement on its own to get its HTML report or redline"))
    if args.csv:
        for path in write_all_atomic([(args.csv, batch.to_csv().encode("utf-8"))]):
            err(_("wrote {path}").format(path=path))
    if args.json:
        sys.stdout.write(json.dumps(batch.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        if not separately:
            for report in batch.reports:
                sys.stdout.write(_terminal(args, report) + "\n\n")
        sys.stdout.write(summary(batch, report_language(args)) + "\n")
    codes = [exit_status(r, args.fail_on) for r in batch.reports] + [2 for _ in batch.errors]
    return max(codes, default=0)


def _terminal(args: argparse.Namespace, report) -> str:
    """One report for the terminal."""
    from ..checking.output.terminal import format_terminal

    color = args.color if args.color is not None else (
        sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    return format_terminal(report, color=color, show_editorial=args.editorial, lang=report_language(args))


def report_language(args: argparse.Namespace) -> str:
    """The language of the report: ``--report-lang``, else the interface's (``--ui-lang``
    or the locale)."""
    from ..i18n import get_language

    return args.report_lang or get_language()


def exit_status(report, fail_on: str | None) -> int:
    """The report's exit code, or 0 when its verdict is below ``fail_on`` (the route from
    which a verdict fails, as linters' --fail-on does)."""
    from ..checking.codes import ROUTES

    if fail_on and ROUTES.index(report.verdict) < ROUTES.index(fail_on):
        return 0
    return report.exit_code


def _not_a_draft(output: str, drafts: list[str]) -> None:
    """Refuse an output path that is one of the drafts being checked: outputs never destroy
    inputs."""
    from pathlib import Path

    from ..errors import UsageError

    target = Path(output)
    for draft in drafts:
        source = Path(draft)
        same = (target.resolve() == source.resolve()
                or (target.exists() and source.exists() and os.path.samefile(target, source)))
        if same:
            raise UsageError(N_("{path} is the draft being checked: it would be overwritten", path=output),
                             hint=N_("write the output to another file name"))


def add(commands) -> None:
    """Register the command's sub-parser and its handler."""
    p = commands.add_parser(
        "check", help=_("check a draft against the standard form before signing"),
        description=_("Check one or more drafts (DOCX, .txt or .md; one file with every language "
                      "version, or one file per language) against the standardized form. Exit "
                      "status: 0 standard form, 1 review needed (ministries or Council of State), "
                      "3 not permitted for a province, 2 bad input or out of memory, 4 an internal error."),
    )
    p.add_argument("drafts", metavar="DRAFT", nargs="+",
                   help=_("the draft file(s), or a folder of drafts (each checked on its own)"))
    p.add_argument("--batch", action="store_true",
                   help=_("check each file on its own and print a line per file (as for a folder)"))
    p.add_argument("--csv", metavar="OUT.csv",
                   help=_("also write a summary, a line per file, as CSV"))
    p.add_argument("--spec", metavar="SPEC", help=_("the spec with the intended values (YAML)"))
    p.add_argument("--json", action="store_true",
                   help=_("print the report as JSON (schema moukit.check-report v2, see docs/)"))
    p.add_argument("--html", metavar="OUT.html", help=_("also write a side-by-side HTML report"))
    p.add_argument("--redline", metavar="OUT.docx",
                   help=_("also write the draft with tracked changes back to the standard form"))
    p.add_argument("--rules", metavar="FILE", action="append", default=[],
                   help=_("an extra rule pack (YAML, same format as moukit/rules/default.yaml)"))
    p.add_argument("--accept", metavar="DIR", action="append", default=[],
                   help=_("a folder of translations a ministry approved (<DIR>/<lang>/loi.j2, "
                          "mou.j2): a version worded as one of them is the form; may be given "
                          "more than once"))
    p.add_argument("--fail-on", choices=("ministries", "council_of_state", "not_permitted"),
                   default=None,
                   help=_("the verdicts that fail: from this route up (default: every review, "
                          "exit 1 or 3); a verdict below it exits 0"))
    p.add_argument("--editorial", action="store_true",
                   help=_("also list the editorial differences that were ignored"))
    p.add_argument("--color", dest="color", action="store_true", default=None,
                   help=_("colour the report (default: when writing to a terminal)"))
    p.add_argument("--no-color", dest="color", action="store_false",
                   help=_("never colour the report"))
    p.add_argument("--report-lang", choices=("en", "th"), default=None,
                   help=_("language of the terminal and HTML reports (default: the interface "
                          "language, --ui-lang or the locale)"))
    templates_option(p)
    p.set_defaults(func=run)
