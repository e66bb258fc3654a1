"""``moukit serve``: the officials' workbench in the browser (see docs/web.md)."""

from __future__ import annotations

import argparse

from ..i18n import N_
from ..i18n import gettext as _
from ._common import EXIT_OK, err, runs_long, templates_option

LOOPBACK_NAMES = ("localhost",)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine only (127.0.0.0/8, ::1, localhost).

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("0.0.0.0"), is_loopback("10.1.2.3")
    (True, True, False, False)
    """
    import ipaddress

    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def open_socket(host: str, port: int):
    """A listening socket on ``host``:``port`` (port 0: a free one chosen by the system)."""
    import socket

    from ..errors import UsageError

    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        raise UsageError(N_("cannot listen on {host} port {port}: {error}", host=host, port=port,
                            error=exc.strerror or str(exc)),
                         hint=N_("choose another port with --port, or leave it out for a free one")) from None
    sock.listen(128)
    return sock


def url_of(host: str, port: int) -> str:
    """The address a browser opens: ``http://127.0.0.1:8080/``."""
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def run(args: argparse.Namespace) -> int:
    """Start the workbench on ``--host``/``--port`` and serve until interrupted."""
    from ..errors import UsageError

    try:
        import uvicorn

        from ..web.app import create_app
    except ImportError as exc:
        raise UsageError(N_("the workbench needs packages that are not installed ({error})", error=str(exc)),
                         hint=N_('install them with: pip install "moukit[web]"')) from None
    if not is_loopback(args.host):
        err(_("warning: the workbench will answer anyone who can reach {host}; put it behind the "
              "ministry's reverse proxy and login (see docs/web.md)").format(host=args.host))
    sock = open_socket(args.host, args.port)
    url = url_of(args.host, sock.getsockname()[1])
    print(_("moukit workbench: {url} (Ctrl+C to stop)").format(url=url), flush=True)
    if args.open:
        import threading
        import webbrowser

        threading.Timer(0.5, webbrowser.open, (url,)).start()
    runs_long()
    config = uvicorn.Config(create_app(args.templates), log_level="warning", access_log=False, server_header=False)
    uvicorn.Server(config).run(sockets=[sock])
    return EXIT_OK


def add(commands) -> None:
    """Register the command's sub-parser and its handler."""
    p = commands.add_parser(
        "serve", help=_("start the workbench in the browser (New agreement, Check a draft, the forms)"),
        description=_("Start the workbench: moukit's pages in the browser, in Thai or English, "
                      "on this machine only unless --host says otherwise. Nothing entered or "
                      "uploaded is kept."),
    )
    p.add_argument("--host", default="127.0.0.1",
                   help=_("address to listen on (default 127.0.0.1: this machine only; another "
                          "address prints a warning)"))
    p.add_argument("--port", type=int, default=0,
                   help=_("port to listen on (default: a free port, printed at start)"))
    p.add_argument("--open", action="store_true", help=_("open the workbench in the browser"))
    templates_option(p)
    p.set_defaults(func=run)
