"""difflib's sequence matcher, with a search for the longest match that stays in its range.

A check aligns the words of the form (a few hundred) with the words of the whole draft
(a hundred thousand for 300 pages). difflib finds matching blocks by recursion: the longest
match, then the same on each side of it. Each search walks, for every word of the form,
the list of places where the draft has that word; the places before the searched range
are skipped one by one, so on a long draft a search on the right-hand part walked past
tens of thousands of places of "the" for nothing (a sixth of the check of a 300-page draft).

:class:`RangeMatcher` finds the same matches (the longest, then the earliest in the first
sequence, then in the second: difflib's order) and visits only the places inside the
range, found by bisection in the sorted lists difflib keeps. It is used without junk
(``isjunk=None``, ``autojunk=False``), which is how the check compares words; with junk it
is difflib's own search.

>>> m = RangeMatcher(None, "the city of the".split(), "of the city of the province".split(), autojunk=False)
>>> m.find_longest_match(0, 4, 0, 6)
Match(a=0, b=1, size=4)
>>> m.get_opcodes() == difflib.SequenceMatcher(None, m.a, m.b, autojunk=False).get_opcodes()
True
"""

from __future__ import annotations

import difflib
from bisect import bisect_left
from collections.abc import Sequence


class RangeMatcher(difflib.SequenceMatcher):
    """A :class:`difflib.SequenceMatcher` whose longest-match search visits only the places
    of the second sequence inside the searched range (same results)."""

    a: Sequence
    b: Sequence
    b2j: dict  # item of b -> its places in b, in order
    bjunk: set
    bpopular: set

    def find_longest_match(self, alo: int = 0, ahi: int | None = None, blo: int = 0,
                           bhi: int | None = None) -> difflib.Match:
        """The longest block ``a[i:i+k] == b[j:j+k]`` with ``alo <= i``, ``i+k <= ahi``,
        ``blo <= j``, ``j+k <= bhi``; of those, the smallest ``i``, then the smallest ``j``."""
        ahi = len(self.a) if ahi is None else ahi
        bhi = len(self.b) if bhi is None else bhi
        if self.bjunk or self.bpopular:
            return super().find_longest_match(alo, ahi, blo, bhi)
        a, places_of = self.a, self.b2j
        best_i, best_j, best_size = alo, blo, 0
        ending: dict[int, int] = {}  # place in b -> length of the match ending there (previous i)
        for i in range(alo, ahi):
            places = places_of.get(a[i])
            now: dict[int, int] = {}
            if places:
                first = bisect_left(places, blo)
                get = ending.get
                for j in places[first:bisect_left(places, bhi, first)]:
                    size = now[j] = get(j - 1, 0) + 1
                    if size > best_size:
                        best_i, best_j, best_size = i - size + 1, j - size + 1, size
            ending = now
        return difflib.Match(best_i, best_j, best_size)
