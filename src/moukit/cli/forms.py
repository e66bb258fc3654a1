"""``moukit forms``: the forms, alternatives, variants, vocabularies and languages."""

from __future__ import annotations

import argparse
import sys

from ..i18n import get_language, translate
from ..i18n import gettext as _
from ._common import EXIT_OK, templates_option


def _in_thai(data: dict) -> dict:
    """``data`` with the texts a person reads in Thai: each form's name (from the catalog),
    each option's description (``description_th`` of the form definition) and the fields of
    cooperation (the shipped Thai pack's wording, as ``moukit init`` shows them)."""
    import copy

    from ..forms import get_form
    from ..packs.library import default_library

    data = copy.deepcopy(data)
    thai_fields = default_library().pack("th").lexicon.get("fields") or {}
    for form in data["forms"]:
        form["name"] = translate(form["name"], "th")
        variants = get_form(form["instrument"]).variants
        for name, option in form["options"].items():
            option["description"] = variants[name].description_th or option["description"]
    fields = data["vocabularies"]["fields"]
    data["vocabularies"]["fields"] = {key: thai_fields.get(key, text) for key, text in fields.items()}
    return data


def _forms_text(data: dict) -> str:
    if get_language() == "th":
        data = _in_thai(data)
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
    lines.append(_("languages:"))
    status_words = {"official": _("the official text"),
                    "unofficial": _("moukit's translation, not official"),
                    "user": _("your own text")}
    for lang, pack in data["language_packs"].items():
        version = " " + pack["version"] if pack["version"] else ""
        lines.append(f"  {lang}{version}  {status_words[pack['status']]}")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """List the forms, their clauses, alternatives and options, the vocabularies and languages."""
    from ..reference.describe import forms_data

    data = forms_data(args.templates)
    if args.json:
        import json

        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(_forms_text(data))
    return EXIT_OK


def add(commands) -> None:
    """Register the command's sub-parser and its handler."""
    p = commands.add_parser(
        "forms", help=_("list the forms, alternatives, vocabularies and languages"),
        description=_("List the standardized forms (clause ids, listed alternatives, options), "
                      "the fields of cooperation, the partner levels and the languages available."),
    )
    p.add_argument("--json", action="store_true", help=_("print JSON for other tools"))
    templates_option(p)
    p.set_defaults(func=run)
