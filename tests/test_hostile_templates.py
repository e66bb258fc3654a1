"""Hostile and broken user templates (``--templates DIR``): every one fails safely.

The sandbox must refuse any way to Python internals, a template must not read files outside
its folders, and a broken template or lexicon is named with its file (and line when known).
"""

from __future__ import annotations

import re

import pytest

from hostile import specs as hs
from hostile import templates as ht
from hostile.harness import (
    assert_clean_error,
    assert_no_secret,
    assert_refused,
    plant_secret,
    run_cli,
    run_process,
)

pytestmark = pytest.mark.slow  # hostile input, with child processes under limits: pytest -m "not slow" leaves it out


@pytest.fixture
def spec(tmp_path):
    """A valid Thai-English MOU spec (the English pack is the one being attacked)."""
    return hs.write(tmp_path, "spec.yaml", hs.dump(hs.base("mou", "en")))


@pytest.fixture
def pack(tmp_path):
    """A user template folder holding a copy of the shipped English pack."""
    return ht.user_pack(tmp_path / "templates")


def refuse(capsys, tmp_path, spec, pack, *fragments, hint=False):
    return assert_refused(capsys, tmp_path, "render", [spec], *fragments, hint=hint,
                          extra=["--templates", pack])


def test_the_untouched_copy_renders(capsys, tmp_path, spec, pack):
    """Control case: the copied pack itself is fine, so each failure below is the injection's."""
    out = tmp_path / "out.txt"
    assert run_cli(capsys, "render", spec, "-o", out, "--templates", pack).code == 0
    assert "Shanghai Municipality" in out.read_text("utf-8")


# --------------------------------------------------------------------------- syntax


def test_syntax_error_names_file_and_line(capsys, tmp_path, spec, pack):
    line = ht.inject(pack, "{% if %}")
    refuse(capsys, tmp_path, spec, pack, str(ht.pack_file(pack, "mou.j2")), f"line {line}",
           "template syntax error")


def test_unclosed_block_names_the_file(capsys, tmp_path, spec, pack):
    path = ht.pack_file(pack, "mou.j2")
    text = path.read_text("utf-8")
    path.write_text(text[: text.rindex("{% endblock %}")], "utf-8")
    refuse(capsys, tmp_path, spec, pack, str(path), "line ", "endblock")


def test_binary_template_fails_cleanly_in_a_process(tmp_path, spec, pack):
    ht.pack_file(pack, "mou.j2").write_bytes(b"\xff\xfe\x00\x01 not a template")
    result = run_process("render", spec, "-o", tmp_path / "out.txt", "--templates", pack,
                         cwd=tmp_path)
    assert_clean_error(result, "mou.j2")


def test_missing_clause_block(capsys, tmp_path, spec, pack):
    ht.rename_block(pack, "c3", "c99")
    refuse(capsys, tmp_path, spec, pack, str(ht.pack_file(pack, "mou.j2")),
           "missing clause block(s): c3", "unknown block(s): c99", hint=True)


def test_missing_templates_folder(capsys, tmp_path, spec):
    refuse(capsys, tmp_path, spec, tmp_path / "nowhere", "nowhere", "templates directory not found",
           hint=True)


# --------------------------------------------------------------------------- the sandbox


@pytest.mark.parametrize("code", ht.SANDBOX_ESCAPES.values(), ids=list(ht.SANDBOX_ESCAPES))
def test_sandbox_refuses_python_internals(capsys, tmp_path, spec, pack, code):
    ht.inject(pack, code)
    result = refuse(capsys, tmp_path, spec, pack, str(ht.pack_file(pack, "mou.j2")),
                    "cannot render", hint=True)
    assert "unsafe" in result.err or "has no attribute" in result.err, result.err
    assert "<class" not in result.err and "__builtins__" not in result.err


def test_sandbox_refusal_gives_the_template_line(capsys, tmp_path, spec, pack):
    line = ht.inject(pack, ht.SANDBOX_ESCAPES["str-mro"])
    refuse(capsys, tmp_path, spec, pack, f"mou.j2, line {line}:")


@pytest.mark.parametrize("kind", ["absolute", "relative", "import", "from-import"])
def test_include_outside_the_folder_reads_nothing(capsys, tmp_path, spec, pack, kind):
    secret = plant_secret(tmp_path)
    relative = "../../secret.txt"
    code = {
        "absolute": "{% include '" + str(secret) + "' %}",
        "relative": "{% include '" + relative + "' %}",
        "import": "{% import '" + relative + "' as x %}",
        "from-import": "{% from '" + str(secret) + "' import x %}",
    }[kind]
    ht.inject(pack, code)
    result = refuse(capsys, tmp_path, spec, pack, "mou.j2", "cannot render")
    assert_no_secret(result.err, result.out, *tmp_path.glob("out-*"))


def test_extends_outside_the_folder_reads_nothing(capsys, tmp_path, spec, pack):
    """``{% extends %}`` is never followed (clause blocks are rendered one by one)."""
    plant_secret(tmp_path)
    ht.inject(pack, "{% extends '../../secret.txt' %}", before=True)
    out = tmp_path / "out.txt"
    result = run_cli(capsys, "render", spec, "-o", out, "--templates", pack)
    assert result.code in (0, 2), result.err
    assert "Traceback" not in result.err
    assert_no_secret(result.err, result.out, *([out] if out.exists() else []))


def test_undefined_variable_is_an_error(capsys, tmp_path, spec, pack):
    ht.inject(pack, "{{ os.environ }}")
    refuse(capsys, tmp_path, spec, pack, "mou.j2", "'os' is undefined")


@pytest.mark.parametrize("code", ht.RUNTIME_ERRORS.values(), ids=list(ht.RUNTIME_ERRORS))
def test_python_errors_in_a_template_fail_cleanly(tmp_path, spec, pack, code):
    ht.inject(pack, code)
    out = tmp_path / "out.txt"
    result = run_process("render", spec, "-o", out, "--templates", pack, cwd=tmp_path)
    assert not out.exists()
    assert_clean_error(result, "mou.j2")


@pytest.mark.parametrize("code", ht.RUNTIME_ERRORS.values(), ids=list(ht.RUNTIME_ERRORS))
def test_python_errors_in_a_template_leave_no_file_and_do_not_hang(tmp_path, spec, pack, code):
    """Even as tracebacks today: bounded time and memory, nothing written."""
    ht.inject(pack, code)
    out = tmp_path / "out.txt"
    result = run_process("render", spec, "-o", out, "--templates", pack, cwd=tmp_path)
    assert result.code != 0 and not out.exists()
    assert result.peak_kib < 1024 * 1024


# --------------------------------------------------------------------------- the lexicon


@pytest.mark.parametrize("content, fragments", [
    ("language: en\nname: [unclosed\n  x: : :\n", ("lexicon is not valid YAML", "line 3")),
    (b"\xff\xfe\x00garbage", ("cannot read the lexicon",)),
    ("- a\n- list\n", ("the lexicon must be a YAML mapping",)),
    ("", ("the lexicon must be a YAML mapping",)),
    ("language: en\nname: English\n", ("the lexicon lacks", "alternatives")),
    ("language: fr\nname: x\nlocale: fr\nalternatives: {}\nfields: {}\n", ("says language 'fr'",)),
], ids=["not-yaml", "binary", "list", "empty", "incomplete", "wrong-language"])
def test_broken_lexicon(capsys, tmp_path, spec, pack, content, fragments):
    path = ht.write_lexicon(pack, content)
    refuse(capsys, tmp_path, spec, pack, str(path), *fragments)


def test_lexicon_python_tag_never_runs(capsys, tmp_path, spec, pack):
    marker = tmp_path / "pwned"
    path = ht.write_lexicon(pack, f"language: en\nname: !!python/object/apply:os.system "
                                  f"['touch {marker}']\n")
    refuse(capsys, tmp_path, spec, pack, str(path), "not valid YAML")
    assert not marker.exists()


def test_lexicon_alias_bomb_is_bounded(tmp_path, spec, pack):
    """PyYAML's safe loader shares aliased nodes, so a bomb in a lexicon stays small."""
    bomb = hs.billion_laughs(levels=12, width=12).replace("instrument:", "bomb:")
    lexicon = ht.pack_file(pack, "lexicon.yaml")
    ht.write_lexicon(pack, lexicon.read_text("utf-8") + bomb)
    out = tmp_path / "out.txt"
    result = run_process("render", spec, "-o", out, "--templates", pack, cwd=tmp_path)
    assert result.code == 0, result.err
    assert result.peak_kib < 500 * 1024


def test_markup_in_a_lexicon_is_escaped_in_html(capsys, tmp_path, spec, pack):
    lexicon = ht.pack_file(pack, "lexicon.yaml")
    text = lexicon.read_text("utf-8")
    text = re.sub(r"(?m)^(    participants: ).*$", r"\1<script>alert(1)</script>", text, count=1)
    lexicon.write_text(text, "utf-8")
    out = tmp_path / "out.html"
    assert run_cli(capsys, "render", spec, "-o", out, "--templates", pack).code == 0
    page = out.read_text("utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)" in page
