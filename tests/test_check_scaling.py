"""The check stays linear in the length of a draft (issue 13).

Bounds on ratios of CPU time measured in one process, not on absolute times: generous enough
for a loaded machine, far below what the quadratic code did. The drafts are those of
``bench/scale.py`` (the trilingual Hokkaido MOU with an English annex).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

import moukit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import scale  # noqa: E402


def _cpu(data: bytes, rounds: int = 3) -> float:
    """The least CPU time of ``rounds`` checks of ``data`` (the least is the least disturbed)."""
    times = []
    for _ in range(rounds):
        start = time.process_time()
        moukit.check([data])
        times.append(time.process_time() - start)
    return min(times)


@pytest.fixture(scope="module")
def base() -> bytes:
    data = scale.rendered_docx()
    moukit.check([data])  # the one-time work of a check, before anything is timed
    return data


def test_one_changed_word_in_a_variant_clause_costs_about_an_untouched_draft(base):
    """A word changed in clause 2 (a variant clause) makes the check choose the variant: by
    the variant clauses, word by word, it costs about nothing more. Comparing the characters
    of the whole text (annex included) made it 6 times an untouched draft at 30 pages."""
    untouched, changed = scale.scaled(base, 30, False), scale.scaled(base, 30, True)
    report = moukit.check([changed])
    scale.verify_scaled(report, 30, True)  # the one word is found, in clause 2
    assert _cpu(changed) / _cpu(untouched) < 2.5


@pytest.mark.slow  # about 7 s
def test_ten_times_the_paragraphs_cost_at_most_about_ten_times_as_much(base):
    """Many short added paragraphs: a scan of every word for each paragraph (align's
    quadratic loops) made 4,000 of them cost 49 times 400. Linear work costs about 10 times,
    more as the part of a check that does not grow with the draft (the form's text, the other
    versions) gets cheaper: 8 to 12 times before stop 28 made that part cheaper, 12 to 16
    after (docs/speed.md); the paragraphs' own cost per paragraph did not change."""
    small = scale.edited(base, [], appended=scale.annex_paragraphs(400, 1))
    large = scale.edited(base, [], appended=scale.annex_paragraphs(4000, 1))
    assert _cpu(large, 2) / _cpu(small, 3) < 20
