"""What every writer shares: the layouts, the signing line, the grouping of signature blocks
and the checks a document must pass before it is laid out."""

from __future__ import annotations

from ...errors import UsageError
from ...i18n import N_
from ..document import Document
from . import LAYOUTS

SIGN_LINE = "...................."


def require_layout(document: Document, layout: str) -> None:
    """Raise :class:`MoukitError` unless the document has versions, the layout exists and, for
    the parallel layout, every version has the same clauses in the same order."""
    if not document.versions:
        raise UsageError(N_("the document has no language version to write"))
    if layout not in LAYOUTS:
        raise UsageError(N_("unknown layout {layout}", layout=repr(layout)),
                         hint=N_("use one of: {choices}", choices=", ".join(LAYOUTS)))
    if layout == "parallel":
        require_same_clauses(document)


def require_same_clauses(document: Document) -> None:
    """Raise :class:`MoukitError` unless every version has the clauses of the first, in order
    (only then can they stand side by side, a row per clause)."""
    first = [c.id for c in document.versions[0].clauses]
    for version in document.versions[1:]:
        if [c.id for c in version.clauses] != first:
            raise UsageError(
                N_("the {lang} version does not have the same clauses as the {first} version, so "
                   "they cannot be laid out side by side", lang=version.lang,
                   first=document.versions[0].lang),
                hint=N_("use the separate layout, or render every language from the same form"),
            )


def grouped(clauses, kind=lambda clause: clause.kind) -> list:
    """The clauses in order, consecutive signature clauses gathered in a list (they are laid
    out side by side): ``[Clause, ..., [Clause, Clause]]``. ``kind`` tells an item's kind
    (to group, say, clause numbers by the kinds of the clauses they stand for)."""
    out: list = []
    for clause in clauses:
        if kind(clause) == "signature":
            if out and isinstance(out[-1], list):
                out[-1].append(clause)
            else:
                out.append([clause])
        else:
            out.append(clause)
    return out
