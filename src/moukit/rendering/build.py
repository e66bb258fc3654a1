"""Render a spec into the standardized form, in every language of the document.

A spec becomes a :class:`moukit.rendering.document.Document` (every clause in every language, from the
language packs), which a writer lays out as DOCX, HTML, Markdown, text or JSON::

    result = moukit.render(spec, format="docx", languages=["th", "en", "zh"])
    result.save("mou.docx")  # atomic: the file appears complete or not at all
"""

from __future__ import annotations

import hashlib
import json
import warnings
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable, Iterable

from .._args import LanguagesArg, PathsArg, SpecArg, SpecModel, languages_of, paths_of, spec_of
from .._atomic import write_atomic
from ..errors import LanguageNotAvailable, OutputError, UsageError
from ..i18n import N_
from ..packs.library import TemplateLibrary
from ..spec.notices import Notice, spec_notices
from ..text import cldr
from ..text.formatting import to_native_digits, to_thai_digits
from . import DIGITS
from .document import Clause, Document, Version, fingerprint
from .writers import FORMATS, LAYOUTS


@dataclass(frozen=True)
class Rendering:
    """A rendered agreement: the bytes of one format, the document model and the notices."""

    data: bytes
    format: str
    document: Document
    layout: str

    @property
    def notices(self) -> tuple[Notice, ...]:
        """Warnings carried by the spec (non-province party, lower-level partner, variants)."""
        return self.document.notices

    @property
    def suffix(self) -> str:
        """The usual file suffix of the format, e.g. ``.docx``."""
        return FORMATS[self.format].suffix

    @property
    def media_type(self) -> str:
        """The MIME type of the format."""
        return FORMATS[self.format].media_type

    def save(self, path: str | Path, *, force: bool = False) -> Path:
        """Write the file atomically: it appears complete or not at all.

        A file already at ``path`` is replaced only when it is a moukit rendering of the same
        spec that nobody changed since (:mod:`moukit.rendering.replace`), or with ``force``;
        otherwise :class:`moukit.OutputError` is raised and the file is left as it was.
        """
        if not force:
            from ..i18n import N_
            from .replace import refusal

            reason = refusal(path, self.data, self.document.stamp(self.layout))
            if reason:
                raise OutputError(reason, hint=N_(
                    "write to another file name, or replace the file on purpose "
                    "(moukit render --force; in Python, save(path, force=True))"))
        return write_atomic(path, self.data)


def digits_of(digits: str | None = None, thai_digits: bool | None = None) -> str:
    """The digits of the Thai version: ``digits`` (``"thai"``, the default, or ``"arabic"``);
    ``thai_digits`` is the older flag for the same (deprecated: True is ``"thai"``, False
    ``"arabic"``).

    >>> digits_of(), digits_of("arabic")
    ('thai', 'arabic')
    """
    if thai_digits is not None:
        warnings.warn("thai_digits= is deprecated: use digits='thai' (the default) or digits='arabic'",
                      DeprecationWarning, stacklevel=3)
        old = "thai" if thai_digits else "arabic"
        if digits is not None and digits != old:
            raise UsageError(N_("digits={digits} and thai_digits={thai_digits} disagree",
                                digits=repr(digits), thai_digits=repr(thai_digits)),
                             hint=N_("give digits= only"))
        digits = old
    digits = "thai" if digits is None else digits
    if digits not in DIGITS:
        raise UsageError(N_("unknown digits {digits}", digits=repr(digits)),
                         hint=N_("use one of: {choices}", choices=", ".join(DIGITS)))
    return digits


def spec_hash(spec: SpecModel) -> str:
    """SHA-256 of the spec's canonical JSON: the same values give the same hash."""
    canonical = json.dumps(spec.model_dump(mode="json"), sort_keys=True, ensure_ascii=False,
                           separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _languages(spec: SpecModel, languages: Iterable[str] | None) -> tuple[str, ...]:
    wanted = spec.languages
    if languages is None:
        return wanted
    requested = [lang.strip() for lang in languages if lang.strip()]
    unknown = [lang for lang in requested if lang not in wanted]
    if unknown or not requested:
        raise UsageError(
            N_("cannot render language(s) {languages}: this spec's languages are {known}",
               languages=", ".join(unknown) or N_("(none)"), known=", ".join(wanted)),
            hint=N_("choose among {known}", known=", ".join(wanted)),
        )
    return tuple(lang for lang in wanted if lang in requested)


def _check_spec(spec: SpecModel) -> None:
    from ..errors import Problem, SpecError
    from ..spec.models import translation_problems

    problems = translation_problems(spec)
    if problems:
        raise SpecError([Problem(".".join(map(str, p)), m, None, h) for p, m, h in problems])


def build_document(spec: SpecModel, *, languages: Iterable[str] | None = None,
                   templates: TemplateLibrary | PathsArg = (),
                   digits: str | None = None, layout: str = "separate",
                   thai_digits: bool | None = None) -> Document:
    """Build the document model of ``spec``: every clause in every requested language, the
    Thai version with ``digits`` (see :func:`digits_of`)."""
    from .context import build_context, parties

    digits = digits_of(digits, thai_digits)
    _check_spec(spec)
    library = TemplateLibrary.of(templates)
    form = spec.form
    langs = _languages(spec, languages)
    try:
        packs = [library.pack(lang) for lang in langs]  # fail early on a missing language
    except LanguageNotAvailable as exc:
        raise LanguageNotAvailable(
            N_("partner.language is {language}: {message}", language=repr(spec.partner.language),
               message=exc.message), hint=exc.hint
        ) from None
    versions = []
    for pack in packs:
        texts = dict(pack.render_clauses(form, build_context(spec, pack)))
        own = str(pack.lexicon.get("digits") or "")  # the language's own digits (Burmese ၀-၉)
        convert: Callable[[str], str] = to_thai_digits
        if digits != "thai" or pack.lang != "th":
            convert = partial(to_native_digits, digits=own)
        clauses = tuple(
            Clause(c.id, c.kind, convert(str(c.number)) if c.number else None, convert(texts[c.id]))
            for c in form.clauses
        )
        locale = pack.lexicon["locale"]
        versions.append(Version(
            lang=pack.lang,
            language_name=cldr.own_language_name(locale) or pack.lexicon["name"],
            locale=locale,
            clauses=clauses,
            draft_marker=pack.lexicon.get("draft_marker", "(Draft)") if spec.draft else None,
            text_version=pack.record.version,
            text_status=pack.record.status,
        ))
    return Document(
        form_id=form.id,
        form_version=form.version,
        instrument=form.instrument,
        versions=tuple(versions),
        fingerprint=fingerprint(form.id, form.version, tuple(versions), layout, spec_hash(spec)),
        signing_date=spec.signing.date.isoformat(),
        notices=spec_notices(spec),
        parties=parties(spec, packs),
    )


def render(spec: SpecArg, format: str = "docx", *, languages: LanguagesArg = None,
           layout: str = "separate", templates: PathsArg = (), digits: str | None = None,
           thai_digits: bool | None = None) -> Rendering:
    """Render ``spec`` to ``format`` (docx, pdf, html, md, txt, json) in ``layout``.

    ``spec`` is a spec object, a mapping of its values (validated as by
    :func:`moukit.parse_spec`) or the path of a spec file (read by :func:`moukit.load_spec`).
    ``languages`` limits the versions (default: Thai, the partner's language, English): a list
    of codes or a string such as ``"th,en"``; ``templates`` adds template folders (one path or
    a list) that override or extend the shipped ones; ``digits`` is how the Thai version
    writes numbers: ``"thai"`` (the default) or ``"arabic"`` (``thai_digits=`` is the
    deprecated older flag).
    """
    model = spec_of(spec, required=True)
    assert model is not None  # a spec is required
    library = templates if isinstance(templates, TemplateLibrary) else paths_of(templates, "templates")
    if format not in FORMATS:
        raise UsageError(N_("unknown format {format}", format=repr(format)),
                         hint=N_("use one of: {choices}", choices=", ".join(FORMATS)))
    if layout not in LAYOUTS:
        raise UsageError(N_("unknown layout {layout}", layout=repr(layout)),
                         hint=N_("use one of: {choices}", choices=", ".join(LAYOUTS)))
    digits = digits_of(digits, thai_digits)
    document = build_document(model, languages=languages_of(languages), templates=library, digits=digits,
                              layout=layout)
    return Rendering(FORMATS[format].write(document, layout=layout), format, document, layout)
