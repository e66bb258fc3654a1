"""The curated public API: ``moukit.__all__`` is sorted, complete and importable."""

from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
import types
from pathlib import Path

import moukit


def _package_source() -> ast.Module:
    return ast.parse(Path(moukit.__file__).read_text("utf-8"))


def _literal(tree: ast.Module, name: str):
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == name:
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} is not a literal in moukit/__init__.py")


def test_all_is_a_sorted_literal_of_the_lazy_exports():
    # static tools read __all__ only when it is a literal
    tree = _package_source()
    exports = _literal(tree, "_EXPORTS")
    assert _literal(tree, "__all__") == moukit.__all__ == sorted([*exports, "__version__"])


def test_the_type_checking_imports_are_the_lazy_exports():
    tree = _package_source()
    block = next(node for node in tree.body if isinstance(node, ast.If)
                 and getattr(node.test, "id", "") == "TYPE_CHECKING")
    imported = {alias.name: node.module for node in ast.walk(block)
                if isinstance(node, ast.ImportFrom) for alias in node.names}
    assert imported == _literal(tree, "_EXPORTS")


def test_every_public_name_is_in_all_and_resolves():
    for name in moukit.__all__:
        assert getattr(moukit, name) is not None, name
        if name != "__version__":
            module = importlib.import_module(f"moukit.{_literal(_package_source(), '_EXPORTS')[name]}")
            assert getattr(module, name) is getattr(moukit, name), name
    implementation = {"TYPE_CHECKING", "Any", "annotations", "import_module", "os"}
    public = {name for name, value in vars(moukit).items()
              if not name.startswith("_") and not isinstance(value, types.ModuleType)}
    assert public - implementation == set(moukit.__all__) - {"__version__"}


def test_functions_stay_functions_after_their_modules_are_imported():
    import moukit.checking.pipeline  # noqa: F401
    import moukit.rendering.build  # noqa: F401

    assert callable(moukit.render) and moukit.render.__module__ == "moukit.rendering.build"
    assert callable(moukit.check) and moukit.check.__module__ == "moukit.checking.pipeline"


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


def test_the_documented_api_is_all():
    # docs/api.md's first table names every public name, and only those
    text = (Path(__file__).resolve().parent.parent / "docs" / "api.md").read_text("utf-8")
    table = text.split("\n\n| name | what it is |", 1)[1].split("\n\n", 1)[0]
    first_cells = [row.split("|")[1] for row in table.splitlines()[2:]]
    documented = {re.match(r"\w+", name).group() for cell in first_cells
                  for name in re.findall(r"`([^`]+)`", cell)}
    assert documented == set(moukit.__all__)


def test_the_workbench_is_built_on_the_public_api_only():
    """moukit.web imports from moukit only the names of moukit.__all__ (and the message
    catalog, moukit.i18n, which holds its own texts): anything it needs, a program can do."""
    web = Path(moukit.__file__).resolve().parent / "web"
    for path in sorted(web.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                module = "." * node.level + (node.module or "")
                if node.level == 1 or module.startswith((".i18n", "..i18n", "moukit.i18n")) \
                        or not (node.level or module.startswith("moukit")):
                    continue  # the workbench's own modules, the catalog, other packages
                assert module in ("..", "moukit"), f"{path.name}: from {module} import ..."
                names = {alias.name for alias in node.names}
                assert names <= set(moukit.__all__), f"{path.name}: {names - set(moukit.__all__)}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    assert alias.name == "moukit" or not alias.name.startswith("moukit"), \
                        f"{path.name}: import {alias.name}"
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                    and node.value.id == "moukit":
                assert node.attr in moukit.__all__, f"{path.name}: moukit.{node.attr}"
