"""The deviation check: read drafts, find every departure from the standard form, route it.

The pipeline: read each draft (:mod:`moukit.checking.readers`) and split it into its language
versions (:mod:`moukit.checking.segment`). The English version is matched against the form
word for word (:mod:`moukit.checking.match`). Every other version is a translation: one that
is an accepted text word for word (:mod:`moukit.checking.accepted`) is the form; any other is
checked against what the English version of the same draft says
(:mod:`moukit.checking.translation`). Then the versions are compared with each other and
with the spec when one is given (:mod:`moukit.checking.crossversion`), and everything is
gathered in one :class:`moukit.Report`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from .._args import DraftsArg, PathsArg, Source, SpecArg, draft_sources, paths_of, spec_of
from ..errors import DraftError, LanguageNotAvailable, NotTheForm, UsageError
from ..forms import get_form
from ..i18n import N_, Joined, Message
from ..packs.library import TemplateLibrary
from .align import Analysis
from .crossversion import compare_versions, compare_with_spec
from .match import analyze_version
from .recognition import require_the_form
from .report import Report, finding
from .rules import load_rules
from .segment import segment
from .stories import comment_note, locate, read_by_rules
from .versions import check_other_version, reference_for

if TYPE_CHECKING:
    from .readers.model import Limits


def _reference(draft, versions, english: dict, library: TemplateLibrary, spec):
    """The English version a translation in ``draft`` is checked against: the draft's own,
    else that of another draft checked with it, else the form."""
    own = [english[id(v)] for d, v in versions if v.lang == "en" and d is draft]
    other = [english[id(v)] for d, v in versions if v.lang == "en"]
    return reference_for((own or other or [None])[0], library, spec,
                         [v for d, v in versions if d is draft and v.lang != "en"])


def _name_notes(analyses: list[Analysis], spec) -> list[Message]:
    """A note on the names (the parties, the place, the signatories) of each version that could
    not be compared with the English: not read in the version, or with no reliable reading
    (a Thai name in Chinese characters)."""
    from .crossversion import NAME_LABELS, compare_names
    from .names import NAME_SLOTS
    from .translation import language_name

    if spec is not None:
        return []
    results = [a.result for a in analyses if a.result is not None]  # every analysis has one
    english = next((r for r in results if r.lang == "en"), None)
    unknown: dict[str, list[str]] = {}
    for c in compare_names(results):
        if c.verdict == "unknown":
            unknown.setdefault(c.lang, []).append(Joined([NAME_LABELS[c.slot], f" ({c.other})"], ""))
    for a in analyses:  # a translation whose names were not read
        if a.translation is None or english is None or a.result is None:
            continue
        for slot in NAME_SLOTS:
            if isinstance(english.values.get(slot), str) and not isinstance(a.result.values.get(slot), str):
                unknown.setdefault(a.version.lang, []).append(N_("{name} (not read)", name=NAME_LABELS[slot]))
    if english is None:
        unknown = {a.version.lang: [N_("the names")] for a in analyses if a.translation is not None}
    return [N_("in the {language} version, {names} could not be compared with the English (moukit "
               "has no reliable reading of a name written this way, or did not find it): give --spec "
               "with the names in every language to check them", language=language_name(lang),
               names=Joined(dict.fromkeys(names)))
            for lang, names in sorted(unknown.items())]


def _untouched(draft, form) -> bool:
    """A moukit DOCX whose body is byte for byte what moukit wrote (its fingerprint holds the
    body's SHA-256); a text or Markdown file cannot prove that and is never "untouched"."""
    import hashlib

    fingerprint = draft.fingerprint or {}
    package = draft.package
    if not fingerprint.get("document_sha256") or package is None or form is None:
        return False
    body = package.parts.get(package.document_part, b"")
    return (fingerprint.get("form_id") == form.id and not draft.pending_changes
            and hashlib.sha256(body).hexdigest() == fingerprint["document_sha256"])


def check(sources: DraftsArg, spec: SpecArg | None = None, *, templates: PathsArg = (),
          rules: PathsArg = (), accept: PathsArg = (), limits: Limits | None = None) -> Report:
    """Check one or more drafts (DOCX, text or Markdown) against the form.

    ``sources`` is one draft or several: a file name or path (``str`` or ``os.PathLike``), the
    bytes of a file, a list of them, or a mapping of the name each is reported by to its path
    or bytes. A draft held as a string is checked with :func:`check_text`: a string with a
    line break is refused here, as it is a text, not a file name.

    Several drafts must be versions of one agreement (a file per language); drafts that are
    several agreements raise :class:`moukit.UsageError`: check them with
    :func:`moukit.check_all`, which gives each agreement its report.

    ``spec`` (a spec object, a mapping of its values or a path) gives the intended values;
    ``templates`` adds template folders; ``rules`` adds rule packs; ``accept`` adds folders of
    accepted texts (translations a ministry approved, see :mod:`moukit.checking.accepted`);
    each is one path or a list. ``limits`` (:class:`moukit.Limits`) bounds the reading of
    each draft. Returns a :class:`moukit.Report`; bad input raises a :class:`moukit.MoukitError`.
    """
    drafts = draft_sources(sources)
    if len(drafts) > 1:
        from .batch import check_all, several_agreements

        batch = check_all(cast(DraftsArg, drafts), spec, templates=templates, rules=rules, accept=accept,
                          limits=limits)
        if len(batch.reports) > 1:
            raise several_agreements(batch)
        return batch.reports[0]
    report, _ = check_detailed(drafts, spec, templates=templates, rules=rules, accept=accept,
                               limits=limits)
    return report


def check_text(text: str, spec: SpecArg | None = None, *, name: str = "<text>",
               templates: PathsArg = (), rules: PathsArg = (), accept: PathsArg = (),
               limits: Limits | None = None) -> Report:
    """Check a draft given as text (plain text, or Markdown when ``name`` ends in ``.md``).

    ``name`` is the name the report gives the draft; the other arguments are those of
    :func:`check`.
    """
    if not isinstance(text, str):
        raise UsageError(N_("text: expected the text of a draft (str), not {type}",
                            type=type(text).__name__),
                         hint=N_("to check a file or its bytes, use moukit.check(...)"))
    if not isinstance(name, str):
        raise UsageError(N_("name: expected a string, not {type}", type=type(name).__name__))
    return check({name: text.encode("utf-8")}, spec, templates=templates, rules=rules,
                 accept=accept, limits=limits)


def check_detailed(sources, spec=None, *, templates=(), rules=(), accept=(), limits=None):
    """Like :func:`check`, also returning the per-version analyses (for redline and HTML)."""
    sources = draft_sources(sources)
    spec = spec_of(spec)
    library = TemplateLibrary.of(templates if isinstance(templates, TemplateLibrary)
                                 else paths_of(templates, "templates"))
    rule_set = load_rules(paths_of(rules, "rules"))
    accept = paths_of(accept, "accept")
    drafts = [s.read(limits) if isinstance(s, Source) else s for s in sources]
    if not drafts:
        raise UsageError(N_("nothing to check"), hint=N_("give one or more draft files"))
    for draft in drafts:
        _not_a_dossier_document(draft)
    notes: list[Message] = []
    versions = []
    for draft in drafts:
        found = segment(draft, library)
        if not found:
            raise DraftError(draft.name, N_("the draft has no text"), hint=N_("check the file is the agreement"))
        for version in found:
            if version.lang not in library.available():
                which = N_("an unrecognised language") if version.lang == "und" else version.lang
                raise LanguageNotAvailable(
                    N_("{file}: a version is in a language moukit has no templates for ({language}); "
                       "available: {available}", file=draft.name, language=which,
                       available=", ".join(library.available())),
                    hint=N_("make a pack for that language (moukit pack new) and give its folder: "
                            "--templates DIR on the command line, templates= in Python"),
                )
        versions += [(draft, version) for version in found]
    english = {id(v): analyze_version(v, library, rule_set, spec) for _, v in versions if v.lang == "en"}
    analyses: list[Analysis] = []
    references = {}  # each draft's, made once for all its translations
    for draft, version in versions:
        if version.lang == "en":
            analyses.append(english[id(version)])
            continue
        if id(draft) not in references:
            references[id(draft)] = _reference(draft, versions, english, library, spec)
        analyses.append(check_other_version(version, library, rule_set, spec, references[id(draft)],
                                            accept))
    for draft in drafts:  # a letter, memo or press release is not a draft of the form
        require_the_form(draft.name, [a for (d, _), a in zip(versions, analyses) if d is draft])
    notes += _name_notes(analyses, spec)
    results = [a.result for a in analyses]
    findings = [f for r in results for f in r.findings]
    for _, version in versions:
        findings += read_by_rules(version, rule_set)
    findings += compare_versions(results, with_names=spec is None)
    if spec is not None:
        findings += compare_with_spec(analyses, spec)
        from ..spec.notices import spec_notices

        for n in spec_notices(spec):
            if n.code in ("MK-W001", "MK-W002"):
                findings.append(finding(n.code, n.message))
    locate(findings, drafts)
    notes += comment_note(drafts)
    if spec is None and drafts and not any(d.fingerprint for d in drafts):
        notes.append(N_("partner level and the Thai party's status are not in the text: give --spec to "
                        "check them"))
    present = {r.lang for r in results}
    expected = set(spec.languages) if spec is not None else {"th", "en"} | {
        (r.values.get("partner_language") or {}).get("code") for r in results} - {None}
    missing = sorted(expected - present)
    if missing:
        notes.append(N_("no {languages} version was checked, although the agreement is signed in "
                        "{expected}: check every language version", languages=", ".join(missing),
                        expected=", ".join(sorted(expected))))
    fingerprint = next((d.fingerprint for d in drafts if d.fingerprint), None)
    instruments = {r.instrument for r in results}
    form = get_form(next(iter(instruments))) if len(instruments) == 1 else None
    report = Report(
        versions=results, findings=findings, sources=[d.name for d in drafts],
        form_id=form.id if form else None, form_version=form.version if form else None,
        pending_changes=any(d.pending_changes for d in drafts), fingerprint=fingerprint,
        notes=notes,
    )
    if report.pending_changes:
        report.notes.append(N_("the draft has tracked changes not yet accepted: it was checked as it "
                               "reads with every change accepted"))
    report.untouched_render = len(drafts) == 1 and _untouched(drafts[0], form)
    return report, analyses


DOSSIER_DOCUMENTS = {  # the dossier's documents, by the form id their fingerprint names
    "moukit-dossier-index": N_("the table of contents"),
    "moukit-dossier-request": N_("the governor's request letter"),
    "moukit-dossier-plan": N_("the strategic plan"),
    "moukit-dossier-submission": N_("the submission letter"),
    "moukit-dossier-checklist": N_("the checklist of the eight steps"),
    "moukit-dossier-report": N_("the annual report"),
}


def _not_a_dossier_document(draft) -> None:
    """Refuse a document of an approval dossier (told by the fingerprint moukit wrote into
    it): it is not the agreement, and ``moukit dossier --check`` is what checks a dossier."""
    form_id = (getattr(draft, "fingerprint", None) or {}).get("form_id")
    if form_id in DOSSIER_DOCUMENTS:
        raise NotTheForm(
            draft.name, N_("this is {document} of an approval dossier made by moukit, not the agreement: "
                           "there is nothing to route", document=DOSSIER_DOCUMENTS[form_id]),
            hint=N_("check the draft agreement itself; `moukit dossier SPEC --check` says what the "
                    "dossier is missing"))
