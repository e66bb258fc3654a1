"""The code passes the linter (pyflakes, import order, bugbear: see [tool.ruff] in
pyproject.toml): unused imports, undefined names and loop-variable traps fail the suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_finds_nothing():
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "src", "tests", "bench"],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
