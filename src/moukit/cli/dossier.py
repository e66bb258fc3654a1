"""``moukit dossier``: the approval dossier of a spec (request, plan, submission, checklist,
annual report) written to a folder or a ZIP, or ``--check``: what the checklist is missing."""

from __future__ import annotations

import argparse
import os

from ..i18n import N_, translate
from ..i18n import gettext as _
from ._common import EXIT_OK, err

EXIT_MISSING = 1


def _emblem(path: str | None) -> bytes:
    """The office's Garuda image (PNG or JPEG), or nothing."""
    if not path:
        return b""
    from ..errors import UsageError

    try:
        with open(path, "rb") as handle:
            data = handle.read(5_000_001)
    except OSError as exc:
        raise UsageError(N_("cannot read the emblem {path}: {error}", path=path, error=exc.strerror or exc),
                         hint=N_("give the path of the office's Garuda image (PNG or JPEG)")) from None
    if not (data.startswith(b"\x89PNG") or data.startswith(b"\xff\xd8")) or len(data) > 5_000_000:
        raise UsageError(N_("the emblem {path} is not a PNG or JPEG image of at most 5 MB", path=path),
                         hint=N_("give the path of the office's Garuda image (PNG or JPEG)"))
    return data


def run(args: argparse.Namespace) -> int:
    """Write the dossier, or with --check print the steps it is missing (exit 1 when any)."""
    from ..dossier import approval_dossier
    from ..spec.load import load_spec

    spec = load_spec(args.spec)
    found = approval_dossier(spec, args.draft, english=args.english, format=args.format,
                             emblem=b"" if args.check else _emblem(args.emblem))
    if args.check:
        for step in found.missing:
            notes = "; ".join(translate(n) for n in step.notes)
            print(_("step {number}: {title}: {notes}").format(number=step.number, title=translate(step.title),
                                                             notes=notes))
        if not found.missing:
            print(_("every step of the checklist is done"))
        return EXIT_MISSING if found.missing else EXIT_OK
    target = args.output or os.path.splitext(os.path.basename(args.spec))[0] + "-dossier"
    found.save(target, force=args.force)
    err(_("wrote {count} file(s) to {path}").format(count=len(found.entries), path=target))
    return EXIT_OK


def add(commands) -> None:
    """Register the command's sub-parser and its handler."""
    p = commands.add_parser(
        "dossier", help=_("write the approval dossier: request, plan, submission, checklist, report"),
        description=_("Write the documents of the approval path from SPEC (YAML with the dossier "
                      "sections: office, partner_background, plan, report): the governor's request "
                      "letters, the strategic plan, the submission of the draft, the checklist of the "
                      "eight steps and the annual report, with a table of contents. With --check, "
                      "print what the checklist is missing (exit 1 when something is)."),
    )
    p.add_argument("spec", metavar="SPEC", help=_("the spec file (YAML), see examples/"))
    p.add_argument("-o", "--output", metavar="DIR|ZIP",
                   help=_("a folder, or a file ending in .zip (default: SPEC's name with -dossier)"))
    p.add_argument("--draft", metavar="DRAFT",
                   help=_("the draft agreement to check and submit (its verdict or adjustments go "
                          "into the submission letter and the checklist)"))
    p.add_argument("--emblem", metavar="FILE",
                   help=_("the office's Garuda image (PNG or JPEG) for the letters; moukit ships none "
                          "(without it a box marks its place)"))
    p.add_argument("--english", action="store_true",
                   help=_("add the English working translation of the plan and the report (the spec "
                          "gives their texts as {th: ..., en: ...})"))
    p.add_argument("--format", choices=["docx", "pdf"], default="docx", help=_("output format"))
    p.add_argument("--check", action="store_true",
                   help=_("print what the checklist is missing; exit 0 when complete, 1 when not"))
    p.add_argument("--force", action="store_true",
                   help=_("replace files even if they are not unchanged moukit renderings of this spec"))
    p.set_defaults(func=run)
