"""xcheck never touches the network: the CLI runs with internet sockets disabled.

The CLI runs in a subprocess whose ``socket`` module refuses to create or resolve
anything but local (AF_UNIX) sockets; every attempt is also logged to stderr, so a library
that swallowed the error would still fail the test.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import CORPORA, ROOT

WRAPPER = r"""
import socket, sys

def _refuse(what):
    def refuse(*args, **kwargs):
        sys.stderr.write(f"NETWORK ATTEMPT: {what}{args!r}\n")
        raise OSError(f"network disabled in this test: {what}")
    return refuse

_socket = socket.socket
class NoInternetSocket(_socket):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and family not in (socket.AF_UNIX,):
            _refuse("socket")(family, type)
        super().__init__(family, type, proto, fileno)

socket.socket = NoInternetSocket
for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
             "gethostbyaddr", "create_server"):
    setattr(socket, name, _refuse(name))

try:  # the wrapper really blocks
    socket.create_connection(("example.com", 80))
except OSError:
    pass
else:
    raise SystemExit("socket patch failed")

from xcheck.cli import app
sys.argv = ["xcheck", *sys.argv[1:]]
app()
"""


def run_offline(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        env[proxy] = "http://127.0.0.1:9"  # would be refused too, were anything to try
    return subprocess.run([sys.executable, "-c", WRAPPER, *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=300)


def test_check_runs_with_sockets_disabled(tmp_path: Path) -> None:
    pairs = CORPORA / "pairs"
    result = run_offline("check", str(pairs / "tw-chip-exports.zh.txt"),
                         str(pairs / "tw-chip-exports.en.txt"), "--format", "json",
                         "--fail-on", "never", cwd=tmp_path)
    attempts = [line for line in result.stderr.splitlines() if "NETWORK ATTEMPT" in line]
    # The wrapper's own self-test is the one allowed attempt.
    assert attempts == ["NETWORK ATTEMPT: create_connection(('example.com', 80),)"], \
        result.stderr
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["zh"]["sentences"] and report["alignment"]


def test_html_report_and_corpus_run_with_sockets_disabled(tmp_path: Path) -> None:
    folder = tmp_path / "pairs"
    folder.mkdir()
    for lang in ("zh", "en"):
        shutil.copy(CORPORA / "pairs" / f"seed.{lang}.txt", folder / f"seed.{lang}.txt")
    html = run_offline("check", str(CORPORA / "seed.txt"), "--format", "html", "-o",
                       str(tmp_path / "r.html"), "--fail-on", "never", cwd=tmp_path)
    assert html.returncode == 0, html.stderr
    corpus = run_offline("corpus", str(folder), "--format", "jsonl", "--jobs", "1",
                         "--fail-on", "never", cwd=tmp_path)
    assert corpus.returncode == 0, corpus.stderr
    assert json.loads(corpus.stdout.splitlines()[0])["id"] == "seed"
    for result in (html, corpus):
        assert result.stderr.count("NETWORK ATTEMPT") == 1, result.stderr
