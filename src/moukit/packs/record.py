"""A language pack's record (``pack.yaml``): the version of its text, whether that text is
official, and who reviewed which version and what they found.

``pack.yaml`` speaks for the templates and the lexicon beside it. When a user folder replaces
one of them but brings no record of its own, the text is the user's: no version, status
``user``. The version of a pack changes with every change of wording; the wording before
the change stays an accepted text in ``accepted/moukit-<version>/`` (see docs/languages.md).

>>> PackRecord("th", "0.2", "unofficial").describe()
"th 0.2, moukit's translation, not official"
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

RECORD = "pack.yaml"
STATUSES = ("official", "unofficial", "user")
FINDING_STATUSES = ("resolved", "kept", "left")
SEVERITIES = ("S1", "S2", "S3")
STATUS_WORDS = {
    "official": "the official text",
    "unofficial": "moukit's translation, not official",
    "user": "a text of the user's own",
}


@dataclass(frozen=True)
class Finding:
    """One finding of a review and what became of it."""

    id: str
    severity: str
    status: str
    why: str = ""


@dataclass(frozen=True)
class Review:
    """One review of a version of the pack."""

    by: str
    date: str
    of: str  # the pack version reviewed
    scope: str = ""
    report: str = ""
    findings: tuple[Finding, ...] = ()

    def counts(self) -> dict[tuple[str, str], int]:
        """How many findings of each (severity, status)."""
        out: dict[tuple[str, str], int] = {}
        for f in self.findings:
            out[f.severity, f.status] = out.get((f.severity, f.status), 0) + 1
        return out


@dataclass(frozen=True)
class PackRecord:
    """The version, status and reviews of one language's text."""

    lang: str
    version: str | None
    status: str
    reviews: tuple[Review, ...] = field(default=())

    def describe(self) -> str:
        """One line for people: language, version and status."""
        version = f" {self.version}" if self.version else ""
        return f"{self.lang}{version}, {STATUS_WORDS[self.status]}"

    def to_dict(self) -> dict:
        """JSON-ready data: version and status (the reviews are in the pack's file)."""
        return {"version": self.version, "status": self.status}


def read_record(lang: str, path: Path) -> PackRecord:
    """The record in ``path`` (a ``pack.yaml`` of the ``lang`` folder), checked."""
    from ..errors import TemplateError
    from ..i18n import N_
    from .library import read_yaml_mapping

    data = read_yaml_mapping(path)

    def bad(what: str, hint: str = N_("see 'pack.yaml' in docs/languages.md")) -> TemplateError:
        return TemplateError(N_("{part}: {problem}", part=RECORD, problem=what), file=str(path), hint=hint)

    if data.get("language") != lang:
        raise bad(N_("language is {language} but the folder is {lang}",
                     language=repr(data.get("language")), lang=repr(lang)),
                  hint=N_("a record copied with another pack describes that pack's text: delete it, "
                          "or write one for this text (language: {lang}, status: user)", lang=lang))
    status = data.get("status")
    if status not in STATUSES:
        raise bad(N_("status must be one of {statuses}, not {status}", statuses=", ".join(STATUSES),
                     status=repr(status)))
    reviews = []
    for n, item in enumerate(data.get("reviews") or []):
        if not isinstance(item, dict) or not all(item.get(k) for k in ("by", "date", "of")):
            raise bad(N_("reviews[{n}] needs by, date and of (the version reviewed)", n=n))
        findings = []
        for m, f in enumerate(item.get("findings") or []):
            where = f"reviews[{n}].findings[{m}]"
            if not isinstance(f, dict) or f.get("severity") not in SEVERITIES \
                    or f.get("status") not in FINDING_STATUSES or not f.get("id"):
                raise bad(N_("{where} needs an id, a severity ({severities}) and a status ({statuses})",
                             where=where, severities=", ".join(SEVERITIES),
                             statuses=", ".join(FINDING_STATUSES)))
            if f["status"] != "resolved" and not f.get("why"):
                raise bad(N_("{where} ({id}) is {status}: say why", where=where, id=f["id"],
                             status=f["status"]))
            findings.append(Finding(str(f["id"]), f["severity"], f["status"], str(f.get("why") or "")))
        reviews.append(Review(str(item["by"]), str(item["date"]), str(item["of"]),
                              str(item.get("scope") or ""), str(item.get("report") or ""),
                              tuple(findings)))
    version = data.get("version")
    return PackRecord(lang, str(version) if version is not None else None, status, tuple(reviews))
