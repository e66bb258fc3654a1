"""Answers kept for the questions met last: a batch of drafts asks the same questions (the
same lines, clauses and paragraphs) draft after draft.

>>> kept = Kept(2)
>>> kept.answer("a", lambda: 1), kept.answer("a", lambda: 2), kept.answer("b", lambda: 3)
(1, 1, 3)
>>> kept.answer("c", lambda: 4), sorted(kept)  # full: all dropped, the new answer kept
(4, ['c'])
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any


class Kept(dict):
    """A dict of answers by question, at most ``limit`` of them (all dropped when it is full:
    simpler than an LRU and as good for a batch, whose questions repeat soon)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def answer(self, question: Hashable, work: Callable[[], Any]) -> Any:
        """The answer kept for ``question``, else ``work()``, kept."""
        try:
            return self[question]
        except KeyError:  # (also where another thread dropped it in between)
            pass
        if len(self) >= self.limit:
            self.clear()
        value = self[question] = work()
        return value
