"""Several drafts at once: which files are versions of the same agreement, one report per
agreement, and a summary for a folder of drafts.

Files given together are checked one by one first. A file joins the agreement of an earlier
file when both are the same instrument, name the same partner language and the same Thai
province (where both name them), and, in a language both have, the same partner: the Thai,
Korean and English versions of one MOU sent as three files are one agreement, two MOUs are
two. A date or a name that differs does not split an agreement: it is a
disagreement between its versions, which the check reports. Each agreement
is then checked as one draft, so its versions are compared with each other.

With ``separately`` (``moukit check DIR`` or ``--batch``) every file is its own agreement,
and a file that cannot be checked is recorded with its error instead of stopping the rest.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .._args import (
    DraftArg,
    DraftsArg,
    PathArg,
    PathsArg,
    Source,
    SpecArg,
    SpecModel,
    draft_sources,
    paths_of,
    spec_of,
)
from .._collector import rarer_collections
from ..errors import MoukitError, UsageError
from ..i18n import N_, translate
from .codes import ROUTES
from .report import Report

if TYPE_CHECKING:
    from .readers.model import Limits

BATCH_SCHEMA = "moukit.check-batch"
BATCH_SCHEMA_VERSION = 1
DRAFT_SUFFIXES = (".docx", ".txt", ".md", ".markdown", ".text")


@dataclass
class Batch:
    """The reports of several agreements (and the files that could not be checked)."""

    reports: list[Report] = field(default_factory=list)
    # per report, its analyses (for the HTML report and the redline): kept for a batch of one
    # agreement only, the others' are empty lists (a report is all a batch needs of them)
    analyses: list[list] = field(default_factory=list)
    errors: list[tuple[str, MoukitError]] = field(default_factory=list)  # (file, error)

    @property
    def exit_code(self) -> int:
        """The worst exit code: 3 not permitted, then 2 a file not checked, 1 review, 0."""
        return max([r.exit_code for r in self.reports] + [2 for _ in self.errors] or [0])

    @property
    def verdict(self) -> str:
        """The most serious verdict of the agreements (``standard`` if none)."""
        return max((r.verdict for r in self.reports), key=ROUTES.index, default="standard")

    def html(self, index: int = 0, lang: str = "th") -> str:
        """The HTML report of agreement ``index`` in ``lang`` (``"th"`` or ``"en"``): the
        verdict, each finding with the form's text and the draft's, the translation tables."""
        from .output.html import format_html

        return format_html(self.reports[index], self._analyses(index), lang=lang)

    def redline(self, draft: DraftArg, *, name: str | None = None, index: int = 0) -> bytes:
        """A DOCX ``draft`` of agreement ``index`` with the findings as Word's tracked changes
        and comments. ``draft`` is one of the files checked (a path, or its bytes with
        ``name``, the name it was checked under; bytes without a name are the agreement's
        only DOCX). Any other file raises :class:`moukit.UsageError`."""
        from .output.redline import write_redline
        from .readers import read_draft

        analyses = self._analyses(index)
        sources = sorted({a.version.source for a in analyses})
        data = bytes(draft) if isinstance(draft, (bytearray, memoryview, bytes)) else Path(draft)
        if isinstance(data, bytes) and name is None and len(sources) == 1:
            name = sources[0]
        read = read_draft(data, name=name)
        if read.name not in sources:
            raise UsageError(N_("{file} is not a draft of this agreement (its drafts: {drafts})",
                                file=read.name, drafts=", ".join(sources)),
                             hint=N_("give one of those files, or its bytes with the name it was checked under"))
        return write_redline(read, analyses)

    def _analyses(self, index: int) -> list:
        if not self.analyses or not self.analyses[index]:
            raise UsageError(N_("the HTML report and the redline are kept for a check of one agreement only"),
                             hint=N_("check the drafts of one agreement together"))
        return self.analyses[index]

    def rows(self) -> list[dict]:
        """One summary row per file: its agreement, verdict, exit code, form and counts."""
        rows = []
        for number, report in enumerate(self.reports, 1):
            counts = {route: sum(f.route == route for f in report.findings) for route in ROUTES}
            for source in report.sources:
                rows.append({"file": source, "agreement": number, "verdict": report.verdict,
                             "exit_code": report.exit_code, "form": report.form_id or "",
                             **counts, "reason": report.reason, "error": ""})
        for source, error in self.errors:
            rows.append({"file": source, "agreement": None, "verdict": "error", "exit_code": 2,
                         "form": "", **{route: 0 for route in ROUTES}, "reason": "",
                         "error": error.message})
        return rows

    def to_dict(self) -> dict:
        """The batch as JSON-ready data (schema ``moukit.check-batch`` v1): the summary rows
        and every agreement's full report."""
        from .._version import __version__

        return {"schema": BATCH_SCHEMA, "schema_version": BATCH_SCHEMA_VERSION,
                "moukit_version": __version__, "verdict": self.verdict,
                "exit_code": self.exit_code, "files": self.rows(),
                "reports": [r.to_dict() for r in self.reports]}

    def to_csv(self) -> str:
        """The summary rows as CSV (UTF-8 text, a header line first)."""
        out = io.StringIO()
        columns = ["file", "agreement", "verdict", "exit_code", "form", *ROUTES, "reason", "error"]
        writer = csv.DictWriter(out, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.rows())
        return out.getvalue()


def draft_files(paths: Iterable[PathArg]) -> list[str]:
    """The drafts named: files as given, and the drafts in each folder (sorted by name)."""
    out = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file()
                           and p.suffix.lower() in DRAFT_SUFFIXES and not p.name.startswith((".", "~$")))
            if not found:
                raise UsageError(N_("{path}: a folder with no drafts (.docx, .txt, .md) in it", path=str(path)),
                                 hint=N_("give a draft file, or the folder that holds the drafts"))
            out += [str(p) for p in found]
        else:
            out.append(str(path))
    return out


def check_all(sources: DraftsArg, spec: SpecArg | None = None, *, separately: bool = False,
              templates: PathsArg = (), rules: PathsArg = (), accept: PathsArg = (),
              limits: Limits | None = None) -> Batch:
    """Check drafts as the agreements they make up (see the module); ``separately``: each
    file on its own, recording the files that cannot be checked. The arguments are those of
    :func:`moukit.check`.

    A draft's analysis is dropped once its report is made, unless the batch may be one
    agreement (the HTML report and the redline of one agreement need it): a folder of many
    drafts holds their reports, not every draft's text and alignment."""
    from ..packs.library import TemplateLibrary
    from .rules import load_rules

    drafts = draft_sources(sources)  # a bad spec, rule pack or template folder stops all
    model = spec_of(spec)
    library = TemplateLibrary.of(templates if isinstance(templates, TemplateLibrary)
                                 else paths_of(templates, "templates"))
    packs, folders = paths_of(rules, "rules"), paths_of(accept, "accept")
    load_rules(packs)
    options = {"templates": library, "rules": packs, "accept": folders, "limits": limits}
    batch = Batch()
    with rarer_collections():  # (a batch makes much short-lived garbage: see moukit._collector)
        _check_each(batch, drafts, model, options, separately)
    return batch


def _check_each(batch: Batch, drafts: list, model: SpecModel | None, options: dict, separately: bool) -> None:
    """Fill ``batch`` with the reports of ``drafts`` (see :func:`check_all`)."""
    from .pipeline import check_detailed

    singles = []
    one_draft = len(drafts) == 1
    for source in drafts:
        try:
            draft = source.read(options["limits"]) if isinstance(source, Source) else source
            report, analyses = check_detailed([draft], model, **options)
        except MoukitError as exc:
            if not separately:
                raise
            batch.errors.append((source.name, exc))
            continue
        # kept: the draft, to check it again with the other versions of its agreement; its
        # analyses, when it is the only draft
        singles.append((None if separately else draft, report, analyses if one_draft else []))
    groups = [[single] for single in singles] if separately else _group(singles)
    for group in groups:
        if len(group) == 1:
            _, report, analyses = group[0]
        else:
            report, analyses = check_detailed([draft for draft, _, _ in group], model, **options)
        batch.reports.append(report)
        batch.analyses.append(analyses if len(groups) == 1 else [])


def _group(singles: list) -> list[list]:
    """The drafts grouped into agreements, in the order they were given."""
    groups: list[list] = []
    for single in singles:
        home = next((g for g in groups if all(_same_agreement(single[1], other[1]) for other in g)), None)
        if home is None:
            groups.append([single])
        else:
            home.append(single)
    return groups


def _same_agreement(a: Report, b: Report) -> bool:
    """Two drafts that may be versions of one agreement: the same form, the same partner
    language and Thai province where both name them, and in a language both have, the same
    partner."""
    if a.form_id != b.form_id:
        return False
    ours = {v.lang: _folded(v.values.get("partner_name")) for v in a.versions}
    theirs = {v.lang: _folded(v.values.get("partner_name")) for v in b.versions}
    if any(ours[lang] != theirs[lang] for lang in set(ours) & set(theirs)):
        return False
    for read in (_thai_province, _partner_language):
        mine, other = read(a), read(b)
        if mine is not None and other is not None and mine != other:
            return False
    return True


def _folded(value: object) -> str:
    """A name compared without case, spacing or punctuation."""
    from ..text.normalize import clean

    text = value.get("text") if isinstance(value, dict) else value
    return "".join(ch for ch in clean(str(text or "")).casefold() if ch.isalnum())


def _partner_language(report: Report) -> str | None:
    """The code of the partner's language the signing clause names."""
    for version in report.versions:
        value = version.values.get("partner_language")
        if isinstance(value, dict) and value.get("code"):
            return value["code"]
    return None


def _thai_province(report: Report) -> str | None:
    """The Thai province a draft names (its English name), when moukit knows it."""
    from ..spec.provinces import find_province

    for version in report.versions:
        name = version.values.get("thai_name")
        text = name.get("text") if isinstance(name, dict) else name
        province = find_province(text) if isinstance(text, str) and text else None
        if province is not None:
            return province.name_en
    return None


def summary(batch: Batch, lang: str = "en") -> str:
    """One line per file: exit code, verdict, file, and the reason or the error; then a total
    (in ``lang``: ``en`` or ``th``)."""
    from .output._common import ROUTE_NAMES, named

    lines = []
    for report in batch.reports:
        reason = translate(report.reason, lang)
        lines += [f"{report.exit_code}  {named(ROUTE_NAMES, report.verdict, lang):<16} {source}  ({reason})"
                  for source in report.sources]
    error = translate(N_("error"), lang)
    lines += [f"2  {error:<16} {source}  ({translate(exc.message, lang)})" for source, exc in batch.errors]
    lines.append(translate(N_("{files} file(s), {agreements} agreement(s), {errors} not checked; worst "
                              "verdict: {verdict} (exit code {code})", files=len(batch.rows()),
                              agreements=len(batch.reports), errors=len(batch.errors),
                              verdict=ROUTE_NAMES[batch.verdict], code=batch.exit_code), lang))
    return "\n".join(lines)


def several_agreements(batch: Batch) -> UsageError:
    """The error of :func:`moukit.check` given files that are several agreements."""
    groups = "; ".join(", ".join(r.sources) for r in batch.reports)
    return UsageError(N_("the drafts are {count} different agreements ({groups}): each gets its own "
                         "verdict", count=len(batch.reports), groups=groups),
                      hint=N_("check them with moukit.check_all() (or `moukit check` with every "
                              "file, which reports each agreement)"))

