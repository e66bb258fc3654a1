"""Shared fixtures: example specs, offline pythainlp."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# pythainlp never downloads nor writes, in this process and in every child process it starts
# (they inherit the environment); should it try, its data folder is a temporary one, not
# ~/pythainlp-data (tests/test_api_hygiene.py checks that moukit itself writes nothing there)
os.environ.update(PYTHAINLP_OFFLINE="1", PYTHAINLP_READ_ONLY="1")
os.environ.pop("PYTHAINLP_DATA_DIR", None)  # the older name; pythainlp refuses both at once
_PYTHAINLP_DATA = tempfile.mkdtemp(prefix="moukit-tests-pythainlp-")
os.environ["PYTHAINLP_DATA"] = _PYTHAINLP_DATA
atexit.register(shutil.rmtree, _PYTHAINLP_DATA, ignore_errors=True)
# moukit's compiled-pattern cache (moukit.text.regex_cache) in a folder of the test run's own,
# shared by this process and its children, never the home folder's
_MOUKIT_CACHE = tempfile.mkdtemp(prefix="moukit-tests-cache-")
os.environ["MOUKIT_CACHE_DIR"] = _MOUKIT_CACHE
os.environ.pop("MOUKIT_NO_CACHE", None)
atexit.register(shutil.rmtree, _MOUKIT_CACHE, ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


TODAY = "2026-11-30"  # the day the tests are set on: a spec's signing date is far or near from it


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch):
    """Fix "today" (the far-signing-date notice, MK-W006, depends on it) so that results do not
    change with the calendar."""
    import datetime

    monkeypatch.setattr("moukit.spec.notices.current_date", lambda: datetime.date.fromisoformat(TODAY))


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture
def load_example():
    import moukit

    def load(name: str):
        return moukit.load_spec(EXAMPLES / f"{name}.yaml")

    return load


def pytest_terminal_summary(terminalreporter):
    """Print the trust suite's recall and false-alarm figures, as measured in this run."""
    try:
        from mutations import STATS
    except ImportError:  # pragma: no cover
        return
    if not STATS:
        return
    tr = terminalreporter
    tr.section("moukit trust suite")
    totals: dict[str, list[int]] = {}
    for name in sorted(STATS):
        row = STATS[name]
        kind = name.split()[0]
        total = totals.setdefault(kind, [0, 0])
        total[0] += row["cases"]
        total[1] += row["ok"]
        if kind == "false-alarm":
            bad = row["cases"] - row["ok"]
            tr.write_line(f"{name:34} {row['cases']:6} renders   false alarms {100 * bad / row['cases']:.2f}%")
        elif kind.startswith("recall"):
            tr.write_line(f"{name:34} {row['cases']:6} mutants   recall {100 * row['ok'] / row['cases']:.2f}%")
        else:  # the translation corpora: cases judged right
            tr.write_line(f"{name:44} {row['ok']:4}/{row['cases']:<4} right")
    for kind, (cases, ok) in sorted(totals.items()):
        if kind == "false-alarm":
            tr.write_line(f"TOTAL false alarms: {cases - ok}/{cases} = {100 * (cases - ok) / cases:.2f}%")
        else:
            tr.write_line(f"TOTAL {kind}: {ok}/{cases} = {100 * ok / cases:.2f}%")
