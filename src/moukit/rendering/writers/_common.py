"""What every writer shares: the layouts, the signing line, the grouping of signature blocks
and the checks a document must pass before it is laid out."""

from __future__ import annotations

import re
import unicodedata

from ...errors import UsageError
from ...i18n import N_
from ...text.chars import THAI
from ..document import Document
from . import LAYOUTS

SIGN_LINE = "...................."
# estimated advance of a character and height of a line, as shares of the font size
ADVANCE = {"wide": 1.0, "thai": 0.6, "other": 0.45}
LINE_HEIGHT = {"complex": 1.5, "cjk": 1.4, "other": 1.15}
THAI_LETTER = re.compile(f"[{THAI}]")
# the narrowest and widest a parallel column may be, against an equal share of the width
COLUMN_BOUNDS = (0.8, 1.3)
WIDE_TABLE = 6  # columns from which a version is set on landscape pages (a plan's activities)


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


def printed_points(text: str, size: float) -> float:
    """The estimated printed length of ``text`` at ``size`` points: each character advances by a
    share of the size (ADVANCE: a whole size for an East Asian wide one, 0.6 for a Thai letter,
    0.45 for a Latin one), a combining mark (Thai vowels above and below, tone marks) by nothing.

    >>> printed_points("ผู้", 16), printed_points("中文", 12)
    (9.6, 24.0)
    """
    total = 0.0
    for ch in text:
        if unicodedata.category(ch) == "Mn":
            continue
        if unicodedata.east_asian_width(ch) in "WF":
            total += size * ADVANCE["wide"]
        else:
            total += size * ADVANCE["thai" if THAI_LETTER.match(ch) else "other"]
    return total


def column_shares(texts: list[str], sizes: list[float], kinds: list[str]) -> list[float]:
    """Each version's share of the width of a parallel layout, in proportion to the area its
    ``text`` prints on at its size (length times line height, LINE_HEIGHT of ``kind``:
    complex, cjk or other), so that a row comes out about as tall in every column; kept
    between COLUMN_BOUNDS of an equal share so that no column gets too narrow to read. Both
    the DOCX and the PDF writer lay out their columns by it.

    >>> [round(s, 2) for s in column_shares(["ก" * 100, "a" * 100], [16, 12], ["complex", "other"])]
    [0.6, 0.4]
    """
    areas = [(printed_points(text, size) or 1.0) * size * LINE_HEIGHT[kind]
             for text, size, kind in zip(texts, sizes, kinds)]
    return _bounded_shares(areas, *(bound / len(areas) for bound in COLUMN_BOUNDS))


def _bounded_shares(weights: list[float], low: float, high: float) -> list[float]:
    """Shares of 1 in proportion to ``weights``, each between ``low`` and ``high``: the share
    furthest out of bounds is set to its bound and the rest shared again, until all fit."""
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        total = sum(weights[i] for i in free)
        shares = {i: (1 - sum(fixed.values())) * weights[i] / total for i in free}
        out = {i: share - min(max(share, low), high) for i, share in shares.items()}
        worst = max(out, key=lambda i: abs(out[i]), default=None)
        if worst is None or abs(out[worst]) < 1e-9 or len(free) == 1:
            return [fixed.get(i, shares.get(i, 0.0)) for i in range(len(weights))]
        fixed[worst] = min(max(shares[worst], low), high)


def needs_landscape(version) -> bool:
    """Whether a version is set on landscape pages: it holds a table of :data:`WIDE_TABLE`
    columns or more (the strategic plan's activities), in every writer alike."""
    return any(c.kind == "table" and c.rows and max(map(len, c.rows)) >= WIDE_TABLE for c in version.clauses)
