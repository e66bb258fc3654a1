"""The approval dossier: every document of the eight-step path, from the same spec.

:func:`build_dossier` makes the documents (Document models, as an agreement's): the request
letter to each addressee, the strategic plan (Thai and English), the submission letter of the
draft to each addressee (and to the Office of the Council of State when the check found
adjustments), the checklist of the eight steps and the annual report, with a table of
contents first. :func:`write_dossier` writes them as DOCX or PDF into a folder or a ZIP,
atomically, replacing only files moukit wrote for this spec and nobody changed.

>>> import moukit
>>> spec = moukit.load_spec("examples/chiang-mai-chengdu-dossier.yaml")
>>> [entry.name for entry in build_dossier(spec)][:3]
['00-index', '01-request-moi', '01-request-mfa']
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..i18n import N_, Message
from ..rendering.document import Document
from .checklist import Step, checklist, missing, ocs_review
from .context import (
    addressees,
    checklist_context,
    index_context,
    plan_context,
    report_context,
    request_context,
    submission_context,
)
from .forms import get_dossier_form, render_document

if TYPE_CHECKING:
    from .._args import DraftsArg, PathsArg, SpecArg
    from ..checking.report import Report

__all__ = ["Dossier", "DossierEntry", "Step", "approval_dossier", "build_dossier", "checklist", "dossier_hash",
           "missing", "write_dossier"]

_TITLES = {  # the contents' titles of the documents
    "request": N_("request to establish the relationship ({to})"),
    "plan": N_("strategic plan"),
    "submission": N_("submission of the draft in three languages ({to})"),
    "checklist": N_("checklist of the eight steps"),
    "report": N_("annual report, fiscal year {year}"),
}
_STEPS = {"request": "1, 3", "plan": "5", "submission": "6", "checklist": "1–8", "report": "8"}


@dataclass(frozen=True)
class DossierEntry:
    """One document of the dossier: its file stem, step(s) and title, and the model."""

    name: str
    step: str
    title: Message
    document: Document


@dataclass(frozen=True)
class Dossier:
    """The approval dossier of a spec (what :func:`moukit.approval_dossier` returns): its documents in
    order, the checklist of the eight steps and the steps it is missing."""

    entries: tuple[DossierEntry, ...]
    steps: tuple[Step, ...]
    format: str = "docx"

    @property
    def missing(self) -> tuple[Step, ...]:
        """The steps of the checklist not done yet."""
        return tuple(missing(list(self.steps)))

    def files(self) -> dict[str, bytes]:
        """The documents rendered in :attr:`format`: file name -> bytes, table of contents first."""
        return dict((name, rendering.data) for name, rendering in _rendered(list(self.entries), self.format))

    def zip(self) -> bytes:
        """One ZIP of the documents with a manifest naming the spec (the same spec gives the
        same bytes)."""
        return _zip_bytes(_rendered(list(self.entries), self.format))

    def save(self, target: str | Path, *, force: bool = False) -> list[Path]:
        """Write the documents into the folder ``target``, or one ZIP when it ends in ``.zip``
        (see :func:`write_dossier`); return the paths written."""
        return write_dossier(list(self.entries), target, format=self.format, force=force)


def approval_dossier(spec: SpecArg, draft: DraftsArg | None = None, *, english: bool = False, emblem: bytes = b"",
                     format: str = "docx", templates: PathsArg = ()) -> Dossier:  # noqa: A002
    """The approval dossier of ``spec`` (a spec with its dossier sections: a model, a mapping
    or a path) and of ``draft`` (the draft agreement, checked against the spec, or None):
    the governor's request letters, the strategic plan, the submission of the draft, the
    checklist and the annual report, in ``format`` (``"docx"`` or ``"pdf"``). ``english`` adds
    the English working translation of the plan and the report; ``emblem`` is the office's
    Garuda image (PNG or JPEG); ``templates``: language packs for the check of the draft, as
    for :func:`moukit.check`.

    >>> import moukit
    >>> found = moukit.approval_dossier("examples/chiang-mai-chengdu-dossier.yaml")
    >>> [entry.name for entry in found.entries][:2], [step.number for step in found.missing]
    (['00-index', '01-request-moi'], [6])
    """
    from .._args import spec_of
    from ..errors import UsageError

    if format not in ("docx", "pdf"):
        raise UsageError(N_("unknown dossier format {format!r}", format=format), hint=N_("use docx or pdf"))
    model = spec_of(spec)
    if model is None:
        raise UsageError(N_("a dossier needs a spec"), hint=N_("give the spec with its dossier sections"))
    report = None
    if draft is not None:
        from ..checking.pipeline import check

        report = check(draft, model, templates=templates)
    entries = build_dossier(model, report, emblem=emblem, english=english)
    return Dossier(tuple(entries), tuple(checklist(model, report)), format)


def dossier_hash(spec: Any) -> str:
    """SHA-256 of the spec with its dossier sections (what the dossier's fingerprints name)."""
    from ..rendering.build import spec_hash

    data = json.dumps({"spec": spec_hash(spec), "dossier": spec.dossier_dump()}, sort_keys=True,
                      ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def build_dossier(spec: Any, report: Report | None = None, *, emblem: bytes = b"",
                  english: bool = False) -> list[DossierEntry]:
    """The dossier's documents for ``spec`` and the check ``report`` of its draft (None: no
    draft was checked). Documents whose section the spec lacks (no plan, no report) are left
    out; the checklist says what is missing. ``english`` adds the English working translation
    of the plan and the report; ``emblem`` is the office's Garuda image (PNG or JPEG) for the
    letters, else a box marks its place."""
    from ..spec.dossier import dossier_vocabulary

    digest = dossier_hash(spec)
    entries: list[DossierEntry] = []

    def add(document: str, name: str, contexts: dict, title: Message, date: str = "") -> None:
        doc = render_document(get_dossier_form(document), contexts, spec_sha256=digest, date=date,
                              emblem=emblem if document in ("request", "submission") else b"")
        entries.append(DossierEntry(name, _STEPS[document], title, doc))

    langs = ("th", "en") if english else ("th",)
    letters = spec.office is not None
    if letters:
        for to in addressees(spec):
            add("request", f"01-request-{to['key']}", {"th": request_context(spec, to)},
                Message(_TITLES["request"].template, {"to": to["position"]}), _iso(getattr(spec.letter_data.request, 'date', None)))
    if spec.plan is not None:
        add("plan", "02-plan", {lang: plan_context(spec, lang) for lang in langs}, _TITLES["plan"])
    if letters:
        targets = addressees(spec) + ([dict(dossier_vocabulary()["council_of_state"])] if ocs_review(report) else [])
        for to in targets:
            add("submission", f"03-submission-{to['key']}", {"th": submission_context(spec, to, report)},
                Message(_TITLES["submission"].template, {"to": to["position"]}),
                _iso(getattr(spec.letter_data.submission, 'date', None)))
    add("checklist", "04-checklist", {"th": checklist_context(spec, checklist(spec, report))}, _TITLES["checklist"])
    if spec.report is not None:
        add("report", f"05-report-{spec.report.fiscal_year}", {lang: report_context(spec, lang) for lang in langs},
            Message(_TITLES["report"].template, {"year": spec.report.fiscal_year}))
    return [_index(spec, entries, digest)] + entries


def _iso(day: Any) -> str:
    return day.isoformat() if day else ""


def _index(spec: Any, entries: list[DossierEntry], digest: str) -> DossierEntry:
    from ..i18n import translate

    rows = [(e.name, e.step, translate(e.title, "th")) for e in entries]
    doc = render_document(get_dossier_form("index"), {"th": index_context(spec, rows)}, spec_sha256=digest)
    return DossierEntry("00-index", "", N_("table of contents"), doc)


def write_dossier(entries: list[DossierEntry], target: str | Path, *, format: str = "docx",
                  force: bool = False) -> list[Path]:
    """Write the documents as ``format`` (docx or pdf) into the folder ``target``, or into one
    ZIP when ``target`` ends in ``.zip``. Every file is written atomically; a file already
    there is replaced only when it is an unchanged moukit rendering of this spec (or with
    ``force``), else :class:`moukit.OutputError` is raised before anything is written."""
    target = Path(target)
    files = _rendered(entries, format)
    if target.suffix.lower() == ".zip":
        return [_write_zip(target, files, force)]
    return _write_folder(target, files, force)


def _rendered(entries: list[DossierEntry], format: str) -> list:  # noqa: A002
    """(file name, Rendering) of each document, in ``format``."""
    from ..rendering.build import Rendering
    from ..rendering.writers import FORMATS

    writer = FORMATS[format]
    return [(f"{e.name}{writer.suffix}", Rendering(writer.write(e.document, layout="separate"), format,
                                                   e.document, "separate")) for e in entries]


def _write_folder(folder: Path, files: list, force: bool) -> list[Path]:
    from .._atomic import write_all_atomic
    from ..errors import OutputError
    from ..rendering.replace import refusal

    if folder.exists() and not folder.is_dir():
        raise OutputError(N_("{path} exists and is not a folder", path=str(folder)),
                          hint=N_("give a folder, or a name ending in .zip"))
    folder.mkdir(parents=True, exist_ok=True)
    if not force:
        for name, rendering in files:
            reason = refusal(folder / name, rendering.data, rendering.document.stamp(rendering.layout))
            if reason:
                raise OutputError(reason, hint=N_("write to another folder, or replace the files on "
                                                  "purpose (moukit dossier --force)"))
    return write_all_atomic([(folder / name, r.data) for name, r in files])


def _write_zip(path: Path, files: list, force: bool) -> Path:
    """One ZIP of the files (fixed dates: the same documents give the same bytes), with a
    manifest naming the spec; an existing ZIP is replaced only when it is one of this spec's."""
    from .._atomic import write_atomic
    from ..errors import OutputError

    stamp = files[0][1].document.stamp("separate")
    data = _zip_bytes(files)
    if path.is_file() and not force and path.read_bytes() != data and not _own_zip(path, stamp):
        raise OutputError(N_("{path} exists and is not this spec's dossier", path=str(path)),
                          hint=N_("write to another file name, or replace the file on purpose "
                                  "(moukit dossier --force)"))
    return write_atomic(path, data)


def _zip_bytes(files: list) -> bytes:
    """The ZIP of ``files`` (fixed dates: the same documents give the same bytes), with a
    manifest naming the spec."""
    import io
    import zipfile

    stamp = files[0][1].document.stamp("separate")
    manifest = json.dumps({"generator": "moukit", "spec_sha256": stamp.get("spec_sha256"),
                           "files": [name for name, _ in files]}, sort_keys=True).encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in [("moukit-dossier.json", manifest)] + [(n, r.data) for n, r in files]:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def _own_zip(path: Path, stamp: dict) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            found = json.loads(archive.read("moukit-dossier.json"))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return False
    return isinstance(found, dict) and found.get("spec_sha256") == stamp.get("spec_sha256")
