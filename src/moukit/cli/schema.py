"""``moukit schema``: the JSON Schema of a spec file."""

from __future__ import annotations

import argparse
import sys

from ..i18n import gettext as _
from ._common import EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Print the JSON Schema of a spec file (sorted keys: stable output)."""
    import json

    from ..spec.models import spec_json_schema

    sys.stdout.write(json.dumps(spec_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return EXIT_OK


def add(commands) -> None:
    """Register the command's sub-parser and its handler."""
    p = commands.add_parser(
        "schema", help=_("print the JSON Schema of a spec file"),
        description=_("Print the JSON Schema of a spec file, e.g. for an editor that checks YAML."),
    )
    p.set_defaults(func=run)
