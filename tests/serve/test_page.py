"""The editors' page in headless Chromium (Debian's chromium), driven over the DevTools
protocol (``--remote-debugging-pipe``: no extra package): paste the seed's two texts, check,
see the four seed findings, accept one, download the baseline; then ``xcheck check
--baseline`` on the same pair suppresses exactly that finding. At phone width, with the
page's strict Content-Security-Policy, and no error in the console.

Skipped only when chromium is missing and ``CI`` is not set; under CI a missing browser fails.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.browser import chromium  # noqa: F401  (the fixture)
from tests.conftest import CORPORA, ROOT
from xcheck.cli import app as cli

PHONE_WIDTH = 390
# The seed's four known divergences (corpora/divergences.json, tests/test_divergences.py).
SEED_FINDINGS = ("烏克蘭總統澤連斯基公開表態", '"this weekend"', '"Steve"',
                 "choice of a Middle East envoy")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real ``xcheck serve`` on a free loopback port."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("XCHECK_TOKEN", None)
    cwd = tmp_path_factory.mktemp("serve")
    log = (cwd / "server.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "xcheck", "serve", "--port", str(port),
                             "--workers", "1"], cwd=cwd, env=env, stdout=log,
                            stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(url + "healthz", timeout=2) as r:
                    if json.load(r)["workers"] == 1:
                        break
            except OSError:
                pass
            assert proc.poll() is None, (cwd / "server.log").read_text("utf-8")[-2000:]
            assert time.monotonic() < deadline, "the server did not start in 180 s"
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        proc.wait(30)
        log.close()


TRAMPOLINE = ("import os, sys; os.dup2(int(sys.argv[1]), 3); os.dup2(int(sys.argv[2]), 4); "
              "os.execv(sys.argv[3], sys.argv[3:])")


def _above_nine(fd: int) -> int:
    high = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return high


class DevTools:
    """The DevTools protocol over Chromium's pipe (fds 3 and 4, NUL-terminated JSON)."""

    def __init__(self, browser: str, profile: Path, downloads: Path) -> None:
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # The child's ends above fd 9, so that moving one to fd 3 cannot overwrite the other.
        to_browser_r, from_browser_w = _above_nine(to_browser_r), _above_nine(from_browser_w)
        self.log_path = profile.parent / "chromium.log"
        log = self.log_path.open("wb")
        # A small trampoline puts the pipe ends where Chromium looks (fd 3 reads commands,
        # fd 4 writes answers), then becomes Chromium.
        self.proc = subprocess.Popen(
            [sys.executable, "-c", TRAMPOLINE, str(to_browser_r), str(from_browser_w), browser,
             "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--disable-quic", f"--user-data-dir={profile}",
             "--remote-debugging-pipe", "about:blank"],
            pass_fds=(to_browser_r, from_browser_w),
            stdout=subprocess.DEVNULL, stderr=log)
        os.close(to_browser_r)
        os.close(from_browser_w)
        log.close()
        self._next = 0
        self._answers: dict[int, dict[str, Any]] = {}
        self.events: list[dict[str, Any]] = []
        self._cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        self.session = ""
        target = next(t for t in self.call("Target.getTargets")["targetInfos"]
                      if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=target["targetId"],
                                 flatten=True)["sessionId"]
        self.call("Browser.setDownloadBehavior", browser=True, behavior="allow",
                  downloadPath=str(downloads))

    def _read(self) -> None:
        buf = b""
        while chunk := os.read(self._from_browser, 1 << 16):
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                message = json.loads(raw)
                with self._cond:
                    if "id" in message:
                        self._answers[message["id"]] = message
                    else:
                        self.events.append(message)
                    self._cond.notify_all()

    def call(self, method: str, browser: bool = False, **params: Any) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if self.session and not browser:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        with self._cond:
            assert self._cond.wait_for(lambda: self._next in self._answers, timeout=60), method
            answer = self._answers.pop(self._next)
        assert "error" not in answer, (method, answer["error"])
        result: dict[str, Any] = answer["result"]
        return result

    def js(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def wait(self, expression: str, timeout: float = 120) -> Any:
        """The expression's value once truthy (an error, as mid-navigation, is not yet)."""
        deadline = time.monotonic() + timeout
        while True:
            result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
            value = None if "exceptionDetails" in result else result["result"].get("value")
            if value:
                return value
            assert time.monotonic() < deadline, f"timed out waiting for {expression}"
            time.sleep(0.1)

    def click(self, selector: str) -> None:
        """A real mouse click at the element's centre (scrolled into view first)."""
        box = self.js(f"(function(){{var el=document.querySelector({json.dumps(selector)});"
                      "el.scrollIntoView({block:'center'});var r=el.getBoundingClientRect();"
                      "return [r.left+r.width/2, r.top+r.height/2];})()")
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1],
                      button="left", clickCount=1)

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait(30)
        os.close(self._to_browser)


@pytest.fixture()
def browser(chromium: str, tmp_path: Path) -> Iterator[DevTools]:  # noqa: F811
    tools = DevTools(chromium, tmp_path / "profile", tmp_path)
    try:
        yield tools
    finally:
        tools.close()


def test_check_review_and_baseline_in_the_browser(browser: DevTools, server: str,
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    for domain in ("Page", "Runtime", "Log"):
        browser.call(f"{domain}.enable")
    browser.call("Emulation.setDeviceMetricsOverride", width=PHONE_WIDTH, height=844,
                 deviceScaleFactor=2, mobile=True)
    browser.call("Page.navigate", url=server)
    browser.wait("document.documentElement.getAttribute('data-page') === 'ready'")

    pairs = CORPORA / "pairs"
    for side in ("zh", "en"):  # pasted, as an editor would
        browser.js(f"document.getElementById('{side}').focus()")
        browser.call("Input.insertText", text=(pairs / f"seed.{side}.txt").read_text("utf-8"))
    browser.click("#run")
    browser.wait("document.querySelectorAll('#report li.finding').length > 0 && "
                 "document.documentElement.getAttribute('data-js') === 'ready'")
    shown = browser.js("[].map.call(document.querySelectorAll('#report li.finding'), "
                       "function(li){return [li.getAttribute('data-fingerprint'), "
                       "li.querySelector('.msg').textContent];})")
    for needle in SEED_FINDINGS:
        assert any(needle in message for _, message in shown), (needle, shown)
    # the two articles bead by bead, with the findings marked in them (html.py's body)
    assert browser.js("document.querySelectorAll('#report .bead').length") > 20
    assert browser.js("document.querySelectorAll('#report mark[data-f]').length") >= 4
    # it fits a phone's width: nothing scrolls sideways
    assert browser.js("document.documentElement.scrollWidth") <= PHONE_WIDTH

    accepted = next(fp for fp, message in shown if '"this weekend"' in message)
    browser.click(f"#report li[data-fingerprint='{accepted}'] button.accept")
    browser.wait("document.getElementById('n-accepted').textContent === '1'")
    assert browser.js(f"document.querySelector(\"li[data-fingerprint='{accepted}']\")"
                      ".classList.contains('accepted')")
    other = next(fp for fp, message in shown if '"Steve"' in message)
    browser.click(f"#report li[data-fingerprint='{other}'] button.fix")
    browser.wait("document.getElementById('n-fix').textContent === '1'")

    browser.click("#dl-baseline")
    baseline = tmp_path / "xcheck-baseline.json"
    deadline = time.monotonic() + 30
    while not (baseline.exists() and baseline.stat().st_size > 0):
        assert time.monotonic() < deadline, "the baseline was not downloaded"
        time.sleep(0.1)
    data = json.loads(baseline.read_text("utf-8"))
    assert [s["fingerprint"] for s in data["suppressions"]] == [accepted]

    # a re-check (an edited draft) keeps the marks of the findings it still has
    browser.js("document.querySelector('#report li.finding').setAttribute('data-old', '1')")
    browser.click("#run")
    browser.wait("!document.querySelector('#report li[data-old]') && "
                 "document.querySelectorAll('#report li.finding').length > 0")
    assert browser.js(f"document.querySelector(\"li[data-fingerprint='{accepted}']\")"
                      ".classList.contains('accepted')")
    assert browser.js("document.getElementById('n-accepted').textContent") == "1"

    monkeypatch.chdir(pairs)
    before = CliRunner().invoke(cli, ["check", "seed.zh.txt", "seed.en.txt", "-f", "json",
                                      "--fail-on", "never"])
    after = CliRunner().invoke(cli, ["check", "seed.zh.txt", "seed.en.txt", "-f", "json",
                                     "--fail-on", "never", "--baseline", str(baseline)])
    assert before.exit_code == after.exit_code == 0, after.stderr
    old = [f["fingerprint"] for f in json.loads(before.stdout)["findings"]]
    new = json.loads(after.stdout)
    assert new["suppressed"] == 1
    assert [f["fingerprint"] for f in new["findings"]] == [fp for fp in old if fp != accepted]
    assert sorted(old) == sorted(fp for fp, _ in shown)  # the page showed the CLI's findings

    errors = [e["params"] for e in browser.events
              if (e["method"] == "Log.entryAdded" and e["params"]["entry"]["level"] == "error")
              or e["method"] == "Runtime.exceptionThrown"]
    assert errors == []  # (a Content-Security-Policy violation is logged as an error)


def test_a_bad_input_is_one_line_on_the_page(browser: DevTools, server: str) -> None:
    browser.call("Page.enable")
    browser.call("Page.navigate", url=server)
    browser.wait("document.documentElement.getAttribute('data-page') === 'ready'")
    browser.js("document.getElementById('zh').value = 'The English went in the Chinese box.'")
    browser.js("document.getElementById('en').value = '英文框裡放了中文。這是第二句。'")
    browser.click("#run")
    message = browser.wait("document.getElementById('status').classList.contains('error') "
                           "&& document.getElementById('status').textContent")
    assert message.startswith("xcheck: zh: expected Chinese")
    assert browser.js("document.getElementById('result').hidden") is True
