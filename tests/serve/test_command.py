"""`xcheck serve`, the command: safe defaults refused before anything starts (the server
itself runs in tests/serve/test_page.py)."""

from __future__ import annotations

import socket

import pytest
from typer.testing import CliRunner

from xcheck.cli import app
from xcheck.serve import is_loopback


def test_refuses_a_public_address_without_a_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XCHECK_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert result.stderr == ("xcheck: refusing to serve on 0.0.0.0 without a token: set "
                             "--token or XCHECK_TOKEN (or bind 127.0.0.1 behind a reverse "
                             "proxy)\n")


def test_bad_options_are_one_line_errors() -> None:
    result = CliRunner().invoke(app, ["serve", "--workers", "0"])
    assert result.exit_code == 2
    result = CliRunner().invoke(app, ["serve", "--glossary", "/no/such/glossary.tsv"])
    assert result.exit_code == 2
    assert result.stderr == "xcheck: /no/such/glossary.tsv: no such glossary\n"


def test_a_port_in_use_is_a_one_line_error() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert result.stderr == f"xcheck: cannot listen on 127.0.0.1:{port} (Address already in use)\n"


def test_loopback_addresses() -> None:
    assert all(map(is_loopback, ("127.0.0.1", "localhost", "::1", "127.8.0.1")))
    assert not any(map(is_loopback, ("0.0.0.0", "::", "192.168.1.4", "example.org")))


def test_help_names_the_token_variable() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "XCHECK_TOKEN" in result.stdout
