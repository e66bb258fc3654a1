"""What keeps the workbench safe on a shared network: the CSRF token, the response headers
(a Content-Security-Policy without inline script or style) and the upload limits.

CSRF: a double-submit token bound to a per-process secret. The browser gets a random value
in a cookie (``moukit_csrf``, HttpOnly, SameSite=Strict); every form carries
``HMAC-SHA256(secret, value)``. A POST whose field does not match its cookie is refused
(403). Another site can neither read the cookie nor compute the HMAC, and a token does not
outlive the process (a restart asks for the page again).

Uploads are read in memory only (the multipart parser never spills to a temporary file):
the body is cut off at :data:`MAX_TOTAL` bytes (413), and the parser refuses more than
:data:`MAX_FILES` files; each file is at most :data:`MAX_FILE` bytes. A DOCX is then read
with the readers' own limits (:class:`moukit.Limits`: zip bombs, XML entities).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import FormParser, MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "moukit_csrf"
CSRF_FIELD = "csrf"
LANG_COOKIE = "moukit_lang"
MiB = 1024 * 1024
MAX_FILE = 10 * MiB     # one uploaded file
MAX_FILES = 8           # files in one upload
MAX_TOTAL = 25 * MiB    # the whole request body
MAX_FIELDS = 200        # form fields in one request
MAX_FIELD = 256 * 1024  # one text field (a spec YAML pasted in a hidden field)

CSP = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cache-control": "no-store",
}

_SECRET = secrets.token_bytes(32)  # per process: tokens end with it


class UploadError(Exception):
    """A request refused before any work: ``status`` (400 or 413) and the text key of its
    page (see :mod:`moukit.web.texts`) with parameters."""

    def __init__(self, status: int, key: str, **params: object) -> None:
        super().__init__(key)
        self.status = status
        self.key = key
        self.params = params


def new_nonce() -> str:
    """A fresh random value for the CSRF cookie."""
    return secrets.token_urlsafe(24)


def csrf_token(nonce: str) -> str:
    """The form token that goes with cookie value ``nonce``."""
    return hmac.new(_SECRET, nonce.encode("utf-8"), hashlib.sha256).hexdigest()


def csrf_valid(nonce: str | None, token: object) -> bool:
    """Whether a POST's ``token`` field matches its cookie ``nonce``."""
    if not nonce or not isinstance(token, str):
        return False
    return hmac.compare_digest(csrf_token(nonce), token)


class SecurityHeaders:
    """ASGI middleware, outermost: :data:`HEADERS` on every response (error pages too), the
    request body cut at :data:`MAX_TOTAL` bytes (a larger body is answered 413 by the app, see
    :class:`BodyTooLarge`), and no traceback handed to the server's log."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = [False]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                started[0] = True
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.decode("latin-1").lower() not in HEADERS]
                headers += [(k.encode("latin-1"), v.encode("latin-1")) for k, v in HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, _bounded(receive), send_with_headers)
        except Exception:
            if not started[0]:
                raise
            # Starlette re-raises an error after its error page was sent, for the server to log
            # with its traceback; the app already logged its type, and the traceback's values
            # could hold what a person uploaded: nothing more is logged.


class BodyTooLarge(Exception):
    """The request body passed :data:`MAX_TOTAL` bytes."""


def _bounded(receive: Receive) -> Receive:
    """``receive`` that raises :class:`BodyTooLarge` once the body passes :data:`MAX_TOTAL`."""
    seen = [0]

    async def bounded() -> Message:
        message = await receive()
        if message["type"] == "http.request":
            seen[0] += len(message.get("body", b""))
            if seen[0] > MAX_TOTAL:
                raise BodyTooLarge()
        return message

    return bounded


class _InMemory(MultiPartParser):
    """Starlette's multipart parser with files kept in memory: the spool is larger than any
    body let through, so nothing is written to a temporary file."""

    spool_max_size = MAX_TOTAL + MiB


@dataclass
class Upload:
    """An uploaded file, read: its name (the base name the browser gave) and bytes."""

    name: str
    data: bytes


async def read_form(request: Request) -> FormData:
    """The fields of a POST (urlencoded or multipart), within the limits; raises
    :class:`UploadError` (413 too large, 400 unreadable) or :class:`BodyTooLarge`."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_TOTAL:
        raise UploadError(413, "too_large")
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        if content_type == "multipart/form-data":
            parser: MultiPartParser | FormParser = _InMemory(
                request.headers, request.stream(), max_files=MAX_FILES, max_fields=MAX_FIELDS,
                max_part_size=MAX_FIELD)
        elif content_type in ("application/x-www-form-urlencoded", ""):
            parser = FormParser(request.headers, request.stream(), max_fields=MAX_FIELDS,
                                max_part_size=MAX_FIELD)
        else:
            raise UploadError(400, "bad_request")
        return await parser.parse()
    except BodyTooLarge:
        raise UploadError(413, "too_large") from None
    except MultiPartException as exc:
        if "Too many files" in exc.message:
            raise UploadError(413, "too_many", count=MAX_FILES) from None
        raise UploadError(400, "bad_request") from None


async def files_of(form: FormData, field: str) -> list[Upload]:
    """The non-empty files sent in ``field``, read into memory and closed; a file above
    :data:`MAX_FILE` raises :class:`UploadError` (413)."""
    found = []
    for value in form.getlist(field):
        if not isinstance(value, UploadFile):
            continue
        data = await value.read()
        await value.close()
        name = (value.filename or "").replace("\\", "/").rsplit("/", 1)[-1] or "draft"
        if not data and not value.filename:
            continue  # the empty part a browser sends for an empty file input
        if len(data) > MAX_FILE:
            raise UploadError(413, "file_too_large", file=name, size=MAX_FILE // MiB)
        found.append(Upload(name, data))
    if len(found) > MAX_FILES:
        raise UploadError(413, "too_many", count=MAX_FILES)
    return found
