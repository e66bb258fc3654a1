"""Every message a person reads goes through the catalog, in the whole package.

An AST scan of ``src/moukit`` finds every error, spec problem, translation problem and check
finding made with a message or hint that cannot be translated: an f-string, a ``%`` or
``.format`` expression, a concatenation, or a plain string not marked with ``N_`` (or ``_``).
Such a message stays English under ``--ui-lang th``; the test lists each one as file:line.

A second test runs bad input through the command line with ``--ui-lang th`` and asserts that
what the person reads is Thai.
"""

from __future__ import annotations

import ast
import inspect
import re
import zipfile
from pathlib import Path

import pytest

from moukit import cli, errors, i18n
from moukit.checking import report

PACKAGE = Path(errors.__file__).resolve().parent

# What is checked: the calls of these (resolved through each module's imports), and of each
# the arguments a person reads.
MESSAGE_ARGUMENTS = ("message", "hint")
TRANSLATED = {"N_", "_", "gettext"}


def _targets() -> dict[str, inspect.Signature]:
    """The qualified names of the checked callables, with their signatures."""
    found = {f"moukit.errors.{name}": inspect.signature(obj)
             for name, obj in vars(errors).items()
             if inspect.isclass(obj) and obj.__module__ == errors.__name__
             and (issubclass(obj, errors.MoukitError) or name in ("Problem", "TranslationProblem"))}
    for name in ("Finding", "finding"):
        found[f"moukit.checking.report.{name}"] = inspect.signature(getattr(report, name))
    return found


TARGETS = _targets()


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _names(tree: ast.Module, module: str, is_package: bool) -> dict[str, str]:
    """Each name the module uses for a checked callable -> its qualified name."""
    names: dict[str, str] = {}
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[:len(base) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                names[alias.asname or alias.name] = f"{source}.{alias.name}"
        elif isinstance(node, (ast.ClassDef, ast.FunctionDef)) and node in tree.body:
            names[node.name] = f"{module}.{node.name}"
    return {name: qualified for name, qualified in names.items() if qualified in TARGETS}


def _problem(node: ast.expr) -> str | None:
    """Why ``node``, given as a message or hint, cannot be translated (None: it can)."""
    if isinstance(node, ast.IfExp):
        return _problem(node.body) or _problem(node.orelse)
    if isinstance(node, ast.JoinedStr):
        return "an f-string"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return "a % expression"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return "a concatenation"
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return "a string not marked with N_"
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in ("format", "join"):
            return f"a .{func.attr} expression"
        if isinstance(func, ast.Name) and func.id in TRANSLATED:
            if not node.args or not (isinstance(node.args[0], ast.Constant)
                                     and isinstance(node.args[0].value, str)):
                return f"{func.id}() of something else than a literal template"
    return None


def _arguments(call: ast.Call, signature: inspect.Signature) -> list[tuple[str, ast.expr]]:
    """The message and hint arguments of ``call``, by name."""
    params = [p for p in signature.parameters.values()
              if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    found = [(param.name, arg) for param, arg in zip(params, call.args)]
    found += [(kw.arg, kw.value) for kw in call.keywords if kw.arg]
    return [(name, value) for name, value in found if name in MESSAGE_ARGUMENTS]


def scan(path: Path) -> list[str]:
    """Every untranslatable message or hint in the file at ``path``, as ``file:line: why``."""
    return scan_source(path.read_text(encoding="utf-8"), _module_name(path),
                       path.name == "__init__.py", path.relative_to(PACKAGE.parent.parent).as_posix())


def scan_source(source: str, module: str, is_package: bool, where: str) -> list[str]:
    """Every untranslatable message or hint in ``source``, the text of ``module``."""
    tree = ast.parse(source, where)
    names = _names(tree, module, is_package)
    out = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in names):
            continue
        for name, value in _arguments(node, TARGETS[names[node.func.id]]):
            why = _problem(value)
            if why:
                out.append(f"{where}:{value.lineno}: {node.func.id}(... {name}=) is {why}")
    return out


def test_every_message_of_the_package_goes_through_the_catalog():
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 50
    found = [line for path in files for line in scan(path)]
    assert not found, "messages a person reads, not translatable:\n" + "\n".join(found)


BAD_CALLS = {
    "f-string": 'raise DraftError(path, f"the file {path} is empty")',
    "format": 'raise UsageError("unknown format {f}".format(f=f))',
    "concatenation": 'raise OutputError("cannot write " + path)',
    "percent": 'raise FormError("bad form %s" % name)',
    "plain hint": 'raise FormError(N_("bad form"), hint="add it")',
    "problem": 'Problem("a.b", "must be a number", 3)',
    "translation problem": 'TranslationProblem("u1", "row 2", message=f"empty {x}")',
    "finding": 'finding("MK-C001", "binding language: " + match)',
    "template not literal": 'raise FormError(N_(text))',
    "either branch": 'raise FormError(N_("a") if x else "b")',
}


def scan_example(body: str) -> list[str]:
    """The scan of a module ``moukit.checking.example`` whose function ``f`` is ``body``."""
    source = ("from ..errors import DraftError, FormError, OutputError, Problem, TemplateError, "
              "TranslationProblem, UsageError\nfrom .report import finding\nfrom ..i18n import N_\n"
              "from jinja2 import TemplateError as JinjaError\n\n\n"
              "def f(path, f, name, x, text, match, message):\n" + body)
    return scan_source(source, "moukit.checking.example", False, "example.py")


@pytest.mark.parametrize("code", BAD_CALLS.values(), ids=BAD_CALLS.keys())
def test_the_scan_finds_a_message_that_is_not_translatable(code):
    found = scan_example(f"    x = 1\n    {code}\n")
    assert len(found) == 1 and found[0].startswith("example.py:9:"), found


def test_the_scan_accepts_translatable_messages_and_other_classes():
    assert scan_example(
        "    raise DraftError(path, N_('the file {file} is empty', file=path), hint=message)\n"
        "    raise TemplateError(message)\n"
        "    raise JinjaError(f'not ours {path}')\n"
        "    raise ValueError('internal ' + path)\n") == []


# ---------------------------------------------------------------- what the person reads

THAI = re.compile(r"[\u0E01-\u0E5B]")
ENGLISH_RUN = re.compile(r"[A-Za-z']+(?:[ ,]+[A-Za-z']+){3,}")


def english_outside_values(text: str, values: list[str]) -> list[str]:
    """The runs of four or more English words in ``text`` once file names and values are out."""
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, " ")
    text = re.sub(r"\S+\.(?:docx|odt|pdf|yaml|yml|txt|xyz|md|j2|xlf)\b", " ", text)
    return ENGLISH_RUN.findall(text)


def thai_error(capsys, *args) -> str:
    i18n.set_language(None)
    try:
        code = cli.main(["--ui-lang", "th", *map(str, args)])
    finally:
        i18n.set_language(None)
    out, err = capsys.readouterr()
    assert code == 2, (code, out, err)
    return err


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[list[object], list[str]]]:
    """Each bad input: the command line, and the values its error may quote."""
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(b"PK\x03\x04 not really a zip")
    odt = tmp_path / "draft.odt"
    with zipfile.ZipFile(odt, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    pdf = tmp_path / "draft.pdf"
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")
    unknown = tmp_path / "draft.xyz"
    unknown.write_bytes(b"\x00\x01\x02\x03 binary")
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - {code: MK-C001, route: ministries, patterns: {en: ['x']}}\n", "utf-8")
    example = PACKAGE.parent.parent / "examples" / "chiang-mai-hokkaido.yaml"
    from moukit import load_spec, render

    text_draft = tmp_path / "draft.txt"
    text_draft.write_bytes(render(load_spec(example), "txt").data)
    buddhist_era = tmp_path / "be.yaml"
    buddhist_era.write_text(example.read_text("utf-8").replace("date: 2026-", "date: 2569-"), "utf-8")
    assert buddhist_era.read_text("utf-8") != example.read_text("utf-8")
    return {
        "damaged docx": (["check", damaged], []),
        "odt": (["check", odt], []),
        "pdf": (["check", pdf], []),
        "unknown format": (["check", unknown], []),
        "missing file": (["check", tmp_path / "missing.docx"], []),
        "unknown language": (["render", example, "--lang", "th,fr", "-o", tmp_path / "o.txt"], ["fr"]),
        "bad rule pack": (["check", text_draft, "--rules", rules], ["MK-C001", "ministries"]),
        "bad templates": (["render", example, "--templates", tmp_path / "no-packs",
                           "-o", tmp_path / "o.txt"], []),
        "redline of a text draft": (["check", text_draft, "--redline", tmp_path / "r.docx"], []),
        "spec with a Buddhist-Era year": (["render", buddhist_era, "-o", tmp_path / "o.txt"],
                                          ["signing.date"]),
        "a person's file at the output": (["render", example, "-o", damaged], []),
    }


BAD_INPUTS = ("damaged docx", "odt", "pdf", "unknown format", "missing file", "unknown language",
              "bad rule pack", "bad templates", "redline of a text draft", "spec with a Buddhist-Era year",
              "a person's file at the output")


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_errors_of_bad_input_are_thai_under_ui_lang_th(capsys, tmp_path, case):
    args, values = _bad_inputs(tmp_path)[case]
    err = thai_error(capsys, *args)
    assert THAI.search(err), err
    assert "how to fix" not in err, err
    assert not english_outside_values(err, values + [str(tmp_path)]), err


def test_a_failing_command_with_json_prints_the_error_as_json(capsys, tmp_path):
    import json

    missing = tmp_path / "missing.docx"
    code = cli.main(["--ui-lang", "th", "check", str(missing), "--json"])
    out, err = capsys.readouterr()
    i18n.set_language(None)
    data = json.loads(out)
    assert code == 2 and THAI.search(err)
    assert data["error"] == "DraftError" and data["code"].startswith("M-")
    assert data["message"] == f"{missing}: no such file" and data["params"] == {"file": str(missing)}
    assert data["hint"] == "check the path and the file name"
    assert THAI.search(data["message_th"]) and THAI.search(data["hint_th"])


def test_forms_in_thai_shows_the_fields_and_options_in_thai(capsys):
    from moukit.forms import get_form
    from moukit.packs.library import default_library

    code = cli.main(["--ui-lang", "th", "forms"])
    out = capsys.readouterr().out
    i18n.set_language(None)
    assert code == 0
    for key, wording in default_library().pack("th").lexicon["fields"].items():
        assert f"{key}  " in out and wording in out
    for variant in get_form("mou").variants.values():
        assert variant.description_th and variant.description_th in out
        assert variant.description not in out
