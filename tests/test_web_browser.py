"""The workbench in a real browser: headless Chromium (the distribution's ``chromium``)
driven by Playwright. A person's paths: fill the form in Thai and download the DOCX (which
``moukit.check`` calls standard), upload an edited draft and read the verdict and a finding,
switch the language, reach every control with the keyboard alone. Screenshots of each page
go to a temporary folder (``MOUKIT_SCREENSHOTS`` to keep them elsewhere)."""

from __future__ import annotations

import io
import os
import shutil
import threading
import time
import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette")
uvicorn = pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip("no chromium: install the distribution's package (apt-get install chromium)",
                allow_module_level=True)

import docx  # noqa: E402

import moukit  # noqa: E402
from moukit.cli import serve  # noqa: E402
from moukit.web.app import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "chiang-mai-hokkaido.yaml"
THAI_ANSWERS = {  # what a Thai officer types (the Thai names of the province and country)
    "province": "เชียงใหม่", "country": "ญี่ปุ่น",
    "partner_en": "Hokkaido Prefecture", "partner_th": "จังหวัดฮอกไกโด", "partner_name_other": "日本国北海道",
    "thai_name_other": "タイ王国チェンマイ県",
    "place_en": "Sapporo", "place_th": "นครซัปโปโร", "place_other": "札幌市", "date": "22/11/2569",
    "thai_signatory_en": "Mr. Nirat Pongsitthaworn", "thai_signatory_th": "นายนิรัตน์ พงษ์สิทธิถาวร",
    "thai_signatory_other": "ニラット・ポンシッティターウォン", "thai_position_other": "チェンマイ県知事",
    "partner_signatory_en": "Mr. Naomichi Suzuki", "partner_signatory_th": "นายนาโอมิจิ ซูซูกิ",
    "partner_signatory_other": "鈴木直道", "partner_position_en": "Governor of Hokkaido",
    "partner_position_th": "ผู้ว่าราชการจังหวัดฮอกไกโด", "partner_position_other": "北海道知事",
}


@pytest.fixture(scope="module")
def server():
    """The workbench on a free loopback port, in a thread of this process."""
    sock = serve.open_socket("127.0.0.1", 0)
    config = uvicorn.Config(create_app(), log_level="warning", access_log=False)
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield serve.url_of("127.0.0.1", sock.getsockname()[1]).rstrip("/")
    instance.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("MOUKIT_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def browser():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with sync_api.sync_playwright() as p:
            launched = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            yield launched
            launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
    errors: list[str] = []
    tab = context.new_page()
    tab.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    yield tab
    context.close()
    assert not errors, errors  # no script error, nothing refused by the CSP


def fill_in_thai(page, server):
    page.goto(server + "/new")
    assert page.get_attribute("html", "lang") == "th"
    page.check("input[name=instrument][value=mou]")
    page.select_option("#f-partner_lang", "ja")
    page.select_option("#f-level", "prefecture")
    for name, value in THAI_ANSWERS.items():
        page.fill(f"#f-{name}", value)
    for field in ("economy", "tourism", "education", "culture", "agriculture"):
        page.check(f"input[name=fields][value={field}]")
    page.check("input[name=mou_relationship][value=friendship]")


def test_fill_the_form_in_thai_and_download_a_standard_docx(page, server, shots, tmp_path):
    fill_in_thai(page, server)
    page.wait_for_selector("#preview table.side", timeout=30_000)  # the live preview
    assert "北海道" in page.inner_text("#preview") and "ฮอกไกโด" in page.inner_text("#preview")
    page.screenshot(path=str(shots / "web-new.png"))
    with page.expect_download() as caught:
        page.click("button[value=docx]")
    path = tmp_path / "mou.docx"
    caught.value.save_as(str(path))
    report = moukit.check(path)
    assert report.verdict == "standard", report.reason
    from moukit.forms import vocabulary

    expected = moukit.load_spec(EXAMPLE).model_dump(mode="json")
    expected["fields"] = [f for f in vocabulary()["fields"] if f in expected["fields"]]  # ticked in page order
    with_spec = moukit.check(path, spec=expected)  # the values typed are the example's
    assert with_spec.verdict == "standard", [f.message for f in with_spec.findings]
    page.click("button.primary")  # without the script's help: the page checks and previews
    page.wait_for_selector(".banner.good")
    page.screenshot(path=str(shots / "web-new-checked.png"), full_page=True)


def test_a_wrong_answer_is_shown_next_to_its_field(page, server):
    fill_in_thai(page, server)
    page.fill("#f-province", "Chiang Mia")
    page.click("button.primary")
    message = page.inner_text("#e-province")
    assert "Chiang Mai" in message and "ไม่ใช่" in message


def edited_draft() -> bytes:
    draft = docx.Document(io.BytesIO(moukit.render(moukit.load_spec(EXAMPLE), "docx").data))
    for paragraph in draft.paragraphs:
        for run in paragraph.runs:
            run.text = run.text.replace("maintain direct contact", "maintain regular contact")
    out = io.BytesIO()
    draft.save(out)
    return out.getvalue()


def test_upload_an_edited_draft_and_read_the_verdict(page, server, shots, tmp_path):
    path = tmp_path / "edited.docx"
    path.write_bytes(edited_draft())
    page.goto(server + "/check")
    page.set_input_files("#drafts", str(path))
    page.click("button.primary")
    verdict = page.inner_text("section.verdict")
    assert "สำนักงานคณะกรรมการกฤษฎีกา" in verdict and "COUNCIL OF STATE" in verdict
    finding = page.inner_text("article.finding")
    assert "MK-C001" in finding and "maintain regular contact" in finding
    page.screenshot(path=str(shots / "web-check.png"), full_page=False)
    with page.expect_download() as caught:
        page.click("a[download='edited-redline.docx']")
    caught.value.save_as(str(tmp_path / "redline.docx"))
    assert docx.Document(str(tmp_path / "redline.docx")).paragraphs


def test_make_the_approval_dossier_and_download_it(page, server, shots, tmp_path):
    import zipfile

    spec = EXAMPLE.parent / "chiang-mai-chengdu-dossier.yaml"
    page.goto(server + "/dossier")
    page.set_input_files("#dossier-spec", str(spec))
    page.click("button.primary")
    checklist = page.inner_text("section.checklist")
    assert "รายการตรวจสอบแปดขั้นตอน" in checklist and "ยังไม่ได้ดำเนินการ" in checklist
    page.screenshot(path=str(shots / "web-dossier.png"), full_page=False)
    with page.expect_download() as caught:
        page.click("a[download$='-dossier.zip']")
    caught.value.save_as(str(tmp_path / "dossier.zip"))
    names = zipfile.ZipFile(tmp_path / "dossier.zip").namelist()
    assert "02-plan.docx" in names and "04-checklist.docx" in names


def test_switch_the_language(page, server, shots):
    page.goto(server + "/forms")
    assert page.get_attribute("html", "lang") == "th"
    page.click("a[hreflang=en]")
    assert page.get_attribute("html", "lang") == "en"
    assert "The forms" in page.inner_text("h1")
    page.goto(server + "/check")  # the choice is kept
    assert page.get_attribute("html", "lang") == "en"
    page.goto(server + "/forms?lang=en")
    page.screenshot(path=str(shots / "web-forms.png"))
    page.click("a[hreflang=th]")
    assert page.get_attribute("html", "lang") == "th"
    page.goto(server + "/")
    page.screenshot(path=str(shots / "web-home.png"))
    page.goto(server + "/no-such-page")
    page.screenshot(path=str(shots / "web-404.png"))


FOCUSABLE = """() => Array.from(document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, [tabindex="0"]'))
  .filter(el => el.offsetParent !== null || el === document.activeElement)
  .map(el => el.type === 'radio' ? 'radio:' + el.name : (el.id || el.name || el.getAttribute('href') || el.textContent.trim()))"""
ACTIVE = """() => { const el = document.activeElement;
  return el.type === 'radio' ? 'radio:' + el.name : (el.id || el.name || el.getAttribute('href') || el.textContent.trim()); }"""


@pytest.mark.parametrize("path", ["/new", "/check", "/forms", "/dossier"])
def test_the_keyboard_alone_reaches_every_control(page, server, path):
    page.goto(server + path)
    wanted = set(page.evaluate(FOCUSABLE))
    reached = set()
    for _ in range(len(wanted) * 2 + 10):
        page.keyboard.press("Tab")
        reached.add(page.evaluate(ACTIVE))
        if wanted <= reached:
            break
    assert wanted - reached == set()
