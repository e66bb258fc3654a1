"""Plain text: each language version in turn, or the clauses side by side in sequence."""

from __future__ import annotations

from ..errors import MoukitError
from ..model import Clause, Document, Version

SIGN_LINE = "...................."
VERSION_BREAK = "\n\n" + "=" * 72 + "\n\n"


def clause_text(clause: Clause) -> str:
    """A clause as text: numbered clauses get "N. ", signature blocks a signing line."""
    if clause.kind == "signature":
        first, *rest = clause.lines
        return "\n".join([first, SIGN_LINE, *rest])
    return f"{clause.number}. {clause.text}" if clause.number else clause.text


LAYOUTS = ("separate", "parallel")


def require_layout(document: Document, layout: str) -> None:
    """Raise :class:`MoukitError` unless the document has versions and the layout exists."""
    if not document.versions:
        raise MoukitError("the document has no language version to write")
    if layout not in LAYOUTS:
        raise MoukitError(f"unknown layout {layout!r}", hint="use separate or parallel")


def grouped(clauses) -> list:
    """The clauses in order, consecutive signature clauses gathered in a list (they are laid
    out side by side): ``[Clause, ..., [Clause, Clause]]``."""
    out: list = []
    for clause in clauses:
        if clause.kind == "signature":
            if out and isinstance(out[-1], list):
                out[-1].append(clause)
            else:
                out.append([clause])
        else:
            out.append(clause)
    return out


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
        for i, clause in enumerate(document.versions[0].clauses):
            blocks.append("\n\n".join(
                f"[{v.lang}] {clause_text(v.clauses[i])}" for v in document.versions
            ))
        text = ("\n\n" + "-" * 72 + "\n\n").join(blocks)
    return (text + "\n").encode("utf-8")
