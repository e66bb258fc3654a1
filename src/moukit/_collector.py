"""Rarer collections of cyclic garbage while a batch of drafts is checked.

A check allocates hundreds of thousands of short-lived lists, tuples and dicts, almost all
freed by their reference counts. With Python's default thresholds (700, 10, 10) the cyclic
collector still runs every 700 allocations, and every few hundred of those passes it walks
every object the process holds (modules, the form's patterns, what the batch keeps), some
50 to 80 ms each time: 5 to 10 % of a batch of 140 drafts. While :func:`rarer_collections`
is active, the thresholds are :data:`BATCH_THRESHOLDS`: the garbage cycles a batch makes
are still collected, a few times per hundred drafts.

The thresholds belong to the process, so the change is made once for any number of
batches running at the same time (threads) and undone when the last ends; it is not undone
when the program set other thresholds in between, and nothing is changed where automatic
collection is off (a first threshold of 0) or already as rare.

Undone, Python's thresholds would make the next allocation pay for the batch at once: up to
50,000 young objects walked, and, where the batch's passes have made the middle generation
due, every object of both younger generations (80 ms at the end of a batch of 140). So
what the younger generations hold then joins the oldest unexamined (``gc.freeze`` then
``gc.unfreeze``: two moves of lists), where the next full pass examines it; not where the
program froze objects itself, which ``gc.unfreeze`` would release.

>>> import gc
>>> before = gc.get_threshold()
>>> with rarer_collections():
...     gc.get_threshold()[0] >= BATCH_THRESHOLDS[0]
True
>>> gc.get_threshold() == before
True
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

BATCH_THRESHOLDS = (50_000, 20, 100)  # Python's defaults: (700, 10, 10)

_lock = threading.Lock()
_active = 0  # batches running
_restore: tuple[tuple[int, ...], tuple[int, ...]] | None = None  # (the thresholds set, those before)


@contextmanager
def rarer_collections() -> Iterator[None]:
    """Run the block with the collector's thresholds at :data:`BATCH_THRESHOLDS` (see the
    module), then put back those it had."""
    global _active, _restore
    with _lock:
        if _active == 0:
            before = gc.get_threshold()
            wanted = tuple(max(now, batch) for now, batch in zip(before, BATCH_THRESHOLDS))
            if before[0] and wanted != before:
                gc.set_threshold(*wanted)
                _restore = (wanted, before)
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0 and _restore is not None:
                ours, theirs = _restore
                _restore = None
                if gc.get_threshold() == ours:  # (else the program set its own meanwhile)
                    if not gc.get_freeze_count():
                        gc.freeze()
                        gc.unfreeze()
                    gc.set_threshold(*theirs)
