"""difflib's sequence matcher, with a faster search for the longest match (same results).

A check aligns the words of the form (a few hundred) with the words of the whole draft
(a hundred thousand for 300 pages). difflib finds matching blocks by recursion: the longest
match, then the same on each side of it. Each search walks, for every word of the form,
every place where the draft has that word ("the": tens of thousands in a long draft), and
each recursion on the right-hand part walks them again (a sixth of the check of a 300-page
draft).

:class:`RangeMatcher` finds the same match (the longest, then the earliest in the first
sequence, then in the second: difflib's order) by another route. A match of two words or
more ends at a place where the draft has the same two words in a row as the form: those
places are found for every pair of neighbouring words of the form in one pass over the
draft (kept for every later search), and sought inside the range by bisection; a match of one word matters only until a longer one is found.
It is used without junk (``isjunk=None``, ``autojunk=False``), which is how the check
compares words; with junk it is difflib's own search.

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
from typing import cast

_NONE: dict[int, int] = {}  # no match ends at the word before (only read)


class RangeMatcher(difflib.SequenceMatcher):
    """A :class:`difflib.SequenceMatcher` whose longest-match search visits the places where
    the second sequence has two words of the first in a row (same results)."""

    a: Sequence
    b: Sequence
    b2j: dict  # item of b -> its places in b, in order
    bjunk: set
    bpopular: set

    def set_seq2(self, b: Sequence) -> None:
        """A new second sequence (forgets the pairs of places found in the last)."""
        self._pairs: dict[tuple, list[int]] = {}
        super().set_seq2(b)

    def find_longest_match(self, alo: int = 0, ahi: int | None = None, blo: int = 0,
                           bhi: int | None = None) -> difflib.Match:
        """The longest block ``a[i:i+k] == b[j:j+k]`` with ``alo <= i``, ``i+k <= ahi``,
        ``blo <= j``, ``j+k <= bhi``; of those, the smallest ``i``, then the smallest ``j``."""
        ahi = len(self.a) if ahi is None else ahi
        bhi = len(self.b) if bhi is None else bhi
        if self.bjunk or self.bpopular:
            return super().find_longest_match(alo, ahi, blo, bhi)
        a = self.a
        pairs_at = self._pairs_in(alo, ahi)  # (for i, the places of the pair ending at a[i]: pairs_at[i - alo - 1])
        best_i, best_j, best_size = alo, blo, 0
        longer: dict[int, int] = _NONE  # place j in b -> size (2 or more) of the match ending at (i - 1, j)
        for i in range(alo, ahi):
            if best_size == 0:  # a match of one word: the first place in range, if any
                places = self.b2j.get(a[i])
                k = bisect_left(places, blo) if places else 0
                if places and k < len(places) and places[k] < bhi:
                    best_i, best_j, best_size = i, places[k], 1
            pairs = pairs_at[i - alo - 1] if i > alo else None
            if not pairs:
                longer = _NONE
                continue
            now: dict[int, int] = {}
            get = longer.get
            for j in pairs[bisect_left(pairs, blo + 1):bisect_left(pairs, bhi)]:
                size = now[j] = get(j - 1, 1) + 1
                if size > best_size:
                    best_i, best_j, best_size = i - size + 1, j - size + 1, size
            longer = now
        return difflib.Match(best_i, best_j, best_size)

    def _pairs_in(self, alo: int, ahi: int) -> list[list[int]]:
        """For each pair of neighbouring words of ``a[alo:ahi]``, the places j (in order)
        where ``b[j - 1]`` and ``b[j]`` are that pair (looked up once for the range: a
        search walks the range word by word)."""
        a, known = self.a, self._pairs
        found = [known.get(pair) for pair in zip(a[alo:ahi - 1], a[alo + 1:ahi])]
        if None in found:  # (a pair of a first sequence set or changed since the last pass)
            self._find_pairs()
            return [known[pair] for pair in zip(a[alo:ahi - 1], a[alo + 1:ahi])]
        return cast("list[list[int]]", found)

    def _find_pairs(self) -> None:
        """The places of every pair of neighbouring words of the first sequence, found in one
        pass over the second (instead of a search for each pair: a long draft's common words have
        thousands of places each)."""
        a, b = self.a, self.b
        wanted: dict[tuple, list[int]] = {pair: [] for pair in zip(a, a[1:]) if pair not in self._pairs}
        if not wanted:
            return
        get = wanted.get
        for j, pair in enumerate(zip(b, b[1:]), 1):
            places = get(pair)
            if places is not None:
                places.append(j)
        self._pairs.update(wanted)
