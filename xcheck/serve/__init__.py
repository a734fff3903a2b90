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
    # One server process; the checks run in the app's own worker pool. proxy_headers: a
    # reverse proxy on this machine may say which client and scheme it forwarded.
    uvicorn.run(create_app(options), host=options.host, port=options.port,
                log_level="info", proxy_headers=True, forwarded_allow_ips="127.0.0.1",
                timeout_graceful_shutdown=5)
