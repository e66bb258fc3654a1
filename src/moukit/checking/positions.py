"""Which paragraphs of a language version hold which clause of the form: by position, never
by wording.

A translation may word every clause differently from moukit's text, so its paragraphs are
matched to the form's clauses by what does not depend on wording: their order, the clause
numbers a draft writes ("3.", "ข้อ 3", "第三条", "제3조", "Điều 3"), the date in the signing
clause, the signature blocks at the end, and, to settle the paragraphs the form does not
number, how many of each clause's meaning units a paragraph expresses. The assignment is a
dynamic programme over paragraphs and clauses in order: a clause may take several paragraphs
(a title typed line by line), a paragraph may be one the form does not have, a clause may be
missing.

>>> numbered("第三条 双方将鼓励各自有关部门")
('双方将鼓励各自有关部门', 3)
>>> numbered("ข้อ ๔ ทั้งสองฝ่าย")
('ทั้งสองฝ่าย', 4)
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text.editorial import number_value
from ..text.normalize import SIGNING_LINE, strip_numbering

MAX_RUN = 8  # paragraphs one clause may take


def cjk_number(text: str) -> int:
    """The value of a small number written in digits or Chinese numerals (up to 99; 0 when
    it is neither).

    >>> cjk_number("十二"), cjk_number("二十"), cjk_number("7")
    (12, 20, 7)
    """
    return number_value(text) or 0


def numbered(text: str) -> tuple[str, int | None]:
    """A paragraph without its leading clause number (any style listed as data, see
    :mod:`moukit.text.editorial`), and that number (None when it has none)."""
    rest, number = strip_numbering(text.lstrip())
    if number is not None:
        return rest, int(number)
    return text, None


@dataclass
class Paragraph:
    """One paragraph of a version, as the assignment sees it."""

    index: int  # among the paragraphs
    text: str  # without its clause number
    number: int | None
    has_date: bool
    signature: bool  # a table cell, or a dotted signing line: a signature block
    units: dict[str, float]  # clause id -> share of its meaning units the paragraph expresses
    block: int = 0  # the block of the version that holds it


def assign(paragraphs: list[Paragraph], clauses) -> tuple[dict[str, list[int]], list[int]]:
    """The paragraphs (indices) of each clause, and the paragraphs no clause has.

    ``clauses`` are the form's :class:`~moukit.forms.ClauseDef` in order. Each choice is
    scored (numbers that agree, the date in the signing clause, signature blocks at the
    signatures, the share of a clause's units a paragraph expresses) and the best order-keeping
    assignment wins.
    """
    n, m = len(paragraphs), len(clauses)
    neg = float("-inf")
    # best[i][j]: paragraphs[:i] given to clauses[:j]; back[i][j]: how it was reached
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    extra_cost = [_extra(p, clauses) for p in paragraphs]
    # each paragraph's fit to each clause, as the first of its paragraphs and as a later one
    # (computed once: the runs below try the same pairs again and again)
    fit = [[(_score(p, c, first=True), _score(p, c, first=False)) for c in clauses] for p in paragraphs]
    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j]
            if here == neg:
                continue
            if j < m and here + MISSING > best[i][j + 1]:  # clause j is missing
                best[i][j + 1], back[i][j + 1] = here + MISSING, ("missing", i, j)
            if i < n and here + extra_cost[i] > best[i + 1][j]:  # paragraph i is extra
                best[i + 1][j], back[i + 1][j] = here + extra_cost[i], ("extra", i, j)
            if j < m:  # clause j takes paragraphs i .. k-1
                total = 0.0
                for k in range(i + 1, min(n, i + MAX_RUN) + 1):
                    total += fit[k - 1][j][0 if k - 1 == i else 1]
                    if here + total > best[k][j + 1]:
                        best[k][j + 1], back[k][j + 1] = here + total, ("take", i, j)
    taken: dict[str, list[int]] = {c.id: [] for c in clauses}
    extra: list[int] = []
    i, j = n, m
    while i or j:
        kind, pi, pj = back[i][j]
        if kind == "take":
            taken[clauses[pj].id] = [p.index for p in paragraphs[pi:i]]
        elif kind == "extra":
            extra.append(paragraphs[pi].index)
        i, j = pi, pj
    return taken, sorted(extra)


MISSING = -3.0  # a clause the version does not have


def _extra(paragraph: Paragraph, clauses) -> float:
    """A paragraph no clause has: worse the more it looks like one of the form's clauses (a
    signature block is told by its look, not by its "For")."""
    shares = [paragraph.units.get(c.id, 0.0) for c in clauses if c.kind != "signature"]
    return -1.5 - 2.0 * max(shares, default=0.0)


def _score(paragraph: Paragraph, clause, first: bool) -> float:
    """How well ``paragraph`` fits ``clause`` (the first of its paragraphs, or a later one)."""
    score = 1.0 if first else -0.6  # a clause in several paragraphs costs a little per paragraph
    if clause.kind in ("title", "signature") and not first:
        score = 0.4  # a title or a signature block is often typed line by line
    if clause.kind == "title" and first and paragraph.index == 0:
        score += 2.0  # a version starts with its title (whose first line may be a value only)
    if paragraph.number is not None:  # a draft renumbers after a deletion: the units weigh more
        score += 1.5 if paragraph.number == clause.number else -1.5
    elif clause.number is not None and first:
        score -= 0.5
    if paragraph.has_date:
        score += 2.0 if clause.id == "signing" else -0.5
    if paragraph.signature:
        score += 2.5 if clause.kind == "signature" else -1.5
    elif clause.kind == "signature" and first:
        score -= 0.5
    # a clause's units tell where it starts; found again further on, they count less
    return score + (5.0 if first else 2.0) * paragraph.units.get(clause.id, 0.0)


def is_signing_line(text: str) -> bool:
    """True when one of the lines of ``text`` is a dotted or ruled line to sign on."""
    return any(SIGNING_LINE.match(line) for line in text.split("\n") if line.strip())
