"""``xcheck serve``: the editors' page and the JSON API, on FastAPI served by uvicorn.

Imported only by the ``serve`` command (the web framework is a heavy, optional dependency:
``pip install 'xcheck[serve]'``).
"""

from __future__ import annotations

import ipaddress

from xcheck.errors import ConfigError
from xcheck.serve.options import ServeOptions


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(options: ServeOptions) -> None:
    """Run the server until interrupted."""
    try:
        import uvicorn

        from xcheck.serve.app import create_app
    except ImportError as e:
        raise ConfigError(f"xcheck serve needs the web server packages ({e.name} is "
                          "missing): pip install 'xcheck[serve]'") from None
    if not is_loopback(options.host) and not options.token:
        raise ConfigError(f"refusing to serve on {options.host} without a token: set "
                          "--token or XCHECK_TOKEN (or bind 127.0.0.1 behind a reverse proxy)")
    check_address(options.host, options.port)
    # One server process; the checks run in the app's own worker pool. proxy_headers: a
    # reverse proxy on this machine may say which client and scheme it forwarded.
    try:
        uvicorn.run(create_app(options), host=options.host, port=options.port,
                    log_level="info", proxy_headers=True, forwarded_allow_ips="127.0.0.1",
                    timeout_graceful_shutdown=5)
    except SystemExit as e:  # uvicorn's own exit on a failed start-up (1 means findings)
        if e.code not in (0, None):
            raise ConfigError(f"the server stopped on start-up (see the log above; uvicorn "
                              f"exit code {e.code})") from None


def check_address(host: str, port: int) -> None:
    """Refuse an address that cannot be listened on before loading anything, with why."""
    import socket

    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
    except OSError as e:
        raise ConfigError(f"cannot listen on {host}:{port} ({e.strerror or e})") from None
