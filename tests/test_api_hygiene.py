"""moukit leaves no trace: the library and the command line write nothing outside the files
they are asked to write but their own cache folder (compiled patterns, which
``MOUKIT_NO_CACHE=1`` turns off; pythainlp's data folder is never created in the home folder),
and the test suite turns every warning into an error."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import moukit

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "chiang-mai-hokkaido.yaml"


def _clean_env(home: Path) -> dict[str, str]:
    """The environment of a user who set nothing for pythainlp, with ``home`` as home folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHAINLP_", "MOUKIT_"))}
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"), XDG_DATA_HOME=str(home / ".local"),
               PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
    return env


def test_the_command_line_writes_nothing_in_the_home_folder_but_its_cache(tmp_path):
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    (work / "mou.txt").write_bytes(moukit.render(EXAMPLE, "txt").data)
    for no_cache in (True, False):
        env = _clean_env(home)
        if no_cache:
            env["MOUKIT_NO_CACHE"] = "1"
        # the check reads names with pythainlp, whose corpus module makes ~/pythainlp-data on
        # import unless PYTHAINLP_READ_ONLY is set, as moukit does when it is imported
        check = subprocess.run([sys.executable, "-m", "moukit", "check", "mou.txt"],
                               cwd=work, env=env, capture_output=True, text=True, timeout=120)
        assert check.returncode == 0, check.stderr
        written = sorted(p.relative_to(home).as_posix() for p in home.rglob("*"))
        if no_cache:
            assert written == []
        else:  # the compiled patterns, in the XDG cache folder, and nothing else
            assert written == [".cache", ".cache/moukit",
                               f".cache/moukit/regex-{sys.implementation.cache_tag}.bin"]
        assert sorted(p.name for p in work.iterdir()) == ["mou.txt"]
    probe = subprocess.run([sys.executable, "-c", "import moukit, os, pythainlp.corpus; "
                            "print(os.environ['PYTHAINLP_READ_ONLY'])"],
                           cwd=work, env=_clean_env(home), capture_output=True, text=True, timeout=120)
    assert probe.stdout.strip() == "1", probe.stderr


def test_the_tests_keep_pythainlp_in_a_temporary_folder():
    data = Path(os.environ["PYTHAINLP_DATA"])
    assert os.environ["PYTHAINLP_READ_ONLY"] == "1" and "PYTHAINLP_DATA_DIR" not in os.environ
    assert data.is_relative_to(tempfile.gettempdir())


WARNED = {
    "test_generator.py": "import pytest\n\n\ndef cases():\n    yield 1\n\n\n"
                         "@pytest.mark.parametrize('n', cases())\ndef test_generator(n):\n    assert n\n",
    "test_deprecated.py": "import warnings\n\n\ndef test_deprecated():\n"
                          "    warnings.warn('old', DeprecationWarning)\n",
}


def test_warnings_are_errors_in_the_test_suite(tmp_path):
    for name, text in WARNED.items():
        (tmp_path / name).write_text(text, "utf-8")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "--continue-on-collection-errors", "-c", str(ROOT / "pyproject.toml"),
                          "--rootdir", str(tmp_path), *sorted(WARNED)],
                         capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert run.returncode != 0
    # a generator passed to parametrize (pytest 10 will refuse it) and any other warning
    assert "ERROR test_generator.py - pytest.PytestRemovedIn10Warning" in run.stdout, run.stdout
    assert "FAILED test_deprecated.py::test_deprecated - DeprecationWarning: old" in run.stdout, run.stdout
