"""Plain text: each language version in turn, or the clauses side by side in sequence."""

from __future__ import annotations

from ..document import Clause, Document, Version
from ._common import SIGN_LINE, require_layout

VERSION_BREAK = "\n\n" + "=" * 72 + "\n\n"


def clause_text(clause: Clause) -> str:
    """A clause as text: numbered clauses get "N. ", signature blocks a signing line."""
    if clause.kind == "signature":
        first, *rest = clause.lines
        return "\n".join([first, SIGN_LINE, *rest])
    return f"{clause.number}. {clause.text}" if clause.number else clause.text


def version_text(version: Version) -> str:
    """One language version as text."""
    parts = [version.draft_marker] if version.draft_marker else []
    parts += [clause_text(c) for c in version.clauses]
    return "\n\n".join(parts)


def write(document: Document, *, layout: str = "separate") -> bytes:
    """The document as UTF-8 text; ``parallel`` gives each clause in every language in turn."""
    require_layout(document, layout)
    if layout == "separate":
        text = VERSION_BREAK.join(version_text(v) for v in document.versions)
    else:
        blocks = []
        for i in range(len(document.versions[0].clauses)):
            blocks.append("\n\n".join(
                f"[{v.lang}] {clause_text(v.clauses[i])}" for v in document.versions
            ))
        text = ("\n\n" + "-" * 72 + "\n\n").join(blocks)
    return (text + "\n").encode("utf-8")
