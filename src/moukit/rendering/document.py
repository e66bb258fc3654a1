"""The document model: what a rendered agreement says, clause by clause, per language.

Every writer (DOCX, HTML, Markdown, text, JSON) lays out this model; the deviation check
compares drafts against it. Clause ids are the same in every language.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field

from .._version import __version__


@dataclass(frozen=True)
class Clause:
    """One clause of one language version."""

    id: str
    kind: str  # title | paragraph | numbered | signature, and the dossier's (LETTER_KINDS)
    number: str | None
    text: str

    @property
    def lines(self) -> list[str]:
        """The clause's lines (a title or a signature block has several)."""
        return self.text.split("\n")

    @property
    def rows(self) -> list[list[str]]:
        """A ``table`` or ``columns`` clause's rows: its lines, cells parted by tabs (a table's
        first row is its header)."""
        return [line.split("\t") for line in self.lines]


# the kinds of the dossier's documents (moukit.dossier), beyond an agreement's: the Garuda
# emblem (the office's image or a box), a row of cells set left and right (the letter number
# and the office), a block starting at the middle of the line (the date, the closing), a
# signature block under it, a body paragraph indented on its first line, a heading, a table
LETTER_KINDS = ("emblem", "columns", "from_middle", "signoff", "body", "heading", "table")


@dataclass(frozen=True)
class Version:
    """One complete language version of the agreement."""

    lang: str
    language_name: str  # the language's name in itself, e.g. ไทย, 日本語
    locale: str  # babel locale used for dates and lists
    clauses: tuple[Clause, ...]
    draft_marker: str | None = None
    text_version: str | None = None  # the language pack's version (its pack.yaml)
    text_status: str = "user"  # official | unofficial (moukit's translation) | user

    def clause(self, clause_id: str) -> Clause:
        """The clause with this id."""
        for c in self.clauses:
            if c.id == clause_id:
                return c
        raise KeyError(clause_id)

    @property
    def title(self) -> str:
        """The title as one line (a letter's: its subject)."""
        ids = [c.id for c in self.clauses]
        return " ".join(self.clause("title" if "title" in ids or "subject" not in ids else "subject").lines)

    def plain_text(self) -> str:
        """The version as plain text, one paragraph per clause."""
        out = [self.draft_marker] if self.draft_marker else []
        for c in self.clauses:
            out.append(f"{c.number}. {c.text}" if c.number else c.text)
        return "\n\n".join(out)


@dataclass(frozen=True)
class Document:
    """A rendered agreement: form identity, fingerprint and one version per language."""

    form_id: str
    form_version: str
    instrument: str
    versions: tuple[Version, ...]
    fingerprint: dict = field(default_factory=dict)
    signing_date: str = ""
    notices: tuple = ()
    parties: dict = field(default_factory=dict)  # names and countries of the parties per language
    emblem: bytes = b""  # the image of an "emblem" clause (the office's Garuda), else a box

    def version(self, lang: str) -> Version:
        """The version in language ``lang``."""
        for v in self.versions:
            if v.lang == lang:
                return v
        raise KeyError(lang)

    @property
    def languages(self) -> tuple[str, ...]:
        """Language codes in document order."""
        return tuple(v.lang for v in self.versions)

    def stamp(self, layout: str) -> dict:
        """The fingerprint a writer stores: the document's own, what a hand-made document
        lacks derived from it, and the layout actually written."""
        return {**fingerprint(self.form_id, self.form_version, self.versions, layout),
                **self.fingerprint, "layout": layout}

    def to_dict(self) -> dict:
        """The model as JSON-ready data (``moukit render --format json``)."""
        return {
            "form": {"id": self.form_id, "version": self.form_version, "instrument": self.instrument},
            "fingerprint": dict(self.fingerprint),
            "signing_date": self.signing_date,
            "notices": [n.to_dict() for n in self.notices],
            "parties": self.parties,
            "versions": [
                {
                    "lang": v.lang,
                    "language_name": v.language_name,
                    "draft_marker": v.draft_marker,
                    "text": {"version": v.text_version, "status": v.text_status},
                    "clauses": [asdict(c) for c in v.clauses],
                }
                for v in self.versions
            ],
        }


def fingerprint(form_id: str, form_version: str, versions: tuple[Version, ...], layout: str,
                spec_sha256: str | None = None) -> dict:
    """What identifies a rendering: generator and version, form, the spec's hash (when it
    comes from a spec), the text's hash, languages and layout."""
    text = "\n\n".join(v.plain_text() for v in versions)
    out = {"generator": "moukit", "moukit_version": __version__, "form_id": form_id,
           "form_version": form_version}
    if spec_sha256:
        out["spec_sha256"] = spec_sha256
    out.update(text_sha256=hashlib.sha256(text.encode()).hexdigest(),
               languages=",".join(v.lang for v in versions),
               texts=",".join(f"{v.lang} {v.text_version or '-'} {v.text_status}" for v in versions),
               layout=layout)
    return out
