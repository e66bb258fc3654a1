"""The workbench (``moukit serve``) through Starlette's test client: every page in Thai and
English, the New agreement form against ``moukit init``'s spec, downloads that check as the
standard form, a check of an edited draft, and the security of the uploads and forms."""

from __future__ import annotations

import io
import re
import tempfile
import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("multipart")
with warnings.catch_warnings():  # starlette 1.x asks for httpx2 (httpx still works)
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

import docx  # noqa: E402

import moukit  # noqa: E402
from hostile import drafts as hd  # noqa: E402
from moukit.spec import interview  # noqa: E402
from moukit.web import agreement, security  # noqa: E402
from moukit.web.app import create_app  # noqa: E402
from moukit.web.texts import TEXTS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "chiang-mai-hokkaido.yaml"
TRILINGUAL = ROOT / "examples" / "rayong-jeollanam-do.yaml"
PAGES = ["/", "/new", "/check", "/forms", "/forms?instrument=loi", "/dossier"]
DOSSIER = ROOT / "examples" / "chiang-mai-chengdu-dossier.yaml"


@pytest.fixture
def client():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with TestClient(create_app(), raise_server_exceptions=False) as test_client:
            yield test_client


def token(client, path="/new") -> str:
    """The CSRF token of a page (the client keeps the cookie it goes with)."""
    return re.search(r'name="csrf" value="([^"]+)"', client.get(path).text).group(1)


def form_values(spec) -> tuple[dict, list[str]]:
    """The page's fields for ``spec``, as a person would fill them, and the ticked fields."""
    answers, _base = agreement.answers_of(spec)
    values = agreement.defaults(answers)
    fields = [f for f in values.pop("fields", "").split(",") if f]
    return values, fields


def post_form(client, path, values, fields, **extra):
    return client.post(path, data={**values, "fields": fields, "csrf": token(client), **extra})


def edited_docx(spec, old="maintain direct contact", new="maintain regular contact") -> bytes:
    draft = docx.Document(io.BytesIO(moukit.render(spec, "docx").data))
    for paragraph in draft.paragraphs:
        for run in paragraph.runs:
            run.text = run.text.replace(old, new)
    out = io.BytesIO()
    draft.save(out)
    return out.getvalue()


def field_error(html: str, name: str) -> list[str]:
    return re.findall(rf'<p class="field-error" id="e-{name}">([^<]*)</p>', html)


# ---------------------------------------------------------------- pages and languages


@pytest.mark.parametrize("path", PAGES)
def test_each_page_is_thai_by_default_and_english_on_request(client, path):
    thai = client.get(path)
    assert thai.status_code == 200 and '<html lang="th">' in thai.text
    english = client.get(path + ("&" if "?" in path else "?") + "lang=en")
    assert english.status_code == 200 and '<html lang="en">' in english.text
    thai_name = moukit.i18n.translate(TEXTS["nav_check"], "th")
    assert thai_name != "Check a draft" and thai_name in thai.text and "Check a draft" not in thai.text
    assert "Check a draft" in english.text and thai_name not in english.text


def test_the_language_choice_is_kept_in_a_cookie(client):
    client.get("/?lang=en")
    assert '<html lang="en">' in client.get("/check").text
    client.get("/?lang=th")
    assert '<html lang="th">' in client.get("/check").text
    assert '<html lang="th">' in client.get("/check?lang=xx").text  # an unknown one is ignored


def test_every_question_of_init_is_on_the_page(client):
    shown = {key for _section, keys in agreement.SECTIONS for key in keys}
    assert shown == set(interview.QUESTION_BY_KEY)
    html = client.get("/new").text
    for question in interview.QUESTIONS:
        names = ([agreement.alternative_field(i, question.key) for i in ("mou", "loi")
                  if question.key in moukit.get_form(i).alternatives]
                 if question.key in interview.alternatives() else [question.key])
        assert any(f'name="{name}"' in html for name in names), question.key
    from moukit.spec.provinces import all_provinces

    assert all(f'<option value="{p.name_th}">' in html for p in all_provinces())  # the datalist


def test_labels_and_help_are_inits_in_thai(client):
    html = client.get("/new").text
    assert moukit.i18n.translate(interview.QUESTION_BY_KEY["province"].prompt, "th") in html
    assert "เมืองพี่เมืองน้อง" in html  # the Thai lexicon's wording of an alternative
    english = client.get("/new?lang=en").text
    assert "Thai province (Thai or English name)" in english


def test_the_forms_page_shows_every_shipped_language_and_the_routes(client):
    from moukit.packs.library import default_library

    html = client.get("/forms?instrument=loi&lang=en").text
    for code in default_library().available():
        assert f'lang="{code}"' in html
    assert "Council of State" in html and "not permitted" in html.lower()


# ---------------------------------------------------------------- New agreement


@pytest.mark.parametrize("example", ["chiang-mai-hokkaido", "khon-kaen-da-nang", "rayong-jeollanam-do",
                                     "chiang-mai-kengtung"])
def test_a_filled_form_makes_the_spec_parse_spec_makes(client, example):
    """The page asks init's questions: an example's answers to them come back as parse_spec
    reads the same values (without the LOI's further fields, which init does not ask)."""
    import yaml

    data = yaml.safe_load((ROOT / "examples" / f"{example}.yaml").read_text("utf-8"))
    data.pop("further_fields", None)
    spec = moukit.parse_spec(data)
    values, fields = form_values(spec)
    page = post_form(client, "/new", values, fields)
    assert page.status_code == 200, re.findall(r'class="field-error"[^>]*>([^<]*)', page.text)
    download = post_form(client, "/download", values, fields, download="spec")
    assert download.status_code == 200
    assert moukit.parse_spec(download.content) == spec


def test_an_uploaded_spec_fills_the_form_and_keeps_what_it_does_not_ask(client):
    text = EXAMPLE.read_text("utf-8").replace("relationship: friendship", "relationship: {custom: {en: "
                                               "Friendship Provinces, th: จังหวัดมิตรภาพ, ja: 友好県}}")
    page = client.post("/new/upload", data={"csrf": token(client)},
                       files={"spec": ("mine.yaml", text.encode("utf-8"), "application/yaml")})
    assert page.status_code == 200
    assert 'value="Hokkaido Prefecture"' in page.text and 'value="22/11/2569"' in page.text
    assert "22 พฤศจิกายน พ.ศ. 2569" in page.text  # the date shown in the Buddhist Era
    assert "Friendship Provinces" in page.text  # in the preview
    base = re.search(r'name="base" value="([^"]*)"', page.text).group(1)
    import html as html_module

    values, fields = form_values(moukit.parse_spec(text))
    spec = post_form(client, "/download", values, fields, download="spec", base=html_module.unescape(base))
    assert moukit.parse_spec(spec.content) == moukit.parse_spec(text)


def test_problems_are_shown_next_to_their_field_in_thai(client):
    spec = moukit.load_spec(EXAMPLE)
    values, fields = form_values(spec)
    values.update(province="Chiang Mia", date="2569-11-22", partner_en="")
    page = post_form(client, "/new", values, fields)
    assert page.status_code == 400
    assert "ไม่ใช่จังหวัดของไทย" in " ".join(field_error(page.text, "province")) or field_error(page.text, "province")
    assert "Chiang Mai" in " ".join(field_error(page.text, "province"))  # did you mean
    assert "2026-11-22" in " ".join(field_error(page.text, "date"))
    assert field_error(page.text, "partner_en")
    assert 'aria-invalid="true"' in page.text


def test_a_spec_problem_is_placed_by_its_yaml_path(client):
    spec = moukit.load_spec(EXAMPLE)
    values, fields = form_values(spec)
    values["partner_name_other"] = ""
    page = post_form(client, "/new", values, fields)
    assert page.status_code == 400 and field_error(page.text, "partner_name_other")


def test_dates_in_the_buddhist_era_are_read(client):
    spec = moukit.load_spec(EXAMPLE)
    values, fields = form_values(spec)
    for text in ("22 พฤศจิกายน 2569", "๒๒/๑๑/๒๕๖๙", "2026-11-22"):
        values["date"] = text
        page = post_form(client, "/download", values, fields, download="spec")
        assert moukit.parse_spec(page.content).signing.date.isoformat() == "2026-11-22"


@pytest.mark.parametrize("what, suffix", [("docx", ".docx"), ("docx_parallel", "-parallel.docx"),
                                          ("html", ".html"), ("md", ".md")])
def test_the_downloads_are_the_renderings(client, what, suffix):
    spec = moukit.load_spec(EXAMPLE)
    values, fields = form_values(spec)
    response = post_form(client, "/download", values, fields, download=what)
    assert response.status_code == 200
    assert response.headers["content-disposition"].endswith(f'{suffix}"')
    fmt, layout, _ = {"docx": ("docx", "separate", 0), "docx_parallel": ("docx", "parallel", 0),
                      "html": ("html", "separate", 0), "md": ("md", "separate", 0)}[what]
    assert response.content == moukit.render(spec, fmt, layout=layout).data


def test_the_downloaded_docx_checks_standard(client):
    values, fields = form_values(moukit.load_spec(EXAMPLE))
    response = post_form(client, "/download", values, fields, download="docx")
    assert moukit.check(response.content).verdict == "standard"


def test_the_preview_shows_every_version_side_by_side(client):
    spec = moukit.load_spec(EXAMPLE)
    values, fields = form_values(spec)
    fragment = post_form(client, "/preview", values, fields)
    assert fragment.status_code == 200 and "<html" not in fragment.text
    for lang in spec.languages:
        assert f'<th scope="col" lang="{lang}">' in fragment.text
    assert "北海道" in fragment.text and "ฮอกไกโด" in fragment.text


def test_a_hostile_party_name_is_text(client):
    spec = moukit.load_spec(EXAMPLE)
    values, fields = form_values(spec)
    values["partner_en"] = "<script>alert(1)</script>"
    for path in ("/new", "/preview"):
        page = post_form(client, path, values, fields)
        assert "<script>alert(1)</script>" not in page.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


# ---------------------------------------------------------------- the approval dossier


def dossier(client, spec: bytes, drafts=(), lang="th", **fields):
    return client.post(f"/dossier?lang={lang}", data={"csrf": token(client, "/dossier"), **fields},
                       files=[("spec", ("dossier.yaml", spec, "application/yaml"))]
                       + [("drafts", (name, data, "application/octet-stream")) for name, data in drafts])


def test_the_dossier_page_gives_the_checklist_and_the_zip_of_documents(client):
    import base64
    import zipfile

    page = dossier(client, DOSSIER.read_bytes())
    assert page.status_code == 200
    assert "รายการตรวจสอบแปดขั้นตอน" in page.text and "ยังไม่ได้ดำเนินการ" in page.text  # in Thai
    url = re.search(r'href="data:application/zip;base64,([^"]+)" download="([^"]+)"', page.text)
    assert url and url.group(2).endswith("-dossier.zip")
    archive = zipfile.ZipFile(io.BytesIO(base64.b64decode(url.group(1))))
    expected = moukit.approval_dossier(DOSSIER)
    assert archive.read("02-plan.docx") == expected.files()["02-plan.docx"]  # the library's own bytes
    assert sorted(archive.namelist()) == sorted(["moukit-dossier.json", *expected.files()])
    # no draft checked: step 6 is missing; with the rendered draft it is done
    missing = [step.number for step in expected.missing]
    assert missing == [6] and page.text.count('class="bad"') == 1
    spec = moukit.load_spec(DOSSIER)
    checked = dossier(client, DOSSIER.read_bytes(), [("mou.docx", moukit.render(spec, "docx").data)])
    assert checked.status_code == 200 and 'class="bad"' not in checked.text


def test_the_dossier_page_says_what_is_wrong_with_the_spec(client):
    page = dossier(client, b"instrument: mou\n")
    assert page.status_code == 400 and 'role="alert"' in page.text
    empty = client.post("/dossier", data={"csrf": token(client, "/dossier")})
    assert empty.status_code == 400 and 'role="alert"' in empty.text
    assert client.post("/dossier", files=[("spec", ("x.yaml", DOSSIER.read_bytes()))]).status_code == 403


# ---------------------------------------------------------------- Check a draft


def check(client, files, lang="th"):
    return client.post(f"/check?lang={lang}", data={"csrf": token(client, "/check")},
                       files=[("drafts", (name, data, "application/octet-stream")) for name, data in files])


def test_an_edited_draft_gives_the_verdict_and_the_finding(client):
    page = check(client, [("edited.docx", edited_docx(moukit.load_spec(EXAMPLE)))])
    assert page.status_code == 200
    assert 'class="verdict council_of_state"' in page.text
    assert "สำนักงานคณะกรรมการกฤษฎีกา" in page.text  # the banner in Thai
    assert "REVIEW: COUNCIL OF STATE" in page.text  # and in English
    assert "MK-C001" in page.text and "maintain regular contact" in page.text
    assert "maintain direct contact" in page.text  # the form's text beside the draft's
    assert 'download="edited-redline.docx"' in page.text and 'download="report.json"' in page.text


def test_the_check_downloads_are_the_reports_of_the_same_upload(client):
    import base64
    import json

    data = edited_docx(moukit.load_spec(EXAMPLE))
    page = check(client, [("edited.docx", data)], lang="en")
    urls = dict(re.findall(r'href="data:[^;]+;base64,([^"]+)" download="([^"]+)"', page.text))
    by_name = {name: base64.b64decode(url) for url, name in urls.items()}
    report = json.loads(by_name["report.json"])
    assert report == json.loads(json.dumps(moukit.check({"edited.docx": data}).to_dict(), default=str))
    redline = docx.Document(io.BytesIO(by_name["edited-redline.docx"]))
    assert redline.paragraphs
    assert b"<html" in by_name["report.html"]


def test_the_translation_table_of_a_trilingual_draft(client):
    spec = moukit.load_spec(TRILINGUAL)
    files = [(f"rayong-{lang}.txt", moukit.render(spec, "txt", languages=[lang]).data) for lang in spec.languages]
    page = check(client, files, lang="en")
    assert page.status_code == 200 and 'class="verdict standard"' in page.text
    files[1] = ("rayong-ko.txt", files[1][1].decode("utf-8").replace("직접적인 연락을", "정기적인 연락을").encode())
    page = check(client, files, lang="en")
    assert 'class="verdict ministries"' in page.text
    assert "Translation, clause by clause" in page.text and "정기적인 연락을" in page.text
    assert not re.search(r'download="[^"]*redline', page.text)  # text drafts have no redline


# ---------------------------------------------------------------- security


def test_a_post_without_or_with_a_wrong_csrf_token_is_refused(client):
    values, fields = form_values(moukit.load_spec(EXAMPLE))
    client.get("/new")
    for extra in ({}, {"csrf": "0" * 64}):
        response = client.post("/download", data={**values, "fields": fields, "download": "docx", **extra})
        assert response.status_code == 403
        assert moukit.i18n.translate(TEXTS["forbidden"], "th") in response.text
        assert response.headers["content-type"].startswith("text/html")
    other = TestClient(create_app(), raise_server_exceptions=False)  # a token without its cookie
    response = other.post("/new", data={**values, "csrf": token(client)})
    assert response.status_code == 403


def test_the_headers_forbid_inline_script(client):
    response = client.get("/new")
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["x-frame-options"] == "DENY"
    assert "<script>" not in response.text and " style=" not in response.text
    assert "onclick" not in response.text.lower()


def test_an_unknown_path_is_a_thai_404_page(client):
    response = client.get("/../../etc/passwd")
    assert response.status_code == 404 and '<html lang="th">' in response.text
    assert client.get("/new/../secret").status_code == 404
    assert client.get("/static/../app.py").status_code == 404
    assert "Traceback" not in response.text


def test_get_where_post_is_needed_is_refused(client):
    assert client.get("/download").status_code == 405
    assert client.get("/preview").status_code == 405


def test_an_oversize_upload_is_refused_with_413(client, monkeypatch):
    monkeypatch.setattr(security, "MAX_TOTAL", 200_000)
    response = check(client, [("big.docx", b"x" * 300_000)])
    assert response.status_code == 413 and "MB" in response.text


def test_a_file_above_the_per_file_limit_is_refused(client, monkeypatch):
    monkeypatch.setattr(security, "MAX_FILE", 1000)
    response = check(client, [("big.txt", b"x" * 2000)])
    assert response.status_code == 413 and "big.txt" in response.text


def test_too_many_files_are_refused(client):
    files = [(f"d{i}.txt", b"x") for i in range(security.MAX_FILES + 1)]
    response = check(client, files)
    assert response.status_code == 413
    assert str(security.MAX_FILES) in response.text


@pytest.mark.parametrize("name, data", [
    ("broken.docx", b"PK\x03\x04 not a zip"),
    ("half.docx", hd.truncated(hd.docx("The two cities"))),
    ("zeros.bin", b"\0" * 5000),
])
def test_a_malformed_draft_is_a_clear_error(client, name, data):
    response = check(client, [(name, data)])
    assert response.status_code == 400
    assert 'role="alert"' in response.text and "Traceback" not in response.text


def test_a_zip_bomb_is_refused(client, tmp_path):
    bomb = hd.write_zeros_part(tmp_path / "bomb.docx", 300 * hd.MiB).read_bytes()
    assert len(bomb) < security.MAX_FILE
    response = check(client, [("bomb.docx", bomb)], lang="en")
    assert response.status_code == 400 and "bomb.docx" in response.text


def test_xxe_in_an_upload_reads_no_file(client, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", "utf-8")
    for name, data in hd.xxe_documents(secret).items():
        response = check(client, [(f"{name}.docx", data)])
        assert "TOP-SECRET-VALUE" not in response.text, name
        assert response.status_code in (200, 400), name


def test_nothing_is_left_in_the_temporary_folder(client, tmp_path, monkeypatch):
    """The requests' temporary folder (a private one here: other processes share /tmp) is
    as empty after the requests as before."""
    spec = moukit.load_spec(EXAMPLE)
    values, fields = form_values(spec)
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    before = set(folder.iterdir())
    check(client, [("edited.docx", edited_docx(spec))])
    check(client, [("broken.docx", b"PK\x03\x04 not a zip")])
    post_form(client, "/download", values, fields, download="docx")
    post_form(client, "/download", values, fields, download="pdf")
    client.post("/new/upload", data={"csrf": token(client)}, files={"spec": ("x.yaml", b"instrument: mou\n")})
    assert set(folder.iterdir()) - before == set()


def test_an_invalid_spec_upload_is_shown_in_thai(client):
    response = client.post("/new/upload", data={"csrf": token(client)},
                           files={"spec": ("x.yaml", "instrument: mou\n".encode("utf-8"))})
    assert response.status_code == 400 and "x.yaml" in response.text
    assert "ไฟล์" in response.text or "ปัญหา" in response.text
    binary = client.post("/new/upload", data={"csrf": token(client)}, files={"spec": ("x.yaml", b"\xff\xfe\x00")})
    assert binary.status_code == 400


def test_an_internal_error_shows_no_traceback(client, monkeypatch):
    from moukit.web import app as web_app

    def fail(*args, **kwargs):
        raise RuntimeError("secret detail")

    monkeypatch.setattr(web_app, "run_check", fail)
    response = check(client, [("a.txt", b"text")])
    assert response.status_code == 500
    assert "secret detail" not in response.text and "Traceback" not in response.text
    assert "default-src 'self'" in response.headers["content-security-policy"]


def test_serve_refuses_nothing_on_loopback_and_warns_elsewhere():
    from moukit.cli import serve

    assert serve.is_loopback("127.0.0.1") and serve.is_loopback("localhost")
    assert not serve.is_loopback("0.0.0.0")
    sock = serve.open_socket("127.0.0.1", 0)
    try:
        assert sock.getsockname()[1] > 0
        assert serve.url_of("127.0.0.1", 8080) == "http://127.0.0.1:8080/"
    finally:
        sock.close()


def test_a_users_language_pack_is_offered_and_used():
    """``moukit serve --templates DIR``: the pack's language is a partner's language, and the
    agreement in it is previewed, rendered and checked."""
    genoa = ROOT / "examples" / "chiang-mai-genoa.yaml"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        web = TestClient(create_app([ROOT / "examples" / "templates-it"]), raise_server_exceptions=False)
    assert '<option value="it"' in web.get("/new").text
    assert '<option value="it"' not in TestClient(create_app()).get("/new").text
    page = web.post("/new/upload", data={"csrf": token(web)},
                    files={"spec": ("genoa.yaml", genoa.read_bytes(), "application/yaml")})
    assert page.status_code == 200 and '<th scope="col" lang="it">' in page.text
    values, fields = form_values(moukit.load_spec(genoa))
    rendered = post_form(web, "/download", values, fields, download="docx")
    assert rendered.status_code == 200
    checked = check(web, [("genoa.docx", rendered.content)])
    assert 'class="verdict standard"' in checked.text


def test_every_format_the_readers_read_is_accepted(client):
    from moukit.checking.readers import READERS

    html = client.get("/check").text
    for reader in READERS:
        assert all(suffix in html for suffix in reader.suffixes), reader.name
    pdf = moukit.render(moukit.load_spec(EXAMPLE), "pdf").data
    page = check(client, [("mou.pdf", pdf)])
    assert page.status_code == 200  # a PDF is read and checked as moukit.check checks it
    assert f'class="verdict {moukit.check({"mou.pdf": pdf}).verdict}"' in page.text
