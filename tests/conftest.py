"""Shared fixtures: example specs, offline pythainlp."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture
def load_example():
    import moukit

    def load(name: str):
        return moukit.load_spec(EXAMPLES / f"{name}.yaml")

    return load
