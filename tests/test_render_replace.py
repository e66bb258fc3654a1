"""``render -o`` never destroys a person's work: an existing file is replaced only when it is
an unchanged moukit rendering of the same spec, or with --force; refused, it is left as it was."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import moukit
from moukit import cli

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SPEC = EXAMPLES / "chiang-mai-hokkaido.yaml"
OTHER = EXAMPLES / "khon-kaen-da-nang.yaml"


def run(capsys, *args) -> tuple[int, str]:
    code = cli.main([str(a) for a in args])
    return code, capsys.readouterr().err


def edit_docx(path: Path, old: str, new: str) -> None:
    """Change a word in the body of a DOCX, as a person in Word would (properties kept)."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode(), 1)
            target.writestr(item, data)
    path.write_bytes(out.getvalue())


@pytest.mark.parametrize("suffix", [".docx", ".md", ".html", ".json", ".txt"])
def test_the_same_spec_rendered_again_replaces_its_own_file(tmp_path, capsys, suffix):
    out = tmp_path / f"mou{suffix}"
    assert run(capsys, "render", SPEC, "-o", out)[0] == 0
    first = out.read_bytes()
    assert run(capsys, "render", SPEC, "-o", out)[0] == 0
    assert out.read_bytes() == first


@pytest.mark.parametrize("suffix", [".docx", ".md", ".html", ".json", ".txt"])
def test_a_rendering_of_another_spec_is_kept_unless_forced(tmp_path, capsys, suffix):
    out = tmp_path / f"mou{suffix}"
    run(capsys, "render", OTHER, "-o", out)
    before = out.read_bytes()
    code, err = run(capsys, "render", SPEC, "-o", out)
    assert code == 2 and "--force" in err and "Traceback" not in err
    assert out.read_bytes() == before
    assert run(capsys, "render", SPEC, "-o", out, "--force")[0] == 0
    assert out.read_bytes() != before


def test_a_hand_edited_rendering_is_kept(tmp_path, capsys):
    out = tmp_path / "mou.docx"
    run(capsys, "render", SPEC, "-o", out)
    edit_docx(out, "Hokkaido", "Hokaido")
    edited = out.read_bytes()
    code, err = run(capsys, "render", SPEC, "-o", out)
    assert code == 2 and "changed after moukit wrote it" in err
    assert out.read_bytes() == edited
    assert not list(tmp_path.glob(".*.part"))


def test_a_hand_edited_markdown_rendering_is_kept(tmp_path, capsys):
    out = tmp_path / "mou.md"
    run(capsys, "render", SPEC, "-o", out, "--lang", "th,en")
    out.write_text(out.read_text(encoding="utf-8").replace("Hokkaido", "Hokaido", 1), encoding="utf-8")
    edited = out.read_bytes()
    code, err = run(capsys, "render", SPEC, "-o", out, "--lang", "th,en")
    assert code == 2 and "changed after moukit wrote it" in err
    assert out.read_bytes() == edited


@pytest.mark.parametrize("content", [b"my notes, typed by hand\n", b"PK\x03\x04 not really a zip",
                                     "บันทึกของฉัน".encode()])
def test_a_file_moukit_did_not_write_is_kept(tmp_path, capsys, content):
    for suffix in (".docx", ".txt", ".md"):
        out = tmp_path / f"notes{suffix}"
        out.write_bytes(content)
        code, err = run(capsys, "render", SPEC, "-o", out)
        assert code == 2, err
        assert out.read_bytes() == content


def test_a_word_document_a_person_made_is_kept(tmp_path, capsys):
    import docx

    out = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("A letter to the governor")
    document.save(out)
    before = out.read_bytes()
    code, err = run(capsys, "render", SPEC, "-o", out)
    assert code == 2 and "not a moukit rendering" in err
    assert out.read_bytes() == before


def test_the_refusal_is_in_thai_under_ui_lang_th(tmp_path, capsys):
    out = tmp_path / "notes.docx"
    out.write_bytes(b"notes")
    code, err = run(capsys, "--ui-lang", "th", "render", SPEC, "-o", out)
    assert code == 2
    assert "how to fix" not in err and "ไม่ใช่" in err


def test_the_api_refuses_too_and_force_replaces(tmp_path):
    out = tmp_path / "mou.docx"
    out.write_bytes(b"a person's file")
    result = moukit.render(moukit.load_spec(SPEC), "docx")
    with pytest.raises(moukit.OutputError) as caught:
        result.save(out)
    assert caught.value.code and caught.value.params == {"path": str(out)}
    assert out.read_bytes() == b"a person's file"
    result.save(out, force=True)
    assert out.read_bytes() == result.data
    result.save(out)  # its own unchanged rendering: replaced without force
