"""The deviation report: findings, the results per language version, and the verdict.

The routes, exit codes and the check's own finding codes are in :mod:`moukit.checking.codes`; the
terminal and HTML forms of a report in :mod:`moukit.checking.output`; its JSON is
:meth:`Report.to_dict`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ..i18n import N_
from .codes import CODES, EXIT_CODES, ROUTE_TITLES, ROUTE_TITLES_TH, ROUTES, worst

REPORT_SCHEMA = "moukit.check-report"
REPORT_SCHEMA_VERSION = 2


@dataclass(frozen=True)
class DiffOp:
    """One step of a word-level difference: equal, insert (draft only), delete (form only)."""

    op: str  # equal | insert | delete
    text: str


@dataclass
class Finding:
    """One departure from the standard form, or one disagreement between versions."""

    code: str
    route: str
    kind: str
    message: str  # a moukit.i18n.Message: English as a string, Thai through translate()
    lang: str | None = None
    clause_id: str | None = None
    clause_number: str | None = None
    standard: str | None = None
    draft: str | None = None
    diff: list[DiffOp] = field(default_factory=list)
    rationale: str = ""
    rationale_th: str = ""
    values: dict = field(default_factory=dict)  # for value mismatches: lang -> value
    source: str | None = None
    where: str | None = None  # outside the body: "footer of section 1", "footnote 2", "comment 1 (...)"

    def to_dict(self) -> dict:
        """JSON-ready form."""
        data = asdict(self)
        data["diff"] = [asdict(op) for op in self.diff]
        return data


@dataclass
class VersionResult:
    """What the check found in one language version of a draft."""

    lang: str
    instrument: str | None
    source: str
    values: dict = field(default_factory=dict)
    exact: bool = False  # the text equals a rendering of the form (editorial noise aside)
    editorial: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    accepted: str | None = None  # which accepted text the version is, word for word
    translation: list[dict] | None = None  # the translation check, clause by clause

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return {
            "lang": self.lang,
            "instrument": self.instrument,
            "source": self.source,
            "exact": self.exact,
            "values": self.values,
            "editorial": list(self.editorial),
            "accepted": self.accepted,
            "translation": self.translation,
        }


@dataclass
class Report:
    """The result of a check: verdict, findings, versions, inferred values."""

    versions: list[VersionResult]
    findings: list[Finding]
    sources: list[str]
    form_id: str | None = None
    form_version: str | None = None
    pending_changes: bool = False
    untouched_render: bool = False
    fingerprint: dict | None = None
    notes: list[str] = field(default_factory=list)  # Messages: English, Thai through translate()

    @property
    def verdict(self) -> str:
        """The route of the most serious finding (``standard`` if none)."""
        return worst(f.route for f in self.findings)

    @property
    def exit_code(self) -> int:
        """0 standard form, 1 review needed, 3 not permitted."""
        return EXIT_CODES[self.verdict]

    @property
    def reason(self) -> str:
        """Why the verdict is what it is: the first finding of the highest route."""
        top = [f for f in self.findings if f.route == self.verdict]
        if not top:
            return N_("the draft is the standard form: only listed alternatives and filled blanks")
        return top[0].message

    def to_dict(self) -> dict:
        """The report as JSON-ready data (schema ``moukit.check-report`` v2, see docs/)."""
        from .._version import __version__

        return {
            "schema": REPORT_SCHEMA,
            "schema_version": REPORT_SCHEMA_VERSION,
            "moukit_version": __version__,
            "verdict": self.verdict,
            "verdict_title": ROUTE_TITLES[self.verdict],
            "verdict_title_th": ROUTE_TITLES_TH[self.verdict],
            "exit_code": self.exit_code,
            "reason": self.reason,
            "form": {"id": self.form_id, "version": self.form_version},
            "sources": list(self.sources),
            "pending_changes": self.pending_changes,
            "untouched_render": self.untouched_render,
            "fingerprint": self.fingerprint,
            "notes": list(self.notes),
            "versions": [v.to_dict() for v in self.versions],
            "findings": [f.to_dict() for f in self.findings],
            "counts": {route: sum(f.route == route for f in self.findings) for route in ROUTES},
        }


def finding(code: str, message: str, **fields: Any) -> Finding:
    """A finding of one of :data:`CODES`, with its route, kind and rationale from the table
    (``message``: a :class:`moukit.i18n.Message`, so that the report can show it in Thai)."""
    c = CODES[code]
    return Finding(code=code, route=c.route, kind=c.kind, message=message,
                   rationale=c.rationale, rationale_th=c.rationale_th, **fields)
