"""The dossier's documents as forms: a definition (``moukit/forms/dossier/<document>.yaml``:
clause ids, kinds and order, languages) and a template per language
(``moukit/packs/<lang>/dossier/<document>.j2``, one Jinja block per clause), rendered into the
same :class:`moukit.rendering.document.Document` as an agreement, so that every writer lays
them out alike.

>>> get_dossier_form("request").clause_ids[:4]
('emblem', 'number_office', 'date', 'subject')
>>> get_dossier_form("plan").languages
('th', 'en')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .._yaml import load_yaml
from ..errors import FormError, TemplateError
from ..i18n import N_
from ..packs.jinja import environment, template_line
from ..packs.library import builtin_templates_dir
from ..rendering.document import LETTER_KINDS, Clause, Document, Version, fingerprint
from ..text.formatting import to_thai_digits

DOCUMENTS = ("index", "request", "plan", "submission", "checklist", "report")
_KINDS = ("title", "paragraph", "numbered", "signature") + LETTER_KINDS
_KEEP = re.compile(r"\S+@\S+|\b\d\d-[a-z][\w.-]*")  # e-mail addresses, file names


@dataclass(frozen=True)
class DossierClause:
    """One clause of a dossier document: its id, kind and whether it may be left out."""

    id: str
    kind: str
    optional: bool = False


@dataclass(frozen=True)
class DossierForm:
    """A dossier document's definition: identity, languages and clauses in order."""

    id: str
    version: str
    document: str
    name: str
    languages: tuple[str, ...]
    clauses: tuple[DossierClause, ...]

    @property
    def clause_ids(self) -> tuple[str, ...]:
        """The clause ids in order."""
        return tuple(c.id for c in self.clauses)


@cache
def get_dossier_form(document: str) -> DossierForm:
    """The definition of the dossier ``document`` (one of :data:`DOCUMENTS`)."""
    name = f"dossier/{document}.yaml"
    data = load_yaml(resources.files("moukit.forms").joinpath(name).read_text("utf-8"))
    try:
        form = DossierForm(
            id=str(data["id"]), version=str(data["version"]), document=str(data["document"]),
            name=str(data["name"]), languages=tuple(data["languages"]),
            clauses=tuple(DossierClause(str(c["id"]), str(c["kind"]), bool(c.get("optional", False)))
                          for c in data["clauses"]))
    except (KeyError, TypeError) as exc:
        raise FormError(N_("form definition {source} is malformed: missing or wrong {error}",
                           source=name, error=exc)) from None
    unknown = [c.kind for c in form.clauses if c.kind not in _KINDS]
    if unknown or len(set(form.clause_ids)) != len(form.clause_ids):
        raise FormError(N_("form {source}: {problems}", source=name,
                           problems=", ".join(unknown) or N_("duplicate clause ids")))
    return form


def thai_text(text: str) -> str:
    """``text`` with Thai digits, but for e-mail addresses and file names (which keep theirs)."""
    out, pos = [], 0
    for match in _KEEP.finditer(text):
        out += [to_thai_digits(text[pos:match.start()]), match.group()]
        pos = match.end()
    return "".join(out + [to_thai_digits(text[pos:])])


def _template_path(lang: str, document: str) -> str:
    return str(builtin_templates_dir() / lang / "dossier" / f"{document}.j2")


def _blocks(env, template, name: str) -> dict:
    """The template's blocks with those it inherits (``{% extends %}``: the shared parts of
    the letters), the template's own first."""
    from jinja2 import meta

    source = env.loader.get_source(env, name)[0]
    parents = [p for p in meta.find_referenced_templates(env.parse(source)) if p]
    inherited: dict = {}
    for parent in parents:
        inherited.update(_blocks(env, env.get_template(parent), parent))
    return {**inherited, **template.blocks}


def render_version(form: DossierForm, lang: str, context: dict, digits: str = "thai") -> Version:
    """The ``lang`` version of ``form`` with ``context``: every clause's block rendered, lines
    stripped, optional clauses left out when empty, Thai digits in Thai."""
    from babel import Locale
    from jinja2 import TemplateError as JinjaError

    folder = str(builtin_templates_dir() / lang / "dossier")
    env = environment([folder], lang)
    path = _template_path(lang, form.document)
    template = env.get_template(f"{form.document}.j2")
    clauses = []
    try:
        ctx = template.new_context(context)
        blocks = _blocks(env, template, f"{form.document}.j2")
        for c in form.clauses:
            raw = "".join(blocks[c.id](ctx)).strip()
            text = "\n".join(line.strip(" ") for line in raw.split("\n"))
            if not text and c.optional:
                continue
            if lang == "th" and digits == "thai":
                text = thai_text(text)
            clauses.append(Clause(c.id, c.kind, None, text))
    except (JinjaError, ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as exc:
        raise TemplateError(N_("cannot render: {error}", error=exc), file=path,
                            line=template_line(exc, path, template)) from None
    locale = "th_TH" if lang == "th" else "en_GB"
    return Version(lang=lang, language_name=Locale.parse(locale).get_language_name(locale) or lang,
                   locale=locale, clauses=tuple(clauses), text_status="official" if lang == "th" else "unofficial")


def render_document(form: DossierForm, contexts: dict[str, dict], *, spec_sha256: str, date: str = "",
                    emblem: bytes = b"", digits: str = "thai") -> Document:
    """The document of ``form`` in each language of ``contexts`` (language -> context)."""
    versions = tuple(render_version(form, lang, ctx, digits) for lang, ctx in contexts.items())
    return Document(form_id=form.id, form_version=form.version, instrument=form.document,
                    versions=versions,
                    fingerprint=fingerprint(form.id, form.version, versions, "separate", spec_sha256),
                    signing_date=date, emblem=emblem)
