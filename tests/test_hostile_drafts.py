"""Hostile and broken drafts for ``moukit check``: every one fails safely.

Each refusal is run with ``--html`` and ``--redline`` so that no report or redline may
appear (or change) when the draft is refused. Large drafts are generated on disk at test
time; the ones that could hang or eat memory run in a child process bounded in both.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import moukit
from hostile import drafts as hd
from hostile import specs as hs
from hostile.harness import (
    assert_clean_error,
    assert_no_secret,
    assert_refused,
    plant_secret,
    run_cli,
    run_module,
    run_process,
)

pytestmark = pytest.mark.slow  # hostile input, with child processes under limits: pytest -m "not slow" leaves it out

MiB = 1024 * 1024


def the_form(*added: str) -> str:
    """The English MOU of an example, with hostile paragraphs added after its title (a draft
    must be the form to get a report at all)."""
    spec = moukit.load_spec(Path(__file__).resolve().parent.parent / "examples" / "chiang-mai-chengdu.yaml")
    text = moukit.render(spec, "txt", languages=["en"]).data.decode("utf-8")
    title, _, rest = text.partition("\n\n")
    return "\n\n".join([title, *added, rest])


def draft_file(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refuse(capsys, tmp_path, name, data, *fragments, hint=True):
    """Write ``data`` as draft ``name`` and assert that checking it fails safely."""
    path = draft_file(tmp_path, name, data)
    return assert_refused(capsys, tmp_path, "check", [path], name, *fragments, hint=hint)


# --------------------------------------------------------------------------- not a draft


def test_empty(capsys, tmp_path):
    refuse(capsys, tmp_path, "draft.docx", b"", "the file is empty")


@pytest.mark.parametrize("name", ["draft.docx", "draft.txt", "draft"])
def test_binary_garbage(capsys, tmp_path, name):
    garbage = bytes((i * 167 + 13) % 256 for i in range(20_000))
    refuse(capsys, tmp_path, name, garbage, "not UTF-8 text")


def test_zip_signature_without_a_zip(capsys, tmp_path):
    refuse(capsys, tmp_path, "draft.docx", b"PK\x03\x04" + b"\x00" * 200, "not a readable .docx",
           "broken zip")


def test_truncated_docx(capsys, tmp_path):
    refuse(capsys, tmp_path, "draft.docx", hd.truncated(hd.docx("The two cities")),
           "not a readable .docx", "damaged or truncated")


def test_zip_that_is_not_a_word_document(capsys, tmp_path):
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("hello.txt", "hello")
    refuse(capsys, tmp_path, "draft.docx", buf.getvalue(), "not a Word document")


def test_missing_draft(capsys, tmp_path):
    assert_refused(capsys, tmp_path, "check", [tmp_path / "nope.docx"], "nope.docx",
                   "no such file", hint=True)


def test_draft_is_a_folder(capsys, tmp_path):
    folder = tmp_path / "draft.docx"
    folder.mkdir()
    assert_refused(capsys, tmp_path, "check", [folder], "draft.docx", "a folder", hint=True)


def test_pdf_and_rtf(capsys, tmp_path):
    refuse(capsys, tmp_path, "draft.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF")
    refuse(capsys, tmp_path, "draft.rtf", b"{\\rtf1\\ansi The two cities}", "Rich Text")


# --------------------------------------------------------------------------- bombs


def test_zip_bomb_part_over_50_mib(capsys, tmp_path):
    path = hd.write_zeros_part(tmp_path / "bomb.docx", 60 * MiB)
    assert path.stat().st_size < 1 * MiB
    assert_refused(capsys, tmp_path, "check", [path], "bomb.docx", "max_part_bytes", "refused",
                   "Limits(", hint=True)


def test_zip_bomb_in_a_process_is_quick_and_small(tmp_path):
    path = hd.write_zeros_part(tmp_path / "bomb.docx", 60 * MiB)
    started = time.monotonic()
    result = run_process("check", path, "--html", tmp_path / "r.html", cwd=tmp_path)
    assert time.monotonic() - started < 20
    assert_clean_error(result, "max_part_bytes")
    assert result.peak_kib < 300 * 1024
    assert not (tmp_path / "r.html").exists()


def test_high_compression_ratio(capsys, tmp_path):
    path = hd.write_zeros_part(tmp_path / "ratio.docx", 4 * MiB)
    assert_refused(capsys, tmp_path, "check", [path], "ratio.docx", "compression ratio",
                   "max_ratio", hint=True)


def test_too_many_entries(capsys, tmp_path):
    refuse(capsys, tmp_path, "many.docx", hd.many_entries(3000), "max_entries")


def test_xml_nesting_bomb(capsys, tmp_path):
    data = hd.nesting_bomb(20_000)
    refuse(capsys, tmp_path, "deep.docx", data, "not a readable .docx", "word/document.xml")


# --------------------------------------------------------------------------- XML attacks


@pytest.mark.parametrize("case", sorted(hd.xxe_documents(Path("/secret.txt"))))
def test_doctype_and_entities_are_refused_and_nothing_read(capsys, tmp_path, case):
    secret = plant_secret(tmp_path)
    data = hd.xxe_documents(secret)[case]
    result = refuse(capsys, tmp_path, "xxe.docx", data, "refused", "DOCTYPE", "XXE")
    assert_no_secret(result.out, result.err, tmp_path / "out-fresh", tmp_path / "out-existing")


def test_utf32_doctype_in_another_part_is_refused(capsys, tmp_path):
    secret = plant_secret(tmp_path)
    result = refuse(capsys, tmp_path, "xxe.docx", hd.utf32_doctype_part(secret), "DOCTYPE")
    assert_no_secret(result.out, result.err)


def test_utf32_doctype_in_another_part_reads_nothing(capsys, tmp_path):
    """Refused (see above), and in any case the entity is never resolved or written."""
    secret = plant_secret(tmp_path)
    path = draft_file(tmp_path, "xxe.docx", hd.utf32_doctype_part(secret))
    html, redline = tmp_path / "r.html", tmp_path / "r.docx"
    result = run_cli(capsys, "check", path, "--html", html, "--redline", redline)
    assert result.code == 2 and "Traceback" not in result.err
    assert_no_secret(result.out, result.err, *[p for p in (html, redline) if p.exists()])


def test_xinclude_reads_nothing(capsys, tmp_path):
    secret = plant_secret(tmp_path)
    result = refuse(capsys, tmp_path, "xi.docx", hd.xinclude_document(secret), "no text found")
    assert_no_secret(result.out, result.err)


@pytest.mark.parametrize("case", sorted(hd.macro_enabled()))
def test_macro_enabled_documents(capsys, tmp_path, case):
    refuse(capsys, tmp_path, "draft.docm", hd.macro_enabled()[case], "macro-enabled", "refused")


def test_password_protected_document(capsys, tmp_path):
    refuse(capsys, tmp_path, "locked.docx", hd.ole("encrypted"), "password-protected")


def test_old_binary_doc(capsys, tmp_path):
    refuse(capsys, tmp_path, "old.doc", hd.ole("doc"), "old binary Word format (.doc)")


def test_encrypted_zip_entry(capsys, tmp_path):
    data = bytearray(hd.docx("The two cities"))
    central = data.index(b"PK\x01\x02")
    data[central + 8] |= 0x1  # the "encrypted" flag of the first entry
    refuse(capsys, tmp_path, "draft.docx", bytes(data), "encrypted zip")


# --------------------------------------------------------------------------- huge text


def test_100_mib_of_text_is_refused_quickly_without_reading_it_all(tmp_path):
    path = hd.write_huge_text(tmp_path / "huge.txt", 100 * MiB)
    assert path.stat().st_size == 100 * MiB
    started = time.monotonic()
    result = run_process("check", path, "--html", tmp_path / "r.html", cwd=tmp_path)
    elapsed = time.monotonic() - started
    assert_clean_error(result, "huge.txt", "max_text_bytes", "refused")
    assert elapsed < 15, elapsed
    # the reader stops after max_text_bytes (20 MiB): the 100 MiB are never all resident
    assert result.peak_kib < 160 * 1024, result.peak_kib
    assert not (tmp_path / "r.html").exists()


def test_endless_device_is_bounded(tmp_path):
    result = run_process("check", "/dev/zero", cwd=tmp_path, timeout=30)
    assert_clean_error(result, "/dev/zero", "max_text_bytes")
    assert result.peak_kib < 200 * 1024


# --------------------------------------------------------------------------- not the form


def test_news_article_is_quick_and_refused_as_not_the_form(capsys, tmp_path):
    """A news article is not a draft of the form: a clear error (exit 2), quickly."""
    path = draft_file(tmp_path, "news.txt", hd.NEWS_ARTICLE.encode("utf-8"))
    started = time.monotonic()
    result = run_cli(capsys, "check", path, "--json")
    assert time.monotonic() - started < 10
    assert result.code == 2
    assert_clean_error(result, "news.txt")
    assert "not a Letter of Intent or Memorandum of Understanding of the form" in result.err


def test_unsupported_language_is_refused(capsys, tmp_path):
    refuse(capsys, tmp_path, "entwurf.txt", hd.GERMAN_LOI.encode("utf-8"),
           "a language moukit has no templates for", "available: en", "--templates")


def test_short_unsupported_language_is_refused(capsys, tmp_path):
    refuse(capsys, tmp_path, "entwurf.txt", hd.GERMAN_SHORT.encode("utf-8"),
           "a language moukit has no templates for")


def test_short_unsupported_language_never_crashes(capsys, tmp_path):
    path = draft_file(tmp_path, "entwurf.txt", hd.GERMAN_SHORT.encode("utf-8"))
    result = run_cli(capsys, "check", path)
    assert result.code in (1, 2, 3) and "Traceback" not in result.err


# --------------------------------------------------------------------------- what is shown


def test_terminal_report_neutralises_escapes_and_bidi(tmp_path):
    text = the_form("The two cities \x1b]0;pwned\x07\x1b[2J will fund the \u202eesor\u202c budget.")
    path = draft_file(tmp_path, "esc.txt", text.encode("utf-8"))
    result = run_module("check", path, "--color", cwd=tmp_path)
    assert result.code in (1, 3) and "Traceback" not in result.err
    shown = result.out.replace("\x1b[", "")  # moukit's own colour codes start with ESC [
    assert "\x1b" not in shown and "\x07" not in result.out and "\u202e" not in result.out


def test_html_report_escapes_the_draft(capsys, tmp_path):
    text = the_form("The two cities will cooperate with each other <script>alert(1)</script> on "
                    "the exchange of visits between their officials.", "<img src=x onerror=alert(2)>")
    path = draft_file(tmp_path, "xss.txt", text.encode("utf-8"))
    html = tmp_path / "r.html"
    result = run_cli(capsys, "check", path, "--html", html)
    assert result.code in (1, 3)
    page = html.read_text("utf-8")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)" in page


def test_redline_of_a_checked_docx_carries_no_doctype(capsys, tmp_path):
    """A genuine render, checked with --redline: the redline is a plain DOCX."""
    import io
    import zipfile

    spec = moukit.parse_spec(hs.dump(hs.base()))
    path = draft_file(tmp_path, "draft.docx", moukit.render(spec, "docx").data)
    redline = tmp_path / "red.docx"
    assert run_cli(capsys, "check", path, "--redline", redline).code == 0
    with zipfile.ZipFile(io.BytesIO(redline.read_bytes())) as archive:
        for name in archive.namelist():
            assert b"<!DOCTYPE" not in archive.read(name)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_secret_file_stays_unread_even_when_named_in_text(capsys, tmp_path):
    """A text draft naming a file path is text: the file is not opened."""
    secret = plant_secret(tmp_path)
    text = the_form(f"![x]({secret.as_uri()})", f"[y]({secret})")
    path = draft_file(tmp_path, "draft.md", text.encode("utf-8"))
    html = tmp_path / "r.html"
    result = run_cli(capsys, "check", path, "--html", html)
    assert result.code in (1, 3)
    assert_no_secret(result.out, result.err, html)
    assert os.path.exists(secret)
