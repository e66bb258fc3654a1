"""A batch raises the cyclic collector's thresholds while it runs and puts them back after,
whatever happens: an error, batches in several threads, a program that sets its own or froze
objects; what it made then joins the oldest generation unexamined."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest

import moukit
import moukit.checking.pipeline as pipeline
from moukit._collector import BATCH_THRESHOLDS, rarer_collections


@pytest.fixture()
def defaults():
    """Python's default thresholds for the test, whatever the process had."""
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield (700, 10, 10)
    gc.set_threshold(*before)


def _draft(tmp_path):
    path = tmp_path / "mou.txt"
    spec = moukit.load_spec(Path(__file__).resolve().parent.parent / "examples" / "chiang-mai-hokkaido.yaml")
    path.write_bytes(moukit.render(spec, "txt").data)
    return path


def test_a_batch_checks_with_rare_collections_and_restores_the_thresholds(defaults, tmp_path, monkeypatch):
    seen = []
    check_detailed = pipeline.check_detailed

    def watched(*args, **kwargs):
        seen.append(gc.get_threshold())
        return check_detailed(*args, **kwargs)

    monkeypatch.setattr(pipeline, "check_detailed", watched)
    batch = moukit.check_all([_draft(tmp_path)])
    assert batch.verdict == "standard"
    assert seen == [BATCH_THRESHOLDS]
    assert gc.get_threshold() == defaults


def test_the_thresholds_come_back_when_a_batch_fails(defaults, tmp_path):
    memo = tmp_path / "memo.txt"
    memo.write_text("Dear colleagues,\nplease find the draft attached.\n", "utf-8")
    with pytest.raises(moukit.MoukitError):
        moukit.check_all([memo])
    assert gc.get_threshold() == defaults


def test_batches_in_threads_restore_the_thresholds_once_the_last_ends(defaults):
    inside, release = threading.Barrier(3), threading.Event()

    def batch():
        with rarer_collections():
            inside.wait(timeout=10)
            release.wait(timeout=10)

    threads = [threading.Thread(target=batch) for _ in range(2)]
    for t in threads:
        t.start()
    inside.wait(timeout=10)  # both batches are running
    assert gc.get_threshold() == BATCH_THRESHOLDS
    with rarer_collections():  # and a third, nested in this thread's code
        pass
    assert gc.get_threshold() == BATCH_THRESHOLDS
    release.set()
    for t in threads:
        t.join(timeout=10)
    assert gc.get_threshold() == defaults


def test_thresholds_a_program_sets_during_a_batch_are_kept(defaults):
    with rarer_collections():
        gc.set_threshold(1000, 5, 5)
    assert gc.get_threshold() == (1000, 5, 5)


@pytest.mark.parametrize("own", [(0, 10, 10), (100_000, 50, 200)])
def test_collection_turned_off_or_already_rarer_is_left_alone(own):
    before = gc.get_threshold()
    gc.set_threshold(*own)
    try:
        with rarer_collections():
            assert gc.get_threshold() == own
        assert gc.get_threshold() == own
    finally:
        gc.set_threshold(*before)


def test_only_the_thresholds_lower_than_a_batchs_are_raised(defaults):
    gc.set_threshold(700, 50, 5)
    with rarer_collections():
        assert gc.get_threshold() == (BATCH_THRESHOLDS[0], 50, BATCH_THRESHOLDS[2])
    assert gc.get_threshold() == (700, 50, 5)


def test_what_a_batch_made_joins_the_oldest_generation_unexamined(defaults):
    """At its end a batch moves what the younger generations hold to the oldest (through the
    permanent generation, left empty), so that Python's thresholds, put back, do not make the
    next allocation walk it all at once."""
    gc.collect()
    with rarer_collections():
        made = [[] for _ in range(5000)]
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(x) in oldest for x in made)
    assert gc.get_freeze_count() == 0


def test_what_a_program_froze_stays_frozen(defaults, tmp_path):
    draft = _draft(tmp_path)
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        assert moukit.check_all([draft]).verdict == "standard"
        assert gc.get_freeze_count() == frozen and gc.get_threshold() == defaults
    finally:
        gc.unfreeze()
