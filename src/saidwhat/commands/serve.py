"""``saidwhat serve``: the HTTP API and the page over a store, read-only (but for ``--curation``)."""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from pathlib import Path
from typing import Any

from .annotate import add_time_limit_argument

DEFAULT_DB = "saidwhat.db"


def register(sub: Any) -> None:
    p = sub.add_parser("serve", help="serve the API and the page over a statement database (read-only)")
    p.add_argument(
        "--db",
        metavar="FILE",
        default=os.environ.get("SAIDWHAT_DB", DEFAULT_DB),
        help=f"the SQLite store to serve (default: $SAIDWHAT_DB or {DEFAULT_DB}); opened read-only",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument(
        "--cache",
        type=int,
        default=2048,
        metavar="N",
        help="cache up to N API responses, dropped whenever the database changes (default: 2048; 0: off)",
    )
    p.add_argument(
        "--workers", type=int, default=1, help="server processes (default: 1; each has its own connections and cache)"
    )
    p.add_argument("--log-level", default="warning", choices=["critical", "error", "warning", "info", "debug"])
    p.add_argument(
        "--curation",
        action="store_true",
        help="let the page correct speakers (merge, split, rename, link): opens the store for writing those",
    )
    add_time_limit_argument(p)  # for POST /api/extract
    p.set_defaults(func=run)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    from ..errors import SaidwhatError

    try:
        import uvicorn

        from ..web import create_app
        from ..web.protocol import uvicorn_http_options
    except ModuleNotFoundError as e:
        raise SaidwhatError(f"serve needs the web extra ({e.name} is missing): pip install 'saidwhat[web]'") from None
    from ..budget import ENV_SECONDS
    from ..store import Store

    if not 0 < args.port < 65536:
        raise SaidwhatError(f"--port {args.port} is not a TCP port")
    if not 1 <= args.workers <= 64:
        raise SaidwhatError(f"--workers {args.workers}: give 1 to 64")
    Store(args.db, readonly=True).close()  # fail here, in one line, if the database won't open
    _check_port_free(args.host, args.port)  # and here if the port is taken, before saying "serving"
    loopback = is_loopback(args.host)
    if not loopback:
        print(f"saidwhat: serving on {args.host}: reachable from other machines", file=sys.stderr)
        if args.curation:
            print("saidwhat: --curation: anyone who reaches the server can correct speakers", file=sys.stderr)
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"saidwhat: serving {args.db} on http://{shown}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr)
    options: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "log_level": args.log_level,
        "server_header": False,
        "proxy_headers": False,
        "limit_concurrency": 512,
        "timeout_keep_alive": 5,
        # a parser that stops reading an oversized request head (see saidwhat.web.protocol)
        **uvicorn_http_options(),
    }
    if args.workers > 1:
        # Worker processes import the app by name and read their settings from the environment.
        os.environ[_ENV_DB] = str(Path(args.db).resolve())
        os.environ[_ENV_CACHE] = str(max(0, args.cache))
        os.environ[_ENV_LOOPBACK] = "1" if loopback else "0"
        os.environ[ENV_SECONDS] = str(args.time_limit)
        os.environ[_ENV_CURATION] = "1" if args.curation else "0"
        uvicorn.run("saidwhat.commands.serve:app_from_env", factory=True, workers=args.workers, **options)
        return 0
    store = Store(args.db, readonly=True)
    curator = Store(args.db) if args.curation else None
    try:
        app = create_app(
            store,
            allowed_hosts=_allowed(loopback),
            cache_entries=max(0, args.cache),
            extract_time_limit_s=args.time_limit,
            curator=curator,
        )
        uvicorn.run(app, **options)
    finally:
        store.close()
        if curator is not None:
            curator.close()
    return 0


def _check_port_free(host: str, port: int) -> None:
    """One clear error if ``host:port`` cannot be bound (taken, or no such address), as uvicorn would bind it."""
    import errno
    import socket

    from ..errors import SaidwhatError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # uvicorn sets it too
        try:
            probe.bind((host.strip("[]"), port))
        except OSError as e:
            if e.errno == errno.EADDRINUSE:
                raise SaidwhatError(
                    f"port {port} on {host} is already in use; stop what serves there or give --port"
                ) from None
            raise SaidwhatError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None


_ENV_DB = "SAIDWHAT_SERVE_DB"
_ENV_CACHE = "SAIDWHAT_SERVE_CACHE"
_ENV_LOOPBACK = "SAIDWHAT_SERVE_LOOPBACK"
_ENV_CURATION = "SAIDWHAT_SERVE_CURATION"


def _allowed(loopback: bool) -> list[str] | None:
    # Bound to this machine only: also refuse foreign Host headers (DNS rebinding).
    return ["127.0.0.1", "localhost", "[::1]", "::1"] if loopback else None


def app_from_env() -> Any:
    """The app for one ``--workers`` process (uvicorn imports it by name)."""
    from ..store import Store
    from ..web import create_app

    store = Store(os.environ[_ENV_DB], readonly=True)
    return create_app(
        store,
        allowed_hosts=_allowed(os.environ.get(_ENV_LOOPBACK, "1") == "1"),
        cache_entries=int(os.environ.get(_ENV_CACHE, "2048")),
        curator=Store(os.environ[_ENV_DB]) if os.environ.get(_ENV_CURATION) == "1" else None,
    )
