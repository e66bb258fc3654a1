"""The curated public API: ``moukit.__all__`` is sorted, complete and importable."""

from __future__ import annotations

import subprocess
import sys

import moukit


def test_all_is_sorted_and_every_name_resolves():
    assert moukit.__all__ == sorted(moukit.__all__)
    for name in moukit.__all__:
        assert getattr(moukit, name) is not None, name


def test_functions_stay_functions_after_their_modules_are_imported():
    import moukit.checker  # noqa: F401
    import moukit.rendering  # noqa: F401

    assert callable(moukit.render) and moukit.render.__module__ == "moukit.rendering"
    assert callable(moukit.check) and moukit.check.__module__ == "moukit.checker"


def test_every_error_is_a_moukit_error():
    for name in moukit.__all__:
        value = getattr(moukit, name)
        if isinstance(value, type) and issubclass(value, Exception):
            assert issubclass(value, moukit.MoukitError), name


def test_every_public_callable_has_a_docstring():
    for name in moukit.__all__:
        value = getattr(moukit, name)
        if callable(value):
            assert (value.__doc__ or "").strip(), name


def test_import_moukit_is_light():
    code = "import sys, moukit; print(','.join(m for m in ('pydantic', 'docx', 'babel', 'jinja2', 'pythainlp') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
