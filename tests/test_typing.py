"""Type hints: every public function is fully annotated, a type checker (mypy) accepts the
documented uses of the API under --strict and catches a wrong one, the package passes mypy
with the configuration in pyproject.toml, and the wheel ships ``py.typed``."""

from __future__ import annotations

import inspect
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import moukit

ROOT = Path(__file__).resolve().parent.parent
USAGE = Path(__file__).resolve().parent / "typing" / "api_usage.py"

WRONG_CALLS = '''import moukit
moukit.check(123)
moukit.render(None)
moukit.render("spec.yaml", languages=5)
verdict: int = moukit.check("mou.docx").verdict
moukit.check_text(b"bytes")
'''


def _mypy(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    if subprocess.run([sys.executable, "-m", "mypy", "--version"], capture_output=True).returncode:
        pytest.skip("mypy is not installed (pip install -e '.[test]' installs it)")
    # moukit from this source tree (not another installed copy); the cache in the tmp dir
    env = dict(os.environ, MYPYPATH=str(ROOT / "src"))
    return subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), *args],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)


def test_the_documented_uses_pass_and_wrong_ones_fail_under_strict(tmp_path):
    wrong = tmp_path / "wrong_calls.py"
    wrong.write_text(WRONG_CALLS, "utf-8")
    config = tmp_path / "mypy.ini"  # --strict alone, not the package's lenient overrides
    config.write_text("[mypy]\n", "utf-8")
    run = _mypy(tmp_path, "--strict", "--config-file", str(config), "--follow-imports", "silent",
                str(USAGE), str(wrong))
    errors = re.findall(r"^(.*?):(\d+): error: (.*)$", run.stdout, re.M)
    assert [e for e in errors if Path(e[0]).name != wrong.name] == [], run.stdout
    # each wrong call is caught: moukit's hints are seen (not Any) and say what is accepted
    assert sorted({int(line) for _, line, _ in errors}) == [2, 3, 4, 5, 6], run.stdout


def test_the_package_passes_mypy_with_its_configuration(tmp_path):
    run = _mypy(tmp_path)  # files and per-module strictness from pyproject.toml
    assert run.returncode == 0, run.stdout + run.stderr


def _public_functions():
    for name in moukit.__all__:
        value = getattr(moukit, name)
        if inspect.isfunction(value):
            yield name, value
        elif inspect.isclass(value):  # the methods and properties the class itself defines
            for attr, member in vars(value).items():
                if attr.startswith("_") and attr != "__init__":
                    continue
                if isinstance(member, property):
                    member = member.fget
                if inspect.isfunction(member) and member.__module__.startswith("moukit"):
                    yield f"{name}.{attr}", member


def test_every_public_function_is_fully_annotated():
    checked = dict(_public_functions())
    assert {"check", "check_text", "render", "parse_spec", "Rendering.save", "Report.to_dict"} <= set(checked)
    for name, function in checked.items():
        signature = inspect.signature(function)
        untyped = [p.name for p in signature.parameters.values()
                   if p.annotation is inspect.Parameter.empty and p.name not in ("self", "cls")]
        assert untyped == [], f"{name}: no type hint for {', '.join(untyped)}"
        if function.__name__ != "__init__":
            assert signature.return_annotation is not inspect.Signature.empty, f"{name}: no return type"


def test_the_wheel_ships_py_typed(tmp_path):
    pytest.importorskip("hatchling", reason="hatchling is not installed (pip install -e '.[test]')")
    run = subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    (wheel,) = tmp_path.glob("moukit-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "moukit/py.typed" in names
    assert "moukit/locale/th/LC_MESSAGES/moukit.mo" in names
