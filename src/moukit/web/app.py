"""The workbench's Starlette application: :func:`create_app`.

Pages (no path parameters; every input is POSTed with a CSRF token):

==================  ==============================================================
``GET /``           the four tasks
``GET /new``        the New agreement form (``POST /new``: check the answers and
                    preview; ``POST /new/upload``: a spec file to edit;
                    ``POST /preview``: the preview alone, for the page's script;
                    ``POST /download``: a rendering or the spec file)
``GET /check``      Check a draft (``POST /check``: the verdict and findings)
``GET /forms``      the forms clause by clause (``?instrument=loi``)
==================  ==============================================================

The language of the pages is Thai unless ``?lang=en`` (or ``th``) asks otherwise; the
choice is kept in a cookie. Nothing is kept on the server.
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import MoukitError
from ..i18n import N_, translate
from . import agreement, security
from .security import UploadError
from .texts import DEFAULT_LANG, ROUTE_HELP, TEXTS, Texts, ui_language

HERE = Path(__file__).resolve().parent
MAX_EMBEDDED = 8 * security.MiB  # the check's downloads are part of the page up to this size
DOWNLOADS = {  # the value of the download button -> render format, layout and file suffix
    "docx": ("docx", "separate", ".docx"),
    "docx_parallel": ("docx", "parallel", "-parallel.docx"),
    "pdf": ("pdf", "separate", ".pdf"),
    "html": ("html", "separate", ".html"),
    "md": ("md", "separate", ".md"),
}
log = logging.getLogger("moukit.web")  # requests are never logged with their contents


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(HERE / "templates")),
                       autoescape=select_autoescape(default=True, default_for_string=True),
                       trim_blocks=True, lstrip_blocks=True)


def page_language(request: Request) -> str:
    """The language of the pages: ``?lang=``, else the cookie, else Thai."""
    return (ui_language(request.query_params.get("lang"))
            or ui_language(request.cookies.get(security.LANG_COOKIE)) or DEFAULT_LANG)


def _nonce(request: Request) -> tuple[str, bool]:
    """The browser's CSRF cookie value, and whether it is new (to be set)."""
    found = request.cookies.get(security.CSRF_COOKIE)
    return (found, False) if found else (security.new_nonce(), True)


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render ``template`` in the request's language with the CSRF token; set the cookies."""
    lang = page_language(request)
    nonce, fresh = _nonce(request)
    html = _environment().get_template(template).render(
        t=Texts(lang), lang=lang, other_lang="en" if lang == "th" else "th",
        csrf=security.csrf_token(nonce), path=request.url.path, **context)
    response = HTMLResponse(html, status_code=status)
    if fresh:
        response.set_cookie(security.CSRF_COOKIE, nonce, httponly=True, samesite="strict")
    if request.query_params.get("lang") == lang:
        response.set_cookie(security.LANG_COOKIE, lang, samesite="strict", max_age=365 * 86400)
    return response


def error_page(request: Request, status: int, key: str, **params: Any) -> HTMLResponse:
    """The page of a refused request: the message in the page's language (Thai by default)."""
    message = translate(N_(TEXTS[key].template, **params), page_language(request))
    return page(request, "error.html", status=status, message=message, status_code=status)


async def posted(request: Request) -> FormData:
    """The POSTed form, after the CSRF check (403 without a valid token)."""
    form = await security.read_form(request)
    if not security.csrf_valid(request.cookies.get(security.CSRF_COOKIE), form.get(security.CSRF_FIELD)):
        raise HTTPException(403)
    return form


# ---------------------------------------------------------------- pages


async def home(request: Request) -> Response:
    """The four tasks."""
    return page(request, "home.html")


def _agreement_context(library, lang: str, answers: dict[str, str], outcome: agreement.Outcome | None = None,
                       base: dict | None = None) -> dict[str, Any]:
    import moukit

    values = agreement.defaults(answers)
    sections = [(key, agreement.controls(keys, answers, lang, library)) for key, keys in agreement.SECTIONS]
    context: dict[str, Any] = {
        "sections": sections, "values": values, "outcome": outcome,
        "base": json.dumps(base, ensure_ascii=False) if base else "",
        "provinces": _provinces(), "countries": _countries(lang),
        "date_read": moukit.Interview.date_shown(answers.get("date", "")),
        "preview": _preview(outcome, library) if outcome is not None and outcome.valid else None,
        "downloads": DOWNLOADS, "kept": agreement.KEPT,
        "field_errors": field_errors(answers, outcome),
    }
    return context


def field_errors(answers: dict[str, str], outcome: agreement.Outcome | None) -> dict[str, list]:
    """The problems by the field that shows them (an alternative's by its instrument's group)."""
    found: dict[str, list] = {}
    for key, messages in (outcome.errors.items() if outcome is not None else ()):
        name = agreement.alternative_field(answers.get("instrument", ""), key) \
            if key in agreement.ALTERNATIVES else key
        found.setdefault(name, []).extend(messages)
    return found


@cache
def _provinces() -> list[str]:
    import moukit

    return [name for english, thai in moukit.Interview().options("province") for name in (thai, english)]


@cache
def _countries(lang: str) -> list[str]:
    from babel import Locale

    return sorted(name for code, name in Locale(lang).territories.items() if len(code) == 2 and code.isalpha())


def _preview(outcome: agreement.Outcome, library) -> dict[str, Any]:
    """The versions side by side: the clause ids in order, and each version's clauses."""
    import moukit

    document = moukit.render(outcome.spec, "html", templates=library).document
    versions = document.versions
    ids = [clause.id for clause in versions[0].clauses]
    rows = [[_clause(version, cid) for version in versions] for cid in ids]
    return {"versions": versions, "rows": rows}


def _clause(version, clause_id: str):
    try:
        return version.clause(clause_id)
    except KeyError:
        return None


async def new(request: Request) -> Response:
    """The New agreement form; POSTed, its answers checked and the preview shown."""
    lang = page_language(request)
    if request.method == "GET":
        return page(request, "new.html", **_agreement_context(_library(request), lang, {}))
    form = await posted(request)
    answers = agreement.read_answers(form, form.getlist)
    base = agreement.base_of(form.get("base"))
    outcome = await run_in_threadpool(agreement.make_spec, answers, base)
    context = await run_in_threadpool(_agreement_context, _library(request), lang, answers, outcome, base)
    return page(request, "new.html", status=200 if outcome.valid else 400, **context)


async def upload_spec(request: Request) -> Response:
    """A spec file uploaded to edit: the form filled with its values."""
    import moukit

    lang = page_language(request)
    form = await posted(request)
    uploads = await security.files_of(form, "spec")
    if not uploads:
        raise UploadError(400, "no_files")
    try:
        text = uploads[0].data.decode("utf-8")
    except UnicodeDecodeError:
        raise UploadError(400, "not_yaml") from None
    try:
        spec = await run_in_threadpool(lambda: moukit.parse_spec(text, file=uploads[0].name))
    except MoukitError as exc:
        context = _agreement_context(_library(request), lang, {})
        return page(request, "new.html", status=400, upload_error=exc.in_language(lang), **context)
    answers, base = agreement.answers_of(spec)
    outcome = await run_in_threadpool(agreement.make_spec, answers, base)
    context = await run_in_threadpool(_agreement_context, _library(request), lang, answers, outcome, base)
    return page(request, "new.html", status=200 if outcome.valid else 400, **context)


async def preview(request: Request) -> Response:
    """The preview alone (for the page's script): the versions, or the problems."""
    form = await posted(request)
    answers = agreement.read_answers(form, form.getlist)
    outcome = await run_in_threadpool(agreement.make_spec, answers, agreement.base_of(form.get("base")))
    shown = await run_in_threadpool(_preview, outcome, _library(request)) if outcome.valid else None
    return page(request, "preview.html", preview=shown, outcome=outcome,
                field_errors=field_errors(answers, outcome))


async def download(request: Request) -> Response:
    """A rendering of the answers (DOCX, PDF, HTML, Markdown) or the spec file."""
    import moukit

    form = await posted(request)
    lang = page_language(request)
    answers = agreement.read_answers(form, form.getlist)
    outcome = await run_in_threadpool(agreement.make_spec, answers, agreement.base_of(form.get("base")))
    if not outcome.valid:
        context = await run_in_threadpool(_agreement_context, _library(request), lang, answers, outcome)
        return page(request, "new.html", status=400, **context)
    what = str(form.get("download") or "docx")
    name = _file_stem(outcome.spec)
    if what == "spec":
        data = moukit.Interview(lang).spec_yaml(outcome.data or {}).encode("utf-8")
        return _attachment(data, name + ".yaml", "application/yaml")
    if what not in DOWNLOADS:
        raise UploadError(400, "bad_request")
    fmt, layout, suffix = DOWNLOADS[what]
    rendering = await run_in_threadpool(lambda: moukit.render(outcome.spec, fmt, layout=layout,
                                                              templates=_library(request)))
    return _attachment(rendering.data, name + suffix, rendering.media_type)


def _file_stem(spec) -> str:
    """A file name for the agreement's downloads: ``mou-chiang-mai-hokkaido-prefecture``."""
    import re

    words = f"{spec.instrument} {spec.thai_party.province} {spec.partner.name.get('en', '')}"
    return re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")[:80] or "agreement"


def _attachment(data: bytes, filename: str, media_type: str) -> Response:
    return Response(data, media_type=media_type,
                    headers={"content-disposition": f'attachment; filename="{filename}"'})


# ---------------------------------------------------------------- check


async def check_page(request: Request) -> Response:
    """Check a draft: the upload form; POSTed, the verdict, findings and downloads."""
    lang = page_language(request)
    limits = {"count": security.MAX_FILES, "size": security.MAX_FILE // security.MiB,
              "total": security.MAX_TOTAL // security.MiB}
    if request.method == "GET":
        return page(request, "check.html", limits=limits, accept=_accepted())
    form = await posted(request)
    uploads = await security.files_of(form, "drafts")
    if not uploads:
        return page(request, "check.html", status=400, limits=limits, accept=_accepted(),
                    error=Texts(lang).no_files)
    specs = await security.files_of(form, "spec")
    try:
        result = await run_in_threadpool(run_check, uploads, specs[0] if specs else None, lang,
                                         _library(request))
    except MoukitError as exc:
        return page(request, "check.html", status=400, limits=limits, accept=_accepted(),
                    error=exc.in_language(lang))
    return page(request, "check.html", limits=limits, accept=_accepted(), result=result)


def _accepted() -> str:
    """The file input's ``accept``: every suffix the readers read (.docx, .pdf, .odt, .txt...)."""
    import moukit

    return ",".join(moukit.draft_suffixes())


def run_check(uploads: list[security.Upload], spec_upload: security.Upload | None, lang: str,
              library=None) -> dict:
    """Check the uploaded drafts (one agreement) and make what the page shows: the verdict,
    the findings, the translation tables and the downloads (as ``data:`` URLs)."""
    import moukit

    spec = None
    if spec_upload is not None:
        spec = moukit.parse_spec(spec_upload.data, file=spec_upload.name)
    drafts = _named(uploads)
    batch = moukit.check_all(drafts, spec, templates=library if library is not None else ())
    if len(batch.reports) != 1:  # as moukit.check: one agreement at a time
        raise moukit.UsageError(
            N_("the drafts are {count} different agreements ({groups}): each gets its own verdict",
               count=len(batch.reports), groups="; ".join(", ".join(r.sources) for r in batch.reports)),
            hint=N_("check them with moukit.check_all() (or `moukit check` with every file, which "
                    "reports each agreement)"))
    report = batch.reports[0]
    return {"report": report, "verdict": _verdict(report, lang), "findings": _findings(report, lang),
            "tables": _tables(report, lang), "downloads": _check_downloads(batch, drafts, lang),
            "notes": [translate(note, lang) for note in report.notes]}


def _named(uploads: list[security.Upload]) -> dict[str, bytes]:
    """The uploads by name, a name given twice made unique (``draft (2).docx``)."""
    named: dict[str, bytes] = {}
    for upload in uploads:
        name, number = upload.name, 1
        while name in named:
            number += 1
            stem, dot, suffix = upload.name.rpartition(".")
            name = f"{stem} ({number}).{suffix}" if dot else f"{upload.name} ({number})"
        named[name] = upload.data
    return named


def _verdict(report, lang: str) -> dict[str, Any]:
    import moukit

    return {"route": report.verdict,
            "th": moukit.route_label(report.verdict, "th"), "en": moukit.route_label(report.verdict, "en"),
            "reason": translate(report.reason, lang),
            "help": translate(ROUTE_HELP[report.verdict], lang)}


def _findings(report, lang: str) -> list[dict[str, Any]]:
    import moukit

    return [{"code": f.code, "route": f.route, "route_label": moukit.route_label(f.route, lang, part="label"),
             "message": translate(f.message, lang), "lang": f.lang,
             "language": moukit.language_label(f.lang, lang), "standard": f.standard, "draft": f.draft,
             "rationale": f.rationale_th if lang == "th" and f.rationale_th else f.rationale,
             "where": f.where, "source": f.source} for f in report.findings]


def _tables(report, lang: str) -> list[dict[str, Any]]:
    """The translation table of each translated version, as the report gives them."""
    import moukit

    tables = []
    for version in report.versions:
        if version.translation is None:
            continue
        rows = [{"clause": moukit.clause_label(row, lang), "english": row["english"], "text": row["text"],
                 "verdict": moukit.row_verdict(row, lang), "ok": row["verdict"] in ("same", "worded differently"),
                 "missing": ", ".join(str(u) for u in row["units_missing"] + row["values_missing"])}
                for row in version.translation]
        tables.append({"lang": version.lang, "language": moukit.language_label(version.lang, lang), "rows": rows})
    return tables


def _check_downloads(batch, drafts: dict[str, bytes], lang: str) -> dict[str, Any]:
    """The redline of each DOCX draft, the HTML report and the JSON, as ``data:`` URLs (nothing
    is kept on the server to fetch them later); none when they pass :data:`MAX_EMBEDDED`."""
    files: list[tuple[str, str, str, bytes]] = []  # (label key, file, media type, data)
    for name, data in drafts.items():
        if data[:2] != b"PK":
            continue
        try:
            redline = batch.redline(data, name=name)
        except MoukitError:
            continue
        stem = name.rsplit(".", 1)[0]
        files.append(("dl_redline", f"{stem}-redline.docx",
                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document", redline))
    files.append(("dl_report_html", "report.html", "text/html", batch.html(lang=lang).encode("utf-8")))
    files.append(("dl_report_json", "report.json", "application/json",
                  json.dumps(batch.reports[0].to_dict(), ensure_ascii=False, indent=2, default=str).encode("utf-8")))
    if sum(len(data) for *_, data in files) > MAX_EMBEDDED:
        return {"too_big": True, "files": []}
    t = Texts(lang)
    shown = []
    for key, filename, media, data in files:
        label = t.fmt(key, file=filename.replace("-redline.docx", ".docx")) if key == "dl_redline" else getattr(t, key)
        url = f"data:{media};base64,{base64.b64encode(data).decode('ascii')}"
        shown.append({"label": label, "file": filename, "url": url, "size": len(data)})
    return {"too_big": False, "files": shown}


# ---------------------------------------------------------------- the approval dossier


async def dossier_page(request: Request) -> Response:
    """The approval dossier: the upload form; POSTed, the checklist and the ZIP of documents."""
    lang = page_language(request)
    shown: dict[str, Any] = {"limits": _limit_params(), "accept": _accepted()}
    if request.method == "GET":
        return page(request, "dossier.html", **shown)
    form = await posted(request)
    specs = await security.files_of(form, "spec")
    english = form.get("english") == "1"
    if not specs:
        return page(request, "dossier.html", status=400, english=english, error=Texts(lang).dossier_no_spec, **shown)
    drafts = await security.files_of(form, "drafts")
    try:
        result = await run_in_threadpool(run_dossier, specs[0], drafts, english, lang, _library(request))
    except MoukitError as exc:
        return page(request, "dossier.html", status=400, english=english, error=exc.in_language(lang), **shown)
    return page(request, "dossier.html", english=english, result=result, **shown)


def run_dossier(spec_upload: security.Upload, drafts: list[security.Upload], english: bool, lang: str,
                library=None) -> dict:
    """The dossier of the uploaded spec (and draft): its checklist in ``lang``, its documents,
    and the ZIP as a ``data:`` URL (nothing is kept on the server)."""
    import moukit

    spec = moukit.parse_spec(spec_upload.data, file=spec_upload.name)
    found = moukit.approval_dossier(spec, _named(drafts) or None, english=english,
                                    templates=library if library is not None else ())
    data = found.zip()
    download = None
    if len(data) <= MAX_EMBEDDED:
        download = {"file": f"{_file_stem(spec)}-dossier.zip",
                    "url": f"data:application/zip;base64,{base64.b64encode(data).decode('ascii')}"}
    steps = [{"number": step.number, "title": translate(step.title, lang), "done": step.done,
              "notes": "; ".join(translate(note, lang) for note in step.notes)} for step in found.steps]
    documents = [{"file": f"{entry.name}.docx", "title": translate(entry.title, lang)} for entry in found.entries]
    return {"steps": steps, "documents": documents, "download": download}


# ---------------------------------------------------------------- forms


async def forms_page(request: Request) -> Response:
    """The forms clause by clause in every shipped language (``?instrument=loi|mou``)."""
    instrument = request.query_params.get("instrument", "mou")
    if instrument not in ("loi", "mou"):
        instrument = "mou"
    lang = page_language(request)
    return page(request, "forms.html", **await run_in_threadpool(_form_view, _library(request), instrument, lang))


@cache
def _form_view(library, instrument: str, lang: str) -> dict[str, Any]:
    """The form's clauses in every shipped language (blanks by their labels), its
    alternatives and their wording, and what each verdict means."""
    import moukit

    from .texts import ALTERNATIVE_HELP

    interview = moukit.Interview(lang, templates=library)
    form = moukit.get_form(instrument)
    langs = ["th", "en"] + [code for code, _ in interview.options("partner_lang") if code != "en"]
    texts = {code: form.text(code, templates=library) for code in langs}
    clauses = [{"id": c.id, "number": c.number, "texts": [texts[code].get(c.id, "") for code in langs]}
               for c in form.clauses]
    alternatives = [{"name": alt.name, "question": interview.prompt(alt.name, {}),
                     "help": translate(ALTERNATIVE_HELP.get(alt.name, alt.description), lang),
                     "default": alt.default,
                     "options": [(o, [form.wording(alt.name, o, code, templates=library) for code in langs])
                                 for o in alt.options]}
                    for alt in form.alternatives.values()]
    routes = [(r, moukit.route_label(r, lang, part="meaning"), translate(ROUTE_HELP[r], lang))
              for r in moukit.ROUTES]
    return {"instrument": instrument, "form": form, "form_name": interview.label("instrument", instrument),
            "langs": [(code, interview.language_name(code)) for code in langs], "clauses": clauses,
            "alternatives": alternatives, "routes": routes,
            "instruments": interview.options("instrument")}


# ---------------------------------------------------------------- errors


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    key = {404: "not_found", 403: "forbidden", 405: "not_allowed", 413: "too_large"}.get(status, "bad_request")
    return error_page(request, status, key, **_limit_params())


async def _upload_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, UploadError)
    return error_page(request, exc.status, exc.key, **{**_limit_params(), **exc.params})


async def _internal_error(request: Request, exc: Exception) -> Response:
    log.error("internal error on %s: %s", request.url.path, type(exc).__name__)  # no contents
    return error_page(request, 500, "internal")


def _limit_params() -> dict[str, int]:
    return {"count": security.MAX_FILES, "size": security.MAX_FILE // security.MiB,
            "total": security.MAX_TOTAL // security.MiB}


def _library(request: Request):
    """The language packs of this workbench: ``--templates`` folders, then the shipped ones."""
    return request.app.state.library


def create_app(templates: Sequence[str | Path] = ()) -> security.SecurityHeaders:
    """The workbench application (an ASGI app for uvicorn or any ASGI server); ``templates``:
    folders of language packs used before the shipped ones, as ``moukit render --templates``
    (their languages are offered as the partner's language)."""
    import moukit

    routes = [
        Route("/", home, methods=["GET"]),
        Route("/new", new, methods=["GET", "POST"]),
        Route("/new/upload", upload_spec, methods=["POST"]),
        Route("/preview", preview, methods=["POST"]),
        Route("/download", download, methods=["POST"]),
        Route("/check", check_page, methods=["GET", "POST"]),
        Route("/forms", forms_page, methods=["GET"]),
        Route("/dossier", dossier_page, methods=["GET", "POST"]),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    handlers: dict[Any, Callable] = {HTTPException: _http_error, UploadError: _upload_error,
                                     Exception: _internal_error}
    app = Starlette(routes=routes, exception_handlers=handlers)
    app.state.library = moukit.TemplateLibrary(templates)  # built once: what moukit makes of the packs is kept
    return security.SecurityHeaders(app)  # outermost: an internal error's page has the headers too
