"""The ``moukit`` command line: render a spec, check a draft, list the forms, print the schema.

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

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

# Output suffix -> format, to infer --format from -o.
SUFFIX_FORMATS = {
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".markdown": "md",
    ".txt": "txt",
    ".text": "txt",
    ".json": "json",
}
FORMAT_CHOICES = ("docx", "html", "md", "txt", "json")
LAYOUT_CHOICES = ("separate", "parallel")
DEFAULT_FORMAT = "docx"
STDOUT = "-"


def _err(message: str) -> None:
    print(f"moukit: {message}", file=sys.stderr)


def _templates_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--templates", metavar="DIR", action="append", default=[],
        help="a folder of language packs (<DIR>/<lang>/lexicon.yaml, loi.j2, mou.j2) used "
             "before the shipped ones; may be given more than once",
    )


# ---------------------------------------------------------------- render


def _output_format(args: argparse.Namespace) -> str:
    """The format asked for, else the one -o's suffix names, else docx."""
    if args.format:
        return args.format
    if args.output and args.output != STDOUT:
        suffix = os.path.splitext(args.output)[1].lower()
        if suffix in SUFFIX_FORMATS:
            return SUFFIX_FORMATS[suffix]
        if suffix:
            from .errors import MoukitError

            raise MoukitError(
                f"cannot tell the format from the output name {args.output!r}",
                hint=f"add --format ({', '.join(FORMAT_CHOICES)}) or use a known suffix",
            )
    return DEFAULT_FORMAT


def _languages(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [lang.strip() for lang in value.split(",")]


def cmd_render(args: argparse.Namespace) -> int:
    """Render a spec to a file (or standard output) and print its notices as warnings."""
    from .rendering import FORMATS, render
    from .specfile import load_spec

    fmt = _output_format(args)
    spec = load_spec(args.spec)
    result = render(
        spec,
        fmt,
        languages=_languages(args.lang),
        layout=args.layout,
        templates=args.templates,
        thai_digits=args.thai_digits,
    )
    for notice in result.notices:
        _err(f"warning: {notice}")
    if args.output == STDOUT:
        sys.stdout.buffer.write(result.data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    stem = os.path.splitext(os.path.basename(args.spec))[0]
    path = args.output or stem + FORMATS[fmt][0]
    result.save(path)
    _err(f"wrote {path} ({', '.join(result.document.languages)}; {fmt}, {args.layout})")
    return EXIT_OK


def _add_render(commands) -> None:
    p = commands.add_parser(
        "render", help="render a spec into the standardized LOI or MOU",
        description="Render SPEC (YAML) into the standardized form in Thai, the partner's "
                    "language and English. Without -o the file is written to the current "
                    "folder, named after SPEC (e.g. chiang-mai-hokkaido.docx).",
    )
    p.add_argument("spec", metavar="SPEC", help="the spec file (YAML), see examples/")
    p.add_argument("-o", "--output", metavar="PATH",
                   help="output file; '-' writes to standard output")
    p.add_argument("--format", choices=FORMAT_CHOICES,
                   help="output format (default: from -o's suffix, else docx)")
    p.add_argument("--lang", metavar="LANGS",
                   help="comma-separated languages to include, e.g. th,en (default: all three)")
    p.add_argument("--layout", choices=LAYOUT_CHOICES, default="separate",
                   help="one language after another, or clause by clause side by side")
    _templates_option(p)
    p.add_argument("--thai-digits", action="store_true",
                   help="write numbers in the Thai version with Thai digits")
    p.set_defaults(func=cmd_render)


# ---------------------------------------------------------------- forms


def template_variables(library, instrument: str) -> list[str]:
    """The variables the English template of ``instrument`` reads (all languages read the same)."""
    from pathlib import Path

    from jinja2 import meta

    pack = library.pack("en")
    template = pack.template(instrument)
    source = Path(pack.template_file(instrument)).read_text("utf-8")
    return sorted(meta.find_undeclared_variables(template.environment.parse(source)))


def forms_data(templates=()) -> dict:
    """Everything ``moukit forms`` reports, as JSON-ready data."""
    from . import __version__
    from .forms import all_forms
    from .spec import vocabulary
    from .templates import TemplateLibrary

    library = TemplateLibrary(templates)
    forms = []
    for form in all_forms():
        reconstructed = {r.get("option") for r in form.reconstructed}
        forms.append({
            "id": form.id,
            "version": form.version,
            "instrument": form.instrument,
            "name": form.name,
            "clauses": [{"id": c.id, "kind": c.kind, "number": c.number} for c in form.clauses],
            "alternatives": {
                alt.name: {
                    "options": list(alt.options),
                    "default": alt.default,
                    "other_wording_allowed": alt.tolerates_other,
                    "description": alt.description,
                }
                for alt in form.alternatives.values()
            },
            "options": {
                name: {
                    "description": opt.get("description", ""),
                    "choices": {
                        key: {
                            "description": " ".join(str(text).split()),
                            "reconstructed": key in reconstructed,
                        }
                        for key, text in (opt.get("choices") or {}).items()
                    },
                }
                for name, opt in form.options.items()
            },
            "reconstructed": [dict(r) for r in form.reconstructed],
            "template_variables": template_variables(library, form.instrument),
        })
    vocab = vocabulary()
    return {
        "moukit_version": __version__,
        "forms": forms,
        "vocabularies": {
            "fields": dict(vocab["fields"]),
            "partner_levels": dict(vocab["partner_levels"]),
            "provincial_levels": list(vocab.get("provincial_levels", [])),
        },
        "languages": library.available(),
    }


def _forms_text(data: dict) -> str:
    lines: list[str] = []
    for form in data["forms"]:
        lines.append(f"{form['name']} ({form['instrument']}): {form['id']} version {form['version']}")
        lines.append("  clauses: " + " ".join(c["id"] for c in form["clauses"]))
        lines.append("  alternatives (* = default, + = another wording allowed as a variant):")
        for name, alt in form["alternatives"].items():
            options = " | ".join(("*" if o == alt["default"] else "") + o for o in alt["options"])
            lines.append(f"    {name}{' +' if alt['other_wording_allowed'] else ''}: {options}")
        if form["options"]:
            lines.append("  options:")
            for name, opt in form["options"].items():
                lines.append(f"    {name}: {opt['description']}")
                for key, choice in opt["choices"].items():
                    mark = " [RECONSTRUCTED, not official wording]" if choice["reconstructed"] else ""
                    lines.append(f"      {key}{mark}")
        lines.append("  template variables: " + ", ".join(form["template_variables"]))
        lines.append("")
    vocab = data["vocabularies"]
    lines.append("fields of cooperation:")
    width = max(len(k) for k in vocab["fields"])
    lines += [f"  {key:<{width}}  {text}" for key, text in vocab["fields"].items()]
    lines.append("")
    lines.append("partner levels (equal = equal to or above a Thai province; lower = exception needed):")
    width = max(len(k) for k in vocab["partner_levels"])
    lines += [f"  {key:<{width}}  {rank}" for key, rank in vocab["partner_levels"].items()]
    lines.append("")
    lines.append("languages: " + ", ".join(data["languages"]))
    return "\n".join(lines) + "\n"


def cmd_forms(args: argparse.Namespace) -> int:
    """List the forms, their clauses, alternatives and options, the vocabularies and languages."""
    data = forms_data(args.templates)
    if args.json:
        import json

        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(_forms_text(data))
    return EXIT_OK


def _add_forms(commands) -> None:
    p = commands.add_parser(
        "forms", help="list the forms, alternatives, vocabularies and languages",
        description="List the standardized forms (clause ids, listed alternatives, options), "
                    "the fields of cooperation, the partner levels and the languages available.",
    )
    p.add_argument("--json", action="store_true", help="print JSON for other tools")
    _templates_option(p)
    p.set_defaults(func=cmd_forms)


# ---------------------------------------------------------------- schema


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of a spec file (sorted keys: stable output)."""
    import json

    from .spec import spec_json_schema

    sys.stdout.write(json.dumps(spec_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return EXIT_OK


def _add_schema(commands) -> None:
    p = commands.add_parser(
        "schema", help="print the JSON Schema of a spec file",
        description="Print the JSON Schema of a spec file, e.g. for an editor that checks YAML.",
    )
    p.set_defaults(func=cmd_schema)


# ---------------------------------------------------------------- check


def cmd_check(args: argparse.Namespace) -> int:
    """Check drafts against the standard form; the exit status is the verdict (0, 1 or 3)."""
    import json

    from .atomic import write_atomic
    from .checker import check_detailed

    if args.redline and len(args.drafts) != 1:
        from .errors import MoukitError

        raise MoukitError("--redline works on one DOCX draft at a time",
                          hint="check the DOCX alone to get its redline")
    report, analyses = check_detailed(args.drafts, args.spec, templates=args.templates,
                                      rules=args.rules)
    outputs = []  # everything is built before anything is written
    if args.html:
        from .reportfmt import format_html

        outputs.append((args.html, format_html(report, analyses).encode("utf-8")))
    if args.redline:
        from .redline import write_redline

        outputs.append((args.redline, write_redline(args.drafts[0], analyses)))
    for path, data in outputs:
        write_atomic(path, data)
        _err(f"wrote {path}")
    if args.json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        from .reportfmt import format_terminal

        color = args.color if args.color is not None else (
            sys.stdout.isatty() and "NO_COLOR" not in os.environ)
        sys.stdout.write(format_terminal(report, color=color, show_editorial=args.editorial,
                                         lang=args.report_lang) + "\n")
    return report.exit_code


def _add_check(commands) -> None:
    p = commands.add_parser(
        "check", help="check a draft against the standard form before signing",
        description="Check one or more drafts (DOCX, .txt or .md; one file with every language "
                    "version, or one file per language) against the standardized form. Exit "
                    "status: 0 standard form, 1 review needed (ministries or Council of State), "
                    "3 not permitted for a province, 2 bad input.",
    )
    p.add_argument("drafts", metavar="DRAFT", nargs="+", help="the draft file(s)")
    p.add_argument("--spec", metavar="SPEC", help="the spec with the intended values (YAML)")
    p.add_argument("--json", action="store_true",
                   help="print the report as JSON (schema moukit.check-report v1, see docs/)")
    p.add_argument("--html", metavar="OUT.html", help="also write a side-by-side HTML report")
    p.add_argument("--redline", metavar="OUT.docx",
                   help="also write the draft with tracked changes back to the standard form")
    p.add_argument("--rules", metavar="FILE", action="append", default=[],
                   help="an extra rule pack (YAML, same format as moukit/rules/default.yaml)")
    p.add_argument("--editorial", action="store_true",
                   help="also list the editorial differences that were ignored")
    p.add_argument("--color", dest="color", action="store_true", default=None,
                   help="colour the report (default: when writing to a terminal)")
    p.add_argument("--no-color", dest="color", action="store_false")
    p.add_argument("--report-lang", choices=("en", "th"), default="en",
                   help="language of the rationale in the terminal report")
    _templates_option(p)
    p.set_defaults(func=cmd_check)


# ---------------------------------------------------------------- main

COMMANDS = (_add_render, _add_check, _add_forms, _add_schema)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command of ``COMMANDS``."""
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="moukit",
        description="Write the standardized sister-city Letter of Intent and Memorandum of "
                    "Understanding of Thai provinces, in Thai, the partner's language and English.",
    )
    parser.add_argument("--version", action="version", version=f"moukit {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in COMMANDS:
        add(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
    os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) and usage errors (2)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    from .errors import MoukitError

    try:
        return args.func(args)
    except MoukitError as exc:
        _err(f"error: {exc}")
        return exc.exit_code
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. `moukit forms | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
